"""Layout helpers for the controller's workbook: named styles, rows of inputs, and result
blocks that put a UDF call beside its native-Excel twin.

Column layout of every function sheet: A label, B unit, C constant, D onwards the values
(years, products or gemeenten), the source of an input right after its values. A result
block writes the UDF at column D, the twin (when there is one) under it, and its note on the
row below, so every block prints one A4 page wide.
"""

from collections.abc import Callable
from dataclasses import dataclass

from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.formula import ArrayFormula

from budgets.excel.stijl import werkmap_styles

FIRST_VALUE_COLUMN = 4  # column D
FIRST_YEAR, LAST_YEAR = 1900, 2200  # whole numbers in this range are shown as years
CONSTANT_COLUMN = 3  # column C


def add_styles(book) -> None:
    """Register the named styles (fresh objects: a style binds to one workbook)."""
    for style in werkmap_styles():
        if style.name not in book.named_styles:
            book.add_named_style(style)


def ref(row: int, column: int, absolute: bool = False) -> str:
    """A1 reference of one cell, optionally $-anchored."""
    letter = get_column_letter(column)
    return f"${letter}${row}" if absolute else f"{letter}{row}"


def area(row: int, column: int, rows: int, columns: int, absolute: bool = False) -> str:
    """A1 reference of a block of cells."""
    first = ref(row, column, absolute)
    if rows == 1 and columns == 1:
        return first
    return f"{first}:{ref(row + rows - 1, column + columns - 1, absolute)}"


@dataclass(frozen=True)
class Blok:
    """One function shown on a sheet: where its UDF result and its native twin are.

    udf_cel / tweeling_cel: top-left cell of each block; vorm: (rows, columns) of the
    result; tweeling_cel is None when Excel cannot compute the function itself;
    toelichting_cel: the note under the block.
    """

    blad: str
    functie: str
    udf_cel: str
    vorm: tuple[int, int]
    tweeling_cel: str | None
    toelichting: str
    toelichting_cel: str = ""


# A twin formula for result cell (i, j); cel(i, j) gives the twin's own cell references.
Twin = Callable[[int, int, Callable[[int, int], str]], str]


