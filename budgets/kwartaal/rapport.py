"""Writing the kwartaalrapportage workbook: Samenvatting (the board's two minutes),
Producten, Exploitatie, Wijzigingen, and for the controller Voorblad (sources, thresholds,
checks) and Meldingen. Writers format; the numbers come from the model (inputs) or are
live formulas carrying the core's value as their cached result."""

from pathlib import Path

from budgets.excel.rapportblad import (
    Werkmap,
    letters,
    new_workbook,
    print_setup,
    put,
    put_text,
    set_width,
    write_header,
    write_row,
)
from budgets.kwartaal.kolommen import FIRST_ROW, line_columns, product_columns
from budgets.kwartaal.model import Kwartaalrapport, Rij
from budgets.kwartaal.samenvatting import display_unit, summary_sheet, unit_text

MARKER = "Kwartaalrapportage"
SHEETS = ("Producten", "Exploitatie")
LAST = "$10000"


def _table(sheet, title: str, columns, rows: list[Rij], unit: str) -> tuple[dict, int]:
    put_text(sheet, 1, 2, title, "titel")
    put_text(sheet, 2, 2, f"{unit}; baten en lasten positief; verschil = realisatie − begroot; "
             "prognose jaar = realisatie plus de rest van de begroting. Typ toelichtingen in de "
             "gele kolom Toelichting.", "toelichting")
    write_header(sheet, columns, FIRST_ROW - 2)
    sheet.hoogtes[FIRST_ROW - 2] = 40
    where = letters(columns)
    for offset, rij in enumerate(rows):
        kind = "totaal" if rij.niveau in ("producttotaal", "totaal") else None
        write_row(sheet, columns, FIRST_ROW + offset, rij, where, kind)
    print_setup(sheet, title, freeze=f"D{FIRST_ROW}")
    return where, FIRST_ROW + len(rows)


def _sum_kind(where: dict, key: str, r: int, kind: str, soort: str | None = None) -> str:
    col = where[key]
    extra = f",$F${FIRST_ROW}:$F{LAST},\"{soort}\"" if soort else ""
    return f"=SUMIFS({col}${FIRST_ROW}:{col}{LAST},$D${FIRST_ROW}:$D{LAST},\"{kind}\"{extra})"


def _overwrite_totals(sheet, where: dict, r: int, rij: Rij, first_total: int) -> None:
    """Exploitatie totals: sums of the lines by soort; the saldo is baten − lasten."""
    cached = {"prim": rij.primitief, "wijz": rij.wijziging, "rtm": rij.realisatie_tm,
              "btm": rij.begroot_tm}
    for key in ("prim", "wijz", "rtm", "btm"):
        if rij.sleutel == "totaal|saldo":
            col = where[key]
            value = f"={col}{first_total}-{col}{first_total + 1}"
        else:
            value = _sum_kind(where, key, r, "regel", rij.soort)
        put(sheet, r, list(where).index(key) + 1, value, "totaal", "euro", cached[key])
    for q in range(1, 5):
        put(sheet, r, list(where).index(f"k{q}") + 1, None, "totaal", "getal")


def _voorblad(book: Werkmap, rapport: Kwartaalrapport) -> None:
    sheet = book.create_sheet("Voorblad")
    put_text(sheet, 1, 1, MARKER, "titel")
    info = [("Regeling", rapport.basis.naam), ("Begrotingsjaar", rapport.basis.jaar),
            ("Kwartaal", rapport.kwartaal)]
    info += [(label, str(value)) for label, value in rapport.bronnen.items()]
    for i, (label, value) in enumerate(info, start=3):
        put_text(sheet, i, 1, label)
        if isinstance(value, int):
            put(sheet, i, 2, value, "invoer", "algemeen")
        else:
            put_text(sheet, i, 2, value, "invoer")
    put_text(sheet, 13, 1, "Drempels voor een toelichting", "titel")
    for c, head in enumerate(("Niveau", "Bedrag", "Percentage", "En/of", "Regel"), start=1):
        put_text(sheet, 14, c, head, "kop")
    for i, (niveau, drempel) in enumerate(rapport.drempels.items(), start=15):
        put_text(sheet, i, 1, niveau)
        put(sheet, i, 2, drempel.bedrag, "invoer", "euro")
        put(sheet, i, 3, drempel.pct, "invoer", "pct")
        put_text(sheet, i, 4, drempel.combinatie, "invoer")
        put_text(sheet, i, 5, drempel.tekst, "invoer")
    for col, width in (("A", 44), ("B", 60), ("C", 11), ("D", 7), ("E", 28)):
        set_width(sheet, col, width)


