"""The output sheet "Scenario's": what each scenario changes, and per year its saldo, the
algemene reserve at the end of the year, what the gemeenten carry and the weerstandsratio,
side by side with the basis; every figure links to the Reserve sheet and every difference
is a formula. The master check of the workbook stands at the top."""

from openpyxl.utils import get_column_letter

from budgets.excel.rapportblad import merge, print_setup, put, put_text, set_width
from budgets.scenario.model import Vergelijking
from budgets.scenario.reserve import cell, minus
from budgets.spec.scenarios import describe
from budgets.werkboek.overzicht import caption

TITEL = "Scenario's"
MASTER = ("B", 4)
MEASURES_ON_FIRST_PAGE = 2  # below the descriptions; the others start page 2 (no table split)
MEASURES = (
    ("saldo", "Saldo (+ overschot, − tekort)", "euro"),
    ("eind", "Algemene reserve einde jaar", "euro"),
    ("gemeenten", "Door de gemeenten te dragen (+ bijbetalen, − terugontvangen)", "euro"),
    ("ratio", "Weerstandsratio (beschikbaar / benodigd; 1,0 = voldoende)", "getal"),
)


def _descriptions(sheet, v: Vergelijking, r: int, last: int) -> int:
    put_text(sheet, r, 1, "De scenario's", "kop2")
    put_text(sheet, r + 1, 1, "Scenario", "kop")
    put_text(sheet, r + 1, 2, "Omschrijving en aanpassingen ten opzichte van de basis", "kop")
    merge(sheet, r + 1, 2, last)
    r += 2
    for u in v.uitkomsten:
        text = _description(u.scenario)
        put_text(sheet, r, 1, u.naam, "label")
        put_text(sheet, r, 2, text, "tekstblok")
        merge(sheet, r, 2, last)
        sheet.hoogtes[r] = 14 * (1 + len(text) // 110)
        r += 1
    return r + 1


def _description(scenario) -> str:
    changes = describe(scenario)
    own = scenario.omschrijving.rstrip(".")
    if not changes:
        return f"{own} (geen aanpassingen)" if own else "De begroting zoals opgesteld (geen aanpassingen)"
    return f"{own}. Aanpassingen: {changes}" if own else f"Aanpassingen: {changes}"


def _measure(sheet, v: Vergelijking, r: int, key: str, label: str, fmt: str) -> int:
    b = v.basis.begroting
    put_text(sheet, r, 1, label, "kop")
    for i, y in enumerate(b.jaren):
        put_text(sheet, r, 2 + i, caption(b, y), "kop")
    sheet.hoogtes[r] = 28
    first = r + 1
    for index, u in enumerate(v.uitkomsten):
        put_text(sheet, first + index, 1, u.naam)
        for i, y in enumerate(b.jaren):
            put(sheet, first + index, 2 + i, f"={cell(index, key, i)}", "berekening", fmt,
                _value(v, index, key, y))
    r = first + len(v.uitkomsten)
    for index, u in enumerate(v.uitkomsten[1:], start=1):
        put_text(sheet, r, 1, f"Verschil {u.naam} − basis", "toelichting")
        for i, y in enumerate(b.jaren):
            col = get_column_letter(2 + i)
            a, base = _value(v, index, key, y), _value(v, 0, key, y)
            cache = "" if a == "" or base == "" else minus(a, base) if fmt == "euro" else a - base
            here, base_ref = f"{col}{first + index}", f"{col}{first}"
            formula = (f'=IF(OR({here}="",{base_ref}=""),"",{here}-{base_ref})' if key == "ratio"
                       else f"={here}-{base_ref}")
            put(sheet, r, 2 + i, formula, "berekening", fmt, cache)
        r += 1
    return r + 1


def _value(v: Vergelijking, index: int, key: str, y: int):
    res = v.uitkomsten[index].resultaten
    if key == "saldo":
        return res.saldo[y]
    if key == "eind":
        return res.reserve_eind[y]
    if key == "gemeenten":
        return minus(res.reserve_mutatie[y], res.saldo[y])
    return "" if res.ratio[y] is None else res.ratio[y]


def overview_sheet(sheet, v: Vergelijking, checks: list[str]) -> None:
    """Fill the first sheet; checks: the cells whose AND is the master check."""
    b = v.basis.begroting
    last = 1 + len(b.jaren)
    put_text(sheet, 1, 1, f"Scenario's {b.naam}: meerjarenraming {b.jaren[0]}–{b.jaren[-1]}", "titel")
    put_text(sheet, 2, 1, f"Begrotingsjaar {b.begrotingsjaar}; bedragen in euro's. Elk scenario is een "
             "volledige begroting; de verschillen zijn formules.", "toelichting")
    put_text(sheet, MASTER[1], 1, "Alle controles in orde", "totaal")
    put(sheet, MASTER[1], 2, f"=AND({','.join(checks)})" if checks else "=TRUE()", "controle",
        "algemeen", True)
    r = _descriptions(sheet, v, 6, last)
    for i, (key, label, fmt) in enumerate(MEASURES):
        if i == MEASURES_ON_FIRST_PAGE:
            sheet.pagina_einden.append(r)
        r = _measure(sheet, v, r, key, label, fmt)
    set_width(sheet, 1, 46)
    for i in range(len(b.jaren)):
        set_width(sheet, 2 + i, 17)
    print_setup(sheet, f"{TITEL} {b.naam}")
