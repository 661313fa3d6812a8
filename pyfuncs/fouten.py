"""The one exception family for bad input, with a Dutch message, and the edge where an Excel
function's message reaches the cell."""

import functools
import math
import sys
from contextlib import contextmanager

from pyfuncs.afronding import GRENS_BEDRAG

# The module of classic xlwings that calls a UDF (xlwings/udfs.py, call_udf: `ret = func(*args)`).
CLASSIC_CALLER = "xlwings.udfs"


class InvoerFout(ValueError):
    """Bad input from a user; the message is Dutch and names the place."""


@contextmanager
def meldingen_van(functie: str):
    """Prefix every InvoerFout raised inside with the Excel function's name."""
    try:
        yield
    except InvoerFout as fout:
        raise InvoerFout(f"{functie}: {fout}") from None


def unknown_choice(argument: str, value: object, allowed: tuple[str, ...]) -> InvoerFout:
    """The refusal of a keyword outside its allowed list, listing the allowed ones."""
    return InvoerFout(f"{argument} '{value}' is onbekend; kies uit: {', '.join(allowed)}")


def _outside(result, limit: float):
    """The first float of a result (a value, a row or rows) outside (-limit, limit): inf and
    NaN always are. None when every number is inside."""
    for row in result if isinstance(result, list) else (result,):
        for value in row if isinstance(row, list) else (row,):
            if isinstance(value, float) and not -limit < value < limit:
                return value
    return None


def check_result(result, limit: float | None):
    """Refuse a result with inf or NaN, or (money) an amount whose cents are not exact."""
    value = _outside(result, math.inf if limit is None else limit)
    if value is not None and not math.isfinite(value):
        raise InvoerFout("de uitkomst is oneindig groot of geen getal; controleer de argumenten")
    if value is not None:
        raise InvoerFout("de uitkomst is te groot om tot op de cent exact te zijn "
                         "(grens: 10.000.000.000.000 euro)")
    return result


def excel_functie(money: bool = True):
    """Decorate an Excel function: messages get its name, results are checked (finite and,
    for money, below 10^13 euro), and under classic xlwings an InvoerFout becomes the cell
    text itself.

    Classic xlwings turns a raised exception into the cell text "<module>.InvoerFout:
    <message>" followed by the reversed traceback (pywin32's "Unexpected Python Error:
    Traceback..." description, reordered by xlwings' DLL). Returning the message when
    xlwings' call_udf is the caller shows only the Dutch message. Everywhere else (Lite,
    tests, the generator) the exception is raised; Lite shows it with #VALUE!.
    """
    limit = GRENS_BEDRAG if money else None

    def decorate(function):
        name = function.__name__

        @functools.wraps(function)
        def wrapper(*args, **kwargs):
            try:
                return check_result(function(*args, **kwargs), limit)
            except InvoerFout as fout:
                message = f"{name}: {fout}"
                if sys._getframe(1).f_globals.get("__name__") == CLASSIC_CALLER:
                    return message
                raise InvoerFout(message) from None

        return wrapper

    return decorate
