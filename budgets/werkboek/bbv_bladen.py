"""The BBV kengetallen (on the Kengetallen sheet), the staat van Reserves en voorzieningen,
the Taakvelden, the Incidentele baten en lasten and the Paragrafen (docs/bbv.md)."""

import textwrap

from budgets.excel.formaten import EURO, PROCENT
from budgets.spec import secties as S
from budgets.spec.bbv import PARAGRAFEN, RESULTAAT_TAAKVELD, TAAKVELDEN
from budgets.spec.bbv_kern import euros, taakveld_totals
from budgets.werkboek.balans import BA, BM
from budgets.werkboek.exploitatie import EX
from budgets.werkboek.plan import Blad, _label, col, header_row, line, prev, ref, standard_widths
from budgets.werkboek.weerstand import KG, WV
from pyfuncs.kengetallen import SIGNAALWAARDEN

RV, TV, IB, PG = "Reserves en voorzieningen", "Taakvelden", "Incidentele baten en lasten", "Paragrafen"
KG_FIRST = 14
# (row, label, balance lines added, balance lines subtracted)
SCHULD = (
    ("a", "A: vaste schulden", ("vaste_schulden",), ()),
    ("b", "B: netto vlottende schulden", ("kortlopende_financiering", "overige_vlottende_schulden"), ()),
    ("c", "C: overlopende passiva", ("overlopende_passiva",), ()),
    ("d", "D: financiële activa (uitzettingen ≥ 1 jaar)", ("langlopende_uitzettingen",), ()),
    ("d2", "D': verstrekte leningen (alleen gecorrigeerde quote)", ("verstrekte_leningen",), ()),
    ("e", "E: uitzettingen < 1 jaar", ("uitzettingen_korter_dan_een_jaar",), ()),
    ("f", "F: liquide middelen", ("liquide_middelen",), ()),
    ("g", "G: overlopende activa", ("overlopende_activa",), ()),
    ("ev", "Eigen vermogen", ("algemene_reserve", "bestemmingsreserves", "resultaat"), ()),
    ("bt", "Balanstotaal", (), ()),
)
RATIOS = (
    "netto_schuldquote",
    "netto_schuldquote_gecorrigeerd",
    "solvabiliteitsratio",
    "structurele_exploitatieruimte",
)
LABELS = {
    "netto_schuldquote": "Netto schuldquote = (A + B + C − D − E − F − G) / H",
    "netto_schuldquote_gecorrigeerd": "Netto schuldquote gecorrigeerd voor alle verstrekte leningen",
    "solvabiliteitsratio": "Solvabiliteitsratio = eigen vermogen / balanstotaal",
    "structurele_exploitatieruimte": "Structurele exploitatieruimte",
}


def layout_kengetallen_bbv(b) -> dict:
    names = ("kop", *(k for k, *_ in SCHULD), "h", *RATIOS, "klasse_kop", *(f"klasse_{k}" for k in RATIOS))
    return {name: KG_FIRST + i for i, name in enumerate(names)}


def extend_kengetallen(blad: Blad, b, res, pos, L) -> None:
    """The netto schuldquotes, the solvabiliteitsratio and the signaalwaarde of all four."""
    rows, ba, x = L["kengetallen_bbv"], L[BA], res.bbv
    _label(blad, rows["kop"], "Kengetallen uit de geprognosticeerde balans (einde jaar)", "", "kop")
    for key, label, names, _min in SCHULD:
        names = names or ()
        src = "+".join(f"{BA}!{{c}}{ba[n]}" for n in names) if names else f"{BA}!{{c}}{ba['passiva']}"
        line(
            blad,
            b,
            rows[key],
            label,
            "EUR",
            lambda c, t=src: "=" + t.format(c=c),
            lambda y, n=names: euros(
                sum(getattr(x.balans_eind[y], k) for k in n) if n else x.balans_eind[y].passiva
            ),
            "koppeling",
            EURO,
            total=False,
        )
    line(
        blad,
        b,
        rows["h"],
        "H: totale baten (exclusief mutaties reserves)",
        "EUR",
        lambda c: f"={EX}!{c}{L[EX]['baten']}",
        lambda y: res.totalen["baten"][y],
        "koppeling",
        EURO,
        total=False,
    )
    r = {k: rows[k] for k in rows}
    debt = "+".join(f"{{c}}{r[k]}" for k in "abc") + "".join(f"-{{c}}{r[k]}" for k in "defg")
    formulas = {
        "netto_schuldquote": f"=({debt})/{{c}}{r['h']}",
        "netto_schuldquote_gecorrigeerd": f"=({debt}-{{c}}{r['d2']})/{{c}}{r['h']}",
        "solvabiliteitsratio": f"={{c}}{r['ev']}/{{c}}{r['bt']}",
        "structurele_exploitatieruimte": f"={KG}!{{c}}{L[KG]['ruimte']}",
    }
    for name in RATIOS:
        line(
            blad,
            b,
            rows[name],
            LABELS[name],
            "%",
            lambda c, t=formulas[name]: t.format(c=c),
            lambda y, n=name: getattr(x.kengetallen[y], n),
            "totaal",
            PROCENT,
            total=False,
        )
    _label(
        blad, rows["klasse_kop"], "Signaalwaarde (provinciaal toezicht): A minst, C meest risico", "", "kop"
    )
    for name in RATIOS:
        line(
            blad,
            b,
            rows[f"klasse_{name}"],
            f"Categorie {LABELS[name].split(' = ')[0].lower()}",
            "categorie",
            lambda c, n=name: "=" + signal_class(f"{c}{rows[n]}", pos, n),
            lambda y, n=name: x.klassen[y][n],
            "totaal",
            None,
            total=False,
        )


