"""From a plain mapping (parsed YAML, or the workbook's Uitgangspunten) to a Begroting."""

from dataclasses import replace

from budgets.spec import model as s
from budgets.spec.bbv import parse_bbv, read_taakveld
from budgets.spec.meldingen import (
    Meldingen,
    choice,
    day,
    get,
    integer,
    items,
    number,
    per_year,
    text,
    unique_names,
)
from budgets.spec.projecties import project_volumes
from budgets.spec.rijksmiddelen import parse_rijksmiddelen
from budgets.spec.sleutels import SOORTEN

FIELDS = {
    "": ("gr", "deelnemers", "producten", "volumes", "doorbelastingen", "verdeelsleutels", "exploitatie",
         "reserve", "risicos", "simulatie", "presentatie", "balans", "investeringen", "reserves",
         "voorzieningen", "fido", "paragrafen",
         "rijksmiddelen", "scenarios", "gevoeligheid"),  # the last two: budgets.spec.scenario_lezen
    "gr": ("naam", "begrotingsjaar", "jaren", "status", "datum", "versie", "kolomkoppen"),
    "presentatie": ("eenheid",),
    "deelnemers": ("naam", "inwoners", "se", "toelichting"),
    "producten": ("naam", "eenheid", "regel", "soort", "normprijs", "basisprijs", "indexatie", "toelichting"),
    "volumes": ("product", "gemeente", "aantallen", "totaal", "projectie", "verdeelsleutel", "toelichting"),
    "doorbelastingen": ("naam", "soort", "gemeente", "bedragen", "toelichting"),
    "verdeelsleutels": ("naam", "soort", "aandelen", "product", "vaste_voet", "variabel", "toelichting"),
    "exploitatie": ("naam", "soort", "aard", "bedragen", "bron", "subtotaal", "toelichting", "kop",
                    "taakveld", "reserve", "categorie"),
    "reserve": ("stand_begin", "minimum", "maximum", "maximum_percentage", "verdeelsleutel", "onvoorzien"),
    "risicos": ("naam", "kans", "impact", "minimum", "maximum", "jaren", "toelichting"),
    "simulatie": ("zekerheid", "trekkingen", "startwaarde"),
}


def check_fields(row, section: str, pad: str, m: Meldingen) -> None:
    """Report keys the spec format does not know (a typo would otherwise be ignored)."""
    if not isinstance(row, dict):
        return
    for key in row:
        if key not in FIELDS[section]:
            where = f"{pad}.{key}" if pad else str(key)
            m.fout(where, f"onbekend veld '{key}'; toegestaan: {', '.join(FIELDS[section])}")


