"""Scenario's: named variants of a begroting (basis, laag, hoog) and the parameters of the
sensitivity table, each a set of overrides applied to the validated spec model.

The kinds of override are registered in AANPASSINGEN (one entry: the targets it knows,
the fields it reads, how it changes the model, its basis value for the sensitivity and
its Dutch description). Applying overrides gives a new Begroting that is validated again
like a spec read from a file (references, usable keys).

YAML (in the spec or in a separate file given with --scenarios):

    scenarios:
      basis: {}                                  # the spec as it stands (always the first)
      laag:
        omschrijving: "Snellere uitstroom Wsw, NTW 5% lager"
        volumes: {Wsw: {factor: 0.95}}           # or totaal: {2024: 700, ...}
        projectie: {Wsw: {uitstroom: 5}}         # an assumption of volumes[].projectie (% as there);
                                                 # an age profile: overige_uitstroom, cohorten,
                                                 # aow_leeftijden, verjaardag_maanden, fte_per_persoon
        producten: {Begeleiding beschut: {basisprijs: 14000, indexatie: 1.5}}
        exploitatie: {Netto toegevoegde waarde: {factor: 0.95}}
        indexatie: 1.0                           # every indexed normprijs, % per year
    gevoeligheid:
      - {parameter: volumes.Wsw.factor, laag: 0.95, hoog: 1.05}
"""

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from budgets.spec.meldingen import Meldingen, number, per_year
from budgets.spec.model import Begroting
from budgets.spec.projecties import MAX_AANTAL, project_volumes
from budgets.spec.samenhang import check_key_values, check_spec
from pyfuncs.afronding import excel_round
from pyfuncs.fouten import InvoerFout

BASIS = "basis"
MAX_FACTOR = 100.0  # a factor on volumes, prices or amounts (× 100 is no scenario any more)
MAX_NORMPRIJS = 1e7  # as budgets.spec.lezen: EUR per eenheid
MAX_PROCENT = 100.0  # indexation, percent per year


@dataclass(frozen=True)
class Aanpassing:
    """One override: soort (a key of AANPASSINGEN), doel (a product or line name, "" for
    a kind without target), veld (the field changed), waarde (number, or {jaar: number}),
    pad (its place in the file, for messages)."""

    soort: str
    doel: str
    veld: str
    waarde: object
    pad: str = ""


@dataclass(frozen=True)
class Scenario:
    """A named variant: its overrides in file order (empty for the basis)."""

    naam: str
    omschrijving: str = ""
    aanpassingen: tuple = ()


@dataclass(frozen=True)
class Parameter:
    """One line of the sensitivity table: the override moved from laag to hoog, all else
    at the basis; basis is the value in the spec (in the unit of the field), None when it
    differs per year or product (an indexation given per year)."""

    naam: str
    aanpassing: Aanpassing
    basis: float | None
    laag: float
    hoog: float
    omschrijving: str = ""


@dataclass(frozen=True)
class Aanpassingsoort:
    """A registered kind of override.

    label: what its targets are called in messages ("product", "exploitatieregel"; ""
        when the kind has no target). doelen(b): the known targets. velden: field ->
        (reader(value, pad, m) -> value, scalar: usable in the sensitivity table).
    toepassen(b, aanpassing) -> Begroting. basis(b, doel, veld) -> the spec's value or
        raises InvoerFout (None: not one number). tekst(aanpassing) -> Dutch description.
    """

    label: str
    doelen: Callable
    velden: dict
    toepassen: Callable
    basis: Callable
    tekst: Callable
    controleer: Callable = field(default=lambda b, doel, veld, pad, m, waarde=None: None)


def _factor(value, pad: str, m: Meldingen) -> float:
    return number(value, pad, m, minimum=0, maximum=MAX_FACTOR, default=1.0)


def _percent(value, pad: str, m: Meldingen) -> float:
    return number(value, pad, m, minimum=-MAX_PROCENT, maximum=MAX_PROCENT)


def _price(value, pad: str, m: Meldingen) -> float:
    return number(value, pad, m, minimum=-MAX_NORMPRIJS, maximum=MAX_NORMPRIJS)


def _years_reader(minimum: float | None) -> Callable:
    def read(value, pad: str, m: Meldingen, jaren: tuple = ()) -> dict:
        return per_year(value, pad, m, jaren, minimum=minimum)

    read.per_jaar = True
    return read