def signal_class(waarde: str, pos, kengetal: str) -> str:
    """The signaalwaarde category A/B/C of a kengetal's value (bounds belong to B)."""
    a, c, cats = pos[("vast", kengetal, "a")], pos[("vast", kengetal, "c")], pos[("vast", "categorieen")]
    if SIGNAALWAARDEN[kengetal].richting == "laag":
        return f"INDEX({cats},1+({waarde}>={a})+({waarde}>{c}))"
    return f"INDEX({cats},1+({waarde}<={a})+({waarde}<{c}))"


def _corkscrew(blad, spec, r: int, naam: str, begin: str, plus: str, minus: str, rows_core, labels) -> int:
    """Four rows (begin, toevoeging, onttrekking, eind) of one reserve or voorziening;
    spec is (begroting, the input cell of the first year)."""
    (b, first), eind = spec, r + 4
    _label(blad, r, naam, "", "kop")
    formulas = (
        f"=IF({{c}}$3={first},{begin},{{p}}{eind})",
        plus,
        minus,
        f"={{c}}{r + 1}+{{c}}{r + 2}-{{c}}{r + 3}",
    )
    for i, (label, formula, veld) in enumerate(
        zip(labels, formulas, ("begin", "toevoeging", "onttrekking", "eind"), strict=True), start=1
    ):
        by_year = {row.jaar: euros(getattr(row, veld)) for row in rows_core}
        line(
            blad,
            b,
            r + i,
            label,
            "EUR",
            lambda c, t=formula: t.format(c=c, p=prev(c)),
            by_year.get,
            "totaal" if veld == "eind" else "berekening",
            EURO,
            total=False,
        )
    return r + 6


def build_reserves(b, res, pos, L) -> Blad:
    blad, ex, x = Blad(RV, soort="uitvoer"), L[EX], res.bbv
    blad.tekst(1, 1, f"Staat van reserves en voorzieningen – {b.naam} (bedragen in euro's)", "titel")
    header_row(blad, 3, b.jaren, pos[("algemeen", "van")], labels=("Omschrijving", "Eenheid", "", ""))
    cents = pos[("vast", "decimalen")]
    labels = ("Stand begin jaar", "Toevoeging", "Onttrekking", "Stand einde jaar")
    r = 5
    r = _corkscrew(
        blad,
        (b, pos[("algemeen", "van")]),
        r,
        "Algemene reserve",
        f"{EX}!{{c}}{ex['begin']}",
        f"={EX}!{{c}}{ex['dotatie_ar']}",
        f"={EX}!{{c}}{ex['onttrekking_ar']}",
        x.reserves[0],
        labels,
    )
    for reserve, rows_core in zip(b.bbv.reserves, x.reserves[1:], strict=True):

        def cells(soort: str, naam=reserve.naam) -> str:
            found = [
                f"{EX}!{{c}}{ex[('regel', item.naam)]}"
                for item in b.exploitatie
                if item.soort == soort and item.reserve == naam
            ]
            return "=" + ("+".join(found) or "0")

        u = pos[("bestemmingsreserve", reserve.naam)]
        begin = f"ROUND({ref(S.BLAD, f'$C${u}')},{cents})"
        r = _corkscrew(
            blad,
            (b, pos[("algemeen", "van")]),
            r,
            f"Bestemmingsreserve {reserve.naam}",
            begin,
            cells("toevoeging"),
            cells("onttrekking"),
            rows_core,
            labels,
        )
    dot = ("Stand begin jaar", "Dotatie", "Onttrekking (uitgaven en vrijval)", "Stand einde jaar")
    for v, rows_core in zip(b.bbv.voorzieningen, x.voorzieningen, strict=True):
        d, o = (pos[("voorziening", v.naam, s)] for s in ("dotaties", "onttrekkingen"))
        begin = f"ROUND({ref(S.BLAD, f'$C${d}')},{cents})"
        r = _corkscrew(
            blad,
            (b, pos[("algemeen", "van")]),
            r,
            f"Voorziening {v.naam}",
            begin,
            f"={ref(S.BLAD, '{c}')}{d}",
            f"={ref(S.BLAD, '{c}')}{o}",
            rows_core,
            dot,
        )
    L[RV] = {"laatste": r}
    standard_widths(blad, b.jaren, label=52)
    blad.breedtes.update({"C": 2, "D": 2})
    blad.bevriezen = "E4"
    return blad


