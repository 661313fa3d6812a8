"""`begroting kwartaal` end to end on the Werkom sample: exit codes, JSON, the workbook's
values after LibreOffice recalculation against the core, and toelichtingen that survive."""

import hashlib
import json
import shutil
from pathlib import Path

import openpyxl
import pytest

from budgets.excel import rekenmotor
from pyfuncs.afronding import to_cents

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "werkom"
REAL = SAMPLE / "realisatie"
TOL = 0.005


def kwartaal_args(ledger: Path, quarter: int, target: Path, *extra) -> list:
    return ["kwartaal", SAMPLE / "begroting.yaml", ledger, "--kwartaal", quarter,
            "--volumes", REAL / "volumes_2023.csv", "--mapping", REAL / "mapping.yaml",
            "--wijzigingen", REAL / "wijzigingen_2023.yaml", "-o", target, *extra]


@pytest.fixture(scope="session")
def eerste(tmp_path_factory, run_cli):
    """Quarter 2 on the provisional ledger, as a finance team runs it first."""
    folder = tmp_path_factory.mktemp("kwartaal")
    target, summary = folder / "kwartaal_2023_K2.xlsx", folder / "k2.json"
    code, out, err = run_cli(*kwartaal_args(REAL / "grootboek_2023_tm_juni.csv", 2, target,
                                            "--samenvatting", summary,
                                            "--profielen", REAL / "profielen_2023.yaml"))
    return {"code": code, "out": out, "err": err, "rapport": target,
            "json": json.loads(summary.read_text(encoding="utf-8")), "map": folder}


@pytest.fixture(scope="session")
def herberekend(libreoffice, eerste):
    return rekenmotor.recalculate_with_libreoffice(eerste["rapport"])


def rows_by_key(values: dict, sheet: str) -> dict:
    """Row number of every key in column A of a recalculated sheet."""
    return {v: int(cell[1:]) for cell, v in values[sheet].items()
            if cell.startswith("A") and cell[1:].isdigit() and isinstance(v, str) and "|" in v}


def header_columns(path: Path, sheet: str) -> dict:
    book = openpyxl.load_workbook(path)
    return {c.value: c.column_letter for c in book[sheet][3] if c.value}


def test_first_run_lacks_toelichtingen_and_says_so(eerste):
    assert eerste["code"] == 1
    assert "TOELICHTING NODIG" in eerste["out"]
    assert "1 exact dubbele regel" in eerste["err"]
    data = eerste["json"]
    assert data["kwartaal"] == 2 and data["jaar"] == 2023
    assert data["toelichting_ontbreekt"]
    assert data["meldingen"]["aantal_dubbel"] == 1
    flagged = [r for r in data["rijen"] if r["toelichting_vereist"]]
    assert len(flagged) == len(data["toelichting_ontbreekt"]) == data["toelichting_vereist"]


def test_sample_shows_the_intended_mix(eerste):
    rows = {r["sleutel"]: r for r in eerste["json"]["rijen"]}
    reint = rows["product|Re-integratie|Zaanstad"]
    assert reint["werkelijk_volume_tm"] > reint["begroot_volume_tm"]
    beschut = rows["product|Begeleiding beschut|Zaanstad"]
    assert beschut["werkelijk_volume_tm"] < beschut["begroot_volume_tm"]
    intern = rows["product|Begeleiding regulier intern|Zaanstad"]
    assert intern["prijs_effect"] > 0
    # issue 10: wijziging 2023-02 (28-09-2023) lies after the Q2 peildatum (30-06-2023)
    kosten = rows["regel|Kosten (loonkosten doelgroep en apparaat)"]
    assert kosten["wijzigingen"] == 0
    assert kosten["wijzigingen_geteld"] == []
    assert kosten["wijzigingen_na_peildatum"] == [{"nummer": "2023-02", "bedrag": 250000}]
    assert rows["product|Re-integratie|Zaanstad"]["wijzigingen_geteld"][0]["nummer"] == "2023-01"


def test_no_voordeel_is_marked_as_overschrijding(eerste):
    """Begrotingsrechtmatigheid judges the year-end prognose against the begroting na
    wijziging: an overschrijding is always a nadeel and always asks for a toelichting."""
    for row in eerste["json"]["rijen"]:
        if row["overschrijding_begroting"]:
            assert row["soort"] == "lasten"
            assert row["prognose"] > row["begroting_na_wijziging"]
            assert row["toelichting_vereist"]
        if row["omschrijving"] == "Wsw" and row["oordeel"] == "V":
            assert not row["overschrijding_begroting"]


