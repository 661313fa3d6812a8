"""The Saldo sheet of the voorstel: the saldo of the year before and after this wijziging,
what the reserve absorbs (the begroting's reserve rule, budgets.excel.formules), what the
gemeenten carry, per gemeente the change of its bijdrage and of its share in the saldo, and
the checks (to the cent), rolled into one master check."""

from budgets.excel.formules import reserve_mutatie
from budgets.excel.rapportblad import merge, print_setup, put, put_text, set_width
from budgets.pc.voorstel import Voorstel, cents
from budgets.wijziging.bladen import BEDRAG_UITLEG, BIJDRAGEN, EXPLOITATIE, SALDO

GEMEENTE_HEAD = ("Gemeente", "Aandeel in de verdeelsleutel", "Productbijdrage vóór",
                 "Productbijdrage na", "Verschil bijdrage", "Aandeel saldo vóór",
                 "Aandeel saldo na", "Verschil aandeel saldo",
                 "Totaal verschil (+ meer betalen, − minder)")


def _reserve_rows(v: Voorstel, r: int) -> list:
    """(label, value before, value after, kind, format) of the reserve's parameters; the
    maximum row comes last (None when there is no ceiling)."""
    reserve = v.reserve
    rows = [(f"Reserve: verwachte stand begin {v.jaar} (volgens de begroting)", reserve.begin,
             reserve.begin, "invoer", "euro"),
            ("Reserve: minimum", reserve.minimum, reserve.minimum, "invoer", "euro")]
    if reserve.maximum_percentage is not None:
        share = reserve.maximum_percentage
        rows.append(("Reserve: maximum in % van de lasten", share, share, "invoer", "pct"))
        pct = r + 2  # the row of the percentage; the lasten are on row 6
        rows.append(("Reserve: maximum", f"=ROUND(B{pct}*B6,2)", f"=ROUND(C{pct}*C6,2)",
                     "berekening", "euro"))
    elif v.voor.maximum is not None:
        rows.append(("Reserve: maximum", v.voor.maximum, v.na.maximum, "invoer", "euro"))
    return rows


def _saldo_rows(sheet, v: Voorstel, links: dict) -> None:
    """Rows 4–7: the header, totaal baten and lasten (from the Exploitatie) and the saldo."""
    for c, head in enumerate(("", "Vóór deze wijziging", "Na wijziging", "Verschil"), start=1):
        put_text(sheet, 4, c, head, "kop")
    sheet.hoogtes[4] = 28
    e = f"{EXPLOITATIE}!"
    for r, (label, key) in enumerate((("Totaal baten", "baten"), ("Totaal lasten", "lasten")),
                                     start=5):
        row = links[key]
        put_text(sheet, r, 1, label)
        put(sheet, r, 2, f"={e}B{row}+{e}C{row}", "berekening", "euro", getattr(v.voor, key))
        put(sheet, r, 3, f"={e}E{row}", "berekening", "euro", getattr(v.na, key))
    put_text(sheet, 7, 1, "Saldo van het jaar (+ overschot, − tekort)", "totaal")
    put(sheet, 7, 2, "=B5-B6", "totaal", "euro", v.voor.saldo)
    put(sheet, 7, 3, "=C5-C6", "totaal", "euro", v.na.saldo)


def _reserve_params(sheet, v: Voorstel) -> int | None:
    """Rows from 8: stand, minimum, maximum; returns the maximum's row (None: no ceiling)."""
    rows = _reserve_rows(v, 8)
    for r, (label, before, after, kind, fmt) in enumerate(rows, start=8):
        put_text(sheet, r, 1, label)
        caches = (v.voor.maximum, v.na.maximum) if kind == "berekening" else (None, None)
        put(sheet, r, 2, before, kind, fmt, caches[0])
        put(sheet, r, 3, after, kind, fmt, caches[1])
    if rows[-1][0] == "Reserve: maximum":
        return 7 + len(rows)
    r = 8 + len(rows)
    put_text(sheet, r, 1, "Reserve: maximum")
    put_text(sheet, r, 2, "geen maximum", "invoer")
    put_text(sheet, r, 3, "geen maximum", "invoer")
    return None


def _saldo_block(sheet, v: Voorstel, links: dict) -> dict:
    _saldo_rows(sheet, v, links)
    maximum = _reserve_params(sheet, v)
    mutatie_row = 8 + len(_reserve_rows(v, 8)) + (maximum is None)
    dragen_row = mutatie_row + 1
    put_text(sheet, mutatie_row, 1, "Mutatie reserve (+ dotatie, − onttrekking)")
    put_text(sheet, dragen_row, 1, "Door de gemeenten te dragen (+ bijbetalen, − terug)", "totaal")
    for c, col, stap in ((2, "B", v.voor), (3, "C", v.na)):
        formula = reserve_mutatie(f"{col}7", f"{col}8", f"{col}9",
                                  None if maximum is None else f"{col}{maximum}")
        put(sheet, mutatie_row, c, f"={formula}", "berekening", "euro", stap.mutatie)
        put(sheet, dragen_row, c, f"={col}{mutatie_row}-{col}7", "totaal", "euro", stap.te_dragen)
    for row, attr in ((5, "baten"), (6, "lasten"), (7, "saldo"), (mutatie_row, "mutatie"),
                      (dragen_row, "te_dragen")):
        kind = "totaal" if row in (7, dragen_row) else "berekening"
        put(sheet, row, 4, f"=C{row}-B{row}", kind, "euro",
            cents([getattr(v.na, attr), -getattr(v.voor, attr)]))
    return {"mutatie": mutatie_row, "dragen": dragen_row}


