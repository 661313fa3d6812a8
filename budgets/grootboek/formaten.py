"""Reading export files as text tables and parsing Dutch amounts, dates and periods.

Everything here is vectorised (pandas string methods; pyarrow compute for amounts).
Parsers return the values plus a mask of the cells they could not read; the caller turns
that mask into findings that name the file and the line.
"""

import csv
import io
import re
from datetime import date, datetime
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from openpyxl.utils import get_column_letter

from budgets.excel.veilig import check_workbook
from pyfuncs.afronding import GRENS_BEDRAG
from pyfuncs.fouten import InvoerFout

LINE = "_regel"  # column with the line (CSV) or row (XLSX) number of every record
ENCODINGS = ("utf-8", "cp1252")


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
_FORBIDDEN = np.zeros(256, dtype=bool)  # control bytes no text export contains
_FORBIDDEN[[*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F]] = True


def read_raw(path: Path) -> bytes:
    """The bytes of an export; missing files, folders and files beyond MAX_EXPORT_BYTES
    are refused."""
    path = Path(path)
    try:
        if path.is_dir():
            raise InvoerFout(f"{path}: is een map, geen export")
        if path.stat().st_size > MAX_EXPORT_BYTES:
            raise InvoerFout(f"{path}: groter dan {MAX_EXPORT_BYTES >> 20} MB; dat is de grens")
        return path.read_bytes()
    except FileNotFoundError:
        raise InvoerFout(f"{path}: bestand bestaat niet") from None
    except OSError as fout:
        raise InvoerFout(f"{path}: bestand is niet leesbaar ({fout.strerror})") from None


