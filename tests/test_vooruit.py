"""Reading ahead in a thread (budgets.grootboek.stroom.Vooruit) and the duplicates across
blocks (budgets.grootboek.tabel.Gezien): what the ledger reader relies on to be fast."""

import threading
import time

import numpy as np
import pytest

from budgets.grootboek.stroom import Vooruit, start_reading
from budgets.grootboek.tabel import Gezien
from pyfuncs.fouten import InvoerFout


def reader_threads() -> list:
    return [t for t in threading.enumerate() if t.name.startswith("vooruit")]


def test_items_come_in_order_and_the_thread_ends():
    with Vooruit(iter(range(50)), ahead=3) as items:
        assert list(items) == list(range(50))
    assert reader_threads() == []


def test_an_error_comes_where_its_item_would_have_come():
    def made():
        yield 1
        yield 2
        raise InvoerFout("regel 3: kapot")

    seen = []
    with pytest.raises(InvoerFout, match="regel 3"), Vooruit(made(), ahead=2) as items:
        for item in items:
            seen.append(item)
    assert seen == [1, 2]
    assert reader_threads() == []


def test_leaving_early_stops_making_items():
    made = []

    def slow():
        for i in range(1000):
            made.append(i)
            time.sleep(0.001)
            yield i

    with Vooruit(slow(), ahead=2) as items:
        for item in items:
            if item == 3:
                break
    count = len(made)
    time.sleep(0.05)
    assert len(made) == count <= 3 + 1 + 2  # taken, being made, and read ahead
    assert reader_threads() == []


def test_a_workbook_ledger_is_not_read_ahead(tmp_path):
    assert start_reading(tmp_path / "grootboek.xlsx") is None


def test_a_missing_ledger_is_reported_when_read_not_when_started(tmp_path):
    with start_reading(tmp_path / "weg.csv") as begonnen, pytest.raises(InvoerFout, match="weg.csv"):
        list(begonnen)
    assert reader_threads() == []


def repeats_by_definition(blocks: list[np.ndarray]) -> list[bool]:
    """Every record in file order: True when an earlier record had the same hash."""
    seen, marks = set(), []
    for block in blocks:
        for value in block.tolist():
            marks.append(value in seen)
            seen.add(value)
    return marks


@pytest.mark.parametrize("seed", range(40))
def test_duplicates_across_blocks_are_those_of_the_definition(seed):
    rng = np.random.default_rng(seed)
    distinct = int(rng.integers(1, 400))
    values = rng.integers(0, 2**64, distinct, dtype=np.uint64, endpoint=False)
    hashes = values[rng.integers(0, distinct, int(rng.integers(0, 3000)))]
    cuts = np.sort(rng.integers(0, len(hashes) + 1, int(rng.integers(0, 30))))
    blocks = np.split(hashes, cuts)
    gezien = Gezien()
    found = [mark for block in blocks for mark in gezien.duplicates(block).tolist()]
    assert found == repeats_by_definition(blocks)


def test_hashes_that_share_their_top_bits_are_told_apart():
    """The filter keys on a hash's top bits only: equal tops must still be compared whole."""
    top = np.uint64(0xABC) << np.uint64(52)
    first = np.array([top + np.uint64(1), top + np.uint64(2)], dtype=np.uint64)
    second = np.array([top + np.uint64(3), top + np.uint64(2), top + np.uint64(1)], dtype=np.uint64)
    gezien = Gezien()
    assert gezien.duplicates(first).tolist() == [False, False]
    assert gezien.duplicates(second).tolist() == [False, True, True]
