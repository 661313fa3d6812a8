"""Reading export files as text tables and parsing Dutch amounts, dates and periods.

Amounts are parsed vectorised (pyarrow compute); dates and periods once per distinct
text. Parsers return the values plus a mask of the cells they could not read; the caller
turns that mask into findings that name the file and the line.

pandas is imported only by the lenient readers (read_table and the functions on pandas
Series), never on the fast path of a CSV ledger.
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Iterable
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pyarrow as pa

from budgets.excel.veilig import check_workbook
from pyfuncs.afronding import GRENS_BEDRAG
from pyfuncs.fouten import InvoerFout

LINE = "_regel"  # column with the line (CSV) or row (XLSX) number of every record
ENCODINGS = ("utf-8", "cp1252")

if TYPE_CHECKING:
    import pandas as pd


def decode(raw: bytes, path: Path) -> str:
    """Text of an export: UTF-8 with or without BOM, otherwise Windows-1252."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8")
    for encoding in ENCODINGS:
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise InvoerFout(f"{path}: onleesbaar bestand (geen UTF-8 en geen Windows-1252)")


def sniff_separator(header: str) -> str:
    """The field separator of a CSV export, judged from its header line."""
    counts = {sep: header.count(sep) for sep in (";", "\t", ",", "|")}
    best = max(counts, key=counts.get)
    return best if counts[best] else ";"


MAX_EXPORT_BYTES = 1 << 30  # 1 GiB: ≈ 10 million ledger lines, far beyond a year of a SOB
MAX_AMOUNT = GRENS_BEDRAG  # |amount| in EUR: cents stay exact in 15 digits
MAX_LINE = 10_000  # bytes in one line of a text export (a ledger line is ≈ 100)
_FORBIDDEN = bytes([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])  # no text has them
_ALLOWED = bytes(b for b in range(256) if b not in _FORBIDDEN)


def read_raw(path: Path) -> bytes:
    """The bytes of an export; missing files, folders and files beyond MAX_EXPORT_BYTES
    are refused."""
    with open_export(path) as export:
        try:
            return export.read()
        except OSError as fout:
            raise InvoerFout(f"{path}: bestand is niet leesbaar ({fout.strerror})") from None


def open_export(path: Path):
    """An export opened for reading bytes, refused as read_raw refuses it."""
    path = Path(path)
    try:
        if path.is_dir():
            raise InvoerFout(f"{path}: is een map, geen export")
        if path.stat().st_size > MAX_EXPORT_BYTES:
            raise InvoerFout(f"{path}: groter dan {MAX_EXPORT_BYTES >> 20} MB; dat is de grens")
        return path.open("rb")
    except FileNotFoundError:
        raise InvoerFout(f"{path}: bestand bestaat niet") from None
    except OSError as fout:
        raise InvoerFout(f"{path}: bestand is niet leesbaar ({fout.strerror})") from None


def check_text_export(raw: bytes, path: Path) -> None:
    """Refuse what is no text export before a CSV parser sees it: UTF-16, binary bytes
    (random bytes, a renamed workbook), a line longer than MAX_LINE; each with its line."""
    check = Tekstcontrole(path)
    check.chunk(raw)
    check.finish()


class Tekstcontrole:
    """check_text_export on a file read in chunks, each ending at a line break (or at the
    end of the file): a binary byte is refused at once, the longest line at the end (the
    first of the longest, as for the whole file at once). Only lines longer than MAX_LINE
    are measured exactly: a chunk without one is only counted."""

    def __init__(self, path: Path):
        self.path, self.lines, self.longest, self.longest_line = path, 0, -1, 0

    def chunk(self, raw: bytes, breaks: np.ndarray | None = None, binary: bool = True) -> int:
        """Check the next chunk (breaks: the offsets of its line breaks, if known); returns
        the number of its line breaks. binary False: the caller calls binary itself."""
        if not self.lines and self.longest < 0:
            _check_start(raw, self.path)
        if binary:
            self.binary(raw, self.lines)
        data = np.frombuffer(raw, dtype=np.uint8)
        if breaks is None and not _may_hold_long_line(raw):
            count = int(np.count_nonzero(data == 0x0A))
            self.lines += count
            return count
        breaks = np.flatnonzero(data == 0x0A) if breaks is None else breaks
        lengths = np.diff(np.concatenate(([-1], breaks, [len(data)]))) - 1
        if lengths.size and lengths.max() > self.longest:
            self.longest, self.longest_line = int(lengths.max()), self.lines + int(np.argmax(lengths)) + 1
        self.lines += len(breaks)
        return len(breaks)

    def binary(self, raw: bytes, before: int, parts: Iterable[bytes] | None = None) -> None:
        """Refuse a binary byte in raw, a chunk after `before` lines, with its line. parts:
        where every byte of raw but separators, quotes and line ends stands (the distinct
        texts of its parsed fields): far less to search; raw only on a find."""
        if parts is not None and not any(part.translate(None, _ALLOWED) for part in parts):
            return
        if raw.translate(None, _ALLOWED):
            first = min(raw.find(bytes([b])) for b in set(raw.translate(None, _ALLOWED)))
            line = before + raw.count(b"\n", 0, first) + 1
            raise InvoerFout(f"{self.path}: regel {line}: teken 0x{raw[first]:02X} hoort niet in "
                             "een tekstexport (is het een binair bestand of UTF-16?)")

    def finish(self) -> None:
        if self.longest > MAX_LINE:
            raise InvoerFout(f"{self.path}: regel {self.longest_line} is {self.longest} tekens lang; "
                             f"de grens is {MAX_LINE:,}".replace(",", "."))


