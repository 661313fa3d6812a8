"""Every result of a begroting, computed once by the core (pyfuncs).

The workbook's formulas must reproduce these values, `controleer` compares the two
and `--samenvatting` writes them as JSON. Amounts in EUR per year.
"""

from dataclasses import dataclass, replace

import numpy as np

from budgets.spec.bbv_kern import capital_charges_by_year, compute_bbv, euros, provisions_by_year
from budgets.spec.model import Begroting
from budgets.spec.samenhang import line_order
from pyfuncs.afronding import excel_round
from pyfuncs.fouten import InvoerFout
from pyfuncs.kengetallen import structural_room
from pyfuncs.verdeling import split_saldo
from pyfuncs.weerstand import klasse, ratio, simulate_risks_per_year


@dataclass(frozen=True)
class Resultaten:
    """Core results per year (dicts keyed by jaar unless stated).

    productbijdragen: jaar -> array gemeenten × producten (EUR, + the gemeente pays).
    regels: line name -> jaar -> EUR. totalen: soort (baten, lasten, toevoeging,
    onttrekking) -> jaar -> EUR. saldo: Σbaten − Σlasten + Σonttrekking − Σtoevoeging
    rounded to cents. reserve_*: the algemene reserve (begin, mutatie + dotatie /
    − onttrekking, eind, maximum or None). saldo_gemeenten: jaar -> EUR per gemeente
    (+ pays extra, − receives). benodigd: simulated capacity per year (EUR), over the risks
    that apply in that year. ratio/klasse: per year, None when nothing is
    needed. structurele_ruimte: fraction per year, None without baten;
    structureel: the structural totals per soort (B, A, D, C of the kengetal).
    """

    productbijdragen: dict
    doorbelastingen: dict
    regels: dict
    totalen: dict
    saldo: dict
    reserve_begin: dict
    reserve_mutatie: dict
    reserve_eind: dict
    reserve_maximum: dict
    reserve_minimum: float
    saldo_gemeenten: dict
    benodigd: dict
    beschikbaar: dict
    ratio: dict
    klasse: dict
    structurele_ruimte: dict
    structureel: dict
    bbv: object = None  # budgets.spec.bbv_kern.BbvResultaten, None without a balans


def compute(b: Begroting) -> Resultaten:
    """All results of a spec; a key that cannot split the saldo is bad input."""
    bijdragen = {y: b.productbijdragen(y) for y in b.jaren}
    doorbelast = {y: np.array([b.doorbelasting(g, y) for g in b.gemeenten]) for y in b.jaren}
    regels = _lines(b, bijdragen, doorbelast)
    totalen = _totals(b, regels)
    saldo = {
        y: excel_round(
            totalen["baten"][y] - totalen["lasten"][y] + totalen["onttrekking"][y] - totalen["toevoeging"][y],
            2,
        )
        for y in b.jaren
    }
    maximum = {y: _maximum(b, totalen["lasten"][y]) for y in b.jaren}
    begin, mutatie, eind, gemeenten = _reserve(b, saldo, maximum)
    benodigd = _simulate(b)
    onvoorzien = b.reserve.onvoorzien if b.reserve is not None else 0.0
    beschikbaar = {y: begin[y] + onvoorzien for y in b.jaren}
    ratios = {y: ratio(beschikbaar[y], benodigd[y]) if benodigd[y] > 0 else None for y in b.jaren}
    res = Resultaten(
        productbijdragen=bijdragen,
        doorbelastingen=doorbelast,
        regels=regels,
        totalen=totalen,
        saldo=saldo,
        reserve_begin=begin,
        reserve_mutatie=mutatie,
        reserve_eind=eind,
        reserve_maximum=maximum,
        reserve_minimum=excel_round(b.reserve.minimum, 2) if b.reserve is not None else 0.0,
        saldo_gemeenten=gemeenten,
        benodigd=benodigd,
        beschikbaar=beschikbaar,
        ratio=ratios,
        klasse={y: None if r is None else klasse(r) for y, r in ratios.items()},
        structurele_ruimte={y: _room(b, regels, totalen, y) for y in b.jaren},
        structureel=_totals(b, regels, "structureel"),
    )
    return replace(res, bbv=compute_bbv(b, res))


