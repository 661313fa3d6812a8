"""Doelgroep projections for the Wsw: natural outflow by a yearly rate or by an age profile
with outflow at the AOW age of each year.

Timing convention (one for every projection, docs/doelgroep.md):
- `begin` is the headcount on 1 January; the volume of a year counts the persons present
  during it, an AOW leaver for the months before his AOW date;
- AOW outflow happens during the year, at the AOW date; other outflow (and the inflow of
  other products) at the turn of the year, so it lowers next year's volume;
- a cohort's birthday is assumed `verjaardag_maanden` months after 1 January of its birth
  year (6: 1 July, the middle of the year, since only the birth year is known).

Numbers of persons are kept in hundredths (ROUND(x; 2) as Excel does it), so that a
projection conserves persons exactly: begin + instroom − aow − overig = eind.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from pyfuncs.afronding import excel_round, from_cents, to_cents
from pyfuncs.fouten import InvoerFout

MAANDEN = 12


@dataclass(frozen=True)
class Jaarstand:
    """One year of a doelgroep projection; every number in personen unless stated.

    jaar: the calendar year.
    begin: headcount on 1 January.
    aow: outflow at the AOW age during the year.
    overig: other outflow (resignation, death, disability), on 31 December.
    instroom: inflow on 31 December (0 for the Wsw: closed since 2015).
    eind: headcount on 31 December after the mutations, = next year's begin;
        always begin + instroom − aow − overig = eind.
    personen: the volume of the year, persons present (AOW leavers for their months).
    fte: personen × fte per persoon (fte, the unit of the Wsw and beschut normprijzen).
    """

    jaar: int
    begin: float
    aow: float
    overig: float
    instroom: float
    eind: float
    personen: float
    fte: float


@dataclass(frozen=True)
class Cohort:
    """Wsw-ers born in one year: geboortejaar, aantal personen on 1 January of the first
    projection year."""

    geboortejaar: int
    aantal: float


@dataclass(frozen=True)
class Leeftijdsklasse:
    """An age band of Wsw-ers: ages van–tot inclusive, as reached in the first projection
    year (age = year − geboortejaar), and the aantal personen in it on 1 January."""

    van: int
    tot: int
    aantal: float


def hundredths(x: float) -> int:
    """A number of persons (or fte) as whole hundredths, rounded as Excel's ROUND(x; 2)."""
    return to_cents(x)


def check_rate(rate: float, argument: str = "overige_uitstroom") -> float:
    """Refuse an outflow rate outside 0–1 (0% to 100% per year)."""
    if not 0 <= rate <= 1:
        raise InvoerFout(f"{argument} {rate} ligt niet tussen 0 en 1 (0% en 100% per jaar)")
    return rate


def check_years(jaren: Sequence[int]) -> list[int]:
    """Consecutive calendar years, at least one."""
    years = [int(year) for year in jaren]
    if not years or any(year != float(given) for year, given in zip(years, jaren, strict=True)):
        raise InvoerFout("jaren moet één of meer hele jaartallen bevatten")
    if any(b != a + 1 for a, b in zip(years, years[1:], strict=False)):
        raise InvoerFout("jaren moeten opeenvolgend zijn (bijvoorbeeld 2022, 2023, 2024)")
    return years


def check_count(aantal: float, argument: str = "aantallen") -> int:
    """A non-negative number of persons, in hundredths."""
    if aantal < 0:
        raise InvoerFout(f"{argument} mag niet negatief zijn ({aantal})")
    return hundredths(aantal)


def aow_months(leeftijd: float) -> int:
    """An AOW age in years (66 + 7/12 for 66 jaar en 7 maanden) as whole months,
    as Excel's ROUND(leeftijd × 12; 0)."""
    if not 60 <= leeftijd <= 75:
        raise InvoerFout(f"AOW-leeftijd {leeftijd} ligt niet tussen 60 en 75 jaar")
    return int(excel_round(leeftijd * MAANDEN, 0))


def months_before_aow(geboortejaar: int, jaar: int, aow_maanden: int, verjaardag_maanden: int = 6) -> int:
    """Months of `jaar` (0–12) that a cohort works before its AOW date: the cohort reaches
    the AOW age `aow_maanden` months after its assumed birthday.

    Excel: MIN(12; MAX(0; 12 × (geboortejaar − jaar) + aow_maanden + verjaardag_maanden)).
    """
    return min(MAANDEN, max(0, MAANDEN * (geboortejaar - jaar) + aow_maanden + verjaardag_maanden))


