"""A ledger export as columns of codes: every cell is a code into the column's distinct
texts, so parsing and mapping are done once per distinct value, not once per line.

CSV files are read by pyarrow (multi-threaded, every column dictionary-encoded while
parsing). Anything pyarrow refuses (a quoted line break, a ragged or whitespace-only
line, duplicate column names) goes through the pandas reader instead, which is slower
but lenient; XLSX always does. Both give the same Tabel.
"""

import csv
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv
from openpyxl.utils import get_column_letter

from budgets.grootboek.formaten import (
    LINE,
    check_text_export,
    read_raw,
    read_table,
    record_lines,
    sniff_separator,
)
from pyfuncs.fouten import InvoerFout

TEXT = pa.dictionary(pa.int32(), pa.string())


@dataclass(frozen=True)
class Kolom:
    """One column: per line a code into waarden (the distinct texts, as they stand)."""

    codes: np.ndarray
    waarden: pa.Array

    def teksten(self) -> pd.Series:
        """The distinct texts (object Series, position = code)."""
        return pd.Series(self.waarden.to_pylist(), dtype=object)

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
            letter = get_column_letter(self.namen.index(column) + 1)
            return [f"cel {letter}{line}" for line in self.regels[rows]]
        return [f"regel {line}" for line in self.regels[rows]]

    def values(self, column: str, rows: np.ndarray) -> list[str]:
        kolom = self.kolommen[column]
        return kolom.waarden.take(pa.array(kolom.codes[rows])).to_pylist()

    def duplicates(self) -> np.ndarray:
        """Records whose every cell equals an earlier record's (the first stays unmarked)."""
        key = np.zeros(len(self), dtype=np.int64)
        size = 1
        for kolom in self.kolommen.values():
            width = max(len(kolom.waarden), 1)
            if size * width >= 2**62:
                key, size = _dense(key)
            key *= width
            key += kolom.codes
            size *= width
        return pd.Series(key).duplicated(keep="first").to_numpy()


def _dense(key: np.ndarray) -> tuple[np.ndarray, int]:
    """Codes 0..k-1 for the distinct keys, and k."""
    codes, uniques = pd.factorize(key)
    return codes.astype(np.int64), max(len(uniques), 1)


def read_tabel(path: Path, decimaalteken: str = ",") -> Tabel:
    """A CSV or XLSX export as a Tabel (decided by the file's extension; decimaalteken
    writes the numbers of a workbook as text)."""
    path = Path(path)
    tabel = _read_csv_arrow(path) if path.suffix.lower() not in (".xlsx", ".xlsm") else None
    if tabel is None:
        tabel = from_frame(read_table(path, decimaalteken), path.suffix.lower() in (".xlsx", ".xlsm"))
    if len(tabel) == 0:
        raise InvoerFout(f"{path}: alleen een kopregel, geen boekingen; is dit de goede export?")
    return tabel


def from_frame(frame: pd.DataFrame, werkmap: bool) -> Tabel:
    """A text table from the pandas readers as a Tabel (a missing cell reads as '')."""
    names = tuple(c for c in frame.columns if c != LINE)
    columns = {}
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


def _header(raw: bytes, start: int, encoding: str, path: Path) -> tuple[list[str], str, int] | None:
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
    header = _header(raw, start, encoding, path)
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
    columns = {name: _kolom(table[name]) for name in names}
    return Tabel(tuple(names), columns, _line_numbers(raw, offset, table.num_rows), False)


def _kolom(column: pa.ChunkedArray) -> Kolom:
    array = column.unify_dictionaries().combine_chunks()
    return Kolom(array.indices.to_numpy(zero_copy_only=False), array.dictionary)


def _line_numbers(raw: bytes, offset: int, rows: int) -> np.ndarray:
    """Physical line of every record (header = line 1; blank lines are skipped by the
    reader but counted here)."""
    lines = record_lines(raw, offset, rows)
    return lines if lines is not None else np.arange(2, rows + 2)
