"""`volumes[].projectie`: volumes per year computed by the core (pyfuncs.doelgroep,
pyfuncs.doelgroep_producten) instead of typed, so the rest of the model is unchanged.

Registered kinds (PROJECTIES): `uitstroom` (Wsw: one outflow rate, no inflow), the
inflow rules of the other products, `vast`, `maximum` and `lineair`, and `leeftijdsprofiel`
(Wsw by birth-year cohorts or age bands, outflow at the AOW age of each year plus a rate
for other outflow; docs/doelgroep.md). Percentages as written (3.5 = 3,5% per year); the
volume of a year is its fte (fte_per_persoon 1: the volumes are persons, places or fte as
given).

    volumes:
      - product: Wsw
        projectie: {soort: uitstroom, start: 448, uitstroom: 3.5}
        verdeelsleutel: Inwoners
      - product: Begeleiding beschut
        projectie: {soort: maximum, start: 70, doel: 131, max_instroom: 35}
        verdeelsleutel: Inwoners
      - product: Wsw
        gemeente: Buren
        projectie:
          soort: leeftijdsprofiel
          cohorten: [{van: 60, tot: 64, aantal: 40}, {van: 50, tot: 59, aantal: 60}]
          aow_leeftijden: {2024: 67, 2025: 67, 2026: 67.25}
          overige_uitstroom: 2
"""

from collections.abc import Callable

from budgets.spec.meldingen import Meldingen, choice, get, integer, items, number, per_year
from budgets.spec.model import Cohortrij, Projectie
from pyfuncs.doelgroep import (
    GEBOORTEJAAR_VANAF,
    aow_months,
    cohorts_from_rows,
    project_cohort,
    project_wsw_cohorts,
    project_wsw_rate,
)
from pyfuncs.doelgroep_producten import Productprognose, project_product
from pyfuncs.fouten import InvoerFout

MAX_AANTAL = 1e6  # personen in one projection
MAX_COHORTEN = 200


def _fte(row: dict, pad: str, m: Meldingen) -> float:
    return number(row.get("fte_per_persoon", 1), f"{pad}.fte_per_persoon", m, minimum=0, maximum=1,
                  default=1.0)


def _wsw(row: dict, pad: str, m: Meldingen, jaren: tuple):
    start = number(get(row, "start", pad, m), f"{pad}.start", m, minimum=0, maximum=MAX_AANTAL)
    pct, fte = _percent(row, "uitstroom", pad, m), _fte(row, pad, m)
    aannames = (("start", start), ("uitstroom", pct), ("fte_per_persoon", fte))
    return (lambda: project_wsw_rate(start, pct / 100, jaren, fte)), aannames


def _product(regel: str) -> Callable:
    def read(row: dict, pad: str, m: Meldingen, jaren: tuple):
        def amount(key: str) -> float:
            return number(row.get(key, 0), f"{pad}.{key}", m, minimum=0, maximum=MAX_AANTAL)

        doeljaar = integer(get(row, "doeljaar", pad, m), f"{pad}.doeljaar", m) if regel == "lineair" else 0
        if regel == "lineair" and doeljaar <= jaren[0]:
            m.fout(f"{pad}.doeljaar", f"doeljaar {doeljaar} moet na het eerste jaar {jaren[0]} liggen")
        pct = _percent(row, "uitstroom", pad, m, required=False)
        p = Productprognose(
            start=number(get(row, "start", pad, m), f"{pad}.start", m, minimum=0, maximum=MAX_AANTAL),
            uitstroom=pct / 100, regel=regel,
            instroom=amount("instroom"), doel=amount("doel"), max_instroom=amount("max_instroom"),
            doeljaar=doeljaar, fte_per_persoon=_fte(row, pad, m))
        values = {"start": p.start, "uitstroom": pct, "instroom": p.instroom,
                  "doel": p.doel, "max_instroom": p.max_instroom, "doeljaar": p.doeljaar,
                  "fte_per_persoon": p.fte_per_persoon}
        aannames = tuple((key, values[key]) for key in PROJECTIES[regel][1])
        return (lambda: project_product(p, jaren)), aannames

    return read