def layout_taakvelden(b) -> dict:
    codes = [c for c in TAAKVELDEN if c == RESULTAAT_TAAKVELD or any(r.taakveld == c for r in b.exploitatie)]
    rows, r = {"codes": codes}, 5
    for code in codes:
        rows[("lasten", code)], rows[("baten", code)] = r, r + 1
        r += 2
    rows["lasten"], rows["baten"] = r + 1, r + 2
    return rows


def build_taakvelden(b, res, pos, L) -> Blad:
    blad, rows, ex = Blad(TV), L[TV], L[EX]
    blad.tekst(1, 1, f"Lasten en baten per taakveld (Iv3) – {b.naam}", "titel")
    header_row(blad, 3, b.jaren, pos[("algemeen", "van")])
    totals = taakveld_totals(b, res)
    saldo = f"{EX}!{{c}}{ex['saldo']}"
    for code in rows["codes"]:
        for side, soorten, extra in (
            ("lasten", ("lasten", "toevoeging"), f"MAX({saldo},0)"),
            ("baten", ("baten", "onttrekking"), f"MAX(-{saldo},0)"),
        ):
            terms = [
                f"{EX}!{{c}}{ex[('regel', r.naam)]}"
                for r in b.exploitatie
                if r.taakveld == code and r.soort in soorten
            ]
            if code == RESULTAAT_TAAKVELD:
                terms.append(extra)
            line(
                blad,
                b,
                rows[(side, code)],
                f"{code} {TAAKVELDEN[code]}: {side}",
                "EUR",
                _formula("+".join(terms) or "0"),
                lambda y, s=side, k=code: totals[y].get(k, (0, 0))[s == "baten"],
                "berekening",
                EURO,
            )
    for side in ("lasten", "baten"):
        cells = "+".join(f"{{c}}{rows[(side, code)]}" for code in rows["codes"])
        line(
            blad,
            b,
            rows[side],
            f"Totaal {side} (incl. reservemutaties en resultaat)",
            "EUR",
            lambda c, t=cells: "=" + t.format(c=c),
            lambda y, s=side: sum(v[s == "baten"] for v in totals[y].values()),
            "totaal",
            EURO,
        )
    blad.tekst(
        rows["baten"] + 2,
        1,
        f"Het saldo na geplande reservemutaties staat op taakveld {RESULTAAT_TAAKVELD} "
        "(een overschot bij de lasten, een tekort bij de baten).",
        "toelichting",
    )
    standard_widths(blad, b.jaren, label=60)
    blad.bevriezen = "E4"
    return blad


def _formula(template: str):
    """A year formula from a template with {c}."""
    return lambda c: "=" + template.format(c=c)


def taakveld_checks(b, L) -> list[tuple]:
    """Controles: the taakvelden add up to the exploitatie, lasten equal baten."""
    tv, ex, tol = L[TV], L[EX], None
    del tol
    saldo = f"{EX}!{{c}}{ex['saldo']}"
    return [
        (
            "Taakvelden: lasten = lasten + toevoegingen + overschot exploitatie",
            f"ABS({TV}!{{c}}{tv['lasten']}-({EX}!{{c}}{ex['lasten']}+{EX}!{{c}}{ex['toevoeging']}+MAX({saldo},0)))",
        ),
        (
            "Taakvelden: baten = baten + onttrekkingen + tekort exploitatie",
            f"ABS({TV}!{{c}}{tv['baten']}-({EX}!{{c}}{ex['baten']}+{EX}!{{c}}{ex['onttrekking']}+MAX(-{saldo},0)))",
        ),
    ]


