"""Turning what Excel passes into numbers, words and matrices, with Dutch messages that name
the argument and the cell.

What arrives (see docs/excel.md): a value, a row or column, a 2-D range as a list or tuple of
rows; empty cells as None; numbers as float (int in Lite); a Currency/Accounting cell as
decimal.Decimal (classic xlwings through pywin32); a date as datetime (classic) or as a serial
number (Lite); an error cell as its English code ("#N/A", "#DIV/0!", ...) because every
argument is declared with err_to_str=True. An error value is never read as 0 or as empty.
"""

import datetime as dt
import math
import unicodedata
from decimal import Decimal

from pyfuncs.afronding import GRENS_BEDRAG
from pyfuncs.fouten import InvoerFout, unknown_choice

# The largest amount (exclusive) whose cents a float and Excel's 15 significant digits keep
# exactly: 9.999.999.999.999,99 has 15 digits. Every number in an argument stays below it.
GRENS = GRENS_BEDRAG
GRENS_TEKST = "10.000.000.000.000 (10^13)"

# English error codes (as xlwings hands them over) and their names in a Dutch Excel.
FOUTWAARDEN = {
    "#N/A": "#N/B", "#DIV/0!": "#DEEL/0!", "#VALUE!": "#WAARDE!", "#REF!": "#VERW!",
    "#NAME?": "#NAAM?", "#NUM!": "#GETAL!", "#NULL!": "#LEEG!", "#SPILL!": "#OVERLOOP!",
    "#CALC!": "#CALC!", "#GETTING_DATA": "#GETTING_DATA", "#FIELD!": "#FIELD!",
    "#BLOCKED!": "#BLOCKED!", "#CONNECT!": "#CONNECT!", "#BUSY!": "#BUSY!", "#UNKNOWN!": "#UNKNOWN!",
}
_FOUTCODES = {**{code: name for code, name in FOUTWAARDEN.items()},
              **{name: name for name in FOUTWAARDEN.values()}}
# CustomFunctions.ErrorCode names of Office.js, for an error object that reaches Python as such.
_OFFICE_CODES = {"notAvailable": "#N/A", "divisionByZero": "#DIV/0!", "invalidValue": "#VALUE!",
                 "invalidReference": "#REF!", "invalidName": "#NAME?", "invalidNumber": "#NUM!",
                 "nullReference": "#NULL!"}

# Excel's serial dates: day 0 is 1899-12-30 (from 1 March 1900 on). Serial numbers of
# 1 January 1990 to 31 December 2100 are read as dates where a date, year or quarter belongs.
_EPOCH = dt.datetime(1899, 12, 30)
_SERIALS = (32874, 73416)
JAREN = (1990, 2100)


def error_name(cell) -> str | None:
    """The Dutch name of an Excel error value, or None when the cell holds no error."""
    if isinstance(cell, str):
        return _FOUTCODES.get(cell.strip().upper()) if cell[:1] == "#" or cell[:1].isspace() else None
    if cell is None or isinstance(cell, (float, int, Decimal, dt.date)):
        return None
    code = cell.get("code") if isinstance(cell, dict) else getattr(cell, "code", None)
    code = _OFFICE_CODES.get(code, code) if isinstance(code, str) else None
    return _FOUTCODES.get(code.upper()) if code else None


def is_blank(cell) -> bool:
    """An empty cell: None, "" or only spaces, or NaN."""
    if cell is None:
        return True
    if isinstance(cell, str):
        return not cell.strip()
    return isinstance(cell, float) and math.isnan(cell)


def _where(rows: list[list], r: int, c: int) -> str:
    """ ' rij 2', ' rij 2, kolom 3' or '' (a single cell) for messages that name a cell."""
    if len(rows) == 1 and len(rows[0]) == 1:
        return ""
    if all(len(row) == 1 for row in rows):
        return f" rij {r + 1}"
    return f" rij {r + 1}, kolom {c + 1}"


def _place(rows: list[list], r: int, c: int) -> str:
    where = _where(rows, r, c)
    return f" ({where.strip()})" if where else ""


def refuse_error(cell, argument: str, where: str = "") -> None:
    """Raise the Dutch message for an error value in a cell; do nothing otherwise."""
    name = error_name(cell)
    if name is not None:
        raise InvoerFout(f"{argument}{where} bevat een foutwaarde ({name})")


