"""Opening a user's workbook safely: the zip is checked before openpyxl (or calamine, for
values only) sees it.

An .xlsx is a zip of XML parts. A zip bomb (a few MB that unpack to GiB) would make
openpyxl run for minutes and take all memory before failing, so every member's declared
size and compression ratio is checked first (Python's zipfile never unpacks more than a
member declares: a lying header fails its CRC check instead). XML is parsed by openpyxl
through defusedxml (installed with the package), which refuses entity expansion.

Limits, measured: the benchmark's large begroting (bench/bench_genereer.py) unpacks to
0.7 MB with a worst member ratio of 9; spreadsheet XML rarely packs beyond 20×, and a
100,000-line ledger export unpacks to ≈ 40 MB. A zip bomb packs 1,000× or more.
"""

import zipfile
from pathlib import Path

from pyfuncs.fouten import InvoerFout

MAX_UNPACKED = 256 * 2**20  # bytes, all members together
MAX_MEMBERS = 10_000
MAX_RATIO = 100  # unpacked / packed, for members above RATIO_FROM bytes
RATIO_FROM = 2**20


def check_workbook(path: Path, soort: str = "werkmap") -> None:
    """Refuse a file that is missing, a folder, not a zip, or that unpacks beyond the
    limits; soort names it in the message ("werkmap (sjabloon)", "Excel-werkmap")."""
    path = Path(path)
    if not path.exists():
        raise InvoerFout(f"{path}: {soort} bestaat niet")
    if path.is_dir():
        raise InvoerFout(f"{path}: is een map, geen {soort}")
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except zipfile.BadZipFile:
        raise InvoerFout(f"{path}: geen leesbare {soort}: geen .xlsx-bestand, of "
                         "beschadigd") from None
    except OSError as fout:
        raise InvoerFout(f"{path}: {soort} is niet leesbaar ({fout.strerror})") from None
    _check_members(path, soort, members)


def _check_members(path: Path, soort: str, members: list) -> None:
    if len(members) > MAX_MEMBERS:
        raise InvoerFout(f"{path}: {soort} bevat {len(members)} onderdelen; de grens is "
                         f"{MAX_MEMBERS}")
    total = 0
    for member in members:
        total += member.file_size
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > RATIO_FROM and ratio > MAX_RATIO:
            raise InvoerFout(f"{path}: {soort}: onderdeel {member.filename} pakt {ratio:.0f}× uit "
                             f"(grens {MAX_RATIO}×); geweigerd als mogelijke zip-bom")
        if total > MAX_UNPACKED:
            raise InvoerFout(f"{path}: {soort} pakt uit tot meer dan {MAX_UNPACKED // 2**20} MB; "
                             "dat is de grens")
    if not any(m.filename == "[Content_Types].xml" for m in members):
        raise InvoerFout(f"{path}: geen leesbare {soort}: een zip-bestand, maar geen .xlsx")


def open_workbook(path: Path, soort: str = "werkmap", **options):
    """openpyxl.load_workbook after check_workbook; whatever openpyxl cannot read becomes
    an InvoerFout naming the file."""
    import openpyxl

    check_workbook(path, soort)
    try:
        return openpyxl.load_workbook(path, **options)
    except Exception:  # noqa: BLE001 - any unreadable workbook is bad input
        raise InvoerFout(f"{path}: geen leesbare {soort}: de inhoud is beschadigd of van "
                         "een onbekend soort") from None


def workbook_values(path: Path, soort: str = "werkmap") -> dict[str, list[list]]:
    """The values of every sheet (cached values of formulas) after check_workbook, read by
    calamine: rows from A1, an empty cell None, a whole number an int (as openpyxl reads
    it). Whatever calamine cannot read becomes an InvoerFout naming the file."""
    from python_calamine import CalamineWorkbook

    check_workbook(path, soort)
    try:
        book = CalamineWorkbook.from_path(str(path))
        sheets = {name: book.get_sheet_by_name(name).to_python(skip_empty_area=False)
                  for name in book.sheet_names}
    except Exception:  # noqa: BLE001 - any unreadable workbook is bad input
        raise InvoerFout(f"{path}: geen leesbare {soort}: de inhoud is beschadigd of van "
                         "een onbekend soort") from None
    return {name: [[_plain(value) for value in row] for row in rows] for name, rows in sheets.items()}


def _plain(value):
    if value == "":
        return None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value
