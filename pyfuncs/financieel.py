"""Financial functions of a begroting: indexation, present value and capital charges.

numpy_financial (and with it numpy) is imported where it is used: a begroting without
annuities or present values is generated without it.
"""

from pyfuncs.fouten import InvoerFout, unknown_choice

KAPITAALLASTEN_METHODES = ("lineair", "annuitair")


def index_series(bedrag: float, percentages) -> list[float]:
    """bedrag × (1+p1), bedrag × (1+p1)(1+p2), … (percentages as fractions, 0.02 = 2%)."""
    series, factor = [], 1.0
    for p in percentages:
        if p <= -1:
            raise InvoerFout(f"een indexpercentage van {p:.0%} of lager kan niet (-100% maakt alles nul)")
        factor *= 1 + p
        series.append(bedrag * factor)
    return series


def present_value(rente: float, bedragen) -> float:
    """Excel's NPV: the first amount is discounted one full period."""
    if rente <= -1:
        raise InvoerFout("rente moet groter dan -100% zijn")
    import numpy_financial as npf

    return float(npf.npv(rente, [0.0, *bedragen]))


def capital_charges(investering: float, rente: float, looptijd: int,
                    methode: str = "lineair") -> list[float]:
    """Yearly capital charges (positive amounts, EUR): lineair = straight-line
    depreciation plus interest on the book value at the start of each year; annuitair =
    a constant annuity (Excel's −PMT)."""
    if looptijd < 1 or looptijd != int(looptijd):
        raise InvoerFout("looptijd moet een positief geheel aantal jaren zijn")
    if investering < 0:
        raise InvoerFout("investering mag niet negatief zijn")
    if rente <= -1:
        raise InvoerFout("rente moet groter dan -100% zijn")
    years = int(looptijd)
    if methode == "lineair":
        depreciation = investering / years
        return [depreciation + rente * (investering - depreciation * year) for year in range(years)]
    if methode == "annuitair":
        import numpy_financial as npf

        return [float(-npf.pmt(rente, years, investering))] * years
    raise unknown_choice("methode", methode, KAPITAALLASTEN_METHODES)