def _may_hold_long_line(raw: bytes) -> bool:
    """Whether a line of raw may be longer than MAX_LINE: such a line covers a whole
    window of MAX_LINE // 2 bytes (counted from the start), so every window with a line
    break rules it out there (a few hundred finds in a chunk of megabytes)."""
    step = MAX_LINE // 2
    find = raw.find
    return any(find(b"\n", start, start + step) < 0 for start in range(0, len(raw), step))


def _check_start(raw: bytes, path: Path) -> None:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InvoerFout(f"{path}: het bestand is UTF-16; exporteer als CSV in UTF-8 of "
                         "Windows-1252")
    if raw.startswith(b"PK\x03\x04"):
        raise InvoerFout(f"{path}: dit is een werkmap of zip-bestand, geen CSV; geef het de "
                         "extensie .xlsx")


def record_lines(raw: bytes, offset: int, records: int) -> np.ndarray | None:
    """The physical (1-based) line on which each record after offset starts, counting a
    quoted line break inside a field and skipping blank lines, as CSV readers do; None
    when the quotes do not explain the records (then the caller numbers by record)."""
    first_line = raw.count(b"\n", 0, offset) + 1
    data = np.frombuffer(raw, dtype=np.uint8)[offset:]
    lines = chunk_lines(data, np.flatnonzero(data == 0x0A), first_line)
    return lines if len(lines) == records else None


def chunk_lines(data: np.ndarray, breaks: np.ndarray, first_line: int,
                quotes: np.ndarray | None = None) -> np.ndarray:
    """record_lines of a chunk that starts at a record (outside quotes) on first_line;
    breaks: the offsets of its line breaks; quotes: those of its quotes (found if None)."""
    if quotes is None:
        quotes = np.flatnonzero(data == ord('"'))  # few or none: memory follows the quotes
    ends = breaks
    if quotes.size:  # a line break after an odd number of quotes is inside a field
        ends = breaks[np.searchsorted(quotes, breaks) % 2 == 0]
    starts = np.concatenate(([0], ends + 1))
    stops = np.concatenate((ends, [len(data)]))
    lengths = stops - starts
    last = data[np.clip(stops - 1, 0, max(len(data) - 1, 0))] if len(data) else lengths
    blank = (lengths == 0) | ((lengths == 1) & (last == 0x0D))
    if not quotes.size:  # every line is a record: the i-th starts on line first_line + i
        return first_line + np.flatnonzero(~blank)
    return first_line + np.searchsorted(breaks, starts[~blank])


def read_csv_table(path: Path) -> pd.DataFrame:
    """All columns as text; LINE holds the physical line on which each record starts
    (header = line 1, also after quoted line breaks and blank lines)."""
    import pandas as pd

    raw = read_raw(path)
    check_text_export(raw, path)
    text = decode(raw, path)
    if not text.strip():
        raise InvoerFout(f"{path}: het bestand is leeg")
    first = text.split("\n", 1)[0]
    separator = sniff_separator(first)
    try:
        frame = pd.read_csv(io.StringIO(text), sep=separator, dtype=object, keep_default_na=False,
                            skip_blank_lines=True, quoting=csv.QUOTE_MINIMAL)
    except pd.errors.EmptyDataError:
        raise InvoerFout(f"{path}: het bestand is leeg") from None
    except (pd.errors.ParserError, csv.Error, ValueError, OverflowError) as fout:
        raise InvoerFout(f"{path}: {_csv_problem(str(fout), raw)}") from None
    frame.columns = [str(name).strip() for name in frame.columns]
    _number_lines(frame, raw, text)
    return frame


