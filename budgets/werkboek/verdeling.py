"""The Verdeling sheet: every verdeelsleutel (weights and shares per year) and the split
of the saldo that the reserve does not absorb (only when the spec has a reserve).

The split follows the core's allocate (largest remainder, in cents, ties to the
earlier gemeente) with plain functions: the cents are ROUND(amount × share; 4),
whole cents by ROUND minus a correction, the rank of each remainder by SUMPRODUCT.
"""

from budgets.excel.formaten import AANTAL, EURO, EURO_CENT, FRACTIE
from budgets.spec import secties as S
from budgets.spec.model import Begroting
from budgets.spec.resultaten import Resultaten
from budgets.spec.sleutels import SOORTEN
from budgets.werkboek.plan import Blad, _label, col, header_row, line, ref, standard_widths
from budgets.werkboek.product import BIJ, PB
from pyfuncs.afronding import excel_round

VD = "Verdeling"
FIRST = 5
HELPERS = ("quota", "heel", "rest", "rang")


def layout_verdeling(b: Begroting) -> dict:
    rows, r = {"aantal": FIRST}, FIRST + 2
    for k in b.verdeelsleutels:
        rows[("kop", k.naam)] = r
        rows[("vaste_voet", k.naam)] = r + 1
        r += 2
        for g in b.gemeenten:
            rows[("gewicht", k.naam, g)] = r
            r += 1
        rows[("gewicht_totaal", k.naam)] = r
        r += 1
        for g in b.gemeenten:
            rows[("aandeel", k.naam, g)] = r
            r += 1
        rows[("aandeel_totaal", k.naam)] = r
        r += 2
    rows["einde"] = r - 2
    if not b.verdeelt_saldo:
        return rows
    rows["saldo_kop"], rows["bedrag"] = r, r + 1
    r += 2
    for g in b.gemeenten:
        rows[("deel", g)] = r
        r += 1
    rows["deel_totaal"] = r
    rows["werk_kop"] = r + 2  # the working rows of the split: grouped, hidden, not printed
    r += 3
    for name in ("centen", "teken"):
        rows[name] = r
        r += 1
    for helper in HELPERS:
        for g in b.gemeenten:
            rows[(helper, g)] = r
            r += 1
        if helper == "heel":
            rows["tekort"] = r
            r += 1
    rows["werk_laatste"] = r - 1
    return rows


def build_verdeling(b: Begroting, res: Resultaten, pos: dict, L: dict) -> Blad:
    blad, rows = Blad(VD), L[VD]
    blad.tekst(1, 1, f"Verdeelsleutels en verdeling van het saldo – {b.naam}", "titel")
    header_row(blad, 3, b.jaren, pos[("algemeen", "van")])
    first, last = pos["deelnemers_eerste"], pos["deelnemers_laatste"]
    _label(blad, rows["aantal"], "Aantal deelnemers", "aantal")
    blad.zet(
        rows["aantal"],
        3,
        f'=SUMPRODUCT(({ref(S.BLAD, f"$A${first}:$A${last}")}<>"")*1)',
        "berekening",
        "0",
        len(b.gemeenten),
    )
    for k in b.verdeelsleutels:
        _key(blad, b, pos, L, k)
    standard_widths(blad, b.jaren)
    blad.bevriezen = "E4"
    if b.verdeelt_saldo:
        _saldo(blad, b, res, L)
        _group_working_rows(blad, b, rows)
    return blad


def _group_working_rows(blad: Blad, b: Begroting, rows: dict) -> None:
    """The largest-remainder working rows: one collapsed outline group below the split,
    outside the print area."""
    _label(blad, rows["werk_kop"], "Rekenregels van de verdeling in hele centen (grootste rest)", "", "kop")
    for r in range(rows["werk_kop"], rows["werk_laatste"] + 1):
        blad.groepen[r] = (1, True)
    blad.afdrukbereik = f"A1:{col(4 + len(b.jaren))}{rows['deel_totaal']}"


