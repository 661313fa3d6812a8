"""The Doelgroepontwikkeling sheet: every volume row with a projectie worked out per year as
live formulas (begin, uitstroom, instroom, eind, personen, fte), built with the formula
text of pyfuncs.doelgroep_formules, each cell carrying the core's value.

The first year's begin is the start (IF on the timeline, as the reserve's corkscrew), every
later one last year's eind. Persons are rounded to hundredths with the workbook's decimals
constant (Uitgangspunten, Vaste waarden), the same ROUND(x; 2) as cents.

The assumptions (start, uitstroom, doel, ...) are inputs on the Uitgangspunten sheet, in
the section "Projecties van volumes" (one row per assumption, read back by
budgets.spec.uit_werkboek), and the volume cells of those rows on Uitgangspunten link to
the fte row here, so Productbegroting, Bijdragen and the rest compute with the projection.
An age profile (leeftijdsprofiel) is a block per cohort (budgets.werkboek.doelgroep_cohorten);
its AOW ages (one row, the years in the year columns) and bands (van, tot, aantal: three rows
per band) are inputs in the same section.
"""

from budgets.excel.formaten import AANTAL, FRACTIE, GETAL, HEEL_GETAL
from budgets.spec import secties as S
from budgets.spec.model import Begroting
from budgets.werkboek.doelgroep_cohorten import BAND_LABELS, cohort_block, layout_cohorts
from budgets.werkboek.plan import Blad, absolute, col, header_row, ref, standard_widths, year_columns
from pyfuncs import doelgroep_formules as F

AGE = "leeftijdsprofiel"
WHOLE = ("doeljaar", "verjaardag_maanden")  # whole numbers on the sheet

DG = "Doelgroepontwikkeling"
FIRST = 5
UNITS = {
    "start": "personen",
    "uitstroom": "% per jaar",
    "instroom": "personen per jaar",
    "doel": "personen",
    "max_instroom": "personen per jaar",
    "doeljaar": "jaar",
    "fte_per_persoon": "fte per persoon",
    "overige_uitstroom": "% per jaar",
    "verjaardag_maanden": "maanden",
    "aow_leeftijden": "jaren",
    "van": "jaar", "tot": "jaar", "aantal": "personen",
}
LABELS = {
    "start": "Start: personen op 1 januari van het eerste jaar",
    "uitstroom": "Uitstroom per jaar (%)",
    "instroom": "Instroom per jaar",
    "doel": "Doel (bijvoorbeeld de taakstelling)",
    "max_instroom": "Ten hoogste instroom per jaar",
    "doeljaar": "Jaar waarin het doel bereikt is",
    "fte_per_persoon": "Fte per persoon",
    "overige_uitstroom": "Overige uitstroom per jaar (%)",
    "verjaardag_maanden": "Aangenomen verjaardag (maanden na 1 jan.)",
    "aow_leeftijden": "AOW-leeftijd per jaar (66 j 7 m = 66,5833)",
}
LINES = ("begin", "uitstroom", "instroom", "eind", "personen", "fte")


def projected(b: Begroting) -> list[tuple[int, object]]:
    """(number of the volume row, 1-based, Volume) for every row with a projection."""
    return [(i, v) for i, v in enumerate(b.volumes, start=1) if v.projectie is not None]


def _lines(v) -> tuple:
    return tuple(x for x in LINES if x != "instroom" or v.projectie.soort != "uitstroom")


def layout_doelgroep(b: Begroting) -> dict:
    """Rows of the sheet: per projected volume a heading, its assumptions, then its lines."""
    rows, r = {}, FIRST
    for i, v in projected(b):
        rows[("kop", i)] = r
        r += 1
        for key, _value in v.projectie.aannames:
            rows[(i, "aanname", key)] = r
            r += 1
        if v.projectie.soort == AGE:
            r = layout_cohorts(rows, i, v, r) + 1
            continue
        for name in _lines(v):
            rows[(i, name)] = r
            r += 1
        r += 1
    return rows


