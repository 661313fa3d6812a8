"""The Balansmutaties sheet (investments and their kapitaallasten, voorzieningen, leningen,
the kasstroom and the kasgeldpositie), the geprognosticeerde Balans and the EMU-saldo
(docs/bbv.md). Only for a spec with a balans.

The financing gap lands in one place: the kasgeldpositie (liquide middelen minus
kortlopende financiering), shown as liquide middelen when positive and as kortlopende
financiering when negative.
"""

from budgets.excel.formaten import AANTAL, EURO
from budgets.spec import secties as S
from budgets.spec.bbv_kern import euros
from budgets.werkboek.exploitatie import EX
from budgets.werkboek.plan import Blad, _label, col, header_row, line, ref, standard_widths, year_columns
from budgets.werkboek.plan import prev as _prev
from pyfuncs.balans import POSTEN, compute_cash_flow

BM, BA, EMU = "Balansmutaties", "Balans", "EMU-saldo"
FIRST = 5
INV_ROWS = (
    "kop",
    "k_begin",
    "k_eind",
    "cum_begin",
    "cum_eind",
    "bw_begin",
    "investering",
    "afschrijving",
    "rente",
    "bw_eind",
)
TOTAL_ROWS = (
    "tot_kop",
    "investeringen",
    "afschr_nieuw",
    "afschr_bestaand",
    "afschrijvingen",
    "rente",
    "kapitaallasten",
    "dotaties",
    "onttrekkingen",
    "nieuwe_leningen",
    "aflossingen",
    "kas_kop",
    "saldo_bl",
    "vorig_resultaat",
    "kasstroom",
    "kasgeld",
)
CONSTANT = (
    "immateriele_vaste_activa",
    "kapitaalverstrekkingen",
    "verstrekte_leningen",
    "langlopende_uitzettingen",
    "voorraden",
    "uitzettingen_korter_dan_een_jaar",
    "overlopende_activa",
    "overige_vlottende_schulden",
    "overlopende_passiva",
)


def layout_balansmutaties(b) -> dict:
    rows, r = {}, FIRST
    for i in range(1, len(b.bbv.investeringen) + 1):
        for name in INV_ROWS:
            rows[(name, i)] = r
            r += 1
        r += 1
    for name in TOTAL_ROWS:
        rows[name] = r
        r += 1 if name != "aflossingen" else 2
    return rows


def layout_balans(b) -> dict:
    rows, r = {"activa_kop": FIRST}, FIRST + 1
    for name, kant, _label_text, _art in POSTEN:
        if kant == "passiva" and "passiva_kop" not in rows:
            rows["activa"], r = r, r + 2
            rows["passiva_kop"], r = r, r + 1
        rows[name], r = r, r + 1
    rows["passiva"] = r
    rows["eigen_vermogen"] = r + 2
    return rows


