"""Excel's ROUND: half away from zero after 15 significant digits; Python's round() is not it."""

import pytest

from pyfuncs.afronding import excel_round, from_cents, to_cents


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