def _scaled(amounts: dict, factor: float) -> dict:
    return {y: excel_round(float(v) * factor, 2) for y, v in amounts.items()}


def _show(x: float) -> str:
    return f"{x:,.4f}".rstrip("0").rstrip(".").replace(",", "_").replace(".", ",").replace("_", ".")


# -- volumes ---------------------------------------------------------------------------------
def _apply_volume(b: Begroting, a: Aanpassing) -> Begroting:
    rows = []
    for row in b.volumes:
        # the volumes no longer follow a projection: it is dropped (a workbook would show typed volumes)
        if row.product == a.doel and a.veld == "factor":
            row = replace(row, aantallen=_scaled(row.aantallen, a.waarde), projectie=None)
        elif row.product == a.doel and a.veld == "totaal" and row.gemeente is None:
            row = replace(row, aantallen=dict(a.waarde), projectie=None)
        rows.append(row)
    return replace(b, volumes=tuple(rows), _cache={})


def _check_volume(b: Begroting, doel: str, veld: str, pad: str, m: Meldingen, waarde=None) -> None:
    rows = [r for r in b.volumes if r.product == doel]
    if not rows:
        m.fout(pad, f"product '{doel}' heeft geen volumes in de spec")
    elif veld == "totaal" and [r.gemeente for r in rows] != [None]:
        m.fout(pad, f"'totaal' vervangt één totaal met verdeelsleutel; '{doel}' heeft volumes per "
               "gemeente: gebruik factor")


def _basis_volume(b: Begroting, doel: str, veld: str) -> float:
    return 1.0


# -- projectie (the assumptions of volumes[].projectie) -------------------------------------
def _apply_projection(b: Begroting, a: Aanpassing) -> Begroting:
    rows = []
    for i, row in enumerate(b.volumes, start=1):
        if row.product == a.doel and row.projectie is not None:
            mapping = {**row.projectie.mapping(), a.veld: a.waarde}
            m = Meldingen(b.bron)
            place = a.pad.rpartition(".")[0] if a.pad else f"volumes[{i}].projectie"
            aantallen, record = project_volumes(mapping, place, m, b.jaren)
            m.raise_if_any()
            row = replace(row, aantallen=aantallen, projectie=record)
        rows.append(row)
    return replace(b, volumes=tuple(rows), _cache={})


def _check_projection(b: Begroting, doel: str, veld: str, pad: str, m: Meldingen, waarde=None) -> None:
    """The field must belong to the projection's kind; with a value, the projection is
    computed with it, so that bad cohorts or ages are named in the scenario file."""
    for row in b.volumes:
        if row.product != doel or row.projectie is None:
            continue
        fields = [k for k in row.projectie.mapping() if k != "soort"]
        if veld not in fields:
            m.fout(pad, f"de projectie van '{doel}' (soort {row.projectie.soort}) kent geen {veld}; "
                   f"toegestaan: {', '.join(fields)}")
        elif waarde is not None:
            project_volumes({**row.projectie.mapping(), veld: waarde}, pad.rpartition(".")[0], m, b.jaren)


def _basis_projection(b: Begroting, doel: str, veld: str) -> float:
    return next(r.projectie.aanname(veld) for r in b.volumes if r.product == doel and r.projectie)


def _describe_projection(a: Aanpassing) -> str:
    if a.veld == "cohorten":
        return f"projectie {a.doel}: andere cohorten ({len(a.waarde)} klassen)"
    if a.veld == "aow_leeftijden":
        return f"projectie {a.doel}: andere AOW-leeftijden"
    return f"projectie {a.doel}: {a.veld} {_show(a.waarde)}"


def _projected_products(b: Begroting) -> tuple:
    return tuple(dict.fromkeys(r.product for r in b.volumes if r.projectie is not None))


def _count(value, pad: str, m: Meldingen) -> float:
    return number(value, pad, m, minimum=0, maximum=MAX_AANTAL)


def _rate(value, pad: str, m: Meldingen) -> float:
    return number(value, pad, m, minimum=0, maximum=MAX_PROCENT)


def _year(value, pad: str, m: Meldingen) -> float:
    result = number(value, pad, m, minimum=1900, maximum=2200)
    if result != int(result):
        m.fout(pad, f"{_show(result)} moet een jaartal zijn")
    return int(result)


def _fte(value, pad: str, m: Meldingen) -> float:
    return number(value, pad, m, minimum=0, maximum=1)


