"""The Weerstandsvermogen sheet (risks, simulated benodigde capaciteit, beschikbare
capaciteit, ratio and klasse) and the Kengetallen sheet."""

from budgets.excel.formaten import EURO, EURO_CENT, FRACTIE, PROCENT
from budgets.spec import secties as S
from budgets.spec.model import Begroting
from budgets.spec.resultaten import Resultaten
from budgets.werkboek.exploitatie import EX, kenmerk_columns
from budgets.werkboek.plan import Blad, _label, col, header_row, line, ref, standard_widths, year_columns

WV, KG = "Weerstandsvermogen", "Kengetallen"
FIRST = 5
YEAR_ROWS = ("jaar_kop", "reserve", "onvoorzien", "beschikbaar", "benodigd", "ratio", "klasse")


def layout_weerstand(b: Begroting) -> dict:
    rows, r = {"risico_kop": FIRST}, FIRST + 1
    for i in range(1, len(b.risicos) + 1):
        rows[("risico", i)] = r
        r += 1
    rows["risico_totaal"] = r
    r += 2
    for name in ("mc_kop", "mc"):
        rows[name] = r
        r += 1
    r += 1
    for name in YEAR_ROWS:
        rows[name] = r
        r += 1
    return rows


def build_weerstand(b: Begroting, res: Resultaten, pos: dict, L: dict) -> Blad:
    blad, rows = Blad(WV), L[WV]
    blad.tekst(1, 1, f"Weerstandsvermogen en risicobeheersing – {b.naam}", "titel")
    _risks(blad, b, pos, rows)
    _simulation(blad, b, pos, rows)
    _years(blad, b, res, pos, L, rows)
    standard_widths(blad, b.jaren)
    blad.bevriezen = "A4"
    return blad


def _risks(blad: Blad, b: Begroting, pos: dict, rows: dict) -> None:
    for i, label in enumerate(
        ("Risico", "Kans", "Impact minimum", "Impact maximum", "Kans × maximum", "Speelt in"), start=1
    ):
        blad.tekst(rows["risico_kop"], i, label, "kop")
    for i, risk in enumerate(b.risicos, start=1):
        r, u = rows[("risico", i)], pos[("risico", i)]
        blad.tekst(r, 1, risk.naam)
        blad.zet(r, 2, f"={ref(S.BLAD, f'$B${u}')}", "koppeling", FRACTIE, risk.kans)
        blad.zet(r, 3, f"={ref(S.BLAD, f'$C${u}')}", "koppeling", EURO, risk.minimum)
        blad.zet(r, 4, f"={ref(S.BLAD, f'$D${u}')}", "koppeling", EURO, risk.maximum)
        blad.zet(r, 5, f"=B{r}*D{r}", "berekening", EURO, risk.kans * risk.maximum)
        blad.tekst(r, 6, ", ".join(str(j) for j in risk.jaren) if risk.jaren else "elk jaar")
    t = rows["risico_totaal"]
    blad.tekst(t, 1, "Totaal", "totaal")
    if b.risicos:
        first, last = rows[("risico", 1)], t - 1
        blad.zet(t, 4, f"=SUM(D{first}:D{last})", "totaal", EURO, sum(r.maximum for r in b.risicos))
        blad.zet(t, 5, f"=SUM(E{first}:E{last})", "totaal", EURO, sum(r.kans * r.maximum for r in b.risicos))


def _simulation(blad: Blad, b: Begroting, pos: dict, rows: dict) -> None:
    """The simulation's settings; its result per year is a value in the year rows."""
    labels = ("Benodigde weerstandscapaciteit", "", "Zekerheid", "Trekkingen", "Startwaarde", "Herkomst")
    for i, label in enumerate(labels, start=1):
        if label:
            blad.tekst(rows["mc_kop"], i, label, "kop")
    r = rows["mc"]
    blad.tekst(r, 1, "Monte Carlo-simulatie van de risico's van elk jaar")
    sim = b.simulatie
    for kolom, name, value, fmt in (
        (3, "zekerheid", sim.zekerheid, PROCENT),
        (4, "trekkingen", sim.trekkingen, "#,##0"),
        (5, "startwaarde", sim.startwaarde, "0"),
    ):
        blad.zet(r, kolom, f"={pos[('simulatie', name)]}", "koppeling", fmt, value)
    blad.tekst(r, 6, "per jaar berekend door 'begroting genereer' over de risico's die in dat jaar "
               "spelen, met dezelfde startwaarde (waarde, geen formule)", "toelichting")


def _needed(blad: Blad, b: Begroting, res: Resultaten, r: int) -> None:
    """The simulated benodigde capaciteit per year: the core's value, not a formula."""
    _label(blad, r, "Benodigde weerstandscapaciteit (simulatie)", "EUR")
    for jaar, kolom in year_columns(b.jaren):
        blad.zet(r, kolom, res.benodigd[jaar], "berekend", EURO_CENT, verwacht=res.benodigd[jaar])