def _investment(blad, b, res, pos, rows, i: int, inv) -> None:
    u, cents = pos[("investering", i)], pos[("vast", "decimalen")]
    cell = {
        name: ref(S.BLAD, f"${col(S.trailing_column(k, b.jaren))}${u}") for name, k in S.INVESTERINGEN.items()
    }
    j, a, t, m, rt = (cell[k] for k in ("jaar", "bedrag", "afschrijvingstermijn", "methode", "rente"))
    data = res.bbv.investeringen[i - 1]
    r = {name: rows[(name, i)] for name in INV_ROWS}
    _label(blad, r["kop"], f"Investering: {inv.naam} ({inv.methode}, {inv.termijn} jaar)", "", "kop")

    def cum(k: str) -> str:
        return (
            f'=IF(OR({m}="lineair",{rt}=0),ROUND({a}*{{c}}{r[k]}/{t},{cents}),'
            f"ROUND({a}*((1+{rt})^{{c}}{r[k]}-1)/((1+{rt})^{t}-1),{cents}))"
        )

    specs = (
        (
            "k_begin",
            "Verstreken afschrijvingsjaren begin jaar",
            "jaren",
            f"=MAX(0,MIN({t},{{c}}$3-{j}-1))",
            lambda y: max(0, min(inv.termijn, y - inv.jaar - 1)),
            AANTAL,
        ),
        (
            "k_eind",
            "Verstreken afschrijvingsjaren einde jaar",
            "jaren",
            f"=MAX(0,MIN({t},{{c}}$3-{j}))",
            lambda y: max(0, min(inv.termijn, y - inv.jaar)),
            AANTAL,
        ),
        (
            "cum_begin",
            "Cumulatieve afschrijving begin jaar",
            "EUR",
            cum("k_begin"),
            lambda y: euros(sum(data[x][2] for x in b.jaren if x < y)),
            EURO,
        ),
        (
            "cum_eind",
            "Cumulatieve afschrijving einde jaar",
            "EUR",
            cum("k_eind"),
            lambda y: euros(sum(data[x][2] for x in b.jaren if x <= y)),
            EURO,
        ),
        (
            "bw_begin",
            "Boekwaarde begin jaar",
            "EUR",
            f"=IF({{c}}$3>{j},{a},0)-{{c}}{r['cum_begin']}",
            lambda y: euros(data[y][0]),
            EURO,
        ),
        ("investering", "Investering", "EUR", f"=IF({{c}}$3={j},{a},0)", lambda y: euros(data[y][1]), EURO),
        (
            "afschrijving",
            "Afschrijving",
            "EUR",
            f"={{c}}{r['cum_eind']}-{{c}}{r['cum_begin']}",
            lambda y: euros(data[y][2]),
            EURO,
        ),
        (
            "rente",
            "Rente (omslagrente over de boekwaarde begin jaar)",
            "EUR",
            f"=ROUND({rt}*{{c}}{r['bw_begin']},{cents})",
            lambda y: euros(data[y][3]),
            EURO,
        ),
        (
            "bw_eind",
            "Boekwaarde einde jaar",
            "EUR",
            f"={{c}}{r['bw_begin']}+{{c}}{r['investering']}-{{c}}{r['afschrijving']}",
            lambda y: euros(data[y][4]),
            EURO,
        ),
    )
    for name, label, unit, template, expected, fmt in specs:
        line(
            blad,
            b,
            r[name],
            label,
            unit,
            lambda c, t_=template: t_.format(c=c),
            expected,
            "totaal" if name == "bw_eind" else "berekening",
            fmt,
            total=False,
        )


