"""The total sheet of the afrekening (gemeenten, saldo, reserve corkscrew, checks) and the
Exploitatie sheet (jaarrekening form: primitief, wijzigingen, na wijziging, realisatie)."""

from budgets.afrekening.model import Afrekening
from budgets.excel.formules import reserve_mutatie
from budgets.excel.rapportblad import print_setup, put, put_text

MARKER = "Afrekening"
TOTAL_HEAD = ("Gemeente", "Productbijdragen", "Doorbelastingen", "Definitieve bijdrage",
              "Betaalde voorschotten", "Sleutel saldo (bijdragen excl. loonkosten)",
              "Aandeel saldo (+ bijbetalen, − terug)", "Te betalen (+) / te ontvangen (−)")
FIRST_GEMEENTE_ROW = 12
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
    for r, line in enumerate(afrekening.regels, start=5):
        _line_row(sheet, r, line)
    r = 5 + len(afrekening.regels)
    last = r - 1
    put_text(sheet, r + 1, 1, "Werkelijke netto kosten (lasten − baten, regels die meetellen)",
             "totaal")
    put(sheet, r + 1, 13, f"=SUM(M5:M{last})", "totaal", "euro")
    for col, width in zip("ABCDEFGHIJKLM", (40, 10, 5, 14, 15, 14, 15, 15, 14, 14, 12, 16, 16),
                          strict=True):
        sheet.column_dimensions[col].width = width
    print_setup(sheet, "Exploitatie", freeze="B5")
    return f"Exploitatie!$M${r + 1}"


def _line_row(sheet, r: int, line) -> None:
    texts = (line.naam, line.soort, "S" if line.aard == "structureel" else "I", line.bron or "")
    for c, text in enumerate(texts, start=1):
        put_text(sheet, r, c, text)
    put(sheet, r, 5, line.primitief, "invoer", "euro")
    put(sheet, r, 6, line.wijziging, "invoer", "euro")
    put(sheet, r, 7, f"=E{r}+F{r}", "berekening", "euro")
    put(sheet, r, 8, line.realisatie, "invoer", "euro")
    put(sheet, r, 9, f"=H{r}-G{r}", "berekening", "euro")
    put(sheet, r, 10, f'=AND(B{r}="lasten",H{r}>G{r})', "berekening", "algemeen")
    put(sheet, r, 11, f'=IF(D{r}="","ja","nee")', "berekening", "tekst")
    put(sheet, r, 12, line.bijdragen, "invoer", "euro")
    put(sheet, r, 13, f'=IF(B{r}="lasten",1,-1)*(H{r}-L{r})*(K{r}="ja")', "berekening", "euro")


def _info(sheet, afrekening: Afrekening) -> None:
    put_text(sheet, 1, 1, MARKER, "titel")
    info = [("Regeling", afrekening.basis.naam), ("Jaar", str(afrekening.basis.jaar))]
    info += [(label, str(value)) for label, value in afrekening.bronnen.items()]
    for i, (label, value) in enumerate(info[:8], start=2):
        put_text(sheet, i, 1, label)
        put_text(sheet, i, 2, value, "invoer")


def _gemeenten(sheet, afrekening: Afrekening, links: list) -> int:
    for c, text in enumerate(TOTAL_HEAD, start=1):
        put_text(sheet, FIRST_GEMEENTE_ROW - 1, c, text, "kop")
    r = FIRST_GEMEENTE_ROW
    for (title, cells), g in zip(links, afrekening.gemeenten, strict=True):
        ref = f"'{title}'!"
        put_text(sheet, r, 1, g.gemeente)
        for c, key in ((2, "producten"), (3, "doorbelastingen"), (4, "definitief"),
                       (5, "voorschotten"), (6, "sleutel")):
            put(sheet, r, c, f"={ref}{cells[key]}", "berekening", "euro")
        put(sheet, r, 7, g.aandeel_saldo, "invoer", "euro")
        put(sheet, r, 8, f"=D{r}-E{r}+G{r}", "berekening", "euro")
        r += 1
    put_text(sheet, r, 1, "Totaal", "totaal")
    for c in range(2, 9):
        col = "ABCDEFGH"[c - 1]
        put(sheet, r, c, f"=SUM({col}{FIRST_GEMEENTE_ROW}:{col}{r - 1})", "totaal", "euro")
    return r


def _reserve(sheet, afrekening: Afrekening, total: int, netto_cell: str) -> int:
    r = total + 2
    reserve = afrekening.reserve
    put_text(sheet, r, 1, "Saldo en reserve", "kop")
    mutatie = reserve_mutatie(f"B{r + 2}", f"B{r + 3}", f"B{r + 4}",
                              f"B{r + 5}" if reserve.maximum is not None else None)
    rows = [
        ("Werkelijke netto kosten van de regeling", f"={netto_cell}", "berekening"),
        ("Saldo: definitieve bijdragen − netto kosten (+ overschot, − tekort)",
         f"=D{total}-B{r + 1}", "berekening"),
        ("Reserve: stand begin jaar", reserve.begin, "invoer"),
        ("Reserve: minimum", reserve.minimum, "invoer"),
        ("Reserve: maximum", reserve.maximum, "invoer"),
        ("Mutatie reserve (+ dotatie, − onttrekking)",
         f"={mutatie}", "berekening"),
        ("Reserve: stand einde jaar", f"=B{r + 3}+B{r + 6}", "totaal"),
        ("Door de gemeenten te dragen (mutatie − saldo)", f"=B{r + 6}-B{r + 2}", "berekening"),
    ]
    for i, (label, value, kind) in enumerate(rows, start=1):
        put_text(sheet, r + i, 1, label, kind if kind == "totaal" else "label")
        if value is None:
            put_text(sheet, r + i, 2, "geen maximum", "invoer")
        else:
            put(sheet, r + i, 2, value, kind, "euro")
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
        put(sheet, c + i, 2, formula, "controle", "algemeen")
    put_text(sheet, c + len(checks) + 1, 1, "Alle controles in orde", "totaal")
    put(sheet, c + len(checks) + 1, 2, f"=AND(B{c + 1}:B{c + len(checks)})", "controle", "algemeen")


def total_sheet(sheet, afrekening: Afrekening, links: list, netto_cell: str) -> None:
    _info(sheet, afrekening)
    total = _gemeenten(sheet, afrekening, links)
    r = _reserve(sheet, afrekening, total, netto_cell)
    _checks(sheet, total, r)
    for col, width in zip("ABCDEFGH", (62, 18, 16, 18, 18, 20, 20, 20), strict=True):
        sheet.column_dimensions[col].width = width
    print_setup(sheet, f"Afrekening {afrekening.basis.jaar}", freeze=f"B{FIRST_GEMEENTE_ROW}")
