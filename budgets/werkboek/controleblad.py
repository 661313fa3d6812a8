"""The Controles sheet (every check per year, rolled into one master check), the
Voorblad that shows the master check, and the Inhoud with links to every sheet."""

from datetime import datetime

from budgets.excel.formaten import DATUM_LANG
from budgets.spec import secties as S
from budgets.spec.model import Begroting
from budgets.werkboek.bbv_bladen import bbv_checks
from budgets.werkboek.exploitatie import EX
from budgets.werkboek.invoer import TOLERANTIE
from budgets.werkboek.plan import Blad, _label, col, header_row, standard_widths, year_columns
from budgets.werkboek.product import BIJ, PB
from budgets.werkboek.verdeling import VD

CT, VB, IH = "Controles", "Voorblad", "Inhoud"
FIRST = 6
MASTER = "$D$4"


def _checks(b: Begroting, res, pos: dict, L: dict) -> list[tuple]:
    """(label, formula template with {c} for the year column[, the core's verdict per
    year when it is not simply WAAR]) of every check."""
    tol = pos[("vast", "tolerantie")]
    checks = []
    for p in b.producten:
        cells = [
            f"{S.BLAD}!{{c}}{pos[('volume', i)]}"
            for i, v in enumerate(b.volumes, start=1)
            if v.product == p.naam
        ]
        total = f"{PB}!{{c}}{L[PB][('totaal', p.naam)]}"
        checks.append(
            (
                f"Volumes {p.naam}: gemeenten samen = invoer",
                f"=ABS({total}-({'+'.join(cells) or '0'}))<={tol}",
            )
        )
    for k in b.verdeelsleutels:
        checks.append(
            (
                f"Verdeelsleutel {k.naam}: aandelen samen = 1",
                f"=ABS({VD}!{{c}}{L[VD][('aandeel_totaal', k.naam)]}-1)<={tol}",
            )
        )
    if b.bbv.balans is not None:
        checks += [(label, f"={test}<={tol}") for label, test in bbv_checks(b, L)]
    ex = L[EX]
    bt, lt, ot, tt = (f"{EX}!{{c}}{ex[s]}" for s in ("baten", "lasten", "onttrekking", "toevoeging"))
    checks.append(("Saldo = baten − lasten + onttrekkingen − toevoegingen",
                   f"=ABS({EX}!{{c}}{ex['saldo']}-({bt}-{lt}+{ot}-{tt}))<={tol}"))
    if BIJ in L:
        per_gemeente, per_product = L[BIJ][("excl", "totaal")], L[BIJ][("per_product", "totaal")]
        checks.append(("Bijdragen: per gemeente = per product",
                       f"=ABS({BIJ}!{{c}}{per_gemeente}-{BIJ}!{{c}}{per_product})<={tol}"))
    if not b.verdeelt_saldo:
        return checks
    return checks + [
        (
            "Saldoverdeling: gemeenten samen = te verdelen bedrag",
            f"=ABS({VD}!{{c}}{L[VD]['deel_totaal']}-{EX}!{{c}}{ex['gemeenten']})<={tol}",
        ),
        ("Resultaat na bestemming is nul", f"=ABS({EX}!{{c}}{ex['na_bestemming']})<={tol}"),
        (
            "Algemene reserve niet onder het minimum",
            f"={EX}!{{c}}{ex['eind']}>={EX}!{{c}}{ex['minimum']}-{tol}",
            lambda y: res.reserve_eind[y] >= res.reserve_minimum - TOLERANTIE,
        ),
    ]


def verdicts(b: Begroting, res, pos: dict, L: dict) -> list[dict]:
    """The core's verdict per check and year: the checks hold by the core's construction,
    except the reserve's minimum, which the spec's figures decide."""
    checks = _checks(b, res, pos, L)
    return [{y: (check[2](y) if len(check) > 2 else True) for y in b.jaren} for check in checks]


def layout_controles(b: Begroting, pos: dict, L: dict) -> dict:
    count = len(_checks(b, None, pos, L))  # the core's results are only read by the verdicts
    return {"eerste": FIRST, "laatste": FIRST + count - 1}


