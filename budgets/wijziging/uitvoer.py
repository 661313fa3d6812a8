"""The voorstel for people (terminal lines) and for automation (JSON). Amounts in EUR."""

from pathlib import Path

from budgets.bestanden import json_text
from budgets.excel.formaten import euro_exact
from budgets.pc.voorstel import Voorstel


def table_lines(v: Voorstel) -> list[str]:
    """The saldo before and after, per gemeente what it pays more or less, the zienswijze."""
    w = v.wijziging
    lines = [f"Begrotingswijziging {w.nummer} van {v.regeling}, begroting {v.jaar}"
             + (f": {w.omschrijving}" if w.omschrijving else ""),
             f"Saldo van het jaar: {euro_exact(v.voor.saldo)} vóór, {euro_exact(v.na.saldo)} na "
             f"deze wijziging; mutatie reserve {euro_exact(v.na.mutatie)}"]
    width = max(len(g) for g in v.gemeenten)
    for g in v.per_gemeente:
        lines.append(f"  {g.gemeente.ljust(width)}  bijdrage {euro_exact(g.bijdrage_effect):>16}"
                     f"  aandeel saldo {euro_exact(g.aandeel_effect):>16}"
                     f"  totaal {euro_exact(g.effect):>16}")
    lines.append("Zienswijze van de raden: " + ("nodig (de bijdragen veranderen)"
                                                 if v.bijdragen_wijzigen else "niet nodig"))
    return lines


def _stap(stap) -> dict:
    return {"saldo": stap.saldo, "baten": stap.baten, "lasten": stap.lasten,
            "reserve_maximum": stap.maximum, "reserve_mutatie": stap.mutatie,
            "te_dragen_gemeenten": stap.te_dragen}


def summary(v: Voorstel) -> dict:
    """Everything the voorstel shows, as plain data."""
    w = v.wijziging
    return {
        "regeling": v.regeling, "jaar": v.jaar, "begroting": v.bron,
        "wijziging": {"nummer": w.nummer, "datum": w.datum.isoformat(), "besluit": w.besluit,
                      "omschrijving": w.omschrijving, "toelichting": w.toelichting},
        "eerdere_wijzigingen": [x.nummer for x in v.eerdere],
        "latere_wijzigingen": [x.nummer for x in v.latere],
        "zienswijze_nodig": v.bijdragen_wijzigen,
        "regels": [{"naam": r.naam, "soort": r.soort, "primitief": r.primitief,
                    "eerdere_wijzigingen": r.eerder, "deze_wijziging": r.deze,
                    "na_wijziging": r.na} for r in v.regels],
        "volumes": [{"product": s.product, "gemeente": s.gemeente, "eenheid": s.eenheid,
                     "normprijs": s.kostprijs, "primitief": s.primitief,
                     "eerdere_wijzigingen": s.eerder, "deze_wijziging": s.deze,
                     "na_wijziging": s.na, "bijdrage_voor": s.bijdrage_voor,
                     "bijdrage_na": s.bijdrage_na, "verschil": s.effect} for s in v.volumes],
        "reserve": {"begin": v.reserve.begin, "minimum": v.reserve.minimum,
                    "verdeelsleutel": v.reserve.sleutel,
                    "maximum_percentage": v.reserve.maximum_percentage},
        "voor": _stap(v.voor), "na": _stap(v.na), "saldo_verschil": v.saldo_effect,
        "per_gemeente": [{"gemeente": g.gemeente, "bijdrage_voor": g.bijdrage_voor,
                          "bijdrage_na": g.bijdrage_na, "doorbelastingen": g.doorbelastingen,
                          "aandeel_saldo_voor": g.aandeel_voor, "aandeel_saldo_na": g.aandeel_na,
                          "verschil": g.effect} for g in v.per_gemeente],
    }


def write_summary(v: Voorstel, path: Path) -> None:
    Path(path).write_text(json_text(summary(v)), encoding="utf-8")