def _as_rows(value) -> list[list]:
    if isinstance(value, (list, tuple)) or type(value).__name__ == "ndarray":
        rows = []
        for item in value:
            if not isinstance(item, (list, tuple)) and type(item).__name__ != "ndarray":
                return [[item] for item in value]
            rows.append(list(item))
        return rows
    return [[value]]


def plain_rows(value, argument: str) -> tuple[list[list], bool]:
    """rows_of(), and whether every cell already is a float within GRENS (nothing to convert)."""
    rows = _as_rows(value)
    for row in rows:
        for cell in row:
            if cell.__class__ is not float or not -GRENS < cell < GRENS:
                return _checked(rows, argument), False
    return rows, True


def _checked(rows: list[list], argument: str) -> list[list]:
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            if cell.__class__ is str and cell[:1] != "#" and not cell[:1].isspace():
                continue  # plain text, e.g. a rule word: no error value
            if not (cell is None or type(cell) is float or type(cell) is int) and error_name(cell):
                refuse_error(cell, argument, _where(rows, r, c))
    return rows


def _checked_column(column: list, argument: str) -> None:
    """_checked() for a column of raw cells, without making rows of it."""
    for r, cell in enumerate(column):
        if cell.__class__ is str and cell[:1] != "#" and not cell[:1].isspace():
            continue
        if not (cell is None or type(cell) is float or type(cell) is int) and error_name(cell):
            refuse_error(cell, argument, _where([[c] for c in column], r, 0))


def rows_of(value, argument: str) -> list[list]:
    """A value, flat list (read as a column) or list/tuple of rows, as a list of rows; an
    error value anywhere is refused with its row and column."""
    return plain_rows(value, argument)[0]


def trim(rows: list[list], keep_rows: int = 1, keep_cols: int = 1) -> list[list]:
    """Drop blank rows and columns at the end of a range, keeping at least keep_rows rows
    and keep_cols columns (so a range never shrinks to a shape that would be read as one
    value for every row)."""
    while len(rows) > keep_rows and all(is_blank(cell) for cell in rows[-1]):
        rows = rows[:-1]
    width = max((len(row) for row in rows), default=0)
    while width > keep_cols and all(len(row) < width or is_blank(row[width - 1]) for row in rows):
        width -= 1
    return [row[:width] for row in rows]


def _number_text(text: str, argument: str, place: str) -> float | None:
    """Numeric text with a Dutch or English decimal separator, or None if it is no number.
    One separator followed by exactly three digits ("1.500", "1,500") is ambiguous."""
    raw = text.strip().replace("€", "").replace(" ", "").replace("\u00a0", "")
    percent = raw.endswith("%")
    raw = raw.removesuffix("%")
    body = raw.lstrip("+-")
    if not body or any(ch not in "0123456789.," for ch in body) or not body[0].isdigit():
        return None
    if "." in body and "," in body:
        decimal_sep = "." if body.rfind(".") > body.rfind(",") else ","
    elif body.count(".") + body.count(",") == 1:
        whole, _, fraction = body.replace(",", ".").partition(".")
        if len(fraction) == 3 and whole != "0":
            raise InvoerFout(f"{argument} bevat '{text}'{place}: is dat een decimaal getal of een "
                             "getal met duizendtallen? Typ het als getal in de cel")
        decimal_sep = "." if "." in body else ","
    else:
        decimal_sep = ""  # only thousands separators (or none)
    if decimal_sep:
        thousands = "," if decimal_sep == "." else "."
    else:
        thousands = "," if "," in body else "."
    whole, _, fraction = body.partition(decimal_sep) if decimal_sep else (body, "", "")
    groups = whole.split(thousands)
    if len(groups) > 1 and (not 1 <= len(groups[0]) <= 3 or any(len(g) != 3 for g in groups[1:])):
        return None
    if not "".join(groups).isdigit() or (fraction and not fraction.isdigit()):
        return None
    result = float(f"{'-' if raw.startswith('-') else ''}{''.join(groups)}.{fraction or 0}")
    return result / 100 if percent else result


