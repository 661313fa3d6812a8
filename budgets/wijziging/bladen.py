"""The tables of the voorstel: Exploitatie (per line primitief, eerdere wijzigingen, deze
wijziging, na wijziging), Bijdragen (per gemeente × product the volumes and the bijdrage before
and after) and Saldo (the saldo of the year and the reserve before and after, per gemeente the
change of its bijdrage and of its share in the saldo, and the checks).

Inputs are values, everything derived is a formula with the core's value cached; the shares
in the saldo are values from the core (split_saldo, largest remainder, to the cent). Each
function returns the cells the other sheets link to."""

from budgets.excel.rapportblad import print_setup, put, put_text, set_width
from budgets.pc.voorstel import Voorstel, cents

EXPLOITATIE = "Exploitatie"
BIJDRAGEN = "Bijdragen"
SALDO = "Saldo en gemeenten"
BEDRAG_UITLEG = "Bedragen in euro's."


def _head(sheet, row: int, heads, height: float = 42) -> None:
    for c, text in enumerate(heads, start=1):
        put_text(sheet, row, c, text, "kop")
    sheet.hoogtes[row] = height


def _title(sheet, v: Voorstel, text: str, note: str) -> None:
    put_text(sheet, 1, 1, f"Begrotingswijziging {v.wijziging.nummer}: {text}", "titel")
    put_text(sheet, 2, 1, note, "toelichting")


def _line_block(sheet, lines, r: int, label: str) -> int:
    """Lines of one soort and their total row; returns the total row."""
    first = r
    for line in lines:
        put_text(sheet, r, 1, line.naam)
        for c, value in ((2, line.primitief), (3, line.eerder), (4, line.deze)):
            put(sheet, r, c, value, "invoer", "euro")
        put(sheet, r, 5, f"=B{r}+C{r}+D{r}", "berekening", "euro", line.na)
        r += 1
    put_text(sheet, r, 1, label, "totaal")
    amounts = [[x.primitief, x.eerder, x.deze, x.na] for x in lines]
    for c, col in enumerate("BCDE", start=2):
        formula = f"=SUM({col}{first}:{col}{r - 1})" if lines else 0
        put(sheet, r, c, formula, "totaal", "euro", cents(a[c - 2] for a in amounts))
    return r


def exploitatie_sheet(book, v: Voorstel) -> dict:
    """Write the exploitatie; returns the rows of the totals (baten, lasten, saldo)."""
    sheet = book.create_sheet(EXPLOITATIE)
    eerdere = ", ".join(w.nummer for w in v.eerdere) or "geen"
    _title(sheet, v, f"exploitatie {v.jaar}", f"{BEDRAG_UITLEG} Baten en lasten positief. "
           "Begroting na wijziging = primitieve begroting + eerdere wijzigingen + deze wijziging.")
    _head(sheet, 4, ("Regel", "Primitieve begroting", f"Eerdere wijzigingen ({eerdere})",
                     f"Deze wijziging ({v.wijziging.nummer})", "Begroting na wijziging"))
    baten = [x for x in v.regels if x.soort == "baten"]
    lasten = [x for x in v.regels if x.soort == "lasten"]
    put_text(sheet, 5, 1, "Baten", "kop2")
    total_baten = _line_block(sheet, baten, 6, "Totaal baten")
    put_text(sheet, total_baten + 2, 1, "Lasten", "kop2")
    total_lasten = _line_block(sheet, lasten, total_baten + 3, "Totaal lasten")
    saldo = total_lasten + 2
    put_text(sheet, saldo, 1, "Saldo van baten en lasten (+ overschot, − tekort)", "totaal")
    for c, col in enumerate("BCDE", start=2):
        value = {2: _saldo([x.primitief for x in baten], [x.primitief for x in lasten]),
                 3: _saldo([x.eerder for x in baten], [x.eerder for x in lasten]),
                 4: _saldo([x.deze for x in baten], [x.deze for x in lasten]),
                 5: v.na.saldo}[c]
        put(sheet, saldo, c, f"={col}{total_baten}-{col}{total_lasten}", "totaal", "euro", value)
    for col, width in zip("ABCDE", (46, 16, 16, 16, 16), strict=True):
        set_width(sheet, col, width)
    print_setup(sheet, f"{v.regeling}: begrotingswijziging {v.wijziging.nummer} — exploitatie",
                freeze="B5", portrait=True)
    return {"baten": total_baten, "lasten": total_lasten, "saldo": saldo}


