"""The projections in the begroting workbook (sheet Doelgroepontwikkeling), the age-profile
kind of volumes[].projectie, and scenario overrides of projection assumptions."""

from pathlib import Path

import openpyxl
import pytest

from budgets.cli import main
from budgets.excel.rekenmotor import recalculate_with_libreoffice
from budgets.spec.laden import load_spec
from budgets.spec.scenario_lezen import load_scenarios
from budgets.spec.scenarios import apply, parameter_label
from budgets.werkboek.doelgroep import DG
from budgets.werkboek.genereer import generate
from pyfuncs import doelgroep as dg
from pyfuncs.fouten import InvoerFout

WSW = """  - product: Wsw
    totaal: {2022: 448, 2023: 430, 2024: 415, 2025: 400, 2026: 390}
    verdeelsleutel: Inwoners
"""
INTERN = """  - product: Begeleiding regulier intern
    totaal: {2022: 37, 2023: 37, 2024: 37, 2025: 37, 2026: 37}
    verdeelsleutel: Inwoners
"""


def werkom_with(root: Path, tmp_path: Path, wsw: str, intern: str = INTERN) -> Path:
    """Werkom's spec with the Wsw and regulier intern volume rows replaced."""
    text = (root / "samples" / "werkom" / "begroting.yaml").read_text(encoding="utf-8")
    assert WSW in text and INTERN in text
    path = tmp_path / "begroting.yaml"
    path.write_text(text.replace(WSW, wsw).replace(INTERN, intern), encoding="utf-8")
    return path


ALL_KINDS_WSW = """  - product: Wsw
    projectie: {soort: uitstroom, start: 448, uitstroom: 3.5, fte_per_persoon: 0.9}
    verdeelsleutel: Inwoners
"""
LINEAIR_INTERN = """  - product: Begeleiding regulier intern
    projectie: {soort: lineair, start: 37, doel: 50, doeljaar: 2025, uitstroom: 5}
    verdeelsleutel: Inwoners
"""


@pytest.fixture(scope="module")
def all_kinds(root, tmp_path_factory):
    """A workbook with uitstroom (fte 0.9), maximum and lineair projections, generated."""
    tmp = tmp_path_factory.mktemp("doelgroep")
    spec = werkom_with(root, tmp, ALL_KINDS_WSW, LINEAIR_INTERN)
    out = tmp / "werkmap.xlsx"
    g = generate(spec, out)
    return g, out


def test_every_projection_is_a_block_of_formulas_linked_from_the_volumes(all_kinds):
    g, out = all_kinds
    book = openpyxl.load_workbook(out)
    assert DG in book.sheetnames
    assert book.sheetnames.index(DG) == book.sheetnames.index("Uitgangspunten") + 1
    sheet = book[DG]
    headings = [c.value for c in sheet["A"] if isinstance(c.value, str) and c.value.endswith(")") and " – " in c.value]
    assert headings == ["Wsw – totaal (uitstroom)", "Begeleiding beschut – totaal (maximum)",
                        "Begeleiding regulier intern – totaal (lineair)",
                        "Begeleiding regulier extern – totaal (maximum)"]
    # the volume cells of a projected row on Uitgangspunten are links, the others stay inputs
    invoer = book["Uitgangspunten"]
    wsw = next(r for r in range(1, invoer.max_row + 1) if invoer.cell(r, 1).value == "Wsw"
               and invoer.cell(r, 3).value == "(totaal)")
    assert str(invoer.cell(wsw, 5).value).startswith("=Doelgroepontwikkeling!E")


def test_every_unit_fits_its_column(all_kinds):
    """The Eenheid column is as wide as its longest text ("personen per jaar"), so none is
    cut off on screen or in print."""
    _g, out = all_kinds
    sheet = openpyxl.load_workbook(out)[DG]
    units = [c.value for c in sheet["B"][3:] if isinstance(c.value, str)]
    assert "personen per jaar" in units
    assert sheet.column_dimensions["B"].width >= max(len(unit) for unit in units)


