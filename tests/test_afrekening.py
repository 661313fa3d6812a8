"""`begroting afrekening`: the settlement per gemeente reconciles to the cent, in the core
(property test) and in the workbook after LibreOffice recalculation."""

import dataclasses
import hashlib
import json
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from budgets.afrekening.model import build_settlement, default_voorschotten
from budgets.excel import rekenmotor
from budgets.grootboek.lezen import KEYS, Grootboek
from budgets.grootboek.meldingen import Meldingen
from budgets.spec.model import Reserve
from pyfuncs.afrekening import settle
from pyfuncs.afronding import to_cents
from pyfuncs.fouten import InvoerFout

TOL = 0.005


@pytest.fixture(scope="session")
def afrekening_args(werkom, werkom_realisatie):
    """The arguments of `begroting afrekening` on the Werkom sample, writing target."""
    real = werkom_realisatie

    def args(target: Path, *extra) -> list:
        return ["afrekening", werkom / "begroting.yaml", real / "grootboek_2023.csv", "--jaar",
                2023, "--volumes", real / "volumes_2023.csv", "--mapping", real / "mapping.yaml",
                "--wijzigingen", real / "wijzigingen_2023.yaml", "-o", target, *extra]

    return args


@pytest.fixture(scope="session")
def afrekening(tmp_path_factory, run_cli, afrekening_args, werkom_realisatie):
    folder = tmp_path_factory.mktemp("afrekening")
    target, summary = folder / "afrekening_2023.xlsx", folder / "a.json"
    code, out, err = run_cli(*afrekening_args(
        target, "--samenvatting", summary, "--voorschotten",
        werkom_realisatie / "voorschotten_2023.yaml"))
    return {"code": code, "out": out, "err": err, "werkmap": target,
            "json": json.loads(summary.read_text(encoding="utf-8"))}


@pytest.fixture(scope="session")
def herberekend(libreoffice, afrekening):
    return rekenmotor.recalculate_with_libreoffice(afrekening["werkmap"])


def test_cli_settles_the_sample(afrekening):
    assert afrekening["code"] == 0, afrekening["err"]
    data = afrekening["json"]
    assert [g["gemeente"] for g in data["gemeenten"]] == ["Zaanstad", "Purmerend"]
    assert "Te betalen" in afrekening["out"]
    cents = sum(to_cents(g["te_betalen"]) + to_cents(g["voorschotten"]) for g in data["gemeenten"])
    assert cents - to_cents(data["reserve"]["mutatie"]) == to_cents(data["netto_kosten"])


def test_products_follow_their_settlement_rule(afrekening):
    for gemeente in afrekening["json"]["gemeenten"]:
        for p in gemeente["producten"]:
            expected = p["teken"] * settle(p["begroot"], p["gerealiseerd"], p["normprijs"], p["regel"])
            assert p["bedrag"] == expected
            if p["regel"] == "minimum":
                assert p["afgerekend_volume"] >= p["begroot"]


def test_workbook_reconciles_after_recalculation(herberekend, afrekening):
    data = afrekening["json"]
    total = herberekend["Afrekening"]
    errors = [(s, c) for s, cells in herberekend.items() for c, v in cells.items()
              if rekenmotor.is_error_value(v)]
    assert errors == []
    checks = {label: total[f"B{cell[1:]}"] for cell, label in total.items()
              if cell.startswith("A") and isinstance(label, str) and label.startswith(("Σ", "Reserve einde", "Alle"))}
    assert len(checks) == 5 and all(v is True for v in checks.values()), checks
    for i, g in enumerate(data["gemeenten"]):
        row = 12 + i
        assert total[f"A{row}"] == g["gemeente"]
        for col, field in zip("BCDEFGH", ("productbijdragen", "doorbelastingen",
                                          "definitieve_bijdrage", "voorschotten", "sleutel_saldo",
                                          "aandeel_saldo", "te_betalen"), strict=True):
            assert total[f"{col}{row}"] == pytest.approx(g[field], abs=TOL), (g["gemeente"], field)
    labels = {v: int(c[1:]) for c, v in total.items() if c.startswith("A") and isinstance(v, str)}
    assert total[f"B{labels['Mutatie reserve (+ dotatie, − onttrekking)']}"] == pytest.approx(
        data["reserve"]["mutatie"], abs=TOL)
    assert total[f"B{labels['Werkelijke netto kosten van de regeling']}"] == pytest.approx(
        data["netto_kosten"], abs=TOL)


def test_gemeente_sheets_show_each_product_amount(herberekend, afrekening):
    for g in afrekening["json"]["gemeenten"]:
        sheet = herberekend[g["gemeente"]]
        by_name = {v: int(c[1:]) for c, v in sheet.items() if c.startswith("A") and isinstance(v, str)}
        for p in g["producten"]:
            row = by_name[p["product"]]
            assert sheet[f"H{row}"] == pytest.approx(p["afgerekend_volume"], abs=1e-9)
            assert sheet[f"J{row}"] == pytest.approx(p["bedrag"], abs=TOL)


