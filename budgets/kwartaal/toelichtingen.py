"""Reading back the toelichtingen typed into an earlier kwartaalrapportage.

Rows are matched by their stable key (column 'Sleutel'), never by position, and the
columns are found by their header, so a user may sort rows or insert columns.
"""

import itertools
from pathlib import Path

from budgets.excel.veilig import open_workbook
from budgets.kwartaal.rapport import MARKER, SHEETS
from pyfuncs.fouten import InvoerFout

HEADER_ROWS = range(1, 11)


def _header(values: tuple) -> tuple[int, int] | None:
    """(key column, toelichting column) (0-based) when this row holds both headers."""
    texts = {str(v).strip(): i for i, v in enumerate(values) if isinstance(v, str)}
    if "Sleutel" in texts and "Toelichting" in texts:
        return texts["Sleutel"], texts["Toelichting"]
    return None


def _open(path: Path):
    """The workbook in read-only mode (streamed: a report is read in a fraction of the
    time), checked against zip bombs first; close it after use."""
    return open_workbook(path, "werkmap (vorig rapport)", data_only=True, read_only=True)


def _from_sheet(path: Path, name: str, sheet) -> dict[str, str]:
    """Key -> toelichting on one sheet (the data start two rows under the header)."""
    sheet.reset_dimensions()  # read every row, whatever size the file claims
    rows = sheet.iter_rows(values_only=True)
    first = itertools.islice(rows, len(HEADER_ROWS))
    header = next((h for values in first if (h := _header(values))), None)
    if header is None:
        raise InvoerFout(f"{path}: blad {name} mist de kolommen 'Sleutel' en 'Toelichting'")
    next(rows, None)
    found = {}
    for values in rows:
        key, text = (values[i] if i < len(values) else None for i in header)
        if key and text is not None and str(text).strip():
            found[str(key).strip()] = str(text).strip()
    return found


def _check_same(path: Path, book, regeling: str | None, jaar: int | None) -> None:
    """A previous report must be of the same regeling and year (Voorblad!B3, B4)."""
    sheet = book["Voorblad"]
    found = {row[0]: row[1] for row in sheet.iter_rows(min_row=3, max_row=4, max_col=2,
                                                      values_only=True)}
    if regeling is not None and str(found.get("Regeling")) != regeling:
        raise InvoerFout(f"{path}: Voorblad!B3: dit rapport is van regeling "
                         f"'{found.get('Regeling')}', niet van '{regeling}'")
    if jaar is not None and str(found.get("Begrotingsjaar")) != str(jaar):
        raise InvoerFout(f"{path}: Voorblad!B4: dit rapport is van begrotingsjaar "
                         f"{found.get('Begrotingsjaar')}, niet van {jaar}")


def read_toelichtingen(path: Path, regeling: str | None = None,
                       jaar: int | None = None) -> dict[str, str]:
    """Key -> toelichting from a previous kwartaalrapportage (empty ones left out); with
    regeling and jaar, a report of another regeling or year is refused."""
    book = _open(Path(path))
    try:
        marker = book["Voorblad"]["A1"].value if "Voorblad" in book.sheetnames else None
        if marker != MARKER or not all(name in book.sheetnames for name in SHEETS):
            raise InvoerFout(f"{path}: dit is geen kwartaalrapportage (Voorblad!A1 is niet "
                             f"'{MARKER}' of de bladen {' en '.join(SHEETS)} ontbreken)")
        _check_same(Path(path), book, regeling, jaar)
        found: dict[str, str] = {}
        for name in SHEETS:
            found.update(_from_sheet(Path(path), name, book[name]))
        return found
    finally:
        book.close()
