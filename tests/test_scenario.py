"""`begroting scenario`: scenarios as overrides of the spec, their results side by side,
the sensitivity table, cent-exact shares per gemeente, and a workbook whose formulas
LibreOffice recalculates to the cached core values."""

import json
from pathlib import Path

import openpyxl
import pytest
import yaml

from budgets.excel.rekenmotor import is_error_value, recalculate_with_libreoffice
from budgets.scenario.model import compare
from budgets.scenario.werkmap import write_workbook
from budgets.spec.laden import load_spec
from budgets.spec.scenario_lezen import load_scenarios
from pyfuncs.afronding import to_cents

SPEC = "samples/rivierenland/begroting.yaml"


@pytest.fixture(scope="module")
def vergelijking(root):
    return compare(load_scenarios(root / SPEC))


@pytest.fixture(scope="module")
def raw(root) -> dict:
    return yaml.safe_load((root / SPEC).read_text(encoding="utf-8"))


def test_scenarios_in_file_order_basis_first(vergelijking):
    assert [u.naam for u in vergelijking.uitkomsten] == ["basis", "laag", "hoog"]
    assert vergelijking.basis.resultaten.saldo == vergelijking.basis.resultaten.saldo


def test_basis_scenario_is_the_spec_itself(root, vergelijking):
    from budgets.spec.resultaten import compute

    assert vergelijking.basis.resultaten.saldo == compute(load_spec(root / SPEC)).saldo


def test_shares_per_gemeente_add_up_to_the_cent(vergelijking):
    for u in vergelijking.uitkomsten:
        res = u.resultaten
        for y in u.begroting.jaren:
            shares = sum(to_cents(x) for x in u.aandeel_saldo[y])
            assert shares == to_cents(res.reserve_mutatie[y]) - to_cents(res.saldo[y]), (u.naam, y)
            assert [to_cents(t) for t in u.totaal[y]] == [
                to_cents(a) + to_cents(s) for a, s in zip(u.bijdrage[y], u.aandeel_saldo[y], strict=True)]


def test_sensitivity_of_a_line_factor_is_that_share_of_the_line(vergelijking, raw):
    """NTW × 0,95 lowers the saldo by 5% of the NTW of the spec, each year, to the cent."""
    ntw = next(r for r in raw["exploitatie"] if r["naam"] == "Netto toegevoegde waarde")["bedragen"]
    row = next(g for g in vergelijking.gevoeligheid if g.parameter.startswith("exploitatie.Netto"))
    assert row.effect_laag == tuple(-0.05 * ntw[y] for y in sorted(ntw))
    assert row.effect_hoog == tuple(0.05 * ntw[y] for y in sorted(ntw))


def test_sensitivity_of_the_wsw_volume(vergelijking, raw):
    """Wsw volume × 0,9: the gemeenten pay 10% fewer fte × the negative operationeel
    resultaat (−normprijs per fte), so the saldo falls by 0,1 × volume × |normprijs|."""
    # the sample's Wsw is an age profile that gives 720/690/660/630/600 fte (tested in
    # test_doelgroep_begroting.py); the volumes are the projection's
    totaal = next(v for v in vergelijking.basis.begroting.volumes if v.product == "Wsw").aantallen
    prijs = next(p for p in raw["producten"] if p["naam"] == "Wsw")["normprijs"]
    row = next(g for g in vergelijking.gevoeligheid if g.parameter == "volumes.Wsw.factor")
    expected = tuple(-0.1 * totaal[y] * -prijs[y] for y in sorted(totaal))
    assert [to_cents(x) for x in row.effect_laag] == [to_cents(x) for x in expected]


def test_sensitivity_is_ranked_by_largest_effect(vergelijking):
    effects = [g.grootste_effect for g in vergelijking.gevoeligheid]
    assert effects == sorted(effects, reverse=True)


def test_workbook_is_deterministic(vergelijking, tmp_path):
    write_workbook(vergelijking, tmp_path / "a.xlsx")
    write_workbook(vergelijking, tmp_path / "b.xlsx")
    assert (tmp_path / "a.xlsx").read_bytes() == (tmp_path / "b.xlsx").read_bytes()


def _formula_cells(path: Path) -> dict:
    formulas = openpyxl.load_workbook(path)
    cached = openpyxl.load_workbook(path, data_only=True)
    return {(ws.title, c.coordinate): cached[ws.title][c.coordinate].value
            for ws in formulas.worksheets for row in ws.iter_rows() for c in row
            if isinstance(c.value, str) and c.value.startswith("=")}


