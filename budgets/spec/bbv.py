"""The BBV parts of a spec (docs/bbv.md, docs/generator.md "BBV"): the opening balans,
investeringen, bestemmingsreserves, voorzieningen, Wet fido and the paragrafen, and the
taakveld of each exploitatie line.

All sections are optional; amounts in EUR as in the rest of the spec. The records are
immutable; `parse_bbv` reads them from the plain mapping and reports every error with
its YAML path.
"""

from dataclasses import dataclass, field

from budgets.spec.meldingen import (
    Meldingen,
    choice,
    get,
    integer,
    items,
    number,
    per_year,
    text,
    unknown_fields,
)
from pyfuncs.activa import METHODES
from pyfuncs.balans import POSTEN
from pyfuncs.fido import KASGELDLIMIET

# The Iv3 taakvelden of programmes 0 and 6 (docs/bbv.md, "Taakvelden"); other codes are refused.
TAAKVELDEN = {
    "0.1": "Bestuur",
    "0.2": "Burgerzaken",
    "0.3": "Beheer overige gebouwen en gronden",
    "0.4": "Overhead",
    "0.5": "Treasury",
    "0.8": "Overige baten en lasten",
    "0.9": "Vennootschapsbelasting (VpB)",
    "0.10": "Mutaties reserves",
    "0.11": "Resultaat van de rekening van baten en lasten",
    "6.1": "Samenkracht en burgerparticipatie",
    "6.2": "Toegang en eerstelijnsvoorzieningen",
    "6.3": "Inkomensregelingen",
    "6.4": "WSW en beschut werk",
    "6.5": "Arbeidsparticipatie",
    "6.6": "Maatwerkvoorzieningen (Wmo)",
}
RESERVE_TAAKVELD, RESULTAAT_TAAKVELD = "0.10", "0.8"
# name fragments → taakveld, first match wins; otherwise 6.4 (docs/generator.md, "Taakvelden").
STANDAARD_TAAKVELDEN = (
    (("re-integratie", "reintegratie", "participatie", "regulier extern"), "6.5"),
    (("overhead", "apparaat", "huisvesting", "bedrijfsvoering", "staf"), "0.4"),
    (("onvoorzien",), "0.8"),
    (("rente", "treasury"), "0.5"),
)
STANDAARD = "6.4"
PARAGRAFEN = (
    ("weerstandsvermogen", "Weerstandsvermogen en risicobeheersing"),
    ("financiering", "Financiering"),
    ("bedrijfsvoering", "Bedrijfsvoering"),
    ("verbonden_partijen", "Verbonden partijen"),
    ("onderhoud_kapitaalgoederen", "Onderhoud kapitaalgoederen"),
)
POSTEN_ZELF = tuple(name for name, *_ in POSTEN)
# the line that follows from reserve.stand_begin (bestemmingsreserves and voorzieningen
# follow from their lists when the spec gives them)
AFGELEID = ("algemene_reserve",)
MUTATIES = (
    ("afschrijvingen", "Afschrijvingen op de bestaande activa"),
    ("aflossingen", "Aflossingen vaste schulden"),
    ("nieuwe_leningen", "Nieuwe vaste leningen"),
    ("renteherzieningen", "Renteherzieningen vaste schulden"),
    ("begrotingstotaal", "Begrotingstotaal (Wet fido; leeg = totale lasten)"),
)
FIDOSOORTEN = tuple(KASGELDLIMIET)


@dataclass(frozen=True)
class Beginbalans:
    """The balans on 31 December before the first year (EUR per POSTEN line; the
    reserves and voorzieningen as the spec's lists and reserve.stand_begin give them),
    and what moves it besides the exploitatie: afschrijvingen on the existing activa,
    aflossingen, nieuwe_leningen, renteherzieningen ({jaar: EUR}), and the Wet fido
    begrotingstotaal per year (empty: the year's totale lasten)."""

    posten: dict
    afschrijvingen: dict = field(default_factory=dict)
    aflossingen: dict = field(default_factory=dict)
    nieuwe_leningen: dict = field(default_factory=dict)
    renteherzieningen: dict = field(default_factory=dict)
    begrotingstotaal: dict = field(default_factory=dict)