def _age_profile(row: dict, pad: str, m: Meldingen, jaren: tuple):
    """leeftijdsprofiel: cohorten [{van, tot, aantal}] (ages in the first year, or birth
    years), aow_leeftijden {jaar: leeftijd}, overige_uitstroom (%), fte_per_persoon,
    verjaardag_maanden (months from 1 January to the assumed birthday, 0–11, default 6)."""
    aantallen, van, tot = [], [], []
    cohorten = items(get(row, "cohorten", pad, m, default=[]), f"{pad}.cohorten", m)
    if not cohorten:
        m.fout(f"{pad}.cohorten", "geef ten minste één cohort: [{van: 60, tot: 64, aantal: 40}]")
    if len(cohorten) > MAX_COHORTEN:
        m.fout(f"{pad}.cohorten", f"ten hoogste {MAX_COHORTEN} cohorten")
    for i, cohort in enumerate(cohorten[:MAX_COHORTEN], start=1):
        place = f"{pad}.cohorten[{i}]"
        if not isinstance(cohort, dict):
            m.fout(place, "hier hoort een mapping met van, tot (of alleen van) en aantal")
            continue
        first = integer(get(cohort, "van", place, m), f"{place}.van", m)
        van.append(first)
        tot.append(integer(cohort.get("tot", first), f"{place}.tot", m))
        aantallen.append(number(get(cohort, "aantal", place, m), f"{place}.aantal", m, minimum=0,
                                maximum=MAX_AANTAL))
    ages = per_year(get(row, "aow_leeftijden", pad, m, default={}), f"{pad}.aow_leeftijden", m, jaren,
                    minimum=60, maximum=75, complete=True)
    pct, fte = _percent(row, "overige_uitstroom", pad, m, required=False), _fte(row, pad, m)
    birthday = integer(row.get("verjaardag_maanden", 6), f"{pad}.verjaardag_maanden", m)
    if not 0 <= birthday <= 11:
        m.fout(f"{pad}.verjaardag_maanden", f"{birthday} ligt niet tussen 0 en 11 maanden")
    try:
        cohorts = cohorts_from_rows(aantallen, van, tot, jaren[0])
    except InvoerFout as fout:
        m.fout(f"{pad}.cohorten", str(fout))
        cohorts = ()
    aannames = (("overige_uitstroom", pct), ("fte_per_persoon", fte), ("verjaardag_maanden", birthday))
    bands = tuple(zip(van, tot, aantallen, strict=True))

    def run() -> Projectie:
        per_year_ages = [ages[j] for j in jaren]
        standen = project_wsw_cohorts(cohorts, jaren, per_year_ages, pct / 100, fte, birthday)
        months = [aow_months(age) for age in per_year_ages]
        rijen = tuple(Cohortrij(c.geboortejaar, band, k, width,
                                project_cohort(c, jaren, months, pct / 100, birthday))
                      for c, (band, k, width) in zip(cohorts, _places_in_bands(bands, jaren[0]), strict=True))
        return Projectie("leeftijdsprofiel", aannames, standen, bands, tuple(ages.items()), rijen)

    return run, aannames


def _places_in_bands(bands: tuple, first_year: int) -> list[tuple[int, int, int]]:
    """(band index, k, breedte) of every birth-year cohort in the order of
    pyfuncs.doelgroep.cohorts_from_rows: bands from old to young, within a band oldest first."""
    def ages(van: int, tot: int) -> tuple[int, int]:
        a, b = (first_year - van, first_year - tot) if van >= GEBOORTEJAAR_VANAF else (van, tot)
        return min(a, b), max(a, b)

    widths = [(ages(van, tot)[1], ages(van, tot)[1] - ages(van, tot)[0] + 1) for van, tot, _n in bands]
    order = sorted(range(len(bands)), key=lambda i: -widths[i][0])
    return [(i, k, widths[i][1]) for i in order for k in range(1, widths[i][1] + 1)]


PROJECTIES: dict[str, tuple[Callable, tuple]] = {
    "uitstroom": (_wsw, ("start", "uitstroom", "fte_per_persoon")),
    "vast": (_product("vast"), ("start", "uitstroom", "instroom", "fte_per_persoon")),
    "maximum": (_product("maximum"), ("start", "uitstroom", "doel", "max_instroom", "fte_per_persoon")),
    "lineair": (_product("lineair"), ("start", "uitstroom", "doel", "doeljaar", "fte_per_persoon")),
    "leeftijdsprofiel": (_age_profile,
                         ("cohorten", "aow_leeftijden", "overige_uitstroom", "fte_per_persoon",
                          "verjaardag_maanden")),
}


def _percent(row: dict, key: str, pad: str, m: Meldingen, required: bool = True) -> float:
    """A percentage 0–100 as written (the core takes it / 100, a fraction 0–1)."""
    value = get(row, key, pad, m, required=required, default=0.0)
    return number(value, f"{pad}.{key}", m, minimum=0, maximum=100)


def project_volumes(row, pad: str, m: Meldingen, jaren: tuple) -> tuple[dict, Projectie | None]:
    """{jaar: volume} from a projectie mapping and the projection record (None on errors);
    errors (with their place) go to m."""
    zero = dict.fromkeys(jaren, 0.0)
    if not isinstance(row, dict):
        m.fout(pad, f"hier hoort een mapping met soort ({', '.join(PROJECTIES)}) en de aannames")
        return zero, None
    soort = choice(get(row, "soort", pad, m), f"{pad}.soort", m, tuple(PROJECTIES))
    if soort not in PROJECTIES:
        return zero, None
    read, fields = PROJECTIES[soort]
    for key in row:
        if key not in ("soort", *fields):
            m.fout(f"{pad}.{key}",
                   f"onbekend veld '{key}' bij soort {soort}; toegestaan: {', '.join(fields)}")
    before = len(m.fouten)
    run, aannames = read(row, pad, m, jaren)
    if len(m.fouten) > before:
        return zero, None
    try:
        standen = run()
    except InvoerFout as fout:
        m.fout(pad, str(fout))
        return zero, None
    record = standen if isinstance(standen, Projectie) else Projectie(soort, aannames, standen)
    return {stand.jaar: stand.fte for stand in record.standen}, record
