"""Rendering a workbook plan with openpyxl on the house-style template: cells, styles,
widths, frozen panes, links, validations, charts, print set-up; deterministic output."""

import zipfile
from copy import copy
from datetime import datetime
from functools import cache
from pathlib import Path

import openpyxl
from openpyxl.cell import Cell
from openpyxl.chart import BarChart, LineChart, Reference, Series
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Font, PatternFill
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils.cell import coordinate_to_tuple
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.pagebreak import Break

from budgets.excel.stijl import TEMPLATE, ensure_styles
from budgets.excel.xml_schrijver import FastExcelWriter
from budgets.spec.model import Begroting
from budgets.werkboek.plan import Blad

GREEN = PatternFill("solid", fgColor="C6EFCE")
RED = PatternFill("solid", fgColor="FFC7CE")


def write_workbook(b: Begroting, sheets: list[Blad], target: Path, template: Path = TEMPLATE) -> None:
    """Write the planned sheets to target (a temporary path; the caller renames it)."""
    book = openpyxl.load_workbook(template) if template.exists() else openpyxl.Workbook()
    ensure_styles(book)
    old = list(book.worksheets)
    styles: dict = {}
    for blad in sheets:
        _sheet(book, b, blad, styles)
    for sheet in old:
        book.remove(sheet)
    _properties(book, b)
    _save(book, target, b)


def _sheet(book, b: Begroting, blad: Blad, styles: dict) -> None:
    ws = book.create_sheet(blad.titel)
    _cells(ws, blad, styles)
    for letter, width in blad.breedtes.items():
        ws.column_dimensions[letter].width = width
    if blad.bevriezen:
        ws.freeze_panes = blad.bevriezen
    for adres, location in blad.koppelingen.items():
        ws[adres].hyperlink = Hyperlink(ref=adres, location=location, display=str(ws[adres].value))
        ws[adres].font = Font(color="0563C1", underline="single")
    for cells, options in blad.validaties:
        _validation(ws, cells, options)
    for chart in blad.grafieken:
        _chart(book, ws, b, chart)
    _checks_colour(ws, blad)
    _print(ws, b, blad)


def _cells(ws, blad: Blad, styles: dict) -> None:
    """Write the planned cells. The first cell of each (named style, number format)
    pair is styled through openpyxl (which registers the style and format); its
    StyleArray is cached and copied to the later cells of that pair."""
    for adres, cel in blad.cellen.items():
        row, column = _position(adres)
        cell = Cell(ws, row, column, cel.waarde)
        ws._add_cell(cell)
        if cel.tekst:
            cell.data_type = "s"
        if not (cel.stijl or cel.formaat):
            continue
        key = (cel.stijl, cel.formaat)
        cached = styles.get(key)
        if cached is None:
            styles[key] = _style_first(cell, cel)
        else:
            cell._style = copy(cached)


def _style_first(cell, cel) -> StyleArray:
    if cel.stijl:
        cell.style = cel.stijl
    if cel.formaat:
        cell.number_format = cel.formaat
    return copy(cell._style)


@cache
def _position(adres: str) -> tuple[int, int]:
    return coordinate_to_tuple(adres)


def _validation(ws, cells: str, options) -> None:
    """A list of choices, or (low, high) for a number between two bounds."""
    if isinstance(options, dict):
        validation = DataValidation(type="decimal", operator="between", formula1=str(options["van"]),
                                    formula2=str(options["tot"]), showErrorMessage=True,
                                    errorTitle="Ongeldig getal", error=options["melding"])
        validation.add(cells)
        ws.add_data_validation(validation)
        return
    validation = DataValidation(
        type="list",
        formula1='"' + ",".join(options) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Ongeldige keuze",
        error="Kies een waarde uit de lijst.",
    )
    validation.add(cells)
    ws.add_data_validation(validation)


FIRST_CHART_ROW = 3


def _chart(book, ws, b: Begroting, spec: dict) -> None:
    source = book[spec["blad"]]
    last = 4 + len(b.jaren)
    chart = BarChart() if spec["soort"] == "staaf" else LineChart()
    chart.title = spec["titel"]
    chart.y_axis.title = spec["as"]
    chart.x_axis.title = "jaar"
    chart.height, chart.width = 9, 22
    for i, row in enumerate(spec["rijen"]):
        values = Reference(source, min_col=5, max_col=last, min_row=row, max_row=row)
        title = spec.get("labels", [None] * len(spec["rijen"]))[i] or source.cell(row, 1).value
        chart.series.append(Series(values, title=str(title)))
    chart.set_categories(Reference(source, min_col=5, max_col=last, min_row=3, max_row=3))
    ws.add_chart(chart, spec["anker"])
    row = coordinate_to_tuple(spec["anker"])[0]
    if row > FIRST_CHART_ROW:
        ws.row_breaks.append(Break(id=row - 1))  # each further chart starts a printed page


def _checks_colour(ws, blad: Blad) -> None:
    """Green for TRUE, red for FALSE on every check cell (one rule pair per sheet)."""
    cells = " ".join(adres for adres, cel in blad.cellen.items() if cel.stijl == "controle")
    if cells:
        ws.conditional_formatting.add(cells, CellIsRule(operator="equal", formula=["TRUE"], fill=GREEN))
        ws.conditional_formatting.add(cells, CellIsRule(operator="equal", formula=["FALSE"], fill=RED))


def _print(ws, b: Begroting, blad: Blad) -> None:
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.gridLines = False
    if blad.bevriezen and blad.bevriezen[1:] != "1":
        ws.print_title_rows = f"1:{int(blad.bevriezen[1:]) - 1}"
    ws.oddFooter.left.text = f"{b.naam} – begroting {b.begrotingsjaar} – {b.status}"
    ws.oddFooter.right.text = "&A – pagina &P van &N"
    ws.oddHeader.right.text = f"Versie {b.versie}, {b.datum.isoformat()}"


def _properties(book, b: Begroting) -> None:
    moment = datetime(b.datum.year, b.datum.month, b.datum.day)
    props = book.properties
    props.created = props.modified = moment
    props.creator = props.lastModifiedBy = "begroting genereer"
    props.title = f"Begroting {b.begrotingsjaar} {b.naam}"
    props.subject = f"status: {b.status}"
    book.calculation.fullCalcOnLoad = True


class _DatedZip(zipfile.ZipFile):
    """A zip archive whose every entry carries one fixed date (deterministic bytes)."""

    stamp = (1980, 1, 1, 0, 0, 0)

    def writestr(self, zinfo_or_arcname, data, compress_type=None, compresslevel=None):
        if isinstance(zinfo_or_arcname, str):
            zinfo_or_arcname = zipfile.ZipInfo(zinfo_or_arcname, date_time=self.stamp)
            zinfo_or_arcname.compress_type = zipfile.ZIP_DEFLATED
        super().writestr(zinfo_or_arcname, data, compress_type, compresslevel)

    def write(self, filename, arcname=None, compress_type=None, compresslevel=None):
        self.writestr(arcname or Path(filename).name, Path(filename).read_bytes())


def _save(book, target: Path, b: Begroting) -> None:
    """Save without openpyxl's 'now' timestamp and with fixed zip dates, so the same
    spec gives the same bytes."""
    archive = _DatedZip(target, "w", zipfile.ZIP_DEFLATED)
    archive.stamp = (max(b.datum.year, 1980), b.datum.month, b.datum.day, 0, 0, 0)
    FastExcelWriter(book, archive).save()
