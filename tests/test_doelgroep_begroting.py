"""Issue 14 in the begroting workbook: the rijksmiddelen block on each Raadsoverzicht, the age
profile (leeftijdsprofiel) as a block of live formulas per cohort, both read back from the
workbook, and scenario overrides of an age profile.

One LibreOffice run for the module: the Rivierenland sample (rijksmiddelen and a Wsw age
profile) and a copy with a band edited in the workbook are recalculated together, and
`controleer` (verify_started) checks both with the same run."""

from decimal import Decimal

import openpyxl
import pytest
import yaml

from budgets.excel import rekenmotor
from budgets.spec.laden import load_spec
from budgets.spec.resultaten import compute
from budgets.spec.rijksmiddelen import SOORTEN, own_means_of
from budgets.spec.scenario_lezen import load_scenarios
from budgets.spec.scenarios import apply
from budgets.werkboek.controleer import verify_started
from budgets.werkboek.doelgroep import DG
from budgets.werkboek.genereer import generate
from budgets.werkboek.raadsoverzicht import sheet_names
from pyfuncs import doelgroep as dg
from pyfuncs.afronding import to_cents

SPEC = "samples/rivierenland/begroting.yaml"
PERSONS = "Volume in personen (AOW-vertrekkers naar maanden)"  # the row above the age profile's fte


def _rows(sheet, label: str) -> list[int]:
    return [c.row for c in sheet["A"] if c.value == label]


