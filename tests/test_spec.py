"""The spec model: the public API, the YAML and workbook loaders, and bad input."""

import copy
from datetime import date

import openpyxl
import pytest
import yaml

from budgets.cli import main
from budgets.genereer import generate
from budgets.spec import Begroting, load_spec
from pyfuncs.fouten import InvoerFout
from pyfuncs.productbegroting import normbedrag


@pytest.fixture(scope="module")
def werkom_raw(root) -> dict:
    return yaml.safe_load((root / "samples/werkom/begroting.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def werkom(root) -> Begroting:
    return load_spec(root / "samples/werkom/begroting.yaml")


def test_public_api(werkom):
    assert werkom.naam == "Werkom"
    assert werkom.begrotingsjaar == 2023
    assert werkom.jaren == (2022, 2023, 2024, 2025, 2026)
    assert werkom.gemeenten == ("Zaanstad", "Purmerend")
    assert werkom.datum == date(2022, 6, 1)
    wsw = werkom.product("Wsw")
    assert (wsw.eenheid, wsw.regel, wsw.soort, wsw.teken) == (
        "fte",
        "realisatie",
        "operationeel_resultaat",
        -1,
    )
    assert werkom.doorbelastingen and werkom.exploitatie and werkom.risicos
    assert werkom.reserve.verdeelsleutel == "Bijdragen"


def test_indexed_normprijs_compounds_per_year(werkom):
    beschut = werkom.product("Begeleiding beschut")
    assert beschut.normprijs(2022) == 13750
    assert beschut.normprijs(2024) == pytest.approx(13750 * 1.02 * 1.02)


def test_volumes_from_a_total_follow_the_key(werkom):
    """Re-integratie: 1,450 places in 2023 split 2/3–1/3 (the PW-budget key)."""
    zaanstad = werkom.volume("Zaanstad", "Re-integratie", 2023)
    purmerend = werkom.volume("Purmerend", "Re-integratie", 2023)
    assert zaanstad + purmerend == pytest.approx(1450)
    assert zaanstad == pytest.approx(2 * purmerend)


def test_bijdrage_comes_from_the_core_and_an_or_is_paid_back(werkom):
    volume = werkom.volume("Zaanstad", "Wsw", 2023)
    expected = normbedrag([[volume]], [[-werkom.product("Wsw").normprijs(2023)]])[0, 0]
    assert werkom.bijdrage("Zaanstad", "Wsw", 2023) == pytest.approx(expected)
    assert werkom.bijdrage("Zaanstad", "Wsw", 2023) < 0


def _run_bad(tmp_path, capsys, raw) -> str:
    spec = tmp_path / "begroting.yaml"
    spec.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    out = tmp_path / "uit.xlsx"
    code = main(["genereer", str(spec), "-o", str(out), "--niet-controleren"])
    assert code == 2
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["begroting.yaml"]
    return capsys.readouterr().err


def _volume_row(raw, product):
    return next(i for i, v in enumerate(raw["volumes"]) if v["product"] == product)


CASES = [
    (
        "onbekende gemeente",
        lambda r: r["volumes"].append({"gemeente": "Edam", "product": "Wsw", "aantallen": {2023: 1}}),
        "begroting.yaml: volumes[6].gemeente: onbekende gemeente 'Edam'",
    ),
    (
        "onbekend product",
        lambda r: r["volumes"].append({"gemeente": "Zaanstad", "product": "Koffie", "aantallen": {2023: 1}}),
        "begroting.yaml: volumes[6].product: onbekende product 'Koffie'",
    ),
    (
        "jaar buiten bereik",
        lambda r: r["volumes"][0]["totaal"].update({2030: 5}),
        "begroting.yaml: volumes[1].totaal.2030: jaar 2030 valt buiten de jaren 2022–2026",
    ),
    (
        "negatief volume",
        lambda r: r["volumes"][1]["totaal"].update({2024: -3}),
        "begroting.yaml: volumes[2].totaal.2024: -3 mag niet kleiner zijn dan 0",
    ),
    (
        "tekst in getal",
        lambda r: r["exploitatie"][0]["bedragen"].update({2023: "veel"}),
        "begroting.yaml: exploitatie[1].bedragen.2023: tekst 'veel' waar een getal hoort",
    ),
    (
        "kans buiten 0-1",
        lambda r: r["risicos"][0].update({"kans": 1.5}),
        "begroting.yaml: risicos[1].kans: kans 1.5 ligt niet tussen 0 en 1",
    ),
    ("verplicht veld", lambda r: r["gr"].pop("datum"), "begroting.yaml: gr.datum: verplicht veld ontbreekt"),
    (
        "dubbele naam",
        lambda r: r["deelnemers"].append(dict(r["deelnemers"][0])),
        "begroting.yaml: deelnemers[3].naam: gemeente 'Zaanstad' komt twee keer voor",
    ),
    (
        "sleutel allemaal nul",
        lambda r: r["verdeelsleutels"][0].update({"aandelen": {"Zaanstad": 0, "Purmerend": 0}}),
        "begroting.yaml: verdeelsleutels[1]: in 2022: gewichten zijn allemaal nul",
    ),
    (
        "ontbrekende regel",
        lambda r: r["exploitatie"][2]["subtotaal"].update({"plus": ["Bestaat niet"]}),
        "begroting.yaml: exploitatie[3].subtotaal.plus: onbekende regel 'Bestaat niet'",
    ),
    (
        "verwijst naar zichzelf",
        lambda r: r["exploitatie"][2]["subtotaal"]["min"].append("Resultaat meerjarenraming"),
        "begroting.yaml: exploitatie[3].subtotaal.min: regel 'Resultaat meerjarenraming' verwijst naar zichzelf",
    ),
    (
        "cyclus",
        lambda r: r["exploitatie"].extend(
            [{"naam": "A", "subtotaal": {"plus": ["B"]}}, {"naam": "B", "subtotaal": {"plus": ["A"]}}]
        ),
        "begroting.yaml: exploitatie[4].subtotaal: regel 'A' verwijst via andere regels naar zichzelf",
    ),
    (
        "onbekende sleutel",
        lambda r: r["volumes"][0].update({"verdeelsleutel": "Geen"}),
        "begroting.yaml: volumes[1].verdeelsleutel: onbekende verdeelsleutel 'Geen'",
    ),
]


@pytest.mark.parametrize(("case", "change", "message"), CASES, ids=[c[0] for c in CASES])
def test_bad_input_names_file_and_place(case, change, message, werkom_raw, tmp_path, capsys):
    raw = copy.deepcopy(werkom_raw)
    change(raw)
    err = _run_bad(tmp_path, capsys, raw)
    assert message in err, err


def test_all_errors_are_reported_at_once(werkom_raw, tmp_path, capsys):
    raw = copy.deepcopy(werkom_raw)
    raw["risicos"][0]["kans"] = 2
    raw["volumes"][1]["totaal"][2024] = -1
    raw["gr"].pop("naam")
    raw["producten"][0]["eenheid"] = "liter"
    err = _run_bad(tmp_path, capsys, raw)
    assert err.startswith("fout: ")
    for expected in (
        "risicos[1].kans",
        "volumes[2].totaal.2024",
        "gr.naam: verplicht veld ontbreekt",
        "producten[1].eenheid: 'liter' is onbekend; kies uit: plek, fte, persoon",
    ):
        assert expected in err


def test_not_yaml_and_missing_file(tmp_path):
    bad = tmp_path / "kapot.yaml"
    bad.write_text("gr: [\n", encoding="utf-8")
    with pytest.raises(InvoerFout, match=r"kapot.yaml: regel \d+: geen geldige YAML"):
        load_spec(bad)
    with pytest.raises(InvoerFout, match="bestand niet gevonden"):
        load_spec(tmp_path / "weg.yaml")


def test_workbook_errors_name_the_cell(root, tmp_path):
    made = generate(root / "samples/werkom/begroting.yaml", tmp_path / "w.xlsx")
    book = openpyxl.load_workbook(made.werkmap)
    sheet = book["Uitgangspunten"]
    kans = next(r for r in range(1, sheet.max_row) if sheet.cell(r, 1).value == made.spec.risicos[0].naam)
    sheet.cell(kans, 2).value = 3
    volume_row = next(
        r
        for r in range(1, sheet.max_row)
        if sheet.cell(r, 1).value == "Wsw" and sheet.cell(r, 3).value == "(totaal)"
    )
    sheet.cell(volume_row, 6).value = "veel"
    book.save(made.werkmap)
    with pytest.raises(InvoerFout) as caught:
        load_spec(made.werkmap)
    message = str(caught.value)
    assert f"w.xlsx: Uitgangspunten!B{kans}: kans 3.0 ligt niet tussen 0 en 1" in message
    assert f"w.xlsx: Uitgangspunten!F{volume_row}: tekst 'veel' waar een getal hoort" in message


def test_an_edited_input_in_the_workbook_is_read_back(root, tmp_path):
    made = generate(root / "samples/werkom/begroting.yaml", tmp_path / "w.xlsx")
    book = openpyxl.load_workbook(made.werkmap)
    sheet = book["Uitgangspunten"]
    row = next(
        r
        for r in range(1, sheet.max_row)
        if sheet.cell(r, 1).value == "Begeleiding regulier extern"
        and sheet.cell(r, 4).value == "normprijs per jaar"
    )
    sheet.cell(row, 6).value = 4500
    book.save(made.werkmap)
    assert load_spec(made.werkmap).product("Begeleiding regulier extern").normprijs(2023) == 4500