class _Cellen:
    """Where the weights of the key kinds live (spec.sleutels), per year column letter."""

    def __init__(self, pos: dict, L: dict):
        self.pos, self.L = pos, L

    def gewicht(self, sleutel: str, g: str):
        row = self.L[VD][("gewicht", sleutel, g)]
        return lambda c: f"{c}{row}"

    def vast_gewicht(self, sleutel: str, g: str):
        cell = ref(S.BLAD, f"$D${self.pos[('gewicht', sleutel, g)]}")
        return lambda c: cell

    def kenmerk(self, g: str, veld: str):
        column = {"inwoners": "C", "se": "D"}[veld]
        cell = ref(S.BLAD, f"${column}${self.pos[('gemeente', g)]}")
        return lambda c: cell

    def volume(self, product: str, g: str):
        return lambda c: f"{PB}!{c}{self.L[PB][('volume', product, g)]}"

    def bijdrage_excl(self, g: str):
        return lambda c: f"{BIJ}!{c}{self.L[BIJ][('excl', g)]}"


def _weight_formula(b: Begroting, pos: dict, L: dict, k, g: str):
    cell = SOORTEN[k.soort].formule(k, g, _Cellen(pos, L))
    return lambda c: f"={cell(c)}"


def _key(blad: Blad, b: Begroting, pos: dict, L: dict, k) -> None:
    """One key: vaste voet, weights per gemeente, their total, shares and their sum."""
    rows, names = L[VD], b.gemeenten
    _label(blad, rows[("kop", k.naam)], f"Verdeelsleutel {k.naam} ({k.soort})", "", "kop")
    vv, n, tot = rows[("vaste_voet", k.naam)], rows["aantal"], rows[("gewicht_totaal", k.naam)]
    _label(blad, vv, "Vaste voet (gelijk over de deelnemers)", "fractie")
    source = ref(S.BLAD, f"$C${pos[('sleutel', k.naam)]}")
    blad.zet(vv, 3, f"={source}", "koppeling", FRACTIE, k.vaste_voet if k.soort == "hybride" else 0.0)
    weights = {y: b.gewichten(k.naam, y) for y in b.jaren}
    shares = {y: b.aandelen(k.naam, y) for y in b.jaren}
    fmt = EURO if k.soort == "bijdragen" else AANTAL
    for gi, g in enumerate(names):
        line(blad, b, rows[("gewicht", k.naam, g)], f"Gewicht {g}", "gewicht",
             _weight_formula(b, pos, L, k, g), lambda y, gi=gi: weights[y][gi], "koppeling", fmt, total=False)
    first, last = rows[("gewicht", k.naam, names[0])], rows[("gewicht", k.naam, names[-1])]
    line(blad, b, tot, "Gewicht totaal", "gewicht", lambda c: f"=SUM({c}{first}:{c}{last})",
         lambda y: sum(weights[y]), "totaal", fmt, total=False)
    for gi, g in enumerate(names):
        w = rows[("gewicht", k.naam, g)]
        line(blad, b, rows[("aandeel", k.naam, g)], f"Aandeel {g}", "fractie",
             lambda c, w=w: f"=$C${vv}/$C${n}+(1-$C${vv})*{c}{w}/{c}{tot}", lambda y, gi=gi: shares[y][gi],
             "berekening", FRACTIE, total=False)
    first, last = rows[("aandeel", k.naam, names[0])], rows[("aandeel", k.naam, names[-1])]
    line(blad, b, rows[("aandeel_totaal", k.naam)], "Aandelen samen", "fractie",
         lambda c: f"=SUM({c}{first}:{c}{last})", lambda y: 1.0, "totaal", FRACTIE, total=False)