def parse_spec(raw, m: Meldingen) -> s.Begroting:
    """Build the Begroting; collect every error in m and raise them all at once."""
    if not isinstance(raw, dict):
        m.fout("(bestand)", "de spec moet een mapping zijn met o.a. gr, deelnemers, producten")
        m.raise_if_any()
    check_fields(raw, "", "", m)
    for section in ("gr", "reserve", "simulatie", "presentatie"):
        check_fields(raw.get(section), section, section, m)
    gr = get(raw, "gr", "", m, default={})
    jaren = _years(gr, m)
    begroting = s.Begroting(
        naam=text(get(gr, "naam", "gr", m), "gr.naam", m),
        begrotingsjaar=_begrotingsjaar(gr, jaren, m),
        jaren=jaren,
        status=choice(get(gr, "status", "gr", m, required=False), "gr.status", m, s.STATUSSEN, "concept"),
        datum=day(get(gr, "datum", "gr", m), "gr.datum", m),
        versie=text(get(gr, "versie", "gr", m, required=False, default="1"), "gr.versie", m),
        deelnemers=_deelnemers(raw, m),
        producten=_list(raw, "producten", m, lambda r, p: _product(r, p, m, jaren), False),
        volumes=_list(raw, "volumes", m, lambda r, p: _volume(r, p, m, jaren), False),
        doorbelastingen=_list(raw, "doorbelastingen", m, lambda r, p: _doorbelasting(r, p, m, jaren), False),
        verdeelsleutels=_list(raw, "verdeelsleutels", m, lambda r, p: _sleutel(r, p, m), False),
        exploitatie=_list(_lines(raw), "exploitatie", m, lambda r, p: _regel(r, p, m, jaren)),
        reserve=None if raw.get("reserve") in (None, "", {}) else _reserve(raw.get("reserve"), m),
        risicos=_list(raw, "risicos", m, lambda r, p: _risico(r, p, m, jaren), False),
        simulatie=_simulatie(get(raw, "simulatie", "", m, required=False, default={}), m),
        presentatie=_presentatie(raw, gr, jaren, m),
        koppen=_koppen(raw.get("exploitatie"), m),
        bbv=parse_bbv(raw, jaren, m),
        bron=m.bron,
    )
    for key, label in (
        ("deelnemers", "gemeente"),
        ("producten", "product"),
        ("verdeelsleutels", "verdeelsleutel"),
        ("exploitatie", "regel"),
        ("risicos", "risico"),
    ):
        unique_names(raw.get(key) or [], key, m, label)
    if raw.get("rijksmiddelen"):
        rijk = parse_rijksmiddelen(raw.get("rijksmiddelen"), begroting, m)
        begroting = replace(begroting, rijksmiddelen=rijk)
    return begroting


JAAR_MIN, JAAR_MAX = 1990, 2100  # a meerjarenbegroting lies within these years
MAX_JAREN = 30  # years in one spec (a begroting covers T..T+3; 30 leaves room for a plan)
MAX_TREKKINGEN = 1_000_000  # Monte Carlo draws: 10^6 × 50 risks ≈ 1 s; 10^4 is enough
MAX_VOLUME = 1e6  # eenheden per product, gemeente and year (a SOB counts hundreds)
MAX_NORMPRIJS = 1e7  # EUR per eenheid: volume × normprijs stays below 10^13
MAX_INDEXATIE = 100  # percent per year


def _year_in_range(value, pad: str, m: Meldingen) -> int | None:
    year = integer(value, pad, m)
    if not JAAR_MIN <= year <= JAAR_MAX:
        m.fout(pad, f"jaar {year} ligt niet tussen {JAAR_MIN} en {JAAR_MAX}")
        return None
    return year


def _is_kop(row) -> bool:
    return isinstance(row, dict) and "kop" in row


def _lines(raw: dict) -> dict:
    """The exploitatie without its heading rows ({kop: ...}), keeping each line's place
    (exploitatie[i] counts every entry, headings included)."""
    rows = raw.get("exploitatie")
    if not isinstance(rows, list):
        return raw
    return {"exploitatie": _Lines(rows)}


class _Lines(list):
    """The exploitatie lines; `plaatsen` holds each line's number among all entries."""

    def __init__(self, rows: list):
        kept = [(i, row) for i, row in enumerate(rows, start=1) if not _is_kop(row)]
        super().__init__(row for _i, row in kept)
        self.plaatsen = [i for i, _row in kept]


def _koppen(rows, m: Meldingen) -> tuple:
    """Heading rows {kop: "..."}: text only, no amounts; each with the number of lines above it."""
    if not isinstance(rows, list):
        return ()
    result, lines = [], 0
    for i, row in enumerate(rows, start=1):
        if not _is_kop(row):
            lines += 1
            continue
        pad = f"exploitatie[{i}]"
        extra = [key for key in row if key not in ("kop", "toelichting")]
        if extra:
            m.fout(pad, f"een kop is alleen een tussenkop zonder bedragen; laat {', '.join(map(str, extra))} "
                   "weg of maak er een gewone regel van (naam:, soort:, bedragen:)")
        result.append(s.Kop(text(row.get("kop"), f"{pad}.kop", m), lines))
    return tuple(result)


