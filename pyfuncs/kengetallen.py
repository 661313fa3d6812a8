"""BBV kengetallen and the signaalwaarden of the provincial toezicht (docs/bbv.md,
"Kengetallen" and "Signaalwaarden").

The ratios are fractions (0.25 = 25%). The debt and solvency ratios are computed
exactly (fractions of whole cents) so that their category does not depend on
floating-point noise; they are returned as floats.
"""

import operator
from dataclasses import dataclass
from fractions import Fraction

from pyfuncs.balans import Balans
from pyfuncs.fouten import InvoerFout, unknown_choice


def structural_room(baten_s: float, lasten_s: float, onttrekkingen_s: float,
                    toevoegingen_s: float, baten_totaal: float) -> float:
    """Structurele exploitatieruimte ((B − A) + (D − C)) / E as a fraction: structural
    baten B and lasten A, structural withdrawals D from and additions C to reserves,
    total baten E."""
    if baten_totaal == 0:
        raise InvoerFout("totale baten zijn nul; de structurele exploitatieruimte is niet te berekenen")
    return ((baten_s - lasten_s) + (onttrekkingen_s - toevoegingen_s)) / baten_totaal


def _exact(teller, noemer, wat: str) -> Fraction:
    """teller / noemer as an exact fraction; a zero noemer is refused."""
    if noemer == 0:
        raise InvoerFout(f"{wat}: de noemer is nul; het kengetal is niet te berekenen")
    return Fraction(teller) / Fraction(noemer)


def net_debt(balans: Balans, gecorrigeerd: bool = False) -> int:
    """A + B + C − D − E − F − G of the netto schuldquote (cents): vaste schulden,
    netto vlottende schulden and overlopende passiva, minus financiële activa (the
    uitzettingen ≥ 1 jaar; with gecorrigeerd also all verstrekte leningen),
    uitzettingen < 1 jaar, liquide middelen and overlopende activa."""
    financieel = balans.langlopende_uitzettingen + (balans.verstrekte_leningen if gecorrigeerd else 0)
    return (balans.vaste_schulden + balans.vlottende_schulden + balans.overlopende_passiva
            - financieel - balans.uitzettingen_korter_dan_een_jaar - balans.liquide_middelen
            - balans.overlopende_activa)


def exact_net_debt_ratio(balans: Balans, baten: int, gecorrigeerd: bool = False) -> Fraction:
    """The netto schuldquote (A + B + C − D − E − F − G) / H as an exact fraction, H the
    totale baten exclusief mutaties reserves (cents)."""
    return _exact(net_debt(balans, gecorrigeerd), baten, "netto schuldquote")


def exact_solvency_ratio(balans: Balans) -> Fraction:
    """The solvabiliteitsratio eigen vermogen / balanstotaal as an exact fraction."""
    return _exact(balans.eigen_vermogen, balans.passiva, "solvabiliteitsratio")


@dataclass(frozen=True)
class Kengetallen:
    """The four kengetallen that apply to a GR, as fractions (0.25 = 25%)."""

    netto_schuldquote: float
    netto_schuldquote_gecorrigeerd: float
    solvabiliteitsratio: float
    structurele_exploitatieruimte: float


def compute_ratios(balans: Balans, baten: int, structureel: float) -> Kengetallen:
    """The four kengetallen of a year from its closing balans, its totale baten
    exclusief mutaties reserves (cents) and its structurele exploitatieruimte."""
    return Kengetallen(
        netto_schuldquote=float(exact_net_debt_ratio(balans, baten)),
        netto_schuldquote_gecorrigeerd=float(exact_net_debt_ratio(balans, baten, gecorrigeerd=True)),
        solvabiliteitsratio=float(exact_solvency_ratio(balans)),
        structurele_exploitatieruimte=structureel,
    )


@dataclass(frozen=True)
class Signaalwaarde:
    """The bounds of the categories A (least risk) to C (most risk) of one kengetal.

    Attributes:
        richting: "laag" when a low value is good (A below grens_a), "hoog" when a high
            value is good (A above grens_a).
        grens_a: the bound beyond which the value is A (exclusive).
        grens_c: the bound beyond which the value is C (exclusive); between both, B.
    """

    richting: str
    grens_a: Fraction
    grens_c: Fraction


# Provincial signaalwaarden (docs/bbv.md, "Signaalwaarden"); B includes both bounds.
SIGNAALWAARDEN = {
    "netto_schuldquote": Signaalwaarde("laag", Fraction(90, 100), Fraction(130, 100)),
    "netto_schuldquote_gecorrigeerd": Signaalwaarde("laag", Fraction(90, 100), Fraction(130, 100)),
    "solvabiliteitsratio": Signaalwaarde("hoog", Fraction(50, 100), Fraction(20, 100)),
    "structurele_exploitatieruimte": Signaalwaarde("hoog", Fraction(0), Fraction(0)),
}

# richting → (test for A against grens_a, test for C against grens_c)
RICHTINGEN = {"laag": (operator.lt, operator.gt), "hoog": (operator.gt, operator.lt)}


def classify(kengetal: str, waarde) -> str:
    """The signaalwaarde category "A", "B" or "C" of a kengetal's value (a fraction;
    pass an exact Fraction to avoid rounding at a bound)."""
    if kengetal not in SIGNAALWAARDEN:
        raise unknown_choice("kengetal", kengetal, tuple(SIGNAALWAARDEN))
    grenzen = SIGNAALWAARDEN[kengetal]
    is_a, is_c = RICHTINGEN[grenzen.richting]
    exact = Fraction(waarde)
    return "A" if is_a(exact, grenzen.grens_a) else "C" if is_c(exact, grenzen.grens_c) else "B"


def classify_ratios(balans: Balans, baten: int, structureel: float) -> dict[str, str]:
    """The category of each of the four kengetallen, from the exact ratios."""
    exact = {
        "netto_schuldquote": exact_net_debt_ratio(balans, baten),
        "netto_schuldquote_gecorrigeerd": exact_net_debt_ratio(balans, baten, gecorrigeerd=True),
        "solvabiliteitsratio": exact_solvency_ratio(balans),
        "structurele_exploitatieruimte": Fraction(structureel),
    }
    return {name: classify(name, value) for name, value in exact.items()}
