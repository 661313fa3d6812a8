"""The house-style template (xl/templates/begroting-sjabloon.xlsx): named cell styles,
fonts, colours and page set-up. An organisation can restyle the template in Excel;
the generator keeps its named styles. Regenerate it with `python -m budgets.excel.stijl`.
"""

import sys
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side

TEMPLATE = Path(__file__).resolve().parents[2] / "xl" / "templates" / "begroting-sjabloon.xlsx"
FONT = "Calibri"
THIN = Side(style="thin", color="9E9E9E")


def _style(
    name: str,
    fill: str | None = None,
    bold: bool = False,
    color: str = "000000",
    size: float = 10,
    border: bool = False,
    number_format: str = "General",
    italic: bool = False,
) -> NamedStyle:
    style = NamedStyle(name=name)
    style.font = Font(name=FONT, size=size, bold=bold, italic=italic, color=color)
    if fill:
        style.fill = PatternFill("solid", fgColor=fill)
    if border:
        style.border = Border(top=THIN, bottom=THIN, left=THIN, right=THIN)
    style.number_format = number_format
    style.alignment = Alignment(vertical="center")
    return style


def house_styles() -> list[NamedStyle]:
    """The named styles every generated workbook uses (FAST: input, calculation, link,
    total, check), plus title, heading, note and computed value."""
    return [
        _style("invoer", fill="FFF2CC", color="1F3864", border=True),
        _style("berekening"),
        _style("koppeling", color="375623"),
        _style("totaal", bold=True, border=True),
        _style("controle", fill="E2EFDA", bold=True, border=True),
        _style("kop", fill="D9E1F2", bold=True),
        _style("titel", bold=True, size=14, color="1F3864"),
        _style("toelichting", italic=True, color="595959"),
        _style("berekend", fill="FCE4D6", bold=True, border=True),
    ]


def build_template(path: Path = TEMPLATE) -> Path:
    """Write the template: the styles registered and one sheet that shows them."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Huisstijl"
    sheet["A1"] = "Huisstijl van de begrotingswerkmap"
    sheet["A1"].style = _register(book, house_styles())["titel"]
    for row, style in enumerate(house_styles(), start=3):
        cell = sheet.cell(row, 1, f"Stijl '{style.name}'")
        cell.style = style.name
    sheet.column_dimensions["A"].width = 40
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path


def _register(book: Workbook, styles: list[NamedStyle]) -> dict:
    for style in styles:
        if style.name not in book.named_styles:
            book.add_named_style(style)
    return {style.name: style.name for style in styles}


def ensure_styles(book: Workbook) -> None:
    """Add any house style the (restyled) template lacks; keep those it has."""
    _register(book, house_styles())


if __name__ == "__main__":
    print(f"sjabloon geschreven: {build_template()}")
    sys.exit(0)
