"""The plan of a workbook: every cell with its content, style and the value the core
expects, before anything is written. The writer renders a plan; `controleer` compares
a plan with a workbook.

Every calculation sheet shares one column layout: A label, B eenheid, C constante,
D totaal, then the years from column E.
"""

from dataclasses import dataclass, field

from xlsxwriter.utility import xl_cell_to_rowcol, xl_col_to_name

from budgets.excel.formaten import EURO

UNCHECKED = object()
FIRST_YEAR_COLUMN = 5


@dataclass
class Cel:
    """One planned cell: a value or a formula ("=..."), its named style and number
    format, whether it must stay text, and the value the core expects (UNCHECKED if none)."""

    waarde: object
    stijl: str | None = None
    formaat: str | None = None
    verwacht: object = UNCHECKED
    tekst: bool = False


@dataclass
class Blad:
    """One planned sheet."""

    titel: str
    cellen: dict = field(default_factory=dict)
    breedtes: dict = field(default_factory=dict)
    bevriezen: str | None = None
    koppelingen: dict = field(default_factory=dict)
    grafieken: list = field(default_factory=list)
    validaties: list = field(default_factory=list)
    groepen: dict = field(default_factory=dict)  # row -> (outline level, hidden)
    afdrukbereik: str | None = None
    pagina_einden: list = field(default_factory=list)  # rows (1-based) that start a printed page
    staand: bool = False  # portrait instead of landscape
    soort: str = "berekening"  # "uitvoer" (the board reads it), "berekening" or "invoer"

    def zet(
        self, rij: int, kolom: int, waarde, stijl=None, formaat=None, verwacht=UNCHECKED, tekst: bool = False
    ) -> str:
        """Plan a cell and return its address (e.g. "E12")."""
        adres = f"{xl_col_to_name(kolom - 1)}{rij}"
        self.cellen[adres] = Cel(waarde, stijl, formaat, verwacht, tekst)
        return adres

    def tekst(self, rij: int, kolom: int, waarde: str, stijl: str | None = None) -> str:
        """Plan a text cell: text from input never becomes a formula."""
        return self.zet(rij, kolom, "" if waarde is None else str(waarde), stijl, tekst=True)


def col(kolom: int) -> str:
    return xl_col_to_name(kolom - 1)


def year_column(jaren: tuple, jaar: int) -> int:
    return FIRST_YEAR_COLUMN + list(jaren).index(jaar)


def year_columns(jaren: tuple) -> list[tuple[int, int]]:
    """(jaar, kolom) pairs."""
    return [(jaar, FIRST_YEAR_COLUMN + i) for i, jaar in enumerate(jaren)]


def ref(blad: str, adres: str) -> str:
    """A reference to a cell on another sheet, quoted when the name needs it."""
    name = f"'{blad}'" if not blad.isalnum() else blad
    return f"{name}!{adres}"


def absolute(kolom: int, rij: int) -> str:
    return f"${col(kolom)}${rij}"


def year_ref(blad: str, kolom: int, rij: int) -> str:
    """A reference to the same year column on another sheet (relative column)."""
    return ref(blad, f"{col(kolom)}{rij}")


def header_row(
    blad: Blad,
    rij: int,
    jaren: tuple,
    eerste: str | None = None,
    labels=("Omschrijving", "Eenheid", "Constante", "Totaal"),
    stijl: str = "kop",
) -> None:
    """The common header: label, eenheid, constante, totaal and the years. With
    `eerste` (the input cell of the first year) the timeline is formulas: the first
    year links to it, every next year is the previous one + 1."""
    for i, label in enumerate(labels, start=1):
        blad.tekst(rij, i, label, stijl)
    for jaar, kolom in year_columns(jaren):
        if eerste is None:
            blad.zet(rij, kolom, jaar, stijl)
        elif kolom == FIRST_YEAR_COLUMN:
            blad.zet(rij, kolom, f"={eerste}", stijl, "0", verwacht=jaar)
        else:
            blad.zet(rij, kolom, f"={col(kolom - 1)}{rij}+1", stijl, "0", verwacht=jaar)


def prev(c: str) -> str:
    """The column left of c."""
    return xl_col_to_name(xl_cell_to_rowcol(f"{c}1")[1] - 1)


def standard_widths(blad: Blad, jaren: tuple, label: int = 44) -> None:
    blad.breedtes.update({"A": label, "B": 12, "C": 14, "D": 16})
    for _jaar, kolom in year_columns(jaren):
        blad.breedtes[col(kolom)] = 15


def _year_values(
    blad: Blad, b, rij: int, formula, expected, stijl="berekening", fmt=EURO, total: bool = True
) -> None:
    """One formula per row across the years; the D column holds the row's total.
    expected(jaar) gives the core's value; None marks helper rows that are not compared."""
    for jaar, kolom in year_columns(b.jaren):
        value = UNCHECKED if expected is None else expected(jaar)
        blad.zet(rij, kolom, formula(col(kolom)), stijl, fmt, value)
    if total:
        last = col(4 + len(b.jaren))
        blad.zet(rij, 4, f"=SUM(E{rij}:{last}{rij})", "totaal", fmt, sum(expected(j) for j in b.jaren))


def _label(blad: Blad, rij: int, label: str, unit: str, stijl: str | None = None) -> None:
    blad.tekst(rij, 1, label, stijl)
    blad.tekst(rij, 2, unit, stijl)


def line(blad: Blad, b, rij: int, label: str, unit: str, formula, expected, stijl="berekening",
         fmt=EURO, total: bool = True) -> None:
    """A labelled row: label, unit and one formula per year (totals in bold)."""
    _label(blad, rij, label, unit, "totaal" if stijl == "totaal" else None)
    _year_values(blad, b, rij, formula, expected, stijl, fmt, total)
