"""The afrekening for people (terminal table) and for automation (JSON)."""

from pathlib import Path

from budgets.afrekening.aansluiting import milestones, reconcile
from budgets.afrekening.model import Afrekening, cents_sum
from budgets.bestanden import json_text
from budgets.excel.formaten import euro


def table_lines(afrekening: Afrekening) -> list[str]:
    """Per gemeente: definitive bijdrage, voorschotten, saldo share and the balance."""
    head = ("Gemeente", "Definitieve bijdrage", "Voorschotten", "Aandeel saldo",
            "Te betalen (+) / ontvangen (−)")
    rows = [(g.gemeente, euro(g.definitief), euro(g.betaald), euro(g.aandeel_saldo),
             euro(g.te_betalen)) for g in afrekening.gemeenten]
    widths = [max(len(str(x)) for x in col) for col in zip(head, *rows, strict=False)]
    lines = [f"Afrekening {afrekening.basis.naam} {afrekening.basis.jaar}"]
    for row in [head, *rows]:
        lines.append("  ".join(str(x).rjust(w) if i else str(x).ljust(w)
                               for i, (x, w) in enumerate(zip(row, widths, strict=True))))
    r = afrekening.reserve
    lines += [f"Netto kosten {euro(afrekening.netto_kosten)}; saldo {euro(afrekening.saldo)} "
              "(+ overschot, − tekort)",
              f"Reserve: begin {euro(r.begin)}, mutatie {euro(afrekening.verdeling.reserve_mutatie)}, "
              f"einde {euro(cents_sum([r.begin, afrekening.verdeling.reserve_mutatie]))}"]
    return lines


def summary(afrekening: Afrekening, steps=None, prognose: dict | None = None) -> dict:
    """Everything in the afrekening as plain data (EUR)."""
    steps = reconcile(afrekening) if steps is None else steps
    def gemeente(g):
        return {
            "gemeente": g.gemeente, "productbijdragen": g.productbijdragen,
            "doorbelastingen": g.doorbelast, "definitieve_bijdrage": g.definitief,
            "voorschotten": g.betaald, "sleutel_saldo": g.sleutel,
            "aandeel_saldo": g.aandeel_saldo, "te_betalen": g.te_betalen,
            "producten": [p.__dict__ for p in g.producten],
            "doorbelastingposten": [d.__dict__ for d in g.doorbelastingen],
        }
    r = afrekening.reserve
    return {
        "regeling": afrekening.basis.naam, "jaar": afrekening.basis.jaar,
        "bronnen": {k: str(v) for k, v in afrekening.bronnen.items()},
        "gemeenten": [gemeente(g) for g in afrekening.gemeenten],
        "netto_kosten": afrekening.netto_kosten, "saldo": afrekening.saldo,
        "reserve": {"begin": r.begin, "bron": r.bron, "opgegeven": r.opgegeven,
                    "minimum": r.minimum, "maximum": r.maximum,
                    "mutatie": afrekening.verdeling.reserve_mutatie},
        "exploitatie": [{**line.__dict__, "na_wijziging": line.primitief + line.wijziging}
                        for line in afrekening.regels],
        "aansluiting": {"stappen": [s.__dict__ for s in steps],
                        "saldi": milestones(afrekening, steps), "prognose_kwartaal_4": prognose},
    }


def write_summary(afrekening: Afrekening, path: Path, steps=None, prognose=None) -> None:
    Path(path).write_text(json_text(summary(afrekening, steps, prognose)), encoding="utf-8")
