"""Classic xlwings on Linux: its own udfs.py and Windows engine imported with small stand-ins
for pywin32, so that a PB_ function runs through xlwings' call_udf and argument conversion
with values shaped as Excel's COM interface hands them over.

What COM delivers (pywin32, Range.Value): a range as a tuple of row tuples, an empty cell as
None, a number as float, a Currency/Accounting cell as decimal.Decimal, a date as a
pywintypes time (xlwings makes it a datetime), an error cell as an int code (-2146826246 is
#N/A, see xlwings/_xlwindows.py `cell_errors`), an omitted optional argument as -2147352572.
"""

import ctypes
import datetime as dt
import importlib
import sys
import types

# COM codes of the error values, as in xlwings/_xlwindows.py.
COM_ERRORS = {"#DIV/0!": -2146826281, "#N/A": -2146826246, "#NAME?": -2146826259, "#NULL!": -2146826288,
              "#NUM!": -2146826252, "#REF!": -2146826265, "#VALUE!": -2146826273}
MISSING = -2147352572  # what VBA passes for an omitted Optional argument


class _Anything:
    """A stand-in that accepts any attribute access or call (for module-level setup code)."""

    def __init__(self, *args, **kwargs):
        pass

    def __call__(self, *args, **kwargs):
        return _Anything()

    def __getattr__(self, name):
        return _Anything()

    def __getitem__(self, key):
        return _Anything()


class _ComError(Exception):
    pass


def _module(name: str, **attributes) -> types.ModuleType:
    module = types.ModuleType(name)
    module.__file__ = f"<stand-in {name}>"
    module.__dict__.update(attributes)
    module.__getattr__ = lambda attr: _Anything()
    return module


def _stand_ins() -> dict[str, types.ModuleType]:
    time_type = type("TimeType", (dt.datetime,), {})
    client = _module("win32com.client", Dispatch=_Anything, CDispatch=type("CDispatch", (), {}),
                     CoClassBaseClass=type("CoClassBaseClass", (), {}),
                     DispatchBaseClass=type("DispatchBaseClass", (), {}), DispatchEx=_Anything)
    return {
        "pythoncom": _module("pythoncom", com_error=_ComError, ole_error=_ComError),
        "pywintypes": _module("pywintypes", TimeType=time_type, com_error=_ComError, error=_ComError),
        "win32api": _module("win32api"), "win32con": _module("win32con"), "win32gui": _module("win32gui"),
        "win32process": _module("win32process"), "win32timezone": _module("win32timezone"),
        "win32event": _module("win32event"),
        "win32com": _module("win32com", client=client), "win32com.client": client,
        "win32com.client.gencache": _module("win32com.client.gencache"),
        "win32com.server": _module("win32com.server"),
        **{f"win32com.server.{name}": _module(f"win32com.server.{name}")
           for name in ("dispatcher", "policy", "util", "exception")},
    }


def load_classic_xlwings(monkeypatch):
    """(xlwings.udfs, xlwings._xlwindows) imported with stand-ins; 'excel' is the active engine.

    The stand-ins live only for the test (monkeypatch undoes sys.modules and ctypes)."""
    for name, module in _stand_ins().items():
        monkeypatch.setitem(sys.modules, name, module)
    for name in ("oledll", "windll"):
        monkeypatch.setattr(ctypes, name, _Anything(), raising=False)
    monkeypatch.setattr(ctypes, "PyDLL", _Anything)
    for name in ("xlwings.udfs", "xlwings._xlwindows", "xlwings._win32patch"):
        monkeypatch.delitem(sys.modules, name, raising=False)
    import xlwings

    windows = importlib.import_module("xlwings._xlwindows")
    udfs = importlib.import_module("xlwings.udfs")
    engine = xlwings.Engine(impl=windows.engine)
    monkeypatch.setattr(xlwings.engines, "engines", [*xlwings.engines.engines, engine])
    monkeypatch.setattr(xlwings.engines, "engines_by_name", {**xlwings.engines.engines_by_name,
                                                             "excel": engine})
    return udfs, windows


def decorate_like_windows(module_source: types.ModuleType, udfs, monkeypatch) -> types.ModuleType:
    """A fresh copy of module_source whose `from xlwings import arg, func` are xlwings'
    real Windows decorators (xlarg, xlfunc), as on a Windows machine."""
    import xlwings

    monkeypatch.setattr(xlwings, "func", udfs.xlfunc)
    monkeypatch.setattr(xlwings, "arg", udfs.xlarg)
    spec = importlib.util.spec_from_file_location(f"{module_source.__name__}_windows", module_source.__file__)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