@dataclass(frozen=True)
class InvesteringSpec:
    """An investment: spent in `jaar` (EUR), depreciated over `termijn` years from the
    next year, lineair or annuitair, omslagrente `rente` as a fraction."""

    naam: str
    jaar: int
    bedrag: float
    termijn: int
    methode: str = "lineair"
    rente: float = 0.0
    toelichting: str = ""


@dataclass(frozen=True)
class Bestemmingsreserve:
    """A bestemmingsreserve: stand at the start of the first year (EUR). Its mutations are
    the exploitatie lines of soort toevoeging/onttrekking that name it (`reserve:`)."""

    naam: str
    begin: float
    toelichting: str = ""


@dataclass(frozen=True)
class Voorziening:
    """A voorziening: stand at the start (EUR), dotaties (a last in the exploitatie, line
    with bron: voorzieningen) and onttrekkingen (spending charged to it) per year."""

    naam: str
    begin: float
    dotaties: dict
    onttrekkingen: dict
    toelichting: str = ""


@dataclass(frozen=True)
class Maatregel:
    """Beleid and beheersmaatregel for one risk of the risk register."""

    risico: str
    beleid: str = ""
    beheersmaatregel: str = ""


@dataclass(frozen=True)
class Bbv:
    """Every BBV input of a spec; `balans` None means the spec has no BBV part."""

    balans: Beginbalans | None = None
    investeringen: tuple = ()
    reserves: tuple = ()
    voorzieningen: tuple = ()
    fidosoort: str = "gemeenschappelijke_regeling"
    paragrafen: tuple = ()  # (key, tekst) in PARAGRAFEN order
    maatregelen: tuple = ()

    def tekst(self, paragraaf: str) -> str:
        return dict(self.paragrafen).get(paragraaf, "")


def default_taakveld(naam: str, soort: str) -> str:
    """The taakveld of an exploitatie line the spec gives none for."""
    if soort in ("toevoeging", "onttrekking"):
        return RESERVE_TAAKVELD
    if soort == "subtotaal":
        return ""
    lower = naam.lower()
    return next((code for words, code in STANDAARD_TAAKVELDEN if any(w in lower for w in words)), STANDAARD)


def read_taakveld(row: dict, pad: str, m: Meldingen, naam: str, soort: str) -> str:
    """A line's taakveld code (checked against TAAKVELDEN) or its default."""
    value = row.get("taakveld")
    if value in (None, ""):
        return default_taakveld(naam, soort)
    code = text(value, f"{pad}.taakveld", m)
    if soort == "subtotaal":
        m.fout(f"{pad}.taakveld", "een subtotaal heeft geen taakveld")
    elif code not in TAAKVELDEN:
        m.fout(f"{pad}.taakveld", f"onbekend taakveld '{code}'; bekend: {', '.join(TAAKVELDEN)}")
    return code


def parse_bbv(raw: dict, jaren: tuple, m: Meldingen) -> Bbv:
    """The BBV sections of the spec mapping (all optional)."""
    present = [
        key
        for key in ("investeringen", "reserves", "voorzieningen", "fido", "paragrafen")
        if raw.get(key) not in (None, "", [], {})
    ]
    if raw.get("balans") in (None, "", {}):
        for key in present:
            m.fout(key, "deze sectie vraagt een beginbalans (sectie balans)")
        return Bbv()
    fido = raw.get("fido") if isinstance(raw.get("fido"), dict) else {}
    reserves = _rows(raw, "reserves", m, lambda r, p: _reserve(r, p, m))
    voorzieningen = _rows(raw, "voorzieningen", m, lambda r, p: _voorziening(r, p, jaren, m))
    balans = _balans(raw["balans"], jaren, m)
    _derive(balans.posten, "bestemmingsreserves", reserves, "reserves", m)
    _derive(balans.posten, "voorzieningen", voorzieningen, "voorzieningen", m)
    _check_general_reserve(balans.posten, raw.get("reserve"), m)
    for name in POSTEN_ZELF:
        if name not in AFGELEID:
            balans.posten.setdefault(name, 0.0)
    return Bbv(
        balans=balans,
        investeringen=_rows(raw, "investeringen", m, lambda r, p: _investering(r, p, jaren, m)),
        reserves=reserves,
        voorzieningen=voorzieningen,
        fidosoort=choice(fido.get("soort"), "fido.soort", m, FIDOSOORTEN, "gemeenschappelijke_regeling"),
        paragrafen=_paragrafen(raw.get("paragrafen"), m),
        maatregelen=_maatregelen(raw.get("paragrafen"), m),
    )