def layout_incidenteel(b) -> dict:
    rows, r = {}, 5
    for line_ in b.exploitatie:
        if line_.aard == "incidenteel" and line_.soort != "subtotaal":
            rows[("regel", line_.naam)] = r
            r += 1
    rows["saldo_incidenteel"], rows["saldo"], rows["structureel"] = r + 1, r + 2, r + 3
    return rows


def build_incidenteel(b, res, pos, L) -> Blad:
    blad, rows, ex = Blad(IB, soort="uitvoer"), L[IB], L[EX]
    blad.tekst(1, 1, f"Overzicht incidentele baten en lasten – {b.naam} (bedragen in euro's)", "titel")
    header_row(blad, 3, b.jaren, pos[("algemeen", "van")], labels=("Omschrijving", "Eenheid", "", ""))
    sign = {"baten": 1, "onttrekking": 1, "lasten": -1, "toevoeging": -1}
    terms = []
    for line_ in b.exploitatie:
        if ("regel", line_.naam) not in rows:
            continue
        r = rows[("regel", line_.naam)]
        line(
            blad,
            b,
            r,
            f"{line_.naam} ({line_.soort})",
            "EUR",
            lambda c, s=ex[("regel", line_.naam)]: f"={EX}!{c}{s}",
            lambda y, n=line_.naam: res.regels[n][y],
            "koppeling",
            EURO,
            total=False,
        )
        terms.append(("+" if sign[line_.soort] > 0 else "-") + f"{{c}}{r}")
    incidenteel = {
        y: sum(sign[i.soort] * res.regels[i.naam][y] for i in b.exploitatie if ("regel", i.naam) in rows)
        for y in b.jaren
    }
    formula = "=" + ("".join(terms).lstrip("+") or "0")
    line(
        blad,
        b,
        rows["saldo_incidenteel"],
        "Saldo incidentele baten en lasten (+ voordeel)",
        "EUR",
        lambda c: formula.format(c=c),
        incidenteel.get,
        "totaal",
        EURO,
        total=False,
    )
    line(
        blad,
        b,
        rows["saldo"],
        "Saldo na geplande mutaties reserves",
        "EUR",
        lambda c: f"={EX}!{c}{ex['saldo']}",
        res.saldo.get,
        "koppeling",
        EURO,
        total=False,
    )
    line(
        blad,
        b,
        rows["structureel"],
        "Structureel saldo (saldo min incidenteel)",
        "EUR",
        lambda c: f"={c}{rows['saldo']}-{c}{rows['saldo_incidenteel']}",
        lambda y: res.saldo[y] - incidenteel[y],
        "totaal",
        EURO,
        total=False,
    )
    standard_widths(blad, b.jaren, label=60)
    blad.breedtes.update({"C": 2, "D": 2})
    blad.bevriezen = "E4"
    return blad


def _paragraph(blad, r: int, text: str, width: int = 110) -> int:
    for part in textwrap.wrap(text, width) or ["(geen tekst in de spec: paragrafen in de uitgangspunten)"]:
        blad.tekst(r, 1, part)
        r += 1
    return r + 1


def build_paragrafen(b, res, pos, L) -> Blad:
    """The paragrafen: texts from the spec, beleid per risk, the ratio per year, Wet fido."""
    blad, x, wv = Blad(PG, soort="uitvoer"), res.bbv, L[WV]
    blad.tekst(1, 1, f"Paragrafen – {b.naam}", "titel")
    header_row(blad, 3, b.jaren, pos[("algemeen", "van")], labels=("Omschrijving", "", "", ""))
    r = 5
    for key, titel in PARAGRAFEN:
        blad.tekst(r, 1, titel, "kop")
        r = _paragraph(blad, r + 1, b.bbv.tekst(key))
        if key == "weerstandsvermogen":
            r = _weerstand(blad, b, res, r, wv)
        if key == "financiering":
            r = _fido(blad, b, x, pos, L, r)
    standard_widths(blad, b.jaren, label=60)
    blad.breedtes.update({"B": 4, "C": 2, "D": 2})
    blad.bevriezen = "A4"
    return blad