def test_libreoffice_recalculates_every_formula_to_the_cached_value(vergelijking, tmp_path, libreoffice):
    path = tmp_path / "scenario.xlsx"
    write_workbook(vergelijking, path)
    cells = _formula_cells(path)
    values = recalculate_with_libreoffice(path)
    assert len(cells) > 300
    wrong = []
    for (sheet, ref), cache in cells.items():
        value = values[sheet].get(ref)
        if is_error_value(value) or (cache in ("", None)) != (value in ("", None)):
            wrong.append((sheet, ref, cache, value))
        elif isinstance(cache, (int, float)) and not isinstance(cache, bool):
            if abs(float(value) - cache) > 0.005 + 1e-12 * abs(cache):
                wrong.append((sheet, ref, cache, value))
        elif cache != value:
            wrong.append((sheet, ref, cache, value))
    assert not wrong, wrong[:10]
    assert values["Scenario's"]["B4"] is True


def test_cli_writes_workbook_summary_and_prints_the_saldi(root, tmp_path, run_cli):
    out, summary = tmp_path / "s.xlsx", tmp_path / "s.json"
    code, stdout, stderr = run_cli("scenario", str(root / SPEC), "-o", str(out), "--samenvatting", str(summary))
    assert code == 0, stderr
    assert "basis " in stdout and "laag " in stdout and f"Werkmap geschreven: {out}" in stdout
    data = json.loads(summary.read_text(encoding="utf-8"))
    assert [s["naam"] for s in data["scenarios"]] == ["basis", "laag", "hoog"]
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Scenario's", "Gemeenten", "Rijksmiddelen", "Gevoeligheid",
                               "Reserve per scenario"]
    assert data["scenarios"][0]["eigen_middelen"][0]["gemeente"] == "Buren"


BAD = [
    ({"scenarios": {"laag": {"volumes": {"Wsx": {"factor": 0.9}}}}},
     "s.yaml: scenarios.laag.volumes.Wsx: onbekend product 'Wsx'"),
    ({"scenarios": {"laag": {"exploitatie": {"Bedrijfsresultaat": {"factor": 0.9}}}}},
     "s.yaml: scenarios.laag.exploitatie.Bedrijfsresultaat.factor: regel 'Bedrijfsresultaat' is een subtotaal"),
    ({"scenarios": {"laag": {"volumes": {"Wsw": {"factor": -1}}}}},
     "s.yaml: scenarios.laag.volumes.Wsw.factor: -1 mag niet kleiner zijn dan 0"),
    ({"scenarios": {"basis": {"indexatie": 2}}}, "s.yaml: scenarios.basis: het scenario 'basis' is de spec zelf"),
    ({"scenarios": {"laag": {}}, "gevoeligheid": [{"parameter": "volumes.Wsw.totaal", "laag": 1, "hoog": 2}]},
     "s.yaml: gevoeligheid[1].parameter: 'totaal' kan niet in de gevoeligheid"),
    ({"scenarios": {"laag": {}}, "gevoeligheid": [{"parameter": "volumes.Wsw.factor", "laag": 2, "hoog": 1}]},
     "s.yaml: gevoeligheid[1].laag: laag 2 is groter dan hoog 1"),
]


@pytest.mark.parametrize(("content", "message"), BAD)
def test_bad_scenarios_exit_2_and_write_nothing(root, tmp_path, run_cli, content, message):
    scenarios = tmp_path / "s.yaml"
    scenarios.write_text(yaml.safe_dump(content, allow_unicode=True), encoding="utf-8")
    out = tmp_path / "s.xlsx"
    code, _, stderr = run_cli("scenario", str(root / SPEC), "--scenarios", str(scenarios), "-o", str(out))
    assert code == 2
    assert message in stderr
    assert list(tmp_path.iterdir()) == [scenarios]


def test_own_means_are_bijdrage_minus_rijksmiddelen_per_inwoner(vergelijking, raw):
    """Independently: Σ rijksmiddelen of the sample per gemeente and year, against the
    scenario's total bijdrage; per inwoner rounded half away from zero to cents."""
    from decimal import ROUND_HALF_UP, Decimal

    inwoners = {d["naam"]: d["inwoners"] for d in raw["deelnemers"]}
    for u in vergelijking.uitkomsten:
        rows = {(r.gemeente, r.jaar): r for r in u.eigen_middelen}
        for i, g in enumerate(u.begroting.gemeenten):
            for y in u.begroting.jaren:
                rijk = sum(Decimal(str(r["bedragen"][y])) for r in raw["rijksmiddelen"] if r["gemeente"] == g)
                eigen = Decimal(str(u.totaal[y][i])) - rijk
                per = (eigen / inwoners[g]).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
                assert Decimal(str(rows[(g, y)].eigen_middelen)) == eigen
                assert Decimal(str(rows[(g, y)].per_inwoner)) == per
        for y in u.begroting.jaren:
            total = rows[("Totaal", y)]
            assert to_cents(total.eigen_middelen) == sum(to_cents(rows[(g, y)].eigen_middelen)
                                                         for g in u.begroting.gemeenten)


