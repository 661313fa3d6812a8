"""The fast cell writer writes exactly the XML openpyxl's own writer writes."""

import zipfile
from io import BytesIO

import numpy as np
import openpyxl
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.writer.excel import ExcelWriter

from budgets.excel.xml_schrijver import FastExcelWriter


def _book() -> openpyxl.Workbook:
    book = openpyxl.Workbook()
    ws = book.active
    ws["A1"] = "  spaties rondom "
    ws["B1"] = "a & b < c > d"
    ws["C1"] = '=IF(A1<>"",1,0)'
    ws["D1"] = '=HYPERLINK("http://x","y")'
    ws["D1"].data_type = "s"
    ws["E1"] = True
    ws["F1"] = np.float64(1234.5678901234567)
    ws["G1"] = 10**17
    ws["H1"] = ""
    ws["H1"].data_type = "s"
    ws["I1"] = "#N/A"
    ws["A3"].style = "Good"
    ws["B3"] = 0.1
    ws["B3"].number_format = "0.00"
    ws["A4"] = "link"
    ws["A4"].hyperlink = Hyperlink(ref="A4", location="Sheet!A1", display="link")
    ws.cell(5, 700, -2.5)
    book.create_sheet("Leeg")
    return book


def _sheets(writer) -> dict:
    out = BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        writer(_book(), archive).save()
    with zipfile.ZipFile(out) as archive:
        return {n: archive.read(n) for n in archive.namelist() if n.startswith("xl/")}


def test_fast_writer_writes_what_openpyxl_writes():
    assert _sheets(FastExcelWriter) == _sheets(ExcelWriter)


def test_fast_writer_falls_back_for_dates():
    def book_with_date(writer):
        book = openpyxl.Workbook()
        book.active["A1"] = np.datetime64("2024-01-01").astype(object)
        out = BytesIO()
        with zipfile.ZipFile(out, "w") as archive:
            writer(book, archive).save()
        with zipfile.ZipFile(out) as archive:
            return archive.read("xl/worksheets/sheet1.xml")

    assert book_with_date(FastExcelWriter) == book_with_date(ExcelWriter)
