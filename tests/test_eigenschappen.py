"""Invariants that money must keep, over many random cases (hypothesis)."""

from decimal import Decimal
from fractions import Fraction

from hypothesis import assume, given
from hypothesis import strategies as st

from pyfuncs.afronding import to_cents, to_decimal
from pyfuncs.verdeling import allocate, split_saldo

amounts = st.decimals(min_value=-10**9, max_value=10**9, places=2, allow_nan=False).map(float)
keys = st.lists(st.integers(min_value=0, max_value=10**6), min_size=1, max_size=15).filter(any)
units = st.sampled_from([0.01, 1.0, 1000.0])


@given(amounts, keys, units)
def test_allocate_adds_up_exactly_and_stays_within_one_unit(amount, weights, unit):
    parts = allocate(amount, weights, unit)
    step = Decimal(str(unit))
    total_units = sum(to_decimal(p) / step for p in parts)
    expected_units = (to_decimal(amount) / step).quantize(Decimal(1), rounding="ROUND_HALF_UP")
    assert total_units == expected_units
    for part, weight in zip(parts, weights, strict=True):
        share = Fraction(expected_units) * weight / sum(weights)
        assert abs(Fraction(to_decimal(part) / step) - share) < 1


@given(amounts, keys, st.randoms())
def test_allocate_does_not_depend_on_row_order_without_ties(amount, weights, rnd):
    cents = (to_decimal(amount) * 100).quantize(Decimal(1), rounding="ROUND_HALF_UP")
    remainders = [Fraction(abs(cents)) * w / sum(weights) % 1 for w in weights]
    assume(len(set(remainders)) == len(remainders))  # a tie goes to the earlier row by design
    order = list(range(len(weights)))
    rnd.shuffle(order)
    shuffled = allocate(amount, [weights[i] for i in order])
    assert [allocate(amount, weights)[i] for i in order] == shuffled


reserves = st.decimals(min_value=0, max_value=10**8, places=2).map(float)


@given(amounts, keys, reserves, reserves, st.one_of(st.none(), reserves))
def test_saldo_split_conserves_the_saldo_and_keeps_the_reserve_in_bounds(saldo, weights, reserve, low, high):
    assume(high is None or high >= low)
    split = split_saldo(saldo, weights, reserve, low, high)
    assert to_cents(split.reserve_mutatie) - sum(to_cents(g) for g in split.gemeenten) == to_cents(saldo)
    after = to_cents(reserve) + to_cents(split.reserve_mutatie)
    if split.reserve_mutatie < 0:
        assert after >= to_cents(low)
    if split.reserve_mutatie > 0 and high is not None:
        assert after <= to_cents(high)
