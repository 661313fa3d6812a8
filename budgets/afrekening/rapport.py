"""The afrekening workbook: the total sheet, one sheet per gemeente, the exploitatie."""

from pathlib import Path

from budgets.afrekening.gemeente import gemeente_sheet, sheet_title
from budgets.afrekening.model import Afrekening
from budgets.afrekening.totaal import FIRST_GEMEENTE_ROW, MARKER, exploitatie_sheet, total_sheet
from budgets.excel.rapportblad import new_workbook, spread_over_pages


def write_settlement(afrekening: Afrekening, path: Path) -> None:
    """Write the whole workbook to path (the caller makes it atomic)."""
    book = new_workbook()
    total = book.worksheets[0]
    total.title = MARKER
    taken = {MARKER.lower(), "exploitatie"}
    links = []
    for i, g in enumerate(afrekening.gemeenten):
        title = sheet_title(g.gemeente, taken)
        share = f"{MARKER}!$G${FIRST_GEMEENTE_ROW + i}"
        links.append((title, gemeente_sheet(book, g, title, afrekening.basis.jaar, share)))
    netto_cell = exploitatie_sheet(book, afrekening)
    total_sheet(total, afrekening, links, netto_cell)
    for each in book.worksheets:
        spread_over_pages(each)
    book.properties.title = MARKER
    book.save(path)