VELDEN = {
    "investeringen": ("naam", "jaar", "bedrag", "afschrijvingstermijn", "methode", "rente", "toelichting"),
    "reserves": ("naam", "begin", "toelichting"),
    "voorzieningen": ("naam", "begin", "dotaties", "onttrekkingen", "toelichting"),
}


def _derive(posten: dict, name: str, lijst: tuple, key: str, m: Meldingen) -> None:
    """A balance line that is the sum of a list's begin stands, when the list is given."""
    if not lijst:
        return
    total = sum(item.begin for item in lijst)
    if name in posten and abs(posten[name] - total) >= 0.005:
        m.fout(f"balans.passiva.{name}", f"{posten[name]:.2f} wijkt af van de som van {key} ({total:.2f})")
    posten[name] = total


def _check_general_reserve(posten: dict, reserve, m: Meldingen) -> None:
    """The algemene reserve on the balans is reserve.stand_begin; a different amount is refused."""
    given = posten.pop("algemene_reserve", None)
    stand = reserve.get("stand_begin") if isinstance(reserve, dict) else None
    if given is not None and isinstance(stand, (int, float)) and abs(given - stand) >= 0.005:
        m.fout(
            "balans.passiva.algemene_reserve",
            f"{given:.2f} wijkt af van reserve.stand_begin ({stand:.2f}); laat de post weg",
        )


def _rows(raw: dict, key: str, m: Meldingen, build) -> tuple:
    result = []
    for i, row in enumerate(items(raw.get(key), key, m, required=False), start=1):
        pad = f"{key}[{i}]"
        if not isinstance(row, dict):
            m.fout(pad, "hier hoort een mapping (naam: …)")
            continue
        unknown_fields(row, pad, VELDEN[key], m)
        result.append(build(row, pad))
    return tuple(result)


def _balans(row, jaren: tuple, m: Meldingen) -> Beginbalans:
    if not isinstance(row, dict):
        m.fout("balans", "geef de beginbalans als activa: {…} en passiva: {…}")
        return Beginbalans({})
    posten = {}
    for kant in ("activa", "passiva"):
        values = row.get(kant) or {}
        if not isinstance(values, dict):
            m.fout(f"balans.{kant}", "hier hoort een mapping balanspost: bedrag")
            continue
        allowed = [n for n, side, *_ in POSTEN if side == kant]
        for key, value in values.items():
            pad = f"balans.{kant}.{key}"
            if key not in allowed:
                m.fout(pad, f"onbekende balanspost '{key}'; toegestaan: {', '.join(allowed)}")
            else:
                posten[key] = number(value, pad, m, minimum=None if key == "resultaat" else 0)
    extra = {
        key: per_year(row.get(key) or {}, f"balans.{key}", m, jaren, minimum=0)
        for key, _label in MUTATIES
        if key != "begrotingstotaal"
    }
    totaal = row.get("begrotingstotaal")
    begroting = {} if totaal in (None, "", {}) else per_year(totaal, "balans.begrotingstotaal", m, jaren, 0)
    for key in row:
        if key not in ("activa", "passiva", *(k for k, _ in MUTATIES)):
            m.fout(
                f"balans.{key}",
                f"onbekend veld '{key}'; toegestaan: activa, passiva, " + ", ".join(k for k, _ in MUTATIES),
            )
    return Beginbalans(posten, begrotingstotaal=begroting, **extra)


