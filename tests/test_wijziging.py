"""`begroting wijziging`: the AB voorstel for one begrotingswijziging. Na wijziging is the
primitieve begroting plus every wijziging up to and including this one; the per-gemeente
effect adds up to the cent; LibreOffice computes every formula to its cached value."""

import json
import re
from datetime import date

import openpyxl
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from budgets.excel import rekenmotor
from budgets.pc.jaarbegroting import load_basis, load_begroting
from budgets.pc.voorstel import build_voorstel
from budgets.pc.wijzigingen import Wijziging
from pyfuncs.afronding import to_cents
from pyfuncs.fouten import InvoerFout

KOSTEN = "Kosten (loonkosten doelgroep en apparaat)"
INKOMSTEN = "Inkomsten (NTW, vergoeding loonkosten, PW-budget)"


@pytest.fixture(scope="module")
def paths(werkom, werkom_realisatie):
    return werkom / "begroting.yaml", werkom_realisatie / "wijzigingen_2023.yaml"


@pytest.fixture(scope="module")
def voorstel(tmp_path_factory, run_cli, paths):
    folder = tmp_path_factory.mktemp("wijziging")
    target, summary = folder / "voorstel.xlsx", folder / "v.json"
    code, out, err = run_cli("wijziging", paths[0], "--wijzigingen", paths[1], "--nummer",
                             "2023-02", "-o", target, "--samenvatting", summary)
    return {"code": code, "out": out, "err": err, "werkmap": target,
            "json": json.loads(summary.read_text(encoding="utf-8"))}


@pytest.fixture(scope="module")
def herberekend(libreoffice, voorstel):
    return rekenmotor.recalculate_with_libreoffice(voorstel["werkmap"])


def _yaml_changes(path) -> list[dict]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["wijzigingen"]


def test_cli_writes_the_voorstel(voorstel):
    assert voorstel["code"] == 0, voorstel["err"]
    assert "Zienswijze van de raden: nodig" in voorstel["out"]
    book = openpyxl.load_workbook(voorstel["werkmap"])
    assert book.sheetnames == ["Voorstel", "Exploitatie", "Bijdragen", "Saldo en gemeenten"]


def test_na_wijziging_is_primitief_plus_every_wijziging_up_to_this_one(paths, voorstel):
    """Derived from the YAML and the spec's own results, not from the voorstel model."""
    spec = load_begroting(paths[0])
    from budgets.spec.resultaten import compute

    primitief = compute(spec).regels
    changes = _yaml_changes(paths[1])
    assert [c["nummer"] for c in changes] == ["2023-01", "2023-02"]
    lines = {r["naam"]: r for r in voorstel["json"]["regels"]}
    for name in (KOSTEN, INKOMSTEN):
        expected = primitief[name][2023] + sum(c.get("regels", {}).get(name, 0) for c in changes)
        assert lines[name]["na_wijziging"] == pytest.approx(expected, abs=0.001)
        assert lines[name]["primitief"] == primitief[name][2023]
    assert lines[KOSTEN]["deze_wijziging"] == 250000
    assert lines[KOSTEN]["eerdere_wijzigingen"] == 0
    # the kwartaal/afrekening basis with every wijziging of the year says the same
    basis = load_basis(paths[0], 2023, paths[1])
    for line in basis.regels:
        assert lines[line.naam]["na_wijziging"] == pytest.approx(line.na_wijziging, abs=0.001)
    volumes = {(v["product"], v["gemeente"]): v for v in voorstel["json"]["volumes"]}
    reintegratie = volumes[("Re-integratie", "Zaanstad")]
    assert reintegratie["eerdere_wijzigingen"] == 40 and reintegratie["deze_wijziging"] == 0
    assert reintegratie["na_wijziging"] == pytest.approx(1450 * 2 / 3 + 40)


def test_an_earlier_wijziging_ignores_the_later_ones(paths):
    spec = load_begroting(paths[0])
    from budgets.pc.voorstel import load_voorstel

    v = load_voorstel(paths[0], paths[1], "2023-01")
    assert [w.nummer for w in v.latere] == ["2023-02"] and v.eerdere == ()
    kosten = next(r for r in v.regels if r.naam == KOSTEN)
    assert kosten.na == float(spec.regel(KOSTEN).bedragen[2023])
    # 60 extra places at the 2023 normprijs (3.500 indexed 2% once) raise the bijdragen
    price = 3500 * 1.02
    assert [g.bijdrage_effect for g in v.per_gemeente] == [pytest.approx(40 * price),
                                                            pytest.approx(20 * price)]
    assert v.saldo_effect == 0 and v.bijdragen_wijzigen