def test_workbook_values_equal_the_core(herberekend, eerste):
    """Every computed column, recalculated by LibreOffice, equals the core's value."""
    data = {r["sleutel"]: r for r in eerste["json"]["rijen"]}
    pairs = {"Begroting na wijziging": "begroting_na_wijziging",
             "Begroot t/m kwartaal": "begroot_tm", "Realisatie t/m kwartaal": "realisatie_tm",
             "Verschil": "verschil", "Verschil %": "percentage",
             "Prognose jaar (lineair)": "prognose_lineair",
             "Prognose jaar": "prognose_begroting",
             "Volume-effect": "volume_effect", "Prijseffect": "prijs_effect",
             "V/N": "oordeel", "Toelichting vereist": "toelichting_vereist",
             "Boven begroting (jaar)": "overschrijding_begroting"}
    compared = 0
    for sheet in ("Producten", "Exploitatie"):
        columns = header_columns(eerste["rapport"], sheet)
        for key, row in rows_by_key(herberekend, sheet).items():
            for header, field in pairs.items():
                if header not in columns or field not in data[key]:
                    continue
                got = herberekend[sheet].get(f"{columns[header]}{row}")
                want = data[key][field]
                if want is None or want == "":
                    assert got in (None, ""), (sheet, key, header)
                elif isinstance(want, bool) or isinstance(want, str):
                    assert got == want, (sheet, key, header, got, want)
                else:
                    assert got == pytest.approx(want, abs=TOL), (sheet, key, header)
                compared += 1
    assert compared > 200


def test_workbook_has_no_errors_and_green_checks(herberekend, eerste):
    errors = [(s, c) for s, cells in herberekend.items() for c, v in cells.items()
              if rekenmotor.is_error_value(v)]
    assert errors == []
    voorblad = herberekend["Voorblad"]
    assert voorblad["A1"] == "Kwartaalrapportage"
    assert voorblad["B22"] is True
    assert voorblad["B23"] == len(eerste["json"]["toelichting_ontbreekt"])


def test_print_setup_and_frozen_panes(eerste):
    book = openpyxl.load_workbook(eerste["rapport"])
    sheet = book["Producten"]
    assert sheet.freeze_panes == "D5"
    assert sheet.page_setup.orientation == "landscape"
    assert "&P" in sheet.oddFooter.right.text


def test_every_besluit_fits_its_column(eerste):
    """The Besluit column is as wide as 'AB-besluit 28 september 2023, agendapunt 3': it
    is not cut off by the Omschrijving beside it, on screen or in print."""
    sheet = openpyxl.load_workbook(eerste["rapport"])["Wijzigingen"]
    besluiten = [c.value for c in sheet["C"][3:] if c.value]
    assert "AB-besluit 28 september 2023, agendapunt 3" in besluiten
    assert sheet.column_dimensions["C"].width >= max(len(text) for text in besluiten)


def fill_toelichtingen(path: Path, texts: dict) -> None:
    """Type toelichtingen into a report as a user would (openpyxl), by key."""
    book = openpyxl.load_workbook(path)
    for sheet in (book["Producten"], book["Exploitatie"]):
        columns = {c.value: c.column for c in sheet[3] if c.value}
        for row in sheet.iter_rows(min_row=5):
            key = row[0].value
            if key in texts:
                cell = row[columns["Toelichting"] - 1]
                cell.value = texts[key]
                cell.data_type = "s"  # typed as text ('=... in Excel)
    book.save(path)


def test_a_number_typed_as_toelichting_reads_back_as_excel_shows_it(eerste, tmp_path):
    """A user may type a number in the Toelichting column (no text format): it comes back
    as the digits, a whole number without ".0"."""
    from budgets.kwartaal.toelichtingen import read_toelichtingen

    report = tmp_path / "met_getallen.xlsx"
    shutil.copy(eerste["rapport"], report)
    keys = eerste["json"]["toelichting_ontbreekt"][:2]
    book = openpyxl.load_workbook(report)
    for sheet in (book["Producten"], book["Exploitatie"]):
        columns = {c.value: c.column for c in sheet[3] if c.value}
        for row in sheet.iter_rows(min_row=5):
            if row[0].value in keys:
                row[columns["Toelichting"] - 1].value = 15000 if row[0].value == keys[0] else 2.5
    book.save(report)
    found = read_toelichtingen(report)
    assert found[keys[0]] == "15000"
    assert found[keys[1]] == "2.5"


def hashes(folder: Path) -> dict:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}


