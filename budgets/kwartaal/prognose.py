"""What the prognosed result of the year means for the reserve and the gemeenten: the
begroting's own saldo rule (pyfuncs.verdeling.split_saldo with the begroting's reserve and
verdeelsleutel) applied to the saldo of the begroting na wijziging and to the prognose."""

from dataclasses import dataclass

from budgets.kwartaal.model import Kwartaalrapport, Rij
from budgets.spec.resultaten import compute
from pyfuncs.afronding import excel_round
from pyfuncs.verdeling import split_saldo

GROOTSTE = 6  # afwijkingen shown on the Samenvatting


@dataclass(frozen=True)
class GemeenteEffect:
    """One gemeente: + bijbetalen, − terugontvangen (EUR), by the begroting na wijziging
    and by the prognose."""

    gemeente: str
    begroot: float
    prognose: float


@dataclass(frozen=True)
class Prognose:
    """The year's saldo (baten − lasten, EUR; − is a tekort) by the begroting na wijziging
    and by the prognose, the reserve at the start of the year and its mutation in both."""

    saldo_begroot: float
    saldo_prognose: float
    reserve_begin: float
    mutatie_begroot: float
    mutatie_prognose: float
    per_gemeente: tuple[GemeenteEffect, ...]

    @property
    def verschil(self) -> float:
        return excel_round(self.saldo_prognose - self.saldo_begroot, 2)


def project(rapport: Kwartaalrapport) -> Prognose:
    """The prognose of the year through the begroting's saldo rule."""
    spec, jaar = rapport.basis.begroting, rapport.basis.jaar
    saldo = next(r for r in rapport.rijen if r.sleutel == "totaal|saldo")
    results = compute(spec)
    keys = spec.aandelen(spec.reserve.verdeelsleutel, jaar)
    begin = results.reserve_begin[jaar]

    def split(amount: float):
        return split_saldo(excel_round(amount, 2), keys, begin, results.reserve_minimum,
                           results.reserve_maximum[jaar])

    begroot, prognose = split(saldo.na_wijziging), split(saldo.prognose)
    effects = tuple(GemeenteEffect(g, b, p) for g, b, p in
                    zip(spec.gemeenten, begroot.gemeenten, prognose.gemeenten, strict=True))
    return Prognose(excel_round(saldo.na_wijziging, 2), excel_round(saldo.prognose, 2), begin,
                    begroot.reserve_mutatie, prognose.reserve_mutatie, effects)


def largest(rapport: Kwartaalrapport, n: int = GROOTSTE) -> list[Rij]:
    """The detail rows (product × gemeente, exploitatie lines) with the largest variance to
    date; rows that require a toelichting first."""
    detail = [r for r in rapport.rijen if r.niveau in ("product", "regel") and r.afwijking.verschil]
    return sorted(detail, key=lambda r: (not r.toelichten, -abs(r.afwijking.verschil)))[:n]
