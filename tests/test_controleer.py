"""`begroting controleer`: passes on fresh workbooks, names the cell a user broke."""

import shutil
from pathlib import Path

import openpyxl
import pytest

from budgets.cli import main
from budgets.werkboek.controleer import CHECKS, Bevinding, Rapport, format_report, verify
from budgets.werkboek.genereer import generate


@pytest.fixture(scope="module")
def werkom_xlsx(tmp_path_factory, root) -> Path:
    out = tmp_path_factory.mktemp("controleer") / "werkom.xlsx"
    return generate(root / "samples/werkom/begroting.yaml", out).werkmap


@pytest.fixture
def copy(werkom_xlsx, tmp_path) -> Path:
    target = tmp_path / "kopie.xlsx"
    shutil.copyfile(werkom_xlsx, target)
    return target


def _edit(path: Path, sheet: str, cell: str, value) -> None:
    """Edit one cell as a user would in a spreadsheet, and save."""
    book = openpyxl.load_workbook(path)
    book[sheet][cell].value = value
    book.save(path)


def _find(path: Path, sheet: str, label: str, column: str = "F") -> str:
    book = openpyxl.load_workbook(path)
    for row in book[sheet].iter_rows(min_col=1, max_col=1):
        if row[0].value == label:
            return f"{column}{row[0].row}"
    raise AssertionError(label)


def test_fresh_workbook_passes(copy, libreoffice, capsys):
    assert main(["controleer", str(copy)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("In orde: ") and "mastercontrole WAAR" in out


def test_edited_input_still_agrees(copy, libreoffice):
    row = _find(copy, "Uitgangspunten", "Begeleiding regulier extern", "F")
    _edit(copy, "Uitgangspunten", row, 4750)
    assert verify(copy).in_orde


def test_typed_number_over_a_formula_is_named(copy, libreoffice, capsys):
    cell = _find(copy, "Productbegroting", "Normbedrag (bijdrage gemeenten)")
    _edit(copy, "Productbegroting", cell, 123456)
    assert main(["controleer", str(copy)]) == 1
    out = capsys.readouterr().out
    assert f"Productbegroting!{cell}: formule is vervangen door de waarde 123456" in out
    assert out.rstrip().splitlines()[-2].endswith("bevinding(en) in kopie.xlsx.")


def test_a_different_formula_is_named(copy, libreoffice):
    cell = _find(copy, "Exploitatie", "Totaal lasten")
    _edit(copy, "Exploitatie", cell, "=F9*1")
    findings = verify(copy).bevindingen
    assert any(
        f.plaats == f"Exploitatie!{cell}" and f.soort == "formule" and "andere formule =F9*1" in f.melding
        for f in findings
    )
    assert any(f.soort == "waarde" for f in findings)  # what depends on it now differs from the core


def test_a_broken_reference_is_named(copy, libreoffice):
    cell = _find(copy, "Bijdragen", "Totaal", "E")
    _edit(copy, "Bijdragen", cell, "=SUM(#REF!)")
    findings = verify(copy).bevindingen
    places = {f.plaats for f in findings if f.soort == "fout"}
    assert f"Bijdragen!{cell}" in places
    assert any(f.plaats.startswith("Controles!") for f in findings)  # the error reaches the checks


def test_not_a_workbook_is_bad_input(tmp_path, capsys):
    bad = tmp_path / "leeg.xlsx"
    bad.write_bytes(b"geen zip")
    assert main(["controleer", str(bad)]) == 2
    assert "leeg.xlsx: geen leesbare werkmap" in capsys.readouterr().err


def test_report_says_when_the_fallback_engine_ran():
    rapport = Rapport(Path("x.xlsx"), "formulas", (Bevinding("Blad!A1", "fout", "foutwaarde #DIV/0!"),), 1, 1,
                      terugval=True)
    text = format_report(rapport)
    assert text.splitlines()[0].startswith("LibreOffice ontbreekt: herberekend met het pakket 'formulas'")
    assert "Blad!A1: foutwaarde #DIV/0!" in text


def test_checks_are_a_registered_list():
    assert [c.__name__ for c in CHECKS] == [
        "check_sheets",
        "check_formulas",
        "check_values",
        "check_errors",
        "check_controls",
    ]


def test_without_libreoffice_the_formulas_package_is_used_and_named(werkom_xlsx, monkeypatch, capsys):
    from budgets.excel import rekenmotor
    monkeypatch.setattr(rekenmotor, "soffice_path", lambda: None)
    assert main(["controleer", str(werkom_xlsx)]) == 0
    captured = capsys.readouterr()
    lines = captured.out.splitlines()
    assert lines[0] == "LibreOffice ontbreekt: herberekend met het pakket 'formulas' (trager)."
    assert lines[1].startswith("In orde: ") and "(herberekend met formulas)" in lines[1]
    assert captured.err == ""


def test_a_changed_risk_makes_the_simulated_value_stale(copy, libreoffice, capsys):
    book = openpyxl.load_workbook(copy)
    sheet = book["Uitgangspunten"]
    row = next(r for r in range(1, sheet.max_row) if sheet.cell(r, 1).value == "Lagere netto toegevoegde waarde")
    sheet.cell(row, 2).value = 0.9
    book.save(copy)
    assert main(["controleer", str(copy)]) == 1
    out = capsys.readouterr().out
    assert "Weerstandsvermogen!E20: de berekende waarde" in out and "is verouderd" in out
    assert out.rstrip().splitlines()[-1].startswith("Bedoelde u de wijziging? Maak de werkmap opnieuw")


def test_several_workbooks_in_one_run_each_with_its_own_report(copy, werkom_xlsx, tmp_path, libreoffice, capsys):
    good = tmp_path / "goed.xlsx"
    shutil.copyfile(werkom_xlsx, good)
    cell = _find(copy, "Productbegroting", "Normbedrag (bijdrage gemeenten)")
    _edit(copy, "Productbegroting", cell, 123456)
    other = tmp_path / "ook-goed.xlsx"
    shutil.copyfile(werkom_xlsx, other)
    assert main(["controleer", str(good), str(copy), str(other)]) == 1
    out = capsys.readouterr().out
    first, rest = out.split(f"== {copy}\n")
    second, third = rest.split(f"== {other}\n")
    assert first.startswith(f"== {good}\nIn orde: ") and third.startswith("In orde: ")
    assert f"Productbegroting!{cell}: formule is vervangen door de waarde 123456" in second
    assert "Productbegroting" not in first + third
