"""The Samenvatting sheet of the bestuursrapportage: what a board member reads in two
minutes. Peildatum, regeling and status; the prognosed result of the year against the
begroting na wijziging and what it means for the reserve and each gemeente; the largest
afwijkingen with V/N, S/I and toelichting; the wijzigingen counted; two charts."""

from budgets.excel.formaten import euro
from budgets.excel.rapportblad import Blad, merge, print_setup, put, put_text, set_width
from budgets.kwartaal.model import Kwartaalrapport
from budgets.kwartaal.prognose import Prognose, largest, project
from budgets.pc.vorig_rapport import SALDO_LABEL

WIDTHS = (40, 15, 15, 15, 5, 5, 62)


def display_unit(basis) -> int:
    """1 (whole euros) or 1000 (× € 1.000) as the begroting chose (presentatie.eenheid)."""
    presentatie = getattr(basis.begroting, "presentatie", None)
    eenheid = presentatie.get("eenheid") if isinstance(presentatie, dict) else \
        getattr(presentatie, "eenheid", None)
    return 1000 if eenheid == 1000 else 1


def unit_text(unit: int) -> str:
    return "Bedragen × € 1.000" if unit == 1000 else "Bedragen in hele euro's"


def _status(rapport: Kwartaalrapport) -> str:
    missing, needed = len(rapport.ontbrekend), sum(r.toelichten for r in rapport.rijen)
    if missing:
        return (f"Concept: {missing} van de {needed} vereiste toelichtingen ontbreken nog "
                "(blad Producten en Exploitatie, kolom Toelichting)")
    return f"Gereed: alle {needed} vereiste toelichtingen zijn gegeven"


def _sentence(p: Prognose) -> str:
    direction = "beter" if p.verschil > 0 else "slechter"
    if p.verschil == 0:
        return "De prognose van het jaarresultaat is gelijk aan de begroting na wijziging."
    word = "overschot" if p.saldo_prognose >= 0 else "tekort"
    return (f"Het jaar sluit naar verwachting met een {word} van {euro(abs(p.saldo_prognose))}: "
            f"{euro(abs(p.verschil))} {direction} dan de begroting na wijziging "
            f"({euro(p.saldo_begroot)}).")


def _result_block(sheet: Blad, p: Prognose, r: int) -> int:
    put_text(sheet, r, 1, "Resultaat van het jaar", "kop2")
    for c, head in enumerate(("", "Begroting na wijziging", "Prognose", "Verschil"), start=1):
        put_text(sheet, r + 1, c, head, "kop")
    sheet.hoogtes[r + 1] = 28
    rows = [(SALDO_LABEL, p.saldo_begroot, p.saldo_prognose),
            ("Reserve: stand begin jaar", p.reserve_begin, p.reserve_begin),
            ("Mutatie reserve (+ dotatie, − onttrekking)", p.mutatie_begroot, p.mutatie_prognose)]
    rows += [(f"{g.gemeente}: bijbetalen (+) / terugontvangen (−)", g.begroot, g.prognose)
             for g in p.per_gemeente]
    for i, (label, begroot, prognose) in enumerate(rows, start=r + 2):
        kind = "totaal" if i == r + 2 else "berekening"
        put_text(sheet, i, 1, label, kind if kind == "totaal" else "label")
        put(sheet, i, 2, begroot, kind, "euro")
        put(sheet, i, 3, prognose, kind, "euro")
        put(sheet, i, 4, f"=C{i}-B{i}", kind, "euro", prognose - begroot)
    end = r + 2 + len(rows)
    put_text(sheet, end, 1, _sentence(p) + " Een tekort gaat eerst ten laste van de reserve "
             "(tot haar minimum); de rest dragen de gemeenten naar rato van hun bijdragen, "
             "zoals in de begroting.", "tekstblok")
    merge(sheet, end, 1, 7)
    sheet.hoogtes[end] = 28
    return end + 2


def _afwijkingen(sheet: Blad, rapport: Kwartaalrapport, r: int) -> int:
    put_text(sheet, r, 1, f"Grootste afwijkingen tot en met kwartaal {rapport.kwartaal}", "kop2")
    heads = ("Omschrijving", "Gemeente", "Begroot t/m", "Verschil", "V/N", "S/I", "Toelichting")
    for c, head in enumerate(heads, start=1):
        put_text(sheet, r + 1, c, head, "kop")
    for i, row in enumerate(largest(rapport), start=r + 2):
        text = row.toelichting.strip() or ("toelichting ontbreekt" if row.toelichten else "")
        if row.overschrijding:
            text = f"Boven de begroting na wijziging; {text}".strip("; ")
        for c, value in ((1, row.omschrijving), (2, row.gemeente), (5, row.afwijking.oordeel),
                         (6, row.aard), (7, text)):
            put_text(sheet, i, c, value, "tekstblok" if c == 7 else "label")
        put(sheet, i, 3, row.begroot_tm, "berekening", "euro")
        put(sheet, i, 4, row.afwijking.verschil, "berekening", "euro")
    return r + 3 + len(largest(rapport))