def build_controles(b: Begroting, res, pos: dict, L: dict) -> Blad:
    blad, rows = Blad(CT), L[CT]
    blad.tekst(1, 1, f"Controles – {b.naam}", "titel")
    header_row(blad, 3, b.jaren, pos[("algemeen", "van")], labels=("Controle", "Eenheid", "", "Alle jaren"))
    _label(blad, 4, "Mastercontrole: alle controles in orde", "waar/onwaar", "totaal")
    found = verdicts(b, res, pos, L)
    blad.zet(4, 4, f"=AND(D{rows['eerste']}:D{rows['laatste']})", "controle",
             verwacht=master_verdict(b, res, pos, L))
    last = col(4 + len(b.jaren))
    for i, check in enumerate(_checks(b, res, pos, L)):
        r, label, template = FIRST + i, check[0], check[1]
        _label(blad, r, label, "waar/onwaar")
        for jaar, kolom in year_columns(b.jaren):
            blad.zet(r, kolom, template.format(c=col(kolom)), "controle", verwacht=found[i][jaar])
        blad.zet(r, 4, f"=AND(E{r}:{last}{r})", "controle", verwacht=all(found[i].values()))
    standard_widths(blad, b.jaren, label=56)
    blad.bevriezen = "E4"
    return blad


def master_verdict(b: Begroting, res, pos: dict, L: dict) -> bool:
    """The core's value of the mastercontrole."""
    return all(all(v.values()) for v in verdicts(b, res, pos, L))


TITELS = {"concept": "Conceptbegroting", "ontwerp": "Ontwerpbegroting", "vastgesteld": "Begroting"}


def document_title(b: Begroting) -> str:
    """"Ontwerpbegroting 2023 – Werkom": the kind of document (from the status), year and name."""
    return f"{TITELS.get(b.status, 'Begroting')} {b.begrotingsjaar} – {b.naam}"


def _title_formula(pos: dict) -> str:
    status, jaar, naam = (pos[("algemeen", k)] for k in ("status", "begrotingsjaar", "naam"))
    kinds = "".join(f'IF({status}="{s}","{t}",' for s, t in list(TITELS.items())[:-1])
    closing = ")" * (len(TITELS) - 1)
    return f'={kinds}"{TITELS["vastgesteld"]}"{closing}&" "&{jaar}&" – "&{naam}'


def build_voorblad(b: Begroting, pos: dict, master: bool = True) -> Blad:
    """The title page of the board pack: title, the GR, status, version, date, master check."""
    blad = Blad(VB, soort="uitvoer", staand=True)
    blad.zet(4, 1, _title_formula(pos), "titel", verwacht=document_title(b))
    blad.tekst(6, 1, f"met de meerjarenraming {b.jaren[0]}–{b.jaren[-1]}", "toelichting")
    moment = datetime(b.datum.year, b.datum.month, b.datum.day)
    facts = (
        ("Gemeenschappelijke regeling", "naam", b.naam, None),
        ("Begrotingsjaar", "begrotingsjaar", b.begrotingsjaar, "0"),
        ("Status", "status", b.status, None),
        ("Versie", "versie", b.versie, None),
        ("Datum", "datum", moment, DATUM_LANG),
    )
    for i, (label, field, value, fmt) in enumerate(facts):
        blad.tekst(9 + i, 1, label)
        blad.zet(9 + i, 2, f"={pos[('algemeen', field)]}", "koppeling", fmt, verwacht=value)
    r = 9 + len(facts) + 1
    blad.tekst(r, 1, "Alle controles in orde", "kop")
    blad.zet(r, 2, f"={CT}!{MASTER}", "controle", verwacht=master)
    notes = (
        f"Overzichten: {'bedragen × € 1.000' if b.presentatie.eenheid == 1000 else 'bedragen in euro’s'}. "
        "Bijdragen: + = de gemeente betaalt, − = de gemeente ontvangt.",
        "Alle bedragen zijn formules die terugvoeren naar de uitgangspunten van de begroting.",
    )
    for i, note in enumerate(notes):
        blad.tekst(r + 3 + i, 1, note, "toelichting")
    blad.breedtes.update({"A": 34, "B": 52})
    return blad


def fingerprint_row(blad: Blad, rows: dict, vingerafdruk: str) -> None:
    """The SHA-256 of the uitgangspunten, below the checks (the colophon of the workbook)."""
    r = rows["laatste"] + 2
    blad.tekst(r, 1, "Vingerafdruk van de uitgangspunten (SHA-256)")
    blad.tekst(r, 2, vingerafdruk)


