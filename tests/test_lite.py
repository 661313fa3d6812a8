"""The xlwings Lite bundle: one valid main.py built from pyfuncs that behaves like pyfuncs.udfs."""

import ast
import importlib.util
import inspect
import subprocess
import sys
import textwrap

import pytest

from budgets.functies import lite
from budgets.functies.voorbeelden import FOUTEN, VOORBEELDEN
from pyfuncs import udfs
from pyfuncs.fouten import InvoerFout

ALLOWED = {"numpy", "pandas", "numpy_financial", "xlwings"}
UDF_NAMES = sorted(name for name in dir(udfs) if name.startswith("PB_") and callable(getattr(udfs, name)))


@pytest.fixture(scope="module")
def bundle(tmp_path_factory):
    folder = tmp_path_factory.mktemp("lite")
    lite.write_bundle(folder)
    return folder


@pytest.fixture(scope="module")
def main_module(bundle):
    spec = importlib.util.spec_from_file_location("productbegroting_lite_main", bundle / "main.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def import_roots(source: str) -> set[str]:
    roots = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, "relative import in main.py"
            roots.add(node.module.split(".")[0])
    return roots


def test_main_is_valid_python_importing_only_what_pyodide_has(bundle):
    source = (bundle / "main.py").read_text(encoding="utf-8")
    compile(source, "main.py", "exec")
    outside = import_roots(source) - set(sys.stdlib_module_names)
    assert outside <= ALLOWED
    assert "from xlwings import arg, func" in source


def test_requirements_list_every_third_party_import(bundle):
    source = (bundle / "main.py").read_text(encoding="utf-8")
    lines = (bundle / "requirements.txt").read_text(encoding="utf-8").splitlines()
    names = {line.split("=")[0].split(">")[0].replace("-", "_") for line in lines}
    assert names == import_roots(source) - set(sys.stdlib_module_names)


def test_every_udf_has_the_same_signature_and_help(main_module):
    for name in UDF_NAMES:
        bundled = getattr(main_module, name)
        assert inspect.signature(bundled) == inspect.signature(getattr(udfs, name)), name
        assert inspect.getdoc(bundled) == inspect.getdoc(getattr(udfs, name)), name


def test_examples_give_the_same_results(main_module):
    assert set(VOORBEELDEN) == set(UDF_NAMES)
    for name, voorbeeld in VOORBEELDEN.items():
        expected = getattr(udfs, name)(*voorbeeld.argumenten)
        assert getattr(main_module, name)(*voorbeeld.argumenten) == expected, name


def test_bad_input_gives_the_same_dutch_message(main_module):
    for name, cases in FOUTEN.items():
        for args in cases:
            with pytest.raises(InvoerFout) as original:
                getattr(udfs, name)(*args)
            with pytest.raises(ValueError) as bundled:
                getattr(main_module, name)(*args)
            assert type(bundled.value).__name__ == "InvoerFout"
            assert str(bundled.value) == str(original.value)


def test_the_bundle_is_reproducible():
    assert lite.render_main() == lite.render_main()
    assert "pyfuncs." not in lite.render_main().split('"""', 2)[2].replace("# ---- pyfuncs/", "")


def _module(name: str, source: str, aliases: dict[str, str] | None = None) -> lite.Module:
    source = textwrap.dedent(source)
    return lite.Module(name, source.splitlines(), ast.parse(source), (), aliases or {})


def test_a_name_defined_in_two_modules_is_refused():
    with pytest.raises(lite.BundelFout, match="de naam check staat in a en in b"):
        lite.check_names([_module("a", "def check(): pass"), _module("b", "check = 1")])


def test_the_same_import_in_two_modules_is_allowed():
    lite.check_names([_module("a", "import numpy as np"), _module("b", "import numpy as np")])


def test_a_local_name_hiding_a_flattened_reference_is_refused():
    user = _module("b", """
        def f(ratio):
            return w.ratio(ratio, 1)
    """, {"w": "weerstand"})
    with pytest.raises(lite.BundelFout, match="lokale naam ratio"):
        lite.check_shadowing(user, {"weerstand": {"ratio"}})


def test_flatten_drops_module_prefixes_and_keeps_non_ascii_text():
    user = _module("b", '''
        """Doc."""
        from pyfuncs import weerstand as w
        import numpy as np
        x = "één × twee"; y = w.ratio(1, 2) + np.pi
    ''', {"w": "weerstand"})
    assert lite.flatten(user) == 'x = "één × twee"; y = ratio(1, 2) + np.pi'


def test_cli_writes_the_bundle_and_refuses_to_overwrite(tmp_path):
    command = [sys.executable, "-m", "budgets.cli", "lite", "-o", str(tmp_path)]
    first = subprocess.run(command, capture_output=True, text=True)
    assert first.returncode == 0, first.stderr
    assert first.stdout.splitlines()[:2] == [f"geschreven: {tmp_path / 'main.py'}",
                                             f"geschreven: {tmp_path / 'requirements.txt'}"]
    again = subprocess.run(command, capture_output=True, text=True)
    assert again.returncode == 2
    assert again.stderr == f"fout: {tmp_path / 'main.py'}: bestaat al; gebruik --overschrijf om het te vervangen\n"


def test_main_has_no_undefined_or_redefined_names(bundle):
    ruff = pytest.importorskip("ruff")
    del ruff
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "--isolated",
                             "--select", "F", str(bundle / "main.py")], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
