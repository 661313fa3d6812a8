"""The output sheet "Gevoeligheid": the effect on the saldo per year of each parameter alone
at the low and the high end of its range (largest effect first), and a tornado chart of the
effect in the begrotingsjaar. Effects come from the core (pyfuncs.gevoeligheid); the
largest effect per row and the chart's data are formulas."""

from openpyxl.utils import get_column_letter

from budgets.excel.rapportblad import print_setup, put, put_text, set_width
from budgets.scenario.model import Vergelijking, parameter_of
from budgets.spec.scenarios import parameter_label
from budgets.werkboek.overzicht import caption

TITEL = "Gevoeligheid"
FIRST_YEAR = 4  # column D
VALUE_FORMATS = {"basisprijs": "euro"}  # any other field: a factor or a percentage


def _value(sheet, r: int, value, veld: str) -> None:
    if value is None:
        put_text(sheet, r, 3, "volgens de spec", "toelichting")
    else:
        put(sheet, r, 3, value, "invoer", VALUE_FORMATS.get(veld, "getal"))


def _rows(sheet, v: Vergelijking, r: int) -> tuple[int, list]:
    years = v.jaren
    last = get_column_letter(FIRST_YEAR + len(years) - 1)
    biggest = FIRST_YEAR + len(years)
    found = []
    for row in v.gevoeligheid:
        p = parameter_of(v, row)
        veld = p.aanpassing.veld
        put_text(sheet, r, 1, p.omschrijving or parameter_label(p.aanpassing), "kop2")
        put_text(sheet, r, 2, "basis")
        _value(sheet, r, p.basis, veld)
        for offset, (stand, value, effects) in enumerate((("laag", row.laag, row.effect_laag),
                                                          ("hoog", row.hoog, row.effect_hoog)), start=1):
            put_text(sheet, r + offset, 2, stand)
            _value(sheet, r + offset, value, veld)
            for i, effect in enumerate(effects):
                put(sheet, r + offset, FIRST_YEAR + i, effect, "berekening", "euro")
            span = f"D{r + offset}:{last}{r + offset}"
            put(sheet, r + offset, biggest, f"=MAX(MAX({span}),-MIN({span}))", "berekening", "euro",
                max(abs(e) for e in effects))
        found.append((p, r))
        r += 4
    return r, found


def _chart_data(sheet, v: Vergelijking, r: int, found: list) -> tuple[int, int]:
    b = v.basis.begroting
    year = b.jaren.index(b.begrotingsjaar)
    col = get_column_letter(FIRST_YEAR + year)
    put_text(sheet, r, 1, f"Grafiek: effect in {caption(b, b.begrotingsjaar)}", "kop")
    for c in (2, 3):
        put_text(sheet, r, c, "", "kop")
    put_text(sheet, r, FIRST_YEAR, "bij laag", "kop")
    put_text(sheet, r, FIRST_YEAR + 1, "bij hoog", "kop")
    for i, ((p, first), row) in enumerate(zip(found, v.gevoeligheid, strict=True), start=1):
        put_text(sheet, r + i, 1, p.omschrijving or parameter_label(p.aanpassing))
        put(sheet, r + i, FIRST_YEAR, f"={col}{first + 1}", "berekening", "euro", row.effect_laag[year])
        put(sheet, r + i, FIRST_YEAR + 1, f"={col}{first + 2}", "berekening", "euro", row.effect_hoog[year])
    return r + 1, r + len(found)


def _tornado(first: int, last: int, jaar_kop: str):
    def build(book):
        chart = book.add_chart({"type": "bar"})
        for column, name, colour in (("D", "Parameter laag", "#C0504D"), ("E", "Parameter hoog", "#4F81BD")):
            chart.add_series({
                "name": name, "categories": [TITEL, first - 1, 0, last - 1, 0],
                "values": f"={TITEL}!${column}${first}:${column}${last}",
                "fill": {"color": colour}, "overlap": 100, "gap": 60})
        chart.set_title({"name": f"Effect op het saldo in {jaar_kop} (EUR)", "name_font": {"size": 11}})
        chart.set_x_axis({"num_format": '"€" #,##0;"€" -#,##0', "num_font": {"size": 9}})
        chart.set_y_axis({"reverse": True, "num_font": {"size": 9}, "label_position": "low"})
        chart.set_legend({"position": "bottom", "font": {"size": 9}})
        chart.set_size({"width": 900, "height": 60 + 45 * (last - first + 1)})
        return chart

    return build


def sensitivity_sheet(book, v: Vergelijking) -> None:
    sheet = book.create_sheet(TITEL)
    b = v.basis.begroting
    put_text(sheet, 1, 1, f"Gevoeligheid van het saldo ({b.naam})", "titel")
    put_text(sheet, 2, 1, "Effect op het saldo als één parameter naar de onder- of bovenkant van zijn "
             "bereik gaat en alle andere op de basis blijven; + beter, − slechter; in euro's.", "toelichting")
    heads = ("Parameter", "Stand", "Waarde", *(caption(b, y) for y in b.jaren), "Grootste effect")
    for c, text in enumerate(heads, start=1):
        put_text(sheet, 4, c, text, "kop")
    sheet.hoogtes[4] = 28
    if not v.gevoeligheid:
        put_text(sheet, 5, 1, "Geen parameters opgegeven (sectie gevoeligheid).", "toelichting")
    else:
        r, found = _rows(sheet, v, 5)
        first, last = _chart_data(sheet, v, r, found)
        sheet.grafieken.append((f"A{last + 2}", _tornado(first, last, caption(b, b.begrotingsjaar))))
    set_width(sheet, 1, 44)
    set_width(sheet, 2, 8)
    set_width(sheet, 3, 14)
    for i in range(len(b.jaren) + 1):
        set_width(sheet, FIRST_YEAR + i, 15)
    print_setup(sheet, f"{TITEL} {b.naam}", freeze="A5")