def test_rijksmiddelen_for_an_unknown_gemeente_exit_2(root, tmp_path, run_cli):
    scenarios = tmp_path / "s.yaml"
    scenarios.write_text(yaml.safe_dump({"scenarios": {"laag": {}}, "rijksmiddelen": [
        {"gemeente": "Edam", "soort": "wsw", "bedragen": {2024: 1}, "bron": "x"},
        {"gemeente": "Tiel", "soort": "bijstand", "bedragen": {2031: 1}, "bron": "x"}]}), encoding="utf-8")
    code, _, stderr = run_cli("scenario", str(root / SPEC), "--scenarios", str(scenarios), "-o",
                              str(tmp_path / "s.xlsx"))
    assert code == 2
    assert "s.yaml: rijksmiddelen[1].gemeente: onbekende gemeente 'Edam'" in stderr
    assert "s.yaml: rijksmiddelen[2].soort: 'bijstand' is onbekend" in stderr
    assert "s.yaml: rijksmiddelen[2].bedragen.2031: jaar 2031 valt buiten de jaren 2024–2028" in stderr
    assert list(tmp_path.iterdir()) == [scenarios]


def _werkom_with(root, product: str, projectie: dict) -> dict:
    raw = yaml.safe_load((root / "samples/werkom/begroting.yaml").read_text(encoding="utf-8"))
    row = next(v for v in raw["volumes"] if v["product"] == product)
    row.pop("totaal", None)
    row["projectie"] = projectie
    return raw


def test_werkom_wsw_from_a_projection_of_3_5_percent(root):
    """docs/doelgroep.md: 448 fte with 3,5% outflow a year stays within 2,6 fte of the
    published 430 / 415 / 400 / 390 (each year ROUND(begin × 3,5%; 2) leaves)."""
    from budgets.spec.laden import parse_mapping

    b = parse_mapping(_werkom_with(root, "Wsw", {"soort": "uitstroom", "start": 448, "uitstroom": 3.5}), "w.yaml")
    row = next(v for v in b.volumes if v.product == "Wsw")
    assert list(row.aantallen.values()) == [448.0, 432.32, 417.19, 402.59, 388.5]
    published = [448, 430, 415, 400, 390]
    assert max(abs(a - p) for a, p in zip(row.aantallen.values(), published, strict=True)) < 2.6


def test_werkom_sample_projections_give_the_published_volumes(root):
    spec = load_spec(root / "samples/werkom/begroting.yaml")
    beschut = next(v for v in spec.volumes if v.product == "Begeleiding beschut")
    extern = next(v for v in spec.volumes if v.product == "Begeleiding regulier extern")
    assert list(beschut.aantallen.values()) == [70, 105, 131, 131, 131]
    assert list(extern.aantallen.values()) == [100, 150, 200, 200, 200]


@pytest.mark.parametrize(("projectie", "message"), [
    ({"soort": "uitstroom", "start": 448, "uitstroom": 120},
     "w.yaml: volumes[2].projectie.uitstroom: 120 mag niet groter zijn dan 100"),
    ({"soort": "uitstroom", "start": 448, "uitstroom": -1},
     "w.yaml: volumes[2].projectie.uitstroom: -1 mag niet kleiner zijn dan 0"),
    ({"soort": "sneeuwbal", "start": 448}, "w.yaml: volumes[2].projectie.soort: 'sneeuwbal' is onbekend"),
    ({"soort": "lineair", "start": 448, "doel": 400, "doeljaar": 2022},
     "w.yaml: volumes[2].projectie.doeljaar: doeljaar 2022 moet na het eerste jaar 2022 liggen"),
])
def test_bad_projection_names_file_and_place(root, projectie, message):
    from budgets.spec.laden import parse_mapping
    from pyfuncs.fouten import InvoerFout

    with pytest.raises(InvoerFout) as fout:
        parse_mapping(_werkom_with(root, "Wsw", projectie), "w.yaml")
    assert message in str(fout.value)


def test_bad_projection_on_the_command_line_exit_2_nothing_written(root, tmp_path, run_cli):
    spec = tmp_path / "w.yaml"
    spec.write_text(yaml.safe_dump(_werkom_with(root, "Wsw", {"soort": "uitstroom", "start": 448, "uitstroom": 150}),
                                   allow_unicode=True), encoding="utf-8")
    code, _, stderr = run_cli("scenario", str(spec), "-o", str(tmp_path / "s.xlsx"))
    assert code == 2 and "w.yaml: volumes[2].projectie.uitstroom: 150 mag niet groter zijn dan 100" in stderr
    assert list(tmp_path.iterdir()) == [spec]


def test_werkom_scenarios_sample(root):
    v = compare(load_scenarios(root / "samples/werkom/begroting.yaml", root / "samples/werkom/scenarios.yaml"))
    assert [u.naam for u in v.uitkomsten] == ["basis", "laag", "hoog"]
    assert [v.basis.resultaten.saldo[y] for y in v.jaren] == [-1055000, -1797000, -2583000, -2912000, -2936000]
    zaanstad_2022 = next(r for r in v.basis.eigen_middelen if (r.gemeente, r.jaar) == ("Zaanstad", 2022))
    assert to_cents(zaanstad_2022.rijksmiddelen) == to_cents(8980000 + 747000)
