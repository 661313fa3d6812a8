"""House style of the P&C workbooks (kwartaalrapportage, afrekening, wijzigingsvoorstel): a
small in-memory sheet model written by XlsxWriter, so every formula carries its cached
value (the core's figure: Protected View, previews and `data_only` readers show it), with
the palette of budgets.excel.stijl, Dutch number formats, text-safe cells, print set-up
(A4, one page wide) and a small column-table writer.

Writers fill sheets with put / put_text (any order, a cell may be written twice: the last
write counts) and call Werkmap.save at the end.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

import xlsxwriter
from xlsxwriter.utility import xl_cell_to_rowcol, xl_col_to_name

from budgets.excel import stijl
from budgets.excel.formaten import EURO, EURO_CENT, GETAL, PROCENT_TEKEN
from budgets.excel.werkblad import Werkblad

EURO_DUIZEND = '"€" #,##0,;[Red]"€" -#,##0,'  # amounts shown × € 1.000 (value unchanged)
DATUM = "d mmmm yyyy"
FORMATS = {"euro": EURO, "euro_cent": EURO_CENT, "getal": GETAL, "pct": PROCENT_TEKEN,
           "tekst": "@", "algemeen": "General", "heel": "#,##0", "datum": DATUM}
# our kinds -> the house palette's roles (FAST: input, calculation, total, check)
STYLES = {
    "invoer": {"bg_color": stijl.INVOER, "font_color": stijl.INVOER_TEKST, "border": 1,
               "border_color": "#9E9E9E"},
    "berekening": {}, "label": {},
    "totaal": {"bold": True, "top": 1, "bottom": 1, "border_color": "#9E9E9E"},
    "controle": {"bg_color": stijl.CONTROLE, "bold": True, "border": 1, "border_color": "#9E9E9E"},
    "kop": {"bg_color": stijl.KOP, "bold": True, "text_wrap": True, "valign": "top"},
    "titel": {"bold": True, "font_size": 14, "font_color": stijl.TITEL_TEKST},
    "kop2": {"bold": True, "font_size": 11, "font_color": stijl.TITEL_TEKST},
    "toelichting": {"italic": True, "font_color": stijl.TOELICHTING_TEKST},
    "tekstblok": {"text_wrap": True, "valign": "top"},
    "berekend": {"bg_color": stijl.BEREKEND, "bold": True, "border": 1},
}
FORMULA_KINDS = ("berekening", "totaal", "controle")
PAGE_WIDTH = 185  # column-width units on one A4 landscape page with type of 8 pt or more


@dataclass
class Cel:
    waarde: object
    soort: str
    formaat: str
    cache: object = None
    tekst: bool = False


@dataclass
class Blad:
    """One sheet: cells by (row, column) 1-based, column widths, hidden columns, print set-up
    and charts (anchor cell, function(workbook) -> chart)."""

    title: str
    cellen: dict = field(default_factory=dict)
    breedtes: dict = field(default_factory=dict)
    verborgen: set = field(default_factory=set)
    hoogtes: dict = field(default_factory=dict)
    kop_tekst: str = ""
    freeze_panes: str | None = None
    staand: bool = False
    grafieken: list = field(default_factory=list)
    samengevoegd: dict = field(default_factory=dict)  # (row, first col) -> last col
    pagina_einden: list = field(default_factory=list)  # rows (1-based) that start a new page


class Werkmap:
    """The workbook being built: its sheets in tab order and the euro display unit
    (1: whole euros, 1000: × € 1.000; the values stay in euros)."""

    def __init__(self, eenheid: int = 1, euro: str | None = None):
        self.worksheets: list[Blad] = []
        self.titel, self.onderwerp = "", ""
        self.gemaakt = None  # a datetime: the creation date in the file (same input, same bytes)
        self.euro = euro or (EURO_DUIZEND if eenheid == 1000 else EURO)

    def create_sheet(self, title: str) -> Blad:
        sheet = Blad(title)
        self.worksheets.append(sheet)
        return sheet

    @property
    def sheetnames(self) -> list[str]:
        return [s.title for s in self.worksheets]

    def __getitem__(self, title: str) -> Blad:
        return next(s for s in self.worksheets if s.title == title)

    def save(self, path, printed: tuple[str, ...] | None = None) -> None:
        """Write the workbook; with printed, every other sheet is hidden (a board pack
        printed to PDF shows only the output sheets)."""
        book = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False,
                                               "strings_to_numbers": False,
                                               "in_memory": True})  # no temporary files
        properties = {"title": self.titel, "subject": self.onderwerp}
        if self.gemaakt is not None:
            properties["created"] = self.gemaakt
        book.set_properties(properties)
        formats: dict = {}
        for sheet in self.worksheets:
            ws = book.add_worksheet(sheet.title, worksheet_class=Werkblad)
            _render(book, ws, sheet, formats, self.euro)
            if printed is not None and sheet.title not in printed:
                ws.hide()
        book.close()


def print_to_pdf(write: Callable, target) -> None:
    """Write a workbook with write(path) in a temporary folder and print it to target (PDF,
    Dutch whatever the machine's locale: budgets.excel.rekenmotor.export_pdf)."""
    import tempfile
    from pathlib import Path

    from budgets.excel.rekenmotor import export_pdf

    with tempfile.TemporaryDirectory(prefix="afdruk-") as folder:
        workbook = Path(folder) / "afdruk.xlsx"
        write(workbook)
        export_pdf(workbook, Path(target))


def new_workbook(eenheid: int = 1, euro: str | None = None) -> Werkmap:
    """An empty workbook (add sheets with create_sheet)."""
    return Werkmap(eenheid, euro)


def put(sheet: Blad, row: int, column: int, value, kind: str = "berekening",
        fmt: str = "algemeen", cache=None) -> None:
    """Write a number, a bool, a formula (a str starting with '=', with its cached value)
    or None, with a style of the house palette."""
    sheet.cellen[(row, column)] = Cel(value, kind, fmt, cache)


def put_text(sheet: Blad, row: int, column: int, text, kind: str = "label") -> None:
    """Write text from input as text: a value starting with '=' never becomes a formula."""
    sheet.cellen[(row, column)] = Cel("" if text is None else str(text), kind, "tekst", tekst=True)


def merge(sheet: Blad, row: int, first: int, last: int) -> None:
    """Let the cell at (row, first) span the columns up to last (a paragraph of text)."""
    sheet.samengevoegd[(row, first)] = last


def set_width(sheet: Blad, column, width: float, hidden: bool = False) -> None:
    """Column width (letter or 1-based index); hidden columns do not print."""
    index = _column_number(column) if isinstance(column, str) else column
    sheet.breedtes[index] = width
    if hidden:
        sheet.verborgen.add(index)


def print_setup(sheet: Blad, title: str, freeze: str | None = None, portrait: bool = False) -> None:
    """A4, landscape unless portrait, one page wide, header with the title, page numbers."""
    sheet.kop_tekst, sheet.freeze_panes, sheet.staand = title, freeze, portrait


def printed_width(sheet: Blad) -> float:
    """Σ of the widths of the visible columns (column-width units)."""
    last = max([c for _, c in sheet.cellen] + list(sheet.breedtes) + [1])
    return sum(sheet.breedtes.get(c, 8.43) for c in range(1, last + 1) if c not in sheet.verborgen)


def _format(book, formats: dict, kind: str, fmt: str, euro: str):
    key = (kind, fmt)
    if key not in formats:
        spec = {"font_name": stijl.FONT, "font_size": 10, "valign": "vcenter", **STYLES[kind]}
        spec["num_format"] = euro if fmt == "euro" else FORMATS[fmt]
        formats[key] = book.add_format(spec)
    return formats[key]


def _cell(ws, r: int, c: int, cel: Cel, fmt) -> None:
    value = cel.waarde
    if cel.tekst:
        ws.write_string(r, c, value, fmt)
    elif isinstance(value, str) and value.startswith("=") and cel.soort in FORMULA_KINDS:
        cache = cel.cache
        ws.write_formula(r, c, value, fmt, "" if cache is None else cache)
    elif isinstance(value, bool):
        ws.write_boolean(r, c, value, fmt)
    elif isinstance(value, (int, float)):
        ws.write_number(r, c, value, fmt)
    elif value is None:
        ws.write_blank(r, c, None, fmt)
    else:
        ws.write_string(r, c, str(value), fmt)


def _escape(text: str) -> str:
    return text.replace("&", "&&")[:200]


def _page(ws, sheet: Blad) -> None:
    ws.set_paper(9)
    ws.set_portrait() if sheet.staand else ws.set_landscape()
    ws.fit_to_pages(1, 0)
    ws.set_margins(left=0.5, right=0.5, top=0.7, bottom=0.7)
    ws.set_header(f"&L{_escape(sheet.kop_tekst)}")
    ws.set_footer("&L&A&RPagina &P van &N")
    if sheet.pagina_einden:
        ws.set_h_pagebreaks([row - 1 for row in sheet.pagina_einden])
    if sheet.freeze_panes:
        row = int("".join(ch for ch in sheet.freeze_panes if ch.isdigit())) - 1
        col = _column_number("".join(ch for ch in sheet.freeze_panes if ch.isalpha())) - 1
        ws.freeze_panes(row, col)
        if row > 0:
            ws.repeat_rows(0, row - 1)


def _render(book, ws, sheet: Blad, formats: dict, euro: str) -> None:
    for c, width in sheet.breedtes.items():
        options = {"hidden": True} if c in sheet.verborgen else {}
        ws.set_column(c - 1, c - 1, width, None, options)
    for r, height in sheet.hoogtes.items():
        ws.set_row(r - 1, height)
    for (r, c), cel in sorted(sheet.cellen.items()):
        fmt = _format(book, formats, cel.soort, cel.formaat, euro)
        if (r, c) in sheet.samengevoegd:
            ws.merge_range(r - 1, c - 1, r - 1, sheet.samengevoegd[(r, c)] - 1, "", fmt)
        _cell(ws, r - 1, c - 1, cel, fmt)
    for anchor, build in sheet.grafieken:
        ws.insert_chart(anchor, build(book), {"x_offset": 4, "y_offset": 4})
    _page(ws, sheet)


def spread_over_pages(sheet: Blad) -> None:
    """Kept for callers: every table prints one page wide (working columns are hidden)."""
    del sheet


@dataclass(frozen=True)
class Kolom:
    """One column of a table: header, unit, width, style kind and number format, a
    function (item, row number, column letters by key) -> value, formula or text, the
    cached value of a formula (item -> value) and whether it is a working column
    (hidden: keys, profiles, threshold arithmetic)."""

    sleutel: str
    kop: str
    eenheid: str
    breedte: float
    soort: str
    formaat: str
    waarde: Callable
    cache: Callable | None = None
    verborgen: bool = False


def letters(columns: list[Kolom], first: int = 1) -> dict[str, str]:
    """Column letter of every column key."""
    return {c.sleutel: xl_col_to_name(first + i - 1) for i, c in enumerate(columns)}


def write_header(sheet: Blad, columns: list[Kolom], row: int) -> None:
    """Header row with the units on the row below; sets the column widths."""
    for i, column in enumerate(columns, start=1):
        put_text(sheet, row, i, column.kop, "kop")
        if isinstance(column.eenheid, str):
            put_text(sheet, row + 1, i, column.eenheid, "kop")
        else:
            put(sheet, row + 1, i, column.eenheid, "kop", "algemeen")
        set_width(sheet, i, column.breedte, column.verborgen)


def write_row(sheet: Blad, columns: list[Kolom], row: int, item, where: dict,
              kind_override: str | None = None) -> None:
    """One table row. Formulas (code-built strings starting with '=') are allowed in
    calculation columns and, on total rows, in numeric input columns; every other string,
    such as names and toelichtingen from the input, is written as text."""
    for i, column in enumerate(columns, start=1):
        value = column.waarde(item, row, where)
        kind = column.soort
        if kind_override and column.soort in ("berekening", "invoer") and column.formaat != "tekst":
            kind = kind_override
        formula = isinstance(value, str) and value.startswith("=") and kind in FORMULA_KINDS
        if isinstance(value, str) and not formula:
            put_text(sheet, row, i, value, kind)
        else:
            cache = column.cache(item) if formula and column.cache else None
            put(sheet, row, i, value, kind, column.formaat, cache)


def _column_number(letters: str) -> int:
    """1-based number of a column's letters ('A' → 1)."""
    return xl_cell_to_rowcol(f"{letters}1")[1] + 1
