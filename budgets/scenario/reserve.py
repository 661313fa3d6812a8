"""The calculation sheet "Reserve per scenario": per scenario the saldo and the mutatie of
the algemene reserve from the core, the reserve as a corkscrew, what the gemeenten carry
and the weerstandsratio, as live formulas with the core's values cached.

Layout (FAST): label, eenheid, constante, then the years; one block per scenario.
"""

from openpyxl.utils import get_column_letter

from budgets.excel.rapportblad import print_setup, put, put_text, set_width
from budgets.scenario.model import Uitkomst, Vergelijking
from budgets.werkboek.overzicht import caption
from pyfuncs.afronding import from_cents, to_cents

TITEL = "Reserve per scenario"
REF = "'Reserve per scenario'!"
FIRST_YEAR_COLUMN = 4  # D
ROWS = ("saldo", "mutatie", "begin", "eind", "gemeenten", "onvoorzien", "benodigd", "beschikbaar", "ratio")
LABELS = {
    "saldo": ("Saldo (+ overschot, − tekort)", "EUR"),
    "mutatie": ("Mutatie algemene reserve (+ dotatie, − onttrekking)", "EUR"),
    "begin": ("Algemene reserve begin jaar", "EUR"),
    "eind": ("Algemene reserve einde jaar", "EUR"),
    "gemeenten": ("Door de gemeenten te dragen (mutatie − saldo; + bijbetalen)", "EUR"),
    "onvoorzien": ("Post onvoorzien", "EUR"),
    "benodigd": ("Benodigde weerstandscapaciteit (simulatie)", "EUR"),
    "beschikbaar": ("Beschikbare weerstandscapaciteit (reserve begin + onvoorzien)", "EUR"),
    "ratio": ("Weerstandsratio (beschikbaar / benodigd)", "factor"),
}
BLOCK = len(ROWS) + 2


def minus(a: float, b: float) -> float:
    """a − b in whole cents."""
    return from_cents(to_cents(a) - to_cents(b))


def year_letter(i: int) -> str:
    """Column letter of the i-th year (0-based)."""
    return get_column_letter(FIRST_YEAR_COLUMN + i)


def block_rows(index: int) -> dict:
    """Row numbers of scenario `index`'s block."""
    first = 5 + index * BLOCK
    return {key: first + 1 + i for i, key in enumerate(ROWS)}


def cell(index: int, key: str, year: int) -> str:
    """An absolute reference to one cell of a scenario's block (year 0-based)."""
    return f"{REF}${year_letter(year)}${block_rows(index)[key]}"


def _formulas(rows: dict, c: str, prev: str | None) -> dict:
    return {
        "begin": f"=$C{rows['begin']}" if prev is None else f"={prev}{rows['eind']}",
        "eind": f"={c}{rows['begin']}+{c}{rows['mutatie']}",
        "gemeenten": f"={c}{rows['mutatie']}-{c}{rows['saldo']}",
        "beschikbaar": f"={c}{rows['begin']}+$C{rows['onvoorzien']}",
        "ratio": f'=IF({c}{rows["benodigd"]}>0,{c}{rows["beschikbaar"]}/{c}{rows["benodigd"]},"")',
    }


def _block(sheet, index: int, u: Uitkomst) -> None:
    rows, res, b = block_rows(index), u.resultaten, u.begroting
    put_text(sheet, rows["saldo"] - 1, 1, f"Scenario {u.naam}", "kop2")
    for key in ROWS:
        put_text(sheet, rows[key], 1, LABELS[key][0])
        put_text(sheet, rows[key], 2, LABELS[key][1])
    put(sheet, rows["begin"], 3, res.reserve_begin[b.jaren[0]], "invoer", "euro")
    put(sheet, rows["onvoorzien"], 3, b.reserve.onvoorzien, "invoer", "euro")
    cached = {"begin": res.reserve_begin, "eind": res.reserve_eind, "beschikbaar": res.beschikbaar,
              "gemeenten": {y: minus(res.reserve_mutatie[y], res.saldo[y]) for y in b.jaren},
              "ratio": {y: "" if r is None else r for y, r in res.ratio.items()}}
    for i, y in enumerate(b.jaren):
        c = year_letter(i)
        put(sheet, rows["saldo"], FIRST_YEAR_COLUMN + i, res.saldo[y], "invoer", "euro")
        put(sheet, rows["mutatie"], FIRST_YEAR_COLUMN + i, res.reserve_mutatie[y], "invoer", "euro")
        put(sheet, rows["benodigd"], FIRST_YEAR_COLUMN + i, res.benodigd[y], "invoer", "euro")
        for key, formula in _formulas(rows, c, year_letter(i - 1) if i else None).items():
            fmt = "getal" if key == "ratio" else "euro"
            put(sheet, rows[key], FIRST_YEAR_COLUMN + i, formula, "berekening", fmt, cached[key][y])


def reserve_sheet(book, v: Vergelijking) -> None:
    """Write the sheet (calculation: printed only on request)."""
    sheet = book.create_sheet(TITEL)
    b = v.basis.begroting
    put_text(sheet, 1, 1, f"{TITEL}: rekenblad", "titel")
    put_text(sheet, 2, 1, "Saldo en mutatie van de reserve per scenario komen uit de rekenkern (elk "
             "scenario is een volledige begroting); de rest zijn formules.", "toelichting")
    for c, text in enumerate(("Regel", "Eenheid", "Constante"), start=1):
        put_text(sheet, 4, c, text, "kop")
    for i, y in enumerate(b.jaren):
        put_text(sheet, 4, FIRST_YEAR_COLUMN + i, caption(b, y), "kop")
    sheet.hoogtes[4] = 28
    for index, u in enumerate(v.uitkomsten):
        _block(sheet, index, u)
    set_width(sheet, 1, 58)
    set_width(sheet, 2, 8)
    set_width(sheet, 3, 15)
    for i in range(len(b.jaren)):
        set_width(sheet, FIRST_YEAR_COLUMN + i, 15)
    print_setup(sheet, TITEL, freeze="D5")
