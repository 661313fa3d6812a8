"""Projections of beschut werk and the other products: a start, an outflow rate and an
inflow rule, registered in one table (INSTROOMREGELS) beside its Excel formula.

Same timing as pyfuncs.doelgroep: the volume of a year is the headcount on 1 January;
outflow ROUND(begin × uitstroom; 2) and the inflow happen on 31 December, so
eind = begin − overig + instroom is next year's volume.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from pyfuncs.afronding import from_cents
from pyfuncs.doelgroep import (
    Jaarstand,
    check_count,
    check_rate,
    check_years,
    hundredths,
    stand_from_hundredths,
)
from pyfuncs.fouten import InvoerFout, unknown_choice


@dataclass(frozen=True)
class Productprognose:
    """The assumptions of one product's projection (personen, per year).

    start: personen on 1 January of the first year (= its volume).
    uitstroom: outflow rate per year, a fraction 0–1.
    regel: the inflow rule, a key of INSTROOMREGELS: "vast" (instroom per year),
        "maximum" (up to doel, at most max_instroom per year) or "lineair" (doel reached
        in doeljaar along a straight line from start).
    instroom: personen entering per year ("vast").
    doel: target volume, e.g. the taakstelling beschut ("maximum", "lineair").
    max_instroom: most personen entering in one year ("maximum").
    doeljaar: the year the target is reached ("lineair").
    fte_per_persoon: fte per person (beschut: 0.8).
    """

    start: float
    uitstroom: float = 0.0
    regel: str = "vast"
    instroom: float = 0.0
    doel: float = 0.0
    max_instroom: float = 0.0
    doeljaar: int = 0
    fte_per_persoon: float = 1.0


def inflow_fixed(p: Productprognose, eerste_jaar: int, jaar: int, na_uitstroom: float) -> float:
    """vast: ROUND(instroom; 2) every year."""
    return from_cents(hundredths(p.instroom))


def inflow_up_to_target(p: Productprognose, eerste_jaar: int, jaar: int, na_uitstroom: float) -> float:
    """maximum: ROUND(MAX(0; MIN(max_instroom; doel − na_uitstroom)); 2)."""
    return from_cents(hundredths(max(0.0, min(p.max_instroom, p.doel - na_uitstroom))))


def inflow_linear(p: Productprognose, eerste_jaar: int, jaar: int, na_uitstroom: float) -> float:
    """lineair: up to the straight line from start (first year) to doel (doeljaar),
    for next year's volume: ROUND(MAX(0; start + (doel − start) ×
    MIN(1; (jaar + 1 − eerste_jaar) / (doeljaar − eerste_jaar)) − na_uitstroom); 2)."""
    line = p.start + (p.doel - p.start) * min(1.0, (jaar + 1 - eerste_jaar) / (p.doeljaar - eerste_jaar))
    return from_cents(hundredths(max(0.0, line - na_uitstroom)))


InstroomRegel = Callable[[Productprognose, int, int, float], float]
INSTROOMREGELS: dict[str, InstroomRegel] = {
    "vast": inflow_fixed,
    "maximum": inflow_up_to_target,
    "lineair": inflow_linear,
}


def check_product(p: Productprognose, eerste_jaar: int) -> None:
    """Refuse an unknown rule, a rate outside 0–1 or a negative inflow, target or start."""
    if p.regel not in INSTROOMREGELS:
        raise unknown_choice("regel", p.regel, tuple(INSTROOMREGELS))
    check_rate(p.uitstroom, "uitstroom")
    check_count(p.start, "start")
    for name in ("instroom", "doel", "max_instroom", "fte_per_persoon"):
        if getattr(p, name) < 0:
            raise InvoerFout(f"{name} mag niet negatief zijn ({getattr(p, name)})")
    if p.regel == "lineair" and p.doeljaar <= eerste_jaar:
        raise InvoerFout(f"doeljaar {p.doeljaar} moet na het eerste jaar {eerste_jaar} liggen")


def project_product(p: Productprognose, jaren: Sequence[int]) -> tuple[Jaarstand, ...]:
    """A product's Jaarstand per year: begin = the volume, overig = ROUND(begin ×
    uitstroom; 2), instroom by its rule, eind = begin − overig + instroom."""
    years = check_years(jaren)
    check_product(p, years[0])
    rule, begin, result = INSTROOMREGELS[p.regel], hundredths(p.start), []
    for year in years:
        overig = hundredths(from_cents(begin) * p.uitstroom)
        instroom = hundredths(rule(p, years[0], year, from_cents(begin - overig)))
        result.append(stand_from_hundredths(year, begin, 0, overig, instroom, begin, p.fte_per_persoon))
        begin += instroom - overig
    return tuple(result)
