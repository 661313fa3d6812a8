"""The output sheet "Overzicht baten en lasten": the exploitatie as the board adopts it
(captioned year columns, the begrotingsjaar marked, no multi-year totals, amounts in the
spec's presentatie eenheid), and the working rows on the Exploitatie sheet that round
each line so that every printed column adds up to its printed totals."""

from budgets.spec.model import Begroting
from budgets.spec.resultaten import Resultaten
from budgets.werkboek.exploitatie import EX, TOTALS, kenmerk_columns, layout_exploitatie
from budgets.werkboek.plan import Blad, _label, col, line, year_columns
from pyfuncs.afronding import excel_round
from pyfuncs.publicatie import floor_units, round_for_publication

OV = "Overzicht baten en lasten"
LEAVES = tuple(soort for soort, _label_text in TOTALS)
AFGEROND = "#,##0;-#,##0"
SALDO = "#,##0;[Red]-#,##0"


def caption(b: Begroting, jaar: int) -> str:
    """The year column's caption: the spec's own, else "Begroting JJJJ" up to the
    begrotingsjaar and "Raming JJJJ" after it."""
    own = dict(b.presentatie.kolomkoppen)
    if jaar in own:
        return own[jaar]
    return f"{'Begroting' if jaar <= b.begrotingsjaar else 'Raming'} {jaar}"


def unit_caption(b: Begroting) -> str:
    return "bedragen × € 1.000" if b.presentatie.eenheid == 1000 else "bedragen in euro's"


def layout_afronding(b: Begroting, start: int) -> dict:
    """Working rows below the reserve on the Exploitatie sheet, per soort: quotient,
    whole units, remainder, rank, units still to give, rounded line; then subtotals."""
    rows, r = {"kop": start}, start + 1
    for soort in LEAVES:
        names = [regel.naam for regel in b.exploitatie if regel.soort == soort]
        rows[("namen", soort)] = names
        for part in ("quotient", "heel", "rest", "rang"):
            for naam in names:
                rows[(part, naam)] = r
                r += 1
        rows[("tekort", soort)] = r
        r += 1
        for naam in names:
            rows[("afgerond", naam)] = r
            r += 1
        rows[("totaal", soort)] = r
        r += 1
    for regel in b.exploitatie:
        if regel.soort == "subtotaal":
            rows[("afgerond", regel.naam)] = r
            r += 1
    rows["saldo_bl"], rows["saldo"] = r, r + 1
    rows["laatste"] = r + 1
    return rows


def published(b: Begroting, res: Resultaten) -> dict:
    """{(naam or soort or "saldo_bl"/"saldo"): {jaar: units}}: the rounded figures."""
    out: dict = {}
    e = b.presentatie.eenheid
    for y in b.jaren:
        for soort in LEAVES:
            names = [regel.naam for regel in b.exploitatie if regel.soort == soort]
            for naam, units in zip(names, round_for_publication([res.regels[n][y] for n in names], e),
                                   strict=True):
                out.setdefault(naam, {})[y] = units
            out.setdefault(soort, {})[y] = sum(out[n][y] for n in names)
        for regel in b.exploitatie:
            if regel.soort == "subtotaal":
                out.setdefault(regel.naam, {})[y] = (sum(out[n][y] for n in regel.plus)
                                                     - sum(out[n][y] for n in regel.min))
        t = {s: out[s][y] for s in LEAVES}
        out.setdefault("saldo_bl", {})[y] = t["baten"] - t["lasten"]
        out.setdefault("saldo", {})[y] = t["baten"] - t["lasten"] + t["onttrekking"] - t["toevoeging"]
    return out