def build_balansmutaties(b, res, pos, L) -> Blad:
    blad, rows, x = Blad(BM), L[BM], res.bbv
    blad.tekst(
        1, 1, f"Balansmutaties: investeringen, voorzieningen, leningen en kasstroom – {b.naam}", "titel"
    )
    header_row(blad, 3, b.jaren, pos[("algemeen", "van")])
    for i, inv in enumerate(b.bbv.investeringen, start=1):
        _investment(blad, b, res, pos, rows, i, inv)
    n = range(1, len(b.bbv.investeringen) + 1)

    def total(name: str) -> str:
        return "+".join(f"{{c}}{rows[(name, i)]}" for i in n) or "0"

    def inputs(keys) -> str:
        return "+".join(f"{ref(S.BLAD, '{c}')}{pos[k]}" for k in keys) or "0"

    m = x.mutaties
    dot = [("voorziening", v.naam, "dotaties") for v in b.bbv.voorzieningen]
    ont = [("voorziening", v.naam, "onttrekkingen") for v in b.bbv.voorzieningen]
    bm = {k: pos[("balansmutatie", k)] for k in ("afschrijvingen", "aflossingen", "nieuwe_leningen")}
    eind = L[BA]["resultaat"]
    new = {y: euros(sum(rows_[y][2] for rows_ in x.investeringen)) for y in b.jaren}
    rente = {y: euros(sum(rows_[y][3] for rows_ in x.investeringen)) for y in b.jaren}
    r = rows
    specs = (
        ("investeringen", "Investeringen", total("investering"), lambda y: euros(m[y].investeringen)),
        ("afschr_nieuw", "Afschrijvingen nieuwe investeringen", total("afschrijving"), new.get),
        (
            "afschr_bestaand",
            "Afschrijvingen bestaande activa",
            f"={ref(S.BLAD, '{c}')}{bm['afschrijvingen']}",
            lambda y: euros(m[y].afschrijvingen) - new[y],
        ),
        (
            "afschrijvingen",
            "Afschrijvingen totaal",
            f"={{c}}{r['afschr_nieuw']}+{{c}}{r['afschr_bestaand']}",
            lambda y: euros(m[y].afschrijvingen),
        ),
        ("rente", "Rente investeringen (omslagrente)", total("rente"), rente.get),
        (
            "kapitaallasten",
            "Kapitaallasten (naar de exploitatie)",
            f"={{c}}{r['afschrijvingen']}+{{c}}{r['rente']}",
            lambda y: euros(x.kapitaallasten[y]),
        ),
        (
            "dotaties",
            "Dotaties voorzieningen (naar de exploitatie)",
            inputs(dot),
            lambda y: euros(m[y].dotaties_voorzieningen),
        ),
        (
            "onttrekkingen",
            "Onttrekkingen voorzieningen",
            inputs(ont),
            lambda y: euros(m[y].onttrekkingen_voorzieningen),
        ),
        (
            "nieuwe_leningen",
            "Nieuwe vaste leningen",
            f"={ref(S.BLAD, '{c}')}{bm['nieuwe_leningen']}",
            lambda y: euros(m[y].nieuwe_leningen),
        ),
        (
            "aflossingen",
            "Aflossingen vaste schulden",
            f"={ref(S.BLAD, '{c}')}{bm['aflossingen']}",
            lambda y: euros(m[y].aflossingen),
        ),
        (
            "saldo_bl",
            "Saldo vóór reservemutaties (saldo in centen + toevoegingen − onttrekkingen)",
            f"={EX}!{{c}}{L[EX]['saldo']}+{EX}!{{c}}{L[EX]['toevoeging']}-{EX}!{{c}}{L[EX]['onttrekking']}",
            lambda y: euros(m[y].saldo),
        ),
        (
            "vorig_resultaat",
            "Resultaat vorig jaar, verrekend met de deelnemers",
            f"={BA}!{{p}}{eind}",
            lambda y: euros(m[y].vorig_resultaat_uitgekeerd),
        ),
        (
            "kasstroom",
            "Kasstroom (saldo + afschrijvingen + dotaties − onttrekkingen − investeringen "
            "+ leningen − aflossingen − verrekening)",
            f"={{c}}{r['saldo_bl']}+{{c}}{r['afschrijvingen']}+{{c}}{r['dotaties']}-{{c}}{r['onttrekkingen']}"
            f"-{{c}}{r['investeringen']}+{{c}}{r['nieuwe_leningen']}-{{c}}{r['aflossingen']}"
            f"-{{c}}{r['vorig_resultaat']}",
            lambda y: _cash(x, y),
        ),
        (
            "kasgeld",
            "Kasgeldpositie einde jaar (+ liquide middelen, − kortlopende financiering)",
            f"={BA}!{{p}}{L[BA]['liquide_middelen']}-{BA}!{{p}}{L[BA]['kortlopende_financiering']}"
            f"+{{c}}{r['kasstroom']}",
            lambda y: euros(x.balans_eind[y].liquide_middelen - x.balans_eind[y].kortlopende_financiering),
        ),
    )
    _label(blad, rows["tot_kop"], "Totalen", "", "kop")
    _label(blad, rows["kas_kop"], "Kasstroom en financieringsbehoefte", "", "kop")
    for name, label, template, expected in specs:
        formula = template if template.startswith("=") else f"={template}"
        line(
            blad,
            b,
            rows[name],
            label,
            "EUR",
            lambda c, t=formula: t.format(c=c, p=_prev(c)),
            expected,
            "totaal" if name in ("kapitaallasten", "kasgeld") else "berekening",
            EURO,
            total=False,
        )
    standard_widths(blad, b.jaren, label=58)
    blad.bevriezen = "E4"
    return blad


def _cash(x, y: int) -> float:
    return euros(compute_cash_flow(x.mutaties[y]))


