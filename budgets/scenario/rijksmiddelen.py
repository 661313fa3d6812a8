"""The output sheet "Rijksmiddelen": per gemeente and year the total bijdrage to the GR in the
basis (products, doorbelastingen and share in the saldo, linked to the Gemeenten sheet)
against the rijksmiddelen it receives for these tasks (input, with source), and what it pays
from its own algemene middelen, in euros and per inwoner. The formulas are the core's rules
(pyfuncs.doelgroep_formules: own_means_formula, per_inhabitant_formula)."""

from openpyxl.utils import get_column_letter

from budgets.excel.rapportblad import merge, print_setup, put, put_text, set_width
from budgets.scenario.gemeenten import total_reference
from budgets.scenario.model import Vergelijking
from budgets.werkboek.overzicht import caption
from pyfuncs.doelgroep_formules import own_means_formula, per_inhabitant_formula, sum_formula

TITEL = "Rijksmiddelen"
FIRST_YEAR = 3  # column C
MEASURES = (
    ("bijdrage", "Totale bijdrage aan de GR (basis)", "euro"),
    ("rijksmiddelen", "Rijksmiddelen voor deze taken", "euro"),
    ("eigen_middelen", "Uit eigen algemene middelen (+ bijdrage hoger dan de rijksmiddelen)", "euro"),
    ("per_inwoner", "Uit eigen algemene middelen per inwoner", "euro_cent"),
)


def _inputs(sheet, v: Vergelijking, r: int) -> tuple[int, int, int]:
    """The input table (one row per gemeente and kind); returns its first and last row and
    the next free row."""
    b = v.basis.begroting
    index_column = FIRST_YEAR + len(b.jaren) + 1
    put_text(sheet, r, 1, "Rijksmiddelen naar soort (invoer)", "kop2")
    heads = ("Gemeente", "Soort", *(caption(b, y) for y in b.jaren), "Bron")
    for c, head in enumerate(heads, start=1):
        put_text(sheet, r + 1, c, head, "kop")
    sheet.hoogtes[r + 1] = 28
    first = r + 2
    for i, row in enumerate(v.spec.rijksmiddelen):
        put_text(sheet, first + i, 1, row.gemeente)
        put_text(sheet, first + i, 2, row.omschrijving)
        for j, y in enumerate(b.jaren):
            put(sheet, first + i, FIRST_YEAR + j, row.bedragen.get(y, 0.0), "invoer", "euro")
        put_text(sheet, first + i, FIRST_YEAR + len(b.jaren), row.bron, "toelichting")
        put(sheet, first + i, index_column, b.gemeenten.index(row.gemeente) + 1, "invoer", "heel")
    last = first + len(v.spec.rijksmiddelen) - 1
    return first, last, last + 2


def _cache(v: Vergelijking, key: str, g: int, year_index: int):
    rows = v.basis.eigen_middelen
    n, years = len(v.basis.begroting.gemeenten), len(v.jaren)
    row = rows[g * years + year_index] if g < n else rows[n * years + year_index]
    return getattr(row, key)


def _formula(key: str, r: int, c: str, rows: dict, year_index: int, g: int, refs: dict) -> str:
    if key == "bijdrage":
        return f"={total_reference(refs['gemeenten'], year_index, g)}"
    if key == "rijksmiddelen":
        first, last, idx = refs["inputs"]
        return f"=SUMPRODUCT((${idx}${first}:${idx}${last}=${idx}{r})*{c}${first}:{c}${last})"
    if key == "eigen_middelen":
        return own_means_formula(f"{c}{rows['bijdrage'] + g}", f"{c}{rows['rijksmiddelen'] + g}")
    return per_inhabitant_formula(f"{c}{rows['eigen_middelen'] + g}", f"$B{rows['per_inwoner'] + g}")


