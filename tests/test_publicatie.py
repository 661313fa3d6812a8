"""Rounding for publication: printed lines add up to their printed total."""

from hypothesis import given
from hypothesis import strategies as st

from pyfuncs.afronding import excel_round
from pyfuncs.publicatie import round_for_publication

AMOUNTS = st.lists(st.integers(-50_000_000, 50_000_000).map(lambda c: c / 100), min_size=1, max_size=15)


def test_a_published_column_adds_up():
    # 1.4 + 1.4 + 1.4 = 4.2 thousand: plain rounding prints 1 + 1 + 1 = 3 under a total of 4
    assert round_for_publication([1400, 1400, 1400], 1000) == [2, 1, 1]
    assert round_for_publication([1_055_400, 720_700], 1000) == [1055, 721]


@given(AMOUNTS)
def test_the_lines_add_up_to_the_rounded_total(amounts):
    parts = round_for_publication(amounts, 1000)
    assert sum(parts) == excel_round(sum(amounts) / 1000, 0)
    for part, amount in zip(parts, amounts, strict=True):
        assert abs(part - amount / 1000) < 1  # each line within one unit of its amount