def _balance_formula(name: str, b, pos, L) -> str:
    """The formula of one balance line at the end of a year ({c} this year, {p} the previous)."""
    bm, ex = L[BM], L[EX]
    formulas = {
        "materiele_vaste_activa": (
            f"={{p}}{{r}}+{BM}!{{c}}{bm['investeringen']}-{BM}!{{c}}{bm['afschrijvingen']}"
        ),
        "liquide_middelen": f"=MAX({BM}!{{c}}{bm['kasgeld']},0)",
        "kortlopende_financiering": f"=MAX(-{BM}!{{c}}{bm['kasgeld']},0)",
        "algemene_reserve": f"={EX}!{{c}}{ex['eind']}",
        "bestemmingsreserves": f"={{p}}{{r}}+{EX}!{{c}}{ex['toevoeging']}-{EX}!{{c}}{ex['onttrekking']}",
        "resultaat": f"={EX}!{{c}}{ex['saldo']}-{EX}!{{c}}{ex['mutatie']}",
        "voorzieningen": f"={{p}}{{r}}+{BM}!{{c}}{bm['dotaties']}-{BM}!{{c}}{bm['onttrekkingen']}",
        "vaste_schulden": f"={{p}}{{r}}+{BM}!{{c}}{bm['nieuwe_leningen']}-{BM}!{{c}}{bm['aflossingen']}",
    }
    return formulas.get(name, "={p}{r}")


def _opening_formula(name: str, pos) -> str:
    if name == "algemene_reserve":
        return f"=ROUND({pos[('reserve', 'stand_begin')]},{pos[('vast', 'decimalen')]})"
    return f"={pos[('balans', name)]}"


def balance_header(blad, b, rij: int, eerste: str) -> None:
    """Captions: the opening date in D, 31 December of each year from E (begrotingsjaar marked)."""
    blad.tekst(rij, 1, "Balanspost", "kop")
    blad.tekst(rij, 2, "BBV", "kop")
    blad.tekst(rij, 3, "", "kop")
    blad.tekst(rij, 4, f"1 januari {b.jaren[0]}", "kop")
    for jaar, kolom in year_columns(b.jaren):
        stijl = "begrotingsjaar" if jaar == b.begrotingsjaar else "kop"
        blad.tekst(rij, kolom, f"31 december {jaar}", stijl)


def build_balans(b, res, pos, L) -> Blad:
    blad, rows, x = Blad(BA, soort="uitvoer"), L[BA], res.bbv
    blad.tekst(1, 1, f"Geprognosticeerde balans – {b.naam} (bedragen in euro's)", "titel")
    balance_header(blad, b, 4, pos[("algemeen", "van")])
    _label(blad, rows["activa_kop"], "Activa", "", "kop")
    _label(blad, rows["passiva_kop"], "Passiva", "", "kop")
    for name, _kant, label, artikel in POSTEN:
        r = rows[name]
        blad.tekst(r, 1, label)
        blad.tekst(r, 2, artikel)
        blad.zet(r, 4, _opening_formula(name, pos), "koppeling", EURO, euros(getattr(x.begin, name)))
        template = _balance_formula(name, b, pos, L)
        for jaar, kolom in year_columns(b.jaren):
            c = col(kolom)
            blad.zet(
                r,
                kolom,
                template.format(c=c, p=col(kolom - 1), r=r),
                "berekening",
                EURO,
                euros(getattr(x.balans_eind[jaar], name)),
            )
    for kant in ("activa", "passiva"):
        first = rows[f"{kant}_kop"] + 1
        _totals_row(
            blad,
            b,
            rows[kant],
            f"Totaal {kant}",
            f"=SUM({{c}}{first}:{{c}}{rows[kant] - 1})",
            x,
            lambda bal, k=kant: bal.total(k),
        )
    ev = [rows[n] for n in ("algemene_reserve", "bestemmingsreserves", "resultaat")]
    _totals_row(
        blad,
        b,
        rows["eigen_vermogen"],
        "Eigen vermogen (reserves en resultaat, BBV art. 42)",
        "=" + "+".join(f"{{c}}{r}" for r in ev),
        x,
        lambda bal: bal.eigen_vermogen,
    )
    note = rows["eigen_vermogen"] + 2
    blad.tekst(
        note,
        1,
        "Het financieringstekort landt in de kortlopende financiering, een overschot in de "
        "liquide middelen (blad Balansmutaties, kasgeldpositie).",
        "toelichting",
    )
    blad.tekst(
        note + 1,
        1,
        "Het resultaat van een jaar wordt het jaar erna met de deelnemers verrekend.",
        "toelichting",
    )
    blad.breedtes.update({"A": 50, "B": 9, "C": 2, "D": 16})
    for _jaar, kolom in year_columns(b.jaren):
        blad.breedtes[col(kolom)] = 17
    blad.bevriezen = "E5"
    blad.staand = False
    return blad


