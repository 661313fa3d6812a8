"""The arrows point one way: budgets → pyfuncs, and the core does no I/O."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORBIDDEN_IN_CORE = {"budgets", "openpyxl", "formulas", "yaml", "subprocess", "argparse", "shutil"}


def imported_modules(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_core_never_imports_budgets_or_io_libraries():
    for path in (ROOT / "pyfuncs").glob("*.py"):
        bad = imported_modules(path) & FORBIDDEN_IN_CORE
        assert not bad, f"{path.name} importeert {sorted(bad)}"


def test_only_the_excel_face_imports_xlwings():
    for path in (ROOT / "pyfuncs").glob("*.py"):
        if path.name != "udfs.py":
            assert "xlwings" not in imported_modules(path), path.name


def test_core_opens_no_files():
    for path in (ROOT / "pyfuncs").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "open(" not in text and "read_text" not in text, path.name


def test_no_python_round_on_money():
    for folder in ("pyfuncs", "budgets"):
        for path in (ROOT / folder).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "round":
                    raise AssertionError(f"{path}:{node.lineno} gebruikt round(); gebruik excel_round")