def _csv_problem(english: str, raw: bytes) -> str:
    """A Dutch text for pandas' parser errors ('Expected 3 fields in line 5, saw 4')."""
    found = re.search(r"Expected (\d+) fields in line (\d+), saw (\d+)", english)
    if found:
        wanted, line, seen = found.groups()
        return (f"regel {physical_line(raw, int(line))}: {seen} velden, terwijl de kopregel er "
                f"{wanted} heeft (een scheidingsteken in een tekst zonder aanhalingstekens?)")
    if "EOF inside string" in english or "EOF while" in english:
        line = re.search(r"line (\d+)", english)
        where = f"regel {line.group(1)}: " if line else ""
        return f"{where}aanhalingsteken niet gesloten tot het einde van het bestand"
    return "geen leesbare CSV-tabel (controleer scheidingsteken en aanhalingstekens)"


def physical_line(raw: bytes, record: int) -> int:
    """The physical line on which pandas' 'line N' starts: pandas counts records (blank
    lines included) but not the line breaks inside quoted fields."""
    data = np.frombuffer(raw, dtype=np.uint8)
    breaks = np.flatnonzero(data == 0x0A)
    quotes = np.flatnonzero(data == ord('"'))  # few or none: memory follows the quotes, not the bytes
    inside = np.searchsorted(quotes, breaks) % 2 == 1  # an odd number of quotes before: in a field
    ends = breaks[~inside] if breaks.size else breaks
    if record < 2 or record - 2 >= len(ends):
        return record
    return int(np.searchsorted(breaks, ends[record - 2] + 1)) + 1


def _number_lines(frame: pd.DataFrame, raw: bytes, text: str) -> None:
    """LINE: the physical line of every record (see record_lines); numbered one per line
    when the quotes cannot explain the records."""
    start = 3 if raw.startswith(b"\xef\xbb\xbf") else 0
    header_end = _header_end(raw, start)
    lines = record_lines(raw, header_end, len(frame))
    frame[LINE] = lines if lines is not None else np.arange(2, len(frame) + 2)


def _header_end(raw: bytes, start: int) -> int:
    """Offset just after the header record (the first non-blank line)."""
    position = start
    while True:
        end = raw.find(b"\n", position)
        if end < 0:
            return len(raw)
        if raw[position:end].strip():
            return end + 1
        position = end + 1


def read_xlsx_table(path: Path, decimaalteken: str = ",", sheet: str | int = 0) -> pd.DataFrame:
    """The first (or named) sheet as text (numbers written with decimaalteken, dates as
    dd-mm-jjjj); LINE holds the row number on the sheet."""
    import pandas as pd

    check_workbook(path, "Excel-werkmap")  # zip-bomb checks before openpyxl unpacks it
    raw = read_raw(path)
    try:
        frame = pd.read_excel(io.BytesIO(raw), sheet_name=sheet, dtype=object, engine="openpyxl")
    except ValueError:
        raise InvoerFout(f"{path}: blad '{sheet}' niet gevonden of onleesbaar") from None
    except Exception:  # noqa: BLE001 - any unreadable workbook is bad input
        raise InvoerFout(f"{path}: geen leesbare Excel-werkmap: de inhoud is beschadigd") from None
    frame.columns = [str(name).strip() for name in frame.columns]
    frame = frame.map(lambda value: _cell_text(value, decimaalteken))
    frame[LINE] = np.arange(2, len(frame) + 2)
    return frame


def _cell_text(value: object, decimaalteken: str) -> str:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return ""
    if isinstance(value, (datetime, date)):  # also a pandas Timestamp
        return value.strftime("%d-%m-%Y")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        text = str(value) if isinstance(value, int) else format(value, ".15g")
        if "e" in text:
            text = f"{value:.12f}".rstrip("0").rstrip(".")
        return text.replace(".", decimaalteken)
    return str(value)


def read_table(path: Path, decimaalteken: str = ",") -> pd.DataFrame:
    """A CSV or XLSX export as a text table (decided by the file's extension)."""
    path = Path(path)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return read_xlsx_table(path, decimaalteken)
    return read_csv_table(path)


def place(path: Path, frame: pd.DataFrame, column: str, rows) -> list[str]:
    """Human places of rows: 'regel 12' for CSV, 'cel C12' for XLSX."""
    lines = frame.loc[rows, LINE].to_numpy()
    if Path(path).suffix.lower() in (".xlsx", ".xlsm"):
        letter = column_letter(list(frame.columns).index(column) + 1)
        return [f"cel {letter}{line}" for line in lines]
    return [f"regel {line}" for line in lines]


