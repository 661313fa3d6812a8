"""BBV kengetallen."""

from pyfuncs.fouten import InvoerFout


def structural_room(baten_s: float, lasten_s: float, onttrekkingen_s: float,
                    toevoegingen_s: float, baten_totaal: float) -> float:
    """Structurele exploitatieruimte ((B − A) + (D − C)) / E as a fraction: structural
    baten B and lasten A, structural withdrawals D from and additions C to reserves,
    total baten E."""
    if baten_totaal == 0:
        raise InvoerFout("totale baten zijn nul; de structurele exploitatieruimte is niet te berekenen")
    return ((baten_s - lasten_s) + (onttrekkingen_s - toevoegingen_s)) / baten_totaal
