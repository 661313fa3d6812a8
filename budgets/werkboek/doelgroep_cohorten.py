"""The block of an age profile (projectie soort leeftijdsprofiel) on the
Doelgroepontwikkeling sheet: per birth-year cohort its number at the start (the share of
its band, pyfuncs.doelgroep.band_share), the months worked before the AOW date of each
year, the AOW outflow, the other outflow by rate and the closing number; below them the
totals, the volume in persons (SUMPRODUCT of begin and months / 12) and in fte, which
the volume cells on Uitgangspunten link to. The rules are the builders of
pyfuncs.doelgroep_formules; every cell carries the core's value (Projectie.rijen, standen).

Sections follow each other (begin of every cohort, then the months of every cohort, ...)
so that each total is a SUM over one range. The cohorts (how many, which birth year) are
fixed when the workbook is generated: an edited aantal, AOW age or rate flows through,
another band (van, tot) needs a new workbook (`begroting genereer WERKMAP -o NIEUW`);
`controleer` reports the formulas that no longer fit."""

from budgets.excel.formaten import AANTAL, FRACTIE, GETAL, HEEL_GETAL
from budgets.werkboek.plan import Blad, col, year_columns
from pyfuncs import doelgroep_formules as F
from pyfuncs.afronding import from_cents, to_cents
from pyfuncs.doelgroep import GEBOORTEJAAR_VANAF

SECTIONS = (  # key, heading, unit, format
    ("begin", "Begin (1 januari) per geboortejaar", "personen", AANTAL),
    ("maanden", "Maanden gewerkt vóór de AOW-datum", "maanden", HEEL_GETAL),
    ("aow", "Uitstroom bij de AOW-leeftijd", "personen", AANTAL),
    ("overig", "Overige uitstroom (31 december)", "personen", AANTAL),
    ("eind", "Eind (31 december)", "personen", AANTAL),
)
TOTALS = (  # key, label, unit
    ("begin", "Begin (1 januari), totaal", "personen"),
    ("aow", "Uitstroom bij de AOW-leeftijd, totaal", "personen"),
    ("uitstroom", "Overige uitstroom, totaal", "personen"),
    ("eind", "Eind (31 december), totaal", "personen"),
    ("personen", "Volume in personen (AOW-vertrekkers naar maanden)", "personen"),
    ("fte", "Volume", "fte"),
)
BAND_LABELS = {"van": "van (leeftijd of geboortejaar)", "tot": "tot en met",
               "aantal": "personen op 1 januari"}


def layout_cohorts(rows: dict, i: int, v, r: int) -> int:
    """Rows of one age profile from row r (after its heading and assumptions)."""
    p = v.projectie
    rows[(i, "aow_leeftijd")] = r
    r += 1
    for band in range(len(p.cohorten)):
        for key in BAND_LABELS:
            rows[(i, "band", band, key)] = r
            r += 1
    for key, *_rest in SECTIONS:
        rows[(i, "sectie", key)] = r
        r += 1
        for c in range(len(p.rijen)):
            rows[(i, key, c)] = r
            r += 1
    for key, *_rest in TOTALS:
        rows[(i, key)] = r
        r += 1
    return r


