"""The two norms of the Wet financiering decentrale overheden (Wet fido): the
kasgeldlimiet and the renterisiconorm (docs/bbv.md, "Wet fido").

Amounts in whole euro cents; percentages as exact fractions.
"""

from dataclasses import dataclass
from fractions import Fraction

from pyfuncs.afronding import excel_round
from pyfuncs.fouten import InvoerFout, unknown_choice


@dataclass(frozen=True)
class FidoNorm:
    """The statutory percentage of the begrotingstotaal and the minimum amount.

    Attributes:
        percentage: fraction of the begrotingstotaal (0.082 = 8,2%).
        minimum: the floor of the norm, in cents.
        bron: where the figure comes from (docs/bbv.md).
    """

    percentage: Fraction
    minimum: int
    bron: str


# Kasgeldlimiet per kind of openbaar lichaam (Ufdo art. 2).
KASGELDLIMIET = {
    "gemeenschappelijke_regeling": FidoNorm(Fraction(82, 1000), 300_000_00, "Ufdo art. 2"),
    "gemeente": FidoNorm(Fraction(85, 1000), 300_000_00, "Ufdo art. 2"),
}
# Renterisiconorm: the same 20% for every kind; minimum € 2,5 mln (Ufdo art. 2).
RENTERISICONORM = {
    soort: FidoNorm(Fraction(20, 100), 2_500_000_00, "Wet fido art. 5, Ufdo art. 2")
    for soort in KASGELDLIMIET
}


def _norm(tabel: dict[str, FidoNorm], begrotingstotaal: int, soort: str) -> int:
    """max(ROUND(percentage × begrotingstotaal), minimum), in cents."""
    if soort not in tabel:
        raise unknown_choice("soort", soort, tuple(tabel))
    if begrotingstotaal < 0:
        raise InvoerFout("begrotingstotaal mag niet negatief zijn")
    norm = tabel[soort]
    return max(int(excel_round(float(norm.percentage * begrotingstotaal))), norm.minimum)


def compute_cash_limit(begrotingstotaal: int, soort: str = "gemeenschappelijke_regeling") -> int:
    """The kasgeldlimiet (cents): the statutory percentage of the begrotingstotaal at
    the start of the year (cents), at least the statutory minimum."""
    return _norm(KASGELDLIMIET, begrotingstotaal, soort)


def compute_interest_risk_norm(begrotingstotaal: int, soort: str = "gemeenschappelijke_regeling") -> int:
    """The renterisiconorm (cents): 20% of the begrotingstotaal (cents), at least the
    statutory minimum."""
    return _norm(RENTERISICONORM, begrotingstotaal, soort)


def compute_interest_risk(aflossingen: int, renteherzieningen: int = 0) -> int:
    """The renterisico on the vaste schuld (cents): the year's compulsory aflossingen
    plus the renteherzieningen on the vaste schuld."""
    if aflossingen < 0 or renteherzieningen < 0:
        raise InvoerFout("aflossingen en renteherzieningen mogen niet negatief zijn")
    return aflossingen + renteherzieningen


def measure_room(norm: int, gebruik: int) -> int:
    """Ruimte (+) or overschrijding (−) under a norm (cents)."""
    return norm - gebruik