class Blad:
    """A function sheet filled top-down with a row cursor."""

    def __init__(self, sheet):
        self.sheet = sheet
        self.row = 1
        self.blokken: list[Blok] = []
        for column, width in (("A", 38), ("B", 16), ("C", 13)):
            sheet.column_dimensions[column].width = width
        for column in range(FIRST_VALUE_COLUMN, FIRST_VALUE_COLUMN + 20):
            sheet.column_dimensions[get_column_letter(column)].width = 13
        print_on_a4(sheet)

    def put(self, row: int, column: int, value, style: str | None = None):
        cell = self.sheet.cell(row=row, column=column, value=value)
        if isinstance(value, str) and not value.startswith("="):
            cell.data_type = "s"
        if style:
            cell.style = style
        if isinstance(value, int) and not isinstance(value, bool) and FIRST_YEAR <= value <= LAST_YEAR:
            cell.number_format = "0"  # a year, never 2.025
        return cell

    def text(self, text: str, style: str = "Toelichting", column: int = 1) -> int:
        """A line of explanation (or a heading) on its own row."""
        self.put(self.row, column, text, style)
        self.row += 1
        return self.row - 1

    def skip(self, rows: int = 1) -> None:
        self.row += rows

    def heading(self, functie: str, uitleg: str) -> None:
        """The function's name and its one-line help, with a blank row above."""
        self.skip()
        self.put(self.row, 1, functie, "Kop")
        self.put(self.row, 2, uitleg, "Toelichting")
        self.row += 1

    def inputs(self, label: str, eenheid: str, waarden=(), constante=None, bron: str = "") -> int:
        """One row of inputs: label, unit, an optional constant in C and values from D."""
        row = self.row
        self.put(row, 1, label)
        self.put(row, 2, eenheid)
        cells = [] if constante is None else [self.put(row, CONSTANT_COLUMN, constante, "Invoer")]
        cells += [self.put(row, FIRST_VALUE_COLUMN + offset, value, "Invoer")
                  for offset, value in enumerate(waarden)]
        for cell in cells if eenheid == "euro" else ():
            if cell.number_format != "0":
                cell.number_format = "#,##0"
        if bron:
            self.put(row, FIRST_VALUE_COLUMN + len(waarden), bron, "Toelichting")
        self.row += 1
        return row

    def labels(self, label: str, namen, column: int = FIRST_VALUE_COLUMN, style: str = "Kop") -> int:
        """A header row (years, products, column names)."""
        row = self.row
        self.put(row, 1, label, "Kop")
        for offset, name in enumerate(namen):
            cell = self.put(row, column + offset, name, style)
            cell.alignment = Alignment(wrap_text=True, horizontal="right", vertical="bottom")
        self.row += 1
        return row

    def result(self, functie: str, formule: str, vorm: tuple[int, int], twin: Twin | None,
               toelichting: str, kolommen=(), rijlabels=(), eenheid: str = "") -> Blok:
        """The UDF at column D, its native twin under it, the note on the row below."""
        top = self._block(f"Python-functie {functie}", vorm, kolommen, rijlabels, eenheid)
        self._write_udf(top, formule, vorm)
        twin_top = None
        if twin is not None:
            twin_top = self._block("Zelfde uitkomst met Excel-formules", vorm, kolommen, rijlabels, eenheid)
            self._write_twin(twin_top, vorm, twin)
        for first in (top, twin_top) if eenheid.startswith("euro") else ():
            if first:
                self._number_format(first, vorm, "#,##0.00")
        note = self.put(self.row, 1, toelichting, "Toelichting")
        self.row += 1
        blok = Blok(self.sheet.title, functie, ref(top, FIRST_VALUE_COLUMN), vorm,
                    ref(twin_top, FIRST_VALUE_COLUMN) if twin_top else None, toelichting, note.coordinate)
        self.blokken.append(blok)
        return blok

    def _block(self, kop: str, vorm: tuple[int, int], kolommen, rijlabels, eenheid: str) -> int:
        """Header rows and row labels of one result block; returns its first row."""
        self.put(self.row, 1, kop, "Kop")
        self.row += 1
        if kolommen:
            self.labels("", kolommen)
        top = self.row
        for i, label in enumerate(rijlabels):
            self.put(top + i, 1, label)
        for i in range(vorm[0] if eenheid else 0):
            self.put(top + i, 2, eenheid)
        self.row = top + vorm[0]
        return top

    def _number_format(self, top: int, vorm: tuple[int, int], pattern: str) -> None:
        for row in self.sheet.iter_rows(min_row=top, max_row=top + vorm[0] - 1, min_col=FIRST_VALUE_COLUMN,
                                        max_col=FIRST_VALUE_COLUMN + vorm[1] - 1):
            for cell in row:
                cell.number_format = pattern

    def _write_twin(self, top: int, vorm: tuple[int, int], twin: Twin) -> None:
        def cel(i: int, j: int) -> str:
            return ref(top + i, FIRST_VALUE_COLUMN + j)

        for i in range(vorm[0]):
            for j in range(vorm[1]):
                self.put(top + i, FIRST_VALUE_COLUMN + j, twin(i, j, cel), "Excel-tweeling")

    def _write_udf(self, top: int, formule: str, vorm: tuple[int, int]) -> None:
        rows, columns = vorm
        if vorm == (1, 1):
            self.put(top, FIRST_VALUE_COLUMN, formule, "Python-functie")
        else:
            block = area(top, FIRST_VALUE_COLUMN, rows, columns)
            self.sheet[ref(top, FIRST_VALUE_COLUMN)] = ArrayFormula(block, formule)
            for i in range(rows):
                for j in range(columns):
                    self.sheet.cell(row=top + i, column=FIRST_VALUE_COLUMN + j).style = "Python-functie"
        self.sheet.cell(row=top, column=FIRST_VALUE_COLUMN).alignment = Alignment(horizontal="right")


def print_on_a4(sheet, titel: str | None = None) -> None:
    """A4 landscape, one page wide, the sheet name and page numbers in the footer."""
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape"
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.page_margins.left = sheet.page_margins.right = 0.5
    sheet.oddFooter.left.text = (titel or sheet.title).replace("&", "&&")
    sheet.oddFooter.right.text = "Pagina &P van &N"
