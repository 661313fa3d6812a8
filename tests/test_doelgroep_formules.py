"""The doelgroep formula texts recalculate, in LibreOffice and in `formulas`, to the core's values.

One small workbook holds every rule of pyfuncs.doelgroep_formules laid out as the generator
would: constants in column B, years across from column C, one formula per row. It is
written with openpyxl (no cached values, so the engines must compute everything) and
recalculated in LibreOffice with a dedicated profile in a temporary folder.
"""

import re
import subprocess
from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils import get_column_letter

from pyfuncs import doelgroep as dg
from pyfuncs import doelgroep_formules as fx
from pyfuncs import rijksmiddelen as rm
from pyfuncs.doelgroep_producten import Productprognose, project_product

YEARS = [2024, 2025, 2026, 2027, 2028, 2029]
AOW = [67, 67, 67, 67 + 3 / 12, 67 + 3 / 12, 67 + 3 / 12]
RATE = 0.021
COHORTS = [dg.Cohort(1957, 3.5), dg.Cohort(1958, 12.25), dg.Cohort(1960, 20), dg.Cohort(1961, 7.01),
           dg.Cohort(1975, 40.5)]
PRODUCTS = {
    "vast": Productprognose(10, 0.2, "vast", instroom=5.5),
    "maximum": Productprognose(70, 0.05, "maximum", doel=131, max_instroom=35, fte_per_persoon=0.8),
    "lineair": Productprognose(100, 0.1, "lineair", doel=200, doeljaar=2027),
}
PROFILE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""


def col(i: int) -> str:
    """Column letter of year i (0-based): C, D, ..."""
    return get_column_letter(3 + i)


class Sheet:
    """Cells to write and the core's value each formula must give."""

    def __init__(self) -> None:
        self.cells: dict[str, object] = {}
        self.expected: dict[str, float] = {}
        self.row = 1

    def constant(self, label: str, value) -> str:
        r = self.next_row(label)
        self.cells[f"B{r}"] = value
        return f"$B${r}"

    def next_row(self, label: str) -> int:
        r, self.row = self.row, self.row + 1
        self.cells[f"A{r}"] = label
        return r

    def series(self, label: str, texts, values) -> int:
        """One row: a formula (or input) per year and the core's value per year."""
        r = self.next_row(label)
        for i, (text, value) in enumerate(zip(texts, values, strict=True)):
            self.cells[f"{col(i)}{r}"] = text
            if isinstance(text, str) and text.startswith("="):
                self.expected[f"{col(i)}{r}"] = value
        return r


def add_years(sheet: Sheet) -> tuple[int, int]:
    years = sheet.series("jaar", YEARS, YEARS)
    aow = sheet.series("AOW-leeftijd", AOW, AOW)
    return years, aow


def add_rate_model(sheet: Sheet, rate_ref: str, factor_ref: str) -> None:
    core = dg.project_wsw_rate(448, 0.034, YEARS, 0.9)
    rate = sheet.constant("uitstroom", 0.034)
    r = sheet.row
    begin = [448, *[fx.opening_formula(f"{col(i - 1)}{r + 2}") for i in range(1, len(YEARS))]]
    sheet.series("stand 1 januari", begin, [s.begin for s in core])
    sheet.series("uitstroom", [fx.outflow_formula(f"{col(i)}{r}", rate) for i in range(len(YEARS))],
                 [s.overig for s in core])
    sheet.series("stand 31 december", [fx.closing_formula(f"{col(i)}{r}", (), (f"{col(i)}{r + 1}",))
                                       for i in range(len(YEARS))], [s.eind for s in core])
    sheet.series("fte", [fx.fte_formula(f"{col(i)}{r}", factor_ref) for i in range(len(YEARS))],
                 [s.fte for s in core])