def extend_invoer_doelgroep(blad: Blad, b: Begroting, pos: dict) -> None:
    """Append the section with the projections' assumptions below the Uitgangspunten rows."""
    if not projected(b):
        return
    r = max(int("".join(ch for ch in adres if ch.isdigit())) for adres in blad.cellen) + 2
    blad.tekst(r, 1, S.TITELS["projecties"], "kop")
    r += 1
    for name, kolom in S.PROJECTIES.items():
        blad.tekst(r, S.trailing_column(kolom, b.jaren), S.HEADERS[name], "kop")
    blad.tekst(r, S.trailing_column(S.TOELICHTING, b.jaren), S.HEADERS["toelichting"], "kop")
    waarde = S.trailing_column(S.PROJECTIES["waarde"], b.jaren)
    for i, v in projected(b):
        for key, value in v.projectie.aannames:
            r += 1
            blad.tekst(r, 1, v.product, "invoer")
            blad.tekst(r, 2, v.projectie.soort, "invoer")
            blad.tekst(r, 3, v.gemeente or S.TOTAAL, "invoer")
            blad.tekst(r, 4, key, "invoer")
            fmt = HEEL_GETAL if key in WHOLE else GETAL
            blad.zet(r, waarde, value, "invoer", fmt)
            blad.tekst(r, S.trailing_column(S.PROJECTIES["eenheid"], b.jaren), UNITS[key])
            blad.tekst(r, S.trailing_column(S.TOELICHTING, b.jaren), LABELS[key], "toelichting")
            pos[("projectie", i, key)] = ref(S.BLAD, absolute(waarde, r))
        if v.projectie.soort == AGE:
            r = _age_inputs(blad, b, pos, i, v, r, waarde)


def _age_inputs(blad: Blad, b: Begroting, pos: dict, i: int, v, r: int, waarde: int) -> int:
    """The AOW ages (the years in the year columns) and three rows per band; returns the last row."""
    def key_cells(rij: int, key: str, unit_key: str, label: str) -> None:
        blad.tekst(rij, 1, v.product, "invoer")
        blad.tekst(rij, 2, v.projectie.soort, "invoer")
        blad.tekst(rij, 3, v.gemeente or S.TOTAAL, "invoer")
        blad.tekst(rij, 4, key, "invoer")
        blad.tekst(rij, S.trailing_column(S.PROJECTIES["eenheid"], b.jaren), UNITS[unit_key])
        blad.tekst(rij, S.trailing_column(S.TOELICHTING, b.jaren), label, "toelichting")

    r += 1
    key_cells(r, "aow_leeftijden", "aow_leeftijden", LABELS["aow_leeftijden"])
    for (jaar, kolom), (_j, age) in zip(year_columns(b.jaren), v.projectie.aow_leeftijden, strict=True):
        blad.zet(r, kolom, age, "invoer", FRACTIE)
        pos[("projectie", i, "aow", jaar)] = ref(S.BLAD, f"{col(kolom)}{r}")
    for band, written in enumerate(v.projectie.cohorten):
        for key, value in zip(BAND_LABELS, written, strict=True):
            r += 1
            key_cells(r, key, key, f"Klasse {band + 1}: {BAND_LABELS[key]}")
            blad.zet(r, waarde, value, "invoer", GETAL if key == "aantal" else HEEL_GETAL)
            pos[("projectie", i, "band", band, key)] = ref(S.BLAD, absolute(waarde, r))
    return r


def build_doelgroep(b: Begroting, pos: dict, L: dict) -> Blad:
    blad, rows = Blad(DG), L[DG]
    blad.tekst(1, 1, f"Doelgroepontwikkeling – {b.naam}", "titel")
    blad.tekst(2, 1, "Volumes uit een projectie (aannames op Uitgangspunten); begin op 1 januari, "
               "uit- en instroom op 31 december (docs/doelgroep.md).")
    header_row(blad, 3, b.jaren, pos[("algemeen", "van")], labels=("Omschrijving", "Eenheid", "Aanname", ""))
    for i, v in projected(b):
        _block(blad, b, pos, rows, i, v)
    standard_widths(blad, b.jaren)
    blad.breedtes["B"] = 18  # the longest unit, "personen per jaar", in full
    blad.bevriezen = "E4"
    return blad


LINE_LABELS = {"begin": ("Begin (1 januari)", "personen"), "uitstroom": ("Uitstroom", "personen"),
               "instroom": ("Instroom", "personen"), "eind": ("Eind (31 december)", "personen"),
               "personen": ("Volume in personen", "personen"), "fte": ("Volume", "fte")}