def column_letter(index: int) -> str:
    """The letters of a 1-based column number (1 -> A, 27 -> AA)."""
    from xlsxwriter.utility import xl_col_to_name  # only a workbook export's places need it

    return xl_col_to_name(index - 1)


def require_columns(path: Path, columns, wanted: dict[str, str]) -> None:
    """Refuse an export that lacks a column the mapping names (role -> column name);
    columns: the export's column names (or a frame)."""
    present = [c for c in columns if c != LINE]
    missing = [f"'{column}' ({role})" for role, column in wanted.items() if column not in present]
    if missing:
        raise InvoerFout(
            f"{path}: de mapping noemt kolom {', '.join(missing)}, maar het bestand heeft "
            f"alleen: {', '.join(present)}"
        )


_DUTCH = re.compile(r"-?\d{1,3}(?:\.\d{3})*(?:,\d+)?|-?\d+(?:,\d+)?")
_POINT = re.compile(r"-?\d{1,3}(?:,\d{3})*(?:\.\d+)?|-?\d+(?:\.\d+)?")
_STRIPPED = re.compile(r"[€\s\u00a0]")


def _normalise(text: str) -> str:
    """Strip '€' and spaces; write a negative as '-…' ('1.234,56-' and '(1.234,56)')."""
    text = _STRIPPED.sub("", text)
    if text.endswith("-") or (text.startswith("(") and text.endswith(")")):
        return "-" + text.strip("()-")
    return text


def parse_amounts(texts: pd.Series, decimaalteken: str = ",") -> tuple[np.ndarray, np.ndarray]:
    """Amounts like '1.234,56', '-1.234,56', '€ 1.234', '1.234,56-' or '(1.234,56)'.

    Returns (values, bad): bad marks cells that are not a number in the given convention
    (decimaalteken ',' : '.' groups thousands; '.' : ',' groups), including empty cells: a
    ledger line without an amount cannot be placed.
    """
    texts = pa.array(texts.astype(str).to_numpy(dtype=object), pa.string())
    return parse_amount_texts(texts, decimaalteken)


def parse_amount_texts(texts: pa.Array, decimaalteken: str = ",") -> tuple[np.ndarray,
                                                                          np.ndarray]:
    """parse_amounts on an arrow string array. Plain cells take one (RE2) regular
    expression and two replacements in arrow; only the others (a '€', a space, a trailing
    minus, parentheses or no number at all) go through the slower normalisation."""
    import pyarrow.compute as pc  # not at the top: the block reader starts without it

    pattern, thousands = (_DUTCH, ".") if decimaalteken == "," else (_POINT, ",")
    good = pc.match_substring_regex(texts, f"^(?:{pattern.pattern})$")
    plain = pc.replace_substring(pc.replace_substring(texts, thousands, ""), decimaalteken, ".")
    plain = pc.if_else(good, plain, pa.nulls(len(texts), pa.string()))
    values = numbers_of(pc.cast(plain, pa.float64()))  # a null (not good) is replaced below
    good = numbers_of(good)
    rest = np.flatnonzero(~good)
    if rest.size:
        table = {ord(thousands): None, ord(decimaalteken): "."}
        parsed = [_parse_normalised(str(text), pattern, table)
                  for text in texts.take(arrow_integers(rest)).to_pylist()]
        values[rest] = [value for value, _ in parsed]
        good[rest] = [ok for _, ok in parsed]
    return values, ~good | ~(np.abs(values) < MAX_AMOUNT)


_NUMPY = {pa.int8(): np.int8, pa.int16(): np.int16, pa.int32(): np.int32, pa.int64(): np.int64,
          pa.float64(): np.float64}


def numbers_of(array: pa.Array) -> np.ndarray:
    """A writable numpy copy of an arrow integer, float64 or boolean array (its value
    buffer as it stands: a null position holds no meaningful value). Array.to_numpy would
    import pandas."""
    data = array.buffers()[1]
    if data is None or not len(array):
        return np.zeros(0, dtype=bool if array.type == pa.bool_() else _NUMPY[array.type])
    if array.type == pa.bool_():
        bits = np.unpackbits(np.frombuffer(data, dtype=np.uint8), bitorder="little")
        return bits[array.offset:array.offset + len(array)].astype(bool)
    return np.frombuffer(data, dtype=_NUMPY[array.type])[array.offset:array.offset + len(array)].copy()


_ARROW = {np.dtype(np.int64): pa.int64(), np.dtype(np.uint64): pa.uint64()}


