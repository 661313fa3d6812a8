"""The scenario comparison as plain JSON data (EUR; per year as "jaar": bedrag)."""

from budgets.scenario.model import Uitkomst, Vergelijking, parameter_of
from budgets.scenario.reserve import minus
from budgets.spec.scenarios import describe, parameter_label


def _per_year(jaren: tuple, values: dict) -> dict:
    return {str(y): values[y] for y in jaren}


def _per_gemeente(u: Uitkomst, values: dict) -> dict:
    b = u.begroting
    return {g: {str(y): values[y][i] for y in b.jaren} for i, g in enumerate(b.gemeenten)}


def _scenario(u: Uitkomst) -> dict:
    res, jaren = u.resultaten, u.begroting.jaren
    return {
        "naam": u.naam, "omschrijving": u.scenario.omschrijving, "aanpassingen": describe(u.scenario),
        "saldo": _per_year(jaren, res.saldo),
        "reserve": {"begin": _per_year(jaren, res.reserve_begin),
                    "mutatie": _per_year(jaren, res.reserve_mutatie),
                    "eind": _per_year(jaren, res.reserve_eind)},
        "door_gemeenten_te_dragen": {str(y): minus(res.reserve_mutatie[y], res.saldo[y]) for y in jaren},
        "weerstandsratio": _per_year(jaren, res.ratio),
        "weerstandsklasse": _per_year(jaren, res.klasse),
        "bijdrage_per_gemeente": _per_gemeente(u, u.bijdrage),
        "aandeel_saldo_per_gemeente": _per_gemeente(u, u.aandeel_saldo),
        "totaal_per_gemeente": _per_gemeente(u, u.totaal),
        "eigen_middelen": [row.__dict__ for row in u.eigen_middelen],
    }


def _sensitivity(v: Vergelijking) -> list:
    rows = []
    for row in v.gevoeligheid:
        p = parameter_of(v, row)
        rows.append({"parameter": row.parameter,
                     "omschrijving": p.omschrijving or parameter_label(p.aanpassing),
                     "basis": row.basis, "laag": row.laag, "hoog": row.hoog,
                     "effect_laag": dict(zip(map(str, v.jaren), row.effect_laag, strict=True)),
                     "effect_hoog": dict(zip(map(str, v.jaren), row.effect_hoog, strict=True))})
    return rows


def summary(v: Vergelijking, werkmap: str) -> dict:
    b = v.basis.begroting
    return {"gr": b.naam, "begrotingsjaar": b.begrotingsjaar, "jaren": [str(y) for y in b.jaren],
            "werkmap": werkmap, "scenarios": [_scenario(u) for u in v.uitkomsten],
            "gevoeligheid": _sensitivity(v),
            "rijksmiddelen": [{"gemeente": r.gemeente, "soort": r.soort, "omschrijving": r.omschrijving,
                               "bedragen": _per_year(b.jaren, r.bedragen), "bron": r.bron}
                              for r in v.spec.rijksmiddelen]}
