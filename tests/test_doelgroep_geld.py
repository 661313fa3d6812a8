"""Rijksmiddelen against the bijdrage, and the sensitivity table: hand-worked and invariants."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pyfuncs import gevoeligheid as gv
from pyfuncs import rijksmiddelen as rm
from pyfuncs.afronding import to_cents
from pyfuncs.fouten import InvoerFout


def test_own_means_by_hand():
    # Zaanstad: 1,000,000.004 -> 1,000,000.00; rijksmiddelen 600,000.005 -> 600,000.01 (half away
    # from zero) + 100,000 = 700,000.01; eigen 299,999.99; / 157,000 = 1.9108… -> 1.91 per inwoner.
    # Purmerend: 500,000 − 550,000 = −50,000; / 93,000 = −0.5376… -> −0.54.
    rows = rm.compare_all({"Zaanstad": {2024: 1_000_000.004}, "Purmerend": {2024: 500_000}},
                          {"Zaanstad": {2024: {"Wsw": 600_000.005, "BUIG LKS": 100_000}},
                           "Purmerend": {2024: {"Wsw": 550_000}}},
                          {"Zaanstad": 157_000, "Purmerend": 93_000})
    zaanstad, purmerend = rows
    assert (zaanstad.rijksmiddelen, zaanstad.eigen_middelen, zaanstad.per_inwoner) == (700_000.01, 299_999.99, 1.91)
    assert (purmerend.eigen_middelen, purmerend.per_inwoner) == (-50_000, -0.54)
    # Total: 249,999.99 over 250,000 inhabitants = 0.99999996 -> 1.00 (not 1.91 − 0.54 = 1.37).
    (total,) = rm.add_up_own_means(rows)
    assert (total.gemeente, total.eigen_middelen, total.inwoners, total.per_inwoner) == ("Totaal", 249_999.99, 250_000, 1.0)


def test_rijksmiddelen_for_an_unknown_gemeente_or_year_are_refused():
    with pytest.raises(InvoerFout, match="rijksmiddelen voor onbekende gemeente 'Zaandam'"):
        rm.compare_all({"Zaanstad": {2024: 1}}, {"Zaandam": {2024: {"Wsw": 1}}}, {"Zaanstad": 1})
    with pytest.raises(InvoerFout, match="rijksmiddelen van Zaanstad voor 2031, een jaar zonder bijdrage"):
        rm.compare_all({"Zaanstad": {2024: 1}}, {"Zaanstad": {2031: {"Wsw": 1}}}, {"Zaanstad": 1})
    with pytest.raises(InvoerFout, match="inwoners moet groter dan nul zijn"):
        rm.per_inhabitant(100, 0)


money = st.decimals(min_value=-10**8, max_value=10**8, places=3).map(float)


@given(st.lists(st.tuples(money, money, money, st.integers(1, 10**6)), min_size=1, max_size=10))
def test_gemeenten_add_up_to_the_total_to_the_cent(gemeenten):
    names = [f"G{i}" for i in range(len(gemeenten))]
    rows = rm.compare_all({n: {2024: b} for n, (b, _, _, _) in zip(names, gemeenten, strict=True)},
                          {n: {2024: {"Wsw": w, "BUIG": u}} for n, (_, w, u, _) in zip(names, gemeenten, strict=True)},
                          {n: g[3] for n, g in zip(names, gemeenten, strict=True)})
    (total,) = rm.add_up_own_means(rows)
    for field in ("bijdrage", "rijksmiddelen", "eigen_middelen"):
        assert to_cents(getattr(total, field)) == sum(to_cents(getattr(r, field)) for r in rows)
    for r in rows:
        assert to_cents(r.bijdrage) - to_cents(r.rijksmiddelen) == to_cents(r.eigen_middelen)


def saldo(p):
    """Two years: volume × prijs − kosten, the second year's prijs 2% higher."""
    return [p["volume"] * p["prijs"] - p["kosten"], p["volume"] * p["prijs"] * 1.02 - p["kosten"]]


def test_sensitivity_by_hand():
    # Basis 100 × 10 − 900 = 100 and 1,020 − 900 = 120.
    # volume 90: 0 and 18 -> −100, −102; volume 110: 200 and 222 -> +100, +102.
    # kosten 800: +100, +100; kosten 1,000: −100, −100.
    rows = gv.assess_sensitivity(saldo, {"volume": 100, "prijs": 10, "kosten": 900},
                                 {"kosten": (800, 1000), "volume": (90, 110)})
    kosten, volume = rows
    assert (volume.effect_laag, volume.effect_hoog) == ((-100, -102), (100, 102))
    assert (kosten.effect_laag, kosten.effect_hoog) == ((100, 100), (-100, -100))
    assert [r.parameter for r in gv.rank_by_effect(rows)] == ["volume", "kosten"]
    with pytest.raises(InvoerFout, match="gevoeligheid voor onbekende parameter 'rente'"):
        gv.assess_sensitivity(saldo, {"volume": 1, "prijs": 1, "kosten": 1}, {"rente": (0, 1)})
    with pytest.raises(InvoerFout, match="laag 2 is groter dan hoog 1"):
        gv.assess_sensitivity(saldo, {"volume": 1, "prijs": 1, "kosten": 1}, {"volume": (2, 1)})


@given(st.floats(0, 1000), st.floats(0, 1000), st.floats(0, 10**5))
def test_sensitivity_is_deterministic_and_zero_at_the_basis(volume, prijs, kosten):
    basis = {"volume": volume, "prijs": prijs, "kosten": kosten}
    ranges = {"volume": (volume, volume), "kosten": (0, kosten)}
    first, again = (gv.assess_sensitivity(saldo, basis, ranges) for _ in range(2))
    assert first == again
    assert first[0].effect_laag == first[0].effect_hoog == (0.0, 0.0)
    assert basis == {"volume": volume, "prijs": prijs, "kosten": kosten}
