"""The output sheets "Raadsoverzicht <gemeente>": one A4 page per deelnemer with what its
council asks — what the gemeente pays per product in the begrotingsjaar against the year
before, its doorbelastingen, and its share in a tekort or overschot. Every figure links
to the Bijdragen and Verdeling sheets, in the spec's presentatie eenheid; with rijksmiddelen
in the spec, the block of budgets.werkboek.raad_rijksmiddelen (in euros) follows."""

import re

from budgets.spec.model import Begroting
from budgets.spec.resultaten import Resultaten
from budgets.spec.rijksmiddelen import own_means_of
from budgets.werkboek.oogopslag import VERSCHIL, contribution_years
from budgets.werkboek.overzicht import AFGEROND, caption, unit_caption
from budgets.werkboek.plan import Blad, col, year_columns
from budgets.werkboek.product import BIJ
from budgets.werkboek.raad_rijksmiddelen import rijksmiddelen_block
from budgets.werkboek.verdeling import VD
from budgets.werkboek.weerstand import WV
from pyfuncs.afronding import excel_round

PREFIX, SHORT_PREFIX = "Raadsoverzicht ", "Raad "
MAX_SHEET_NAME = 31  # Excel's limit


def sheet_names(gemeenten: tuple) -> dict:
    """{gemeente: sheet name}: "Raadsoverzicht <gemeente>" ("Raad <gemeente>" when that is
    longer than Excel's 31 characters), without the characters Excel refuses in a sheet
    name (and the quote), cut to 31 characters, unique."""
    names: dict = {}
    for g in gemeenten:
        clean = re.sub(r"[\[\]:*?/\\']", "", g).strip()
        prefix = PREFIX if len(PREFIX + clean) <= MAX_SHEET_NAME else SHORT_PREFIX
        base = (prefix + clean)[:MAX_SHEET_NAME].rstrip()
        name, n = base, 2
        while name in names.values():
            suffix = f" ({n})"
            name, n = base[: MAX_SHEET_NAME - len(suffix)] + suffix, n + 1
        names[g] = name
    return names


def build_raadsoverzichten(b: Begroting, res: Resultaten, pos: dict, L: dict) -> list[Blad]:
    """One sheet per deelnemer when the GR charges the gemeenten (products)."""
    if BIJ not in L:
        return []
    names = sheet_names(b.gemeenten)
    eigen = own_means_of(b, res)
    return [_sheet(b, res, pos, L, gi, g, names[g], eigen) for gi, g in enumerate(b.gemeenten)]


def _units(value: float, e: int) -> float:
    return excel_round(value / e, 0)


def _sheet(b: Begroting, res: Resultaten, pos: dict, L: dict, gi: int, g: str, name: str,
           eigen: tuple = ()) -> Blad:
    blad = Blad(name, soort="uitvoer")  # landscape: type of 9–10 pt (portrait scaled it under 8 pt)
    years = contribution_years(b)
    blad.tekst(1, 1, f"Raadsoverzicht gemeente {g}", "titel")
    blad.tekst(2, 1, f"Wat de gemeente bijdraagt aan {b.naam} volgens de begroting {b.begrotingsjaar}; "
               f"{unit_caption(b)}", "toelichting")
    r = _contribution(blad, b, res, pos, L, gi, g, years, 4)
    if b.verdeelt_saldo and VD in L:
        r = _saldo_share(blad, b, res, pos, L, gi, g, r + 1)
        if WV in L:
            r = _risk_share(blad, b, res, pos, L, g, r + 1)
    if eigen:
        r = rijksmiddelen_block(blad, b, eigen, pos, L, gi, g, r + 1) - 1
    blad.breedtes.update({"A": 46, "B": 16, "C": 16, "D": 12, "E": 16, "F": 16})
    for jaar, kolom in year_columns(b.jaren):
        blad.breedtes[col(kolom - 3)] = max(blad.breedtes.get(col(kolom - 3), 12), len(caption(b, jaar)) + 3)
    blad.afdrukbereik = f"A1:{col(max(4, 1 + len(b.jaren)))}{r}"
    return blad


def _year_source(b: Begroting, jaar: int) -> str:
    return col(year_columns(b.jaren)[b.jaren.index(jaar)][1])


def _contribution(blad, b, res, pos, L, gi, g, years, r) -> int:
    """Per product, the products' subtotal, the doorbelastingen and the total: T−1, T, change."""
    unit, e, rows = pos[("presentatie", "eenheid")], b.presentatie.eenheid, L[BIJ]
    blad.tekst(r, 1, "Bijdrage per product", "kop")
    for i, jaar in enumerate(years, start=2):
        blad.tekst(r, i, caption(b, jaar), "begrotingsjaar" if jaar == b.begrotingsjaar else "kop")
    change = len(years) == 2
    if change:
        blad.tekst(r, 4, "Verschil", "kop")
    lines = [(p.naam, rows[("product", g, p.naam)], lambda y, j=j: float(res.productbijdragen[y][gi][j]))
             for j, p in enumerate(b.producten)]
    first = r + 1
    for label, source, exact in lines:
        r += 1
        _row(blad, b, r, label, years, lambda c, s=source: f"=ROUND({BIJ}!{c}{s}/{unit},0)",
             lambda y, x=exact: _units(x(y), e), change)
    r += 1
    _sum_row(blad, r, "Bijdrage voor de producten", years, first, r - 1, change)
    subtotal = r
    items = [(i, d) for i, d in enumerate(b.doorbelastingen, start=1) if d.gemeente == g]
    if items:
        r += 1
        blad.tekst(r, 1, "Doorbelastingen", "kop")
        for i, d in items:
            r += 1
            source = rows[("doorbelasting", i)]
            _row(blad, b, r, d.naam, years, lambda c, s=source: f"=ROUND({BIJ}!{c}{s}/{unit},0)",
                 lambda y, d=d: _units(float(d.bedragen.get(y, 0.0)), e), change)
        r += 1
        _sum_row(blad, r, "Totale bijdrage van de gemeente", years, subtotal, r - 1, change,
                 skip=range(subtotal + 1, subtotal + 2))
    r += 1
    if change:
        blad.tekst(r, 1, f"Verschil: + = de gemeente betaalt meer dan in {years[0]}, − = minder",
                   "toelichting")
    return r + 1