def _in_range(result: float, text, argument: str, place: str) -> float:
    if not -GRENS < result < GRENS:
        if math.isnan(result) or math.isinf(result):
            raise InvoerFout(f"{argument} bevat geen geldig getal{place}")
        raise InvoerFout(f"{argument} {text} is te groot{place}: gebruik getallen kleiner dan {GRENS_TEKST}")
    return result


def number(value, argument: str, place: str = "") -> float:
    """One cell as a float; an empty cell counts as 0. Accepts float, int, Decimal (a
    Currency cell) and unambiguous numeric text; refuses logical values, dates and error
    values; |number| must stay below GRENS."""
    if type(value) is float and -GRENS < value < GRENS:
        return value
    if is_blank(value):
        return 0.0
    if isinstance(value, bool):
        raise InvoerFout(f"{argument} bevat WAAR of ONWAAR waar een getal hoort{place}")
    if isinstance(value, (float, int, Decimal)) or type(value).__module__ == "numpy":
        try:
            converted = float(value)
        except (TypeError, ValueError):
            converted = None
        if converted is not None:
            return _in_range(converted, value, argument, place)
    refuse_error(value, argument, f" {place.strip(' ()')}" if place else "")
    if isinstance(value, dt.date):
        raise InvoerFout(f"{argument} bevat een datum waar een getal hoort{place}")
    parsed = _number_text(value, argument, place) if isinstance(value, str) else None
    if parsed is None:
        raise InvoerFout(f"{argument} bevat tekst '{value}' waar een getal hoort{place}")
    return _in_range(parsed, value, argument, place)


def _numbers(rows: list[list], argument: str) -> list[list[float]]:
    width = len(rows[0])
    if any(len(row) != width for row in rows):
        raise InvoerFout(f"{argument} heeft rijen van ongelijke lengte")
    result = []
    for r, row in enumerate(rows):
        out = []
        for c, cell in enumerate(row):
            if type(cell) is float and -GRENS < cell < GRENS:
                out.append(cell)
            else:
                out.append(number(cell, argument, _place(rows, r, c)))
        result.append(out)
    return result


def grid(value, argument: str, keep_rows: int = 1, keep_cols: int = 1) -> list[list[float]]:
    """A range as rows of floats, blank rows and columns at the end dropped (see trim)."""
    rows = trim(rows_of(value, argument), keep_rows, keep_cols)
    if not rows or not rows[0]:
        raise InvoerFout(f"{argument} is leeg")
    return _numbers(rows, argument)


def matrix(value, argument: str, keep_rows: int = 1, keep_cols: int = 1):
    """A range as a 2-D float array; a flat list is one column."""
    import numpy as np

    return np.array(grid(value, argument, keep_rows, keep_cols), dtype=float)


def _plain_column(value) -> list[float] | None:
    """The fast path of vector(): a column of floats within GRENS as a list, else None."""
    column = _column(value)
    if column is None:
        return None
    for cell in column:
        if cell.__class__ is not float or not -GRENS < cell < GRENS:
            return None
    return column


def vector(value, argument: str, keep: int = 1) -> list[float]:
    """A single row or column (or one value) as a list of floats, blanks at the end dropped
    down to keep values."""
    column = _plain_column(value)
    if column is not None:
        return column
    rows, plain = plain_rows(value, argument)
    is_row = len(rows) == 1
    if not plain:
        rows = trim(rows, 1 if is_row else keep, keep if is_row else 1)
    if not rows or not rows[0]:
        raise InvoerFout(f"{argument} is leeg")
    if len(rows) != 1 and len(rows[0]) != 1:
        raise InvoerFout(f"{argument} moet één rij of één kolom zijn, niet {len(rows)}×{len(rows[0])}")
    if plain:
        return rows[0] if is_row else [row[0] for row in rows]
    return [cell for row in _numbers(rows, argument) for cell in row]


def _column(value) -> list | None:
    """A range of one column (rows of one cell each) as a flat list, else None."""
    if value.__class__ not in (list, tuple) or not value or value[0].__class__ not in (list, tuple):
        return None
    try:
        return [cell for (cell,) in value]
    except (TypeError, ValueError):
        return None