INFLOW = {  # the inflow formula of each kind (doelgroep_formules.INSTROOM_FORMULES), given the cells
    "vast": lambda at, c, x: F.inflow_fixed_formula(c["instroom"], c["cijfers"]),
    "maximum": lambda at, c, x: F.inflow_up_to_target_formula(at["begin"], at["uitstroom"], c["doel"],
                                                              c["max_instroom"], c["cijfers"]),
    "lineair": lambda at, c, x: F.inflow_linear_formula(at["begin"], at["uitstroom"], c["start"], c["doel"],
                                                        f"{x}$3", "$E$3", c["doeljaar"], c["cijfers"]),
}


def _block(blad: Blad, b: Begroting, pos: dict, rows: dict, i: int, v) -> None:
    """One projection: heading, assumption links (column C), then its lines per year."""
    p = v.projectie
    blad.tekst(rows[("kop", i)], 1, f"{v.product} – {v.gemeente or 'totaal'} ({p.soort})", "kop")
    for key, value in p.aannames:
        r = rows[(i, "aanname", key)]
        blad.tekst(r, 1, LABELS[key])
        blad.tekst(r, 2, UNITS[key])
        blad.zet(r, 3, f"={pos[('projectie', i, key)]}", "koppeling",
                 HEEL_GETAL if key in WHOLE else GETAL, value)
    c = {key: f"$C${rows[(i, 'aanname', key)]}" for key, _value in p.aannames}
    # persons in hundredths: ROUND(x; 2) like the cents of amounts (pyfuncs.doelgroep.hundredths)
    c["cijfers"] = pos[("vast", "decimalen")]
    if p.soort == AGE:
        cohort_block(blad, b, pos, rows, i, v, c)
        return
    for name in _lines(v):
        blad.tekst(rows[(i, name)], 1, LINE_LABELS[name][0], "totaal" if name == "fte" else None)
        blad.tekst(rows[(i, name)], 2, LINE_LABELS[name][1])
    for (_jaar, kolom), stand in zip(year_columns(b.jaren), p.standen, strict=True):
        _year(blad, rows, i, v, c, kolom, stand)


def _year(blad: Blad, rows: dict, i: int, v, c: dict, kolom: int, stand) -> None:
    """The lines of one year: the core's Jaarstand as each formula's cached value."""
    x = col(kolom)
    at = {name: f"{x}{rows[(i, name)]}" for name in _lines(v)}
    opening = F.opening_formula(f"{col(kolom - 1)}{rows[(i, 'eind')]}")[1:]
    formulas = {
        "begin": f"=IF({x}$3=$E$3,{c['start']},{opening})",
        "uitstroom": F.outflow_formula(at["begin"], f"({c['uitstroom']}/100)", c["cijfers"]),
        "eind": F.closing_formula(at["begin"], (at["instroom"],) if "instroom" in at else (),
                                  (at["uitstroom"],), c["cijfers"]),
        "personen": f"={at['begin']}",
        "fte": F.fte_formula(at["personen"], c["fte_per_persoon"], c["cijfers"]),
    }
    if "instroom" in at:
        formulas["instroom"] = INFLOW[v.projectie.soort](at, c, x)
    values = {"begin": stand.begin, "uitstroom": stand.overig, "instroom": stand.instroom,
              "eind": stand.eind, "personen": stand.personen, "fte": stand.fte}
    for name in _lines(v):
        total = name == "fte"
        blad.zet(rows[(i, name)], kolom, formulas[name], "totaal" if total else "berekening",
                 GETAL if total else AANTAL, values[name])


def link_volumes(invoer: Blad, b: Begroting, pos: dict, L: dict) -> None:
    """The volume cells of projected rows on Uitgangspunten link to the fte row here."""
    for i, v in projected(b):
        fte = L[DG][(i, "fte")]
        for jaar, kolom in year_columns(b.jaren):
            invoer.zet(pos[("volume", i)], kolom, f"={ref(DG, f'{col(kolom)}{fte}')}", "koppeling", AANTAL,
                       v.aantallen[jaar])
