"""The kwartaalrapportage for people (terminal table) and for automation (JSON)."""

from pathlib import Path

from budgets.bestanden import json_text
from budgets.excel.formaten import euro
from budgets.kwartaal.model import Kwartaalrapport, Rij
from budgets.kwartaal.prognose import project
from pyfuncs.afronding import excel_round


def _pct(rij: Rij) -> str:
    p = rij.afwijking.percentage
    return "" if p is None else f"{excel_round(p * 100, 1):.1f}%".replace(".", ",")


def _status(rij: Rij) -> str:
    if not rij.toelichten:
        return ""
    return "toegelicht" if rij.toelichting.strip() else "TOELICHTING NODIG"


def table_lines(rapport: Kwartaalrapport, all_rows: bool = False) -> list[str]:
    """The terminal summary: totals and every row that needs (or has) a toelichting."""
    shown = [r for r in rapport.rijen
             if all_rows or r.niveau in ("producttotaal", "totaal") or r.toelichten]
    head = ("Omschrijving", "Gemeente", "Begroot t/m", "Realisatie t/m", "Verschil", "%", "V/N",
            "Toelichting")
    rows = [(r.omschrijving[:44], r.gemeente[:12], euro(r.begroot_tm), euro(r.realisatie_tm),
             euro(r.afwijking.verschil), _pct(r), r.afwijking.oordeel, _status(r)) for r in shown]
    widths = [max(len(str(x)) for x in col) for col in zip(head, *rows, strict=False)]
    lines = [f"Kwartaalrapportage {rapport.basis.naam} {rapport.basis.jaar}, "
             f"kwartaal {rapport.kwartaal}"]
    for row in [head, *rows]:
        lines.append("  ".join(str(x).rjust(w) if 2 <= i <= 5 else str(x).ljust(w)
                               for i, (x, w) in enumerate(zip(row, widths, strict=True))))
    missing = len(rapport.ontbrekend)
    lines.append(f"{sum(r.toelichten for r in rapport.rijen)} rij(en) vragen een "
                 f"toelichting; {missing} daarvan zonder toelichting.")
    return lines


def _row_dict(rij: Rij) -> dict:
    data = {
        "sleutel": rij.sleutel, "niveau": rij.niveau, "omschrijving": rij.omschrijving,
        "gemeente": rij.gemeente, "soort": rij.soort, "aard": rij.aard,
        "primitieve_begroting": rij.primitief, "wijzigingen": rij.wijziging,
        "begroting_na_wijziging": rij.na_wijziging, "begroot_tm": rij.begroot_tm,
        "realisatie_tm": rij.realisatie_tm, "verschil": rij.afwijking.verschil,
        "percentage": rij.afwijking.percentage, "oordeel": rij.afwijking.oordeel,
        "prognose_lineair": rij.prognose_lineair, "prognose_begroting": rij.prognose_begroting,
        "toelichting_vereist": rij.toelichten, "toelichting": rij.toelichting,
        "drempel_overschreden": rij.afwijking.toelichten, "prognose": rij.prognose,
        "overschrijding_begroting": rij.overschrijding,
        "wijzigingen_geteld": [{"nummer": n, "bedrag": a} for n, a in rij.per_wijziging],
        "wijzigingen_na_peildatum": [{"nummer": n, "bedrag": a} for n, a in rij.na_peildatum],
    }
    if rij.effecten:
        data.update(begroot_volume_tm=rij.effecten.begroot_volume_tm,
                    werkelijk_volume_tm=rij.effecten.werkelijk_volume_tm,
                    volume_effect=rij.effecten.volume, prijs_effect=rij.effecten.prijs)
    return data


def _prognose(rapport: Kwartaalrapport) -> dict:
    p = project(rapport)
    return {"saldo_begroting_na_wijziging": p.saldo_begroot, "saldo": p.saldo_prognose,
            "verschil": p.verschil, "reserve_begin": p.reserve_begin,
            "reserve_mutatie_begroting": p.mutatie_begroot, "reserve_mutatie": p.mutatie_prognose,
            "per_gemeente": {g.gemeente: {"begroting": g.begroot, "prognose": g.prognose}
                             for g in p.per_gemeente}}


def _changes(wijzigingen) -> list[dict]:
    return [{"nummer": w.nummer, "datum": w.datum.isoformat(), "besluit": w.besluit,
             "omschrijving": w.omschrijving} for w in wijzigingen]


def summary(rapport: Kwartaalrapport) -> dict:
    """Everything in the report as plain data (amounts in EUR)."""
    basis = rapport.basis
    return {
        "regeling": rapport.basis.naam, "jaar": rapport.basis.jaar, "kwartaal": rapport.kwartaal,
        "peildatum": basis.peildatum.isoformat() if basis.peildatum else None,
        "wijzigingen_geteld": _changes(basis.wijzigingen),
        "wijzigingen_na_peildatum": _changes(basis.na_peildatum),
        "prognose": _prognose(rapport),
        "bronnen": {k: str(v) for k, v in rapport.bronnen.items()},
        "drempels": {k: {"bedrag": d.bedrag, "percentage": d.pct, "combinatie": d.combinatie,
                         "tekst": d.tekst} for k, d in rapport.drempels.items()},
        "toelichting_vereist": sum(r.toelichten for r in rapport.rijen),
        "toelichting_ontbreekt": [r.sleutel for r in rapport.ontbrekend],
        "rijen": [_row_dict(r) for r in rapport.rijen],
        "meldingen": rapport.meldingen.as_dict(),
        "vervallen_toelichtingen": rapport.vervallen_toelichtingen,
    }


def write_summary(rapport: Kwartaalrapport, path: Path) -> None:
    Path(path).write_text(json_text(summary(rapport)), encoding="utf-8")
