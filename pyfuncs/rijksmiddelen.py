"""Rijksmiddelen against the bijdrage: what each gemeente pays from its own algemene
middelen for the GR's tasks (handreiking §2.2.8: "is het saldo financierbaar vanuit de
rijksmiddelen?"). Amounts in EUR, computed in whole cents."""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from pyfuncs.afronding import excel_round, from_cents, to_cents
from pyfuncs.fouten import InvoerFout


@dataclass(frozen=True)
class EigenMiddelen:
    """One gemeente (or "Totaal") in one year, amounts in EUR (whole cents).

    bijdrage: its total bijdrage to the GR (products, doorbelastingen, share in the saldo).
    rijksmiddelen: what it receives from the Rijk for these tasks (Wsw part of the
        integratie-uitkering Participatie, BUIG for LKS, re-integratie budget ...).
    eigen_middelen: bijdrage − rijksmiddelen; + paid from its own algemene middelen,
        − rijksmiddelen left for other purposes.
    inwoners: number of inhabitants.
    per_inwoner: ROUND(eigen_middelen / inwoners; 2), EUR per inwoner.
    """

    gemeente: str
    jaar: int
    bijdrage: float
    rijksmiddelen: float
    eigen_middelen: float
    inwoners: int
    per_inwoner: float


def per_inhabitant(bedrag: float, inwoners: int) -> float:
    """EUR per inwoner, ROUND(bedrag / inwoners; 2); inwoners must be positive."""
    if inwoners <= 0:
        raise InvoerFout(f"inwoners moet groter dan nul zijn ({inwoners})")
    return excel_round(bedrag / inwoners, 2)


def compare_to_rijksmiddelen(gemeente: str, jaar: int, bijdrage: float,
                             rijksmiddelen: Mapping[str, float], inwoners: int) -> EigenMiddelen:
    """The eigen middelen of one gemeente in one year.

    Args:
        bijdrage: its total bijdrage to the GR (EUR).
        rijksmiddelen: the rijksmiddelen by kind (EUR), e.g. {"Wsw": ..., "BUIG LKS": ...};
            each is rounded to cents, then they are added.
        inwoners: inhabitants (positive).
    """
    bijdrage_c = to_cents(bijdrage)
    rijks_c = sum(to_cents(amount) for amount in rijksmiddelen.values())
    eigen = from_cents(bijdrage_c - rijks_c)
    return EigenMiddelen(gemeente, jaar, from_cents(bijdrage_c), from_cents(rijks_c), eigen, int(inwoners),
                         per_inhabitant(eigen, inwoners))


def compare_all(bijdragen: Mapping[str, Mapping[int, float]],
                rijksmiddelen: Mapping[str, Mapping[int, Mapping[str, float]]],
                inwoners: Mapping[str, int]) -> tuple[EigenMiddelen, ...]:
    """Every gemeente of `bijdragen` in every year it names, in that order; a gemeente
    or year without rijksmiddelen counts 0, rijksmiddelen for a gemeente or year without a
    bijdrage are refused (a misspelt name must not vanish)."""
    for gemeente, per_year in rijksmiddelen.items():
        if gemeente not in bijdragen:
            raise InvoerFout(f"rijksmiddelen voor onbekende gemeente '{gemeente}'")
        unknown = sorted(set(per_year) - set(bijdragen[gemeente]))
        if unknown:
            raise InvoerFout(f"rijksmiddelen van {gemeente} voor {unknown[0]}, een jaar zonder bijdrage")
    missing = [g for g in bijdragen if g not in inwoners]
    if missing:
        raise InvoerFout(f"geen inwonertal voor {missing[0]}")
    return tuple(
        compare_to_rijksmiddelen(g, year, amount, rijksmiddelen.get(g, {}).get(year, {}), inwoners[g])
        for g, per_year in bijdragen.items() for year, amount in per_year.items())


def add_up_own_means(rijen: Sequence[EigenMiddelen], naam: str = "Totaal") -> tuple[EigenMiddelen, ...]:
    """The total per year, in the order the years first appear: the sums of the
    gemeenten's cents, per inwoner on the total inhabitants (not a sum of ratios)."""
    years = list(dict.fromkeys(row.jaar for row in rijen))
    totals = []
    for year in years:
        rows = [row for row in rijen if row.jaar == year]
        bijdrage, rijks = (sum(to_cents(getattr(r, f)) for r in rows) for f in ("bijdrage", "rijksmiddelen"))
        inhabitants = sum(row.inwoners for row in rows)
        eigen = from_cents(bijdrage - rijks)
        totals.append(EigenMiddelen(naam, year, from_cents(bijdrage), from_cents(rijks), eigen, inhabitants,
                                    per_inhabitant(eigen, inhabitants)))
    return tuple(totals)
