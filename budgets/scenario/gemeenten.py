"""The output sheet "Gemeenten": per year and per gemeente, for every scenario beside the
basis, the bijdrage (products and doorbelastingen), the share in the saldo and the total,
and the difference of the total with the basis. Totals and differences are formulas; a
check per scenario and year proves that the shares add up, to the cent, to what the
gemeenten carry on the Reserve sheet."""

from openpyxl.utils import get_column_letter

from budgets.excel.rapportblad import merge, print_setup, put, put_text, set_width
from budgets.scenario.model import Vergelijking
from budgets.scenario.reserve import cell, minus
from budgets.werkboek.overzicht import caption
from pyfuncs.afronding import from_cents, to_cents

TITEL = "Gemeenten"
PARTS = ("Bijdrage", "Aandeel saldo", "Totaal")
BLOCKS_PER_PAGE = 3  # years on one A4 page (up to ~12 gemeenten)


def _column(index: int, part: int) -> int:
    return 2 + 3 * index + part


def _header(sheet, v: Vergelijking, r: int) -> None:
    put_text(sheet, r, 1, "", "kop")
    put_text(sheet, r + 1, 1, "Gemeente", "kop")
    for index, u in enumerate(v.uitkomsten):
        first = _column(index, 0)
        put_text(sheet, r, first, f"Scenario {u.naam}", "kop")
        for part in (1, 2):
            put_text(sheet, r, first + part, "", "kop")
        merge(sheet, r, first, first + 2)
        for part, text in enumerate(PARTS):
            put_text(sheet, r + 1, first + part, text, "kop")
    diff = _column(len(v.uitkomsten), 0)
    for i, u in enumerate(v.uitkomsten[1:]):
        put_text(sheet, r, diff + i, "Verschil totaal", "kop")
        put_text(sheet, r + 1, diff + i, f"{u.naam} − basis", "kop")


def _gemeente_row(sheet, v: Vergelijking, r: int, g: int, y: int) -> None:
    put_text(sheet, r, 1, v.basis.begroting.gemeenten[g])
    for index, u in enumerate(v.uitkomsten):
        a, b_, t = (get_column_letter(_column(index, p)) for p in range(3))
        put(sheet, r, _column(index, 0), u.bijdrage[y][g], "berekening", "euro")
        put(sheet, r, _column(index, 1), u.aandeel_saldo[y][g], "berekening", "euro")
        put(sheet, r, _column(index, 2), f"={a}{r}+{b_}{r}", "berekening", "euro", u.totaal[y][g])
    base = get_column_letter(_column(0, 2))
    for i, u in enumerate(v.uitkomsten[1:], start=1):
        col = get_column_letter(_column(i, 2))
        put(sheet, r, _column(len(v.uitkomsten), 0) + i - 1, f"={col}{r}-{base}{r}", "berekening", "euro",
            minus(u.totaal[y][g], v.basis.totaal[y][g]))


def _total_row(sheet, v: Vergelijking, r: int, first: int, y: int) -> None:
    put_text(sheet, r, 1, "Totaal", "totaal")
    last_column = _column(len(v.uitkomsten), 0) + len(v.uitkomsten) - 1
    for c in range(2, last_column):
        letter = get_column_letter(c)
        put(sheet, r, c, f"=SUM({letter}{first}:{letter}{r - 1})", "totaal", "euro", _total(v, c, y))


def _total(v: Vergelijking, c: int, y: int) -> float:
    n = len(v.uitkomsten)
    if c < _column(n, 0):
        index, part = divmod(c - 2, 3)
        u = v.uitkomsten[index]
        values = (u.bijdrage, u.aandeel_saldo, u.totaal)[part][y]
        return from_cents(sum(to_cents(x) for x in values))
    u = v.uitkomsten[c - _column(n, 0) + 1]
    pairs = zip(u.totaal[y], v.basis.totaal[y], strict=True)
    return from_cents(sum(to_cents(a) - to_cents(b) for a, b in pairs))


def _check_row(sheet, v: Vergelijking, r: int, year_index: int) -> list[str]:
    put_text(sheet, r, 1, "Controle", "toelichting")
    found = []
    for index in range(len(v.uitkomsten)):
        c = _column(index, 1)
        letter = get_column_letter(c)
        put(sheet, r, c, f"=ROUND({letter}{r - 1}-{cell(index, 'gemeenten', year_index)},2)=0", "controle",
            "algemeen", True)
        found.append(f"{TITEL}!${letter}${r}")
    return found


def _year_block(sheet, v: Vergelijking, r: int, year_index: int) -> tuple[int, list[str], int]:
    b = v.basis.begroting
    y = b.jaren[year_index]
    put_text(sheet, r, 1, f"Bijdrage per gemeente: {caption(b, y)}", "kop2")
    _header(sheet, v, r + 1)
    first = r + 3
    for g in range(len(b.gemeenten)):
        _gemeente_row(sheet, v, first + g, g, y)
    total = first + len(b.gemeenten)
    _total_row(sheet, v, total, first, y)
    checks = _check_row(sheet, v, total + 1, year_index)
    return total + 3, checks, first


def total_reference(first_rows: dict, year_index: int, g: int) -> str:
    """The cell with gemeente g's total bijdrage in the basis in a year (for other sheets)."""
    return f"{TITEL}!${get_column_letter(_column(0, 2))}${first_rows[year_index] + g}"


def gemeenten_sheet(book, v: Vergelijking) -> tuple[list[str], dict]:
    """Write the sheet; returns the check cells for the master check and the first
    gemeente row of each year's block (year index -> row)."""
    sheet = book.create_sheet(TITEL)
    b = v.basis.begroting
    put_text(sheet, 1, 1, f"Bijdrage en aandeel in het saldo per gemeente, per scenario ({b.naam})", "titel")
    put_text(sheet, 2, 1, "Bedragen in euro's. Bijdrage = producten en doorbelastingen; aandeel saldo: "
             "+ bijbetalen, − terugontvangen (na de algemene reserve). Controle: de aandelen tellen "
             "tot op de cent op tot wat de gemeenten volgens het rekenblad Reserve per scenario dragen.",
             "toelichting")
    r, checks, first_rows = 4, [], {}
    for year_index in range(len(b.jaren)):
        if year_index and year_index % BLOCKS_PER_PAGE == 0:
            sheet.pagina_einden.append(r)
        r, found, first_rows[year_index] = _year_block(sheet, v, r, year_index)
        checks += found
    set_width(sheet, 1, 20)
    for c in range(2, _column(len(v.uitkomsten), 0) + len(v.uitkomsten) - 1):
        set_width(sheet, c, 14)
    print_setup(sheet, f"{TITEL}: bijdrage per scenario")
    return checks, first_rows
