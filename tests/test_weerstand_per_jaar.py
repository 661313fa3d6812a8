"""The benodigde weerstandscapaciteit per year: each year simulates the risks of that year."""

from pathlib import Path

import pytest

from pyfuncs.fouten import InvoerFout
from pyfuncs.weerstand import simulate_risks, simulate_risks_per_year

KANSEN, MINIMA, MAXIMA = [0.5, 0.2, 0.3], [1000, 5000, 2000], [2000, 9000, 4000]


def test_a_risk_without_years_counts_in_every_year():
    per_year = simulate_risks_per_year(KANSEN, MINIMA, MAXIMA, [(), (), ()], (2025, 2026), 0.9, 5000, 3)
    alone = simulate_risks(KANSEN, MINIMA, MAXIMA, 0.9, 5000, 3)
    assert per_year == {2025: alone, 2026: alone}


def test_a_year_simulates_only_its_own_risks_with_the_same_seed():
    per_year = simulate_risks_per_year(KANSEN, MINIMA, MAXIMA, [(), (2025,), ()], (2025, 2026), 0.9, 5000, 3)
    assert per_year[2025] == simulate_risks(KANSEN, MINIMA, MAXIMA, 0.9, 5000, 3)
    assert per_year[2026] == simulate_risks([0.5, 0.3], [1000, 2000], [2000, 4000], 0.9, 5000, 3)
    assert per_year[2026] < per_year[2025]


def test_a_year_without_risks_needs_nothing():
    assert simulate_risks_per_year([0.5], [10], [20], [(2025,)], (2025, 2026))[2026] == 0.0


def test_unequal_lists_are_refused():
    with pytest.raises(InvoerFout, match="niet even lang"):
        simulate_risks_per_year([0.5], [10], [20], [], (2025,))


def test_the_rivierenland_sample_needs_less_after_the_move():
    from budgets.spec.laden import load_spec
    from budgets.spec.resultaten import compute

    res = compute(load_spec(Path("samples/rivierenland/begroting.yaml")))
    assert res.benodigd[2025] == res.benodigd[2026] > res.benodigd[2027] == res.benodigd[2028]
    assert res.benodigd[2024] < res.benodigd[2025]  # the frictiekosten do not play in 2024
    assert all(res.ratio[y] == res.beschikbaar[y] / res.benodigd[y] for y in res.benodigd)
