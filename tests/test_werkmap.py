"""The controller's workbook: built from the xlwings quickstart, every UDF on a sheet, and
the native-Excel twins, recalculated by LibreOffice, equal to the Python functions called
on the inputs the workbook itself holds."""

import ast
import inspect
import math
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils import range_boundaries
from openpyxl.worksheet.formula import ArrayFormula

from budgets.excel import rekenmotor
from budgets.werkmap.bouwen import build_workbook
from pyfuncs import udfs

UDF_NAMES = sorted(name for name in dir(udfs) if name.startswith("PB_") and callable(getattr(udfs, name)))


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    path = tmp_path_factory.mktemp("werkmap") / "productbegroting.xlsm"
    blokken = build_workbook(path)
    return path, blokken, openpyxl.load_workbook(path, keep_vba=True)


@pytest.fixture(scope="module")
def recalculated(built, libreoffice):
    return rekenmotor.recalculate_with_libreoffice(built[0])


def ndim2_arguments() -> dict[str, set[str]]:
    """Per UDF the arguments declared with ndim=2 (they always arrive as a list of rows)."""
    tree = ast.parse(Path(udfs.__file__).read_text(encoding="utf-8"))
    result = {}
    for node in tree.body:
        if isinstance(node, ast.FunctionDef):
            result[node.name] = {ast.literal_eval(d.args[0]) for d in node.decorator_list
                                 if isinstance(d, ast.Call) and getattr(d.func, "id", "") == "arg"
                                 and any(k.arg == "ndim" and ast.literal_eval(k.value) == 2 for k in d.keywords)}
    return result


def formula_text(cell) -> str:
    return cell.value.text if isinstance(cell.value, ArrayFormula) else cell.value


def as_excel_passes(sheet, reference: str, ndim2: bool):
    """A reference's values the way xlwings hands them to a UDF (numbers as floats)."""
    min_col, min_row, max_col, max_row = range_boundaries(reference)
    rows = [[_excel_value(sheet.cell(row=r, column=c).value) for c in range(min_col, max_col + 1)]
            for r in range(min_row, max_row + 1)]
    if ndim2:
        return rows
    if len(rows) == 1 and len(rows[0]) == 1:
        return rows[0][0]
    if len(rows) == 1 or all(len(row) == 1 for row in rows):
        return [cell for row in rows for cell in row]
    return rows


def _excel_value(value):
    return float(value) if isinstance(value, int) and not isinstance(value, bool) else value


def python_result(book, blok, ndim2: dict[str, set[str]]):
    """Call the UDF named in the workbook's formula on the cells the formula names."""
    sheet = book[blok.blad]
    text = formula_text(sheet[blok.udf_cel])
    match = re.fullmatch(r"=(PB_\w+)\((.*)\)", text)
    assert match and match.group(1) == blok.functie, text
    names = list(inspect.signature(getattr(udfs, blok.functie)).parameters)
    refs = match.group(2).split(",")
    args = [as_excel_passes(sheet, r, names[k] in ndim2[blok.functie]) for k, r in enumerate(refs)]
    result = getattr(udfs, blok.functie)(*args)
    if not isinstance(result, list):
        return [[result]]
    return [row if isinstance(row, list) else [row] for row in result] if isinstance(result[0], list) else [result]


def test_vba_project_of_the_quickstart_is_kept(built):
    with zipfile.ZipFile(built[0]) as archive:
        assert "xl/vbaProject.bin" in archive.namelist()
        assert "macroEnabled" in archive.read("[Content_Types].xml").decode()


