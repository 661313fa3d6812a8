"""Reading the prognose back from a bestuursrapportage of quarter 4 (for the aansluiting of
the afrekening): found by labels on the Voorblad and the Samenvatting, not by position."""

import zipfile
from pathlib import Path

from pyfuncs.fouten import InvoerFout

SALDO_LABEL = "Saldo van baten en lasten (− is een tekort)"


def _values(sheet, columns: int) -> dict:
    return {row[0]: row[1:columns] for row in sheet.iter_rows(max_col=columns, values_only=True)
            if isinstance(row[0], str)}


def read_q4_prognose(path: Path, regeling: str, jaar: int) -> dict:
    """{saldo, bron}: the prognosed saldo of the year in a quarter-4 report of the same
    regeling and year; anything else is bad input naming the file and cell."""
    import openpyxl  # only the afrekening reads an earlier report

    try:
        book = openpyxl.load_workbook(path, data_only=True, read_only=True)
    except FileNotFoundError:
        raise InvoerFout(f"{path}: rapport van kwartaal 4 bestaat niet") from None
    except (zipfile.BadZipFile, OSError, KeyError, ValueError):
        raise InvoerFout(f"{path}: geen leesbare Excel-werkmap") from None
    try:
        if not {"Voorblad", "Samenvatting"} <= set(book.sheetnames):
            raise InvoerFout(f"{path}: dit is geen kwartaalrapportage (bladen Voorblad en "
                             "Samenvatting ontbreken)")
        info = _values(book["Voorblad"], 2)
        checks = (("Regeling", "B3", regeling, "regeling"), ("Begrotingsjaar", "B4", jaar, "jaar"),
                  ("Kwartaal", "B5", 4, "kwartaal"))
        for label, cell, want, word in checks:
            got = (info.get(label) or (None,))[0]
            if str(got) != str(want):
                raise InvoerFout(f"{path}: Voorblad!{cell}: dit rapport is van {word} {got}, "
                                 f"niet van {want}")
        saldo = (_values(book["Samenvatting"], 3).get(SALDO_LABEL) or (None, None))[1]
        if not isinstance(saldo, (int, float)):
            raise InvoerFout(f"{path}: Samenvatting: regel '{SALDO_LABEL}' zonder prognose")
        return {"saldo": float(saldo), "bron": str(path)}
    finally:
        book.close()