def test_libreoffice_recalculates_the_projection_to_the_core(all_kinds, libreoffice):
    g, out = all_kinds
    values = recalculate_with_libreoffice(out)[DG]
    sheet = openpyxl.load_workbook(out)[DG]
    fte_rows = [c.row for c in sheet["A"] if c.value == "Volume"]
    rows = [v for v in g.spec.volumes if v.projectie is not None]
    assert len(fte_rows) == len(rows) == 4
    for row, v in zip(fte_rows, rows, strict=True):
        for i, jaar in enumerate(g.spec.jaren):
            assert values[f"{chr(ord('E') + i)}{row}"] == pytest.approx(v.aantallen[jaar], abs=1e-9)
    # Wsw 448 at 3.5% and 0.9 fte per person, by hand: 448 -> 432.32 (15.68 leave) -> ...
    assert [values[f"{c}{fte_rows[0]}"] for c in "EF"] == pytest.approx([403.2, 389.09])
    # lineair to 50 in 2025 from 37 in 2022: the line is 41.33, 45.67, 50, 50
    wsw = dg.project_wsw_rate(448, 0.035, g.spec.jaren, 0.9)
    assert [s.fte for s in wsw] == [g.spec.volumes[1].aantallen[j] for j in g.spec.jaren]
    assert list(g.spec.volumes[3].aantallen.values()) == [37, 41.33, 45.67, 50, 50]


def test_controleer_and_the_round_trip(all_kinds, tmp_path, libreoffice, capsys):
    g, out = all_kinds
    assert main(["controleer", str(out)]) == 0
    assert "In orde" in capsys.readouterr().out
    again = tmp_path / "opnieuw.xlsx"
    generate(out, again)
    assert again.read_bytes() == out.read_bytes()


def test_an_assumption_changed_in_the_workbook_flows_to_the_volumes(all_kinds, tmp_path, libreoffice):
    _g, out = all_kinds
    book = openpyxl.load_workbook(out)
    invoer = book["Uitgangspunten"]
    row = next(r for r in range(1, invoer.max_row + 1) if invoer.cell(r, 1).value == "Wsw"
               and invoer.cell(r, 4).value == "uitstroom")
    invoer.cell(row, 10).value = 10  # J: the Waarde column after five years
    edited = tmp_path / "bewerkt.xlsx"
    book.save(edited)
    spec = load_spec(edited)  # read back: the projectie with 10%
    assert dict(spec.volumes[1].projectie.aannames)["uitstroom"] == 10
    values = recalculate_with_libreoffice(edited)
    assert [values["Productbegroting"] is not None]
    assert spec.volumes[1].aantallen[2023] == pytest.approx(362.88)  # 448 × 0.9 × 0.9
    wsw_row = next(r for r in range(1, invoer.max_row + 1) if invoer.cell(r, 1).value == "Wsw"
                   and invoer.cell(r, 3).value == "(totaal)")
    assert values["Uitgangspunten"][f"F{wsw_row}"] == pytest.approx(362.88)


AGE_WSW = """  - product: Wsw
    projectie:
      soort: leeftijdsprofiel
      cohorten: [{van: 1957, aantal: 10}, {van: 1958, aantal: 20}, {van: 1970, aantal: 30}]
      aow_leeftijden: {2022: 66.58333333333333, 2023: 66.83333333333333, 2024: 67, 2025: 67, 2026: 67}
      overige_uitstroom: 2
    verdeelsleutel: Inwoners
"""


def test_age_profile_gives_the_cores_volumes(root, tmp_path):
    spec = load_spec(werkom_with(root, tmp_path, AGE_WSW))
    wsw = next(v for v in spec.volumes if v.product == "Wsw")
    # the hand-worked example of test_doelgroep_projecties: 60, 58.8, 52.82, 37.65, 27.67
    assert list(wsw.aantallen.values()) == [60, 58.8, 52.82, 37.65, 27.67]
    assert wsw.projectie.soort == "leeftijdsprofiel"  # a block of cohorts in the workbook
    assert [c.geboortejaar for c in wsw.projectie.rijen] == [1957, 1958, 1970]