SHEET_TEXTS = (
    ("Voorblad", "Titelblad: status, versie, datum en de mastercontrole", "uitvoer"),
    ("Inhoud", "Deze inhoudsopgave", "uitvoer"),
    ("In één oogopslag", "Het belangrijkste op één bladzijde: saldo, en waar de regeling die heeft reserve, "
     "weerstandsratio, bijdragen en risico's", "uitvoer"),
    ("Overzicht baten en lasten", "Baten en lasten zoals het bestuur ze vaststelt", "uitvoer"),
    ("Raadsoverzicht", "Voor de raad van één gemeente: bijdrage per product, doorbelastingen, aandeel "
     "in het saldo", "uitvoer"),
    (
        "Uitgangspunten",
        "Alle invoer: deelnemers, producten, normprijzen, volumes, sleutels, exploitatie, risico's",
        "invoer",
    ),
    ("Doelgroepontwikkeling", "Volumes uit een projectie: begin, uit- en instroom, eind en fte per jaar",
     "berekening"),
    ("Productbegroting", "Volume × normprijs per product per jaar", "berekening"),
    ("Bijdragen", "Bijdrage per gemeente per product en per jaar", "berekening"),
    ("Verdeling", "Verdeelsleutels en de verdeling van het saldo", "berekening"),
    ("Exploitatie", "Baten en lasten, saldo en algemene reserve (exacte bedragen)", "berekening"),
    ("Weerstandsvermogen", "Risico's, benodigde en beschikbare capaciteit, ratio en klasse", "berekening"),
    ("Kengetallen", "Structurele exploitatieruimte; met een balans ook netto schuldquote, solvabiliteit en "
     "signaalwaarden", "berekening"),
    ("Kengetallen (overzicht)", "De kengetallen en hun signaalwaarde per jaar", "uitvoer"),
    ("Balansmutaties", "Investeringen, kapitaallasten, voorzieningen, leningen en kasstroom", "berekening"),
    ("Balans", "Geprognosticeerde balans (begin en einde van elk jaar)", "uitvoer"),
    ("EMU-saldo", "EMU-saldo in de vijf regels van het BBV", "uitvoer"),
    ("Reserves en voorzieningen", "Staat van reserves en voorzieningen (begin, mutaties, eind)", "uitvoer"),
    ("Taakvelden", "Lasten en baten per taakveld (Iv3)", "berekening"),
    ("Incidentele baten en lasten", "Incidentele baten en lasten en het structurele saldo", "uitvoer"),
    ("Paragrafen", "Weerstandsvermogen en risicobeheersing, financiering (Wet fido) en overige paragrafen",
     "uitvoer"),
    ("Controles", "Alle controles per jaar en de mastercontrole", "berekening"),
    ("Grafieken", "Saldo en reserve over de jaren; bijdrage per gemeente per product", "uitvoer"),
)
SOORTEN = {
    "uitvoer": "Voor bestuur en raden",
    "invoer": "Invoer (controller)",
    "berekening": "Berekening (controller)",
}


def build_inhoud(b: Begroting, namen: list[str] | None = None) -> Blad:
    """The contents with a link to every sheet and whether the board reads it (output)
    or the controller works in it (input, calculation)."""
    blad = Blad(IH, soort="uitvoer")
    blad.tekst(1, 1, f"Inhoud – {b.naam}", "titel")
    for i, label in enumerate(("Blad", "Inhoud", "Soort blad"), start=1):
        blad.tekst(3, i, label, "kop")
    rows = [row for t in SHEET_TEXTS for row in _expanded(t, namen)]
    for i, (name, text, soort) in enumerate(rows):
        blad.tekst(4 + i, 1, name)
        blad.koppelingen[f"A{4 + i}"] = f"'{name}'!A1"
        blad.tekst(4 + i, 2, text)
        blad.tekst(4 + i, 3, SOORTEN[soort])
    blad.breedtes.update({"A": 28, "B": 80, "C": 26})
    blad.staand = False
    return blad


def _expanded(text: tuple, namen: list[str] | None) -> list[tuple]:
    """The Inhoud rows of one SHEET_TEXTS entry: "Raadsoverzicht" stands for every sheet
    "Raadsoverzicht <gemeente>"."""
    if text[0] == "Raadsoverzicht":
        return [(n, *text[1:]) for n in namen or () if _is_raadsoverzicht(n)]
    return [text] if namen is None or text[0] in namen else []


def _is_raadsoverzicht(name: str) -> bool:
    return name.startswith(("Raadsoverzicht ", "Raad "))


def sheet_kind(name: str) -> str:
    """uitvoer, invoer or berekening, as the Inhoud lists it."""
    if _is_raadsoverzicht(name):
        return "uitvoer"
    return next((soort for n, _t, soort in SHEET_TEXTS if n == name), "berekening")