def cohort_block(blad: Blad, b, pos: dict, rows: dict, i: int, v, c: dict) -> None:
    """The links to the inputs, then the sections and totals of every year. c: the
    assumption cells ($C$n) and the decimals constant."""
    p, d = v.projectie, c["cijfers"]
    r = rows[(i, "aow_leeftijd")]
    blad.tekst(r, 1, "AOW-leeftijd in het jaar")
    blad.tekst(r, 2, "jaren")
    for (jaar, kolom), (_j, age) in zip(year_columns(b.jaren), p.aow_leeftijden, strict=True):
        blad.zet(r, kolom, f"={pos[('projectie', i, 'aow', jaar)]}", "koppeling", FRACTIE, age)
    for band, written in enumerate(p.cohorten):
        for key, value in zip(BAND_LABELS, written, strict=True):
            row = rows[(i, "band", band, key)]
            blad.tekst(row, 1, f"Klasse {band + 1}: {BAND_LABELS[key]}")
            blad.tekst(row, 2, "personen" if key == "aantal" else "jaar")
            blad.zet(row, 3, f"={pos[('projectie', i, 'band', band, key)]}", "koppeling",
                     GETAL if key == "aantal" else HEEL_GETAL, value)
    for key, heading, unit, _fmt in SECTIONS:
        blad.tekst(rows[(i, "sectie", key)], 1, heading, "kop")
        for ci, cohort in enumerate(p.rijen):
            row = rows[(i, key, ci)]
            blad.tekst(row, 1, f"Geboren {cohort.geboortejaar}")
            blad.tekst(row, 2, unit)
            if key == "begin":
                blad.zet(row, 3, cohort.geboortejaar, "berekening", "0")
    for key, label, unit in TOTALS:
        blad.tekst(rows[(i, key)], 1, label, "totaal" if key == "fte" else None)
        blad.tekst(rows[(i, key)], 2, unit)
    for y, (_jaar, kolom) in enumerate(year_columns(b.jaren)):
        _year(blad, rows, i, p, c, d, kolom, y)


def _start(rows: dict, i: int, p, ci: int, cohort, d: str) -> str:
    """The cohort's share of its band in the first year (band_share_formula), without "="."""
    van, tot, aantal = (f"$C${rows[(i, 'band', cohort.band, key)]}" for key in BAND_LABELS)
    births = p.cohorten[cohort.band][0] >= GEBOORTEJAAR_VANAF
    k, width = F.band_place_formulas(f"$C${rows[(i, 'begin', ci)]}", van, tot, "$E$3", births)
    return F.band_share_formula(aantal, k, width, d)[1:]


def _year(blad: Blad, rows: dict, i: int, p, c: dict, d: str, kolom: int, y: int) -> None:
    x, last = col(kolom), col(kolom - 1)
    aow_age, rate = f"{x}{rows[(i, 'aow_leeftijd')]}", f"({c['overige_uitstroom']}/100)"
    for ci, cohort in enumerate(p.rijen):
        at = {key: f"{x}{rows[(i, key, ci)]}" for key, *_rest in SECTIONS}
        opening = F.opening_formula(f"{last}{rows[(i, 'eind', ci)]}")[1:]
        formulas = {
            "begin": f"=IF({x}$3=$E$3,{_start(rows, i, p, ci, cohort, d)},{opening})",
            "maanden": F.months_before_aow_formula(f"$C${rows[(i, 'begin', ci)]}", f"{x}$3", aow_age,
                                                   c["verjaardag_maanden"]),
            "aow": F.cohort_aow_formula(at["begin"], at["maanden"]),
            "overig": F.cohort_outflow_formula(at["begin"], at["maanden"], rate, d),
            "eind": F.closing_formula(at["begin"], (), (at["aow"], at["overig"]), d),
        }
        row = cohort.jaren[y]
        values = {"begin": row.begin, "maanden": row.maanden, "aow": row.aow, "overig": row.overig,
                  "eind": from_cents(to_cents(row.begin) - to_cents(row.aow) - to_cents(row.overig))}
        for key, _h, _u, fmt in SECTIONS:
            blad.zet(rows[(i, key, ci)], kolom, formulas[key], "berekening", fmt, values[key])
    n = len(p.rijen) - 1
    span = {key: f"{x}{rows[(i, key, 0)]}:{x}{rows[(i, key, n)]}" for key, *_rest in SECTIONS}
    stand = p.standen[y]
    totals = {
        "begin": (F.sum_formula(span["begin"]), stand.begin),
        "aow": (F.sum_formula(span["aow"]), stand.aow),
        "uitstroom": (F.sum_formula(span["overig"]), stand.overig),
        "eind": (F.sum_formula(span["eind"]), stand.eind),
        "personen": (F.cohort_persons_formula(span["begin"], span["maanden"], d), stand.personen),
        "fte": (F.fte_formula(f"{x}{rows[(i, 'personen')]}", c["fte_per_persoon"], d), stand.fte),
    }
    for key, (formula, value) in totals.items():
        fte = key == "fte"
        blad.zet(rows[(i, key)], kolom, formula, "totaal" if fte else "berekening", GETAL if fte else AANTAL,
                 value)