def _changes(sheet: Blad, rapport: Kwartaalrapport, r: int, date) -> int:
    basis = rapport.basis
    put_text(sheet, r, 1, "Begrotingswijzigingen", "kop2")
    lines = [f"Meegeteld: {w.nummer} ({date(w.datum)}, {w.besluit}) {w.omschrijving}"
             for w in basis.wijzigingen]
    lines += [f"Na de peildatum, niet meegeteld: {w.nummer} ({date(w.datum)}) {w.omschrijving}"
              for w in basis.na_peildatum]
    for i, line in enumerate(lines or ["Geen begrotingswijzigingen."], start=r + 1):
        put_text(sheet, i, 1, line)
    return r + 2 + max(1, len(lines))


def _chart_data(sheet: Blad, rapport: Kwartaalrapport, r: int) -> tuple[int, int]:
    put_text(sheet, r, 1, "Per product tot en met het kwartaal", "kop2")
    for c, head in enumerate(("Product", "Begroot t/m", "Realisatie t/m"), start=1):
        put_text(sheet, r + 1, c, head, "kop")
    totals = [row for row in rapport.rijen if row.niveau == "producttotaal"]
    for i, row in enumerate(totals, start=r + 2):
        put_text(sheet, i, 1, row.omschrijving)
        put(sheet, i, 2, row.begroot_tm, "berekening", "euro")
        put(sheet, i, 3, row.realisatie_tm, "berekening", "euro")
    return r + 2, r + 1 + len(totals)


def _charts(sheet: Blad, first: int, last: int, saldo_row: int, anchor_row: int) -> None:
    name = sheet.title

    def products(book):
        chart = book.add_chart({"type": "bar"})
        for col, label, color in ((1, "Begroot t/m", "#9DC3E6"), (2, "Realisatie t/m", "#1F3864")):
            chart.add_series({"name": label, "categories": [name, first - 1, 0, last - 1, 0],
                              "values": [name, first - 1, col, last - 1, col],
                              "fill": {"color": color}})
        chart.set_title({"name": "Realisatie en begroting per product", "name_font": {"size": 11}})
        chart.set_legend({"position": "bottom"})
        chart.set_y_axis({"reverse": True})
        chart.set_x_axis({"num_format": "#,##0"})
        chart.set_size({"width": 560, "height": 300})
        return chart

    def saldo(book):
        chart = book.add_chart({"type": "column"})
        chart.add_series({"name": "Saldo van het jaar",
                          "categories": [name, saldo_row - 2, 1, saldo_row - 2, 2],
                          "values": [name, saldo_row - 1, 1, saldo_row - 1, 2],
                          "points": [{"fill": {"color": "#9DC3E6"}}, {"fill": {"color": "#1F3864"}}],
                          "data_labels": {"value": True, "num_format": "#,##0"}})
        chart.set_title({"name": "Saldo: begroting na wijziging en prognose",
                         "name_font": {"size": 11}})
        chart.set_legend({"none": True})
        chart.set_x_axis({"label_position": "low"})
        chart.set_y_axis({"num_format": "#,##0"})
        chart.set_size({"width": 420, "height": 300})
        return chart

    sheet.grafieken += [(f"A{anchor_row}", products), (f"D{anchor_row}", saldo)]


def summary_sheet(sheet: Blad, rapport: Kwartaalrapport, date) -> Prognose:
    """Write the Samenvatting; returns the prognose it shows."""
    basis, prognose = rapport.basis, project(rapport)
    put_text(sheet, 1, 1, f"Bestuursrapportage {basis.naam} {basis.jaar}: kwartaal "
             f"{rapport.kwartaal}", "titel")
    put_text(sheet, 2, 1, f"Peildatum {date(basis.peildatum)}. {_status(rapport)}.")
    put_text(sheet, 3, 1, f"{unit_text(display_unit(basis))}. Prognose jaar = realisatie tot "
             "en met het kwartaal plus de rest van de begroting na wijziging.", "toelichting")
    r = _result_block(sheet, prognose, 5)
    r = _afwijkingen(sheet, rapport, r)
    r = _changes(sheet, rapport, r, date)
    first, last = _chart_data(sheet, rapport, r)
    _charts(sheet, first, last, 7, last + 2)
    for c, width in enumerate(WIDTHS, start=1):
        set_width(sheet, c, width)
    print_setup(sheet, f"Bestuursrapportage {basis.naam} {basis.jaar} K{rapport.kwartaal}")
    return prognose
