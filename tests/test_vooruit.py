"""Reading ahead in a thread (budgets.grootboek.stroom.Vooruit) and the duplicates across
blocks (budgets.grootboek.meldingen.Dubbelen): what the ledger reader relies on to be fast."""

import threading
import time

import numpy as np
import pyarrow as pa
import pytest

from budgets.grootboek.meldingen import MAX_VOORBEELDEN, Dubbelen, Verzamelaar
from budgets.grootboek.stroom import Vooruit, start_reading
from budgets.grootboek.tabel import Kolom, Tabel, repeats
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


def repeats_by_definition(blocks: list[list[str]]) -> list[bool]:
    """Every record in file order: True when an earlier record had the same text."""
    seen, marks = set(), []
    for block in blocks:
        for value in block:
            marks.append(value in seen)
            seen.add(value)
    return marks


def block_of(texts: list[str], first_line: int) -> Tabel:
    distinct = sorted(set(texts))
    codes = np.array([distinct.index(t) for t in texts], dtype=np.int32)
    lines = np.arange(first_line, first_line + len(texts))
    return Tabel(("Datum",), {"Datum": Kolom(codes, pa.array(distinct, pa.string()))}, lines, False)


@pytest.mark.parametrize("seed", range(40))
def test_duplicates_across_blocks_are_those_of_the_definition(seed):
    rng = np.random.default_rng(seed)
    distinct = int(rng.integers(1, 5000))
    texts = [f"t{i}" for i in rng.integers(0, distinct, int(rng.integers(0, 3000)))]
    cuts = sorted(set(rng.integers(0, len(texts) + 1, int(rng.integers(0, 30))).tolist()))
    blocks = [texts[a:b] for a, b in zip([0, *cuts], [*cuts, len(texts)], strict=True)]
    dubbelen, verzamelaar = Dubbelen(), Verzamelaar()
    for block, start in zip(blocks, [0, *cuts], strict=True):
        dubbelen.add(block_of(block, start + 2))
    dubbelen.report("gb.csv", verzamelaar)
    found = verzamelaar.meldingen()
    marks = repeats_by_definition(blocks)
    lines = [i + 2 for i, mark in enumerate(marks) if mark]
    assert found.aantal_dubbel == len(lines)
    assert [m.plaats for m in found.dubbel] == [f"regel {line}" for line in lines[:MAX_VOORBEELDEN]]
    assert [m.waarde for m in found.dubbel] == [texts[line - 2] for line in lines[:MAX_VOORBEELDEN]]


def test_hashes_that_differ_in_one_bit_are_told_apart():
    top = np.uint64(0xABC) << np.uint64(52)
    hashes = np.array([top + np.uint64(1), top + np.uint64(3), top + np.uint64(1), top], dtype=np.uint64)
    assert repeats(hashes).tolist() == [False, False, True, False]


def test_the_reader_gets_the_gil_back_quickly_while_it_runs_and_no_longer():
    import sys

    from budgets.grootboek.stroom import SWITCH_INTERVAL

    before = sys.getswitchinterval()
    with Vooruit(iter(range(3))) as items:
        assert sys.getswitchinterval() == pytest.approx(min(before, SWITCH_INTERVAL))
        assert list(items) == [0, 1, 2]
    assert sys.getswitchinterval() == before
