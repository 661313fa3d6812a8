"""Reading back the toelichtingen typed into an earlier kwartaalrapportage.

Rows are matched by their stable key (column 'Sleutel'), never by position, and the
columns are found by their header, so a user may sort rows or insert columns.
"""

import zipfile
from pathlib import Path

import openpyxl

from budgets.kwartaal_werkmap import MARKER, SHEETS
from pyfuncs.fouten import InvoerFout

HEADER_ROWS = range(1, 11)


def _header(sheet) -> tuple[int, int, int] | None:
    """(header row, key column, toelichting column), found by the header texts."""
    for r in HEADER_ROWS:
        texts = {str(c.value).strip(): c.column for c in sheet[r] if isinstance(c.value, str)}
        if "Sleutel" in texts and "Toelichting" in texts:
            return r, texts["Sleutel"], texts["Toelichting"]
    return None


def _open(path: Path):
    try:
        return openpyxl.load_workbook(path, data_only=True, read_only=False)
    except FileNotFoundError:
        raise InvoerFout(f"{path}: vorig rapport bestaat niet") from None
    except (zipfile.BadZipFile, OSError, KeyError, ValueError) as fout:
        raise InvoerFout(f"{path}: vorig rapport is geen leesbare Excel-werkmap ({fout})") from None


def read_toelichtingen(path: Path) -> dict[str, str]:
    """Key -> toelichting from a previous kwartaalrapportage (empty ones left out)."""
    book = _open(Path(path))
    marker = book["Voorblad"]["A1"].value if "Voorblad" in book.sheetnames else None
    if marker != MARKER or not all(name in book.sheetnames for name in SHEETS):
        raise InvoerFout(f"{path}: dit is geen kwartaalrapportage (Voorblad!A1 is niet "
                         f"'{MARKER}' of de bladen {' en '.join(SHEETS)} ontbreken)")
    found: dict[str, str] = {}
    for name in SHEETS:
        sheet = book[name]
        header = _header(sheet)
        if header is None:
            raise InvoerFout(f"{path}: blad {name} mist de kolommen 'Sleutel' en 'Toelichting'")
        row, key_col, text_col = header
        for cells in sheet.iter_rows(min_row=row + 2):
            key = cells[key_col - 1].value
            text = cells[text_col - 1].value
            if key and text is not None and str(text).strip():
                found[str(key).strip()] = str(text).strip()
    return found