def _saldo(blad: Blad, b: Begroting, res: Resultaten, L: dict) -> None:
    """The amount the reserve does not absorb, split in whole cents (largest remainder)."""
    rows, names = L[VD], b.gemeenten
    title = (f"Verdeling van het saldo na de reserve (sleutel {b.reserve.verdeelsleutel}; "
             "+ = gemeente betaalt bij, − = gemeente ontvangt)")
    _label(blad, rows["saldo_kop"], title, "", "kop")
    charged = {y: sum(res.saldo_gemeenten[y]) for y in b.jaren}
    ex, amount = L["Exploitatie"]["gemeenten"], rows["bedrag"]
    line(blad, b, amount, "Te verdelen over de gemeenten", "EUR", lambda c: f"=Exploitatie!{c}{ex}",
         lambda y: charged[y], "koppeling", EURO_CENT)
    work = {y: working_values(charged[y], b.aandelen(b.reserve.verdeelsleutel, y)) for y in b.jaren}
    line(blad, b, rows["centen"], "Te verdelen in hele centen", "cent",
         lambda c: f"=ROUND(ABS({c}{amount})*100,0)", lambda y: work[y]["centen"], fmt="#,##0", total=False)
    line(blad, b, rows["teken"], "Teken (-1 = terugbetaling)", "teken", lambda c: f"=IF({c}{amount}<0,-1,1)",
         lambda y: work[y]["teken"], fmt="0", total=False)
    for helper, (label, make) in _helper_formulas(b, rows).items():
        for gi, g in enumerate(names):
            line(blad, b, rows[(helper, g)], f"{label} {g}", "cent", make(g),
                 lambda y, h=helper, gi=gi: work[y][h][gi], fmt="#,##0.0000", total=False)
        if helper == "heel":
            h_first, h_last, u = rows[("heel", names[0])], rows[("heel", names[-1])], rows["centen"]
            line(blad, b, rows["tekort"], "Nog te verdelen centen", "cent",
                 lambda c, f=h_first, la=h_last, u=u: f"={c}${u}-SUM({c}{f}:{c}{la})",
                 lambda y: work[y]["tekort"], fmt="0", total=False)
    t, short = rows["teken"], rows["tekort"]
    for gi, g in enumerate(names):
        heel, rang = rows[("heel", g)], rows[("rang", g)]
        line(blad, b, rows[("deel", g)], f"Aandeel in het saldo {g}", "EUR",
             lambda c, h=heel, r=rang: f"={c}${t}*({c}{h}+IF({c}{r}<{c}${short},1,0))/100",
             lambda y, gi=gi: res.saldo_gemeenten[y][gi], fmt=EURO_CENT)
    first, last = rows[("deel", names[0])], rows[("deel", names[-1])]
    line(blad, b, rows["deel_totaal"], "Totaal verdeeld", "EUR", lambda c: f"=SUM({c}{first}:{c}{last})",
         lambda y: charged[y], "totaal", EURO_CENT)


def working_values(amount: float, shares: list[float]) -> dict:
    """The working rows' values of one year, as their formulas compute them (Excel's ROUND)."""
    cents = excel_round(abs(amount) * 100, 0)
    quota = [excel_round(cents * share, 4) for share in shares]
    whole = [excel_round(q, 0) - (1 if excel_round(q, 0) > q else 0) for q in quota]
    rest = [excel_round(q - w, 4) for q, w in zip(quota, whole, strict=True)]
    rank = [sum(1 for o in rest if o > r) + sum(1 for o in rest[: i + 1] if o == r) - 1
            for i, r in enumerate(rest)]
    return {"centen": cents, "teken": -1 if amount < 0 else 1, "quota": quota, "heel": whole,
            "tekort": cents - sum(whole), "rest": rest, "rang": rank}


def _helper_formulas(b: Begroting, rows: dict) -> dict:
    """Per helper block: (label, gemeente -> formula(column)) of the largest-remainder split."""
    key, names, u = b.reserve.verdeelsleutel, b.gemeenten, rows["centen"]
    r_first, r_last = rows[("rest", names[0])], rows[("rest", names[-1])]

    def quota(g):
        return lambda c: f"=ROUND({c}${u}*{c}{rows[('aandeel', key, g)]},4)"

    def whole(g):
        q = rows[("quota", g)]
        return lambda c: f"=ROUND({c}{q},0)-IF(ROUND({c}{q},0)>{c}{q},1,0)"

    def rest(g):
        return lambda c: f"=ROUND({c}{rows[('quota', g)]}-{c}{rows[('heel', g)]},4)"

    def rank(g):
        r = rows[("rest", g)]
        return lambda c: (f"=SUMPRODUCT(({c}${r_first}:{c}${r_last}>{c}{r})*1)"
                          f"+SUMPRODUCT(({c}${r_first}:{c}{r}={c}{r})*1)-1")

    return {"quota": ("Centen volgens sleutel", quota), "heel": ("Hele centen", whole),
            "rest": ("Restcenten", rest), "rang": ("Rang van de rest", rank)}
