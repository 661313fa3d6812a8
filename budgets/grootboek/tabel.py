"""A ledger export as columns of codes: every cell is a code into the column's distinct
texts, so parsing and mapping are done once per distinct value, not once per line.

CSV files are read by pyarrow (multi-threaded, every column dictionary-encoded while
parsing). Anything pyarrow refuses (a quoted line break, a ragged or whitespace-only
line, duplicate column names) goes through the pandas reader instead, which is slower
but lenient; XLSX always does. Both give the same Tabel.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv

from budgets.grootboek.formaten import (
    LINE,
    arrow_integers,
    check_text_export,
    column_letter,
    numbers_of,
    read_raw,
    read_table,
    record_lines,
    sniff_separator,
)
from pyfuncs.fouten import InvoerFout

if TYPE_CHECKING:
    import pandas as pd

TEXT = pa.dictionary(pa.int32(), pa.string())


@dataclass(frozen=True)
class Kolom:
    """One column: per line a code into waarden (the distinct texts, as they stand)."""

    codes: np.ndarray
    waarden: pa.Array

    def gestript(self) -> list[str]:
        """The distinct texts without surrounding spaces."""
        return [text.strip() for text in self.waarden.to_pylist()]


@dataclass(frozen=True)
class Tabel:
    """An export: its column names in file order, the columns, the line (CSV) or row
    (XLSX) number of every record, and whether it is a workbook."""

    namen: tuple[str, ...]
    kolommen: dict[str, Kolom]
    regels: np.ndarray
    werkmap: bool

    def __len__(self) -> int:
        return len(self.regels)

    def __contains__(self, column: str) -> bool:
        return column in self.kolommen

    def place(self, column: str, rows: np.ndarray) -> list[str]:
        """Human places: 'regel 12' for CSV, 'cel C12' for XLSX."""
        if self.werkmap:
            letter = column_letter(self.namen.index(column) + 1)
            return [f"cel {letter}{line}" for line in self.regels[rows]]
        return [f"regel {line}" for line in self.regels[rows]]

    def values(self, column: str, rows: np.ndarray) -> list[str]:
        kolom = self.kolommen[column]
        return kolom.waarden.take(arrow_integers(kolom.codes[rows])).to_pylist()


_MIX = (np.uint64(0xBF58476D1CE4E5B9), np.uint64(0x94D049BB133111EB))
_ODD = np.uint64(0x9E3779B97F4A7C15)


def _mix(z: np.ndarray) -> np.ndarray:
    """splitmix64's finaliser: every bit of the result depends on every bit of z."""
    with np.errstate(over="ignore"):
        z = (z ^ (z >> np.uint64(30))) * _MIX[0]
        z = (z ^ (z >> np.uint64(27))) * _MIX[1]
    return z ^ (z >> np.uint64(31))


def text_hashes(texts: pa.Array) -> np.ndarray:
    """A 64-bit hash of every text of an arrow string array (vectorised over its bytes:
    Σ of the mixed (position, byte) pairs, mixed with the length)."""
    texts = _plain_strings(texts)
    offsets = np.frombuffer(texts.buffers()[1], dtype=np.int32)[texts.offset:texts.offset + len(texts) + 1]
    data = texts.buffers()[2]
    raw = np.frombuffer(data, dtype=np.uint8) if data is not None else np.zeros(0, np.uint8)
    first, lengths = offsets[:-1], np.diff(offsets)
    chunk = raw[offsets[0]:offsets[-1]].astype(np.uint64)
    position = np.arange(len(chunk), dtype=np.int64) - np.repeat(first - offsets[0], lengths)
    terms = _mix(chunk | (position.astype(np.uint64) << np.uint64(8)))
    with np.errstate(over="ignore"):
        running = np.concatenate(([np.uint64(0)], np.cumsum(terms, dtype=np.uint64)))
        sums = running[offsets[1:] - offsets[0]] - running[first - offsets[0]]
    return _mix(sums ^ lengths.astype(np.uint64))


def _plain_strings(texts: pa.Array) -> pa.Array:
    """A plain (32-bit offset) string array of texts."""
    return texts if texts.type == pa.string() else texts.cast(pa.string())


