"""Kengetallen (overzicht): the board's page of the kengetallen and their signaalwaarde,
in the output layout (captioned years from column B, no totals), linked to the
Kengetallen calculation sheet."""

from budgets.excel.formaten import PROCENT
from budgets.werkboek.bbv_bladen import LABELS, RATIOS
from budgets.werkboek.overzicht import caption
from budgets.werkboek.plan import Blad, col, year_columns
from budgets.werkboek.weerstand import KG

KO = "Kengetallen (overzicht)"
SHORT = {
    "netto_schuldquote": "Netto schuldquote",
    "netto_schuldquote_gecorrigeerd": "Netto schuldquote gecorrigeerd voor alle verstrekte leningen",
    "solvabiliteitsratio": "Solvabiliteitsratio",
    "structurele_exploitatieruimte": "Structurele exploitatieruimte",
}


def build_kengetallen_overzicht(b, res, L: dict) -> Blad:
    """The four kengetallen (only the structurele exploitatieruimte without a balans) and,
    with a balans, their signaalwaarde category per year."""
    blad = Blad(KO, soort="uitvoer")  # landscape: type of 9–10 pt (portrait scaled it under 8 pt)
    blad.tekst(1, 1, f"Kengetallen – {b.naam}", "titel")
    blad.tekst(2, 1, "Kengetallen van het BBV in procenten; berekend op het blad Kengetallen", "toelichting")
    blad.tekst(4, 1, "Kengetal", "kop")
    for jaar, kolom in _columns(b):
        blad.tekst(4, kolom, caption(b, jaar), "begrotingsjaar" if jaar == b.begrotingsjaar else "kop")
    x = res.bbv if b.bbv.balans is not None else None
    names = RATIOS if x is not None else ("structurele_exploitatieruimte",)
    r = 5
    for name in names:
        source = L["kengetallen_bbv"][name] if x is not None else L[KG]["ruimte"]
        values = {y: _value(res, x, name, y) for y in b.jaren}
        _link_row(blad, b, r, SHORT[name], source, values, PROCENT)
        r += 1
    if x is not None:
        blad.tekst(r + 1, 1, "Signaalwaarde (provinciaal toezicht): A minst, C meest risico", "kop")
        for i, name in enumerate(RATIOS, start=r + 2):
            values = {y: x.klassen[y][name] for y in b.jaren}
            _link_row(blad, b, i, SHORT[name], L["kengetallen_bbv"][f"klasse_{name}"], values, None)
        formule = LABELS["netto_schuldquote"].split(" = ")[1]
        blad.tekst(r + 3 + len(RATIOS), 1, f"Formule netto schuldquote: {formule}", "toelichting")
    blad.breedtes["A"] = 58
    for jaar, kolom in _columns(b):
        blad.breedtes[col(kolom)] = max(14, len(caption(b, jaar)) + 3)
    blad.bevriezen = "B5"
    return blad


def _value(res, x, name: str, jaar: int):
    value = getattr(x.kengetallen[jaar], name) if x is not None else res.structurele_ruimte[jaar]
    return "" if value is None else value


def _columns(b) -> list[tuple[int, int]]:
    return [(jaar, kolom - 3) for jaar, kolom in year_columns(b.jaren)]  # years from column B


def _link_row(blad: Blad, b, r: int, label: str, source_row: int, values: dict, fmt) -> None:
    blad.tekst(r, 1, label)
    for (jaar, kolom), (_j, source) in zip(_columns(b), year_columns(b.jaren), strict=True):
        blad.zet(r, kolom, f"={KG}!{col(source)}{source_row}", "koppeling", fmt, values[jaar])