def _checks(book: Werkmap, ends: dict, wheres: dict, missing_count: int) -> None:
    sheet = book["Voorblad"]
    put_text(sheet, 19, 1, "Controles", "titel")
    p, e = wheres["Producten"], wheres["Exploitatie"]

    def col(where, key, sheet_name):
        return f"{sheet_name}!${where[key]}${FIRST_ROW}:${where[key]}{LAST}"

    def missing(where, name):
        return (f"SUMPRODUCT(({col(where, 'tl', name)}=TRUE)*({col(where, 'toel', name)}=\"\"))")

    checks = [
        ("Producttotalen = som van de gemeenten (realisatie)",
         f"=ROUND(SUMIFS({col(p, 'rtm', 'Producten')},Producten!$D${FIRST_ROW}:$D{LAST},"
         f"\"product\")-SUMIFS({col(p, 'rtm', 'Producten')},Producten!$D${FIRST_ROW}:$D{LAST},"
         f"\"producttotaal\"),2)=0"),
        ("Saldo = totaal baten − totaal lasten (realisatie)",
         f"=ROUND(Exploitatie!{e['rtm']}{ends['Exploitatie'] - 1}-(Exploitatie!{e['rtm']}"
         f"{ends['Exploitatie'] - 3}-Exploitatie!{e['rtm']}{ends['Exploitatie'] - 2}),2)=0"),
    ]
    for i, (label, formula) in enumerate(checks, start=20):
        put_text(sheet, i, 1, label)
        put(sheet, i, 2, formula, "controle", "algemeen", True)
    put_text(sheet, 22, 1, "Alle controles in orde")
    put(sheet, 22, 2, "=AND(B20:B21)", "controle", "algemeen", True)
    put_text(sheet, 23, 1, "Rijen waarvan de vereiste toelichting ontbreekt")
    put(sheet, 23, 2, f"={missing(p, 'Producten')}+{missing(e, 'Exploitatie')}", "controle",
        "algemeen", missing_count)


def _wijzigingen(book: Werkmap, rapport: Kwartaalrapport) -> None:
    sheet = book.create_sheet("Wijzigingen")
    basis = rapport.basis
    put_text(sheet, 1, 1, "Begrotingswijzigingen", "titel")
    put_text(sheet, 2, 1, f"Meegeteld in de begroting na wijziging: de wijzigingen besloten op of "
             f"voor de peildatum {_date(basis.peildatum)}; latere staan er wel, maar tellen niet "
             "mee.", "toelichting")
    heads = ("Nummer", "Datum", "Besluit", "Omschrijving", "Regel of product", "Gemeente",
             "Bedrag of volume", "Meegeteld")
    for c, head in enumerate(heads, start=1):
        put_text(sheet, 3, c, head, "kop")
    r = 4
    for w, counted in [(w, True) for w in basis.wijzigingen] + [(w, False) for w in basis.na_peildatum]:
        items = [(name, "", amount, "euro") for name, amount in w.regels.items()]
        items += [(p, g, amount, "getal") for (p, g), amount in w.volumes.items()]
        for name, gemeente, amount, fmt in items:
            for c, text in enumerate((w.nummer, _date(w.datum), w.besluit, w.omschrijving, name,
                                      gemeente), start=1):
                put_text(sheet, r, c, text)
            put(sheet, r, 7, amount, "invoer", fmt)
            put_text(sheet, r, 8, "ja" if counted else "nee: na de peildatum")
            r += 1
    for c, width in zip("ABCDEFGH", (9, 15, 42, 36, 30, 11, 14, 18), strict=True):
        set_width(sheet, c, width)
    print_setup(sheet, "Begrotingswijzigingen", freeze="A4")


MAANDEN = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december")


def _date(day) -> str:
    """1 juni 2023 (Dutch, whatever the machine's locale)."""
    return "" if day is None else f"{day.day} {MAANDEN[day.month - 1]} {day.year}"


