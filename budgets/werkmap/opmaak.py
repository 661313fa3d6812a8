"""Layout helpers for the controller's workbook: named styles, rows of inputs, and result
blocks that put a UDF call beside its native-Excel twin.

Column layout of every function sheet: A label, B unit, C constant, D onwards the values
(years, products or gemeenten). A result block writes the UDF at column D and the twin,
when there is one, to its right after one empty column.
"""

from collections.abc import Callable
from dataclasses import dataclass

from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.formula import ArrayFormula

from budgets.excel.stijl import werkmap_styles

FIRST_VALUE_COLUMN = 4  # column D
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
    result; tweeling_cel is None when Excel cannot compute the function itself.
    """

    blad: str
    functie: str
    udf_cel: str
    vorm: tuple[int, int]
    tweeling_cel: str | None
    toelichting: str


# A twin formula for result cell (i, j); cel(i, j) gives the twin's own cell references.
Twin = Callable[[int, int, Callable[[int, int], str]], str]


class Blad:
    """A function sheet filled top-down with a row cursor."""

    def __init__(self, sheet):
        self.sheet = sheet
        self.row = 1
        self.blokken: list[Blok] = []
        for column, width in (("A", 34), ("B", 12), ("C", 14)):
            sheet.column_dimensions[column].width = width
        for column in range(FIRST_VALUE_COLUMN, FIRST_VALUE_COLUMN + 20):
            sheet.column_dimensions[get_column_letter(column)].width = 15

    def put(self, row: int, column: int, value, style: str | None = None):
        cell = self.sheet.cell(row=row, column=column, value=value)
        if isinstance(value, str) and not value.startswith("="):
            cell.data_type = "s"
        if style:
            cell.style = style
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
            cell.number_format = "#,##0"
        if bron:
            self.put(row, FIRST_VALUE_COLUMN + max(len(waarden), 1) + 1, bron, "Toelichting")
        self.row += 1
        return row

    def labels(self, label: str, namen, column: int = FIRST_VALUE_COLUMN, style: str = "Kop") -> int:
        """A header row (years, products, column names)."""
        row = self.row
        self.put(row, 1, label, "Kop")
        for offset, name in enumerate(namen):
            self.put(row, column + offset, name, style)
        self.row += 1
        return row

    def result(self, functie: str, formule: str, vorm: tuple[int, int], twin: Twin | None,
               toelichting: str, kolommen=(), rijlabels=(), eenheid: str = "") -> Blok:
        """The UDF at column D and its native twin beside it, with a header row above."""
        rows, columns = vorm
        twin_column = FIRST_VALUE_COLUMN + columns + 1
        self._result_header(functie, twin is not None, twin_column, kolommen)
        top = self.row
        for i, label in enumerate(rijlabels):
            self.put(top + i, 1, label)
        for i in range(rows if eenheid else 0):
            self.put(top + i, 2, eenheid)
        self._write_udf(top, formule, vorm)
        if twin is not None:
            self._write_twin(top, twin_column, vorm, twin)
        note_column = twin_column + (columns + 1 if twin is not None else 0)
        self.put(top, note_column, toelichting, "Toelichting")
        if eenheid.startswith("euro"):
            last = twin_column + columns if twin is not None else FIRST_VALUE_COLUMN + columns
            self._number_format(top, rows, last - 1, "#,##0.00")
        self.row = top + rows
        blok = Blok(self.sheet.title, functie, ref(top, FIRST_VALUE_COLUMN), vorm,
                    ref(top, twin_column) if twin is not None else None, toelichting)
        self.blokken.append(blok)
        return blok

    def _number_format(self, top: int, rows: int, last_column: int, pattern: str) -> None:
        for row in self.sheet.iter_rows(min_row=top, max_row=top + rows - 1,
                                        min_col=FIRST_VALUE_COLUMN, max_col=last_column):
            for cell in row:
                cell.number_format = pattern

    def _result_header(self, functie: str, has_twin: bool, twin_column: int, kolommen) -> None:
        self.put(self.row, 1, "Uitkomst", "Kop")
        self.put(self.row, FIRST_VALUE_COLUMN, f"Python-functie {functie}", "Kop")
        if has_twin:
            self.put(self.row, twin_column, "Zelfde uitkomst met Excel-formules", "Kop")
        self.row += 1
        if kolommen:
            for offset, name in enumerate(kolommen):
                self.put(self.row, FIRST_VALUE_COLUMN + offset, name, "Kop")
                if has_twin:
                    self.put(self.row, twin_column + offset, name, "Kop")
            self.row += 1

    def _write_twin(self, top: int, twin_column: int, vorm: tuple[int, int], twin: Twin) -> None:
        def cel(i: int, j: int) -> str:
            return ref(top + i, twin_column + j)

        for i in range(vorm[0]):
            for j in range(vorm[1]):
                self.put(top + i, twin_column + j, twin(i, j, cel), "Excel-tweeling")

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
