"""The output sheet "In één oogopslag": one A4 page with what a board member asks first —
the saldo per year, the algemene reserve and the weerstandsratio, the bijdrage per
gemeente in the begrotingsjaar against the year before, and the three largest risks.
Every figure links to a calculation sheet; what the GR does not have is left out."""

from budgets.spec.model import Begroting
from budgets.spec.resultaten import Resultaten
from budgets.werkboek.exploitatie import EX
from budgets.werkboek.overzicht import AFGEROND, SALDO, caption, published, unit_caption
from budgets.werkboek.plan import Blad, col, year_columns
from budgets.werkboek.product import BIJ
from budgets.werkboek.weerstand import WV
from pyfuncs.afronding import excel_round

OO = "In één oogopslag"
RATIO = "0.00"
VERSCHIL = "+#,##0;-#,##0;0"


def _columns(b: Begroting) -> list[tuple[int, int, int]]:
    """(jaar, column on this sheet from B, the year's column on the calculation sheets)."""
    return [(jaar, kolom - 3, kolom) for jaar, kolom in year_columns(b.jaren)]


def _units(value: float, e: int) -> float:
    """An exact amount in whole presentation units, as ROUND(x/eenheid,0) gives it."""
    return excel_round(value / e, 0)


def build_oogopslag(b: Begroting, res: Resultaten, pos: dict, L: dict) -> Blad:
    """The one-page summary for the board (portrait A4)."""
    blad = Blad(OO, soort="uitvoer")  # landscape: type of 9–10 pt (portrait scaled it under 8 pt)
    blad.tekst(1, 1, f"In één oogopslag – {b.naam}, begroting {b.begrotingsjaar}", "titel")
    blad.tekst(2, 1, f"{unit_caption(b)}; saldo + = overschot, − = tekort", "toelichting")
    r = _results(blad, b, res, pos, L, 4)
    if BIJ in L and b.gemeenten:
        r = _contributions(blad, b, res, pos, L, r + 1)
    if WV in L and b.risicos:
        r = _risks(blad, b, pos, L, r + 1)
    blad.breedtes["A"] = 44
    for jaar, kolom, _c in _columns(b):
        blad.breedtes[col(kolom)] = max(14, len(caption(b, jaar)) + 3)
    blad.afdrukbereik = f"A1:{col(max(4, 1 + len(b.jaren)))}{r}"
    return blad


def _year_row(blad: Blad, b: Begroting, r: int, label: str, formula, expected, stijl="berekening",
              fmt=AFGEROND) -> None:
    blad.tekst(r, 1, label, "totaal" if stijl == "totaal" else None)
    for jaar, kolom, source in _columns(b):
        blad.zet(r, kolom, formula(col(source)), stijl, fmt, expected(jaar))


def _results(blad: Blad, b: Begroting, res: Resultaten, pos: dict, L: dict, r: int) -> int:
    """Saldo per year, then the reserve (end of year, minimum, maximum) and the ratio."""
    ex, unit, e = L[EX], pos[("presentatie", "eenheid")], b.presentatie.eenheid
    blad.tekst(r, 1, "Resultaat en reserve", "kop")
    for jaar, kolom, _c in _columns(b):
        blad.tekst(r, kolom, caption(b, jaar), "begrotingsjaar" if jaar == b.begrotingsjaar else "kop")
    values = published(b, res)
    _year_row(blad, b, r + 1, "Saldo na mutaties reserves", lambda c: f"={EX}!{c}{ex['afronding']['saldo']}",
              lambda y: values["saldo"][y], "totaal", SALDO)
    r += 2
    if b.verdeelt_saldo:
        rows = [("eind", "Algemene reserve, stand einde jaar", res.reserve_eind),
                ("minimum", "Minimum algemene reserve", dict.fromkeys(b.jaren, res.reserve_minimum))]
        if any(res.reserve_maximum[y] is not None for y in b.jaren):
            rows.append(("maximum", "Maximum algemene reserve",
                         {y: res.reserve_maximum[y] or 0.0 for y in b.jaren}))
        for name, label, exact in rows:
            _year_row(blad, b, r, label, lambda c, s=ex[name]: f"=ROUND({EX}!{c}{s}/{unit},0)",
                      lambda y, x=exact: _units(x[y], e))
            r += 1
    if WV in L and b.risicos:
        w = L[WV]
        _year_row(blad, b, r, "Weerstandsratio (beschikbaar / benodigd)", lambda c: f"={WV}!{c}{w['ratio']}",
                  lambda y: "" if res.ratio[y] is None else res.ratio[y], fmt=RATIO)
        _year_row(blad, b, r + 1, "Klasse (NAR-schaal)", lambda c: f"={WV}!{c}{w['klasse']}",
                  lambda y: res.klasse[y] or "")
        r += 2
    return r


