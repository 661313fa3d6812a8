"""A faster writer for the cells of a worksheet (the <sheetData> part), which is most
of the time openpyxl needs to save a large begroting. It writes the same XML as
openpyxl's own writer (same attributes, same order, same style ids) by building
strings instead of element trees. Sheets with anything it does not know (dates, rich
text, array formulas, comments, row heights) fall back to openpyxl's writer.
"""

from math import isfinite

from openpyxl.compat import safe_string
from openpyxl.compat.numbers import NUMERIC_TYPES
from openpyxl.drawing.spreadsheet_drawing import SpreadsheetDrawing
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._writer import WorksheetWriter
from openpyxl.writer.excel import ExcelWriter
from openpyxl.xml.functions import Element

PLACEHOLDER = "@@sheetData@@"
_LETTERS = [""] + [get_column_letter(i) for i in range(1, 703)]


def _escape(text: str) -> str:
    """Character data as ElementTree escapes it."""
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    return text


def _known(cell) -> bool:
    """Whether the fast writer writes this cell exactly as openpyxl would."""
    if cell._comment is not None or cell.column >= len(_LETTERS):
        return False
    value, kind = cell._value, cell.data_type
    if value is None:
        return True
    if isinstance(value, str):
        return kind in ("s", "f", "e")
    return kind in ("n", "b") and isinstance(value, NUMERIC_TYPES) and isfinite(value)


def _content(cell) -> str:
    value, kind = cell._value, cell.data_type
    if kind == "f":
        return f"<f>{_escape(value[1:])}</f><v />"
    if kind == "s":
        space = ' xml:space="preserve"' if value.strip() and value != value.strip() else ""
        return f"<is><t{space}>{_escape(value)}</t></is>"
    return f"<v>{_escape(safe_string(value))}</v>"


def _cell(cell, styles) -> str:
    """One <c> element, as openpyxl's etree_write_cell writes it."""
    style = cell._style
    attrs = f'r="{_LETTERS[cell.column]}{cell.row}"'
    if style is not None and any(style):
        attrs += f' s="{styles.add(style)}"'
    kind = cell.data_type
    if kind == "s":
        attrs += ' t="inlineStr"'
    elif kind != "f":
        attrs += f' t="{kind}"'
    if cell.hyperlink:
        cell.parent._hyperlinks.append(cell.hyperlink)
    if cell._value is None or cell._value == "":
        return f"<c {attrs} />"
    return f"<c {attrs}>{_content(cell)}</c>"


class SheetWriter(WorksheetWriter):
    """openpyxl's worksheet writer with the cells written as strings."""

    cells_xml = None

    def write_rows(self):
        if len(self.ws.row_dimensions) or not all(_known(c) for c in self.ws._cells.values()):
            return super().write_rows()
        styles = self.ws.parent._cell_styles
        parts = []
        for row_idx, row in self.rows():
            parts.append(f'<row r="{row_idx}">')
            parts.extend(_cell(c, styles) for c in row if c._value is not None or c.has_style)
            parts.append("</row>")
        self.cells_xml = "".join(parts).encode("utf-8")
        placeholder = Element("sheetData")
        placeholder.text = PLACEHOLDER
        self.xf.send(placeholder)

    def xml(self) -> bytes:
        out = self.read()
        if self.cells_xml is None:
            return out
        return out.replace(PLACEHOLDER.encode(), self.cells_xml, 1)


class FastExcelWriter(ExcelWriter):
    """openpyxl's ExcelWriter that writes worksheets with SheetWriter."""

    def write_worksheet(self, ws):
        if self.workbook.write_only:
            return super().write_worksheet(ws)
        ws._drawing = SpreadsheetDrawing()
        ws._drawing.charts = ws._charts
        ws._drawing.images = ws._images
        writer = SheetWriter(ws)
        writer.write()
        ws._rels = writer._rels
        self._archive.writestr(ws.path[1:], writer.xml())
        self.manifest.append(ws)
        writer.cleanup()