def build_afronding(blad: Blad, b: Begroting, res: Resultaten, pos: dict, rows: dict) -> None:
    """The working rows (grouped and hidden, outside the print area of Exploitatie)."""
    ex, unit, e = rows, pos[("presentatie", "eenheid")], b.presentatie.eenheid
    w = ex["afronding"]
    _label(blad, w["kop"], f"Afronding voor het overzicht ({unit_caption(b)}; grootste rest)", "", "kop")
    values = published(b, res)
    for soort in LEAVES:
        names = w[("namen", soort)]
        _soort_rows(blad, b, res, ex, w, soort, names, unit, e, values)
    for regel in b.exploitatie:
        if regel.soort == "subtotaal":
            terms = "".join(f"+{{c}}{w[('afgerond', n)]}" for n in regel.plus)
            terms += "".join(f"-{{c}}{w[('afgerond', n)]}" for n in regel.min)
            line(blad, b, w[("afgerond", regel.naam)], f"Afgerond: {regel.naam}", "eenheden",
                 lambda c, t=terms: "=" + t.format(c=c).lstrip("+"), lambda y, n=regel.naam: values[n][y],
                 fmt=AFGEROND, total=False)
    t = {s: w[("totaal", s)] for s in LEAVES}
    line(blad, b, w["saldo_bl"], "Afgerond: saldo van baten en lasten", "eenheden",
         lambda c: f"={c}{t['baten']}-{c}{t['lasten']}", lambda y: values["saldo_bl"][y], fmt=AFGEROND,
         total=False)
    line(blad, b, w["saldo"], "Afgerond: saldo na mutaties reserves", "eenheden",
         lambda c: f"={c}{t['baten']}-{c}{t['lasten']}+{c}{t['onttrekking']}-{c}{t['toevoeging']}",
         lambda y: values["saldo"][y], fmt=AFGEROND, total=False)
    for r in range(w["kop"], w["laatste"] + 1):
        blad.groepen[r] = (1, True)
    blad.afdrukbereik = f"A1:{col(6 + len(b.jaren))}{ex['einde']}"


def _soort_rows(blad, b, res, ex, w, soort, names, unit, e, values) -> None:
    if not names:
        line(blad, b, w[("tekort", soort)], f"Nog te geven eenheden ({soort})", "eenheden",
             lambda c: "=0", lambda y: 0, fmt="0", total=False)
        line(blad, b, w[("totaal", soort)], f"Afgerond: totaal {soort}", "eenheden", lambda c: "=0",
             lambda y: 0, fmt=AFGEROND, total=False)
        return
    first_rest, last_rest = w[("rest", names[0])], w[("rest", names[-1])]
    for naam in names:
        src = ex[("regel", naam)]
        exact = res.regels[naam]
        line(blad, b, w[("quotient", naam)], f"Quotiënt {naam}", "eenheden",
             lambda c, s=src: f"=ROUND({c}{s}/{unit},4)", lambda y, x=exact: _q(x[y], e), fmt="#,##0.0000",
             total=False)
        qr = w[("quotient", naam)]
        line(blad, b, w[("heel", naam)], f"Hele eenheden {naam}", "eenheden",
             lambda c, r=qr: f"=ROUND({c}{r},0)-IF(ROUND({c}{r},0)>{c}{r},1,0)",
             lambda y, x=exact: floor_units(_q(x[y], e)), fmt="0", total=False)
    for naam in names:
        qr, hr = w[("quotient", naam)], w[("heel", naam)]
        line(blad, b, w[("rest", naam)], f"Rest {naam}", "eenheden",
             lambda c, a=qr, h=hr: f"=ROUND({c}{a}-{c}{h},4)", lambda y, x=res.regels[naam]: _rest(x[y], e),
             fmt="0.0000", total=False)
    rests = {y: [_rest(res.regels[n][y], e) for n in names] for y in b.jaren}
    for i, naam in enumerate(names):
        rr = w[("rest", naam)]
        line(blad, b, w[("rang", naam)], f"Rang van de rest {naam}", "rang",
             lambda c, r=rr: (f"=SUMPRODUCT(({c}${first_rest}:{c}${last_rest}>{c}{r})*1)"
                              f"+SUMPRODUCT(({c}${first_rest}:{c}{r}={c}{r})*1)-1"),
             lambda y, i=i: _rank(rests[y], i), fmt="0", total=False)
    soort_total = ex[soort]
    h_first, h_last = w[("heel", names[0])], w[("heel", names[-1])]
    k = w[("tekort", soort)]
    line(blad, b, k, f"Nog te geven eenheden ({soort})", "eenheden",
         lambda c: f"=ROUND({c}{soort_total}/{unit},0)-SUM({c}{h_first}:{c}{h_last})",
         lambda y: values[soort][y] - sum(floor_units(_q(res.regels[n][y], e)) for n in names), fmt="0",
         total=False)
    for naam in names:
        hr, rr = w[("heel", naam)], w[("rang", naam)]
        line(blad, b, w[("afgerond", naam)], f"Afgerond: {naam}", "eenheden",
             lambda c, h=hr, r=rr: f"={c}{h}+IF({c}{r}<{c}${k},1,0)", lambda y, n=naam: values[n][y],
             fmt=AFGEROND, total=False)
    a_first, a_last = w[("afgerond", names[0])], w[("afgerond", names[-1])]
    line(blad, b, w[("totaal", soort)], f"Afgerond: totaal {soort}", "eenheden",
         lambda c: f"=SUM({c}{a_first}:{c}{a_last})", lambda y: values[soort][y], fmt=AFGEROND, total=False)


