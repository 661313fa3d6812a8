"""One afrekeningsbrief per gemeente (A4 portrait): addressee, date, the AB-besluit, a plain
Dutch paragraph, its products by their afrekenregel, the doorbelastingen, the voorschotten
and its share in the saldo. Inputs are values, everything derived a formula with the core's
value cached; only the saldo shares are values from the core (split_saldo, largest
remainder). Internal codes (afrekenregel, sign, kind of doorbelasting) sit in hidden columns."""

import re

from budgets.afrekening.model import GemeenteAfrekening, cents_sum
from budgets.excel.formaten import euro
from budgets.excel.rapportblad import merge, print_setup, put, put_text, set_width

PRODUCT_HEAD = ("Product", "Eenheid", "Afrekenregel", "Normprijs", "Teken", "Begroot volume",
                "Gerealiseerd volume", "Afgerekend volume", "Begrote bijdrage", "Bijdrage",
                "Regelcode", "Soortcode")
REGEL_WOORDEN = {"minimum": "minstens begroot", "realisatie": "werkelijk volume",
                 "begroting": "begroot volume"}
SOORT_WOORDEN = {"loonkosten_wsw": "loonkosten Wsw", "lks": "loonkostensubsidie",
                 "overig": "overige doorbelasting"}
WIDTHS = (34, 8, 15, 11, 5, 10, 10, 10, 12, 13, 10, 10)
HIDDEN = ("E", "I", "K", "L")


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
    sheet.hoogtes[row] = 28


def _products(sheet, g: GemeenteAfrekening, start: int) -> int:
    _head(sheet, start, PRODUCT_HEAD)
    r = start + 1
    for p in g.producten:
        put_text(sheet, r, 1, p.product)
        put_text(sheet, r, 2, p.eenheid)
        put_text(sheet, r, 3, REGEL_WOORDEN.get(p.regel, p.regel))
        put_text(sheet, r, 11, p.regel)
        for c, value, fmt in ((4, p.normprijs, "euro"), (5, p.teken, "algemeen"),
                              (6, p.begroot, "getal"), (7, p.gerealiseerd, "getal"),
                              (9, p.begroot_bedrag, "euro")):
            put(sheet, r, c, value, "invoer", fmt)
        put(sheet, r, 8, f'=(K{r}="minimum")*MAX(F{r},G{r})+(K{r}="realisatie")*G{r}'
            f'+(K{r}="begroting")*F{r}', "berekening", "getal", p.afgerekend_volume)
        put(sheet, r, 10, f"=E{r}*ROUND(H{r}*D{r},2)", "berekening", "euro", p.bedrag)
        r += 1
    put_text(sheet, r, 1, "Totaal producten", "totaal")
    put(sheet, r, 9, f"=SUM(I{start + 1}:I{r - 1})", "totaal", "euro",
        cents_sum(p.begroot_bedrag for p in g.producten))
    put(sheet, r, 10, f"=SUM(J{start + 1}:J{r - 1})", "totaal", "euro", g.productbijdragen)
    return r


def _passthrough(sheet, g: GemeenteAfrekening, start: int) -> int:
    _head(sheet, start, ("Doorbelasting (tegen werkelijke kosten)", "", "Soort", "", "", "", "",
                         "", "Begroot", "Werkelijk", "", "Soortcode"))
    r = start + 1
    for d in g.doorbelastingen:
        put_text(sheet, r, 1, d.naam)
        put_text(sheet, r, 3, SOORT_WOORDEN.get(d.soort, d.soort))
        put_text(sheet, r, 12, d.soort)
        put(sheet, r, 9, d.begroot, "invoer", "euro")
        put(sheet, r, 10, d.werkelijk, "invoer", "euro")
        r += 1
    put_text(sheet, r, 1, "Totaal doorbelastingen", "totaal")
    for col, value in (("I", cents_sum(d.begroot for d in g.doorbelastingen)), ("J", g.doorbelast)):
        formula = f"=SUM({col}{start + 1}:{col}{r - 1})" if r > start + 1 else 0
        put(sheet, r, "IJ".index(col) + 9, formula, "totaal", "euro", value)
    return r