def _bands(value, pad: str, m: Meldingen) -> list:
    """New bands of an age profile, [{van, tot, aantal}]; checked as the spec's when applied."""
    if not isinstance(value, list) or not value:
        m.fout(pad, "hier hoort een lijst van cohorten: [{van: 60, tot: 64, aantal: 40}, ...]")
        return []
    return value


def _months(value, pad: str, m: Meldingen) -> float:
    return number(value, pad, m, minimum=0, maximum=11)


PROJECTIEVELDEN = {"start": (_count, True), "uitstroom": (_rate, True), "instroom": (_count, True),
                   "doel": (_count, True), "max_instroom": (_count, True), "doeljaar": (_year, True),
                   "fte_per_persoon": (_fte, True),
                   # leeftijdsprofiel
                   "overige_uitstroom": (_rate, True), "verjaardag_maanden": (_months, False),
                   "cohorten": (_bands, False), "aow_leeftijden": (_years_reader(60), False)}


# -- producten -------------------------------------------------------------------------------
def _apply_product(b: Begroting, a: Aanpassing) -> Begroting:
    products = []
    for p in b.producten:
        if p.naam == a.doel:
            p = _changed_product(p, a, b.jaren)
        products.append(p)
    return replace(b, producten=tuple(products), _cache={})


def _changed_product(p, a: Aanpassing, jaren: tuple):
    if a.veld == "factor":
        basis = None if p.basisprijs is None else excel_round(p.basisprijs * a.waarde, 2)
        return replace(p, prijzen=_scaled(p.prijzen, a.waarde), basisprijs=basis)
    if a.veld == "basisprijs":
        return replace(p, basisprijs=a.waarde, prijzen={})
    if a.veld == "indexatie":
        first = {jaren[0]: p.indexatie.get(jaren[0], 0.0)}
        return replace(p, indexatie=first | {y: a.waarde for y in jaren[1:]})
    return replace(p, prijzen=dict(a.waarde), basisprijs=None, indexatie={})


def _check_product(b: Begroting, doel: str, veld: str, pad: str, m: Meldingen, waarde=None) -> None:
    if veld == "indexatie" and b.product(doel).basisprijs is None:
        m.fout(pad, f"product '{doel}' heeft normprijzen per jaar, geen basisprijs met indexatie; "
               "geef ook een basisprijs of gebruik factor")


def _basis_product(b: Begroting, doel: str, veld: str) -> float:
    p = b.product(doel)
    if veld == "factor":
        return 1.0
    if veld == "basisprijs" and p.basisprijs is not None:
        return p.basisprijs
    if veld == "indexatie":
        return _uniform_index([p], doel)
    raise InvoerFout(f"product '{doel}' heeft geen enkele {veld}; gebruik factor")


def _uniform_index(products, wat: str) -> float | None:
    """The one indexation rate of the products, or None when it differs per year or product
    (the sensitivity then shows the basis as "volgens de spec")."""
    rates = {rate for p in products for i, (_, rate) in enumerate(sorted(p.indexatie.items())) if i or rate}
    return rates.pop() if len(rates) == 1 else None


# -- exploitatie -----------------------------------------------------------------------------
def _apply_line(b: Begroting, a: Aanpassing) -> Begroting:
    lines = []
    for line in b.exploitatie:
        if line.naam == a.doel:
            amounts = _scaled(line.bedragen, a.waarde) if a.veld == "factor" else dict(a.waarde)
            line = replace(line, bedragen=amounts)
        lines.append(line)
    return replace(b, exploitatie=tuple(lines), _cache={})


def _check_line(b: Begroting, doel: str, veld: str, pad: str, m: Meldingen, waarde=None) -> None:
    line = b.regel(doel)
    if line.soort == "subtotaal" or line.bron:
        herkomst = "een subtotaal" if line.soort == "subtotaal" else f"gevoed door {line.bron}"
        m.fout(pad, f"regel '{doel}' is {herkomst}; pas de regels of producten aan waar hij uit volgt")


# -- indexatie (every indexed product) -------------------------------------------------------
def _apply_index(b: Begroting, a: Aanpassing) -> Begroting:
    products = tuple(
        _changed_product(p, replace(a, veld="indexatie"), b.jaren) if p.basisprijs is not None else p
        for p in b.producten)
    return replace(b, producten=products, _cache={})


def _check_index(b: Begroting, doel: str, veld: str, pad: str, m: Meldingen, waarde=None) -> None:
    if not any(p.basisprijs is not None for p in b.producten):
        m.fout(pad, "geen enkel product heeft een basisprijs met indexatie")


