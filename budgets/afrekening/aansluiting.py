"""The aansluiting of the year: from the primitieve begroting's saldo through the
wijzigingen, the realisatie and the afrekening of the bijdragen to the afrekening saldo,
and from there through the reserve to what the gemeenten bear. Every step is an amount
(EUR, to the cent; + improves the saldo) with its cause; the steps add up exactly."""

from dataclasses import dataclass

from budgets.afrekening.model import Afrekening, cents_sum
from budgets.pc.wijzigingen import amounts_per_wijziging


@dataclass(frozen=True)
class Stap:
    """One step: fase (begroting, wijziging, realisatie, afrekening, reserve), the cause
    in words (volume, prijs, doorbelasting, reserve, ...), its amount and the saldo after."""

    fase: str
    omschrijving: str
    oorzaak: str
    bedrag: float
    saldo_na: float


def _sign(soort: str) -> int:
    return 1 if soort == "baten" else -1


def _changes(a: Afrekening) -> list[tuple[str, str, float]]:
    basis = a.basis
    fed = [(p.product, p.gemeente, p.kostprijs) for p in basis.producten]
    steps = []
    for w in basis.wijzigingen:
        amount = 0.0
        for r in basis.regels:
            for _, value in amounts_per_wijziging((w,), r.naam, fed if r.bron == "bijdragen" else []):
                amount += _sign(r.soort) * value
        steps.append((f"Begrotingswijziging {w.nummer}: {w.omschrijving or w.besluit}",
                      "wijziging", amount))
    return steps


def _realisation(a: Afrekening) -> list[tuple[str, str, float]]:
    steps = []
    for r in a.regels:
        diff = cents_sum([r.realisatie, -(r.primitief + r.wijziging)])
        word = "hoger" if diff > 0 else "lager"
        cause = "prijs en kosten" if r.soort == "lasten" else "opbrengsten"
        steps.append((f"{r.naam}: realisatie {word} dan begroot", cause, _sign(r.soort) * diff))
    return steps


def _settlement(a: Afrekening) -> list[tuple[str, str, float]]:
    volume = cents_sum(p.bedrag - p.begroot_bedrag for g in a.gemeenten for p in g.producten)
    passed = cents_sum(d.werkelijk - d.begroot for g in a.gemeenten for d in g.doorbelastingen)
    budgeted = cents_sum(p.begroot_bedrag for g in a.gemeenten for p in g.producten) + \
        cents_sum(d.begroot for g in a.gemeenten for d in g.doorbelastingen)
    booked = cents_sum([*(r.bijdragen * _sign(r.soort) for r in a.regels if r.telt_mee),
                        *(r.realisatie * _sign(r.soort) for r in a.regels if not r.telt_mee)])
    return [
        ("Producten afgerekend op volume × normprijs (afrekenregel) in plaats van begroot", "volume",
         volume),
        ("Doorbelastingen tegen werkelijke in plaats van begrote kosten", "doorbelasting", passed),
        ("Begrote bijdragen min de in de boeken verwerkte bijdragen en voorschotten",
         "bijdragen", cents_sum([budgeted, -booked])),
    ]


def reconcile(a: Afrekening) -> list[Stap]:
    """The steps from the primitieve begroting to what the gemeenten bear."""
    start = cents_sum(_sign(r.soort) * r.primitief for r in a.regels)
    steps = [Stap("begroting", "Saldo primitieve begroting", "", start, start)]
    saldo = start
    for fase, items in (("wijziging", _changes(a)), ("realisatie", _realisation(a)),
                        ("afrekening", _settlement(a))):
        for text, cause, amount in items:
            saldo = cents_sum([saldo, amount])
            steps.append(Stap(fase, text, cause, cents_sum([amount]), saldo))
    mutatie = a.verdeling.reserve_mutatie
    saldo = cents_sum([saldo, -mutatie])
    steps.append(Stap("reserve", "Mutatie van de reserve (onttrekking vangt een tekort op)",
                      "reserve", -mutatie, saldo))
    return steps


def milestones(a: Afrekening, steps: list[Stap]) -> dict:
    """The saldo after each phase (EUR)."""
    after = {}
    for s in steps:
        after[s.fase] = s.saldo_na
    return {"primitieve_begroting": steps[0].saldo_na,
            "begroting_na_wijziging": after.get("wijziging", steps[0].saldo_na),
            "realisatie": after.get("realisatie"), "afrekening": after.get("afrekening"),
            "door_gemeenten_te_dragen": after.get("reserve"),
            "afrekening_saldo_volgens_afrekening": a.saldo}
