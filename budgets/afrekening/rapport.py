"""The afrekening workbook: the total sheet, one afrekeningsbrief per gemeente, the
exploitatie and the aansluiting of the year."""

from datetime import date
from pathlib import Path

from budgets.afrekening.aansluiting import Stap
from budgets.afrekening.gemeente import gemeente_sheet, sheet_title
from budgets.afrekening.model import Afrekening
from budgets.afrekening.totaal import FIRST_GEMEENTE_ROW, MARKER, exploitatie_sheet, total_sheet
from budgets.excel.formaten import EURO_CENT, datum_tekst
from budgets.excel.rapportblad import (
    merge,
    new_workbook,
    print_setup,
    put,
    put_text,
    set_width,
)

FASEN = {"begroting": "Begroting", "wijziging": "Wijziging", "realisatie": "Realisatie",
         "afrekening": "Afrekening", "reserve": "Reserve", "prognose": "Prognose K4"}


def aansluiting_sheet(book, steps: list[Stap], jaar: int, prognose: dict | None) -> None:
    sheet = book.create_sheet("Aansluiting")
    put_text(sheet, 1, 1, f"Aansluiting {jaar}: van primitieve begroting tot afrekening", "titel")
    put_text(sheet, 2, 1, "Bedragen in EUR; + verbetert het saldo (baten − lasten), − verslechtert "
             "het. Elke stap telt op tot het saldo erna, tot op de cent.", "toelichting")
    for c, head in enumerate(("Fase", "Stap", "Oorzaak", "Bedrag", "Saldo na de stap"), start=1):
        put_text(sheet, 4, c, head, "kop")
    for r, s in enumerate(steps, start=5):
        put_text(sheet, r, 1, FASEN[s.fase])
        put_text(sheet, r, 2, s.omschrijving)
        put_text(sheet, r, 3, s.oorzaak)
        put(sheet, r, 4, s.bedrag, "invoer", "euro")
        if r == 5:
            put(sheet, r, 5, f"=D{r}", "totaal", "euro", s.saldo_na)
        else:
            put(sheet, r, 5, f"=E{r - 1}+D{r}", "berekening", "euro", s.saldo_na)
    r = 6 + len(steps)
    put_text(sheet, r, 2, "Rest: door de gemeenten bij te betalen (−) of terug te ontvangen (+)",
             "totaal")
    put(sheet, r, 5, f"=E{r - 2}", "totaal", "euro", steps[-1].saldo_na)
    if prognose:
        put_text(sheet, r + 2, 1, "Prognose kwartaal 4 tegen de afrekening", "kop")
        merge(sheet, r + 2, 1, 5)
        rows = (("Saldo volgens de prognose in de rapportage van kwartaal 4", prognose["saldo"]),
                ("Saldo volgens de afrekening", prognose["afrekening"]),
                ("Verschil (afrekening − prognose)", prognose["verschil"]))
        for i, (label, amount) in enumerate(rows, start=r + 3):
            put_text(sheet, i, 2, label)
            put(sheet, i, 4, amount, "invoer", "euro")
        put_text(sheet, r + 6, 2, f"Bron: {Path(str(prognose['bron'])).name}", "toelichting")
    for col, width in zip("ABCDE", (12, 70, 16, 16, 17), strict=True):
        set_width(sheet, col, width)
    print_setup(sheet, f"Aansluiting {jaar}", freeze="A5")


def write_settlement(afrekening: Afrekening, path: Path, steps: list[Stap],
                     brief: dict | None = None, prognose: dict | None = None) -> None:
    """Write the whole workbook to path (the caller makes it atomic). brief: datum (date)
    and besluit (text) of the letters."""
    jaar = afrekening.basis.jaar
    brief = brief or {}
    letter = {"regeling": afrekening.basis.naam, "jaar": jaar,
              "datum": datum_tekst(brief.get("datum") or date.today()),
              "besluit": brief.get("besluit") or f"besluit van het algemeen bestuur over de "
              f"jaarrekening {jaar}"}
    book = new_workbook(euro=EURO_CENT)
    total = book.create_sheet(MARKER)
    taken = {MARKER.lower(), "exploitatie", "aansluiting"}
    links = []
    for i, g in enumerate(afrekening.gemeenten):
        title = sheet_title(g.gemeente, taken)
        share = f"{MARKER}!$G${FIRST_GEMEENTE_ROW + i}"
        links.append((title, gemeente_sheet(book, g, title, letter, share)))
    netto_cell = exploitatie_sheet(book, afrekening)
    total_sheet(total, afrekening, links, netto_cell)
    aansluiting_sheet(book, steps, jaar, prognose)
    book.titel = MARKER
    book.onderwerp = f"{afrekening.basis.naam} {jaar}"
    book.save(path)
