"""Settlement of a product at the end of the year (the bekostiging table, Berenschot §7.4)."""

from pyfuncs.afronding import excel_round, excel_round_cents
from pyfuncs.fouten import InvoerFout, unknown_choice

REGELS = ("minimum", "realisatie", "begroting")


def settled_volume(begroot: float, gerealiseerd: float, regel: str = "minimum") -> float:
    """The volume the gemeente pays for: at least the budget (minimum), the realisation
    (realisatie, e.g. Wsw) or the budget whatever happened (begroting)."""
    if regel == "minimum":
        return max(begroot, gerealiseerd)
    if regel == "realisatie":
        return gerealiseerd
    if regel == "begroting":
        return begroot
    raise unknown_choice("regel", regel, REGELS)


def settle(begroot: float, gerealiseerd: float, normprijs: float, regel: str = "minimum") -> float:
    """The settled amount of one product for one gemeente, in cents as Excel's
    ROUND(MAX(begroot; gerealiseerd) × normprijs; 2) gives it (EUR)."""
    if begroot < 0 or gerealiseerd < 0:
        raise InvoerFout("een volume mag niet negatief zijn")
    return excel_round(settled_volume(begroot, gerealiseerd, regel) * normprijs, 2)


def settle_rows(begroot, gerealiseerd, normprijzen, regels) -> list[float]:
    """settle() for rows of equal length, with the rule words already checked."""
    if any(b < 0 or g < 0 for b, g in zip(begroot, gerealiseerd, strict=True)):
        raise InvoerFout("een volume mag niet negatief zijn")
    pick = {"minimum": max, "realisatie": lambda b, g: g, "begroting": lambda b, g: b}
    rules = [pick.get(regel) or settled_volume(0, 0, regel) for regel in regels]
    return excel_round_cents([rule(b, g) * p for b, g, p, rule in
                              zip(begroot, gerealiseerd, normprijzen, rules, strict=True)])