def test_saldo_and_gemeenten_of_the_sample(voorstel):
    """Werkom 2023: baten 29.725.000, lasten 31.522.000 (+250.000); the reserve starts 2023 at
    1.445.000 (its projection in the begroting) with a minimum of 500.000."""
    data = voorstel["json"]
    assert data["voor"]["saldo"] == 29725000 - 31522000
    assert data["na"]["saldo"] == 29725000 - 31772000
    assert data["na"]["reserve_mutatie"] == -(1445000 - 500000)
    assert data["na"]["te_dragen_gemeenten"] == 2047000 - 945000
    shares = [g["aandeel_saldo_na"] for g in data["per_gemeente"]]
    assert sum(to_cents(s) for s in shares) == to_cents(1102000)
    effects = [g["verschil"] for g in data["per_gemeente"]]
    assert sum(to_cents(e) for e in effects) == to_cents(250000)


def test_libreoffice_computes_every_cached_value(voorstel, herberekend):
    assert _compare_caches(voorstel["werkmap"], herberekend) > 60


VARIANTS = {"percentage": ("maximum_percentage: 0.10", "maximum_percentage: 0.10"),
            "bedrag": ("maximum_percentage: 0.10", "maximum: 1600000"),
            "geen": ("  maximum_percentage: 0.10\n", "")}


def test_every_reserve_ceiling_recalculates_to_the_core(paths, tmp_path, libreoffice):
    """A surplus fills the reserve up to its maximum (a percentage, an amount, none)."""
    from budgets.wijziging.document import write_voorstel

    text = paths[0].read_text(encoding="utf-8")
    books = []
    for name, (old, new) in VARIANTS.items():
        assert old in text
        spec_file = tmp_path / f"{name}.yaml"
        spec_file.write_text(text.replace(old, new), encoding="utf-8")
        spec = load_begroting(spec_file)
        surplus = _synthetic(spec, "S", {INKOMSTEN: 2_500_000}, {})
        v = build_voorstel(spec, (surplus,), "S", "test.yaml")
        assert v.na.saldo == 703000 and v.na.mutatie >= 0
        books.append(tmp_path / f"{name}.xlsx")
        write_voorstel(v, books[-1])
    for book, values in zip(books, rekenmotor.recalculate_many_with_libreoffice(books), strict=True):
        assert _compare_caches(book, values) > 60


def _compare_caches(path, herberekend) -> int:
    """Every formula's cached value equals the engine's result; returns the number of formulas."""
    cached = openpyxl.load_workbook(path, data_only=True)
    formulas = openpyxl.load_workbook(path)
    count = 0
    for ws in formulas.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if not (isinstance(cell.value, str) and cell.value.startswith("=")):
                    continue
                count += 1
                mine = cached[ws.title][cell.coordinate].value
                engine = herberekend[ws.title][cell.coordinate]
                assert not rekenmotor.is_error_value(engine), (ws.title, cell.coordinate)
                if isinstance(mine, bool) or isinstance(mine, str):
                    assert engine == mine, (ws.title, cell.coordinate, engine, mine)
                else:
                    assert engine == pytest.approx(mine, abs=0.005), (ws.title, cell.coordinate)
    return count


def _find(values: dict, label: str) -> tuple[int, dict]:
    rows = {}
    for (r, c), value in values.items():
        rows.setdefault(r, {})[c] = value
    for r, cells in sorted(rows.items()):
        if cells.get(1) == label:
            return r, cells
    raise AssertionError(f"{label} niet gevonden")


def _grid(herberekend, sheet: str) -> dict:
    result = {}
    for coordinate, value in herberekend[sheet].items():
        column, row = openpyxl.utils.cell.coordinate_from_string(coordinate)
        result[(row, openpyxl.utils.column_index_from_string(column))] = value
    return result


def test_recalculated_totals_equal_the_core(voorstel, herberekend):
    data = voorstel["json"]
    saldo = _grid(herberekend, "Saldo en gemeenten")
    _, row = _find(saldo, "Saldo van het jaar (+ overschot, − tekort)")
    assert (row[2], row[3]) == (pytest.approx(data["voor"]["saldo"]),
                                pytest.approx(data["na"]["saldo"]))
    _, row = _find(saldo, "Door de gemeenten te dragen (+ bijbetalen, − terug)")
    assert row[3] == pytest.approx(data["na"]["te_dragen_gemeenten"], abs=0.005)
    _, row = _find(saldo, "Totaal")
    assert row[9] == pytest.approx(sum(g["verschil"] for g in data["per_gemeente"]), abs=0.005)
    _, row = _find(saldo, "Alle controles in orde")
    assert row[2] is True
    exploitatie = _grid(herberekend, "Exploitatie")
    _, row = _find(exploitatie, "Saldo van baten en lasten (+ overschot, − tekort)")
    assert row[5] == pytest.approx(data["na"]["saldo"]) and row[4] == pytest.approx(-250000)
    bijdragen = _grid(herberekend, "Bijdragen")
    _, row = _find(bijdragen, "Totaal alle gemeenten")
    assert row[10] == pytest.approx(sum(g["bijdrage_na"] for g in data["per_gemeente"]),
                                    abs=0.005)