def test_default_voorschotten_are_twelve_terms_to_the_cent(werkom_basis):
    for terms in default_voorschotten(werkom_basis).values():
        assert len(terms) == 12
        assert max(terms) - min(terms) <= 0.011


money = st.decimals(min_value=-5_000_000, max_value=40_000_000, places=2).map(float)


def ledger_frame(basis, costs: list[float]) -> Grootboek:
    lines = [r.naam for r in basis.regels]
    rows = [(4, line, "", "", False, amount) for line, amount in zip(lines, costs, strict=False)]
    passed = sorted(basis.doorbelastingen)
    rows += [(4, "", name, g, False, amount)
             for (name, g), amount in zip(passed, costs[len(lines):], strict=False)]
    return Grootboek("test", pd.DataFrame(rows, columns=[*KEYS, "netto"]), len(rows), Meldingen())


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(costs=st.lists(money, min_size=6, max_size=6),
       volumes=st.lists(st.floats(0, 3000, allow_nan=False), min_size=10, max_size=10),
       reserve=st.tuples(st.decimals(0, 5_000_000, places=2), st.decimals(0, 3_000_000, places=2),
                         st.one_of(st.none(), st.decimals(0, 9_000_000, places=2))),
       paid=st.lists(st.decimals(0, 2_000_000, places=2).map(float), min_size=2, max_size=2))
def test_settlement_reconciles_to_the_cent(werkom_basis, costs, volumes, reserve, paid):
    stand, minimum, maximum = (None if x is None else float(x) for x in reserve)
    if maximum is not None and maximum < minimum:
        minimum, maximum = maximum, minimum
    spec = dataclasses.replace(werkom_basis.begroting, reserve=Reserve(stand, minimum, maximum))
    basis = dataclasses.replace(werkom_basis, begroting=spec)
    realised = {(p.product, p.gemeente): v for p, v in zip(basis.producten, volumes, strict=True)}
    voorschotten = {g: (amount,) * 12 for g, amount in zip(basis.gemeenten, paid, strict=True)}
    try:
        result = build_settlement(basis, ledger_frame(basis, costs), realised, voorschotten, stand)
    except InvoerFout as fout:  # a gemeente whose bijdragen (key) are negative
        assert "negatief" in str(fout)
        return
    g_cents = [to_cents(g.definitief) - to_cents(g.betaald) + to_cents(g.aandeel_saldo)
               for g in result.gemeenten]
    assert [to_cents(g.te_betalen) for g in result.gemeenten] == g_cents
    mutation = to_cents(result.verdeling.reserve_mutatie)
    paid_c = sum(to_cents(g.betaald) for g in result.gemeenten)
    assert sum(g_cents) + paid_c - mutation == to_cents(result.netto_kosten)
    assert sum(to_cents(g.definitief) for g in result.gemeenten) - to_cents(result.netto_kosten) \
        == to_cents(result.saldo)
    end = to_cents(stand) + mutation
    if mutation < 0:
        assert end >= min(to_cents(minimum), to_cents(stand))
    if maximum is not None and mutation > 0:
        assert end <= max(to_cents(maximum), to_cents(stand))


def hashes(folder: Path) -> dict:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}


@pytest.mark.parametrize("case, expect", [
    ("jaar_2030", "jaar 2030 valt buiten de begroting"),
    ("geen_volumes", "volumes_2030.csv: bestand bestaat niet"),
    ("voorschot_niet_deelnemer", "voorschotten.Edam: geen deelnemer"),
    ("voorschot_ontbreekt", "voorschotten ontbreken voor Purmerend"),
])
def test_bad_input_exits_2_and_writes_nothing(tmp_path, case, expect, run_cli, afrekening_args,
                                              werkom_realisatie):
    target = tmp_path / "uit" / "a.xlsx"
    target.parent.mkdir()
    args = afrekening_args(target)
    if case == "jaar_2030":
        args[4] = 2030
    if case == "geen_volumes":
        args[6] = tmp_path / "volumes_2030.csv"
    if case.startswith("voorschot"):
        path = tmp_path / "v.yaml"
        body = "{Zaanstad: 1, Edam: 2}" if case == "voorschot_niet_deelnemer" else "{Zaanstad: 1}"
        path.write_text(f"voorschotten: {body}\n", encoding="utf-8")
        args += ["--voorschotten", path]
    before = hashes(werkom_realisatie)
    code, out, err = run_cli(*args)
    assert code == 2, (out, err)
    assert expect in err
    assert list(target.parent.iterdir()) == []
    assert hashes(werkom_realisatie) == before


def test_names_are_text_never_formulas(tmp_path, run_cli, afrekening_args):
    book_path = tmp_path / "a.xlsx"
    code, _, _ = run_cli(*afrekening_args(book_path))
    assert code == 0
    book = openpyxl.load_workbook(book_path)
    assert book["Afrekening"]["A12"].data_type == "s"


def test_opening_reserve_is_the_begrotings_projection(afrekening, herberekend):
    """Werkom's begroting starts 2022 with € 2.500.000 and projects € 1.445.000 for the
    start of 2023 (2.500.000 − the 2022 tekort of 1.055.000, above the minimum)."""
    data = afrekening["json"]
    assert data["reserve"]["begin"] == 1_445_000
    assert "verwachte stand begin 2023" in data["reserve"]["bron"]
    sheet = herberekend["Afrekening"]
    assert any(isinstance(v, str) and "verwachte stand begin 2023" in v for v in sheet.values())


