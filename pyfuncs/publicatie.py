"""Rounding for publication: amounts shown in whole units (e.g. × € 1.000) so that the
printed lines add up to their printed total (largest-remainder method)."""

from pyfuncs.afronding import excel_round
from pyfuncs.fouten import InvoerFout


def floor_units(quotient: float) -> float:
    """The whole units below a quotient, as ROUND(q;0)-IF(ROUND(q;0)>q;1;0) computes it."""
    whole = excel_round(quotient, 0)
    return whole - 1 if whole > quotient else whole


def round_for_publication(bedragen, eenheid: float = 1000) -> list[float]:
    """The amounts in whole units of eenheid; together they equal ROUND(Σ bedragen / eenheid)
    (Excel rounding). Each quotient (to 4 decimals) is rounded down, and the largest
    remainders get one unit more, ties to the earlier line.

    Args:
        bedragen: amounts in euros (any sign), the lines of one printed total.
        eenheid: the printed unit in euros (1 or 1000).

    Returns:
        Whole numbers of units (e.g. 1055.0 for € 1.055.000 at eenheid 1000).
    """
    if eenheid <= 0:
        raise InvoerFout("eenheid moet groter dan nul zijn")
    quotients = [excel_round(x / eenheid, 4) for x in bedragen]
    floors = [floor_units(q) for q in quotients]
    rests = [excel_round(q - f, 4) for q, f in zip(quotients, floors, strict=True)]
    short = int(excel_round(sum(bedragen) / eenheid, 0) - sum(floors))
    order = sorted(range(len(rests)), key=lambda i: (-rests[i], i))
    extra = set(order[:short])
    return [f + (1 if i in extra else 0) for i, f in enumerate(floors)]