def row_hashes(tabel: Tabel) -> np.ndarray:
    """A 64-bit hash of every record over all its cells (equal records, equal hashes; two
    different records share one with a chance of about 1 in 2**64)."""
    key = np.zeros(len(tabel), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for kolom in tabel.kolommen.values():
            key *= _ODD
            key += text_hashes(kolom.waarden)[kolom.codes]
    return _mix(key)


def repeats(hashes: np.ndarray) -> np.ndarray:
    """Which records repeat an earlier one: all but the first record of every hash."""
    repeated = np.ones(len(hashes), dtype=bool)
    ordered = np.sort(hashes)  # a sort without an index: cheaper, and all a clean file needs
    if (ordered[1:] != ordered[:-1]).all():
        return ~repeated
    order = np.argsort(hashes)  # not stable: a hash's first record is its lowest position
    ordered = hashes[order]
    starts = np.flatnonzero(np.concatenate(([True], ordered[1:] != ordered[:-1])))
    repeated[np.minimum.reduceat(order, starts)] = False
    return repeated


def read_tabel(path: Path, decimaalteken: str = ",", inhoud: str = "boekingen") -> Tabel:
    """A CSV or XLSX export as a Tabel (decided by the file's extension; decimaalteken
    writes the numbers of a workbook as text; inhoud: what its lines are, for the message
    when there are none)."""
    path = Path(path)
    tabel = _read_csv_arrow(path) if path.suffix.lower() not in (".xlsx", ".xlsm") else None
    if tabel is None:
        tabel = from_frame(read_table(path, decimaalteken), path.suffix.lower() in (".xlsx", ".xlsm"))
    if len(tabel) == 0:
        raise InvoerFout(f"{path}: alleen een kopregel, geen {inhoud}; is dit de goede export?")
    return tabel


def from_frame(frame: pd.DataFrame, werkmap: bool) -> Tabel:
    """A text table from the pandas readers as a Tabel (a missing cell reads as '')."""
    names = tuple(c for c in frame.columns if c != LINE)
    columns = {}
    import pandas as pd

    for name in names:
        codes, uniques = pd.factorize(frame[name].fillna("").astype(str).to_numpy(dtype=object))
        columns[name] = Kolom(codes, pa.array(list(uniques), pa.string()))
    return Tabel(names, columns, frame[LINE].to_numpy(), werkmap)


def _encoding(raw: bytes, start: int) -> str:
    if start or raw.isascii():
        return "utf8"
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return "cp1252"
    return "utf8"


def read_header(raw: bytes, start: int, encoding: str, path: Path) -> tuple[list[str], str, int] | None:
    """Column names, separator and the offset of the first data line (None: leave the
    file to the lenient reader)."""
    end = raw.find(b"\n", start)
    end = len(raw) if end < 0 else end
    line = raw[start:end].decode("utf-8" if encoding == "utf8" else encoding).rstrip("\r")
    if not line.strip():
        return None
    separator = sniff_separator(line)
    names = [name.strip() or f"Unnamed: {i}"
             for i, name in enumerate(next(csv.reader([line], delimiter=separator)))]
    repeated = sorted({name for name in names if names.count(name) > 1 and not name.startswith("Unnamed")})
    if repeated:
        raise InvoerFout(f"{path}: regel 1: de kolom '{repeated[0]}' staat twee keer in de kopregel; "
                         "welke bedoeld is, is niet te zeggen")
    if len(set(names)) != len(names):
        return None
    return names, separator, end + 1


def _read_csv_arrow(path: Path) -> Tabel | None:
    """The fast reader; None when the file needs the lenient one."""
    raw = read_raw(path)
    check_text_export(raw, path)
    start = 3 if raw.startswith(b"\xef\xbb\xbf") else 0
    encoding = _encoding(raw, start)
    header = read_header(raw, start, encoding, path)
    if header is None:
        return None
    names, separator, offset = header
    try:
        table = pacsv.read_csv(
            pa.BufferReader(pa.py_buffer(raw).slice(min(offset, len(raw)))),
            read_options=pacsv.ReadOptions(column_names=names, encoding=encoding,
                                           block_size=4 << 20),
            parse_options=pacsv.ParseOptions(delimiter=separator),
            convert_options=pacsv.ConvertOptions(column_types=dict.fromkeys(names, TEXT)))
    except (pa.ArrowException, ValueError, UnicodeError):
        return None
    columns = {name: kolom_of(table[name]) for name in names}
    return Tabel(tuple(names), columns, _line_numbers(raw, offset, table.num_rows), False)


def kolom_of(column: pa.ChunkedArray) -> Kolom:
    array = column.unify_dictionaries().combine_chunks()
    return Kolom(numbers_of(array.indices), array.dictionary)


def _line_numbers(raw: bytes, offset: int, rows: int) -> np.ndarray:
    """Physical line of every record (header = line 1; blank lines are skipped by the
    reader but counted here)."""
    lines = record_lines(raw, offset, rows)
    return lines if lines is not None else np.arange(2, rows + 2)