def _years(blad: Blad, b: Begroting, res: Resultaten, pos: dict, L: dict, rows: dict) -> None:
    """Beschikbare and benodigde capacity per year, the ratio and its class."""
    header_row(blad, rows["jaar_kop"], b.jaren, pos[("algemeen", "van")])
    _needed(blad, b, res, rows["benodigd"])
    for name, label, formula, expected, stijl in _year_rows(b, res, pos, L, rows):
        unit = {"ratio": "ratio", "klasse": "klasse"}.get(name, "EUR")
        line(blad, b, rows[name], label, unit, formula, lambda y, e=expected: e[y], stijl,
             "0.00" if name == "ratio" else EURO, total=False)


def _year_rows(b: Begroting, res: Resultaten, pos: dict, L: dict, rows: dict) -> list[tuple]:
    reserve = (lambda c: f"={EX}!{c}{L[EX]['begin']}") if b.reserve else (lambda c: "=0")
    onvoorzien = (lambda c: f"={pos[('reserve', 'onvoorzien')]}") if b.reserve else (lambda c: "=0")
    ratio, needed, available = rows["ratio"], rows["benodigd"], rows["beschikbaar"]
    klassen, grenzen, laagste = (pos[("vast", k)] for k in ("klassen", "grenzen", "laagste"))
    return [
        ("reserve", "Algemene reserve begin jaar" if b.reserve else "Algemene reserve (de GR heeft er geen)",
         reserve, res.reserve_begin, "koppeling"),
        ("onvoorzien", "Post onvoorzien", onvoorzien,
         dict.fromkeys(b.jaren, b.reserve.onvoorzien if b.reserve else 0.0), "koppeling"),
        ("beschikbaar", "Beschikbare weerstandscapaciteit",
         lambda c: f"={c}{rows['reserve']}+{c}{rows['onvoorzien']}", res.beschikbaar, "totaal"),
        ("ratio", "Ratio weerstandsvermogen", lambda c: f'=IF({c}{needed}>0,{c}{available}/{c}{needed},"")',
         {y: "" if v is None else v for y, v in res.ratio.items()}, "totaal"),
        ("klasse", "Klasse (NAR-schaal)",
         lambda c: f'=IF({c}{ratio}="","",IFERROR(INDEX({klassen},MATCH({c}{ratio},{grenzen},1)),{laagste}))',
         {y: v or "" for y, v in res.klasse.items()}, "totaal"),
    ]


def layout_kengetallen(b: Begroting) -> dict:
    names = ("kop", "baten_s", "lasten_s", "onttrekking_s", "toevoeging_s", "baten", "ruimte")
    return {name: FIRST + i for i, name in enumerate(names)}


def build_kengetallen(b: Begroting, res: Resultaten, pos: dict, L: dict) -> Blad:
    blad, rows, ex = Blad(KG), L[KG], L[EX]
    blad.tekst(1, 1, f"Kengetallen (BBV) – {b.naam}", "titel")
    header_row(blad, 3, b.jaren, pos[("algemeen", "van")])
    k_soort, k_aard = kenmerk_columns(b)
    first, last = FIRST, ex["regels_laatste"]
    soort = f"{EX}!${col(k_soort)}${first}:${col(k_soort)}${last}"
    aard = f"{EX}!${col(k_aard)}${first}:${col(k_aard)}${last}"
    _label(blad, rows["kop"], "Structurele exploitatieruimte = ((B − A) + (D − C)) / E", "", "kop")
    for letter, s in (("B", "baten"), ("A", "lasten"), ("D", "onttrekking"), ("C", "toevoeging")):
        line(blad, b, rows[f"{s}_s"], f"{letter}: structurele {s}", "EUR",
             lambda c, s=s: f'=SUMIFS({EX}!{c}${first}:{c}${last},{soort},"{s}",{aard},"structureel")',
             lambda y, s=s: res.structureel[s][y])
    r = rows["baten"]
    line(blad, b, r, "E: totale baten", "EUR", lambda c: f"={EX}!{c}{ex['baten']}",
         lambda y: res.totalen["baten"][y], "koppeling")
    rb, ra, rd, rc = (rows[k] for k in ("baten_s", "lasten_s", "onttrekking_s", "toevoeging_s"))
    line(blad, b, rows["ruimte"], "Structurele exploitatieruimte", "%",
         lambda c: f'=IF({c}{r}=0,"",(({c}{rb}-{c}{ra})+({c}{rd}-{c}{rc}))/{c}{r})',
         lambda y: "" if res.structurele_ruimte[y] is None else res.structurele_ruimte[y], "totaal", PROCENT,
         total=False)
    standard_widths(blad, b.jaren)
    blad.bevriezen = "E4"
    return blad
