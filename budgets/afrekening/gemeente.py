"""One afrekening sheet per gemeente: its products by their afrekenregel, the doorbelastingen,
the voorschotten and its share in the saldo. Inputs are values, everything derived is a formula;
only the saldo shares are values from the core (split_saldo, largest remainder)."""

import re

from budgets.afrekening.model import GemeenteAfrekening
from budgets.excel.rapportblad import print_setup, put, put_text

PRODUCT_HEAD = ("Product", "Eenheid", "Afrekenregel", "Normprijs", "Teken", "Begroot volume",
                "Gerealiseerd volume", "Afgerekend volume", "Begrote bijdrage",
                "Definitieve bijdrage", "Verschil")


def sheet_title(name: str, taken: set) -> str:
    """A valid, unique sheet name for a gemeente."""
    title = re.sub(r"[\[\]:*?/\\']", "_", name)[:28] or "Gemeente"
    base, n = title, 2
    while title.lower() in taken:
        title, n = f"{base[:26]}_{n}", n + 1
    taken.add(title.lower())
    return title


def _head(sheet, row: int, heads) -> None:
    for c, text in enumerate(heads, start=1):
        put_text(sheet, row, c, text, "kop")


def _products(sheet, g: GemeenteAfrekening, start: int) -> int:
    _head(sheet, start, PRODUCT_HEAD)
    r = start + 1
    for p in g.producten:
        put_text(sheet, r, 1, p.product)
        put_text(sheet, r, 2, p.eenheid)
        put_text(sheet, r, 3, p.regel, "invoer")
        for c, value, fmt in ((4, p.normprijs, "euro"), (5, p.teken, "algemeen"),
                              (6, p.begroot, "getal"), (7, p.gerealiseerd, "getal"),
                              (9, p.begroot_bedrag, "euro")):
            put(sheet, r, c, value, "invoer", fmt)
        put(sheet, r, 8, f'=(C{r}="minimum")*MAX(F{r},G{r})+(C{r}="realisatie")*G{r}'
            f'+(C{r}="begroting")*F{r}', "berekening", "getal")
        put(sheet, r, 10, f"=E{r}*ROUND(H{r}*D{r},2)", "berekening", "euro")
        put(sheet, r, 11, f"=J{r}-I{r}", "berekening", "euro")
        r += 1
    put_text(sheet, r, 1, "Totaal producten", "totaal")
    for c in (9, 10, 11):
        col = "IJK"[c - 9]
        put(sheet, r, c, f"=SUM({col}{start + 1}:{col}{r - 1})", "totaal", "euro")
    return r


def _passthrough(sheet, g: GemeenteAfrekening, start: int) -> int:
    _head(sheet, start, ("Doorbelasting (werkelijke kosten)", "Soort", "", "", "", "", "", "",
                         "Begroot", "Werkelijk", "Verschil"))
    r = start + 1
    for d in g.doorbelastingen:
        put_text(sheet, r, 1, d.naam)
        put_text(sheet, r, 2, d.soort)
        put(sheet, r, 9, d.begroot, "invoer", "euro")
        put(sheet, r, 10, d.werkelijk, "invoer", "euro")
        put(sheet, r, 11, f"=J{r}-I{r}", "berekening", "euro")
        r += 1
    put_text(sheet, r, 1, "Totaal doorbelastingen", "totaal")
    for col in "IJK":
        put(sheet, r, "IJK".index(col) + 9, f"=SUM({col}{start + 1}:{col}{r - 1})" if r > start + 1
            else 0, "totaal", "euro")
    return r


def _statement(sheet, g: GemeenteAfrekening, share_ref: str, rows: dict) -> dict:
    """The summary block; returns the cells the total sheet links to."""
    r = rows["doorbelastingen"] + 2
    terms = r + 9
    lines = [
        ("Definitieve bijdrage (producten + doorbelastingen)",
         f"=J{rows['producten']}+J{rows['doorbelastingen']}"),
        ("Betaalde voorschotten", f"=SUM(J{terms + 1}:J{terms + len(g.voorschotten)})"),
        ("Bijdrage min voorschotten", f"=J{r}-J{r + 1}"),
        ("Aandeel in het saldo van de regeling (+ bijbetalen, − terug)", f"={share_ref}"),
        ("Te betalen (+) / te ontvangen (−)", f"=J{r + 2}+J{r + 3}"),
        ("Sleutel saldo: bijdragen excl. loonkosten Wsw en LKS",
         f'=J{rows["producten"]}+SUMIFS(J{rows["doorbelastingen_start"] + 1}:'
         f'J{rows["doorbelastingen"]},B{rows["doorbelastingen_start"] + 1}:'
         f'B{rows["doorbelastingen"]},"overig")'),
    ]
    for i, (label, formula) in enumerate(lines):
        put_text(sheet, r + i, 1, label, "totaal" if i in (0, 4) else "label")
        put(sheet, r + i, 10, formula, "totaal" if i in (0, 4) else "berekening", "euro")
    put_text(sheet, terms, 1, "Voorschotten (termijnen)", "kop")
    for i, amount in enumerate(g.voorschotten, start=1):
        put_text(sheet, terms + i, 1, f"Termijn {i}")
        put(sheet, terms + i, 10, amount, "invoer", "euro")
    return {"definitief": f"J{r}", "voorschotten": f"J{r + 1}", "te_betalen": f"J{r + 4}",
            "sleutel": f"J{r + 5}", "producten": f"J{rows['producten']}",
            "doorbelastingen": f"J{rows['doorbelastingen']}"}


def gemeente_sheet(book, g: GemeenteAfrekening, title: str, jaar: int, share_ref: str) -> dict:
    sheet = book.create_sheet(title)
    put_text(sheet, 1, 1, f"Afrekening {jaar} — {g.gemeente}", "titel")
    put_text(sheet, 2, 1, "Bedragen in EUR. Producten tegen normprijs volgens hun afrekenregel "
             "(minimum = minstens het begrote volume); doorbelastingen tegen werkelijke kosten.")
    rows = {"producten": _products(sheet, g, 4)}
    rows["doorbelastingen_start"] = rows["producten"] + 2
    rows["doorbelastingen"] = _passthrough(sheet, g, rows["doorbelastingen_start"])
    cells = _statement(sheet, g, share_ref, rows)
    for col, width in zip("ABCDEFGHIJK", (52, 9, 12, 12, 7, 12, 12, 12, 15, 15, 14), strict=True):
        sheet.column_dimensions[col].width = width
    print_setup(sheet, f"Afrekening {jaar} — {g.gemeente}", freeze="B5")
    return cells

