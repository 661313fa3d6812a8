"""The ledger read in blocks gives what it gives read whole: the same sums, the same
findings with the same physical lines, the same duplicates (also across blocks)."""

import random

import pandas as pd
import pytest

from budgets.grootboek import stroom
from budgets.grootboek.formaten import date_parts, parse_dates
from budgets.grootboek.lezen import Plaatsing, read_ledger
from budgets.grootboek.mapping import load_mapping

PLAATSING = Plaatsing(2024, {"Personeel": "lasten", "Omzet": "baten"},
                      ("Beschut werk",), ("Zaanstad", "Purmerend"))
HEAD = "Datum;Rekening;Kostenplaats;Gemeente;Omschrijving;Bedrag\n"


def ledger(lines: int, seed: int = 1) -> str:
    """A ledger with blank lines, quoted line breaks, duplicates and unplaceable lines."""
    rng = random.Random(seed)
    rows, texts = [], ["a", "b", '"twee\nregels"']
    for i in range(lines):
        row = (f"{rng.randint(1, 28):02d}-{rng.randint(1, 12):02d}-2024;"
               f"{rng.choice(['Personeel', 'Omzet', 'Onbekend'])};{rng.choice(['', 'Beschut werk'])};"
               f"{rng.choice(['Zaanstad', 'Purmerend', 'Edam', ''])};"
               f"{rng.choice(texts)};{rng.randint(-999, 999)},{rng.randint(0, 99):02d}")
        rows.append(row)
        if i % 17 == 0:
            rows.append(rows[rng.randrange(len(rows))])  # a duplicate, often in another block
        if i % 29 == 0:
            rows.append("")
    return HEAD + "\n".join(rows) + "\n"


def read(path, size=None, lenient=False, monkeypatch=None):
    if size:
        monkeypatch.setattr(stroom, "CHUNK", size)
    if lenient:
        def refuse(*_args, **_kwargs):
            raise stroom.Soepel
        monkeypatch.setattr(stroom.CsvBlokken, "__iter__", refuse)
    return read_ledger(path, load_mapping(None), PLAATSING)


def same(a, b) -> None:
    assert a.bedragen == b.bedragen
    assert a.regels_gelezen == b.regels_gelezen
    assert a.meldingen.as_dict() == b.meldingen.as_dict()


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig"])
def test_small_blocks_give_the_whole_file(tmp_path, monkeypatch, encoding):
    path = tmp_path / "gb.csv"
    path.write_text(ledger(3000).replace("\n", "\r\n", 500), encoding=encoding)
    whole = read(path)
    with monkeypatch.context() as m:
        blocks = read(path, 2000, monkeypatch=m)
    with monkeypatch.context() as m:
        lenient = read(path, lenient=True, monkeypatch=m)
    same(blocks, whole)
    same(lenient, whole)
    assert whole.meldingen.aantal_dubbel > 100 and whole.meldingen.aantal_onplaatsbaar > 500
    assert len(whole.meldingen.onplaatsbaar) == 200 + 200 + 200  # 200 kept per reason


def test_windows_1252_after_utf8_reads_the_file_again(tmp_path, monkeypatch):
    text = ledger(400).replace(";a;", ";café;", 1)
    path = tmp_path / "gb.csv"
    path.write_bytes(text.encode("cp1252") + "01-02-2024;Personeel;;;€;1,00\n".encode("cp1252"))
    with monkeypatch.context() as m:
        blocks = read(path, 1000, monkeypatch=m)
    with monkeypatch.context() as m:
        lenient = read(path, lenient=True, monkeypatch=m)
    same(blocks, lenient)


def test_more_decimals_in_a_later_block_sum_as_pandas_does(tmp_path, monkeypatch):
    text = ledger(2000, seed=2) + "01-02-2024;Personeel;;;x;0,125\n"
    path = tmp_path / "gb.csv"
    path.write_text(text, encoding="utf-8")
    with monkeypatch.context() as m:
        blocks = read(path, 1500, monkeypatch=m)
    with monkeypatch.context() as m:
        lenient = read(path, lenient=True, monkeypatch=m)
    same(blocks, lenient)
    frame = pd.read_csv(path, sep=";", dtype=str, keep_default_na=False)
    frame = frame[(frame.Rekening == "Personeel") & (frame.Kostenplaats == "")]
    netto = frame.Bedrag.str.replace(",", ".").astype(float)
    month = frame.Datum.str.slice(3, 5).astype(int)
    expected = netto.groupby(((month - 1) // 3 + 1).to_numpy()).sum()
    ours = {k: v for k, r, p, b, v in zip(*(blocks.bedragen[c] for c in
            ("kwartaal", "regel", "product", "bijdrage", "netto")), strict=True)
            if r == "Personeel" and p == "" and not b}
    assert ours == expected.to_dict()  # the same additions in the same order: equal bits


def test_dates_are_the_dates_pandas_reads():
    rng = random.Random(3)
    parts = ["1", "01", "12", "31", "32", "0", "2024", "1677", "2263", "0000", "-", "/", ".", " ", "T", "x"]
    texts = ["".join(rng.choice(parts) for _ in range(rng.randint(1, 6))) for _ in range(20000)]
    texts += ["01-01-2024", "1-2-2024", "2024-03-05", " 01/02/2024 ", "2024-03-05T10:00", "-1-1-2"]
    dates, bad = parse_dates(pd.Series(texts))
    year, month, ours = date_parts(texts)
    assert (ours == bad).all()
    assert (year[~bad] == dates[~bad].dt.year.to_numpy()).all()
    assert (month[~bad] == dates[~bad].dt.month.to_numpy()).all()


@pytest.mark.parametrize(("line", "byte"), [
    (b"\x01\n", "01"),  # a line of its own: pyarrow refuses it, the lenient reader finds it
    (b'01-02-2024;Personeel;;;"a\x7fb";1,00\n', "7F"),  # in a quoted field of a record
    (b"01-02-2024;Personeel;;;a\x00b;1,00\r\n", "00"),  # in a field: found among the texts
])
def test_a_binary_byte_in_a_later_block_is_refused_with_its_line(tmp_path, monkeypatch, line, byte):
    from pyfuncs.fouten import InvoerFout

    path = tmp_path / "gb.csv"
    rows = "01-02-2024;Personeel;;;a;1,00\n" * 500
    path.write_bytes((HEAD + rows).encode() + line + rows.encode())
    monkeypatch.setattr(stroom, "CHUNK", 1000)
    with pytest.raises(InvoerFout, match=f"regel 502: teken 0x{byte} hoort niet"):
        read_ledger(path, load_mapping(None), PLAATSING)
