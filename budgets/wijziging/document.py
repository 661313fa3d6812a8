"""The voorstel workbook for the AB: the Voorstel page (A4 portrait: subject, meeting, what is
asked, toelichting, zienswijze, the effects in short, the besluit) and the sheets with the
tables behind it (budgets.wijziging.bladen, budgets.wijziging.saldo)."""

import textwrap
from pathlib import Path

from budgets.excel.formaten import EURO_CENT, datum_tekst
from budgets.excel.rapportblad import merge, new_workbook, print_setup, put, put_text, set_width
from budgets.pc.voorstel import Voorstel, cents
from budgets.wijziging import teksten
from budgets.wijziging.bladen import bijdragen_sheet, exploitatie_sheet
from budgets.wijziging.saldo import saldo_sheet

VOORSTEL = "Voorstel"
WIDTHS = (46, 17, 17, 17)
CHARS_PER_UNIT = 1.3  # characters of 10 pt type per column-width unit (measured on the PDF
# with LibreOffice's wider substitute font; Calibri in Excel fits more)
LINE_HEIGHT = 13.0  # points per line of 10 pt type


def line_count(text: str, units: float) -> int:
    """The lines text needs in a merged cell of units wide (greedy word wrap)."""
    per_line = int(units * CHARS_PER_UNIT)
    return sum(max(1, len(textwrap.wrap(part, per_line))) for part in text.split("\n"))


class Pagina:
    """The Voorstel sheet being filled top-down (row: the next free row)."""

    def __init__(self, sheet):
        self.sheet, self.row = sheet, 1

    def line(self, text: str, kind: str = "label", skip: int = 1) -> None:
        put_text(self.sheet, self.row, 1, text, kind)
        self.row += skip

    def paragraph(self, text: str, kind: str = "tekstblok", skip: int = 1) -> None:
        """Text over the page's width, its row as high as its lines need."""
        self.text(text, 1, kind)
        self.row += skip

    def text(self, text: str, first: int, kind: str = "tekstblok") -> None:
        """Wrapped text from column first to the page's right edge, the row high enough."""
        put_text(self.sheet, self.row, first, text, kind)
        merge(self.sheet, self.row, first, len(WIDTHS))
        lines = line_count(text, sum(WIDTHS[first - 1:]))
        self.sheet.hoogtes[self.row] = max(self.sheet.hoogtes.get(self.row, 0),
                                           LINE_HEIGHT * lines + 3)

    def heading(self, text: str) -> None:
        self.row += 1
        self.line(text, "kop2")

    def numbered(self, points: list[str]) -> None:
        for i, point in enumerate(points, start=1):
            self.paragraph(f"{i}. {point}")


def _info(page: Pagina, v: Voorstel) -> None:
    w = v.wijziging
    subject = f"Begrotingswijziging {w.nummer}" + (f": {w.omschrijving}" if w.omschrijving else "")
    rows = (("Onderwerp", subject), ("Begroting", str(v.jaar)),
            ("Vergadering algemeen bestuur", datum_tekst(w.datum)), ("Besluit", w.besluit),
            ("Zienswijze van de raden", "nodig: de bijdragen van de gemeenten veranderen"
             if v.bijdragen_wijzigen else "niet nodig: de bijdragen veranderen niet"))
    for label, value in rows:
        put_text(page.sheet, page.row, 1, label, "kop")
        page.text(value, 2)
        page.row += 1