def test_conf_sheet_names_the_udf_module_and_explains_pythonpath(built):
    sheet = built[2]["xlwings.conf"]
    settings = {}
    for row in sheet.iter_rows(min_col=1, max_col=2):
        if row[0].value is None:
            break  # xlwings reads from A1 down to the first empty cell
        settings[row[0].value] = row[1].value
    assert settings["UDF Modules"] == "pyfuncs.udfs"
    assert "PYTHONPATH" in settings
    texts = [c.value for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    assert any(t.startswith("PYTHONPATH:") for t in texts)


def test_lees_mij_explains_setup_name_error_and_messages(built):
    text = "\n".join(c.value for row in built[2]["Lees mij"].iter_rows() for c in row if c.value)
    for needle in ("xlwings addin install", "VBA-project vertrouwen", "Import Functions", "#NAAM?", "#NAME?",
                   "#WAARDE!", "pip install"):
        assert needle in text
    try:
        udfs.PB_VERDEEL(1000, [[2], [-1]])
    except ValueError as fout:
        assert str(fout) in text


def test_every_udf_is_shown_and_all_but_the_simulation_have_a_twin(built):
    book, blokken = built[2], built[1]
    shown = {m for ws in book.worksheets for row in ws.iter_rows() for c in row if c.value is not None
             for m in re.findall(r"PB_\w+(?=\()", str(formula_text(c)))}
    assert shown == set(UDF_NAMES)
    assert {b.functie for b in blokken} == set(UDF_NAMES)
    without_twin = {b.functie for b in blokken if b.tweeling_cel is None}
    assert without_twin == {"PB_RISICOSIMULATIE"}
    for blok in blokken:
        if blok.tweeling_cel is None:
            note = book[blok.blad][blok.toelichting_cel].value
            assert note.startswith("Geen Excel-tweeling")


def test_group_sheets_in_order(built):
    assert built[2].sheetnames == ["Lees mij", "Begroting", "Verdeling en saldo", "Weerstandsvermogen",
                                   "P&C-controle", "Financiële functies", "xlwings.conf"]


def test_array_formulas_cover_exactly_the_python_result(built):
    book, blokken = built[2], built[1]
    ndim2 = ndim2_arguments()
    for blok in blokken:
        cell = book[blok.blad][blok.udf_cel]
        result = python_result(book, blok, ndim2)
        assert (len(result), len(result[0])) == blok.vorm, blok
        if blok.vorm != (1, 1):
            min_col, min_row, max_col, max_row = range_boundaries(cell.value.ref)
            assert (max_row - min_row + 1, max_col - min_col + 1) == blok.vorm


def test_native_twins_equal_the_python_functions(built, recalculated):
    book, blokken = built[2], built[1]
    ndim2 = ndim2_arguments()
    compared = 0
    for blok in (b for b in blokken if b.tweeling_cel):
        expected = python_result(book, blok, ndim2)
        top = book[blok.blad][blok.tweeling_cel]
        for i, row in enumerate(expected):
            for j, value in enumerate(row):
                twin_cell = book[blok.blad].cell(row=top.row + i, column=top.column + j)
                assert str(twin_cell.value).startswith("="), f"{twin_cell.coordinate} is geen formule"
                cell = twin_cell.coordinate
                actual = recalculated[blok.blad].get(cell)
                assert _same(value, actual), f"{blok.blad}!{cell} ({blok.functie}): {actual!r} != {value!r}"
                compared += 1
    assert compared >= 60


def _same(expected, actual) -> bool:
    if isinstance(expected, bool) or isinstance(expected, str) or expected is None:
        return actual == expected or (expected in (None, "") and actual in (None, ""))
    return isinstance(actual, (int, float)) and math.isclose(actual, expected, rel_tol=1e-12, abs_tol=1e-6)


def test_udf_cells_show_name_error_without_the_add_in(built, recalculated):
    for blok in built[1]:
        assert recalculated[blok.blad][blok.udf_cel] == "#NAME?"


def test_cli_refuses_to_overwrite_and_writes_with_overschrijf(tmp_path):
    target = tmp_path / "wm.xlsm"
    target.write_bytes(b"oud")
    command = [sys.executable, "-m", "budgets.cli", "werkmap", "-o", str(target)]
    refused = subprocess.run(command, capture_output=True, text=True)
    assert refused.returncode == 2
    assert refused.stderr == f"fout: {target}: bestaat al; gebruik --overschrijf om het te vervangen\n"
    done = subprocess.run([*command, "--overschrijf"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"{target}: 17 functies op 5 bladen")
    assert zipfile.is_zipfile(target)


def test_cli_refuses_an_xlsx_target(tmp_path):
    result = subprocess.run([sys.executable, "-m", "budgets.cli", "werkmap", "-o", str(tmp_path / "x.xlsx")],
                            capture_output=True, text=True)
    assert result.returncode == 2
    assert "moet op .xlsm eindigen" in result.stderr


def test_a_second_build_has_the_same_content(built, tmp_path):
    again = tmp_path / "opnieuw.xlsm"
    build_workbook(again)
    with zipfile.ZipFile(built[0]) as first, zipfile.ZipFile(again) as second:
        assert first.namelist() == second.namelist()
        for name in first.namelist():
            if name != "docProps/core.xml":  # holds the time of saving
                assert first.read(name) == second.read(name), name
