"""Allocations and the saldo split, on cases a controller can check by hand."""

import pytest

from pyfuncs.fouten import InvoerFout
from pyfuncs.verdeling import allocate, blend_keys, split_saldo


def test_werkom_pw_budget_two_thirds_one_third():
    assert allocate(1_000_000, [2, 1]) == [666_666.67, 333_333.33]


def test_thousands_add_up_to_the_rounded_total():
    parts = allocate(2_583_499, [1, 1, 1], eenheid=1000)
    assert sum(parts) == 2_583_000
    assert parts == [861_000, 861_000, 861_000]


def test_ties_go_to_the_earlier_row():
    assert allocate(0.01, [1, 1]) == [0.01, 0.0]
    assert allocate(0.02, [1, 1, 1]) == [0.01, 0.01, 0.0]


def test_negative_amount_mirrors_positive():
    assert allocate(-100, [1, 1, 1]) == [-33.34, -33.33, -33.33]


def test_zero_key_gets_nothing():
    assert allocate(100, [0, 3, 1]) == [0.0, 75.0, 25.0]


@pytest.mark.parametrize(
    ("keys", "message"),
    [([1, -2], "sleutels bevat een negatieve waarde (rij 2)"), ([0, 0], "sleutels zijn allemaal nul")],
)
def test_bad_keys_are_refused(keys, message):
    with pytest.raises(InvoerFout, match=message.replace("(", r"\(").replace(")", r"\)")):
        allocate(100, keys)


def test_deficit_is_taken_from_the_reserve_first():
    split = split_saldo(-1000, [2, 1], reserve=600)
    assert split.reserve_mutatie == -600
    assert split.gemeenten == (266.67, 133.33)


def test_deficit_respects_the_reserve_minimum():
    split = split_saldo(-1000, [1, 1], reserve=700, reserve_min=500)
    assert split.reserve_mutatie == -200
    assert split.gemeenten == (400.0, 400.0)


def test_surplus_fills_the_reserve_up_to_its_ceiling_and_returns_the_rest():
    split = split_saldo(1000, [3, 1], reserve=500, reserve_max=800)
    assert split.reserve_mutatie == 300
    assert split.gemeenten == (-525.0, -175.0)


def test_surplus_without_ceiling_stays_in_the_reserve():
    assert split_saldo(1000, [1, 1], reserve=0) .gemeenten == (0.0, 0.0)


def test_reserve_above_ceiling_is_not_released_by_a_surplus():
    split = split_saldo(100, [1], reserve=900, reserve_max=800)
    assert (split.reserve_mutatie, split.gemeenten) == (0.0, (-100.0,))


def test_hybrid_key_vaste_voet():
    assert blend_keys([100, 300], vaste_voet=0.5) == [0.375, 0.625]
    with pytest.raises(InvoerFout, match="vaste voet"):
        blend_keys([1, 1], vaste_voet=1.5)
