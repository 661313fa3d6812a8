"""Rendering a workbook plan with XlsxWriter: cells with the core's value cached on every
formula, the template's named styles as formats, widths, frozen panes, links,
validations, charts, grouped working rows and print set-up; deterministic output."""

import io
from datetime import date, datetime
from pathlib import Path

import xlsxwriter
from xlsxwriter.utility import xl_cell_to_rowcol

from budgets.excel.formaten import datum_tekst
from budgets.excel.stijl import TEMPLATE, house_styles
from budgets.excel.werkblad import Werkblad
from budgets.excel.xlsx import header_within_limit, name_styles, template_styles
from budgets.spec.model import Begroting
from budgets.werkboek.plan import UNCHECKED, Blad

GREEN, RED = "#C6EFCE", "#FFC7CE"
LINK = {"font_color": "#0563C1", "underline": 1}


class _Formats:
    """One XlsxWriter format per (named style, number format, extra) combination."""

    def __init__(self, book, template: Path):
        self.book, self.styles = book, template_styles(template, house_styles)
        self.made: dict = {}
        self.names: dict = {}  # format -> named style

    def get(self, stijl: str | None, formaat: str | None, extra: tuple = ()):
        key = (stijl, formaat, extra)
        if key not in self.made:
            props = dict(self.styles.get(stijl, {})) if stijl else {}
            if formaat:
                props["num_format"] = formaat
            props.update(dict(extra))
            fmt = self.book.add_format(props) if props else None
            self.made[key] = fmt
            if fmt is not None and stijl in self.styles:
                self.names[fmt] = stijl
        return self.made[key]


def write_workbook(b: Begroting, sheets: list[Blad], target: Path, template: Path = TEMPLATE,
                   printed: set | None = None) -> None:
    """Write the planned sheets to target (a temporary path; the caller renames it).
    With `printed` (sheet titles) every other sheet is hidden and has no print area:
    LibreOffice prints only the visible sheets (but a hidden sheet's print area it does
    print), so a copy written this way prints the board pack."""
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True, "strings_to_formulas": False,
                                        "strings_to_numbers": False, "strings_to_urls": False})
    formats = _Formats(book, Path(template))
    worksheets = {blad.titel: book.add_worksheet(blad.titel, worksheet_class=Werkblad) for blad in sheets}
    for blad in sheets:
        _sheet(worksheets[blad.titel], b, blad, formats, book, printed is None or blad.titel in printed)
    if printed is not None:
        _hide_unprinted(worksheets, printed)
    _properties(book, b)
    book.close()
    names = {fmt.xf_index: name for fmt, name in formats.names.items() if fmt.xf_index is not None}
    Path(target).write_bytes(name_styles(buffer.getvalue(), names))


def _hide_unprinted(worksheets: dict, printed: set) -> None:
    """Hide the sheets not printed; the first printed one is the active sheet (XlsxWriter
    cannot hide the active sheet)."""
    first = next(ws for title, ws in worksheets.items() if title in printed)
    first.activate()
    first.set_first_sheet()
    for title, ws in worksheets.items():
        if title not in printed:
            ws.hide()


def _sheet(ws, b: Begroting, blad: Blad, formats: _Formats, book, printed: bool = True) -> None:
    _cells(ws, blad, formats)
    for letter, width in blad.breedtes.items():
        ws.set_column(f"{letter}:{letter}", width)
    for rij, (niveau, verborgen) in sorted(blad.groepen.items()):
        ws.set_row(rij - 1, None, None, {"level": niveau, "hidden": verborgen})
    if blad.bevriezen:
        row, column = xl_cell_to_rowcol(blad.bevriezen)
        ws.freeze_panes(row, column)
    for cells, options in blad.validaties:
        _validation(ws, cells, options)
    for chart in blad.grafieken:
        _chart(book, ws, b, chart)
    _checks_colour(ws, blad, formats)
    _print(ws, b, blad, printed)


def cached(cel):
    """The value a formula cell carries as its cached result: the core's value."""
    value = cel.verwacht
    if value is UNCHECKED or value is None:
        return 0
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, datetime):  # a date formula: Excel's serial day number
        return float((value - datetime(1899, 12, 30)).days)
    return str(value)


def _cells(ws, blad: Blad, formats: _Formats) -> None:
    for adres, cel in blad.cellen.items():
        row, column = xl_cell_to_rowcol(adres)
        fmt = formats.get(cel.stijl, cel.formaat)
        value = cel.waarde
        if adres in blad.koppelingen:
            link = formats.get(cel.stijl, cel.formaat, tuple(LINK.items()))
            ws.write_url(row, column, f"internal:{blad.koppelingen[adres]}", link, str(value))
        elif cel.tekst:
            ws.write_string(row, column, str(value), fmt)
        elif isinstance(value, str) and value.startswith("="):
            ws.write_formula(row, column, value, fmt, cached(cel))
        elif isinstance(value, bool):
            ws.write_boolean(row, column, value, fmt)
        elif isinstance(value, (date, datetime)):
            ws.write_datetime(row, column, datetime(value.year, value.month, value.day), fmt)
        elif value is None or value == "":
            ws.write_blank(row, column, None, fmt)
        elif isinstance(value, str):
            ws.write_string(row, column, value, fmt)
        else:
            ws.write_number(row, column, float(value), fmt)