def _row(blad, b, r, label, years, formula, expected, change, stijl="berekening") -> None:
    blad.tekst(r, 1, label, "totaal" if stijl == "totaal" else None)
    for i, jaar in enumerate(years, start=2):
        blad.zet(r, i, formula(_year_source(b, jaar)), stijl, AFGEROND, expected(jaar))
    if change:
        difference = blad.cellen[f"C{r}"].verwacht - blad.cellen[f"B{r}"].verwacht
        blad.zet(r, 4, f"=C{r}-B{r}", stijl, VERSCHIL, difference)


def _sum_row(blad, r, label, years, first, last, change, skip=range(0)) -> None:
    """A total of the printed rows first..last (heading rows in skip are left out)."""
    blad.tekst(r, 1, label, "totaal")
    rows = [x for x in range(first, last + 1) if x not in skip]
    for i, _jaar in enumerate((*years, "verschil") if change else years, start=2):
        c = col(i)
        value = sum(blad.cellen[f"{c}{x}"].verwacht for x in rows)
        fmt = VERSCHIL if i == 4 else AFGEROND
        blad.zet(r, i, f"=SUM({c}{first}:{c}{last})", "totaal", fmt, value)


def _saldo_share(blad, b, res, pos, L, gi, g, r) -> int:
    """The gemeente's part of what the reserve cannot absorb, per year, with the words."""
    unit, e = pos[("presentatie", "eenheid")], b.presentatie.eenheid
    blad.tekst(r, 1, "Aandeel in het tekort of overschot", "kop")
    cols = [(jaar, kolom - 3, col(kolom)) for jaar, kolom in year_columns(b.jaren)]
    for jaar, kolom, _s in cols:
        blad.tekst(r, kolom, caption(b, jaar), "begrotingsjaar" if jaar == b.begrotingsjaar else "kop")
    r += 1
    blad.tekst(r, 1, "Extra bijdrage (+) of terugbetaling (−)")
    source = L[VD][("deel", g)]
    for jaar, kolom, s in cols:
        blad.zet(r, kolom, f"=ROUND({VD}!{s}{source}/{unit},0)", "berekening", AFGEROND,
                 _units(float(res.saldo_gemeenten[jaar][gi]), e))
    blad.tekst(r + 1, 1, "Dat betekent voor de gemeente")
    for _jaar, kolom, _s in cols:
        value = blad.cellen[f"{col(kolom)}{r}"].verwacht
        words = "bijbetalen" if value > 0 else "terugkrijgen" if value < 0 else "niets"
        a = f"{col(kolom)}{r}"
        blad.zet(r + 1, kolom, f'=IF({a}>0,"bijbetalen",IF({a}<0,"terugkrijgen","niets"))', None, None, words)
    blad.tekst(r + 2, 1, "Het deel van het saldo dat de algemene reserve niet opvangt, verdeeld met de "
               f"sleutel {b.reserve.verdeelsleutel}.", "toelichting")
    return r + 3


def _risk_share(blad, b, res, pos, L, g, r) -> int:
    """What the gemeente would carry of the benodigde weerstandscapaciteit if the risks all
    came true and the reserve could not absorb them: the capacity times its share in the key
    of the saldo, per year."""
    unit, e, key = pos[("presentatie", "eenheid")], b.presentatie.eenheid, b.reserve.verdeelsleutel
    gi = b.gemeenten.index(g)
    blad.tekst(r, 1, "Aandeel in de risico's", "kop")
    cols = [(jaar, kolom - 3, col(kolom)) for jaar, kolom in year_columns(b.jaren)]
    for jaar, kolom, _s in cols:
        blad.tekst(r, kolom, caption(b, jaar), "begrotingsjaar" if jaar == b.begrotingsjaar else "kop")
    r += 1
    blad.tekst(r, 1, "Deel van de benodigde weerstandscapaciteit")
    need, share = L[WV]["benodigd"], L[VD][("aandeel", key, g)]
    for jaar, kolom, s in cols:
        blad.zet(r, kolom, f"=ROUND({WV}!{s}{need}*{VD}!{s}{share}/{unit},0)", "berekening", AFGEROND,
                 _units(res.benodigd[jaar] * b.aandelen(key, jaar)[gi], e))
    blad.tekst(r + 1, 1, "De risico's van de regeling naar de sleutel "
               f"{key}: wat de gemeente zou bijdragen als ze zich voordoen en de reserve ze niet "
               "opvangt.", "toelichting")
    return r + 2