def _statement(sheet, g: GemeenteAfrekening, share_ref: str, rows: dict) -> dict:
    """The summary block; returns the cells the total sheet links to."""
    r = rows["doorbelastingen"] + 2
    terms = r + 8
    start, end = rows["doorbelastingen_start"] + 1, rows["doorbelastingen"]
    lines = [
        ("Definitieve bijdrage (producten en doorbelastingen)",
         f"=J{rows['producten']}+J{rows['doorbelastingen']}", g.definitief),
        (f"Betaalde voorschotten ({len(g.voorschotten)} termijnen)",
         f"=SUM(J{terms + 1}:J{terms + len(g.voorschotten)})", g.betaald),
        ("Bijdrage min voorschotten", f"=J{r}-J{r + 1}", cents_sum([g.definitief, -g.betaald])),
        ("Uw aandeel in het saldo van de regeling (+ bijbetalen, − terug)", f"={share_ref}",
         g.aandeel_saldo),
        ("Te betalen (+) / te ontvangen (−)", f"=J{r + 2}+J{r + 3}", g.te_betalen),
        ("Grondslag aandeel saldo: bijdragen zonder loonkosten Wsw en loonkostensubsidie",
         f'=J{rows["producten"]}+SUMIFS(J{start}:J{end},L{start}:L{end},"overig")', g.sleutel),
    ]
    for i, (label, formula, value) in enumerate(lines):
        kind = "totaal" if i in (0, 4) else "berekening"
        put_text(sheet, r + i, 1, label, "totaal" if i in (0, 4) else "label")
        put(sheet, r + i, 10, formula, kind, "euro", value)
    put_text(sheet, terms, 1, "Voorschotten per termijn", "kop")
    for i, amount in enumerate(g.voorschotten, start=1):
        put_text(sheet, terms + i, 1, f"Termijn {i}")
        put(sheet, terms + i, 10, amount, "invoer", "euro")
    return {"definitief": f"J{r}", "voorschotten": f"J{r + 1}", "te_betalen": f"J{r + 4}",
            "sleutel": f"J{r + 5}", "producten": f"J{rows['producten']}",
            "doorbelastingen": f"J{rows['doorbelastingen']}"}


def _letter(sheet, g: GemeenteAfrekening, brief: dict) -> None:
    jaar, regeling = brief["jaar"], brief["regeling"]
    outcome = (f"U betaalt nog {euro(g.te_betalen)}" if g.te_betalen > 0 else
               f"U ontvangt {euro(-g.te_betalen)} terug" if g.te_betalen < 0 else
               "Er hoeft niets te worden betaald of terugbetaald")
    texts = [
        (1, regeling, "titel"),
        (3, f"Aan het college van burgemeester en wethouders van {g.gemeente}", "label"),
        (4, f"Datum: {brief['datum']}", "label"),
        (5, f"Onderwerp: afrekening bijdrage {jaar}", "label"),
        (6, f"Besluit: {brief['besluit']}", "label"),
        (8, f"Hierbij ontvangt u de afrekening van uw bijdrage aan {regeling} over {jaar}. Uw "
            f"definitieve bijdrage is {euro(g.definitief)}; u betaalde {euro(g.betaald)} aan "
            f"voorschotten. Uw aandeel in het saldo van de regeling is "
            f"{euro(g.aandeel_saldo)}. {outcome}. De producten zijn afgerekend tegen de "
            "normprijs volgens hun afrekenregel, de doorbelastingen tegen de werkelijke "
            "kosten.", "tekstblok"),
    ]
    for r, text, kind in texts:
        put_text(sheet, r, 1, text, kind)
    merge(sheet, 8, 1, 10)
    sheet.hoogtes[8] = 54


def gemeente_sheet(book, g: GemeenteAfrekening, title: str, brief: dict, share_ref: str) -> dict:
    sheet = book.create_sheet(title)
    _letter(sheet, g, brief)
    rows = {"producten": _products(sheet, g, 10)}
    rows["doorbelastingen_start"] = rows["producten"] + 2
    rows["doorbelastingen"] = _passthrough(sheet, g, rows["doorbelastingen_start"])
    cells = _statement(sheet, g, share_ref, rows)
    for col, width in zip("ABCDEFGHIJKL", WIDTHS, strict=True):
        set_width(sheet, col, width, col in HIDDEN)
    print_setup(sheet, f"Afrekening {brief['jaar']} — {g.gemeente}", portrait=True)
    return cells
