"""The spec model: the public API, the YAML and workbook loaders, and bad input."""

import copy
from datetime import date

import openpyxl
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from budgets.cli import main
from budgets.spec.laden import load_spec
from budgets.spec.model import Begroting
from budgets.werkboek.genereer import generate
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


NAMES = st.text(alphabet="abcXYZ éë'=+-@(", min_size=1, max_size=10).filter(
    lambda s: s == s.strip() and s != "(totaal)")
AMOUNTS = st.integers(0, 10**10).map(lambda cents: cents / 100)  # up to € 100 mln, in cents
VOLUMES = st.integers(0, 10**6).map(lambda hundredths: hundredths / 100)  # up to 10,000 fte
PRICES = st.integers(-10**6, 10**7).map(lambda cents: cents / 100)  # a negative OR is allowed
FRACTIONS = st.integers(0, 1000).map(lambda permille: permille / 1000)


@st.composite
def specs(draw) -> dict:
    """Small valid specs with awkward names and amounts as users type them (xlsx keeps
    numbers to about 15 significant digits, so 17-digit floats do not survive a workbook)."""
    gemeenten = draw(st.lists(NAMES, min_size=1, max_size=4, unique=True))
    first = draw(st.integers(2020, 2030))
    years = list(range(first, first + draw(st.integers(1, 3))))
    per_year = st.fixed_dictionaries({y: AMOUNTS for y in years})
    volumes_per_year = st.fixed_dictionaries({y: VOLUMES for y in years})
    volumes = [{"gemeente": g, "product": "P", "aantallen": draw(volumes_per_year)} for g in gemeenten]
    volumes.append({"product": "Q", "totaal": draw(volumes_per_year), "verdeelsleutel": "K"})
    return {
        "gr": {"naam": draw(NAMES), "begrotingsjaar": years[0], "jaren": years, "datum": "2024-01-31"},
        "deelnemers": [{"naam": g, "inwoners": draw(st.integers(1, 10**6))} for g in gemeenten],
        "producten": [{"naam": "P", "eenheid": "fte", "normprijs": draw(st.fixed_dictionaries(
                          {y: PRICES for y in years}))},
                      {"naam": "Q", "eenheid": "plek", "basisprijs": draw(PRICES), "indexatie": 2.5,
                       "soort": "operationeel_resultaat"}],
        "volumes": volumes,
        "verdeelsleutels": [{"naam": "K", "soort": "hybride", "vaste_voet": draw(FRACTIONS),
                             "variabel": "I"}, {"naam": "I", "soort": "inwoners"}],
        "exploitatie": [{"naam": "B", "soort": "baten", "bedragen": draw(per_year)},
                        {"naam": "L", "soort": "lasten", "aard": "incidenteel", "bedragen": draw(per_year)},
                        {"naam": "S", "subtotaal": {"plus": ["B"], "min": ["L"]}}],
        "reserve": {"stand_begin": draw(AMOUNTS), "verdeelsleutel": "I"},
        "risicos": [{"naam": "R", "kans": draw(FRACTIONS), "impact": draw(AMOUNTS)}],
        "simulatie": {"trekkingen": 100},
    }


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=specs())
def test_any_spec_survives_the_round_trip_through_the_workbook(raw, tmp_path_factory):
    folder = tmp_path_factory.mktemp("rond")
    path = folder / "s.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    made = generate(path, folder / "s.xlsx")
    assert load_spec(made.werkmap) == made.spec