def test_the_voorstel_page_reads_as_a_board_document(voorstel):
    sheet = openpyxl.load_workbook(voorstel["werkmap"])["Voorstel"]
    text = "\n".join(str(c.value) for row in sheet.iter_rows() for c in row if c.value)
    for expected in ("Werkom", "Begrotingswijziging 2023-02: Loonkostenstijging door de nieuwe cao",
                     "28 september 2023", "AB-besluit 28 september 2023, agendapunt 3",
                     "Het algemeen bestuur wordt voorgesteld:", "Het algemeen bestuur van Werkom,",
                     "besluit:", "zienswijze", "De nieuwe cao verhoogt de lonen",
                     "Eerder in 2023 vastgesteld: 2023-01 van 20 april 2023"):
        assert expected in text, expected
    assert "€\u00a0250.000" in text and "€\u00a0163.790,98" in text
    assert not re.search(r"\b(lks|loonkosten_wsw|operationeel_resultaat|None|True|False)\b", text)


def _synthetic(spec, nummer: str, regels: dict, volumes: dict) -> Wijziging:
    return Wijziging(nummer, date(2023, 6, 1), 2023, f"AB-besluit {nummer}", "", regels, volumes)


def test_a_wijziging_that_leaves_the_bijdragen_needs_no_zienswijze(paths):
    spec = load_begroting(paths[0])
    neutral = _synthetic(spec, "X", {KOSTEN: 100000, INKOMSTEN: 100000}, {})
    v = build_voorstel(spec, (neutral,), "X", "test.yaml")
    assert not v.bijdragen_wijzigen and v.saldo_effect == 0
    from budgets.wijziging.teksten import zienswijze

    assert "niet om een zienswijze" in zienswijze(v)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(kosten=st.integers(-3_000_000_00, 3_000_000_00), baten=st.integers(-3_000_000_00, 3_000_000_00),
       plekken=st.integers(-400, 400), fte=st.integers(-39, 50))  # Purmerend: 39,06 fte
def test_the_effect_per_gemeente_adds_up_to_the_cent(paths, kosten, baten, plekken, fte):
    spec = _spec(paths)
    w = _synthetic(spec, "P", {KOSTEN: kosten / 100, INKOMSTEN: baten / 100},
                   {("Re-integratie", "Zaanstad"): plekken, ("Begeleiding beschut", "Purmerend"): fte})
    v = build_voorstel(spec, (w,), "P", "test.yaml")
    for stap in (v.voor, v.na):
        assert sum(to_cents(g) for g in stap.gemeenten) == to_cents(stap.mutatie) - to_cents(stap.saldo)
    assert to_cents(v.saldo_effect) == baten - kosten
    total = sum(to_cents(g.effect) for g in v.per_gemeente)
    bijdragen = sum(to_cents(s.bijdrage_na) - to_cents(s.bijdrage_voor) for s in v.volumes)
    assert total == bijdragen + to_cents(v.na.te_dragen) - to_cents(v.voor.te_dragen)


_SPEC = {}


def _spec(paths):
    if "werkom" not in _SPEC:
        _SPEC["werkom"] = load_begroting(paths[0])
    return _SPEC["werkom"]


def test_an_unknown_nummer_lists_the_numbers_that_exist(paths, tmp_path, run_cli):
    target = tmp_path / "v.xlsx"
    code, _, err = run_cli("wijziging", paths[0], "--wijzigingen", paths[1], "--nummer",
                           "2023-07", "-o", target, "--pdf")
    assert code == 2
    assert "wijziging 2023-07 bestaat niet (--nummer); wel: 2023-01, 2023-02" in err
    assert list(tmp_path.iterdir()) == []


def test_a_wijzigingen_file_with_an_error_names_the_place(paths, tmp_path, run_cli):
    bad = tmp_path / "w.yaml"
    bad.write_text(paths[1].read_text(encoding="utf-8").replace(f"{KOSTEN}: 250000",
                                                                "Onbekende regel: 250000"),
                   encoding="utf-8")
    code, _, err = run_cli("wijziging", paths[0], "--wijzigingen", bad, "--nummer", "2023-02",
                           "-o", tmp_path / "v.xlsx")
    assert code == 2
    assert re.search(r"w.yaml: regel \d+: wijzigingen\[2\].regels: 'Onbekende regel' is geen "
                     r"exploitatieregel", err), err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["w.yaml"]


def test_the_help_has_an_example(capsys):
    from budgets.cli import main

    with pytest.raises(SystemExit) as stop:
        main(["wijziging", "--help"])
    out = capsys.readouterr().out
    assert stop.value.code == 0
    assert "voorbeeld:" in out and "--nummer 2023-02" in out


def test_missing_nummer_is_a_usage_error(paths, run_cli):
    with pytest.raises(SystemExit) as stop:
        run_cli("wijziging", paths[0], "--wijzigingen", paths[1])
    assert stop.value.code == 2


def test_find_refuses_an_empty_file():
    from budgets.pc.voorstel import find

    with pytest.raises(InvoerFout, match="bevat geen wijzigingen"):
        find((), "1", "w.yaml")