def _measure(sheet, v: Vergelijking, r: int, key: str, label: str, fmt: str, rows: dict, refs: dict) -> int:
    b = v.basis.begroting
    put_text(sheet, r, 1, label, "kop")
    put_text(sheet, r, 2, "Inwoners" if key == "per_inwoner" else "", "kop")
    if key != "per_inwoner":
        merge(sheet, r, 1, 2)
    for j, y in enumerate(b.jaren):
        put_text(sheet, r, FIRST_YEAR + j, caption(b, y), "kop")
    sheet.hoogtes[r] = 28
    first = rows[key]
    for g, gemeente in enumerate(b.deelnemers):
        put_text(sheet, first + g, 1, gemeente.naam)
        put(sheet, first + g, FIRST_YEAR + len(b.jaren) + 1, g + 1, "invoer", "heel")
        if key == "per_inwoner":
            put(sheet, first + g, 2, int(gemeente.inwoners), "invoer", "heel")
        for j in range(len(b.jaren)):
            c = get_column_letter(FIRST_YEAR + j)
            put(sheet, first + g, FIRST_YEAR + j, _formula(key, first + g, c, rows, j, g, refs), "berekening",
                fmt, _cache(v, key, g, j))
    total = first + len(b.gemeenten)
    put_text(sheet, total, 1, "Totaal", "totaal")
    if key == "per_inwoner":
        put(sheet, total, 2, sum_formula(f"B{first}:B{total - 1}"), "totaal", "heel",
            sum(int(g.inwoners) for g in b.deelnemers))
    for j in range(len(b.jaren)):
        c = get_column_letter(FIRST_YEAR + j)
        formula = (per_inhabitant_formula(f"{c}{rows['eigen_middelen'] + len(b.gemeenten)}", f"$B{total}")
                   if key == "per_inwoner" else sum_formula(f"{c}{first}:{c}{total - 1}"))
        put(sheet, total, FIRST_YEAR + j, formula, "totaal", fmt, _cache(v, key, len(b.gemeenten), j))
    return total + 2


def rijksmiddelen_sheet(book, v: Vergelijking, first_rows: dict) -> list[str]:
    """Write the sheet when the spec has rijksmiddelen; returns its check cells."""
    if not v.spec.rijksmiddelen:
        return []
    sheet = book.create_sheet(TITEL)
    b = v.basis.begroting
    put_text(sheet, 1, 1, f"Rijksmiddelen en eigen middelen per gemeente ({b.naam})", "titel")
    put_text(sheet, 2, 1, "Totale bijdrage (producten, doorbelastingen en aandeel in het saldo, scenario "
             "basis) "
             "tegenover de rijksmiddelen voor deze taken: het verschil betaalt de gemeente uit haar eigen "
             "algemene middelen (+) of houdt zij over (−). Bedragen in euro's.", "toelichting")
    idx = get_column_letter(FIRST_YEAR + len(b.jaren) + 1)
    n = len(b.gemeenten)
    r, rows = 4, {}
    for key, *_ in MEASURES:
        rows[key] = r + 1
        r += n + 3
    sheet.pagina_einden.append(r)  # the input table on its own page
    first, last, r = _inputs(sheet, v, r)
    refs = {"gemeenten": first_rows, "inputs": (first, last, idx)}
    for key, label, fmt in MEASURES:
        _measure(sheet, v, rows[key] - 1, key, label, fmt, rows, refs)
    check = r
    put_text(sheet, check, 1, "Controle: Σ rijksmiddelen per gemeente = Σ invoer", "toelichting")
    for j in range(len(b.jaren)):
        c = get_column_letter(FIRST_YEAR + j)
        formula = f"=ROUND({c}{rows['rijksmiddelen'] + n}-SUM({c}{first}:{c}{last}),2)=0"
        put(sheet, check, FIRST_YEAR + j, formula, "controle", "algemeen", True)
    set_width(sheet, 1, 26)
    set_width(sheet, 2, 34)
    for j in range(len(b.jaren)):
        set_width(sheet, FIRST_YEAR + j, 15)
    set_width(sheet, FIRST_YEAR + len(b.jaren), 44)
    set_width(sheet, idx, 4, hidden=True)
    print_setup(sheet, f"{TITEL} {b.naam}")
    return [f"{TITEL}!${get_column_letter(FIRST_YEAR + j)}${check}" for j in range(len(b.jaren))]