def leave_at_rate(begin: float, rate: float) -> float:
    """Other outflow of a year: ROUND(begin × rate; 2) personen."""
    return from_cents(hundredths(begin * rate))


def project_wsw_rate(start: float, rate: float, jaren: Sequence[int], fte_per_persoon: float = 1.0
                     ) -> tuple[Jaarstand, ...]:
    """Wsw by a single outflow rate: the volume of the first year is `start` personen,
    each year ROUND(begin × rate; 2) leave on 31 December, nobody enters.

    Args:
        start: personen on 1 January of the first year (= its volume).
        rate: the outflow per year as a fraction (0.034 = 3.4%), all reasons together.
        jaren: consecutive calendar years.
        fte_per_persoon: fte per person (the average contract size).
    """
    years, begin = check_years(jaren), check_count(start, "start")
    check_rate(rate, "uitstroom")
    result = []
    for year in years:
        overig = hundredths(from_cents(begin) * rate)
        result.append(stand_from_hundredths(year, begin, 0, overig, 0, begin, fte_per_persoon))
        begin -= overig
    return tuple(result)


def stand_from_hundredths(year: int, begin: int, aow: int, overig: int, instroom: int, personen: int,
           fte_per_persoon: float) -> Jaarstand:
    """A Jaarstand from hundredths; fte = ROUND(personen × fte_per_persoon; 2)."""
    if fte_per_persoon < 0:
        raise InvoerFout(f"fte_per_persoon mag niet negatief zijn ({fte_per_persoon})")
    fte = hundredths(from_cents(personen) * fte_per_persoon)
    eind = begin + instroom - aow - overig
    return Jaarstand(year, *(from_cents(h) for h in (begin, aow, overig, instroom, eind, personen, fte)))


def spread_age_bands(klassen: Sequence[Leeftijdsklasse], eerste_jaar: int) -> tuple[Cohort, ...]:
    """Birth-year cohorts from age bands: each band's persons spread evenly over its
    birth years, oldest first, by cumulative rounding so that they add up exactly:
    share k of w = ROUND(n × k / w; 2) − ROUND(n × (k − 1) / w; 2).

    Overlapping bands, or a band whose van exceeds tot, are refused.
    """
    bands = sorted(klassen, key=lambda band: band.van)
    for band in bands:
        if band.van > band.tot:
            raise InvoerFout(f"leeftijdsklasse {band.van}–{band.tot}: van is groter dan tot")
    for a, b in zip(bands, bands[1:], strict=False):
        if b.van <= a.tot:
            raise InvoerFout(f"leeftijdsklassen {a.van}–{a.tot} en {b.van}–{b.tot} overlappen")
    cohorts = []
    for band in sorted(bands, key=lambda band: -band.tot):
        check_count(band.aantal)
        width = band.tot - band.van + 1
        for k in range(1, width + 1):
            share = band_share(band.aantal, k, width)
            cohorts.append(Cohort(eerste_jaar - band.tot + k - 1, share))
    return tuple(cohorts)


def band_share(aantal: float, k: int, breedte: int) -> float:
    """The k-th (1-based, oldest first) of breedte birth years of a band of aantal
    personen: ROUND(aantal × k / breedte; 2) − ROUND(aantal × (k − 1) / breedte; 2)."""
    return from_cents(hundredths(aantal * k / breedte) - hundredths(aantal * (k - 1) / breedte))


@dataclass(frozen=True)
class CohortJaar:
    """One cohort in one year (personen): begin on 1 January, maanden worked before the
    AOW date (0–12), aow and overig outflow; eind = begin − aow − overig."""

    geboortejaar: int
    jaar: int
    begin: float
    maanden: int
    aow: float
    overig: float


def project_cohort(cohort: Cohort, jaren: Sequence[int], aow_maanden: Sequence[int], rate: float,
                   verjaardag_maanden: int = 6) -> tuple[CohortJaar, ...]:
    """One cohort over the years: in the year its AOW date falls (fewer than 12 months
    worked) the whole cohort leaves by AOW; in other years ROUND(begin × rate; 2) leave
    for other reasons on 31 December."""
    begin, rows = check_count(cohort.aantal), []
    for year, months_aow in zip(jaren, aow_maanden, strict=True):
        months = months_before_aow(cohort.geboortejaar, year, months_aow, verjaardag_maanden)
        aow = begin if months < MAANDEN else 0
        overig = 0 if aow or months < MAANDEN else hundredths(from_cents(begin) * rate)
        rows.append(CohortJaar(cohort.geboortejaar, year, from_cents(begin), months,
                               from_cents(aow), from_cents(overig)))
        begin -= aow + overig
    return tuple(rows)