def add_cohorts(sheet: Sheet, year_row: int, aow_row: int, rate_ref: str, factor_ref: str) -> None:
    """Blocks of rows per cohort: begin, maanden, aow, overig, eind; then the totals."""
    n, birthday = len(COHORTS), sheet.constant("verjaardag (maanden na 1 januari)", 6)
    months = [dg.aow_months(age) for age in AOW]
    detail = [dg.project_cohort(c, YEARS, months, RATE, 6) for c in COHORTS]
    start = sheet.row
    begin, maanden, aow, overig, eind = (start + k * n for k in range(5))
    for j, (cohort, rows) in enumerate(zip(COHORTS, detail, strict=True)):
        sheet.row = begin + j
        sheet.cells[f"B{begin + j}"] = cohort.geboortejaar
        texts = [cohort.aantal, *[fx.opening_formula(f"{col(i - 1)}{eind + j}") for i in range(1, len(YEARS))]]
        sheet.series(f"begin {cohort.geboortejaar}", texts, [c.begin for c in rows])
        sheet.row = maanden + j
        sheet.series("maanden", [fx.months_before_aow_formula(f"$B${begin + j}", f"{col(i)}${year_row}",
                                                              f"{col(i)}${aow_row}", birthday)
                                 for i in range(len(YEARS))], [c.maanden for c in rows])
        sheet.row = aow + j
        sheet.series("aow", [fx.cohort_aow_formula(f"{col(i)}{begin + j}", f"{col(i)}{maanden + j}")
                             for i in range(len(YEARS))], [c.aow for c in rows])
        sheet.row = overig + j
        sheet.series("overig", [fx.cohort_outflow_formula(f"{col(i)}{begin + j}", f"{col(i)}{maanden + j}",
                                                          rate_ref) for i in range(len(YEARS))],
                     [c.overig for c in rows])
        sheet.row = eind + j
        sheet.series("eind", [fx.closing_formula(f"{col(i)}{begin + j}", (),
                                                 (f"{col(i)}{aow + j}", f"{col(i)}{overig + j}"))
                              for i in range(len(YEARS))], [_closing(c) for c in rows])
    sheet.row = start + 5 * n
    totals = dg.project_wsw_cohorts(COHORTS, YEARS, AOW, RATE, 0.85)
    span = [(f"{col(i)}{{0}}:{col(i)}{{1}}") for i in range(len(YEARS))]
    for label, first, field in (("begin", begin, "begin"), ("aow", aow, "aow"), ("overig", overig, "overig")):
        sheet.series(f"totaal {label}", [fx.sum_formula(s.format(first, first + n - 1)) for s in span],
                     [getattr(t, field) for t in totals])
    persons = sheet.series("personen", [fx.cohort_persons_formula(s.format(begin, begin + n - 1),
                                                                  s.format(maanden, maanden + n - 1))
                                        for s in span], [t.personen for t in totals])
    sheet.series("fte", [fx.fte_formula(f"{col(i)}{persons}", factor_ref) for i in range(len(YEARS))],
                 [t.fte for t in totals])


def _closing(c: dg.CohortJaar) -> float:
    return (dg.hundredths(c.begin) - dg.hundredths(c.aow) - dg.hundredths(c.overig)) / 100


def add_product(sheet: Sheet, year_row: int, regel: str) -> None:
    p, core = PRODUCTS[regel], project_product(PRODUCTS[regel], YEARS)
    refs = {name: sheet.constant(name, getattr(p, name))
            for name in ("start", "uitstroom", "instroom", "doel", "max_instroom", "doeljaar", "fte_per_persoon")}
    first = sheet.constant("eerste jaar", YEARS[0])
    r = sheet.row
    opening = [fx.opening_formula(refs["start"]),
               *[fx.opening_formula(f"{col(i - 1)}{r + 3}") for i in range(1, len(YEARS))]]
    sheet.series(f"{regel}: begin", opening, [s.begin for s in core])
    sheet.series("overig", [fx.outflow_formula(f"{col(i)}{r}", refs["uitstroom"]) for i in range(len(YEARS))],
                 [s.overig for s in core])
    sheet.series("instroom", [_inflow(regel, refs, first, f"{col(i)}{r}", f"{col(i)}{r + 1}",
                                      f"{col(i)}${year_row}") for i in range(len(YEARS))],
                 [s.instroom for s in core])
    sheet.series("eind", [fx.closing_formula(f"{col(i)}{r}", (f"{col(i)}{r + 2}",), (f"{col(i)}{r + 1}",))
                          for i in range(len(YEARS))], [s.eind for s in core])
    sheet.series("fte", [fx.fte_formula(f"{col(i)}{r}", refs["fte_per_persoon"]) for i in range(len(YEARS))],
                 [s.fte for s in core])


def _inflow(regel: str, refs: dict, first: str, begin: str, overig: str, year: str) -> str:
    if regel == "vast":
        return fx.inflow_fixed_formula(refs["instroom"])
    if regel == "maximum":
        return fx.inflow_up_to_target_formula(begin, overig, refs["doel"], refs["max_instroom"])
    return fx.inflow_linear_formula(begin, overig, refs["start"], refs["doel"], year, first, refs["doeljaar"])