def test_toelichtingen_survive_a_rerun_and_the_next_quarter(eerste, tmp_path, run_cli):
    report = tmp_path / "k2.xlsx"
    shutil.copy(eerste["rapport"], report)
    texts = {key: f"Uitleg bij {key}" for key in eerste["json"]["toelichting_ontbreekt"]}
    texts["regel|Inkomsten (NTW, vergoeding loonkosten, PW-budget)"] = '=HYPERLINK("http://x","y")'
    fill_toelichtingen(report, texts)
    before = hashes(REAL)
    code, out, err = run_cli(*kwartaal_args(REAL / "grootboek_2023.csv", 2, report,
                                            "--overschrijf", "--samenvatting", tmp_path / "b.json",
                                            "--drempel-regel", "> 5% tenzij < €15.000"))
    assert hashes(REAL) == before
    data = json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))
    kept = {r["sleutel"]: r["toelichting"] for r in data["rijen"] if r["toelichting"]}
    for key, text in texts.items():
        assert kept.get(key, text) == text
    book = openpyxl.load_workbook(report)
    cells = [c for row in book["Exploitatie"].iter_rows() for c in row
             if c.value == '=HYPERLINK("http://x","y")']
    assert cells and all(c.data_type == "s" for c in cells)
    assert code == (1 if data["toelichting_ontbreekt"] else 0)
    fill_toelichtingen(report, {k: "Uitleg" for k in data["toelichting_ontbreekt"]})
    code, _, _ = run_cli(*kwartaal_args(REAL / "grootboek_2023.csv", 2, report, "--overschrijf"))
    assert code == 0
    q4 = tmp_path / "k4.xlsx"
    code, _, _ = run_cli(*kwartaal_args(REAL / "grootboek_2023.csv", 4, q4, "--vorige", report,
                                        "--samenvatting", tmp_path / "q4.json"))
    q4data = json.loads((tmp_path / "q4.json").read_text(encoding="utf-8"))
    q4texts = {r["sleutel"]: r["toelichting"] for r in q4data["rijen"]}
    assert all(q4texts[key] == text for key, text in kept.items())
    assert code == (1 if q4data["toelichting_ontbreekt"] else 0)


@pytest.mark.parametrize("case", ["geen_grootboek", "geen_begroting", "kwartaal_5", "jaar_2030",
                                  "geen_deelnemer", "kolom_ontbreekt", "vorige_geen_rapport",
                                  "onleesbare_werkmap", "drempel_onleesbaar"])
def test_bad_input_exits_2_and_writes_nothing(tmp_path, case, run_cli):
    ledger, extra = REAL / "grootboek_2023.csv", []
    spec = SAMPLE / "begroting.yaml"
    expect = {"geen_grootboek": "bestaat niet", "geen_begroting": "bestaat niet",
              "kwartaal_5": "kwartaal 5 moet 1, 2, 3 of 4 zijn", "jaar_2030": "jaar 2030 valt buiten",
              "geen_deelnemer": "regel 2: gemeente is geen deelnemer van de regeling ('Edam')",
              "kolom_ontbreekt": "de mapping noemt kolom 'Boekdatum'",
              "vorige_geen_rapport": "geen kwartaalrapportage",
              "onleesbare_werkmap": "geen leesbare Excel-werkmap",
              "drempel_onleesbaar": "drempel regel"}[case]
    quarter = 5 if case == "kwartaal_5" else 2
    if case == "geen_grootboek":
        ledger = tmp_path / "nergens.csv"
    if case == "geen_begroting":
        spec = tmp_path / "nergens.yaml"
    if case == "jaar_2030":
        extra = ["--jaar", "2030"]
    if case == "geen_deelnemer":
        ledger = tmp_path / "gb.csv"
        text = (REAL / "grootboek_2023.csv").read_text(encoding="utf-8-sig")
        ledger.write_text(text.replace(";0439;", ";Edam;", 1), encoding="utf-8")
    if case == "kolom_ontbreekt":
        mapping = tmp_path / "m.yaml"
        mapping.write_text((REAL / "mapping.yaml").read_text(encoding="utf-8")
                           .replace("datum: Datum", "datum: Boekdatum"), encoding="utf-8")
        extra = ["--mapping", mapping]
    if case == "vorige_geen_rapport":
        other = openpyxl.Workbook()
        other.active["A1"] = "Iets anders"
        other.save(tmp_path / "ander.xlsx")
        extra = ["--vorige", tmp_path / "ander.xlsx"]
    if case == "onleesbare_werkmap":
        ledger = tmp_path / "kapot.xlsx"
        ledger.write_bytes(b"geen zip")
    if case == "drempel_onleesbaar":
        extra = ["--drempel-regel", "veel"]
    target = tmp_path / "uit" / "rapport.xlsx"
    target.parent.mkdir()
    args = kwartaal_args(ledger, quarter, target, "--samenvatting", tmp_path / "uit" / "s.json")
    args[1] = spec
    before = hashes(REAL)
    code, out, err = run_cli(*args, *extra)
    assert code == 2, (out, err)
    assert expect in err
    assert list(target.parent.iterdir()) == []
    assert hashes(REAL) == before