def _meldingen(book: Werkmap, rapport: Kwartaalrapport) -> None:
    sheet = book.create_sheet("Meldingen")
    put_text(sheet, 1, 1, "Meldingen bij het inlezen", "titel")
    m = rapport.meldingen
    put_text(sheet, 2, 1, f"{m.aantal_onplaatsbaar} regel(s) niet geplaatst, "
             f"{m.aantal_dubbel} exact dubbele regel(s) (maximaal 200 per soort getoond)")
    for c, head in enumerate(("Soort", "Bestand", "Plaats", "Waarde", "Reden"), start=1):
        put_text(sheet, 4, c, head, "kop")
    rows = [("niet geplaatst", x) for x in m.onplaatsbaar] + [("dubbel", x) for x in m.dubbel]
    rows += [("toelichting zonder rij", _Stale(k, v)) for k, v in
             rapport.vervallen_toelichtingen.items()]
    for r, (soort, x) in enumerate(rows, start=5):
        for c, text in enumerate((soort, x.bestand, x.plaats, x.waarde, x.reden), start=1):
            put_text(sheet, r, c, text)
    for c, width in zip("ABCDE", (20, 40, 12, 30, 60), strict=True):
        set_width(sheet, c, width)
    print_setup(sheet, "Meldingen", freeze="A5")


class _Stale:
    def __init__(self, key: str, text: str):
        self.bestand, self.plaats, self.waarde = "vorig rapport", key, text
        self.reden = "deze rij bestaat niet meer; de toelichting is hier bewaard"


PRINTED = ("Samenvatting", "Producten", "Exploitatie", "Wijzigingen")


def write_report(rapport: Kwartaalrapport, path: Path, board_pack: bool = False) -> None:
    """Write the whole workbook to path (the caller makes it atomic); board_pack hides the
    controller's sheets (Voorblad, Meldingen) for printing."""
    unit = display_unit(rapport.basis)
    book = new_workbook(unit)
    summary_sheet(book.create_sheet("Samenvatting"), rapport, _date)
    products = [r for r in rapport.rijen if r.niveau in ("product", "producttotaal")]
    products.append(next(r for r in rapport.rijen if r.sleutel == "totaal|producten"))
    lines = [r for r in rapport.rijen if r.niveau == "regel" or
             (r.niveau == "totaal" and r.sleutel != "totaal|producten")]
    wheres, ends = {}, {}
    sheet = book.create_sheet("Producten")
    wheres["Producten"], ends["Producten"] = _table(
        sheet, f"Producten per gemeente — kwartaal {rapport.kwartaal}", product_columns(), products,
        unit_text(unit))
    _product_grand_total(sheet, wheres["Producten"], ends["Producten"] - 1, products)
    sheet = book.create_sheet("Exploitatie")
    wheres["Exploitatie"], ends["Exploitatie"] = _table(
        sheet, f"Exploitatie — kwartaal {rapport.kwartaal}", line_columns(), lines, unit_text(unit))
    for r in range(ends["Exploitatie"] - 3, ends["Exploitatie"]):
        _overwrite_totals(sheet, wheres["Exploitatie"], r, lines[r - FIRST_ROW],
                          ends["Exploitatie"] - 3)
    _wijzigingen(book, rapport)
    _voorblad(book, rapport)
    _checks(book, ends, wheres, len(rapport.ontbrekend))
    _meldingen(book, rapport)
    print_setup(book["Voorblad"], MARKER)
    book.titel = MARKER
    book.onderwerp = f"{rapport.basis.naam} {rapport.basis.jaar} K{rapport.kwartaal}"
    book.save(path, PRINTED if board_pack else None)


def _product_grand_total(sheet, where: dict, r: int, products: list[Rij]) -> None:
    totals = [p for p in products if p.niveau == "producttotaal"]
    grand = products[-1]

    def effect(name):
        return sum(getattr(m.effecten, name) for t in totals for m in t.onderdelen if m.effecten)

    cached = {"prim": grand.primitief, "wijz": grand.wijziging, "rtm": grand.realisatie_tm,
              "btm": grand.begroot_tm, "ve": effect("volume"), "pe": effect("prijs")}
    for key in ("prim", "wijz", "rtm", "btm", "ve", "pe"):
        put(sheet, r, list(where).index(key) + 1, _sum_kind(where, key, r, "producttotaal"),
            "totaal", "euro", cached[key])
    for key in ("kp", "vp", "vw", "bv", "wv", "k1", "k2", "k3", "k4"):
        put(sheet, r, list(where).index(key) + 1, None, "totaal", "getal")
