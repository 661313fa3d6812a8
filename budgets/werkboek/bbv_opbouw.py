"""The BBV sheets of a begroting workbook, in order, for a spec with a balans."""

from budgets.werkboek import bbv_bladen as bl
from budgets.werkboek.balans import (
    BA,
    BM,
    EMU,
    build_balans,
    build_balansmutaties,
    build_emu,
    layout_balans,
    layout_balansmutaties,
    layout_emu,
)
from budgets.werkboek.weerstand import KG


def layout_bbv(b) -> dict:
    """Row layouts of the BBV sheets, keyed like the other layouts (by sheet)."""
    return {
        BM: layout_balansmutaties(b),
        BA: layout_balans(b),
        EMU: layout_emu(b),
        bl.TV: bl.layout_taakvelden(b),
        bl.IB: bl.layout_incidenteel(b),
        "kengetallen_bbv": bl.layout_kengetallen_bbv(b),
    }


def build_bbv_sheets(b, res, pos, L) -> list:
    """Balansmutaties, Balans, EMU-saldo, Reserves en voorzieningen, Taakvelden, Incidentele
    baten en lasten and Paragrafen; none without a balans. Also extends the Kengetallen."""
    if b.bbv.balans is None:
        return []
    return [
        build_balansmutaties(b, res, pos, L),
        build_balans(b, res, pos, L),
        build_emu(b, res, pos, L),
        bl.build_reserves(b, res, pos, L),
        bl.build_taakvelden(b, res, pos, L),
        bl.build_incidenteel(b, res, pos, L),
        bl.build_paragrafen(b, res, pos, L),
    ]


def extend_kengetallen(sheets: list, b, res, pos, L) -> None:
    """The four kengetallen with their signaalwaarde on the Kengetallen sheet."""
    if b.bbv.balans is not None:
        blad = next(s for s in sheets if s is not None and s.titel == KG)
        bl.extend_kengetallen(blad, b, res, pos, L)