@pytest.mark.parametrize("text, value", [("1445000", 1445000.0), ("1.445.000,50", 1445000.5),
                                         ("€ 2.000.000", 2000000.0), ("-12,5", -12.5)])
def test_reserve_stand_reads_dutch_amounts(text, value):
    from budgets.commands.afrekening import amount_argument

    assert amount_argument(text) == value


def test_reserve_stand_override_is_said_on_the_sheet(tmp_path, run_cli, afrekening_args):
    book_path, summary = tmp_path / "a.xlsx", tmp_path / "a.json"
    code, _, err = run_cli(*afrekening_args(book_path, "--reserve-stand", "2.000.000",
                                            "--samenvatting", summary))
    assert code == 0, err
    data = json.loads(summary.read_text(encoding="utf-8"))
    assert data["reserve"]["begin"] == 2_000_000
    assert "--reserve-stand" in data["reserve"]["bron"]


def test_reserve_stand_that_is_no_number_is_refused(tmp_path, run_cli, afrekening_args):
    target = tmp_path / "a.xlsx"
    with pytest.raises(SystemExit) as stop:
        run_cli(*afrekening_args(target, "--reserve-stand", "veel"))
    assert stop.value.code == 2
    assert not target.exists()


def test_reserve_stand_message_is_dutch(capsys):
    from budgets.cli import main

    with pytest.raises(SystemExit):
        main(["afrekening", "b.yaml", "g.csv", "--jaar", "2023", "--volumes", "v.csv",
              "--reserve-stand", "veel"])
    err = capsys.readouterr().err
    assert "argument --reserve-stand: 'veel' is geen bedrag in euro's" in err


def test_aansluiting_adds_up_to_the_cent(afrekening, herberekend):
    """Primitieve begroting → wijzigingen → realisatie → afrekening → reserve: each step's
    saldo is the previous plus its amount, the afrekening phase ends on the afrekening's own
    saldo and the reserve phase on what the gemeenten bear."""
    data = afrekening["json"]
    steps = data["aansluiting"]["stappen"]
    running = 0
    for step in steps:
        running += to_cents(step["bedrag"])
        assert running == to_cents(step["saldo_na"]), step
    last_settlement = [s for s in steps if s["fase"] == "afrekening"][-1]
    assert to_cents(last_settlement["saldo_na"]) == to_cents(data["saldo"])
    borne = -sum(to_cents(g["aandeel_saldo"]) for g in data["gemeenten"])
    assert to_cents(steps[-1]["saldo_na"]) == borne
    assert to_cents(steps[0]["saldo_na"]) == to_cents(-1_797_000)  # Werkom 2023: 29.725.000 − 31.522.000
    sheet = herberekend["Aansluiting"]
    rest = [c for c, v in sheet.items() if isinstance(v, str) and v.startswith("Rest:")][0]
    assert sheet[f"E{rest[1:]}"] == pytest.approx(steps[-1]["saldo_na"], abs=TOL)


def test_sources_print_as_file_names_with_the_full_path_hidden(afrekening, werkom_realisatie):
    sheet = openpyxl.load_workbook(afrekening["werkmap"])["Afrekening"]
    rows = {sheet.cell(r, 1).value: r for r in range(2, 10)}
    r = rows["Grootboek"]
    assert sheet.cell(r, 2).value == "grootboek_2023.csv"
    assert sheet.cell(r, 9).value == str(werkom_realisatie / "grootboek_2023.csv")
    assert sheet.column_dimensions["I"].hidden
    assert sheet.cell(rows["Regeling"], 9).value is None  # no path, nothing hidden


def test_the_letter_is_dated_today_in_dutch_long_form(afrekening):
    from datetime import date

    months = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
              "september", "oktober", "november", "december")
    today = date.today()
    sheet = openpyxl.load_workbook(afrekening["werkmap"])["Zaanstad"]
    assert sheet["A4"].value == f"Datum: {today.day} {months[today.month - 1]} {today.year}"


def test_the_prognose_heading_spans_the_aansluiting(tmp_path):
    """The heading of the Q4 comparison is one band over the table, not wrapped in column A."""
    from budgets.afrekening.aansluiting import Stap
    from budgets.afrekening.rapport import aansluiting_sheet
    from budgets.excel.rapportblad import new_workbook

    book = new_workbook()
    steps = [Stap("begroting", "Saldo primitieve begroting", "", -100.0, -100.0)]
    aansluiting_sheet(book, steps, 2023, {"saldo": -90.0, "afrekening": -100.0, "verschil": -10.0,
                                           "bron": "k4.xlsx"})
    book.save(tmp_path / "a.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "a.xlsx")["Aansluiting"]
    heading = next(c for row in sheet.iter_rows() for c in row
                   if c.value == "Prognose kwartaal 4 tegen de afrekening")
    assert f"A{heading.row}:E{heading.row}" in {str(m) for m in sheet.merged_cells.ranges}