def _years(gr, m: Meldingen) -> tuple:
    value = get(gr, "jaren", "gr", m, default=None)
    if isinstance(value, dict):
        first = _year_in_range(get(value, "van", "gr.jaren", m), "gr.jaren.van", m)
        last = _year_in_range(get(value, "tot", "gr.jaren", m), "gr.jaren.tot", m)
        if first is None or last is None:
            return (2000,)
        if last - first + 1 > MAX_JAREN:
            m.fout("gr.jaren", f"{last - first + 1} jaren; de grens is {MAX_JAREN}")
            return (2000,)
        years = tuple(range(first, last + 1))
    elif isinstance(value, list):
        if len(value) > MAX_JAREN:
            m.fout("gr.jaren", f"{len(value)} jaren; de grens is {MAX_JAREN}")
            return (2000,)
        years = tuple(y for i, v in enumerate(value, start=1)
                      if (y := _year_in_range(v, f"gr.jaren[{i}]", m)) is not None)
    else:
        if value is not None:
            m.fout("gr.jaren", "geef jaren als {van: 2022, tot: 2026} of als lijst")
        years = ()
    if value is not None and (not years or list(years) != list(range(years[0], years[0] + len(years)))):
        m.fout("gr.jaren", "de jaren moeten een aaneengesloten, oplopende reeks zijn")
    return years or (2000,)


def _begrotingsjaar(gr, jaren: tuple, m: Meldingen) -> int:
    year = integer(get(gr, "begrotingsjaar", "gr", m), "gr.begrotingsjaar", m, default=jaren[0])
    if year not in jaren:
        m.fout("gr.begrotingsjaar", f"{year} valt buiten de jaren {jaren[0]}–{jaren[-1]}")
    return year


def _list(raw, key: str, m: Meldingen, build, required: bool = True) -> tuple:
    rows = items(raw.get(key), key, m, required)
    places = getattr(raw.get(key), "plaatsen", None) or range(1, len(rows) + 1)
    result = []
    for i, row in zip(places, rows, strict=False):
        pad = f"{key}[{i}]"
        if not isinstance(row, dict):
            m.fout(pad, "hier hoort een mapping (naam: …)")
            continue
        check_fields(row, key, pad, m)
        result.append(build(row, pad))
    return tuple(result)


def _deelnemers(raw, m: Meldingen) -> tuple:
    def build(row, pad):
        return s.Gemeente(
            naam=text(get(row, "naam", pad, m), f"{pad}.naam", m),
            inwoners=_optional(row, "inwoners", pad, m),
            se=_optional(row, "se", pad, m),
            toelichting=text(row.get("toelichting"), f"{pad}.toelichting", m, required=False),
        )

    result = _list(raw, "deelnemers", m, build)
    if raw.get("deelnemers") is not None and not result:
        m.fout("deelnemers", "er moet minstens één gemeente zijn")
    return result


def _optional(row, key: str, pad: str, m: Meldingen) -> float | None:
    value = row.get(key)
    return None if value is None or value == "" else number(value, f"{pad}.{key}", m, minimum=0)


def _product(row, pad: str, m: Meldingen, jaren: tuple) -> s.Product:
    basis = row.get("basisprijs")
    prijzen, indexatie = {}, {}
    if basis is None or basis == "":
        basis = None
        prijzen = per_year(
            get(row, "normprijs", pad, m, default={}), f"{pad}.normprijs", m, jaren, complete=True,
            minimum=-MAX_NORMPRIJS, maximum=MAX_NORMPRIJS,
        )
    else:
        basis = number(basis, f"{pad}.basisprijs", m, -MAX_NORMPRIJS, maximum=MAX_NORMPRIJS)
        index = row.get("indexatie", 0.0)
        if isinstance(index, (int, float)) and not isinstance(index, bool):
            index = {y: index for y in jaren[1:]}
        indexatie = per_year(index, f"{pad}.indexatie", m, jaren, minimum=-100,
                             maximum=MAX_INDEXATIE)
        _check_indexed(basis, indexatie, f"{pad}.indexatie", m)
    return s.Product(
        naam=text(get(row, "naam", pad, m), f"{pad}.naam", m),
        eenheid=choice(get(row, "eenheid", pad, m), f"{pad}.eenheid", m, s.EENHEDEN),
        regel=choice(row.get("regel"), f"{pad}.regel", m, s.REGELS, "minimum"),
        soort=choice(row.get("soort"), f"{pad}.soort", m, s.PRODUCTSOORTEN, "bijdrage"),
        prijzen=prijzen,
        basisprijs=basis,
        indexatie=indexatie,
        toelichting=text(row.get("toelichting"), f"{pad}.toelichting", m, required=False),
    )