def _totals_row(blad, b, r: int, label: str, template: str, x, value) -> None:
    _label(blad, r, label, "", "totaal")
    blad.tekst(r, 2, "", "totaal")
    blad.zet(r, 4, template.format(c="D"), "totaal", EURO, euros(value(x.begin)))
    for jaar, kolom in year_columns(b.jaren):
        blad.zet(r, kolom, template.format(c=col(kolom)), "totaal", EURO, euros(value(x.balans_eind[jaar])))


EMU_ROWS = ("saldo", "vaste_activa", "voorzieningen", "voorraden", "emu")


def layout_emu(b) -> dict:
    return {name: 6 + i for i, name in enumerate(EMU_ROWS)}


def build_emu(b, res, pos, L) -> Blad:
    blad, rows, x, ba = Blad(EMU, soort="uitvoer"), L[EMU], res.bbv, L[BA]
    blad.tekst(1, 1, f"EMU-saldo – {b.naam} (bedragen in euro's; + is een overschot)", "titel")
    header_row(blad, 3, b.jaren, pos[("algemeen", "van")], labels=("Omschrijving", "", "", ""))
    for jaar, kolom in year_columns(b.jaren):
        blad.tekst(
            4,
            kolom,
            f"{'Begroting' if jaar <= b.begrotingsjaar else 'Raming'} {jaar}",
            "begrotingsjaar" if jaar == b.begrotingsjaar else "kop",
        )

    def growth(*names: str) -> str:
        return "=" + "+".join(f"{BA}!{{c}}{ba[n]}-{BA}!{{p}}{ba[n]}" for n in names)

    posten = {y: x.emu[y][0] for y in b.jaren}
    specs = (
        (
            "saldo",
            "1. Exploitatiesaldo vóór toevoeging aan c.q. onttrekking uit reserves",
            f"={BM}!{{c}}{L[BM]['saldo_bl']}",
            "exploitatiesaldo",
        ),
        (
            "vaste_activa",
            "2. Mutatie (im)materiële vaste activa",
            growth("immateriele_vaste_activa", "materiele_vaste_activa"),
            "mutatie_vaste_activa",
        ),
        ("voorzieningen", "3. Mutatie voorzieningen", growth("voorzieningen"), "mutatie_voorzieningen"),
        (
            "voorraden",
            "4. Mutatie voorraden (incl. bouwgronden in exploitatie)",
            growth("voorraden"),
            "mutatie_voorraden",
        ),
    )
    for name, label, template, field in specs:
        line(
            blad,
            b,
            rows[name],
            label,
            "EUR",
            lambda c, t=template: t.format(c=c, p=_prev(c)),
            lambda y, f=field: euros(getattr(posten[y], f)),
            "berekening",
            EURO,
            total=False,
        )
    r = rows
    line(
        blad,
        b,
        rows["emu"],
        "EMU-saldo (1 − 2 + 3 − 4)",
        "EUR",
        lambda c: f"={c}{r['saldo']}-{c}{r['vaste_activa']}+{c}{r['voorzieningen']}-{c}{r['voorraden']}",
        lambda y: euros(x.emu[y][1]),
        "totaal",
        EURO,
        total=False,
    )
    blad.tekst(
        rows["emu"] + 2,
        1,
        "Regel 5 (verwachte boekwinst bij verkoop van vaste activa) is nul: de spec kent geen verkopen.",
        "toelichting",
    )
    standard_widths(blad, b.jaren, label=66)
    blad.breedtes.update({"B": 6, "C": 2, "D": 2})
    blad.bevriezen = "E5"
    return blad