def _saldo(baten, lasten) -> float:
    return cents([*baten, *(-x for x in lasten)])


BIJDRAGE_HEAD = ("Gemeente", "Product", "Eenheid", "Normprijs per eenheid (− = terug naar de "
                 "gemeente)", "Volume primitieve begroting", "Eerdere wijzigingen",
                 "Deze wijziging", "Volume na wijziging", "Bijdrage vóór deze wijziging",
                 "Bijdrage na wijziging", "Verschil bijdrage")


def _volume_row(sheet, r: int, s) -> None:
    put_text(sheet, r, 1, s.gemeente)
    put_text(sheet, r, 2, s.product)
    put_text(sheet, r, 3, s.eenheid)
    put(sheet, r, 4, s.kostprijs, "invoer", "euro")
    for c, value in ((5, s.primitief), (6, s.eerder), (7, s.deze)):
        put(sheet, r, c, value, "invoer", "getal")
    put(sheet, r, 8, f"=E{r}+F{r}+G{r}", "berekening", "getal", s.na)
    put(sheet, r, 9, f"=ROUND((E{r}+F{r})*D{r},2)", "berekening", "euro", s.bijdrage_voor)
    put(sheet, r, 10, f"=ROUND(H{r}*D{r},2)", "berekening", "euro", s.bijdrage_na)
    put(sheet, r, 11, f"=J{r}-I{r}", "berekening", "euro", s.effect)


def _gemeente_rows(sheet, rows: list, gemeente: str, first: int) -> int:
    """The products of one gemeente and its total row; returns the total's row."""
    for r, s in enumerate(rows, start=first):
        _volume_row(sheet, r, s)
    r = first + len(rows)
    put_text(sheet, r, 1, f"Totaal {gemeente}", "totaal")
    for c, col, attr in ((9, "I", "bijdrage_voor"), (10, "J", "bijdrage_na"), (11, "K", "effect")):
        put(sheet, r, c, f"=SUM({col}{first}:{col}{r - 1})", "totaal", "euro",
            cents(getattr(s, attr) for s in rows))
    return r


def bijdragen_sheet(book, v: Voorstel) -> tuple[dict, int]:
    """Per gemeente its products and a total row; returns gemeente -> its total row, and
    the row of the total of all gemeenten."""
    sheet = book.create_sheet(BIJDRAGEN)
    _title(sheet, v, f"volumes en bijdragen {v.jaar} per gemeente",
           f"{BEDRAG_UITLEG} Bijdrage = volume × normprijs, afgerond op centen. Bij de Wsw is de "
           "normprijs het operationeel resultaat per fte: een positief resultaat gaat terug naar "
           "de gemeente (een negatieve bijdrage).")
    _head(sheet, 4, BIJDRAGE_HEAD, 54)
    totals, r = {}, 5
    for g in v.gemeenten:
        totals[g] = _gemeente_rows(sheet, [s for s in v.volumes if s.gemeente == g], g, r)
        r = totals[g] + 2
    put_text(sheet, r, 1, "Totaal alle gemeenten", "totaal")
    for c, col, attr in ((9, "I", "bijdrage_voor"), (10, "J", "bijdrage_na"), (11, "K", "effect")):
        put(sheet, r, c, "=" + "+".join(f"{col}{t}" for t in totals.values()), "totaal", "euro",
            cents(getattr(s, attr) for s in v.volumes))
    for col, width in zip("ABCDEFGHIJK", (13, 26, 8, 13, 12, 11, 11, 12, 17, 17, 15), strict=True):
        set_width(sheet, col, width)
    print_setup(sheet, f"{v.regeling}: begrotingswijziging {v.wijziging.nummer} — bijdragen",
                freeze="A5")
    return totals, r
