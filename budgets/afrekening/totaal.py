"""The total sheet of the afrekening (gemeenten, saldo, reserve corkscrew, checks) and the
Exploitatie sheet (jaarrekening form: primitief, wijzigingen, na wijziging, realisatie)."""

import re

from budgets.afrekening.model import Afrekening, cents_sum
from budgets.excel.formules import reserve_mutatie
from budgets.excel.rapportblad import print_setup, put, put_text, set_width

MARKER = "Afrekening"
TOTAL_HEAD = ("Gemeente", "Productbijdragen", "Doorbelastingen", "Definitieve bijdrage",
              "Betaalde voorschotten", "Grondslag saldo (bijdragen zonder loonkosten)",
              "Aandeel saldo (+ bijbetalen, − terug)", "Te betalen (+) / te ontvangen (−)")
BRON_WOORDEN = {"bijdragen": "bijdragen gemeenten", "doorbelastingen": "doorbelastingen"}
FIRST_GEMEENTE_ROW = 12
PATH_COLUMN = 9  # I: the full paths of the sources (hidden)
EXPLOITATIE_HEAD = ("Regel", "Baten/lasten", "S/I", "Bron", "Primitieve begroting",
                    "Wijzigingen", "Begroting na wijziging", "Realisatie", "Verschil",
                    "Lasten boven begroting na wijziging", "Telt mee in netto kosten",
                    "Waarvan bijdragen en voorschotten gemeenten", "Netto kosten (+) / baten (−)")


def exploitatie_sheet(book, afrekening: Afrekening) -> str:
    """Write the lines; returns the cell with the real net costs."""
    sheet = book.create_sheet("Exploitatie")
    put_text(sheet, 1, 1, f"Exploitatie {afrekening.basis.jaar}: begroting en realisatie", "titel")
    put_text(sheet, 2, 1, "Baten en lasten positief. Wat de gemeenten zelf betalen (regels gevoed "
             "door bijdragen of doorbelastingen, en boekingen op bijdragerekeningen) telt niet "
             "mee in de netto kosten.")
    for c, text in enumerate(EXPLOITATIE_HEAD, start=1):
        put_text(sheet, 4, c, text, "kop")
    sheet.hoogtes[4] = 40
    for r, line in enumerate(afrekening.regels, start=5):
        _line_row(sheet, r, line)
    r = 5 + len(afrekening.regels)
    last = r - 1
    put_text(sheet, r + 1, 1, "Werkelijke netto kosten (lasten − baten, regels die meetellen)",
             "totaal")
    put(sheet, r + 1, 13, f"=SUM(M5:M{last})", "totaal", "euro", afrekening.netto_kosten)
    for col, width in zip("ABCDEFGHIJKLM", (34, 8, 4, 12, 13, 12, 13, 13, 12, 11, 8, 13, 13),
                          strict=True):
        set_width(sheet, col, width)
    print_setup(sheet, "Exploitatie", freeze="B5")
    return f"Exploitatie!$M${r + 1}"


def _line_row(sheet, r: int, line) -> None:
    texts = (line.naam, line.soort, "S" if line.aard == "structureel" else "I",
             BRON_WOORDEN.get(line.bron, line.bron or ""))
    for c, text in enumerate(texts, start=1):
        put_text(sheet, r, c, text)
    na = line.primitief + line.wijziging
    put(sheet, r, 5, line.primitief, "invoer", "euro")
    put(sheet, r, 6, line.wijziging, "invoer", "euro")
    put(sheet, r, 7, f"=E{r}+F{r}", "berekening", "euro", na)
    put(sheet, r, 8, line.realisatie, "invoer", "euro")
    put(sheet, r, 9, f"=H{r}-G{r}", "berekening", "euro", cents_sum([line.realisatie, -na]))
    put(sheet, r, 10, f'=AND(B{r}="lasten",ROUND(H{r},2)>ROUND(G{r},2))', "berekening",
        "algemeen", line.soort == "lasten" and cents_sum([line.realisatie, -na]) > 0)
    put(sheet, r, 11, f'=IF(D{r}="","ja","nee")', "berekening", "tekst",
        "ja" if line.telt_mee else "nee")
    put(sheet, r, 12, line.bijdragen, "invoer", "euro")
    put(sheet, r, 13, f'=IF(B{r}="lasten",1,-1)*(H{r}-L{r})*(K{r}="ja")', "berekening", "euro",
        line.kosten)


def _info(sheet, afrekening: Afrekening) -> None:
    """Regeling, jaar and the sources: a file by its name (its full path in the hidden
    column I, which does not print), other sources in words."""
    put_text(sheet, 1, 1, MARKER, "titel")
    info = [("Regeling", afrekening.basis.naam), ("Jaar", str(afrekening.basis.jaar))]
    info += [(label, str(value)) for label, value in afrekening.bronnen.items()]
    for i, (label, value) in enumerate(info[:8], start=2):
        put_text(sheet, i, 1, label)
        name = _file_name(value)
        put_text(sheet, i, 2, name, "toelichting")
        if name != value:
            put_text(sheet, i, PATH_COLUMN, value, "toelichting")


def _file_name(text: str) -> str:
    """The last part of a path ('a/b/grootboek.csv' -> 'grootboek.csv'); other text as is."""
    if "/" not in text and "\\" not in text:
        return text
    return re.split(r"[/\\]", text.rstrip("/\\"))[-1] or text