def cells(value, argument: str) -> list:
    """A single value or a row/column as a flat list of raw cells, errors refused."""
    column = _column(value)
    if column is not None:
        for cell in column:
            if cell.__class__ is not float and cell is not None:
                _checked_column(column, argument)
                break
        return column
    rows = rows_of(value, argument)
    if len(rows) != 1 and any(len(row) != 1 for row in rows):
        raise InvoerFout(f"{argument} moet één rij of één kolom zijn, niet {len(rows)}×{len(rows[0])}")
    return [cell for row in rows for cell in row]


def texts(value, argument: str) -> list[str]:
    """A single value or a row/column as a list of stripped texts."""
    return ["" if is_blank(cell) else str(cell).strip() for cell in cells(value, argument)]


def choice(value, argument: str, allowed: tuple[str, ...], default: str) -> str:
    """A keyword argument such as regel or methode, checked against the allowed words
    (case and diacritics do not matter: "Annuïtair" is "annuitair")."""
    refuse_error(value, argument)
    word = default if is_blank(value) else plain_word(value)
    if word not in allowed:
        raise unknown_choice(argument, value, allowed)
    return word


def choices(values: list, argument: str, allowed: tuple[str, ...], default: str) -> list[str]:
    """choice() for a column of words, each distinct word normalised once."""
    keys = [value if value.__class__ is str or value is None else repr(value) for value in values]
    known: dict = {}
    for key in dict.fromkeys(keys):
        r = keys.index(key)
        refuse_error(values[r], argument, f" rij {r + 1}" if len(values) > 1 else "")
        known[key] = choice(values[r], argument, allowed, default)
    return [known[key] for key in keys]


def plain_word(value) -> str:
    """Lower case without diacritics or surrounding spaces."""
    decomposed = unicodedata.normalize("NFKD", str(value).strip().lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


TRUE_WORDS, FALSE_WORDS = ("waar", "true", "ja", "1"), ("onwaar", "false", "nee", "0", "")


def flag(value, argument: str) -> bool:
    """A logical argument: TRUE/FALSE from Excel, a number, or the words WAAR/ONWAAR."""
    if value is None or isinstance(value, bool):
        return bool(value)
    refuse_error(value, argument)
    if isinstance(value, (float, int, Decimal)):
        return value != 0
    word = plain_word(value)
    if word in TRUE_WORDS or word in FALSE_WORDS:
        return word in TRUE_WORDS
    raise InvoerFout(f"{argument} '{value}' is geen WAAR of ONWAAR")


def optional_number(value, argument: str, default: float | None) -> float | None:
    """An optional argument: None or an empty cell gives the default."""
    if is_blank(value):
        return default
    return number(value, argument)


def whole_number(value, argument: str, default: int, low: int, high: int) -> int:
    """An optional whole number between low and high (inclusive), e.g. trekkingen."""
    result = optional_number(value, argument, default)
    if result != int(result) or not low <= result <= high:
        raise InvoerFout(f"{argument} moet een geheel getal van {low:,} tot en met {high:,} zijn"
                         .replace(",", "."))
    return int(result)


def as_date(value) -> dt.datetime | None:
    """A date cell (datetime/date) or an Excel serial number of 1990–2100 as a datetime."""
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date):
        return dt.datetime(value.year, value.month, value.day)
    if isinstance(value, (float, int, Decimal)) and not isinstance(value, bool):
        if _SERIALS[0] <= value < _SERIALS[1]:
            return _EPOCH + dt.timedelta(days=float(value))
    return None


def quarter(value, argument: str) -> float:
    """A quarter: 1–4, numeric text, or a date (or Lite's serial number) in that quarter.
    Other numbers pass through for the core to refuse."""
    refuse_error(value, argument)
    date = as_date(value)
    if date is not None:
        return float((date.month - 1) // 3 + 1)
    return number(value, argument)


def year(value, argument: str) -> int:
    """A year: a whole number or numeric text 1990–2100, a date, or a serial number."""
    refuse_error(value, argument)
    date = as_date(value)
    if date is not None:
        return date.year
    result = number(value, argument)
    if result != int(result) or not JAREN[0] <= result <= JAREN[1]:
        raise InvoerFout(f"{argument} '{value}' is geen jaartal tussen {JAREN[0]} en {JAREN[1]}")
    return int(result)


def as_column(values) -> list[list]:
    """A sequence as a column for Excel to spill downwards."""
    return [[value] for value in values]