def _gemeente_block(sheet, v: Voorstel, start: int, totals: dict) -> int:
    put_text(sheet, start, 1, "Per gemeente", "kop2")
    for c, head in enumerate(GEMEENTE_HEAD, start=1):
        put_text(sheet, start + 1, c, head, "kop")
    sheet.hoogtes[start + 1] = 42
    first = r = start + 2
    b = f"{BIJDRAGEN}!"
    for g, share in zip(v.per_gemeente, v.reserve.aandelen, strict=True):
        put_text(sheet, r, 1, g.gemeente)
        put(sheet, r, 2, share, "invoer", "pct")
        put(sheet, r, 3, f"={b}I{totals[g.gemeente]}", "berekening", "euro", g.bijdrage_voor)
        put(sheet, r, 4, f"={b}J{totals[g.gemeente]}", "berekening", "euro", g.bijdrage_na)
        put(sheet, r, 5, f"=D{r}-C{r}", "berekening", "euro", g.bijdrage_effect)
        put(sheet, r, 6, g.aandeel_voor, "invoer", "euro")
        put(sheet, r, 7, g.aandeel_na, "invoer", "euro")
        put(sheet, r, 8, f"=G{r}-F{r}", "berekening", "euro", g.aandeel_effect)
        put(sheet, r, 9, f"=E{r}+H{r}", "berekening", "euro", g.effect)
        r += 1
    put_text(sheet, r, 1, "Totaal", "totaal")
    attrs = (None, "bijdrage_voor", "bijdrage_na", "bijdrage_effect", "aandeel_voor",
             "aandeel_na", "aandeel_effect", "effect")
    for c, attr in enumerate(attrs, start=2):
        col = "ABCDEFGHI"[c - 1]
        value = cents(v.reserve.aandelen) if attr is None else \
            cents(getattr(g, attr) for g in v.per_gemeente)
        put(sheet, r, c, f"=SUM({col}{first}:{col}{r - 1})", "totaal",
            "pct" if attr is None else "euro", 1.0 if attr is None else value)
    return r


def _checks(sheet, v: Voorstel, rows: dict, total: int, links: dict, all_row: int) -> str:
    c = total + 2
    put_text(sheet, c, 1, "Controles (tot op de cent)", "kop2")
    e = f"{EXPLOITATIE}!"
    checks = [
        ("Σ aandelen saldo vóór = door de gemeenten te dragen vóór",
         f"=ROUND(F{total}-B{rows['dragen']},2)=0"),
        ("Σ aandelen saldo na = door de gemeenten te dragen na",
         f"=ROUND(G{total}-C{rows['dragen']},2)=0"),
        ("Σ productbijdragen na = totaal op het blad Bijdragen",
         f"=ROUND(D{total}-{BIJDRAGEN}!J{all_row},2)=0"),
        ("Saldo na wijziging = primitief + eerdere wijzigingen + deze wijziging",
         f"=ROUND({e}E{links['saldo']}-({e}B{links['saldo']}+{e}C{links['saldo']}"
         f"+{e}D{links['saldo']}),2)=0"),
        ("Totaal verschil = verschil bijdragen + verschil te dragen",
         f"=ROUND(I{total}-(E{total}+D{rows['dragen']}),2)=0"),
    ]
    for i, (label, formula) in enumerate(checks, start=1):
        put_text(sheet, c + i, 1, label)
        put(sheet, c + i, 2, formula, "controle", "algemeen", True)
    end = c + len(checks) + 1
    put_text(sheet, end, 1, "Alle controles in orde", "totaal")
    put(sheet, end, 2, f"=AND(B{c + 1}:B{c + len(checks)})", "controle", "algemeen", True)
    return f"'{SALDO}'!$B${end}"


def saldo_sheet(book, v: Voorstel, links: dict, totals: dict, all_row: int) -> dict:
    """Write the sheet; returns the cells the Voorstel links to (rows and the master check)."""
    sheet = book.create_sheet(SALDO)
    put_text(sheet, 1, 1, f"Begrotingswijziging {v.wijziging.nummer}: saldo {v.jaar}, reserve en "
             "gemeenten", "titel")
    put_text(sheet, 2, 1, f"{BEDRAG_UITLEG} Een tekort gaat eerst ten laste van de reserve tot "
             "haar minimum, een overschot vult de reserve tot haar maximum; de rest dragen of "
             f"ontvangen de gemeenten naar de verdeelsleutel '{v.reserve.sleutel}' van de "
             "begroting, tot op de cent.", "tekstblok")
    merge(sheet, 2, 1, 9)
    sheet.hoogtes[2] = 28
    rows = _saldo_block(sheet, v, links)
    total = _gemeente_block(sheet, v, rows["dragen"] + 2, totals)
    check = _checks(sheet, v, rows, total, links, all_row)
    for col, width in zip("ABCDEFGHI", (52, 14, 15, 15, 14, 15, 15, 14, 17), strict=True):
        set_width(sheet, col, width)
    print_setup(sheet, f"{v.regeling}: begrotingswijziging {v.wijziging.nummer} — saldo en "
                "gemeenten")
    first = rows["dragen"] + 4
    return {**rows, "gemeenten": {g: first + i for i, g in enumerate(v.gemeenten)},
            "totaal": total, "controle": check}
