"""The Excel functions equal what a real spreadsheet engine computes with native formulas.

One workbook holds the inputs and the native formulas (ROUND, NPV, PMT, SUMPRODUCT, MAX,
...); LibreOffice recalculates it and every UDF must return the engine's values.
"""

import random

import openpyxl
import pytest

from budgets.excel.rekenmotor import recalculate_with_libreoffice
from pyfuncs import udfs
from pyfuncs.afronding import excel_round

ROUND_CASES = [1.005, 2.675, 1.015, -1.005, 0.125, 10.075, 1234.565, -2.345, 0.285, 8.345]
rng = random.Random(20261123)
ROUND_CASES += [rng.randint(-10**7, 10**7) / 1000 + 0.005 * rng.choice([0, 1]) for _ in range(300)]

VOLUMES = [[70.0, 37.0, 100.0], [35.0, 18.5, 50.0]]   # gemeenten × products (illustrative)
PRICES = [13_750.0, 10_000.0, 2_500.0]
CASHFLOWS = [250_000.0, 260_000.0, 270_000.0, 280_000.0]
AFREKENING = [(131.0, 140.0, 13_750.0), (37.0, 30.5, 10_000.0), (200.0, 180.0, 2_513.37)]
INDEX = [0.025, 0.031, 0.02]


def _write_inputs(sheet) -> None:
    for row, value in enumerate(ROUND_CASES, start=1):
        sheet.cell(row, 1, value)
        sheet.cell(row, 2, f"=ROUND(A{row},2)")
        sheet.cell(row, 3, f"=ROUND(A{row},0)")
    for r, volumes in enumerate(VOLUMES, start=1):
        for c, volume in enumerate(volumes, start=5):
            sheet.cell(r, c, volume)
        sheet.cell(r, 9, f"=SUMPRODUCT(E{r}:G{r},$E$10:$G$10)")
    for c, price in enumerate(PRICES, start=5):
        sheet.cell(10, c, price)
    for c, flow in enumerate(CASHFLOWS, start=5):
        sheet.cell(12, c, flow)
    sheet["E13"], sheet["F13"] = 0.04, "=NPV(E13,E12:H12)"
    sheet["E14"], sheet["F14"], sheet["G14"] = 1_200_000.0, 15, "=-PMT(E13,F14,E14)"
    for r, (begroot, real, price) in enumerate(AFREKENING, start=20):
        sheet.cell(r, 5, begroot), sheet.cell(r, 6, real), sheet.cell(r, 7, price)
        sheet.cell(r, 8, f"=ROUND(MAX(E{r},F{r})*G{r},2)")
    sheet["E30"] = 150_000.0
    for c, pct in enumerate(INDEX, start=6):
        sheet.cell(29, c, pct)
    sheet["F30"] = "=E30*(1+F29)"
    sheet["G30"], sheet["H30"] = "=F30*(1+G29)", "=G30*(1+H29)"


@pytest.fixture(scope="module")
def engine_values(libreoffice, tmp_path_factory):
    path = tmp_path_factory.mktemp("gelijkwaardig") / "native.xlsx"
    book = openpyxl.Workbook()
    _write_inputs(book.active)
    book.save(path)
    return recalculate_with_libreoffice(path)[book.active.title]


def test_round_equals_the_engine_at_half_cent_boundaries(engine_values):
    for row, value in enumerate(ROUND_CASES, start=1):
        assert excel_round(value, 2) == engine_values[f"B{row}"], f"ROUND({value};2)"
        assert excel_round(value, 0) == engine_values[f"C{row}"], f"ROUND({value};0)"


def test_bijdrage_equals_sumproduct(engine_values):
    result = udfs.PB_BIJDRAGE(VOLUMES, PRICES)
    assert [row[0] for row in result] == pytest.approx([engine_values["I1"], engine_values["I2"]], abs=0.005)


def test_contantewaarde_equals_npv(engine_values):
    assert udfs.PB_CONTANTEWAARDE(0.04, CASHFLOWS) == pytest.approx(engine_values["F13"], abs=0.005)


def test_annuitaire_kapitaallasten_equal_pmt(engine_values):
    charges = udfs.PB_KAPITAALLASTEN(1_200_000.0, 0.04, 15, "annuitair")
    assert charges == pytest.approx([engine_values["G14"]] * 15, abs=0.005)


def test_afrekening_equals_round_of_max(engine_values):
    begroot, real, price = ([[row[i]] for row in AFREKENING] for i in range(3))
    result = udfs.PB_AFREKENING(begroot, real, price)
    assert [row[0] for row in result] == [engine_values[f"H{r}"] for r in range(20, 23)]


def test_indexeer_equals_chained_formulas(engine_values):
    assert udfs.PB_INDEXEER(150_000.0, INDEX) == pytest.approx(
        [engine_values["F30"], engine_values["G30"], engine_values["H30"]], abs=1e-6)