def _check_indexed(basis: float, indexatie: dict, pad: str, m: Meldingen) -> None:
    """The indexed normprijs stays within MAX_NORMPRIJS in every year."""
    price = abs(basis)
    for year in sorted(indexatie):
        price *= 1 + indexatie[year] / 100
        if price > MAX_NORMPRIJS:
            m.fout(pad, f"geïndexeerd wordt de normprijs in {year} groter dan "
                   f"{MAX_NORMPRIJS:,.0f}".replace(",", "."))
            return


def _volume(row, pad: str, m: Meldingen, jaren: tuple) -> s.Volume:
    gemeente = text(row.get("gemeente"), f"{pad}.gemeente", m, required=False) or None
    if gemeente is None:
        key = text(get(row, "verdeelsleutel", pad, m), f"{pad}.verdeelsleutel", m)
        field = "totaal"
    else:
        key, field = None, "aantallen"
    projectie = None
    if row.get("projectie") is not None:  # volumes computed by the core (budgets.spec.projecties)
        if row.get(field) is not None:
            m.fout(f"{pad}.projectie", f"geef {field} óf projectie, niet allebei")
        aantallen, projectie = project_volumes(row["projectie"], f"{pad}.projectie", m, jaren)
    else:
        aantallen = per_year(get(row, field, pad, m, default={}), f"{pad}.{field}", m, jaren, minimum=0,
                             maximum=MAX_VOLUME)
    return s.Volume(
        product=text(get(row, "product", pad, m), f"{pad}.product", m),
        aantallen=aantallen,
        gemeente=gemeente,
        verdeelsleutel=key,
        toelichting=text(row.get("toelichting"), f"{pad}.toelichting", m, required=False),
        projectie=projectie,
    )


def _doorbelasting(row, pad: str, m: Meldingen, jaren: tuple) -> s.Doorbelasting:
    return s.Doorbelasting(
        naam=text(get(row, "naam", pad, m), f"{pad}.naam", m),
        soort=choice(row.get("soort"), f"{pad}.soort", m, s.DOORBELASTINGSOORTEN, "overig"),
        gemeente=text(get(row, "gemeente", pad, m), f"{pad}.gemeente", m),
        bedragen=per_year(get(row, "bedragen", pad, m, default={}), f"{pad}.bedragen", m, jaren),
        toelichting=text(row.get("toelichting"), f"{pad}.toelichting", m, required=False),
    )


def _sleutel(row, pad: str, m: Meldingen) -> s.Verdeelsleutel:
    soort = choice(get(row, "soort", pad, m), f"{pad}.soort", m, s.SLEUTELSOORTEN)
    extra = SOORTEN[soort].lees(row, pad, m) if soort in SOORTEN else {}
    naam = text(get(row, "naam", pad, m), f"{pad}.naam", m)
    return s.Verdeelsleutel(
        naam=naam, soort=soort, **extra,
        toelichting=text(row.get("toelichting"), f"{pad}.toelichting", m, required=False),
    )


