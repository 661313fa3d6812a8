"""The kwartaal model on the sample: totals, effects and profiles follow the core."""

import pytest

from budgets.grootboek.lezen import read_ledger
from budgets.grootboek.mapping import load_mapping
from budgets.grootboek.volumes import read_volumes, volume_years
from budgets.kwartaal.drempels import drempels
from budgets.kwartaal.model import build_report, forecast_with_profile
from budgets.pc.jaarbegroting import load_basis, load_profielen
from pyfuncs.afronding import to_cents
from pyfuncs.fouten import InvoerFout
from pyfuncs.kwartaal import budget_to_date, forecast

KOSTEN = "Kosten (loonkosten doelgroep en apparaat)"


@pytest.fixture(scope="module")
def parts(werkom, werkom_realisatie):
    real = werkom_realisatie
    basis = load_basis(werkom / "begroting.yaml", 2023, real / "wijzigingen_2023.yaml")
    mapping = load_mapping(real / "mapping.yaml")
    grootboek = read_ledger(real / "grootboek_2023.csv", mapping, basis.plaatsing())
    frame, _ = read_volumes(real / "volumes_2023.csv", mapping, basis.plaatsing())
    return basis, grootboek, frame


@pytest.mark.parametrize("quarter", [1, 2, 3, 4])
def test_effects_add_up_and_totals_sum(parts, quarter):
    basis, grootboek, frame = parts
    report = build_report(basis, grootboek, quarter, drempels(), volume_years(frame, quarter, "maand"))
    for row in report.rijen:
        if row.effecten:
            whole = to_cents(row.realisatie_tm - row.effecten.begroot_volume_tm * row.effecten.kostprijs)
            assert to_cents(row.effecten.volume) + to_cents(row.effecten.prijs) == whole
    by_key = {r.sleutel: r for r in report.rijen}
    products = [r for r in report.rijen if r.niveau == "producttotaal"]
    total = by_key["totaal|producten"]
    assert total.realisatie_tm == pytest.approx(sum(r.realisatie_tm for r in products))
    saldo = by_key["totaal|saldo"]
    assert saldo.begroot_tm == pytest.approx(by_key["totaal|baten"].begroot_tm
                                             - by_key["totaal|lasten"].begroot_tm)


def test_a_profile_moves_the_budget_to_date(parts, tmp_path):
    basis, grootboek, _ = parts
    path = tmp_path / "p.yaml"
    path.write_text(f"profielen:\n  {KOSTEN}: [1, 2, 1, 0]\n", encoding="utf-8")
    profiles = load_profielen(path, basis)
    report = build_report(basis, grootboek, 2, drempels(), None, profiles)
    row = next(r for r in report.rijen if r.sleutel == f"regel|{KOSTEN}")
    assert row.begroot_tm == pytest.approx(budget_to_date(row.na_wijziging, 2, [1, 2, 1, 0]))
    assert row.prognose_begroting == pytest.approx(row.realisatie_tm + row.na_wijziging / 4)


def test_forecast_with_equal_quarters_is_the_core(parts):
    assert forecast_with_profile(10.0, 5.0, 20.0, 2, None) == forecast(10.0, 2, 20.0, "begroting")


@pytest.mark.parametrize("body, message", [
    ("profielen: {Onbekend: [1, 1, 1, 1]}", "geen exploitatieregel"),
    (f"profielen: {{'{KOSTEN}': [1, 1, 1]}}", "vier gewichten"),
    (f"profielen: {{'{KOSTEN}': veel}}", "lijst van vier getallen"),
])
def test_bad_profiles(parts, tmp_path, body, message):
    path = tmp_path / "p.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(InvoerFout, match=message):
        load_profielen(path, parts[0])


@pytest.mark.parametrize("prognose, begroting, soort, expected", [
    (1_000_000.01, 1_000_000.00, "lasten", True),
    (1_000_000.00, 1_000_000.00, "lasten", False),
    (-150_000.00, -200_000.00, "lasten", True),   # operationeel resultaat lower than budgeted
    (-250_000.00, -200_000.00, "lasten", False),  # a better result is a voordeel
    (2_000_000.00, 1_000_000.00, "baten", False),
])
def test_overschrijding_compares_the_year_with_the_year(prognose, begroting, soort, expected):
    from pyfuncs.kwartaal import exceeds_budget

    assert exceeds_budget(prognose, begroting, soort) is expected