def _weerstand(blad, b, res, r: int, wv: dict) -> int:
    blad.tekst(r, 1, "Risico's: beleid en beheersmaatregelen", "kop")
    maatregelen = {m.risico: m for m in b.bbv.maatregelen}
    for risk in b.risicos:
        m = maatregelen.get(risk.naam)
        if m is None:
            continue
        blad.tekst(r + 1, 1, risk.naam, "totaal")
        blad.tekst(r + 2, 1, f"Beleid: {m.beleid or '(niet opgegeven)'}")
        blad.tekst(r + 3, 1, f"Beheersmaatregel: {m.beheersmaatregel or '(niet opgegeven)'}")
        r += 3
    zonder = [risk.naam for risk in b.risicos if risk.naam not in maatregelen]
    if zonder:
        tekst = "Geen beleid en beheersmaatregel in de spec voor: " + "; ".join(zonder) + "."
        r = _paragraph(blad, r + 1, tekst) - 1
    r += 2
    for name, label, fmt in (
        ("beschikbaar", "Beschikbare weerstandscapaciteit", EURO),
        ("benodigd", "Benodigde weerstandscapaciteit", EURO),
        ("ratio", "Ratio weerstandsvermogen", "0.00"),
    ):
        values = {
            "beschikbaar": res.beschikbaar,
            "benodigd": res.benodigd,
            "ratio": {y: "" if v is None else v for y, v in res.ratio.items()},
        }[name]
        line(
            blad,
            b,
            r,
            label,
            "",
            lambda c, n=name: f"={WV}!{c}{wv[n]}",
            values.get,
            "koppeling",
            fmt,
            total=False,
        )
        r += 1
    return r + 1


def _fido(blad, b, x, pos, L, r: int) -> int:
    u = pos[("balansmutatie", "begrotingstotaal")]
    herz, afl = pos[("balansmutatie", "renteherzieningen")], pos[("balansmutatie", "aflossingen")]
    cents, start = pos[("vast", "decimalen")], r
    given = f"{ref(S.BLAD, '{c}')}{u}"
    rows = {}
    specs = (
        (
            "totaal",
            "Begrotingstotaal (Wet fido)",
            f'=IF({given}="",{EX}!{{c}}{L[EX]["lasten"]},{given})',
            "begrotingstotaal",
        ),
        (
            "kasgeldlimiet",
            "Kasgeldlimiet",
            f"=MAX(ROUND({pos[('vast', 'kasgeldlimiet', 'pct')]}*{{c}}{{totaal}},{cents}),"
            f"{pos[('vast', 'kasgeldlimiet', 'min')]})",
            "kasgeldlimiet",
        ),
        (
            "norm",
            "Renterisiconorm",
            f"=MAX(ROUND({pos[('vast', 'renterisiconorm', 'pct')]}*{{c}}{{totaal}},{cents}),"
            f"{pos[('vast', 'renterisiconorm', 'min')]})",
            "renterisiconorm",
        ),
        (
            "risico",
            "Renterisico (aflossingen + renteherzieningen)",
            f"={ref(S.BLAD, '{c}')}{afl}+{ref(S.BLAD, '{c}')}{herz}",
            "renterisico",
        ),
        (
            "ruimte",
            "Ruimte onder de renterisiconorm (+) / overschrijding (−)",
            "={c}{norm}-{c}{risico}",
            None,
        ),
    )
    for i, (name, *_rest) in enumerate(specs):
        rows[name] = start + i
    for name, label, template, key in specs:

        def expected(y, k=key):
            f = x.fido[y]
            return euros(f[k]) if k else euros(f["renterisiconorm"] - f["renterisico"])

        line(
            blad,
            b,
            rows[name],
            label,
            "",
            lambda c, t=template: t.format(c=c, **{k: v for k, v in rows.items()}),
            expected,
            "totaal" if name in ("kasgeldlimiet", "norm") else "berekening",
            EURO,
            total=False,
        )
    return rows["ruimte"] + 2


def bbv_checks(b, L) -> list[tuple]:
    """(label, formula without "=" with {c}, the difference to test against the tolerance)."""
    ba = L[BA]
    return [
        ("Balans: activa = passiva", f"ABS({BA}!{{c}}{ba['activa']}-{BA}!{{c}}{ba['passiva']})"),
        *taakveld_checks(b, L),
    ]


__all__ = ["BM", "bbv_checks", "col"]
