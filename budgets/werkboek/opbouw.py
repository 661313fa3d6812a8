"""The plan of a complete begroting workbook: every sheet, in order, from one spec."""

import hashlib
import json
from dataclasses import asdict

from budgets.spec.model import Begroting
from budgets.spec.resultaten import Resultaten, compute
from budgets.werkboek.bbv_opbouw import build_bbv_sheets, extend_kengetallen, layout_bbv
from budgets.werkboek.controleblad import (
    build_controles,
    build_inhoud,
    build_voorblad,
    fingerprint_row,
    layout_controles,
    master_verdict,
    sheet_kind,
)
from budgets.werkboek.doelgroep import (
    DG,
    build_doelgroep,
    extend_invoer_doelgroep,
    layout_doelgroep,
    link_volumes,
)
from budgets.werkboek.exploitatie import EX, build_exploitatie, layout_exploitatie
from budgets.werkboek.grafieken import build_grafieken
from budgets.werkboek.invoer import build_invoer
from budgets.werkboek.invoer_bbv import extend_invoer
from budgets.werkboek.kengetallen_overzicht import build_kengetallen_overzicht
from budgets.werkboek.oogopslag import build_oogopslag
from budgets.werkboek.overzicht import build_afronding, build_overzicht, layout_afronding
from budgets.werkboek.plan import Blad
from budgets.werkboek.product import (
    BIJ,
    PB,
    build_bijdragen,
    build_productbegroting,
    layout_bijdragen,
    layout_productbegroting,
)
from budgets.werkboek.raadsoverzicht import build_raadsoverzichten
from budgets.werkboek.verdeling import VD, build_verdeling, layout_verdeling
from budgets.werkboek.weerstand import (
    KG,
    WV,
    build_kengetallen,
    build_weerstand,
    layout_kengetallen,
    layout_weerstand,
)


def fingerprint(b: Begroting) -> str:
    """SHA-256 of the spec's content (not of its file name)."""
    content = asdict(b)
    content.pop("bron", None)
    content.pop("_cache", None)
    text = json.dumps(content, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def build_plan(b: Begroting, res: Resultaten | None = None) -> tuple[list[Blad], Resultaten]:
    """Every sheet of the workbook in order, with the core's results."""
    res = res or compute(b)
    invoer, pos = build_invoer(b)
    extend_invoer(invoer, b, pos)
    extend_invoer_doelgroep(invoer, b, pos)
    L = {EX: layout_exploitatie(b), KG: layout_kengetallen(b), DG: layout_doelgroep(b)}
    if b.producten:
        L[PB], L[BIJ] = layout_productbegroting(b), layout_bijdragen(b)
    if b.verdeelsleutels:
        L[VD] = layout_verdeling(b)
    if b.risicos:
        L[WV] = layout_weerstand(b)
    if b.bbv.balans is not None:
        L.update(layout_bbv(b))
    L[EX]["afronding"] = layout_afronding(b, L[EX]["einde"] + 3)
    L["Controles"] = layout_controles(b, pos, L)
    link_volumes(invoer, b, pos, L)
    exploitatie = build_exploitatie(b, res, pos, L)
    build_afronding(exploitatie, b, res, pos, L[EX])
    sheets = [
        build_voorblad(b, pos, master_verdict(b, res, pos, L)),
        None,
        build_oogopslag(b, res, pos, L),
        build_overzicht(b, res, L),
        *build_raadsoverzichten(b, res, pos, L),
        invoer,
        build_doelgroep(b, pos, L) if L[DG] else None,
        build_productbegroting(b, res, pos, L) if PB in L else None,
        build_bijdragen(b, res, pos, L) if BIJ in L else None,
        build_verdeling(b, res, pos, L) if VD in L else None,
        exploitatie,
        build_weerstand(b, res, pos, L) if WV in L else None,
        build_kengetallen(b, res, pos, L),
        build_kengetallen_overzicht(b, res, L),
        *build_bbv_sheets(b, res, pos, L),
        _controles(b, res, pos, L),
        build_grafieken(b, res, L, pos),
    ]
    sheets = [blad for i, blad in enumerate(sheets) if blad is not None or i == 1]
    extend_kengetallen(sheets, b, res, pos, L)
    sheets[1] = build_inhoud(b, [blad.titel for blad in sheets if blad is not None])
    for blad in sheets:
        blad.soort = sheet_kind(blad.titel)
    return sheets, res


def _controles(b: Begroting, res: Resultaten, pos: dict, L: dict) -> Blad:
    blad = build_controles(b, res, pos, L)
    fingerprint_row(blad, L["Controles"], fingerprint(b))
    return blad
