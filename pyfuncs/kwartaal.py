"""Quarterly checks: budget to date, variances with toelichting thresholds, the volume and
price effects, and the year-end forecast."""

from dataclasses import dataclass

from pyfuncs.afronding import from_cents, to_cents, to_decimal
from pyfuncs.fouten import InvoerFout, unknown_choice

SOORTEN = ("lasten", "baten")
COMBINATIES = ("en", "of")
METHODES = ("lineair", "begroting")


def check_quarter(kwartaal: float) -> int:
    """The quarter as 1–4, or a Dutch refusal."""
    if kwartaal not in (1, 2, 3, 4):
        raise InvoerFout(f"kwartaal {kwartaal} moet 1, 2, 3 of 4 zijn")
    return int(kwartaal)


def budget_to_date(jaarbedrag: float, kwartaal: int, profiel=None) -> float:
    """The part of a year's budget after quarter 1–4: equal quarters or four weights."""
    quarter = check_quarter(kwartaal)
    weights = [1.0] * 4 if profiel is None else [float(w) for w in profiel]
    if len(weights) != 4:
        raise InvoerFout(f"profiel moet vier gewichten hebben, niet {len(weights)}")
    if any(w < 0 for w in weights) or sum(weights) == 0:
        raise InvoerFout("profiel moet niet-negatieve gewichten hebben die niet allemaal nul zijn")
    return jaarbedrag * sum(weights[:quarter]) / sum(weights)


@dataclass(frozen=True)
class Afwijking:
    """One variance row.

    verschil: realisatie − begroot (EUR); percentage: verschil / |begroot| (None when
    begroot is 0); oordeel: "V" (voordeel), "N" (nadeel) or "" (no variance);
    toelichten: the threshold rule asks for a toelichting.
    """

    verschil: float
    percentage: float | None
    oordeel: str
    toelichten: bool


def judge(verschil: float, soort: str) -> str:
    """V or N: for lasten a higher realisation is a nadeel, for baten a voordeel."""
    if soort not in SOORTEN:
        raise unknown_choice("soort", soort, SOORTEN)
    if verschil == 0:
        return ""
    return "N" if (verschil > 0) == (soort == "lasten") else "V"


def needs_toelichting(verschil: float, percentage: float | None, drempel_bedrag: float,
                      drempel_pct: float, combinatie: str = "en") -> bool:
    """Whether a variance exceeds the thresholds (strictly): both (en) or either (of).
    With begroot 0 any variance exceeds every percentage."""
    if combinatie not in COMBINATIES:
        raise unknown_choice("combinatie", combinatie, COMBINATIES)
    if drempel_bedrag < 0 or drempel_pct < 0:
        raise InvoerFout("een drempel mag niet negatief zijn")
    over_amount = abs(verschil) > drempel_bedrag
    over_pct = verschil != 0 if percentage is None else abs(percentage) > drempel_pct
    return (over_amount and over_pct) if combinatie == "en" else (over_amount or over_pct)


def variance(begroot: float, realisatie: float, soort: str = "lasten", drempel_bedrag: float = 0,
             drempel_pct: float = 0, combinatie: str = "en") -> Afwijking:
    """Compare a realisation with its budget (EUR; drempel_pct as a fraction, 0.05 = 5%)."""
    verschil = float(to_decimal(realisatie) - to_decimal(begroot))
    percentage = None if begroot == 0 else verschil / abs(begroot)
    return Afwijking(verschil, percentage, judge(verschil, soort),
                     needs_toelichting(verschil, percentage, drempel_bedrag, drempel_pct, combinatie))


def exceeds_budget(prognose: float, begroting: float, soort: str = "lasten") -> bool:
    """Begrotingsrechtmatigheid: lasten whose year-end prognose (at Q4 the realisatie) is
    above the begroting na wijziging, compared in cents. Like with like: a year against a
    year, never a part-year realisatie against the annual budget. A net cost below zero
    (an operationeel resultaat) is exceeded when the prognose is higher (less negative).
    Baten are never an overschrijding; an overschrijding is always a nadeel."""
    if soort not in SOORTEN:
        raise unknown_choice("soort", soort, SOORTEN)
    return soort == "lasten" and to_cents(prognose) > to_cents(begroting)


def volume_price_effect(begroot_volume: float, normprijs: float, werkelijk_volume: float,
                        werkelijke_kosten: float) -> tuple[float, float]:
    """Split a variance in cents: volume effect = (werkelijk − begroot volume) × normprijs;
    price effect = werkelijke kosten − werkelijk volume × normprijs. Together they are
    exactly werkelijke kosten − begroot volume × normprijs, rounded to cents."""
    volume_c = to_cents((werkelijk_volume - begroot_volume) * normprijs)
    whole_c = to_cents(float(to_decimal(werkelijke_kosten) - to_decimal(begroot_volume * normprijs)))
    return from_cents(volume_c), from_cents(whole_c - volume_c)


def forecast(realisatie_tm: float, kwartaal: int, jaarbegroting: float,
             methode: str = "lineair") -> float:
    """Year-end forecast: lineair = realisatie × 4 / kwartaal; begroting = realisatie plus
    the rest of the year on budget (equal quarters)."""
    quarter = check_quarter(kwartaal)
    if methode == "lineair":
        return realisatie_tm * 4 / quarter
    if methode == "begroting":
        return realisatie_tm + jaarbegroting * (4 - quarter) / 4
    raise unknown_choice("methode", methode, METHODES)


