"""The house-style template (xl/templates/begroting-sjabloon.xlsx): named cell styles,
fonts, colours and page set-up. An organisation can restyle the template in Excel;
the generator keeps its named styles. Regenerate it with `python -m budgets.excel.stijl`.
"""

import sys
from pathlib import Path

from budgets.excel.xlsx import store_styles

TEMPLATE = Path(__file__).resolve().parents[2] / "xl" / "templates" / "begroting-sjabloon.xlsx"
FONT = "Calibri"
# the palette: one colour per role, in every workbook the product writes
INVOER, INVOER_TEKST = "FFF2CC", "1F3864"
KOPPELING_TEKST = "375623"
CONTROLE = "E2EFDA"
KOP = "D9E1F2"
TITEL_TEKST = "1F3864"
TOELICHTING_TEKST = "595959"
BEREKEND = "FCE4D6"
FUNCTIE = "DDEBF7"


def _style(
    name: str,
    fill: str | None = None,
    bold: bool = False,
    color: str = "000000",
    size: float = 10,
    border: bool = False,
    number_format: str = "General",
    italic: bool = False,
):
    from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side

    style = NamedStyle(name=name)
    style.font = Font(name=FONT, size=size, bold=bold, italic=italic, color=color)
    if fill:
        style.fill = PatternFill("solid", fgColor=fill)
    if border:
        thin = Side(style="thin", color="9E9E9E")
        style.border = Border(top=thin, bottom=thin, left=thin, right=thin)
    style.number_format = number_format
    style.alignment = Alignment(vertical="center")
    return style


def house_styles() -> list:
    """The named styles every generated workbook uses (FAST: input, calculation, link,
    total, check), plus title, heading, note and computed value."""
    return [
        _style("invoer", fill=INVOER, color=INVOER_TEKST, border=True),
        _style("berekening"),
        _style("koppeling", color=KOPPELING_TEKST),
        _style("totaal", bold=True, border=True),
        _style("controle", fill=CONTROLE, bold=True, border=True),
        _style("kop", fill=KOP, bold=True),
        _style("titel", bold=True, size=14, color=TITEL_TEKST),
        _style("toelichting", italic=True, color=TOELICHTING_TEKST),
        _style("berekend", fill=BEREKEND, bold=True, border=True),
        _style("begrotingsjaar", fill=TITEL_TEKST, bold=True, color="FFFFFF"),
    ]


def werkmap_styles() -> list:
    """The named styles of the controller's workbook: the same palette, plus the Python
    function and its native-Excel twin."""
    return [
        _style("Invoer", fill=INVOER, color=INVOER_TEKST, size=11),
        _style("Python-functie", fill=FUNCTIE, bold=True, size=11),
        _style("Excel-tweeling", fill=CONTROLE, size=11),
        _style("Kop", bold=True, size=11),
        _style("Toelichting", italic=True, color=TOELICHTING_TEKST, size=11),
    ]


def build_template(path: Path = TEMPLATE) -> Path:
    """Write the template (the styles registered and one sheet that shows them) and the
    file of its styles beside it."""
    from openpyxl import Workbook

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
    store_styles(path, house_styles)
    return path


def _register(book, styles: list) -> dict:
    for style in styles:
        if style.name not in book.named_styles:
            book.add_named_style(style)
    return {style.name: style.name for style in styles}


def ensure_styles(book) -> None:
    """Add any house style the (restyled) template lacks; keep those it has."""
    _register(book, house_styles())


if __name__ == "__main__":
    print(f"sjabloon geschreven: {build_template()}")
    sys.exit(0)