def check_text_export(raw: bytes, path: Path) -> None:
    """Refuse what is no text export before a CSV parser sees it: UTF-16, binary bytes
    (random bytes, a renamed workbook), a line longer than MAX_LINE; each with its line."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InvoerFout(f"{path}: het bestand is UTF-16; exporteer als CSV in UTF-8 of "
                         "Windows-1252")
    if raw.startswith(b"PK\x03\x04"):
        raise InvoerFout(f"{path}: dit is een werkmap of zip-bestand, geen CSV; geef het de "
                         "extensie .xlsx")
    data = np.frombuffer(raw, dtype=np.uint8)
    bad = np.flatnonzero(_FORBIDDEN[data])
    if bad.size:
        line = int(np.count_nonzero(data[: bad[0]] == 0x0A)) + 1
        raise InvoerFout(f"{path}: regel {line}: teken 0x{data[bad[0]]:02X} hoort niet in een "
                         "tekstexport (is het een binair bestand of UTF-16?)")
    breaks = np.flatnonzero(data == 0x0A)
    lengths = np.diff(np.concatenate(([-1], breaks, [len(data)]))) - 1
    if lengths.size and lengths.max() > MAX_LINE:
        line = int(np.argmax(lengths)) + 1
        raise InvoerFout(f"{path}: regel {line} is {int(lengths.max())} tekens lang; de grens is "
                         f"{MAX_LINE:,}".replace(",", "."))


def record_lines(raw: bytes, offset: int, records: int) -> np.ndarray | None:
    """The physical (1-based) line on which each record after offset starts, counting a
    quoted line break inside a field and skipping blank lines, as CSV readers do; None
    when the quotes do not explain the records (then the caller numbers by record)."""
    data = np.frombuffer(raw, dtype=np.uint8)
    first_line = int(np.count_nonzero(data[:offset] == 0x0A)) + 1
    data = data[offset:]
    breaks = np.flatnonzero(data == 0x0A)
    quotes = np.flatnonzero(data == ord('"'))  # few or none: memory follows the quotes, not the bytes
    inside = np.searchsorted(quotes, breaks) % 2 == 1  # an odd number of quotes before: in a field
    ends = breaks[~inside] if breaks.size else breaks
    starts = np.concatenate(([0], ends + 1))
    stops = np.concatenate((ends, [len(data)]))
    lengths = stops - starts
    last = data[np.clip(stops - 1, 0, max(len(data) - 1, 0))] if len(data) else lengths
    blank = (lengths == 0) | ((lengths == 1) & (last == 0x0D))
    starts = starts[~blank]
    if len(starts) != records:
        return None
    newlines_before = np.searchsorted(breaks, starts)
    return first_line + newlines_before


def read_csv_table(path: Path) -> pd.DataFrame:
    """All columns as text; LINE holds the physical line on which each record starts
    (header = line 1, also after quoted line breaks and blank lines)."""
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
    if isinstance(value, (pd.Timestamp, datetime, date)):
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
        letter = get_column_letter(list(frame.columns).index(column) + 1)
        return [f"cel {letter}{line}" for line in lines]
    return [f"regel {line}" for line in lines]


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


def _normalise(text: pd.Series) -> pd.Series:
    """Strip '€' and spaces; write a negative as '-…' ('1.234,56-' and '(1.234,56)')."""
    text = text.astype(str).str.replace(r"[€\s\u00a0]", "", regex=True)
    negative = text.str.endswith("-") | (text.str.startswith("(") & text.str.endswith(")"))
    return text.where(~negative, "-" + text.str.strip("()-"))


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
    pattern, thousands = (_DUTCH, ".") if decimaalteken == "," else (_POINT, ",")
    good = pc.match_substring_regex(texts, f"^(?:{pattern.pattern})$")
    plain = pc.replace_substring(pc.replace_substring(texts, thousands, ""), decimaalteken, ".")
    plain = pc.if_else(good, plain, pa.scalar(None, pa.string()))
    values = pc.cast(plain, pa.float64()).to_numpy(zero_copy_only=False, writable=True)
    good = good.to_numpy(zero_copy_only=False, writable=True)
    rest = np.flatnonzero(~good)
    if rest.size:
        others = pd.Series(texts.take(pa.array(rest)).to_pylist(), dtype=object)
        values[rest], bad = _parse_normalised(others, pattern, thousands, decimaalteken)
        good[rest] = ~bad
    return values, ~good | ~(np.abs(values) < MAX_AMOUNT)


def _parse_normalised(texts: pd.Series, pattern: re.Pattern, thousands: str,
                      decimaalteken: str) -> tuple[np.ndarray, np.ndarray]:
    text = texts.astype(str)
    good = text.str.fullmatch(pattern.pattern).fillna(False).to_numpy(dtype=bool).copy()
    if not good.all():
        rest = _normalise(text[~good])
        text = text.copy()
        text[~good] = rest
        good[~good] = rest.str.fullmatch(pattern.pattern).fillna(False).to_numpy(dtype=bool)
    table = {ord(thousands): None, ord(decimaalteken): "."}
    plain = text.where(good, "nan").str.translate(table)
    values = plain.astype(float).to_numpy()  # every remaining text is a valid number or 'nan'
    return values, ~good | np.isnan(values)


def parse_numbers(texts: pd.Series, decimaalteken: str = ",") -> tuple[np.ndarray, np.ndarray]:
    """Volumes and other plain numbers, in the same notation as amounts."""
    return parse_amounts(texts, decimaalteken)


def parse_dates(texts: pd.Series) -> tuple[pd.Series, np.ndarray]:
    """Dates as dd-mm-jjjj (also d-m-jjjj, dd/mm/jjjj, dd.mm.jjjj) or jjjj-mm-dd.
    A year has few distinct dates: each is parsed once."""
    codes, uniques = pd.factorize(texts.astype(str), use_na_sentinel=False)
    dates, bad = _parse_unique_dates(pd.Series(uniques, dtype=object))
    return pd.Series(dates.to_numpy()[codes], index=texts.index), bad[codes]


def _parse_unique_dates(texts: pd.Series) -> tuple[pd.Series, np.ndarray]:
    text = texts.astype(str).str.strip().str.replace(r"[/.]", "-", regex=True)
    dates = pd.to_datetime(text, format="%d-%m-%Y", errors="coerce")
    missing = dates.isna()
    if missing.any():
        iso = pd.to_datetime(text[missing].str.slice(0, 10), format="%Y-%m-%d", errors="coerce")
        dates = dates.where(~missing, iso)
    return dates, dates.isna().to_numpy()


_PERIOD = re.compile(r"(?:(?P<jaar>\d{4})[-/ ]?)?(?:p|per|periode|m)?\s*(?P<nr>\d{1,2})", re.I)


def parse_periods(texts: pd.Series) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Periods like '3', '03', 'P03', '2024-03', '2024/3' or '202403'.

    Returns (year or 0 when absent, period number, bad).
    """
    parts = texts.astype(str).str.strip().str.fullmatch(_PERIOD.pattern, case=False)
    extracted = texts.astype(str).str.strip().str.extract(_PERIOD.pattern + "$", flags=re.I)
    number = pd.to_numeric(extracted["nr"], errors="coerce").to_numpy(dtype=float)
    year = pd.to_numeric(extracted["jaar"], errors="coerce").fillna(0).to_numpy(dtype=int)
    bad = ~parts.fillna(False).to_numpy(dtype=bool) | np.isnan(number)
    return year, np.nan_to_num(number).astype(int), bad