def _investering(row: dict, pad: str, jaren: tuple, m: Meldingen) -> InvesteringSpec:
    jaar = integer(get(row, "jaar", pad, m), f"{pad}.jaar", m, jaren[0])
    if jaar not in jaren:
        m.fout(f"{pad}.jaar", f"jaar {jaar} valt buiten de jaren {jaren[0]}–{jaren[-1]}")
    termijn = integer(get(row, "afschrijvingstermijn", pad, m), f"{pad}.afschrijvingstermijn", m, 1)
    if termijn < 1:
        m.fout(f"{pad}.afschrijvingstermijn", f"afschrijvingstermijn {termijn} moet minstens 1 jaar zijn")
        termijn = 1
    rente = number(row.get("rente"), f"{pad}.rente", m, minimum=0)
    if rente >= 1:
        m.fout(f"{pad}.rente", f"rente {rente} is een fractie (0.02 = 2%)")
    return InvesteringSpec(
        naam=text(get(row, "naam", pad, m), f"{pad}.naam", m),
        jaar=jaar,
        bedrag=number(get(row, "bedrag", pad, m), f"{pad}.bedrag", m, minimum=0),
        termijn=termijn,
        methode=choice(row.get("methode"), f"{pad}.methode", m, METHODES, "lineair"),
        rente=rente,
        toelichting=text(row.get("toelichting"), f"{pad}.toelichting", m, required=False),
    )


def _reserve(row: dict, pad: str, m: Meldingen) -> Bestemmingsreserve:
    return Bestemmingsreserve(
        naam=text(get(row, "naam", pad, m), f"{pad}.naam", m),
        begin=number(get(row, "begin", pad, m, required=False), f"{pad}.begin", m, minimum=0),
        toelichting=text(row.get("toelichting"), f"{pad}.toelichting", m, required=False),
    )


def _voorziening(row: dict, pad: str, jaren: tuple, m: Meldingen) -> Voorziening:
    return Voorziening(
        naam=text(get(row, "naam", pad, m), f"{pad}.naam", m),
        begin=number(get(row, "begin", pad, m, required=False), f"{pad}.begin", m, minimum=0),
        dotaties=per_year(row.get("dotaties") or {}, f"{pad}.dotaties", m, jaren, minimum=0),
        onttrekkingen=per_year(row.get("onttrekkingen") or {}, f"{pad}.onttrekkingen", m, jaren, minimum=0),
        toelichting=text(row.get("toelichting"), f"{pad}.toelichting", m, required=False),
    )


def _paragrafen(row, m: Meldingen) -> tuple:
    if row in (None, ""):
        return ()
    if not isinstance(row, dict):
        m.fout("paragrafen", "geef per paragraaf een tekst (bedrijfsvoering: …)")
        return ()
    known = dict(PARAGRAFEN)
    for key in row:
        if key not in known and key != "risicos":
            m.fout(f"paragrafen.{key}", f"onbekende paragraaf '{key}'; bekend: {', '.join(known)}, risicos")
    return tuple(
        (key, text(row[key], f"paragrafen.{key}", m, required=False))
        for key, _label in PARAGRAFEN
        if row.get(key) not in (None, "")
    )


def _maatregelen(row, m: Meldingen) -> tuple:
    risks = row.get("risicos") if isinstance(row, dict) else None
    if risks in (None, ""):
        return ()
    if not isinstance(risks, dict):
        m.fout("paragrafen.risicos", "geef per risico beleid: … en beheersmaatregel: …")
        return ()
    result = []
    for naam, fields in risks.items():
        pad = f"paragrafen.risicos.{naam}"
        fields = fields if isinstance(fields, dict) else {}
        unknown_fields(fields, pad, ("beleid", "beheersmaatregel"), m)
        result.append(
            Maatregel(
                str(naam).strip(),
                text(fields.get("beleid"), f"{pad}.beleid", m, False),
                text(fields.get("beheersmaatregel"), f"{pad}.beheersmaatregel", m, False),
            )
        )
    return tuple(result)
