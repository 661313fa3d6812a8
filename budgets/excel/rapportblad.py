"""House style of the P&C workbooks (kwartaalrapportage, afrekening): the named cell
styles of the generator's template (xl/templates/, budgets.excel.stijl), number formats,
text-safe cells, print set-up, and a small column-table writer.
"""

import math
from collections.abc import Callable
from dataclasses import dataclass

import openpyxl
from openpyxl import Workbook
from openpyxl.styles import Alignment
from openpyxl.utils import column_index_from_string, get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from budgets.excel.formaten import EURO_CENT, GETAL, PROCENT_TEKEN
from budgets.excel.stijl import TEMPLATE, ensure_styles

FORMATS = {"euro": EURO_CENT, "getal": GETAL, "pct": PROCENT_TEKEN, "tekst": "@", "algemeen": "General"}
# our kinds -> the template's named styles (FAST: input, calculation, total, check)
STYLES = {"invoer": "invoer", "berekening": "berekening", "totaal": "totaal",
          "controle": "controle", "kop": "kop", "label": "Normal", "titel": "titel",
          "berekend": "berekend", "toelichting": "toelichting"}


def new_workbook() -> Workbook:
    """An empty workbook carrying the template's named styles (restyled ones kept)."""
    book = openpyxl.load_workbook(TEMPLATE) if TEMPLATE.exists() else Workbook()
    ensure_styles(book)
    for sheet in list(book.worksheets):
        book.remove(sheet)
    book.create_sheet("Blad1")
    return book


def put(sheet: Worksheet, row: int, column: int, value, kind: str = "berekening",
        fmt: str = "algemeen"):
    """Write a number, a formula (a str starting with '=') or None, with a named style."""
    cell = sheet.cell(row=row, column=column)
    cell.value = value  # also None: clears what a generic column wrote
    cell.style = STYLES[kind]
    cell.number_format = FORMATS[fmt]
    return cell


def put_text(sheet: Worksheet, row: int, column: int, text, kind: str = "label"):
    """Write text from input as text: a value starting with '=' never becomes a formula."""
    cell = sheet.cell(row=row, column=column)
    cell.value = "" if text is None else str(text)
    cell.data_type = "s"
    cell.style = STYLES[kind]
    cell.number_format = "@"
    if kind == "kop":
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    return cell


def print_setup(sheet: Worksheet, title: str, freeze: str | None = None) -> None:
    """A4 landscape, fit to one page wide, header with the title, page numbers below."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.oddHeader.left.text = title
    sheet.oddFooter.left.text = "&A"
    sheet.oddFooter.right.text = "Pagina &P van &N"
    sheet.print_options.gridLines = False
    if freeze:
        sheet.freeze_panes = freeze
        sheet.print_title_rows = f"1:{int(''.join(c for c in freeze if c.isdigit())) - 1}"


PAGE_WIDTH = 190  # column-width units that still read well on A4 landscape (about 70% scale)


def spread_over_pages(sheet: Worksheet) -> None:
    """A wide table prints over as many pages wide as it needs, each page repeating the
    label columns left of the frozen pane, instead of shrinking to an unreadable page."""
    widths = [sheet.column_dimensions[get_column_letter(c)].width or 8.43
              for c in range(1, sheet.max_column + 1)]
    sheet.page_setup.fitToWidth = max(1, math.ceil(sum(widths) / PAGE_WIDTH))
    frozen = sheet.freeze_panes or "A1"
    label_columns = column_index_from_string("".join(ch for ch in frozen if ch.isalpha())) - 1
    if sheet.page_setup.fitToWidth > 1 and label_columns:
        sheet.print_title_cols = f"A:{get_column_letter(label_columns)}"


@dataclass(frozen=True)
class Kolom:
    """One column of a table: header, unit, width, style kind and number format, and a
    function (item, row number, column letters by key) -> value, formula or text."""

    sleutel: str
    kop: str
    eenheid: str
    breedte: float
    soort: str
    formaat: str
    waarde: Callable


def letters(columns: list[Kolom], first: int = 1) -> dict[str, str]:
    """Column letter of every column key."""
    return {c.sleutel: get_column_letter(first + i) for i, c in enumerate(columns)}


def write_header(sheet: Worksheet, columns: list[Kolom], row: int) -> None:
    """Header row with the units on the row below; sets the column widths."""
    for i, column in enumerate(columns, start=1):
        put_text(sheet, row, i, column.kop, "kop")
        if isinstance(column.eenheid, str):
            put_text(sheet, row + 1, i, column.eenheid, "kop")
        else:
            put(sheet, row + 1, i, column.eenheid, "kop", "algemeen")
        sheet.column_dimensions[get_column_letter(i)].width = column.breedte


def write_row(sheet: Worksheet, columns: list[Kolom], row: int, item, where: dict,
              kind_override: str | None = None) -> None:
    """One table row. Formulas (code-built strings starting with '=') are allowed in
    calculation columns and, on total rows, in numeric input columns; every other string,
    such as names and toelichtingen from the input, is written as text."""
    for i, column in enumerate(columns, start=1):
        value = column.waarde(item, row, where)
        kind = column.soort
        if kind_override and column.soort in ("berekening", "invoer") and column.formaat != "tekst":
            kind = kind_override
        formula = isinstance(value, str) and value.startswith("=") and kind in FORMULA_KINDS
        if isinstance(value, str) and not formula:
            put_text(sheet, row, i, value, kind)
        else:
            put(sheet, row, i, value, kind, column.formaat)


FORMULA_KINDS = ("berekening", "totaal", "controle")