def _basis_index(b: Begroting, doel: str, veld: str) -> float:
    return _uniform_index([p for p in b.producten if p.basisprijs is not None], "de producten")


def _product_names(b: Begroting) -> tuple:
    return tuple(p.naam for p in b.producten)


def _line_names(b: Begroting) -> tuple:
    return tuple(r.naam for r in b.exploitatie)


AANPASSINGEN: dict[str, Aanpassingsoort] = {  # applied in this order: general before specific
    "indexatie": Aanpassingsoort(
        "", lambda b: ("",), {"": (_percent, True)}, _apply_index, _basis_index,
        lambda a: f"indexatie normprijzen {_show(a.waarde)}% per jaar", _check_index),
    "projectie": Aanpassingsoort(
        "product met een projectie", _projected_products, PROJECTIEVELDEN,
        _apply_projection, _basis_projection,
        _describe_projection, _check_projection),
    "volumes": Aanpassingsoort(
        "product", _product_names,
        {"factor": (_factor, True), "totaal": (_years_reader(0), False)},
        _apply_volume, _basis_volume,
        lambda a: (f"volume {a.doel} × {_show(a.waarde)}" if a.veld == "factor"
                   else f"volume {a.doel} per jaar"),
        _check_volume),
    "producten": Aanpassingsoort(
        "product", _product_names,
        {"factor": (_factor, True), "basisprijs": (_price, True), "indexatie": (_percent, True),
         "normprijs": (_years_reader(-MAX_NORMPRIJS), False)},
        _apply_product, _basis_product,
        lambda a: {"factor": f"normprijs {a.doel} × {_show(a.waarde or 0)}",
                   "basisprijs": f"basisprijs {a.doel} € {_show(a.waarde or 0)}",
                   "indexatie": f"indexatie {a.doel} {_show(a.waarde or 0)}% per jaar",
                   }.get(a.veld, f"normprijs {a.doel} per jaar"),
        _check_product),
    "exploitatie": Aanpassingsoort(
        "exploitatieregel", _line_names,
        {"factor": (_factor, True), "bedragen": (_years_reader(None), False)},
        _apply_line, _basis_volume,
        lambda a: f"{a.doel} × {_show(a.waarde)}" if a.veld == "factor" else f"{a.doel} per jaar",
        _check_line),
}


def apply(b: Begroting, aanpassingen, bron: str = "") -> Begroting:
    """A new, validated Begroting with the overrides applied in order."""
    for a in aanpassingen:
        b = AANPASSINGEN[a.soort].toepassen(b, a)
    m = Meldingen(bron or b.bron)
    check_spec(b, m)
    m.raise_if_any()
    check_key_values(b, m)
    m.raise_if_any()
    return b


LABELS = {
    ("indexatie", ""): "Indexatie normprijzen (% per jaar)",
    ("volumes", "factor"): "Volume {doel} (factor)",
    ("projectie", "start"): "Projectie {doel}: start (personen)",
    ("projectie", "uitstroom"): "Projectie {doel}: uitstroom (% per jaar)",
    ("projectie", "instroom"): "Projectie {doel}: instroom (personen per jaar)",
    ("projectie", "doel"): "Projectie {doel}: doel (personen)",
    ("projectie", "max_instroom"): "Projectie {doel}: ten hoogste instroom per jaar",
    ("projectie", "doeljaar"): "Projectie {doel}: doeljaar",
    ("projectie", "fte_per_persoon"): "Projectie {doel}: fte per persoon",
    ("projectie", "overige_uitstroom"): "Projectie {doel}: overige uitstroom (% per jaar)",
    ("producten", "factor"): "Normprijs {doel} (factor)",
    ("producten", "basisprijs"): "Basisprijs {doel} (EUR)",
    ("producten", "indexatie"): "Indexatie {doel} (% per jaar)",
    ("exploitatie", "factor"): "{doel} (factor)",
}


def parameter_label(a: Aanpassing) -> str:
    """The Dutch name of a sensitivity parameter, e.g. 'Volume Wsw (factor)'."""
    return LABELS[(a.soort, a.veld)].format(doel=a.doel)


def describe(scenario: Scenario) -> str:
    """The overrides in Dutch, for the workbook ('volume Wsw × 0,95; ...')."""
    return "; ".join(AANPASSINGEN[a.soort].tekst(a) for a in scenario.aanpassingen)
