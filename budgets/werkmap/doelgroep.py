"""The PB_WSWUITSTROOM block: the Wsw-bestand by birth year, leaving at the AOW age, beside
its native-Excel twin, which works the projection out per cohort in the rows above it.

The cohorts are illustrative; the AOW ages are the statutory ones (docs/doelgroep.md).
"""

from budgets.werkmap.opmaak import CONSTANT_COLUMN, FIRST_VALUE_COLUMN, Blad, area, ref
from pyfuncs import doelgroep_formules as f

D = FIRST_VALUE_COLUMN
C = CONSTANT_COLUMN
JAREN = (2024, 2025, 2026, 2027, 2028)
AOW = (67, 67, 67, 67, 67 + 3 / 12)
COHORTEN = ((1957, 12), (1958, 18), (1960, 25), (1961, 30), (1975, 140))  # (geboortejaar, personen)
RIJEN = ("Stand 1 januari", "AOW-uitstroom", "Overige uitstroom", "Stand 31 december", "Personen in het jaar",
         "Fte")


def fill_doelgroep(blad: Blad, uitleg: dict[str, str]) -> None:
    blad.heading("PB_WSWUITSTROOM", uitleg["PB_WSWUITSTROOM"])
    years = blad.labels("Jaar", JAREN)
    aow = blad.inputs("AOW-leeftijd", "jaren", AOW, bron="AOW art. 7a; 2028: 67 jaar en 3 maanden")
    rate = blad.inputs("Overige uitstroom", "fractie per jaar", constante=0.02, bron="illustratief")
    fte = blad.inputs("Fte per persoon", "fte", constante=0.9, bron="illustratief")
    birthday = blad.inputs("Verjaardag", "maanden na 1 januari", constante=6, bron="aangenomen: 1 juli")
    blad.labels("Cohort (aantal in C, geboortejaar in D)", ())
    first = blad.row
    for year, count in COHORTEN:
        blad.inputs(f"Geboren in {year}", "personen", (year,), constante=count, bron="illustratief")
    work = _cohort_rows(blad, first, years, aow, rate, birthday)
    n = len(COHORTEN)
    row_of = (lambda r: area(r, D, 1, len(JAREN)))  # noqa: E731
    formule = (f"=PB_WSWUITSTROOM({area(first, C, n, 1)},{area(first, D, n, 1)},{row_of(years)},"
               f"{row_of(aow)},{ref(rate, C)},{ref(fte, C)})")

    def twin(i: int, j: int, cel) -> str:
        column = lambda row: ref(row, D + j)  # noqa: E731
        span = lambda name: f"{column(work[name])}:{ref(work[name] + n - 1, D + j)}"  # noqa: E731
        return {0: lambda: f.sum_formula(span("begin")), 1: lambda: f.sum_formula(span("aow")),
                2: lambda: f.sum_formula(span("overig")),
                3: lambda: f.closing_formula(cel(0, j), min_refs=(cel(1, j), cel(2, j))),
                4: lambda: f.cohort_persons_formula(span("begin"), span("maanden")),
                5: lambda: f.fte_formula(cel(4, j), ref(fte, C, True))}[i]()

    blad.result("PB_WSWUITSTROOM", formule, (len(RIJEN), len(JAREN)), twin,
                "Excel: per cohort de maanden vóór de AOW-datum, uitstroom en stand (rijen hierboven)",
                kolommen=JAREN, rijlabels=RIJEN, eenheid="personen")


def _cohort_rows(blad: Blad, first: int, years: int, aow: int, rate: int, birthday: int) -> dict[str, int]:
    """Working rows of the twin, one block per quantity, one row per cohort."""
    n, work = len(COHORTEN), {}
    for name in ("maanden", "begin", "aow", "overig"):
        work[name] = blad.row
        blad.row += n
    for k in range(n):
        count, born = ref(first + k, C, True), ref(first + k, D, True)
        for j in range(len(JAREN)):
            _cohort_year(blad, work, k, j, count, born, (years, aow, rate, birthday))
    labels = {"maanden": "Maanden vóór AOW", "begin": "Stand 1 januari", "aow": "AOW-uitstroom",
              "overig": "Overige uitstroom"}
    for name, label in labels.items():
        for k, (year, _count) in enumerate(COHORTEN):
            blad.put(work[name] + k, 1, f"{label}, geboren {year}")
            blad.put(work[name] + k, 2, "maanden" if name == "maanden" else "personen")
    return work


def _cohort_year(blad: Blad, work: dict, k: int, j: int, count: str, born: str, rows: tuple) -> None:
    """Months before AOW, begin, AOW and other outflow of cohort k in year j."""
    years, aow, rate, birthday = rows

    def cell(name: str, year: int = j) -> str:
        return ref(work[name] + k, D + year)

    months = f.months_before_aow_formula(born, ref(years, D + j), ref(aow, D + j), ref(birthday, C, True))
    last = j - 1
    begin = (f"={count}" if j == 0
             else f.closing_formula(cell("begin", last), min_refs=(cell("aow", last), cell("overig", last))))
    formulas = {"maanden": months, "begin": begin,
                "aow": f.cohort_aow_formula(cell("begin"), cell("maanden")),
                "overig": f.cohort_outflow_formula(cell("begin"), cell("maanden"), ref(rate, C, True))}
    for name, formula in formulas.items():
        blad.put(work[name] + k, D + j, formula, "Excel-tweeling")
