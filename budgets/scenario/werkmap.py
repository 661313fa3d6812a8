"""The scenario workbook: Scenario's (output, with the master check), Gemeenten,
Gevoeligheid and Rijksmiddelen (output), Reserve per scenario (calculation)."""

from datetime import datetime
from pathlib import Path

from budgets.excel.rapportblad import new_workbook, print_to_pdf
from budgets.scenario.gemeenten import gemeenten_sheet
from budgets.scenario.gevoeligheid import sensitivity_sheet
from budgets.scenario.model import Vergelijking
from budgets.scenario.overzicht import TITEL, overview_sheet
from budgets.scenario.reserve import reserve_sheet
from budgets.scenario.rijksmiddelen import rijksmiddelen_sheet

OUTPUT_SHEETS = (TITEL, "Gemeenten", "Gevoeligheid", "Rijksmiddelen")


def build(v: Vergelijking):
    """The workbook model (sheets in tab order)."""
    book = new_workbook()
    b = v.basis.begroting
    book.titel = f"Scenario's {b.naam}"
    book.onderwerp = f"Meerjarenraming {b.jaren[0]}–{b.jaren[-1]}, begrotingsjaar {b.begrotingsjaar}"
    book.gemaakt = datetime(b.datum.year, b.datum.month, b.datum.day)
    overview = book.create_sheet(TITEL)
    checks, first_rows = gemeenten_sheet(book, v)
    checks += rijksmiddelen_sheet(book, v, first_rows)
    sensitivity_sheet(book, v)
    reserve_sheet(book, v)
    overview_sheet(overview, v, checks)
    return book


def write_workbook(v: Vergelijking, path: Path) -> int:
    """Write the workbook; returns the number of formulas."""
    book = build(v)
    book.save(path)
    return sum(1 for sheet in book.worksheets for c in sheet.cellen.values()
               if not c.tekst and isinstance(c.waarde, str) and c.waarde.startswith("="))


def write_pdf(v: Vergelijking, path: Path) -> None:
    """The board pack: the output sheets only, printed by LibreOffice in Dutch."""
    book = build(v)
    print_to_pdf(lambda tmp: book.save(tmp, printed=OUTPUT_SHEETS), path)
