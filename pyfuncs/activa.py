"""Investments in vaste activa: the afschrijvingen and kapitaallasten of each one,
year by year, in whole cents (docs/bbv.md, "Investeringen en kapitaallasten").

Every amount here is in whole euro cents (int). An afschrijving schedule always adds
up to the investment to the cent; the rente is the omslagrente charged on the book
value at the start of each year.
"""

from dataclasses import dataclass

from pyfuncs.afronding import excel_round, to_cents
from pyfuncs.financieel import capital_charges
from pyfuncs.fouten import InvoerFout, unknown_choice

METHODES = ("lineair", "annuitair")


@dataclass(frozen=True)
class Investering:
    """One investment in a (im)materieel vast actief.

    Attributes:
        jaar: the year the money is spent (the actief enters the balans at 31 December).
        bedrag: the investment, in cents (≥ 0).
        termijn: the afschrijvingstermijn in whole years (≥ 1).
        methode: "lineair" (equal afschrijvingen) or "annuitair" (equal kapitaallasten).
        rente: the omslagrente as a fraction per year (0.02 = 2%).
        start: years between spending and the first afschrijving; 1 (the year after
            the investment) is the common choice of a nota activabeleid, 0 starts at once.
    """

    jaar: int
    bedrag: int
    termijn: int
    methode: str = "lineair"
    rente: float = 0.0
    start: int = 1


@dataclass(frozen=True)
class Kapitaallast:
    """The charges of one investment in one year (all in cents).

    Attributes:
        jaar: the calendar year.
        boekwaarde_begin: the book value on 1 January.
        afschrijving: the depreciation of the year.
        rente: the omslagrente on the opening book value.
        boekwaarde_eind: the book value on 31 December.
    """

    jaar: int
    boekwaarde_begin: int
    afschrijving: int
    rente: int
    boekwaarde_eind: int

    @property
    def kapitaallasten(self) -> int:
        """Afschrijving plus rente: what the exploitatie carries (cents)."""
        return self.afschrijving + self.rente


def check_investment(inv: Investering) -> None:
    """Refuse a negative amount, a termijn below one year or an unknown methode."""
    if inv.bedrag < 0:
        raise InvoerFout(f"investering {inv.jaar}: bedrag mag niet negatief zijn")
    if inv.termijn < 1 or inv.termijn != int(inv.termijn):
        raise InvoerFout(f"investering {inv.jaar}: afschrijvingstermijn moet een positief "
                         "geheel aantal jaren zijn")
    if inv.methode not in METHODES:
        raise unknown_choice("methode", inv.methode, METHODES)
    if inv.start < 0:
        raise InvoerFout(f"investering {inv.jaar}: start mag niet negatief zijn")


def _cumulative_euros(inv: Investering) -> list[float]:
    """Cumulative afschrijving (EUR) after each year of the termijn, from the
    kapitaallasten of pyfuncs.financieel: afschrijving = kapitaallast − rente × boekwaarde."""
    euros = inv.bedrag / 100
    charges = capital_charges(euros, inv.rente, inv.termijn, inv.methode)
    cumulative, book = [], euros
    for charge in charges:
        book -= charge - inv.rente * book
        cumulative.append(euros - book)
    return cumulative


def schedule_depreciation(inv: Investering) -> tuple[int, ...]:
    """The afschrijvingen (cents) over the termijn, adding up to the investment exactly.

    Each year's amount is the difference of the cumulative afschrijving rounded to
    cents (Excel's ROUND), the last year closing to the full amount (docs/bbv.md,
    "Investeringen en kapitaallasten").
    """
    check_investment(inv)
    rounded = [to_cents(value) for value in _cumulative_euros(inv)]
    rounded[-1] = inv.bedrag
    return tuple(now - before for before, now in zip([0, *rounded[:-1]], rounded, strict=True))


def compute_charges(inv: Investering) -> tuple[Kapitaallast, ...]:
    """Year by year: opening book value, afschrijving, rente and closing book value.

    The first row is the year jaar + start; the rente is ROUND(rente × boekwaarde_begin)
    in cents. Years between spending and the first afschrijving carry no charges.
    """
    rows, book = [], inv.bedrag
    for offset, afschrijving in enumerate(schedule_depreciation(inv)):
        rente = int(excel_round(inv.rente * book))
        jaar = inv.jaar + inv.start + offset
        rows.append(Kapitaallast(jaar, book, afschrijving, rente, book - afschrijving))
        book -= afschrijving
    return tuple(rows)


def total_by_year(investeringen, jaren, veld: str = "afschrijving") -> tuple[int, ...]:
    """One field of Kapitaallast ("afschrijving", "rente" or "kapitaallasten") summed
    over all investments, for each of jaren (cents)."""
    totals = dict.fromkeys(jaren, 0)
    for inv in investeringen:
        for row in compute_charges(inv):
            if row.jaar in totals:
                totals[row.jaar] += getattr(row, veld)
    return tuple(totals[jaar] for jaar in jaren)


def invested_by_year(investeringen, jaren) -> tuple[int, ...]:
    """The amounts invested in each of jaren (cents)."""
    return tuple(sum(inv.bedrag for inv in investeringen if inv.jaar == jaar) for jaar in jaren)