BBV_BRONNEN = {"kapitaallasten": capital_charges_by_year, "voorzieningen": provisions_by_year}


def _lines(b: Begroting, bijdragen: dict, doorbelast: dict) -> dict:
    values: dict = {}
    for naam in line_order(b):
        line = b.regel(naam)
        if line.soort == "subtotaal":
            values[naam] = {
                y: sum(values[p][y] for p in line.plus) - sum(values[m][y] for m in line.min) for y in b.jaren
            }
        elif line.bron == "bijdragen":
            values[naam] = {y: float(bijdragen[y].sum()) for y in b.jaren}
        elif line.bron == "doorbelastingen":
            values[naam] = {y: float(doorbelast[y].sum()) for y in b.jaren}
        elif line.bron in BBV_BRONNEN:
            cents = BBV_BRONNEN[line.bron](b)
            values[naam] = {y: euros(cents[y]) for y in b.jaren}
        else:
            values[naam] = {y: float(line.bedragen.get(y, 0.0)) for y in b.jaren}
    return {r.naam: values[r.naam] for r in b.exploitatie}


def _totals(b: Begroting, regels: dict, aard: str | None = None) -> dict:
    return {
        soort: {
            y: sum(
                regels[r.naam][y]
                for r in b.exploitatie
                if r.soort == soort and (aard is None or r.aard == aard)
            )
            for y in b.jaren
        }
        for soort in ("baten", "lasten", "toevoeging", "onttrekking")
    }


def _maximum(b: Begroting, lasten: float) -> float | None:
    """The reserve's ceiling in a year, in cents as the split uses it (None: no ceiling)."""
    if b.reserve is None:
        return None
    if b.reserve.maximum_percentage is not None:
        return excel_round(b.reserve.maximum_percentage * lasten, 2)
    return None if b.reserve.maximum is None else excel_round(b.reserve.maximum, 2)


def _reserve(b: Begroting, saldo: dict, maximum: dict):
    begin, mutatie, eind, gemeenten = {}, {}, {}, {}
    if not b.verdeelt_saldo:  # no reserve: the saldo is shown, not allocated
        none = (0.0,) * len(b.gemeenten)
        return (dict.fromkeys(b.jaren, 0.0), dict.fromkeys(b.jaren, 0.0), dict.fromkeys(b.jaren, 0.0),
                dict.fromkeys(b.jaren, none))
    stand = excel_round(b.reserve.stand_begin, 2)
    for y in b.jaren:
        if maximum[y] is not None and maximum[y] < excel_round(b.reserve.minimum, 2):
            raise InvoerFout(f"{b.bron}: reserve.maximum_percentage: in {y} is het maximum "
                             f"({maximum[y]:.2f}) kleiner dan het minimum ({b.reserve.minimum:.2f})")
        try:
            split = split_saldo(
                saldo[y], b.aandelen(b.reserve.verdeelsleutel, y), stand, excel_round(b.reserve.minimum, 2),
                maximum[y],
            )
        except InvoerFout as fout:
            raise InvoerFout(f"{b.bron}: reserve.verdeelsleutel: in {y}: {fout}") from None
        begin[y], mutatie[y] = stand, split.reserve_mutatie
        stand = excel_round(stand + split.reserve_mutatie, 2)
        eind[y], gemeenten[y] = stand, split.gemeenten
    return begin, mutatie, eind, gemeenten


def _simulate(b: Begroting) -> dict:
    sim = b.simulatie
    return simulate_risks_per_year(
        [r.kans for r in b.risicos],
        [r.minimum for r in b.risicos],
        [r.maximum for r in b.risicos],
        [r.jaren for r in b.risicos],
        b.jaren,
        sim.zekerheid,
        sim.trekkingen,
        sim.startwaarde,
    )


def _room(b: Begroting, regels: dict, totalen: dict, y: int) -> float | None:
    if totalen["baten"][y] == 0:
        return None
    s = _totals(b, regels, "structureel")
    return structural_room(
        s["baten"][y], s["lasten"][y], s["onttrekking"][y], s["toevoeging"][y], totalen["baten"][y]
    )
