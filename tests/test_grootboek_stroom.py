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


def messy_ledger(rng: random.Random) -> bytes:
    """A ledger export with what the block reader's shortcuts must get right: quoted and
    unquoted chunks, CRLF and LF, blank lines, a lone carriage return, a binary byte or a
    non-ASCII text now and then."""
    rows = [HEAD.rstrip("\n").encode()]
    texts = [b"a", b"b", b"c", b"d", b'"x;y"', b'"twee\nregels"', "caf\u00e9".encode()]
    rare = rng.choice([[], [], [], [b"t\rx"], [b"n\x01l"]])  # in a fifth of the files each
    quoted = rng.choice([0, 0.02, 0.1])  # of the lines: some files have no quote at all
    for _ in range(rng.randint(50, 400)):
        text = rng.choice(texts + rare) if rng.random() < 0.02 else rng.choice(texts[:4])
        if rng.random() < quoted:
            text = rng.choice(texts[4:])
        row = (f"{rng.randint(1, 28):02d}-{rng.randint(1, 12):02d}-2024;"
               f"{rng.choice(['Personeel', 'Omzet'])};{rng.choice(['', 'Beschut werk'])};"
               f"{rng.choice(['Zaanstad', 'Purmerend', ''])};").encode()
        rows.append(row + text + f";{rng.randint(-99, 99)},{rng.randint(0, 99):02d}".encode())
        if rng.random() < 0.05:
            rows.append(b"")
        if rng.random() < 0.1:
            rows.append(rows[rng.randrange(1, len(rows))])
    end = rng.choice([b"\n", b"\r\n"])
    return end.join(rows) + rng.choice([end, b""])


@pytest.mark.parametrize("seed", range(60))
def test_the_shortcuts_give_what_the_lenient_reader_gives(tmp_path, monkeypatch, seed):
    """Read in small blocks (every shortcut taken somewhere) and read whole by the lenient
    reader: the same sums and findings, or the same refusal."""
    from pyfuncs.fouten import InvoerFout

    rng = random.Random(seed)
    path = tmp_path / "gb.csv"
    path.write_bytes(messy_ledger(rng))

    def outcome(**how):
        with monkeypatch.context() as m:
            try:
                found = read(path, monkeypatch=m, **how)
            except InvoerFout as fout:
                return str(fout)
        return found.bedragen, found.regels_gelezen, found.meldingen.as_dict()

    assert outcome(size=rng.randint(150, 3000)) == outcome(lenient=True)


def test_a_lone_carriage_return_is_read_as_before(tmp_path, monkeypatch):
    """pyarrow ends a record at a lone CR; with a blank line after it the number of records
    equals the number of lines again, yet the file is not one record per line: it goes to
    the lenient reader, which numbers its records one per line (as it did)."""
    rows = "01-02-2024;Personeel;;;a;1,00\n" * 20
    text = (HEAD + "\n01-02-2024;Onbekend;;;x;1,00\n" + rows
            + "01-02-2024;Personeel;;;b;1,00\r01-02-2024;Onbekend;;;c;1,00\n\n" + rows)
    path = tmp_path / "gb.csv"
    path.write_text(text, encoding="utf-8", newline="")

    def places(**how):
        with monkeypatch.context() as m:
            found = read(path, monkeypatch=m, **how).meldingen.as_dict()["onplaatsbaar"]
        return [f["plaats"] for f in found]

    blocks = places(size=400)
    assert blocks == places(lenient=True)
    assert len(blocks) == 2


@pytest.mark.parametrize("lengths", [(10_000,), (10_001,), (12_000, 12_000), (11_000, 15_000),
                                     (9_999, 10_001)])
def test_long_lines_in_later_blocks_are_measured_as_in_the_whole_file(tmp_path, monkeypatch,
                                                                      lengths):
    """Only a chunk that may hold a line over the limit is measured line by line; the
    message (the first of the longest lines) is the one for the file read whole."""
    from pyfuncs.fouten import InvoerFout

    rows = "01-02-2024;Personeel;;;a;1,00\n" * 700
    prefix = "01-02-2024;Personeel;;;"
    longs = [f"{prefix}{'x' * (n - len(prefix) - 5)};1,00\n" for n in lengths]
    path = tmp_path / "gb.csv"
    path.write_text(HEAD + rows + rows.join(longs) + rows, encoding="utf-8")

    def outcome(**how):
        with monkeypatch.context() as m:
            try:
                return read(path, monkeypatch=m, **how).regels_gelezen
            except InvoerFout as fout:
                return str(fout)

    blocks = outcome(size=8192)
    assert blocks == outcome(lenient=True)
    assert ("tekens lang" in str(blocks)) == (max(lengths) > 10_000)