def project_wsw_cohorts(cohorten: Sequence[Cohort], jaren: Sequence[int], aow_leeftijden: Sequence[float],
                        overige_uitstroom: float = 0.0, fte_per_persoon: float = 1.0,
                        verjaardag_maanden: int = 6) -> tuple[Jaarstand, ...]:
    """Wsw by age profile: each cohort leaves at the AOW age of the year it reaches it,
    the others leave at `overige_uitstroom` per year.

    Args:
        cohorten: personen per birth year on 1 January of the first year.
        jaren: consecutive calendar years.
        aow_leeftijden: the AOW age (years, 66 + 7/12 = 66 jaar en 7 maanden) per year.
        overige_uitstroom: yearly rate of other outflow, a fraction.
        fte_per_persoon: fte per person.
        verjaardag_maanden: months from 1 January to the assumed birthday (6 = 1 July).

    Returns:
        One Jaarstand per year; personen = ROUND(Σ begin × maanden / 12; 2).
    """
    years = check_years(jaren)
    if len(aow_leeftijden) != len(years):
        raise InvoerFout(f"aow_leeftijden heeft {len(aow_leeftijden)} waarden voor {len(years)} jaren")
    months = [aow_months(age) for age in aow_leeftijden]
    check_rate(overige_uitstroom)
    rows = [project_cohort(c, years, months, overige_uitstroom, verjaardag_maanden) for c in cohorten]
    return tuple(_total_year(year, [row[i] for row in rows], fte_per_persoon) for i, year in enumerate(years))


def _total_year(year: int, cohorts: list[CohortJaar], fte_per_persoon: float) -> Jaarstand:
    """The Jaarstand of a year from its cohorts, exactly in hundredths."""
    begin = sum(hundredths(c.begin) for c in cohorts)
    aow = sum(hundredths(c.aow) for c in cohorts)
    overig = sum(hundredths(c.overig) for c in cohorts)
    worked = sum(hundredths(c.begin) * c.maanden for c in cohorts)  # hundredth-person-months
    personen = hundredths(worked / (100 * MAANDEN))
    return stand_from_hundredths(year, begin, aow, overig, 0, personen, fte_per_persoon)


def add_up_projections(projecties: Sequence[Sequence[Jaarstand]]) -> tuple[Jaarstand, ...]:
    """The GR's total of per-gemeente projections over the same years, exact to the
    hundredth: every field is the sum of the gemeenten's."""
    if not projecties:
        raise InvoerFout("geen projecties om op te tellen")
    totals = []
    for stands in zip(*projecties, strict=True):
        if len({s.jaar for s in stands}) != 1:
            raise InvoerFout("de projecties hebben niet dezelfde jaren")
        fields = ("begin", "aow", "overig", "instroom", "eind", "personen", "fte")
        summed = {f: from_cents(sum(hundredths(getattr(s, f)) for s in stands)) for f in fields}
        totals.append(Jaarstand(stands[0].jaar, **summed))
    return tuple(totals)


GEBOORTEJAAR_VANAF = 1000  # a key of at least 1000 is a birth year, below it an age


def cohorts_from_rows(aantallen: Sequence[float], van: Sequence[float], tot: Sequence[float],
                      eerste_jaar: int) -> tuple[Cohort, ...]:
    """Cohorts from table rows: per row an aantal and a key range van–tot (equal for a
    single key), all birth years (1960) or all ages in the first year (62)."""
    if not len(aantallen) == len(van) == len(tot):
        raise InvoerFout("aantallen en geboortejaren_of_leeftijden hebben niet evenveel rijen")
    keys = [*van, *tot]
    if any(key != int(key) for key in keys):
        raise InvoerFout("geboortejaren en leeftijden moeten hele getallen zijn")
    births = [key >= GEBOORTEJAAR_VANAF for key in keys]
    if any(births) and not all(births):
        raise InvoerFout("geef óf geboortejaren óf leeftijden, niet beide door elkaar")
    def age(key: float) -> int:
        return eerste_jaar - int(key) if births[0] else int(key)
    bands = [Leeftijdsklasse(min(age(a), age(b)), max(age(a), age(b)), n)
             for n, a, b in zip(aantallen, van, tot, strict=True)]
    return spread_age_bands(bands, eerste_jaar)