def contribution_years(b: Begroting) -> tuple[int, ...]:
    """The begrotingsjaar, with the year before when the spec has it."""
    before = b.begrotingsjaar - 1
    return (before, b.begrotingsjaar) if before in b.jaren else (b.begrotingsjaar,)


def _contributions(blad: Blad, b: Begroting, res: Resultaten, pos: dict, L: dict, r: int) -> int:
    """The total bijdrage per gemeente (incl. doorbelastingen): T−1, T and the change."""
    unit, e, years = pos[("presentatie", "eenheid")], b.presentatie.eenheid, contribution_years(b)
    blad.tekst(r, 1, "Bijdrage per gemeente (incl. doorbelastingen)", "kop")
    for i, jaar in enumerate(years, start=2):
        blad.tekst(r, i, caption(b, jaar), "begrotingsjaar" if jaar == b.begrotingsjaar else "kop")
    if len(years) == 2:
        blad.tekst(r, 4, "Verschil", "kop")
    first = r + 1
    totals = {y: 0.0 for y in years}
    for gi, g in enumerate(b.gemeenten):
        r += 1
        blad.tekst(r, 1, g)
        for i, jaar in enumerate(years, start=2):
            source = year_columns(b.jaren)[b.jaren.index(jaar)][1]
            value = _units(float(res.productbijdragen[jaar][gi].sum() + res.doorbelastingen[jaar][gi]), e)
            totals[jaar] += value
            blad.zet(r, i, f"=ROUND({BIJ}!{col(source)}{L[BIJ][('incl', g)]}/{unit},0)", "berekening",
                     AFGEROND, value)
        if len(years) == 2:
            blad.zet(r, 4, f"=C{r}-B{r}", "berekening", VERSCHIL, _difference(blad, r))
    r += 1
    blad.tekst(r, 1, "Totaal", "totaal")
    for i, jaar in enumerate(years, start=2):
        blad.zet(r, i, f"=SUM({col(i)}{first}:{col(i)}{r - 1})", "totaal", AFGEROND, totals[jaar])
    if len(years) == 2:
        blad.zet(r, 4, f"=C{r}-B{r}", "totaal", VERSCHIL, totals[years[1]] - totals[years[0]])
    return r + 1


def _difference(blad: Blad, r: int) -> float:
    return blad.cellen[f"C{r}"].verwacht - blad.cellen[f"B{r}"].verwacht


def largest_risks(b: Begroting, count: int = 3) -> list[int]:
    """The 1-based numbers of the largest risks by kans × maximum impact (ties: spec order)."""
    order = sorted(range(len(b.risicos)), key=lambda i: -b.risicos[i].kans * b.risicos[i].maximum)
    return [i + 1 for i in order[:count]]


def _risks(blad: Blad, b: Begroting, pos: dict, L: dict, r: int) -> int:
    """The three largest risks, linked to the Weerstandsvermogen sheet."""
    unit, e, w = pos[("presentatie", "eenheid")], b.presentatie.eenheid, L[WV]
    numbers = largest_risks(b)
    blad.tekst(r, 1, "De grootste risico's" if len(numbers) > 1 else "Het risico", "kop")
    for i, label in enumerate(("Kans", "Maximaal", "Kans × maximaal"), start=2):
        blad.tekst(r, i, label, "kop")
    for n in numbers:
        r += 1
        risk, source = b.risicos[n - 1], w[("risico", n)]
        blad.zet(r, 1, f"={WV}!A{source}", None, None, risk.naam)
        blad.zet(r, 2, f"={WV}!B{source}", "berekening", "0%", risk.kans)
        blad.zet(r, 3, f"=ROUND({WV}!D{source}/{unit},0)", "berekening", AFGEROND, _units(risk.maximum, e))
        blad.zet(r, 4, f"=ROUND({WV}!E{source}/{unit},0)", "berekening", AFGEROND,
                 _units(risk.kans * risk.maximum, e))
    return r + 1