def _effects(page: Pagina, v: Voorstel, cells: dict) -> None:
    sheet, s = page.sheet, "'Saldo en gemeenten'!"
    for c, head in enumerate(("", "Vóór deze wijziging", "Deze wijziging", "Na wijziging"),
                             start=1):
        put_text(sheet, page.row, c, head, "kop")
    page.row += 1
    rows = [("Baten", f"{s}B5", f"{s}C5", (v.voor.baten, v.na.baten)),
            ("Lasten", f"{s}B6", f"{s}C6", (v.voor.lasten, v.na.lasten)),
            ("Saldo van het jaar (+ overschot, − tekort)", f"{s}B7", f"{s}C7",
             (v.voor.saldo, v.na.saldo)),
            ("Mutatie reserve (+ dotatie, − onttrekking)", f"{s}B{cells['mutatie']}",
             f"{s}C{cells['mutatie']}", (v.voor.mutatie, v.na.mutatie)),
            ("Door de gemeenten te dragen (+ bijbetalen)", f"{s}B{cells['dragen']}",
             f"{s}C{cells['dragen']}", (v.voor.te_dragen, v.na.te_dragen))]
    for g in v.per_gemeente:
        r = cells["gemeenten"][g.gemeente]
        rows.append((f"{g.gemeente}: productbijdrage en aandeel saldo", f"{s}C{r}+{s}F{r}",
                     f"{s}D{r}+{s}G{r}", (cents([g.bijdrage_voor, g.aandeel_voor]),
                                          cents([g.bijdrage_na, g.aandeel_na]))))
    for label, before, after, (value_before, value_after) in rows:
        r = page.row
        kind = "totaal" if label.startswith("Saldo") else "berekening"
        put_text(sheet, r, 1, label, "totaal" if kind == "totaal" else "label")
        put(sheet, r, 2, f"={before}", kind, "euro", value_before)
        put(sheet, r, 3, f"=D{r}-B{r}", kind, "euro", cents([value_after, -value_before]))
        put(sheet, r, 4, f"={after}", kind, "euro", value_after)
        page.row += 1
    page.line("Bedragen in euro's. De onderbouwing staat op de bladen Exploitatie, Bijdragen en "
              "Saldo en gemeenten.", "toelichting")


def _besluit(page: Pagina, v: Voorstel) -> None:
    page.heading("Besluit")
    page.line(f"Het algemeen bestuur van {v.regeling},")
    page.line("gelezen het voorstel van het dagelijks bestuur;")
    page.line("gelet op de Wet gemeenschappelijke regelingen;")
    page.line("besluit:")
    page.numbered(teksten.besluit_points(v))
    page.row += 1
    page.line(f"Aldus besloten in de vergadering van {datum_tekst(v.wijziging.datum)}.", skip=3)
    put_text(page.sheet, page.row, 1, "De voorzitter,")
    put_text(page.sheet, page.row, 3, "De secretaris,")
    page.row += 2


def voorstel_sheet(sheet, v: Voorstel, cells: dict) -> None:
    page = Pagina(sheet)
    page.line(v.regeling, "titel")
    page.line(f"Voorstel aan het algemeen bestuur: begrotingswijziging {v.wijziging.nummer}",
              "kop2", skip=2)
    _info(page, v)
    page.heading("Voorstel")
    page.line("Het algemeen bestuur wordt voorgesteld:")
    page.numbered(teksten.voorstel_points(v))
    page.heading("Toelichting")
    for text in teksten.toelichting(v):
        page.paragraph(text)
    page.heading("Zienswijze")
    page.paragraph(teksten.zienswijze(v))
    page.heading("Gevolgen in het kort")
    _effects(page, v, cells)
    _besluit(page, v)
    put_text(sheet, page.row, 1, "Rekencontroles van deze werkmap", "toelichting")
    put(sheet, page.row, 2, f'=IF({cells["controle"]},"alle in orde","wijken af: zie het blad '
        'Saldo en gemeenten")', "berekening", "algemeen", "alle in orde")
    for col, width in zip("ABCD", WIDTHS, strict=True):
        set_width(sheet, col, width)
    print_setup(sheet, f"{v.regeling}: voorstel begrotingswijziging {v.wijziging.nummer}",
                portrait=True)


def write_voorstel(v: Voorstel, path: Path) -> None:
    """Write the whole workbook to path (the caller makes it atomic)."""
    book = new_workbook(euro=EURO_CENT)
    first = book.create_sheet(VOORSTEL)
    links = exploitatie_sheet(book, v)
    totals, all_row = bijdragen_sheet(book, v)
    cells = saldo_sheet(book, v, links, totals, all_row)
    voorstel_sheet(first, v, cells)
    book.titel = f"Begrotingswijziging {v.wijziging.nummer}"
    book.onderwerp = f"{v.regeling} {v.jaar}"
    book.save(path)
