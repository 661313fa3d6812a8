"""Reading back the toelichtingen typed into an earlier kwartaalrapportage.

Rows are matched by their stable key (column 'Sleutel'), never by position, and the
columns are found by their header, so a user may sort rows or insert columns.
"""

from pathlib import Path

from budgets.excel.veilig import workbook_values
from budgets.kwartaal.rapport import MARKER, SHEETS
from pyfuncs.fouten import InvoerFout

HEADER_ROWS = 10  # the headers are looked for in the first rows


def _header(values: list) -> tuple[int, int] | None:
    """(key column, toelichting column) (0-based) when this row holds both headers."""
    texts = {str(v).strip(): i for i, v in enumerate(values) if isinstance(v, str)}
    if "Sleutel" in texts and "Toelichting" in texts:
        return texts["Sleutel"], texts["Toelichting"]
    return None


def _from_sheet(path: Path, name: str, rows: list[list]) -> dict[str, str]:
    """Key -> toelichting on one sheet (the data start two rows under the header)."""
    at = next(((i, h) for i, values in enumerate(rows[:HEADER_ROWS]) if (h := _header(values))), None)
    if at is None:
        raise InvoerFout(f"{path}: blad {name} mist de kolommen 'Sleutel' en 'Toelichting'")
    first, header = at
    found = {}
    for values in rows[first + 2:]:
        key, text = (values[i] if i < len(values) else None for i in header)
        if key and text is not None and str(text).strip():
            found[str(key).strip()] = str(text).strip()
    return found


def _check_same(path: Path, voorblad: list[list], regeling: str | None, jaar: int | None) -> None:
    """A previous report must be of the same regeling and year (Voorblad!B3, B4)."""
    found = {row[0]: row[1] for row in voorblad[2:4] if len(row) > 1}
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
    path = Path(path)
    sheets = workbook_values(path, "werkmap (vorig rapport)")
    voorblad = sheets.get("Voorblad") or [[None]]
    marker = voorblad[0][0] if voorblad[0] else None
    if marker != MARKER or not all(name in sheets for name in SHEETS):
        raise InvoerFout(f"{path}: dit is geen kwartaalrapportage (Voorblad!A1 is niet "
                         f"'{MARKER}' of de bladen {' en '.join(SHEETS)} ontbreken)")
    _check_same(path, voorblad, regeling, jaar)
    found: dict[str, str] = {}
    for name in SHEETS:
        found.update(_from_sheet(path, name, sheets[name]))
    return found