@pytest.mark.parametrize("wsw, place, message", [
    (AGE_WSW.replace("{van: 1970, aantal: 30}", "{van: 1956, tot: 1958, aantal: 30}"),
     "volumes[2].projectie.cohorten", "overlappen"),
    (AGE_WSW.replace("overige_uitstroom: 2", "overige_uitstroom: 150"),
     "volumes[2].projectie.overige_uitstroom", "150"),
    (ALL_KINDS_WSW.replace("uitstroom: 3.5", "uitstroom: -1"), "volumes[2].projectie.uitstroom", "-1"),
    (AGE_WSW.replace(", 2026: 67}", "}"), "volumes[2].projectie.aow_leeftijden", "2026 ontbreekt"),
])
def test_bad_projection_is_refused_with_file_and_place(root, tmp_path, capsys, wsw, place, message):
    spec = werkom_with(root, tmp_path, wsw)
    out = tmp_path / "uit.xlsx"
    assert main(["genereer", str(spec), "-o", str(out), "--niet-controleren"]) == 2
    err = capsys.readouterr().err
    assert "begroting.yaml" in err and place in err and message in err
    assert not out.exists()


SCENARIOS = """scenarios:
  basis: {}
  traag:
    projectie: {Wsw: {uitstroom: 2}}
gevoeligheid:
  - {parameter: projectie.Wsw.uitstroom, laag: 2, hoog: 5}
"""


def test_scenario_overrides_a_projection_assumption(root, tmp_path):
    spec = werkom_with(root, tmp_path, ALL_KINDS_WSW)
    path = tmp_path / "scenarios.yaml"
    path.write_text(SCENARIOS, encoding="utf-8")
    found = load_scenarios(spec, path)
    b, scenarios, parameters = found.begroting, found.scenarios, found.parameters
    traag = apply(b, scenarios[1].aanpassingen)
    wsw = traag.volumes[1]
    expected = dg.project_wsw_rate(448, 0.02, b.jaren, 0.9)
    assert list(wsw.aantallen.values()) == [s.fte for s in expected]
    assert wsw.projectie.aanname("uitstroom") == 2
    assert parameters[0].basis == 3.5 and parameter_label(parameters[0].aanpassing) == "Projectie Wsw: uitstroom (% per jaar)"


@pytest.mark.parametrize("override, message", [
    ("projectie: {Re-integratie: {uitstroom: 2}}", "onbekend product met een projectie 'Re-integratie'"),
    ("projectie: {Wsw: {doel: 300}}", "kent geen doel"),
    ("projectie: {Wsw: {uitstroom: 120}}", "120"),
])
def test_bad_projection_override_is_refused(root, tmp_path, override, message):
    spec = werkom_with(root, tmp_path, ALL_KINDS_WSW)
    path = tmp_path / "scenarios.yaml"
    path.write_text(f"scenarios:\n  basis: {{}}\n  x:\n    {override}\n", encoding="utf-8")
    with pytest.raises(InvoerFout, match="scenarios.yaml") as fout:
        load_scenarios(spec, path)
    assert message in str(fout.value) and "scenarios.x.projectie" in str(fout.value)


def test_a_volume_factor_drops_the_projection_it_no_longer_follows(root, tmp_path):
    spec = werkom_with(root, tmp_path, ALL_KINDS_WSW)
    path = tmp_path / "scenarios.yaml"
    path.write_text("scenarios:\n  basis: {}\n  x:\n    projectie: {Wsw: {uitstroom: 2}}\n"
                    "    volumes: {Wsw: {factor: 0.5}}\n", encoding="utf-8")
    found = load_scenarios(spec, path)
    x = apply(found.begroting, found.scenarios[1].aanpassingen)
    expected = dg.project_wsw_rate(448, 0.02, found.begroting.jaren, 0.9)
    assert x.volumes[1].projectie is None
    assert x.volumes[1].aantallen[2022] == 201.6  # 448 × 0.9 × 0.5
    assert x.volumes[1].aantallen[2026] == pytest.approx(expected[-1].fte * 0.5, abs=0.005)