def _gemeenten(sheet, afrekening: Afrekening, links: list) -> int:
    for c, text in enumerate(TOTAL_HEAD, start=1):
        put_text(sheet, FIRST_GEMEENTE_ROW - 1, c, text, "kop")
    sheet.hoogtes[FIRST_GEMEENTE_ROW - 1] = 40
    r = FIRST_GEMEENTE_ROW
    for (title, cells), g in zip(links, afrekening.gemeenten, strict=True):
        ref = f"'{title}'!"
        put_text(sheet, r, 1, g.gemeente)
        values = _gemeente_values(g)
        for c, key in ((2, "producten"), (3, "doorbelastingen"), (4, "definitief"),
                       (5, "voorschotten"), (6, "sleutel")):
            put(sheet, r, c, f"={ref}{cells[key]}", "berekening", "euro", values[c - 2])
        put(sheet, r, 7, g.aandeel_saldo, "invoer", "euro")
        put(sheet, r, 8, f"=D{r}-E{r}+G{r}", "berekening", "euro", g.te_betalen)
        r += 1
    put_text(sheet, r, 1, "Totaal", "totaal")
    every = [_gemeente_values(g) + [g.aandeel_saldo, g.te_betalen] for g in afrekening.gemeenten]
    for c in range(2, 9):
        col = "ABCDEFGH"[c - 1]
        put(sheet, r, c, f"=SUM({col}{FIRST_GEMEENTE_ROW}:{col}{r - 1})", "totaal", "euro",
            cents_sum(v[c - 2] for v in every))
    return r


def _gemeente_values(g) -> list[float]:
    return [g.productbijdragen, g.doorbelast, g.definitief, g.betaald, g.sleutel]


def _reserve(sheet, afrekening: Afrekening, total: int, netto_cell: str) -> int:
    r = total + 2
    reserve, split = afrekening.reserve, afrekening.verdeling
    put_text(sheet, r, 1, "Saldo en reserve", "kop")
    mutatie = reserve_mutatie(f"B{r + 2}", f"B{r + 3}", f"B{r + 4}",
                              f"B{r + 5}" if reserve.maximum is not None else None)
    definitief = cents_sum(g.definitief for g in afrekening.gemeenten)
    rows = [
        ("Werkelijke netto kosten van de regeling", f"={netto_cell}", "berekening",
         afrekening.netto_kosten),
        ("Saldo: definitieve bijdragen − netto kosten (+ overschot, − tekort)",
         f"=D{total}-B{r + 1}", "berekening", cents_sum([definitief, -afrekening.netto_kosten])),
        ("Reserve: stand begin jaar", reserve.begin, "invoer", None),
        ("Reserve: minimum", reserve.minimum, "invoer", None),
        ("Reserve: maximum", reserve.maximum, "invoer", None),
        ("Mutatie reserve (+ dotatie, − onttrekking)", f"={mutatie}", "berekening",
         split.reserve_mutatie),
        ("Reserve: stand einde jaar", f"=B{r + 3}+B{r + 6}", "totaal",
         cents_sum([reserve.begin, split.reserve_mutatie])),
        ("Door de gemeenten te dragen (mutatie − saldo)", f"=B{r + 6}-B{r + 2}", "berekening",
         cents_sum([split.reserve_mutatie, -afrekening.saldo])),
    ]
    for i, (label, value, kind, cache) in enumerate(rows, start=1):
        put_text(sheet, r + i, 1, label, kind if kind == "totaal" else "label")
        if value is None:
            put_text(sheet, r + i, 2, "geen maximum", "invoer")
        else:
            put(sheet, r + i, 2, value, kind, "euro", cache)
    put_text(sheet, r + 3, 3, f"Bron: {reserve.bron}", "toelichting")
    return r


def _checks(sheet, total: int, r: int) -> None:
    c = r + 10
    put_text(sheet, c, 1, "Controles (tot op de cent)", "kop")
    checks = [
        ("Σ aandelen saldo = mutatie reserve − saldo", f"=ROUND(G{total}-B{r + 8},2)=0"),
        ("Σ definitieve bijdragen + Σ aandelen − mutatie reserve = netto kosten",
         f"=ROUND(D{total}+G{total}-B{r + 6}-B{r + 1},2)=0"),
        ("Σ te betalen = Σ bijdragen − Σ voorschotten + Σ aandelen",
         f"=ROUND(H{total}-(D{total}-E{total}+G{total}),2)=0"),
        ("Reserve einde = begin + mutatie", f"=ROUND(B{r + 7}-(B{r + 3}+B{r + 6}),2)=0"),
    ]
    for i, (label, formula) in enumerate(checks, start=1):
        put_text(sheet, c + i, 1, label)
        put(sheet, c + i, 2, formula, "controle", "algemeen", True)
    put_text(sheet, c + len(checks) + 1, 1, "Alle controles in orde", "totaal")
    put(sheet, c + len(checks) + 1, 2, f"=AND(B{c + 1}:B{c + len(checks)})", "controle",
        "algemeen", True)


def total_sheet(sheet, afrekening: Afrekening, links: list, netto_cell: str) -> None:
    _info(sheet, afrekening)
    total = _gemeenten(sheet, afrekening, links)
    r = _reserve(sheet, afrekening, total, netto_cell)
    _checks(sheet, total, r)
    for col, width in zip("ABCDEFGH", (58, 15, 15, 15, 15, 15, 15, 15), strict=True):
        set_width(sheet, col, width)
    set_width(sheet, PATH_COLUMN, 80, hidden=True)
    print_setup(sheet, f"Afrekening {afrekening.basis.jaar}", freeze=f"B{FIRST_GEMEENTE_ROW}")