def _regel(row, pad: str, m: Meldingen, jaren: tuple) -> s.ExploitatieRegel:
    sub = row.get("subtotaal")
    soort = (
        "subtotaal"
        if sub is not None
        else choice(get(row, "soort", pad, m), f"{pad}.soort", m, s.REGELSOORTEN[:4])
    )
    plus, minus, bedragen, bron = (), (), {}, None
    if sub is not None:
        if not isinstance(sub, dict):
            m.fout(f"{pad}.subtotaal", "geef plus: [regels] en/of min: [regels]")
            sub = {}
        plus = tuple(
            text(x, f"{pad}.subtotaal.plus", m)
            for x in items(sub.get("plus", []), f"{pad}.subtotaal.plus", m)
        )
        minus = tuple(
            text(x, f"{pad}.subtotaal.min", m) for x in items(sub.get("min", []), f"{pad}.subtotaal.min", m)
        )
        if not plus and not minus:
            m.fout(f"{pad}.subtotaal", "een subtotaal noemt minstens één regel")
    elif row.get("bron") not in (None, ""):
        bron = choice(row.get("bron"), f"{pad}.bron", m, s.BRONNEN)
    else:
        bedragen = per_year(get(row, "bedragen", pad, m, default={}), f"{pad}.bedragen", m, jaren)
    naam = text(get(row, "naam", pad, m), f"{pad}.naam", m)
    return s.ExploitatieRegel(
        naam=naam,
        soort=soort,
        aard=choice(row.get("aard"), f"{pad}.aard", m, s.AARDEN, "structureel"),
        bedragen=bedragen,
        bron=bron,
        plus=plus,
        min=minus,
        toelichting=text(row.get("toelichting"), f"{pad}.toelichting", m, required=False),
        taakveld=read_taakveld(row, pad, m, naam, soort),
        reserve=text(row.get("reserve"), f"{pad}.reserve", m, required=False),
        categorie=text(row.get("categorie"), f"{pad}.categorie", m, required=False),
    )


def _share(value, pad: str, m: Meldingen) -> float:
    """A share as a fraction (0.10 = 10 %); a whole percentage such as 10 is refused."""
    result = number(value, pad, m, minimum=0)
    if result > 1:
        m.fout(pad, "is groter dan 1 (meer dan 100%): het maximum is een fractie van de lasten, "
               "geef 0,10 voor 10%")
    return result


def _reserve(row, m: Meldingen) -> s.Reserve:
    pad = "reserve"
    maximum = row.get("maximum") if isinstance(row, dict) else None
    percentage = row.get("maximum_percentage") if isinstance(row, dict) else None
    return s.Reserve(
        stand_begin=number(get(row, "stand_begin", pad, m), f"{pad}.stand_begin", m),
        minimum=number(get(row, "minimum", pad, m, required=False), f"{pad}.minimum", m, minimum=0),
        maximum=None if maximum in (None, "") else number(maximum, f"{pad}.maximum", m, minimum=0),
        maximum_percentage=None
        if percentage in (None, "")
        else _share(percentage, f"{pad}.maximum_percentage", m),
        verdeelsleutel=text(get(row, "verdeelsleutel", pad, m), f"{pad}.verdeelsleutel", m),
        onvoorzien=number(get(row, "onvoorzien", pad, m, required=False), f"{pad}.onvoorzien", m),
    )


def _risico(row, pad: str, m: Meldingen, jaren: tuple) -> s.Risico:
    kans = number(get(row, "kans", pad, m), f"{pad}.kans", m)
    if not 0 <= kans <= 1:
        m.fout(f"{pad}.kans", f"kans {kans} ligt niet tussen 0 en 1")
    if "impact" in row:
        low = high = number(row.get("impact"), f"{pad}.impact", m, minimum=0)
    else:
        low = number(get(row, "minimum", pad, m), f"{pad}.minimum", m, minimum=0)
        high = number(get(row, "maximum", pad, m), f"{pad}.maximum", m, minimum=0)
        if low > high:
            m.fout(f"{pad}.minimum", f"minimum {low:g} is groter dan maximum {high:g}")
    return s.Risico(
        naam=text(get(row, "naam", pad, m), f"{pad}.naam", m),
        kans=kans,
        minimum=low,
        maximum=high,
        toelichting=text(row.get("toelichting"), f"{pad}.toelichting", m, False),
        jaren=_risk_years(row.get("jaren"), f"{pad}.jaren", m, jaren),
    )