def _q(x: float, e: int) -> float:
    return excel_round(x / e, 4)


def _rest(x: float, e: int) -> float:
    return excel_round(_q(x, e) - floor_units(_q(x, e)), 4)


def _rank(rests: list, i: int) -> int:
    r = rests[i]
    return sum(1 for o in rests if o > r) + sum(1 for o in rests[: i + 1] if o == r) - 1


def build_overzicht(b: Begroting, res: Resultaten, L: dict) -> Blad:
    """The board's overzicht van baten en lasten, linked to the rounded working rows."""
    blad, w = Blad(OV, soort="uitvoer"), L[EX]["afronding"]  # landscape: type of 9–10 pt
    values = published(b, res)
    blad.tekst(1, 1, f"Overzicht van baten en lasten – {b.naam}", "titel")
    blad.tekst(2, 1, f"{unit_caption(b)}; baten en lasten positief, saldo + = overschot, − = tekort",
               "toelichting")
    blad.tekst(4, 1, "Omschrijving", "kop")
    for jaar, kolom in _columns(b):
        blad.tekst(4, kolom, caption(b, jaar), "begrotingsjaar" if jaar == b.begrotingsjaar else "kop")
    aard = _aard_column(b)
    if aard:
        blad.tekst(4, aard, "S/I", "kop")
    placed: dict = {}
    r = (_spec_order if b.koppen else _by_soort)(blad, b, w, values, placed, 5)
    _out_row(blad, b, r, "Saldo van baten en lasten", w["saldo_bl"], values["saldo_bl"], "totaal", SALDO)
    _out_row(blad, b, r + 1, "Saldo na mutaties reserves", w["saldo"], values["saldo"], "totaal", SALDO)
    if aard:
        _aard_cells(blad, b, placed, aard)
        _structural_saldo(blad, b, values, placed, r + 2)
    blad.breedtes["A"] = 52
    for jaar, kolom in _columns(b):
        blad.breedtes[col(kolom)] = max(14, len(caption(b, jaar)) + 3)
    if aard:
        blad.breedtes[col(aard)] = 6
    blad.bevriezen = "B5"
    return blad


BLOCKS = (("baten", "Baten"), ("lasten", "Lasten"), ("toevoeging", "Toevoegingen aan reserves"),
          ("onttrekking", "Onttrekkingen aan reserves"))


def _by_soort(blad, b, w, values, placed, r) -> int:
    """Blocks per soort (baten, lasten, reserves), each with its total, then the subtotals."""
    for soort, label in BLOCKS:
        names = w[("namen", soort)]
        if not names:
            continue
        blad.tekst(r, 1, label, "kop")
        r += 1
        for naam in names:
            _out_row(blad, b, r, naam, w[("afgerond", naam)], values[naam], "berekening")
            placed[naam] = r
            r += 1
        _out_row(blad, b, r, f"Totaal {label.lower()}", w[("totaal", soort)], values[soort], "totaal")
        r += 2
    subtotals = [regel for regel in b.exploitatie if regel.soort == "subtotaal"]
    if subtotals:
        blad.tekst(r, 1, "Subtotalen", "kop")
        r += 1
        for regel in subtotals:
            _out_row(blad, b, r, regel.naam, w[("afgerond", regel.naam)], values[regel.naam], "berekening")
            r += 1
        r += 1
    return r