@pytest.fixture(scope="module")
def raw(root):
    return yaml.safe_load((root / SPEC).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def werkmap(root, tmp_path_factory, libreoffice):
    """The generated sample, an edited copy (the band of 50–62 year olds 350 -> 300) and
    both recalculated by LibreOffice in one run, with controleer's reports."""
    tmp = tmp_path_factory.mktemp("issue14")
    out = tmp / "rivierenland.xlsx"
    g = generate(root / SPEC, out)
    book = openpyxl.load_workbook(out)
    invoer = book["Uitgangspunten"]
    row = next(r for r in range(1, invoer.max_row + 1) if invoer.cell(r, 1).value == "Wsw"
               and invoer.cell(r, 4).value == "aantal" and invoer.cell(r, 10).value == 350)
    invoer.cell(row, 10).value = 300
    edited = tmp / "bewerkt.xlsx"
    book.save(edited)
    with rekenmotor.start_recalculation([out, edited]) as pending:
        reports = verify_started([out, edited], pending)
        values = [pending.values(i) for i in range(2)]
    return g, out, edited, values, reports


def test_controleer_finds_the_workbook_in_order(werkmap):
    _g, _out, _edited, _values, reports = werkmap
    assert reports[0].bevindingen == ()
    assert reports[0].formules > 4000


def test_rijksmiddelen_on_each_raadsoverzicht_recalculate_to_the_core(werkmap, raw):
    g, out, _edited, values, _reports = werkmap
    b, book = g.spec, openpyxl.load_workbook(out)
    core = own_means_of(b, g.resultaten)
    n, names = len(b.jaren), sheet_names(b.gemeenten)
    columns = [chr(ord("B") + j) for j in range(n)]
    for gi, gemeente in enumerate(b.gemeenten):
        sheet, got = book[names[gemeente]], values[0][names[gemeente]]
        mine = core[gi * n:(gi + 1) * n]
        lines = {"Totaal rijksmiddelen": "rijksmiddelen", "Bijdrage aan de GR": "bijdrage",
                 "Uit eigen algemene middelen": "eigen_middelen",
                 "Uit eigen algemene middelen per inwoner": "per_inwoner"}
        for label, field in lines.items():
            (r,) = _rows(sheet, label)
            for j, c in enumerate(columns):
                assert str(sheet[f"{c}{r}"].value).startswith("="), (gemeente, label)
                assert got[f"{c}{r}"] == pytest.approx(getattr(mine[j], field), abs=0.005), (gemeente, label, c)
        # per kind, independently of the core: the sample's inputs, added in cents
        for soort, label in SOORTEN.items():
            given = [x for x in raw["rijksmiddelen"] if x["gemeente"] == gemeente and x["soort"] == soort]
            if not given:
                assert _rows(sheet, label) == []
                continue
            (r,) = _rows(sheet, label)
            assert "Uitgangspunten!" in sheet[f"B{r}"].value
            for j, y in enumerate(b.jaren):
                expected = sum(Decimal(str(x["bedragen"].get(y, 0))) for x in given)
                assert Decimal(str(got[f"{columns[j]}{r}"])) == expected


def test_eigen_middelen_add_up_over_the_gemeenten(werkmap):
    g, _out, _edited, _values, _reports = werkmap
    b, res = g.spec, g.resultaten
    core, n = own_means_of(b, res), len(b.jaren)
    totals = core[len(b.gemeenten) * n:]
    for j, y in enumerate(b.jaren):
        rows = core[j:len(b.gemeenten) * n:n]
        assert all(r.jaar == y for r in rows) and totals[j].gemeente == "Totaal"
        for field in ("bijdrage", "rijksmiddelen", "eigen_middelen"):
            assert sum(to_cents(getattr(r, field)) for r in rows) == to_cents(getattr(totals[j], field))
        # the total bijdrage is the products, doorbelastingen and saldo of the GR, to the cent
        gr = sum(to_cents(float(res.productbijdragen[y][i].sum() + res.doorbelastingen[y][i]))
                 + to_cents(res.saldo_gemeenten[y][i]) for i in range(len(b.gemeenten)))
        assert abs(to_cents(totals[j].bijdrage) - gr) <= len(b.gemeenten)  # each gemeente rounded once


def test_the_summary_has_the_rijksmiddelen(root, tmp_path, run_cli):
    out, summary = tmp_path / "r.xlsx", tmp_path / "r.json"
    code, _out, _err = run_cli("genereer", str(root / SPEC), "-o", str(out), "--samenvatting", str(summary),
                               "--niet-controleren")
    assert code == 0
    data = yaml.safe_load(summary.read_text(encoding="utf-8"))["rijksmiddelen"]
    b = load_spec(root / SPEC)
    core = own_means_of(b, compute(b))
    assert set(data) == {*b.gemeenten, "Totaal"}
    for row in core:
        assert data[row.gemeente][str(row.jaar)]["eigen_middelen"] == row.eigen_middelen
        assert data[row.gemeente][str(row.jaar)]["per_inwoner"] == row.per_inwoner


def test_round_trip_keeps_rijksmiddelen_and_cohorts(werkmap, tmp_path):
    g, out, _edited, _values, _reports = werkmap
    back = load_spec(out)
    assert back.rijksmiddelen == g.spec.rijksmiddelen and len(back.rijksmiddelen) == 16
    wsw = next(v for v in back.volumes if v.product == "Wsw")
    assert wsw.projectie.soort == "leeftijdsprofiel"
    assert wsw.projectie == next(v for v in g.spec.volumes if v.product == "Wsw").projectie
    again = tmp_path / "opnieuw.xlsx"
    generate(out, again)
    assert again.read_bytes() == out.read_bytes()


def test_the_sample_age_profile_reproduces_the_earlier_volumes(werkmap):
    """The illustrative profile is built so that the AOW leavers give 720/690/660/630/600 fte."""
    g, *_rest = werkmap
    wsw = next(v for v in g.spec.volumes if v.product == "Wsw")
    assert list(wsw.aantallen.values()) == [720, 690, 660, 630, 600]
    cohorts = dg.cohorts_from_rows([30, 30, 30, 30, 60, 350, 205], [67, 66, 65, 64, 63, 50, 30],
                                   [67, 66, 65, 64, 63, 62, 49], 2024)
    stands = dg.project_wsw_cohorts(cohorts, g.spec.jaren, [67, 67, 67, 67, 67.25], 0.0, 1.0)
    assert [s.fte for s in stands] == [720, 690, 660, 630, 600]


def test_age_profile_formulas_recalculate_to_the_core(werkmap):
    g, out, _edited, values, _reports = werkmap
    sheet, got = openpyxl.load_workbook(out)[DG], values[0][DG]
    p = next(v for v in g.spec.volumes if v.product == "Wsw").projectie
    columns = [chr(ord("E") + j) for j in range(len(g.spec.jaren))]
    born = [c.row for c in sheet["A"] if isinstance(c.value, str) and c.value.startswith("Geboren ")]
    assert len(born) == 5 * len(p.rijen) == 5 * 38
    begin, months, aow, other, _end = (born[k * 38:(k + 1) * 38] for k in range(5))
    for ci, cohort in enumerate(p.rijen):
        assert sheet[f"C{begin[ci]}"].value == cohort.geboortejaar
        for j, c in enumerate(columns):
            row = cohort.jaren[j]
            assert str(sheet[f"{c}{begin[ci]}"].value).startswith("=")
            assert got[f"{c}{begin[ci]}"] == pytest.approx(row.begin, abs=1e-9)
            assert got[f"{c}{months[ci]}"] == row.maanden
            assert got[f"{c}{aow[ci]}"] == pytest.approx(row.aow, abs=1e-9)
            assert got[f"{c}{other[ci]}"] == pytest.approx(row.overig, abs=1e-9)
    (fte,) = [r + 1 for r in _rows(sheet, PERSONS)]
    assert [got[f"{c}{fte}"] for c in columns] == pytest.approx([720, 690, 660, 630, 600], abs=1e-9)
    # the volume row on Uitgangspunten links to it
    invoer = openpyxl.load_workbook(out)["Uitgangspunten"]
    wsw = next(r for r in range(1, invoer.max_row + 1) if invoer.cell(r, 1).value == "Wsw"
               and invoer.cell(r, 3).value == "(totaal)" and invoer.cell(r, 4).value == "SE")
    assert invoer[f"E{wsw}"].value == f"={DG}!E{fte}"


def test_a_band_edited_in_the_workbook_flows_through(werkmap):
    """350 -> 300 persons of 50–62: LibreOffice's volumes are the core's of the spec read back."""
    _g, _out, edited, values, reports = werkmap
    spec = load_spec(edited)
    p = next(v for v in spec.volumes if v.product == "Wsw").projectie
    assert p.cohorten[5] == (50, 62, 300)
    sheet = openpyxl.load_workbook(edited)[DG]
    (fte,) = [r + 1 for r in _rows(sheet, PERSONS)]
    assert sheet[f"A{fte}"].value == "Volume"
    got = [values[1][DG][f"{chr(ord('E') + j)}{fte}"] for j in range(5)]
    assert got == pytest.approx([s.fte for s in p.standen], abs=1e-9)
    assert got[0] == pytest.approx(670)
    assert reports[1].bevindingen == ()  # the spec read back is the edited one: still in orde


SCENARIO = """scenarios:
  basis: {}
  uitstroom:
    projectie: {Wsw: {overige_uitstroom: 3}}
  ander_profiel:
    projectie: {Wsw: {cohorten: [{van: 66, aantal: 100}, {van: 30, tot: 62, aantal: 600}]}}
"""


def test_scenario_override_of_an_age_profile_changes_the_saldo_as_the_core_says(root, tmp_path):
    path = tmp_path / "s.yaml"
    path.write_text(SCENARIO, encoding="utf-8")
    found = load_scenarios(root / SPEC, path)
    b = found.begroting
    basis = compute(b)
    prijs = b.product("Wsw")
    for scenario, rate, cohorts in (
            (found.scenarios[1], 0.03, None),
            (found.scenarios[2], 0.0, dg.cohorts_from_rows([100, 600], [66, 30], [66, 62], 2024))):
        changed = apply(b, scenario.aanpassingen)
        wsw = next(v for v in changed.volumes if v.product == "Wsw")
        cohorts = cohorts or dg.cohorts_from_rows([30, 30, 30, 30, 60, 350, 205], [67, 66, 65, 64, 63, 50, 30],
                                                  [67, 66, 65, 64, 63, 62, 49], 2024)
        expected = dg.project_wsw_cohorts(cohorts, b.jaren, [67, 67, 67, 67, 67.25], rate, 1.0)
        assert list(wsw.aantallen.values()) == [s.fte for s in expected]
        res = compute(changed)
        assert any(res.saldo[y] != basis.saldo[y] for y in b.jaren)
        for y in b.jaren:
            # the gemeenten pay −normprijs per fte of operationeel resultaat (Rivierenland: −1200 …)
            delta = (wsw.aantallen[y] - next(v for v in b.volumes if v.product == "Wsw").aantallen[y])
            effect = delta * -prijs.normprijs(y)
            assert abs(to_cents(res.saldo[y] - basis.saldo[y]) - to_cents(effect)) <= len(b.gemeenten)


def test_scenario_command_with_an_age_profile_override(root, tmp_path, run_cli):
    path, out = tmp_path / "s.yaml", tmp_path / "s.xlsx"
    path.write_text(SCENARIO, encoding="utf-8")
    code, _out, err = run_cli("scenario", str(root / SPEC), "--scenarios", str(path), "-o", str(out))
    assert code == 0, err
    assert out.exists()


@pytest.mark.parametrize("override, place, message", [
    ("projectie: {Wsw: {overige_uitstroom: 120}}", "scenarios.x.projectie.Wsw.overige_uitstroom", "100"),
    ("projectie: {Wsw: {overige_uitstroom: -1}}", "scenarios.x.projectie.Wsw.overige_uitstroom", "-1"),
    ("projectie: {Wsx: {overige_uitstroom: 1}}", "scenarios.x.projectie.Wsx", "onbekend product"),
    ("projectie: {Wsw: {cohorten: 5}}", "scenarios.x.projectie.Wsw.cohorten", "lijst van cohorten"),
    ("projectie: {Wsw: {cohorten: [{van: 60, tot: 64, aantal: 5}, {van: 64, aantal: 1}]}}",
     "scenarios.x.projectie.Wsw.cohorten", "overlappen"),
    ("projectie: {Wsw: {verjaardag_maanden: 12}}", "scenarios.x.projectie.Wsw.verjaardag_maanden", "11"),
    ("projectie: {Wsw: {uitstroom: 5}}", "scenarios.x.projectie.Wsw.uitstroom", "kent geen uitstroom"),
])
def test_bad_age_profile_override_exit_2_nothing_written(root, tmp_path, run_cli, override, place, message):
    path, out = tmp_path / "s.yaml", tmp_path / "s.xlsx"
    path.write_text(f"scenarios:\n  basis: {{}}\n  x:\n    {override}\n", encoding="utf-8")
    code, _out, err = run_cli("scenario", str(root / SPEC), "--scenarios", str(path), "-o", str(out))
    assert code == 2
    assert f"s.yaml: {place}" in err and message in err, err
    assert not out.exists()


@pytest.mark.parametrize("old, new, place, message", [
    ("- gemeente: Buren\n  soort: wsw", "- gemeente: Buurt\n  soort: wsw", "rijksmiddelen[1].gemeente",
     "onbekende gemeente 'Buurt'"),
    ("    overige_uitstroom: 0\n", "    overige_uitstroom: 101\n", "projectie.overige_uitstroom", "101"),
    ("    overige_uitstroom: 0\n", "    overige_uitstroom: 0\n    verjaardag_maanden: 12\n",
     "projectie.verjaardag_maanden", "tussen 0 en 11"),
    ("    - {van: 63, aantal: 60}\n", "    - {van: 62, aantal: 60}\n", "projectie.cohorten", "overlappen"),
])
def test_bad_spec_input_exit_2_nothing_written(root, tmp_path, run_cli, old, new, place, message):
    text = (root / SPEC).read_text(encoding="utf-8")
    assert old in text
    spec, out = tmp_path / "begroting.yaml", tmp_path / "uit.xlsx"
    spec.write_text(text.replace(old, new, 1), encoding="utf-8")
    code, _out, err = run_cli("genereer", str(spec), "-o", str(out), "--niet-controleren")
    assert code == 2
    assert "begroting.yaml" in err and place in err and message in err, err
    assert not out.exists()