def test_existing_report_is_not_overwritten_without_permission(eerste, run_cli):
    code, _, err = run_cli(*kwartaal_args(REAL / "grootboek_2023.csv", 2, eerste["rapport"]))
    assert code == 2 and "--overschrijf" in err


def test_unplaced_lines_can_be_reported_instead(tmp_path, run_cli):
    ledger = tmp_path / "gb.csv"
    text = (REAL / "grootboek_2023.csv").read_text(encoding="utf-8-sig")
    ledger.write_text(text.replace(";KP30;", ";KP31;", 1), encoding="utf-8")
    target = tmp_path / "r.xlsx"
    code, _, err = run_cli(*kwartaal_args(ledger, 1, target))
    assert code == 2 and "KP31" in err and not target.exists()
    code, _, err = run_cli(*kwartaal_args(ledger, 1, target, "--negeer-onplaatsbaar"))
    assert code in (0, 1) and "1 regel(s) niet geplaatst" in err
    book = openpyxl.load_workbook(target)
    assert any(c.value == "KP31" for row in book["Meldingen"].iter_rows() for c in row)


def test_generated_workbook_serves_as_begroting(tmp_path, run_cli):
    """The same report from the spec and from the generator's workbook (round trip)."""
    werkmap = tmp_path / "werkom.xlsx"
    code, _, err = run_cli("genereer", SAMPLE / "begroting.yaml", "-o", werkmap, "--niet-controleren")
    assert code == 0, err
    results = []
    for spec in (SAMPLE / "begroting.yaml", werkmap):
        summary = tmp_path / f"{spec.stem}-{spec.suffix[1:]}.json"
        args = kwartaal_args(REAL / "grootboek_2023.csv", 3, tmp_path / f"{summary.stem}.xlsx",
                             "--samenvatting", summary)
        args[1] = spec
        run_cli(*args)
        results.append(json.loads(summary.read_text(encoding="utf-8"))["rijen"])
    assert results[0] == results[1]


def test_cached_values_equal_the_recalculated_ones(herberekend, eerste):
    """Every formula carries the core's figure as its cached value: a viewer that does not
    calculate (Protected View, a phone) shows what Excel and LibreOffice compute."""
    formulas = openpyxl.load_workbook(eerste["rapport"])
    cached = openpyxl.load_workbook(eerste["rapport"], data_only=True)
    compared = 0
    for sheet in formulas.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if not (isinstance(cell.value, str) and cell.value.startswith("=")):
                    continue
                want = herberekend[sheet.title].get(cell.coordinate)
                got = cached[sheet.title][cell.coordinate].value
                if isinstance(want, (int, float)) and not isinstance(want, bool):
                    assert got == pytest.approx(want, abs=TOL), (sheet.title, cell.coordinate)
                else:
                    assert got == want or (got in ("", None) and want in ("", None)), \
                        (sheet.title, cell.coordinate, got, want)
                compared += 1
    assert compared > 400


def test_samenvatting_reads_as_a_board_summary(herberekend, eerste):
    sheet = herberekend["Samenvatting"]
    texts = [v for v in sheet.values() if isinstance(v, str)]
    assert texts[0] == "Bestuursrapportage Werkom 2023: kwartaal 2"
    assert any("Peildatum 30 juni 2023" in t for t in texts)
    assert any(t.startswith("Na de peildatum, niet meegeteld: 2023-02") for t in texts)
    prognose = eerste["json"]["prognose"]
    assert set(prognose["per_gemeente"]) == {"Zaanstad", "Purmerend"}
    shares = sum(to_cents(g["prognose"]) for g in prognose["per_gemeente"].values())
    assert to_cents(prognose["reserve_mutatie"]) - shares == to_cents(prognose["saldo"])


def test_vorige_of_another_year_is_refused(eerste, tmp_path, run_cli):
    other = tmp_path / "ander.xlsx"
    book = openpyxl.load_workbook(eerste["rapport"])
    book["Voorblad"]["B4"] = 2022
    book.save(other)
    target = tmp_path / "k4.xlsx"
    code, _, err = run_cli(*kwartaal_args(REAL / "grootboek_2023.csv", 4, target, "--vorige", other))
    assert code == 2
    assert "Voorblad!B4: dit rapport is van begrotingsjaar 2022, niet van 2023" in err
    assert not target.exists()
