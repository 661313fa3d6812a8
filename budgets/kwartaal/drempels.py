"""Toelichting thresholds (financiële verordening): presets and custom rules per level.

A rule is written as users say it: "> 5% tenzij < €15.000", "> €100.000", "> €25.000",
or custom: "€ 50.000 en 10%", "€ 50.000 of 10%", "10%". The core
(pyfuncs.kwartaal.needs_toelichting) applies it: a variance needs a toelichting when it
exceeds the amount and (en) / or (of) the percentage, strictly.
"""

import re
from dataclasses import dataclass

from pyfuncs.fouten import InvoerFout

NIVEAUS = ("regel", "product", "totaal")


@dataclass(frozen=True)
class Drempel:
    """A threshold: bedrag in EUR, pct as a fraction (0.05 = 5%), combinatie en/of."""

    bedrag: float
    pct: float
    combinatie: str
    tekst: str


PRESETS = {
    "> 5% tenzij < €15.000": Drempel(15000.0, 0.05, "en", "> 5% tenzij < €15.000"),
    "> €100.000": Drempel(100000.0, 0.0, "en", "> €100.000"),
    "> €25.000": Drempel(25000.0, 0.0, "en", "> €25.000"),
}
STANDAARD = {"regel": "> 5% tenzij < €15.000", "product": "> 5% tenzij < €15.000",
             "totaal": "> €100.000"}

_AMOUNT = re.compile(r"€\s*([\d.]+(?:,\d+)?)|([\d.]+(?:,\d+)?)\s*(?:euro|eur)\b")
_PCT = re.compile(r"(\d+(?:[.,]\d+)?)\s*%")
_WORD = re.compile(r"\b(en|of|tenzij)\b")


def _euro(text: str) -> float:
    return float(text.replace(".", "").replace(",", "."))


def parse_drempel(text: str, niveau: str = "regel") -> Drempel:
    """A threshold from its Dutch wording; refuses anything it cannot read fully."""
    if text is None or not str(text).strip():
        return parse_drempel(STANDAARD[niveau], niveau)
    wording = " ".join(str(text).split())
    normal = wording.replace("€ ", "€")
    for name, preset in PRESETS.items():
        if normal.replace(" ", "") == name.replace(" ", ""):
            return preset
    amounts = _AMOUNT.findall(normal)
    pcts = _PCT.findall(normal)
    words = _WORD.findall(normal.lower())
    if len(amounts) > 1 or len(pcts) > 1 or len(words) > 1 or not (amounts or pcts):
        raise InvoerFout(
            f"drempel {niveau} '{wording}' is onleesbaar; gebruik een voorinstelling "
            f"({'; '.join(PRESETS)}) of bijvoorbeeld '€ 50.000 en 10%' / '€ 50.000 of 10%'"
        )
    if amounts and pcts and not words:
        raise InvoerFout(f"drempel {niveau} '{wording}': zeg 'en' of 'of' tussen bedrag en %")
    bedrag = _euro(next(a for a in amounts[0] if a)) if amounts else 0.0
    pct = float(pcts[0].replace(",", ".")) / 100 if pcts else 0.0
    combinatie = "of" if words == ["of"] else "en"
    return Drempel(bedrag, pct, combinatie, wording)


def drempels(regel: str | None = None, product: str | None = None,
             totaal: str | None = None) -> dict[str, Drempel]:
    """The thresholds of the three levels (None: the default of that level)."""
    given = {"regel": regel, "product": product, "totaal": totaal}
    return {niveau: parse_drempel(given[niveau], niveau) for niveau in NIVEAUS}
