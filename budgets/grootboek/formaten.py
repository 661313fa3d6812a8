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


def read_raw(path: Path) -> bytes:
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise InvoerFout(f"{path}: bestand bestaat niet") from None
    except OSError as fout:
        raise InvoerFout(f"{path}: bestand is niet leesbaar ({fout.strerror})") from None


def read_csv_table(path: Path) -> pd.DataFrame:
    """All columns as text; LINE holds the line number in the file (header = line 1)."""
    text = decode(read_raw(path), path)
    first = text.split("\n", 1)[0]
    separator = sniff_separator(first)
    try:
        frame = pd.read_csv(io.StringIO(text), sep=separator, dtype=object, keep_default_na=False,
                            skip_blank_lines=True, quoting=csv.QUOTE_MINIMAL)
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as fout:
        raise InvoerFout(f"{path}: geen leesbare CSV-tabel ({fout})") from None
    frame.columns = [str(name).strip() for name in frame.columns]
    _number_lines(frame, text)
    return frame


def _number_lines(frame: pd.DataFrame, text: str) -> None:
    """LINE: the line number of every record, from the raw lines when every record is
    one line (blank lines are skipped but counted); else numbered one per line."""
    lines = np.array(text.splitlines(), dtype=object)
    filled = np.flatnonzero(lines != "") if (lines == "").any() else np.arange(len(lines))
    if len(filled) - 1 != len(frame):
        frame[LINE] = np.arange(2, len(frame) + 2)
        return
    frame[LINE] = filled[1:] + 1


def read_xlsx_table(path: Path, decimaalteken: str = ",", sheet: str | int = 0) -> pd.DataFrame:
    """The first (or named) sheet as text (numbers written with decimaalteken, dates as
    dd-mm-jjjj); LINE holds the row number on the sheet."""
    raw = read_raw(path)
    try:
        frame = pd.read_excel(io.BytesIO(raw), sheet_name=sheet, dtype=object, engine="openpyxl")
    except ValueError as fout:
        raise InvoerFout(f"{path}: blad '{sheet}' niet gevonden of onleesbaar ({fout})") from None
    except Exception as fout:  # noqa: BLE001 - any unreadable workbook is bad input
        raise InvoerFout(f"{path}: geen leesbare Excel-werkmap ({type(fout).__name__})") from None
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
    return values, ~good | np.isnan(values)


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