def arrow_integers(values: np.ndarray, dtype=np.int64) -> pa.Array:
    """Integers (positions; uint64 hashes) as an arrow array of dtype, without pa.array
    (which imports pandas)."""
    values = np.ascontiguousarray(values, dtype=dtype)
    return pa.Array.from_buffers(_ARROW[values.dtype], len(values), [None, pa.py_buffer(values)])


def _parse_normalised(text: str, pattern: re.Pattern, table: dict) -> tuple[float, bool]:
    """(value, readable) of one cell that is not a plain number."""
    if not pattern.fullmatch(text):
        text = _normalise(text)
        if not pattern.fullmatch(text):
            return math.nan, False
    value = float(text.translate(table))
    return value, not math.isnan(value)


def parse_numbers(texts: pd.Series, decimaalteken: str = ",") -> tuple[np.ndarray, np.ndarray]:
    """Volumes and other plain numbers, in the same notation as amounts."""
    return parse_amounts(texts, decimaalteken)


_SEPARATORS = re.compile(r"[/.]")
_EARLY = re.compile(r"(-\d{1,4}|0000)-(\d{1,2})-(\d{1,2})")
_DAYS = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


@lru_cache(maxsize=8192)
def date_of(text: str) -> tuple[int, int] | None:
    """(year, month) of a date written dd-mm-jjjj (also d-m-jjjj, dd/mm/jjjj, dd.mm.jjjj)
    or jjjj-mm-dd (the first ten characters); None when it is none. The same dates as
    parse_dates (pandas) reads, which also takes a year 0 or below in jjjj-mm-dd."""
    text = _SEPARATORS.sub("-", text.strip())
    for candidate, form in ((text, "%d-%m-%Y"), (text[:10], "%Y-%m-%d")):
        try:
            found = datetime.strptime(candidate, form)
        except ValueError:
            continue
        return found.year, found.month
    return _early_date(text[:10])


def _early_date(text: str) -> tuple[int, int] | None:
    """A jjjj-mm-dd date in the year 0 or before (proleptic Gregorian calendar)."""
    found = _EARLY.fullmatch(text)
    if not found:
        return None
    year, month, day = (int(part) for part in found.groups())
    if year > 0 or not 1 <= month <= 12:
        return None
    leap = month == 2 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    return (year, month) if 1 <= day <= _DAYS[month - 1] + leap else None


def date_parts(texts: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(year, month, bad) of every text (0 where bad); see date_of."""
    dates = [date_of(text) for text in texts]
    year = np.array([d[0] if d else 0 for d in dates], dtype=np.int32)
    month = np.array([d[1] if d else 0 for d in dates], dtype=np.int8)
    return year, month, np.array([d is None for d in dates], dtype=bool)


def parse_dates(texts: pd.Series) -> tuple[pd.Series, np.ndarray]:
    """Dates as dd-mm-jjjj (also d-m-jjjj, dd/mm/jjjj, dd.mm.jjjj) or jjjj-mm-dd, as a
    pandas Series (NaT where bad). The same dates as date_of (a test holds it)."""
    import pandas as pd

    codes, uniques = pd.factorize(texts.astype(str), use_na_sentinel=False)
    text = pd.Series(uniques, dtype=object).astype(str).str.strip().str.replace(r"[/.]", "-",
                                                                               regex=True)
    dates = pd.to_datetime(text, format="%d-%m-%Y", errors="coerce")
    missing = dates.isna()
    if missing.any():
        iso = pd.to_datetime(text[missing].str.slice(0, 10), format="%Y-%m-%d", errors="coerce")
        dates = dates.where(~missing, iso)
    bad = dates.isna().to_numpy()
    return pd.Series(dates.to_numpy()[codes], index=texts.index), bad[codes]


_PERIOD = re.compile(r"(?:(?P<jaar>\d{4})[-/ ]?)?(?:p|per|periode|m)?\s*(?P<nr>\d{1,2})", re.I)
_PERIOD_END = re.compile(_PERIOD.pattern + "$", re.I)


def period_parts(texts: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Periods like '3', '03', 'P03', '2024-03', '2024/3' or '202403'.

    Returns (year or 0 when absent, period number, bad).
    """
    years, numbers, bad = [], [], []
    for text in texts:
        text = str(text).strip()
        found = _PERIOD_END.search(text)
        years.append(int(found["jaar"]) if found and found["jaar"] else 0)
        numbers.append(int(found["nr"]) if found else 0)
        bad.append(not _PERIOD.fullmatch(text) or not found)
    return (np.array(years, dtype=int), np.array(numbers, dtype=int), np.array(bad, dtype=bool))


def parse_periods(texts: pd.Series) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """period_parts of a pandas Series."""
    return period_parts([str(text) for text in texts])