def _validation(ws, cells: str, options) -> None:
    """A list of choices, or {van, tot, melding} for a number between two bounds."""
    if isinstance(options, dict):
        ws.data_validation(cells, {"validate": "decimal", "criteria": "between", "minimum": options["van"],
                                   "maximum": options["tot"], "error_title": "Ongeldig getal",
                                   "error_message": options["melding"]})
        return
    ws.data_validation(cells, {"validate": "list", "source": list(options), "ignore_blank": True,
                               "error_title": "Ongeldige keuze",
                               "error_message": "Kies een waarde uit de lijst."})


FIRST_CHART_ROW = 3


def _chart(book, ws, b: Begroting, spec: dict) -> None:
    """A chart of one unit: series per row over the year columns ("rijen"), or the series
    as given ("reeksen", XlsxWriter's [sheet, row, column, ...] ranges)."""
    kind = {"type": {"staaf": "column", "lijn": "line"}.get(spec["soort"], spec["soort"])}
    if spec.get("subtype"):
        kind["subtype"] = spec["subtype"]
    chart = book.add_chart(kind)
    chart.set_title({"name": spec["titel"], "name_font": {"size": 11}})
    chart.set_y_axis({"name": spec["as"], "num_font": {"size": 9}, "name_font": {"size": 9},
                      "num_format": spec.get("getalnotatie", "#,##0")})
    chart.set_x_axis({"name": spec.get("x_as", "jaar"), "num_font": {"size": 9}, "name_font": {"size": 9},
                      "label_position": "low"})
    chart.set_legend({"position": "bottom", "font": {"size": 9}})
    chart.set_size({"width": spec.get("breedte", 830), "height": spec.get("hoogte", 340)})
    for series in spec.get("reeksen", ()):
        chart.add_series(series)
    if spec.get("reeksen"):
        ws.insert_chart(spec["anker"], chart)
        return
    first, last = spec.get("kolommen", (4, 3 + len(b.jaren)))  # zero-based year columns
    header = spec.get("koprij", 3) - 1
    labels = spec.get("labels") or [None] * len(spec["rijen"])
    for row, label in zip(spec["rijen"], labels, strict=True):
        series = {"values": [spec["blad"], row - 1, first, row - 1, last],
                  "categories": [spec["blad"], header, first, header, last],
                  "name": label if label else [spec["blad"], row - 1, 0]}
        series.update(spec.get("reeks", {}).get(row, {}))
        chart.add_series(series)
    ws.insert_chart(spec["anker"], chart)


def _checks_colour(ws, blad: Blad, formats: _Formats) -> None:
    """Green for TRUE, red for FALSE on every check cell (one rule pair per sheet)."""
    cells = " ".join(adres for adres, cel in blad.cellen.items() if cel.stijl == "controle")
    if not cells:
        return
    first = cells.split(" ")[0]
    for value, colour in (("TRUE", GREEN), ("FALSE", RED)):
        fmt = formats.book.add_format({"bg_color": colour})
        ws.conditional_format(first, {"type": "cell", "criteria": "==", "value": value, "format": fmt,
                                      "multi_range": cells})


def _print(ws, b: Begroting, blad: Blad, printed: bool = True) -> None:
    ws.set_paper(9)  # A4
    if blad.staand:
        ws.set_portrait()
    else:
        ws.set_landscape()
    ws.fit_to_pages(1, 0)
    ws.hide_gridlines(1)  # gridlines on screen, not on paper
    ws.set_margins(left=0.5, right=0.5, top=0.7, bottom=0.7)
    if blad.bevriezen and blad.bevriezen[1:] != "1":
        ws.repeat_rows(0, int(blad.bevriezen[1:]) - 2)
    if blad.afdrukbereik and printed:
        ws.print_area(blad.afdrukbereik)
    breaks = {r - 1 for r in blad.pagina_einden}
    breaks.update(xl_cell_to_rowcol(c["anker"])[0] for c in blad.grafieken)  # each further chart: a new page
    breaks = sorted(r for r in breaks if r >= FIRST_CHART_ROW)
    if breaks:
        ws.set_h_pagebreaks(breaks)
    footer = f"{b.naam} – begroting {b.begrotingsjaar} – {b.status}"
    ws.set_footer(header_within_limit("&L&8{}&R&8&A – pagina &P van &N", footer))
    ws.set_header(header_within_limit("&R&8{}", f"Versie {b.versie}, {datum_tekst(b.datum)}"))


def _properties(book, b: Begroting) -> None:
    moment = datetime(b.datum.year, b.datum.month, b.datum.day)
    book.set_properties({"title": f"Begroting {b.begrotingsjaar} {b.naam}", "subject": f"status: {b.status}",
                         "author": "begroting genereer", "created": moment})
    book.set_calc_mode("auto")