def _risk_years(value, pad: str, m: Meldingen, jaren: tuple) -> tuple:
    """The years a risk applies in: a list of years of the begroting (none given: every year)."""
    if value in (None, "", []):
        return ()
    if not isinstance(value, list):
        m.fout(pad, "geef de jaren als lijst, bv. [2026, 2027]")
        return ()
    result = tuple(integer(v, f"{pad}[{i}]", m) for i, v in enumerate(value, start=1))
    for jaar in result:
        if jaar not in jaren:
            m.fout(pad, f"{jaar} is geen jaar van de begroting ({jaren[0]}–{jaren[-1]})")
    if len(set(result)) != len(result):
        m.fout(pad, "een jaar staat er dubbel in")
    return tuple(sorted(set(result)))


def _simulatie(row, m: Meldingen) -> s.Simulatie:
    pad = "simulatie"
    zekerheid = number(row.get("zekerheid", 0.9), f"{pad}.zekerheid", m, default=0.9)
    if not 0 < zekerheid < 1:
        m.fout(f"{pad}.zekerheid", f"zekerheid {zekerheid} moet tussen 0 en 1 liggen (0.9 = 90%)")
    draws = integer(row.get("trekkingen", 10000), f"{pad}.trekkingen", m, default=10000)
    if draws < 1:
        m.fout(f"{pad}.trekkingen", "trekkingen moet een positief geheel getal zijn")
    if draws > MAX_TREKKINGEN:
        m.fout(f"{pad}.trekkingen", f"{draws} trekkingen; de grens is "
               f"{MAX_TREKKINGEN:,}".replace(",", "."))
        draws = 10000
    seed = integer(row.get("startwaarde", 1), f"{pad}.startwaarde", m, 1)
    if not 0 <= seed < 2**32:
        m.fout(f"{pad}.startwaarde", "startwaarde moet een geheel getal van 0 tot 4294967296 zijn")
        seed = 1
    return s.Simulatie(zekerheid, draws, seed)


def _presentatie(raw: dict, gr, jaren: tuple, m: Meldingen) -> s.Presentatie:
    """presentatie.eenheid (1 or 1000) and gr.kolomkoppen {jaar: kop} for years in range."""
    row = raw.get("presentatie") or {}
    eenheid = 1
    if isinstance(row, dict) and row.get("eenheid") not in (None, ""):
        eenheid = integer(row.get("eenheid"), "presentatie.eenheid", m, 1)
        if eenheid not in s.PRESENTATIE_EENHEDEN:
            allowed = " of ".join(str(e) for e in s.PRESENTATIE_EENHEDEN)
            m.fout("presentatie.eenheid", f"eenheid {row.get('eenheid')} is onbekend; kies {allowed} "
                   "(1000 = bedragen × € 1.000)")
            eenheid = 1
    koppen = gr.get("kolomkoppen") if isinstance(gr, dict) else None
    return s.Presentatie(eenheid, _kolomkoppen(koppen, jaren, m))


def _kolomkoppen(koppen, jaren: tuple, m: Meldingen) -> tuple:
    if koppen in (None, ""):
        return ()
    if not isinstance(koppen, dict):
        m.fout("gr.kolomkoppen", "geef per jaar een kop, bijvoorbeeld {2025: \"Raming struct.\"}")
        return ()
    result = []
    for jaar, kop in koppen.items():
        pad = f"gr.kolomkoppen.{jaar}"
        try:
            year = int(str(jaar).strip())
        except ValueError:
            m.fout(pad, f"'{jaar}' is geen jaartal")
            continue
        if jaren and year not in jaren:
            m.fout(pad, f"jaar {year} valt buiten de meerjarenraming {jaren[0]}–{jaren[-1]}")
            continue
        result.append((year, text(kop, pad, m)))
    return tuple(sorted(result))
