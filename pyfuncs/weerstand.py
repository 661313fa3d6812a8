"""Weerstandsvermogen: the ratio, its class on the NAR scale, and the Monte Carlo
simulation of the risk register."""

import numpy as np

from pyfuncs.afronding import excel_round
from pyfuncs.fouten import InvoerFout

# (lower bound, class, description), from high to low: the NAR scale.
KLASSEN = (
    (2.0, "A", "uitstekend"),
    (1.4, "B", "ruim voldoende"),
    (1.0, "C", "voldoende"),
    (0.8, "D", "matig"),
    (0.6, "E", "onvoldoende"),
    (float("-inf"), "F", "ruim onvoldoende"),
)


def ratio(beschikbaar: float, benodigd: float) -> float:
    """Beschikbare / benodigde weerstandscapaciteit."""
    if benodigd <= 0:
        raise InvoerFout("benodigd moet groter dan nul zijn")
    return beschikbaar / benodigd


def klasse(waarde: float, omschrijving: bool = False) -> str:
    """The class A–F of a ratio, optionally with its description ("C – voldoende")."""
    for bound, letter, text in KLASSEN:
        if waarde >= bound:
            return f"{letter} – {text}" if omschrijving else letter
    raise AssertionError("unreachable: the last bound is -inf")


def check_risks(kansen, minima, maxima) -> None:
    """Refuse a kans outside 0–1, a negative impact or min > max (rows counted from 1)."""
    for row, (kans, low, high) in enumerate(zip(kansen, minima, maxima, strict=True), start=1):
        if not 0 <= kans <= 1:
            raise InvoerFout(f"kans {kans} ligt niet tussen 0 en 1 (rij {row})")
        if low < 0:
            raise InvoerFout(f"impact is negatief (rij {row})")
        if low > high:
            raise InvoerFout(f"minimum {low} is groter dan maximum {high} (rij {row})")


def simulate_risks(kansen, minima, maxima, zekerheid: float = 0.9, trekkingen: int = 10000,
                   startwaarde: int = 1) -> float:
    """Benodigde weerstandscapaciteit (EUR, in cents): the zekerheid quantile of the
    simulated yearly total, each risk occurring independently with its kans and, when it
    occurs, costing a uniform amount between its minimum and maximum."""
    kansen, minima, maxima = (np.asarray(a, dtype=float).ravel() for a in (kansen, minima, maxima))
    check_risks(kansen, minima, maxima)
    if not 0 < zekerheid < 1:
        raise InvoerFout(f"zekerheid {zekerheid} moet tussen 0 en 1 liggen")
    if trekkingen < 1 or trekkingen != int(trekkingen):
        raise InvoerFout("trekkingen moet een positief geheel getal zijn")
    if startwaarde < 0 or startwaarde != int(startwaarde):
        raise InvoerFout("startwaarde moet een geheel getal van 0 of meer zijn")
    rng = np.random.default_rng(int(startwaarde))
    totals = np.zeros(int(trekkingen))
    for kans, low, high in zip(kansen, minima, maxima, strict=True):
        occurs = rng.random(totals.size) < kans
        totals += occurs * (low + (high - low) * rng.random(totals.size))
    return excel_round(float(np.quantile(totals, zekerheid)), 2)


def simulate_risks_per_year(kansen, minima, maxima, risicojaren, jaren, zekerheid: float = 0.9,
                            trekkingen: int = 10000, startwaarde: int = 1) -> dict:
    """Benodigde weerstandscapaciteit per year (EUR, in cents): for each year the
    simulation of `simulate_risks` over the risks that apply in that year, with the same
    zekerheid, trekkingen and startwaarde. risicojaren gives per risk the years it applies
    in (an empty collection: every year). A year without risks needs nothing (0.0)."""
    if not len(kansen) == len(minima) == len(maxima) == len(risicojaren):
        raise InvoerFout("kansen, minima, maxima en jaren zijn niet even lang")
    result: dict = {}
    simulated: dict = {(): 0.0}  # years with the same risks share one simulation
    for jaar in jaren:
        rows = tuple(i for i, given in enumerate(risicojaren) if not given or jaar in given)
        if rows not in simulated:
            simulated[rows] = simulate_risks([kansen[i] for i in rows], [minima[i] for i in rows],
                                             [maxima[i] for i in rows], zekerheid, trekkingen, startwaarde)
        result[jaar] = simulated[rows]
    return result
