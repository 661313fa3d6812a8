"""Only what the GR has: producten, volumes, verdeelsleutels, reserve and risicos are optional;
what is absent is left out of the workbook; headings ({kop: ...}) and the S/I column."""

import openpyxl
import yaml

from budgets.excel import rekenmotor
from budgets.spec.laden import load_spec
from budgets.werkboek.genereer import generate
from budgets.werkboek.overzicht import OV

MINIMAL = {
    "gr": {"naam": "Klein & Co", "begrotingsjaar": 2024, "jaren": {"van": 2023, "tot": 2025},
           "status": "ontwerp", "datum": "2023-06-01"},
    "deelnemers": [{"naam": "Oost"}, {"naam": "West"}],
    "producten": [],
    "exploitatie": [
        {"kop": "Baten"},
        {"naam": "Bijdragen", "soort": "baten", "bedragen": {2023: 1000.0, 2024: 1000.0, 2025: 1000.0}},
        {"kop": "Lasten"},
        {"naam": "Personeel", "soort": "lasten", "bedragen": {2023: 800.0, 2024: 900.0, 2025: 1100.0}},
        {"naam": "Project", "soort": "lasten", "aard": "incidenteel", "bedragen": {2024: 250.0}},
    ],
}


def _write(tmp_path, data, name="spec.yaml"):
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_a_minimal_gr_gets_only_its_own_sheets(tmp_path, libreoffice):
    made = generate(_write(tmp_path, MINIMAL), tmp_path / "klein.xlsx")
    names = [b.titel for b in made.bladen]
    for absent in ("Productbegroting", "Bijdragen", "Verdeling", "Weerstandsvermogen", "Grafieken"):
        assert absent not in names
    book = openpyxl.load_workbook(made.werkmap)
    texts = {c.value for ws in book for row in ws.iter_rows() for c in row if isinstance(c.value, str)}
    assert not any("Extra bijdrage gemeenten" in t for t in texts)  # the GR decided no allocation
    assert "Reserve" not in texts and "Risico's" not in texts  # no empty sections on Uitgangspunten
    values = rekenmotor.recalculate_with_libreoffice(made.werkmap)
    assert values["Controles"]["D4"] is True
    # the saldo is shown, not allocated: 1000 − 900 − 250 = −150 in 2024
    assert made.resultaten.saldo[2024] == -150.0
    assert made.resultaten.saldo_gemeenten[2024] == (0.0, 0.0)


def test_headings_and_the_si_column_on_the_overzicht(tmp_path):
    made = generate(_write(tmp_path, MINIMAL), tmp_path / "klein.xlsx")
    sheet = openpyxl.load_workbook(made.werkmap, data_only=True)[OV]
    column_a = [sheet.cell(r, 1).value for r in range(4, 12)]
    assert column_a[:5] == ["Omschrijving", "Baten", "Bijdragen", None, "Lasten"]
    assert sheet.cell(4, 5).value == "S/I"
    assert [sheet.cell(r, 5).value for r in (6, 9, 10)] == ["S", "S", "I"]
    labels = {sheet.cell(r, 1).value: r for r in range(1, sheet.max_row + 1)}
    r = labels["waarvan structureel saldo"]
    assert [sheet.cell(r, c).value for c in (2, 3, 4)] == [200, 100, -100]  # S lines only


def test_headings_survive_the_workbook_as_spec(tmp_path):
    made = generate(_write(tmp_path, MINIMAL), tmp_path / "klein.xlsx")
    again = load_spec(made.werkmap)
    assert again.koppen == load_spec(_write(tmp_path, MINIMAL)).koppen
    assert [k.tekst for k in again.koppen] == ["Baten", "Lasten"]
    assert again.reserve is None and again.producten == ()


def test_a_kop_with_amounts_is_refused_with_its_place(tmp_path, run_cli):
    data = yaml.safe_load(yaml.safe_dump(MINIMAL))
    data["exploitatie"][2] = {"kop": "Lasten", "bedragen": {2024: 5}}
    code, _out, err = run_cli("genereer", str(_write(tmp_path, data)), "-o", tmp_path / "w.xlsx",
                              "--niet-controleren")
    assert code == 2
    assert "exploitatie[3]: een kop is alleen een tussenkop zonder bedragen" in err
    assert not (tmp_path / "w.xlsx").exists()


def test_a_line_from_bijdragen_without_producten_is_refused(tmp_path, run_cli):
    data = yaml.safe_load(yaml.safe_dump(MINIMAL))
    data["exploitatie"][1] = {"naam": "Bijdragen", "soort": "baten", "bron": "bijdragen"}
    code, _out, err = run_cli("genereer", str(_write(tmp_path, data)), "-o", tmp_path / "w.xlsx",
                              "--niet-controleren")
    assert code == 2
    assert "exploitatie[2].bron: bron 'bijdragen' vraagt producten (met volumes)" in err


def test_the_title_page_names_the_document_and_shows_a_dutch_date(tmp_path, libreoffice):
    from datetime import datetime

    made = generate(_write(tmp_path, MINIMAL), tmp_path / "klein.xlsx")
    sheet = openpyxl.load_workbook(made.werkmap, data_only=True)["Voorblad"]
    texts = [c.value for row in sheet.iter_rows() for c in row if c.value is not None]
    assert "Ontwerpbegroting 2024 – Klein & Co" in texts  # cached, as Protected View shows it
    assert not any("logo" in str(t) or "SHA-256" in str(t) for t in texts)
    dates = [c for row in sheet.iter_rows() for c in row if isinstance(c.value, datetime)]
    assert [c.value for c in dates] == [datetime(2023, 6, 1)] and dates[0].number_format == "[$-413]d mmmm yyyy"
    values = rekenmotor.recalculate_with_libreoffice(made.werkmap)
    assert "Ontwerpbegroting 2024 – Klein & Co" in values["Voorblad"].values()
    controles = openpyxl.load_workbook(made.werkmap)["Controles"]
    assert any(c.value == "Vingerafdruk van de uitgangspunten (SHA-256)" for row in controles.iter_rows()
               for c in row)