def add_band_and_money(sheet: Sheet) -> None:
    count, width = sheet.constant("klasse 60–62", 10), sheet.constant("breedte", 3)
    ks = sheet.series("k", [1, 2, 3], [1, 2, 3])
    sheet.series("aandeel", [fx.band_share_formula(count, f"{col(i)}{ks}", width) for i in range(3)],
                 [dg.band_share(10, k, 3) for k in (1, 2, 3)])
    row = rm.compare_to_rijksmiddelen("Zaanstad", 2024, 1_000_000.004, {"Wsw": 600_000.005, "BUIG": 100_000},
                                      157_000)
    inputs = sheet.series("bijdrage, rijksmiddelen, inwoners", [1_000_000.004, 700_000.01, 157_000], [0, 0, 0])
    own = sheet.series("eigen middelen", [fx.own_means_formula(f"C{inputs}", f"D{inputs}")], [row.eigen_middelen])
    sheet.series("per inwoner", [fx.per_inhabitant_formula(f"C{own}", f"E{inputs}")], [row.per_inwoner])


@pytest.fixture(scope="module")
def workbook(tmp_path_factory) -> tuple[Path, dict[str, float]]:
    sheet = Sheet()
    factor = sheet.constant("fte per persoon", 0.85)
    rate = sheet.constant("overige uitstroom", RATE)
    year_row, aow_row = add_years(sheet)
    add_rate_model(sheet, rate, sheet.constant("fte per persoon (Wsw, tarief)", 0.9))
    add_cohorts(sheet, year_row, aow_row, rate, factor)
    for regel in PRODUCTS:
        add_product(sheet, year_row, regel)
    add_band_and_money(sheet)
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "Doelgroep"
    for ref, value in sheet.cells.items():
        ws[ref] = value
    path = tmp_path_factory.mktemp("doelgroep") / "doelgroep.xlsx"
    book.save(path)
    return path, sheet.expected


def test_formulas_use_only_the_shared_functions_and_allowed_numbers(workbook):
    path, expected = workbook
    ws = openpyxl.load_workbook(path)["Doelgroep"]
    for ref in expected:
        text = ws[ref].value
        assert set(re.findall(r"([A-Z]+)\(", text)) <= {"SUM", "SUMPRODUCT", "ROUND", "IF", "MIN", "MAX"}, text
        stripped = re.sub(r",2\)", ")", re.sub(r"\$?[A-Z]{1,3}\$?\d+", "REF", text))  # ROUND's digits
        assert set(re.findall(r"\d+(?:\.\d+)?", stripped)) <= {"0", "1", "4", "12", "100", "1000"}, text


def recalculate(soffice: str, source: Path, tmp: Path) -> dict[str, object]:
    (tmp / "profiel" / "user").mkdir(parents=True)
    (tmp / "profiel" / "user" / "registrymodifications.xcu").write_text(PROFILE, encoding="utf-8")
    out = tmp / "uit"
    done = subprocess.run([soffice, f"-env:UserInstallation=file://{tmp / 'profiel'}", "--headless",
                           "--norestore", "--convert-to", "xlsx", "--outdir", str(out), str(source)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    ws = openpyxl.load_workbook(out / source.name, data_only=True)["Doelgroep"]
    return {f"{cell.column_letter}{cell.row}": cell.value for row in ws.iter_rows() for cell in row}


def test_libreoffice_recalculates_the_core_values(workbook, libreoffice, tmp_path):
    path, expected = workbook
    values = recalculate(libreoffice, path, tmp_path)
    wrong = {ref: (values.get(ref), want) for ref, want in expected.items()
             if not isinstance(values.get(ref), (int, float)) or abs(values[ref] - want) > 1e-9}
    assert not wrong
    assert len(expected) > 200


def test_formulas_package_computes_every_formula(workbook):
    """`formulas` rounds differently at exact half-hundredths, so only its closeness is checked."""
    import formulas

    path, expected = workbook
    solution = formulas.ExcelModel().loads(str(path)).finish().calculate()
    values = {key.split("!")[1]: value.value[0, 0] for key, value in solution.items() if "!" in key}
    for ref, want in expected.items():
        got = values[ref]
        assert isinstance(got, (int, float)), (ref, got)
        assert abs(got - want) <= 0.05, (ref, got, want)