def _spec_order(blad, b, w, values, placed, r) -> int:
    """The lines as the GR publishes them: in the spec's order under its headings ({kop: ...}),
    subtotals where they stand, then the totals per soort."""
    koppen: dict = {}
    for kop in b.koppen:
        koppen.setdefault(kop.voor, []).append(kop.tekst)
    for i, regel in enumerate((*b.exploitatie, None)):
        for j, tekst in enumerate(koppen.get(i, ())):
            r += 1 if r > 5 and j == 0 else 0
            blad.tekst(r, 1, tekst, "kop")
            r += 1
        if regel is None:
            break
        stijl = "totaal" if regel.soort == "subtotaal" else "berekening"
        _out_row(blad, b, r, regel.naam, w[("afgerond", regel.naam)], values[regel.naam], stijl)
        placed[regel.naam] = r
        r += 1
    r += 1
    for soort, label in BLOCKS:
        if w[("namen", soort)]:
            _out_row(blad, b, r, f"Totaal {label.lower()}", w[("totaal", soort)], values[soort], "totaal")
            r += 1
    return r + 1


def _aard_column(b: Begroting) -> int | None:
    """The S/I column right of the years, when some line is incidenteel (as GRs publish)."""
    if not any(regel.aard == "incidenteel" for regel in b.exploitatie if regel.soort != "subtotaal"):
        return None
    return _columns(b)[-1][1] + 1


def _aard_cells(blad, b, placed, kolom) -> None:
    """S or I per line, linked to the line's aard on the Exploitatie sheet."""
    k_aard, ex = col(kenmerk_columns(b)[1]), layout_exploitatie(b)
    for regel in b.exploitatie:
        if regel.soort == "subtotaal" or regel.naam not in placed:
            continue
        src = f"{EX}!{k_aard}{ex[('regel', regel.naam)]}"
        blad.zet(placed[regel.naam], kolom, f'=IF({src}="incidenteel","I","S")', "koppeling",
                 verwacht="I" if regel.aard == "incidenteel" else "S")


SIGNS = {"baten": "+", "lasten": "-", "onttrekking": "+", "toevoeging": "-"}


def _structural_saldo(blad, b, values, placed, r) -> None:
    """The structural saldo (BBV: structureel begrotingssaldo) from the printed S lines."""
    lines = [regel for regel in b.exploitatie
             if regel.soort in SIGNS and regel.aard == "structureel" and regel.naam in placed]
    blad.tekst(r, 1, "waarvan structureel saldo", "totaal")
    for jaar, kolom in _columns(b):
        c = col(kolom)
        terms = "".join(f"{SIGNS[regel.soort]}{c}{placed[regel.naam]}" for regel in lines) or "+0"
        value = sum((1 if SIGNS[regel.soort] == "+" else -1) * values[regel.naam][jaar] for regel in lines)
        blad.zet(r, kolom, "=" + terms.lstrip("+"), "totaal", SALDO, value)


def _columns(b: Begroting) -> list[tuple[int, int]]:
    return [(jaar, kolom - 3) for jaar, kolom in year_columns(b.jaren)]  # years from column B


def _out_row(blad, b, r, label, source_row, values, stijl, fmt=AFGEROND) -> None:
    blad.tekst(r, 1, label, "totaal" if stijl == "totaal" else None)
    for (jaar, kolom), (_j, source) in zip(_columns(b), year_columns(b.jaren), strict=True):
        blad.zet(r, kolom, f"={EX}!{col(source)}{source_row}", stijl, fmt, values[jaar])

