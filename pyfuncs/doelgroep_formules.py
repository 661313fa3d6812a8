"""The Excel formula text of each doelgroep rule, for one year, given cell references.

Each builder mirrors one core function of pyfuncs.doelgroep, pyfuncs.doelgroep_producten or
pyfuncs.rijksmiddelen (named in its docstring), so the generator writes the same rule the
core computes. Only SUM, SUMPRODUCT, ROUND, IF, MIN and MAX are used (Excel, LibreOffice
7.4 and `formulas` all compute them) and no typed numbers except 0, 1 and 12; assumptions
such as the assumed birthday are cell references. References are passed as written
("C5", "$D$2", "Invoer!B4", "C5:C40"); the result starts with "=". The rounding digits
default to 2 (hundredths of persons); a workbook passes the reference to its own constant.
"""


def opening_formula(prev_closing_ref: str) -> str:
    """Begin (1 January) = last year's eind: the corkscrew link."""
    return f"={prev_closing_ref}"


def outflow_formula(begin_ref: str, rate_ref: str, digits: str = "2") -> str:
    """Other outflow: ROUND(begin × rate; 2) (doelgroep.leave_at_rate; project_wsw_rate)."""
    return f"=ROUND({begin_ref}*{rate_ref},{digits})"


def closing_formula(begin_ref: str, plus_refs: tuple[str, ...] = (), min_refs: tuple[str, ...] = (),
                    digits: str = "2") -> str:
    """Eind = ROUND(begin + inflows − outflows; 2) (Jaarstand.eind)."""
    terms = "".join(f"+{ref}" for ref in plus_refs) + "".join(f"-{ref}" for ref in min_refs)
    return f"=ROUND({begin_ref}{terms},{digits})"


def fte_formula(personen_ref: str, factor_ref: str, digits: str = "2") -> str:
    """Fte = ROUND(personen × fte per persoon; 2) (doelgroep.stand_from_hundredths)."""
    return f"=ROUND({personen_ref}*{factor_ref},{digits})"


def months_before_aow_formula(birth_year_ref: str, year_ref: str, aow_age_ref: str, birthday_ref: str) -> str:
    """Months worked before the AOW date, the AOW age given in years
    (doelgroep.months_before_aow with doelgroep.aow_months)."""
    return (f"=MIN(12,MAX(0,12*({birth_year_ref}-{year_ref})+ROUND({aow_age_ref}*12,0)"
            f"+{birthday_ref}))")


def cohort_aow_formula(begin_ref: str, months_ref: str) -> str:
    """AOW outflow of a cohort: all of it in the year it works fewer than 12 months
    (doelgroep.project_cohort)."""
    return f"=IF({months_ref}<12,{begin_ref},0)"


def cohort_outflow_formula(begin_ref: str, months_ref: str, rate_ref: str, digits: str = "2") -> str:
    """Other outflow of a cohort, only in years without AOW (doelgroep.project_cohort)."""
    return f"=IF({months_ref}<12,0,ROUND({begin_ref}*{rate_ref},{digits}))"


def cohort_persons_formula(begin_range: str, months_range: str, digits: str = "2") -> str:
    """The volume of a year from its cohorts: ROUND(Σ begin × maanden / 12; 2)
    (doelgroep.project_wsw_cohorts)."""
    return f"=ROUND(SUMPRODUCT({begin_range},{months_range})/12,{digits})"


def sum_formula(range_ref: str) -> str:
    """A total over gemeenten or cohorts (doelgroep.add_up_projections)."""
    return f"=SUM({range_ref})"


def band_share_formula(count_ref: str, index_ref: str, width_ref: str, digits: str = "2") -> str:
    """The k-th birth year's share of an age band (doelgroep.band_share)."""
    return (f"=ROUND(ROUND({count_ref}*{index_ref}/{width_ref},{digits})"
            f"-ROUND({count_ref}*({index_ref}-1)/{width_ref},{digits}),{digits})")


def band_place_formulas(birth_ref: str, van_ref: str, tot_ref: str, first_year_ref: str,
                        birth_years: bool) -> tuple[str, str]:
    """(k, breedte) of a birth year in its band, as expressions (no "="), from the band's
    inputs as written: birth years, or ages in the first year (doelgroep.spread_age_bands,
    oldest first)."""
    width = f"(ABS({tot_ref}-{van_ref})+1)"
    if birth_years:
        return f"({birth_ref}-MIN({van_ref},{tot_ref})+1)", width
    return f"({birth_ref}-{first_year_ref}+MAX({van_ref},{tot_ref})+1)", width


def inflow_fixed_formula(inflow_ref: str, digits: str = "2") -> str:
    """vast: ROUND(instroom; 2) (doelgroep_producten.inflow_fixed)."""
    return f"=ROUND({inflow_ref},{digits})"


def inflow_up_to_target_formula(begin_ref: str, outflow_ref: str, target_ref: str, max_ref: str,
                                digits: str = "2") -> str:
    """maximum: up to the target, at most max per year (doelgroep_producten.inflow_up_to_target)."""
    return f"=ROUND(MAX(0,MIN({max_ref},{target_ref}-({begin_ref}-{outflow_ref}))),{digits})"


def inflow_linear_formula(begin_ref: str, outflow_ref: str, start_ref: str, target_ref: str,
                          year_ref: str, first_year_ref: str, target_year_ref: str,
                          digits: str = "2") -> str:
    """lineair: up to the straight line to the target (doelgroep_producten.inflow_linear)."""
    line = (f"{start_ref}+({target_ref}-{start_ref})"
            f"*MIN(1,({year_ref}+1-{first_year_ref})/({target_year_ref}-{first_year_ref}))")
    return f"=ROUND(MAX(0,{line}-({begin_ref}-{outflow_ref})),{digits})"


INSTROOM_FORMULES = {
    "vast": inflow_fixed_formula,
    "maximum": inflow_up_to_target_formula,
    "lineair": inflow_linear_formula,
}


def own_means_formula(bijdrage_ref: str, rijksmiddelen_ref: str, digits: str = "2") -> str:
    """Eigen middelen = ROUND(bijdrage − rijksmiddelen; 2) (rijksmiddelen.compare_to_rijksmiddelen)."""
    return f"=ROUND({bijdrage_ref}-{rijksmiddelen_ref},{digits})"


def per_inhabitant_formula(amount_ref: str, inhabitants_ref: str, digits: str = "2") -> str:
    """Euros per inwoner: ROUND(bedrag / inwoners; 2) (rijksmiddelen.per_inhabitant)."""
    return f"=ROUND({amount_ref}/{inhabitants_ref},{digits})"


def rijksmiddelen_formula(amount_refs: tuple[str, ...], digits: str = "2") -> str:
    """Rijksmiddelen of one kind: each input rounded to cents, then added
    (rijksmiddelen.compare_to_rijksmiddelen rounds every amount before the sum)."""
    return "=" + "+".join(f"ROUND({ref},{digits})" for ref in amount_refs)
