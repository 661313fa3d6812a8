"""Wsw and product projections: hand-worked examples and the invariants persons must keep."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pyfuncs import doelgroep as dg
from pyfuncs.doelgroep_producten import Productprognose, project_product
from pyfuncs.fouten import InvoerFout

AOW_2022_2026 = [66 + 7 / 12, 66 + 10 / 12, 67, 67, 67]


def column(stands, field):
    return [getattr(s, field) for s in stands]


def test_rate_model_by_hand():
    # 100 at 10%: 100 -> 90 -> 81; fte at 0.8 per person: 80, 72, 64.8.
    stands = dg.project_wsw_rate(100, 0.1, [2024, 2025, 2026], 0.8)
    assert column(stands, "begin") == [100, 90, 81]
    assert column(stands, "overig") == [10, 9, 8.1]
    assert column(stands, "eind") == [90, 81, 72.9]
    assert column(stands, "fte") == [80, 72, 64.8]
    assert column(stands, "personen") == column(stands, "begin")  # no AOW in this model


def test_rate_model_rounds_each_outflow_as_excel():
    # 448 × 3.4% = 15.232 -> 15.23; 432.77 × 3.4% = 14.71418 -> 14.71.
    stands = dg.project_wsw_rate(448, 0.034, [2022, 2023, 2024])
    assert column(stands, "overig")[:2] == [15.23, 14.71]
    assert column(stands, "begin") == [448, 432.77, 418.06]
    # 100.5 × 1% = 1.005: Excel's ROUND gives 1.01 (Python's round() would give 1.0).
    assert dg.project_wsw_rate(100.5, 0.01, [2024])[0].overig == 1.01


def test_months_before_aow_by_hand():
    # Born 1 July 1957, AOW at 67 (804 months): 1 July 2024 -> 6 months worked in 2024.
    assert dg.months_before_aow(1957, 2024, 804) == 6
    assert dg.months_before_aow(1957, 2023, 804) == 12
    assert dg.months_before_aow(1957, 2025, 804) == 0
    # Born 1 July 1961, AOW at 67 and 3 months in 2028: 1 October 2028 -> 9 months.
    assert dg.months_before_aow(1961, 2028, dg.aow_months(67 + 3 / 12)) == 9
    # 66 jaar en 7 maanden typed as a decimal still gives 799 months.
    assert dg.aow_months(66.58333) == 799


def test_cohort_model_by_hand():
    # 2% other outflow, ROUND(…; 2) each year:
    # 1957: 10 -> 9.8 -> 9.6, AOW 1 July 2024 (6 months worked), gone.
    # 1958: 20 -> 19.6 -> 19.21 -> 18.83, AOW 1 July 2025.
    # 1970: 30 -> 29.4 -> 28.81 -> 28.23 -> 27.67 -> 27.12.
    cohorts = [dg.Cohort(1957, 10), dg.Cohort(1958, 20), dg.Cohort(1970, 30)]
    stands = dg.project_wsw_cohorts(cohorts, range(2022, 2027), AOW_2022_2026, 0.02)
    assert column(stands, "begin") == [60, 58.8, 57.62, 47.06, 27.67]
    assert column(stands, "aow") == [0, 0, 9.6, 18.83, 0]
    assert column(stands, "overig") == [1.2, 1.18, 0.96, 0.56, 0.55]
    assert column(stands, "eind") == [58.8, 57.62, 47.06, 27.67, 27.12]
    # 2024: 9.6 × 6/12 + 19.21 + 28.81 = 52.82; 2025: 18.83 × 6/12 + 28.23 = 37.645 -> 37.65.
    assert column(stands, "personen") == [60, 58.8, 52.82, 37.65, 27.67]


def test_age_bands_spread_evenly_and_exactly():
    # 10 persons aged 60–62 in 2024: 3.33, 6.67 − 3.33 = 3.34, 10 − 6.67 = 3.33, oldest (1962) first.
    cohorts = dg.spread_age_bands([dg.Leeftijdsklasse(60, 62, 10)], 2024)
    assert cohorts == (dg.Cohort(1962, 3.33), dg.Cohort(1963, 3.34), dg.Cohort(1964, 3.33))


def test_bad_input_is_refused_in_dutch():
    with pytest.raises(InvoerFout, match="leeftijdsklassen 60–64 en 64–66 overlappen"):
        dg.spread_age_bands([dg.Leeftijdsklasse(64, 66, 1), dg.Leeftijdsklasse(60, 64, 1)], 2024)
    with pytest.raises(InvoerFout, match="overige_uitstroom 1.5 ligt niet tussen 0 en 1"):
        dg.project_wsw_cohorts([dg.Cohort(1960, 1)], [2024], [67], 1.5)
    with pytest.raises(InvoerFout, match="jaren moeten opeenvolgend zijn"):
        dg.project_wsw_rate(10, 0.1, [2024, 2026])
    with pytest.raises(InvoerFout, match="aow_leeftijden heeft 1 waarden voor 2 jaren"):
        dg.project_wsw_cohorts([dg.Cohort(1960, 1)], [2024, 2025], [67])
    with pytest.raises(InvoerFout, match="niet beide door elkaar"):
        dg.cohorts_from_rows([1, 1], [1960, 62], [1960, 62], 2024)


def test_beschut_up_to_the_taakstelling_reproduces_werkom():
    # Werkom §4.6.2: 70 -> 105 -> 131 -> 131: at most 35 new places a year up to 131, no outflow.
    p = Productprognose(70, 0.0, "maximum", doel=131, max_instroom=35)
    assert column(project_product(p, range(2022, 2027)), "begin") == [70, 105, 131, 131, 131]


def test_product_rules_by_hand():
    # maximum with 5% outflow: 100 - 5 + min(35, 131 - 95) = 130; 130 - 6.5 + 7.5 = 131.
    maximum = project_product(Productprognose(100, 0.05, "maximum", doel=131, max_instroom=35), [2024, 2025, 2026])
    assert column(maximum, "instroom") == [35, 7.5, 6.55]
    assert column(maximum, "eind") == [130, 131, 131]
    # lineair to 200 in 2026 from 100 in 2024, 10% outflow: line 150 in 2025 (inflow 150 - 90 = 60), 200 after.
    linear = project_product(Productprognose(100, 0.1, "lineair", doel=200, doeljaar=2026), [2024, 2025, 2026])
    assert column(linear, "instroom") == [60, 65, 20]
    assert column(linear, "eind") == [150, 200, 200]
    # vast: 10 - 2 + 5 = 13; 13 - 2.6 + 5 = 15.4; beschut fte 0.8 per person.
    fixed = project_product(Productprognose(10, 0.2, "vast", instroom=5, fte_per_persoon=0.8), [2024, 2025])
    assert column(fixed, "eind") == [13, 15.4]
    assert column(fixed, "fte") == [8, 10.4]
    with pytest.raises(InvoerFout, match="regel 'groei' is onbekend; kies uit: vast, maximum, lineair"):
        project_product(Productprognose(1, regel="groei"), [2024])


# --- invariants -----------------------------------------------------------------------------

counts = st.decimals(min_value=0, max_value=5000, places=2).map(float)
rates = st.decimals(min_value=0, max_value=1, places=4).map(float)
cohort_lists = st.lists(st.builds(dg.Cohort, st.integers(1950, 1990), counts), min_size=1, max_size=8)
aow_ages = st.sampled_from([66 + 7 / 12, 66 + 10 / 12, 67, 67 + 3 / 12])


def years_of(n):
    return list(range(2022, 2022 + n))


@given(cohort_lists, rates, st.lists(aow_ages, min_size=1, max_size=10).map(sorted))
def test_cohort_projection_conserves_persons_and_stays_non_negative(cohorts, rate, ages):
    stands = dg.project_wsw_cohorts(cohorts, years_of(len(ages)), ages, rate)
    start = sum(dg.hundredths(c.aantal) for c in cohorts)
    outflow = sum(dg.hundredths(s.aow) + dg.hundredths(s.overig) for s in stands)
    assert start - outflow == dg.hundredths(stands[-1].eind)
    for s in stands:
        assert min(s.begin, s.aow, s.overig, s.eind, s.personen) >= 0
        assert s.personen <= s.begin


@given(cohort_lists, rates, rates, st.integers(1, 10))
def test_more_outflow_never_leaves_more_persons(cohorts, a, b, n):
    low, high = sorted((a, b))
    ages = [67] * n
    for slow, fast in zip(dg.project_wsw_cohorts(cohorts, years_of(n), ages, low),
                          dg.project_wsw_cohorts(cohorts, years_of(n), ages, high), strict=True):
        assert fast.eind <= slow.eind and fast.personen <= slow.personen


@given(counts, rates, rates, st.integers(1, 15))
def test_rate_model_is_monotone_and_non_negative(start, a, b, n):
    low, high = sorted((a, b))
    slow, fast = (dg.project_wsw_rate(start, r, years_of(n)) for r in (low, high))
    for s, f in zip(slow, fast, strict=True):
        assert 0 <= f.eind <= s.eind


@given(st.lists(cohort_lists, min_size=1, max_size=4), rates, st.integers(1, 6))
def test_gemeenten_add_up_to_the_total(per_gemeente, rate, n):
    projections = [dg.project_wsw_cohorts(c, years_of(n), [67] * n, rate) for c in per_gemeente]
    total = dg.add_up_projections(projections)
    for i, year in enumerate(total):
        for field in ("begin", "aow", "overig", "eind", "personen"):
            assert dg.hundredths(getattr(year, field)) == sum(dg.hundredths(getattr(p[i], field)) for p in projections)


@given(st.builds(dg.Leeftijdsklasse, st.integers(20, 40), st.integers(40, 66), counts))
def test_age_band_shares_add_up_and_are_non_negative(band):
    cohorts = dg.spread_age_bands([band], 2024)
    assert sum(dg.hundredths(c.aantal) for c in cohorts) == dg.hundredths(band.aantal)
    assert all(c.aantal >= 0 for c in cohorts) and len(cohorts) == band.tot - band.van + 1


@given(counts, rates, st.sampled_from(["vast", "maximum", "lineair"]), counts, counts, st.integers(1, 8))
def test_products_conserve_persons_and_stay_non_negative(start, rate, rule, target, flow, n):
    p = Productprognose(start, rate, rule, instroom=flow, doel=target, max_instroom=flow, doeljaar=2025)
    stands = project_product(p, years_of(n))
    for s, following in zip(stands, stands[1:], strict=False):
        assert following.begin == s.eind
    for s in stands:
        assert min(s.begin, s.overig, s.instroom, s.eind) >= 0
        assert dg.hundredths(s.begin) + dg.hundredths(s.instroom) - dg.hundredths(s.overig) == dg.hundredths(s.eind)


def test_werkom_fit_in_docs_doelgroep():
    # docs/doelgroep.md: 448 at 3.5% a year against §4.6.2's 448 / 430 / 415 / 400 / 390.
    projected = column(dg.project_wsw_rate(448, 0.035, range(2022, 2027)), "begin")
    assert projected == [448, 432.32, 417.19, 402.59, 388.5]
    assert max(abs(p - w) for p, w in zip(projected, [448, 430, 415, 400, 390], strict=True)) < 2.6
    rules = {  # the other volumes of §4.6.2, reproduced exactly
        (1500, 1400, 1400): Productprognose(1500, 1.0, "lineair", doel=1400, doeljaar=2024),
        (70, 131, 131): Productprognose(70, 0.0, "maximum", doel=131, max_instroom=35),
        (100, 200, 200): Productprognose(100, 0.0, "maximum", doel=200, max_instroom=50),
        (37, 37, 37): Productprognose(37),
    }
    published = {(1500, 1400, 1400): [1500, 1450, 1400, 1400, 1400], (70, 131, 131): [70, 105, 131, 131, 131],
                 (100, 200, 200): [100, 150, 200, 200, 200], (37, 37, 37): [37] * 5}
    for key, p in rules.items():
        assert column(project_product(p, range(2022, 2027)), "begin") == published[key]
