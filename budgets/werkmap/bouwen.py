"""Build the controller's workbook xl/productbegroting.xlsm from the `xlwings quickstart`
workbook: xlwings' own VBA module comes from the installed xlwings, the sheets from here.

The quickstart's two sheets are kept (renamed) so that their VBA document modules still
match: Sheet1 becomes "Lees mij", the inactive "_xlwings.conf" becomes the active
"xlwings.conf" (xlwings only reads a sheet of exactly that name).
"""

import subprocess
import sys
import tempfile
from pathlib import Path

import openpyxl
from openpyxl.styles import Alignment

from budgets.bestanden import write_atomically
from budgets.functies.catalogus import catalogue
from budgets.werkmap.begroting import fill_begroting, fill_verdeling
from budgets.werkmap.opmaak import Blad, Blok, add_styles, print_on_a4
from budgets.werkmap.pc_functies import fill_controle, fill_financieel, fill_weerstand
from budgets.werkmap.teksten import CONF_SETTINGS, CONF_SHEET, CONF_UITLEG, lees_mij
from pyfuncs.fouten import InvoerFout

STANDAARD_PAD = Path("xl/productbegroting.xlsm")
LEES_MIJ_BREEDTE = 92  # characters: one A4 landscape page wide at 11 pt
QUICKSTART_NAME = "productbegroting"

# (sheet title, filler) in the order of the groups in the issue.
GROEPEN = (
    ("Begroting", fill_begroting),
    ("Verdeling en saldo", fill_verdeling),
    ("Weerstandsvermogen", fill_weerstand),
    ("P&C-controle", fill_controle),
    ("Financiële functies", fill_financieel),
)


def quickstart_workbook(folder: Path) -> Path:
    """Run `xlwings quickstart` in folder and return the .xlsm it wrote."""
    command = [sys.executable, "-c", "import sys; from xlwings.cli import main; sys.exit(main())",
               "quickstart", QUICKSTART_NAME]
    result = subprocess.run(command, cwd=folder, capture_output=True, text=True, timeout=120)
    produced = folder / QUICKSTART_NAME / f"{QUICKSTART_NAME}.xlsm"
    if result.returncode != 0 or not produced.exists():
        raise InvoerFout(f"xlwings quickstart is mislukt: {result.stderr.strip() or result.stdout.strip()}")
    return produced


def _fill_conf(sheet) -> None:
    sheet.title = CONF_SHEET
    for row in sheet.iter_rows():
        for cell in row:
            cell.value = None
    for row, (key, value) in enumerate(CONF_SETTINGS, start=1):
        sheet.cell(row=row, column=1, value=key)
        sheet.cell(row=row, column=2, value=value)
    for offset, line in enumerate(CONF_UITLEG):
        sheet.cell(row=len(CONF_SETTINGS) + 3 + offset, column=1, value=line)
    sheet.column_dimensions["A"].width = 20
    sheet.column_dimensions["B"].width = 60
    print_on_a4(sheet)


def _fill_lees_mij(sheet) -> None:
    sheet.title = "Lees mij"
    sheet.column_dimensions["A"].width = LEES_MIJ_BREEDTE
    print_on_a4(sheet)
    for row, (style, line) in enumerate(lees_mij(), start=1):
        if line:
            cell = sheet.cell(row=row, column=1, value=line)
            cell.data_type = "s"
            if style:
                cell.style = style
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            lines = -(-len(line) // LEES_MIJ_BREEDTE)  # wrapped lines; the row grows with them
            sheet.row_dimensions[row].height = 15 * lines


def fill_workbook(book) -> list[Blok]:
    """Turn the quickstart workbook into the controller's workbook; return the result blocks."""
    add_styles(book)
    readme, conf = book.worksheets[0], book["_xlwings.conf"]
    _fill_lees_mij(readme)
    _fill_conf(conf)
    uitleg = {functie.naam: functie.uitleg for functie in catalogue()}
    blokken: list[Blok] = []
    for position, (title, fill) in enumerate(GROEPEN, start=1):
        blad = Blad(book.create_sheet(title, position))
        fill(blad, uitleg)
        blokken.extend(blad.blokken)
    book.active = 0
    return blokken


def build_workbook(target: Path, overwrite: bool = False) -> list[Blok]:
    """Write the workbook to target (atomically) and return where each function is shown."""
    target = Path(target)
    if target.suffix.lower() != ".xlsm":
        raise InvoerFout(f"{target}: de werkmap moet op .xlsm eindigen (hij bevat xlwings' VBA-module)")
    with tempfile.TemporaryDirectory(prefix="quickstart-") as tmp:
        book = openpyxl.load_workbook(quickstart_workbook(Path(tmp)), keep_vba=True)
        blokken = fill_workbook(book)
        write_atomically(target, book.save, overwrite)
    return blokken
