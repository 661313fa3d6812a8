"""Excel's ROUND: half away from zero after 15 significant digits; Python's round() is not it."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pyfuncs.afronding import excel_round, excel_round_cents, from_cents, to_cents


@pytest.mark.parametrize(
    ("value", "digits", "expected"),
    [
        (1.005, 2, 1.01),       # binary 1.00499999...; Excel shows 1.005 and rounds up
        (2.675, 2, 2.68),
        (-1.005, 2, -1.01),     # away from zero, also below zero
        (0.5, 0, 1.0),
        (2.5, 0, 3.0),          # Python's round(2.5) gives 2
        (-2.5, 0, -3.0),
        (1234.5, -3, 1000.0),
        (1500, -3, 2000.0),
        (-1500, -3, -2000.0),
        (0.0, 2, 0.0),
    ],
)
def test_excel_round_half_away_from_zero(value, digits, expected):
    assert excel_round(value, digits) == expected


def test_python_round_differs_where_excel_rounds_up():
    assert round(2.675, 2) != excel_round(2.675, 2)


def test_cents_round_trip():
    assert to_cents(10.075) == 1008
    assert to_cents(-0.005) == -1
    assert from_cents(to_cents(123456.78)) == 123456.78


def _outcome(round_one, x):
    try:
        return repr(round_one(x))
    except Exception as fout:  # noqa: BLE001 - both ways must fail alike
        return type(fout).__name__


@given(st.floats(min_value=-1e13, max_value=1e13) | st.floats())
def test_cents_in_bulk_are_excel_round_to_the_last_bit(x):
    assert _outcome(lambda v: excel_round_cents([v])[0], x) == _outcome(lambda v: excel_round(v, 2), x)


@given(st.integers(-10**12, 10**12), st.sampled_from([0.0, 1e-16, -1e-16, 1e-15, -1e-15, 5e-15, -5e-15, 1e-13]))
def test_near_a_half_cent_bulk_rounding_still_follows_excel(n, relative):
    x = (n + 0.5) / 100 * (1 + relative)
    assert repr(excel_round_cents([x])[0]) == repr(excel_round(x, 2))


def test_bulk_rounding_keeps_the_sign_of_zero_and_rounds_ties_away():
    assert [repr(v) for v in excel_round_cents([-0.001, 0.0, -0.0, 1.005, -2.675, 0.125])] == [
        "-0.0", "0.0", "-0.0", "1.01", "-2.68", "0.13"]
