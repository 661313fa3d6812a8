"""Turning what Excel passes (a value, a row or column, a 2-D range; empty cells as None)
into numbers and matrices, with Dutch messages that name the argument and the cell."""

import math
import unicodedata
from numbers import Real

import numpy as np

from pyfuncs.fouten import InvoerFout, unknown_choice


def _rows(value) -> list[list]:
    """A value, flat list (read as a column) or list of lists, as a list of rows."""
    if isinstance(value, (list, tuple, np.ndarray)):
        items = list(value)
        if not items:
            return []
        if all(isinstance(item, (list, tuple, np.ndarray)) for item in items):
            return [list(item) for item in items]
        return [[item] for item in items]
    return [[value]]


def _place(rows: list[list], r: int, c: int) -> str:
    if len(rows) == 1 and len(rows[0]) == 1:
        return ""
    if all(len(row) == 1 for row in rows):
        return f" (rij {r + 1})"
    return f" (rij {r + 1}, kolom {c + 1})"


def number(value, argument: str, place: str = "") -> float:
    """One cell as a float; an empty cell (None, "", or NaN from pandas) counts as 0."""
    if value is None or value == "" or (isinstance(value, float) and math.isnan(value)):
        return 0.0
    if isinstance(value, bool) or not isinstance(value, Real):
        raise InvoerFout(f"{argument} bevat tekst '{value}' waar een getal hoort{place}")
    result = float(value)
    if math.isinf(result):
        raise InvoerFout(f"{argument} bevat geen geldig getal{place}")
    return result


def _is_plain_number(cell) -> bool:
    return type(cell) is float and math.isfinite(cell) or type(cell) is int


def matrix(value, argument: str) -> np.ndarray:
    """A range as a 2-D float array; a flat list is one column."""
    rows = _rows(value)
    if not rows:
        raise InvoerFout(f"{argument} is leeg")
    width = len(rows[0])
    if any(len(row) != width for row in rows):
        raise InvoerFout(f"{argument} heeft rijen van ongelijke lengte")
    if all(_is_plain_number(cell) for row in rows for cell in row):
        return np.array(rows, dtype=float)
    return np.array(
        [[number(cell, argument, _place(rows, r, c)) for c, cell in enumerate(row)]
         for r, row in enumerate(rows)],
        dtype=float,
    )


def vector(value, argument: str) -> list[float]:
    """A single row or column (or one value) as a list of floats."""
    grid = matrix(value, argument)
    if grid.shape[0] != 1 and grid.shape[1] != 1:
        raise InvoerFout(f"{argument} moet één rij of één kolom zijn, niet {grid.shape[0]}×{grid.shape[1]}")
    return grid.ravel().tolist()


def texts(value, argument: str) -> list[str]:
    """A single value or a row/column as a list of stripped texts."""
    cells = [cell for row in _rows(value) for cell in row]
    return ["" if cell is None else str(cell).strip() for cell in cells]


def choice(value, argument: str, allowed: tuple[str, ...], default: str) -> str:
    """A keyword argument such as regel or methode, checked against the allowed words
    (case and diacritics do not matter: "Annuïtair" is "annuitair")."""
    word = default if value is None or value == "" else _plain_word(value)
    if word not in allowed:
        raise unknown_choice(argument, value, allowed)
    return word


def _plain_word(value) -> str:
    decomposed = unicodedata.normalize("NFKD", str(value).strip().lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


TRUE_WORDS, FALSE_WORDS = ("waar", "true", "ja", "1"), ("onwaar", "false", "nee", "0", "")


def flag(value, argument: str) -> bool:
    """A logical argument: TRUE/FALSE from Excel, a number, or the words WAAR/ONWAAR."""
    if value is None or isinstance(value, bool):
        return bool(value)
    if isinstance(value, Real):
        return value != 0
    word = _plain_word(value)
    if word in TRUE_WORDS or word in FALSE_WORDS:
        return word in TRUE_WORDS
    raise InvoerFout(f"{argument} '{value}' is geen WAAR of ONWAAR")


def optional_number(value, argument: str, default: float | None) -> float | None:
    """An optional argument: None or an empty cell gives the default."""
    if value is None or value == "":
        return default
    return number(value, argument)


def as_column(values) -> list[list]:
    """A sequence as a column for Excel to spill downwards."""
    return [[value] for value in values]
