"""Settlement of a product at the end of the year (the bekostiging table, Berenschot §7.4)."""

from pyfuncs.afronding import excel_round
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
