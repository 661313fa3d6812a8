"""What "Import Functions" does with pyfuncs.udfs (xlwings/udfs.py import_udfs): the VBA module
from generate_vba_wrapper and the function-wizard help, checked against what Excel's VBA
would refuse or cut; and what a cell shows when a function meets bad input."""

import io
import re
import traceback

import pytest
import xlwings_com as xc

from pyfuncs import udfs as pyfuncs_udfs

# VBA's limits: identifiers of at most 255 characters, lines of at most 1023 characters;
# MacroOptions descriptions are cut at 255 characters by xlwings (import_udfs: `[:255]`).
VBA_RESERVED = {
    "and", "as", "boolean", "byref", "byte", "byval", "call", "case", "const", "currency", "date", "dim",
    "do", "double", "each", "else", "elseif", "empty", "end", "enum", "eqv", "erase", "error", "event",
    "exit", "false", "for", "friend", "function", "get", "global", "gosub", "goto", "if", "imp",
    "implements", "in", "integer", "is", "let", "like", "long", "loop", "lset", "me", "mod", "new",
    "next", "not", "nothing", "null", "on", "option", "optional", "or", "paramarray", "preserve",
    "private", "property", "public", "raiseevent", "redim", "rem", "resume", "return", "rset", "select",
    "set", "single", "static", "step", "stop", "string", "sub", "then", "to", "true", "type", "typeof",
    "until", "variant", "wend", "while", "with", "xor", "attribute", "begin", "decimal", "object",
}
CELL_LIKE = re.compile(r"^([A-Z]{1,3}[0-9]+|R[0-9]*C[0-9]*)$", re.IGNORECASE)


class _Workbook:
    Name = "productbegroting.xlsm"


@pytest.fixture
def windows_module(monkeypatch):
    xl_udfs, _ = xc.load_classic_xlwings(monkeypatch)
    return xl_udfs, xc.decorate_like_windows(pyfuncs_udfs, xl_udfs, monkeypatch)


def test_the_generated_vba_module_is_valid_for_excel(windows_module):
    xl_udfs, module = windows_module
    out = io.StringIO()
    xl_udfs.generate_vba_wrapper("pyfuncs.udfs", module, out, _Workbook())
    vba = out.getvalue()
    functions = re.findall(r"^Function (\w+)\((.*)\)$", vba, re.MULTILINE)
    assert sorted(name for name, _ in functions) == sorted(n for n in dir(pyfuncs_udfs) if n.startswith("PB_"))
    assert max(len(line) for line in vba.splitlines()) <= 1023
    for name, parameters in functions:
        assert len(name) <= 255 and not CELL_LIKE.match(name), name
        for parameter in re.findall(r"(?:Optional )?(\w+)", parameters):
            assert parameter.lower() not in VBA_RESERVED, (name, parameter)
            assert len(parameter) <= 255 and re.fullmatch(r"[A-Za-z]\w*", parameter), (name, parameter)
        assert f'{name} = XLPy.CallUDF("pyfuncs.udfs", "{name}"' in vba
        assert f"{name} = Err.Description" in vba  # what a cell shows when Python raises


def test_wizard_help_fits_without_being_cut(windows_module):
    _, module = windows_module
    for name in (n for n in dir(module) if n.startswith("PB_")):
        info = getattr(module, name).__xlfunc__
        assert len(info["ret"]["doc"]) <= 255, name
        for argument in info["args"]:
            assert argument["doc"] and not argument["doc"].startswith("Positional argument"), (name, argument)
            assert len(argument["doc"]) <= 255, (name, argument["name"])


def _cell_text_if_raised(error: BaseException) -> str:
    """The cell text classic xlwings would show for a raised exception: pywin32 describes it as
    "Unexpected Python Error: " + the formatted traceback (com/win32com/src/ErrorUtils.cpp),
    xlwings' DLL (xlwingsdll/dispatch.cpp) then lists the lines last-first without blank ones,
    and the VBA wrapper puts Err.Description in the cell."""
    description = "Unexpected Python Error: " + "".join(traceback.format_exception(error))
    lines = description.split("\n")
    assert lines[0] == "Unexpected Python Error: Traceback (most recent call last):"
    return "\n".join(line for line in reversed(lines[1:]) if line)


def test_a_cell_shows_the_dutch_message_itself(windows_module):
    xl_udfs, module = windows_module
    xl_udfs.udf_modules["pyfuncs.udfs"] = {"filename": module.__file__, "filetime": None, "module": module}
    try:
        shown = xl_udfs.call_udf("pyfuncs.udfs", "PB_VERDEEL", (1000.0, ((2.0,), (-1.0,)), xc.MISSING), None, None)
    finally:
        del xl_udfs.udf_modules["pyfuncs.udfs"]
    assert shown == [["PB_VERDEEL: sleutels bevat een negatieve waarde (rij 2)"]]
    with pytest.raises(pyfuncs_udfs.InvoerFout) as raised:  # outside classic xlwings it raises
        module.PB_VERDEEL(1000.0, [[2.0], [-1.0]])
    first_line = _cell_text_if_raised(raised.value).splitlines()[0]
    assert first_line == "pyfuncs.fouten.InvoerFout: PB_VERDEEL: sleutels bevat een negatieve waarde (rij 2)"


def test_a_programming_error_still_shows_its_traceback(windows_module, monkeypatch):
    xl_udfs, module = windows_module
    monkeypatch.setattr(module.verdeling, "allocate", lambda *args: 1 / 0)
    xl_udfs.udf_modules["pyfuncs.udfs"] = {"filename": module.__file__, "filetime": None, "module": module}
    try:
        with pytest.raises(ZeroDivisionError):
            xl_udfs.call_udf("pyfuncs.udfs", "PB_VERDEEL", (1000.0, ((1.0,),), xc.MISSING), None, None)
    finally:
        del xl_udfs.udf_modules["pyfuncs.udfs"]
