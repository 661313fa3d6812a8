"""Independent spreadsheet engines: LibreOffice headless (forced recalculation), `formulas` as fallback.

LibreOffice runs with its own profile: full recalculation on load and the Dutch locale (nl-NL),
so a PDF shows `€ 1.055.000`, `WAAR` and `25,0%` whatever the machine's locale.

Both return the recalculated values of a workbook as {sheet: {cell: value}}, so callers
never depend on which engine ran.
"""

import shutil
import subprocess
import tempfile
from pathlib import Path

import openpyxl

from pyfuncs.fouten import InvoerFout

_RECALC_PROFILE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" \
xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load">\
<prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load">\
<prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Setup/L10N">\
<prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>nl-NL</value></prop></item>
<item oor:path="/org.openoffice.Setup/L10N">\
<prop oor:name="ooLocale" oor:op="fuse"><value>nl-NL</value></prop></item>
</oor:items>
"""

ERROR_VALUES = ("#VALUE!", "#NAME?", "#DIV/0!", "#REF!", "#N/A", "#NUM!", "#NULL!", "Err:")

Values = dict[str, dict[str, object]]


def soffice_path() -> str | None:
    """The LibreOffice executable, or None when LibreOffice is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def _convert(source: Path, outdir: Path, target_format: str) -> Path:
    soffice = soffice_path()
    if soffice is None:
        raise InvoerFout("LibreOffice is niet geïnstalleerd (apt-get install libreoffice-calc-nogui)")
    with tempfile.TemporaryDirectory(prefix="lo-profiel-") as profile:
        user = Path(profile) / "user"
        user.mkdir()
        (user / "registrymodifications.xcu").write_text(_RECALC_PROFILE, encoding="utf-8")
        command = [
            soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
            "--convert-to", target_format, "--outdir", str(outdir), str(source),
        ]
        result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    produced = outdir / f"{source.stem}.{target_format.split(':')[0]}"
    if result.returncode != 0 or not produced.exists():
        raise InvoerFout(f"{source}: LibreOffice kon het bestand niet omzetten ({result.stderr.strip()})")
    return produced


def recalculate_with_libreoffice(workbook: Path) -> Values:
    """Open a copy in LibreOffice, force a full recalculation and return every cell's value."""
    with tempfile.TemporaryDirectory(prefix="herberekend-") as tmp:
        source = Path(tmp) / "in" / f"{Path(workbook).stem}.xlsx"
        source.parent.mkdir()
        shutil.copyfile(workbook, source)
        produced = _convert(source, Path(tmp), "xlsx")
        return read_values(produced)


def read_values(path: Path) -> Values:
    """Every non-empty cell value of a workbook with cached values (data_only)."""
    book = openpyxl.load_workbook(path, data_only=True)
    return {
        sheet.title: {cell.coordinate: cell.value for row in sheet.iter_rows() for cell in row
                      if cell.value is not None}
        for sheet in book.worksheets
    }


def recalculate_with_formulas(workbook: Path) -> Values:
    """Compute every formula with the `formulas` package (slow; the fallback engine)."""
    import formulas

    model = formulas.ExcelModel().loads(str(workbook)).finish()
    solution = model.calculate()
    names = {sheet.upper(): sheet for sheet in openpyxl.load_workbook(workbook, read_only=True).sheetnames}
    values: Values = {}
    for key, ranges in solution.items():
        if "!" not in key or ":" in key.split("!")[1]:
            continue
        sheet_part, cell = key.rsplit("!", 1)
        sheet = names.get(sheet_part.split("]", 1)[-1].rstrip("'"))
        if sheet is None:
            continue
        value = ranges.value[0][0]
        values.setdefault(sheet, {})[cell] = _plain(value)
    return values


def _plain(value: object) -> object:
    if hasattr(value, "item"):
        value = value.item()
    text = str(value)
    if text.startswith("#"):
        return text
    if value == "":
        return None
    return value


def recalculate(workbook: Path) -> tuple[Values, str]:
    """Recalculate with LibreOffice when present, otherwise with `formulas`; say which ran."""
    if soffice_path():
        return recalculate_with_libreoffice(workbook), "LibreOffice"
    return recalculate_with_formulas(workbook), "formulas"


def is_error_value(value: object) -> bool:
    return isinstance(value, str) and value.startswith(ERROR_VALUES)


def export_pdf(workbook: Path, pdf: Path) -> Path:
    """Print the workbook to PDF through LibreOffice (recalculated first)."""
    with tempfile.TemporaryDirectory(prefix="pdf-") as tmp:
        produced = _convert(Path(workbook), Path(tmp), "pdf")
        shutil.move(produced, pdf)
    return pdf
