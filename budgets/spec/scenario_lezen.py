"""Reading the `scenarios` and `gevoeligheid` sections (from the spec or from a separate
file) into Scenario and Parameter records, every error with file and place."""

from dataclasses import dataclass
from pathlib import Path

from budgets.spec.laden import load_spec, parse_mapping, read_yaml
from budgets.spec.meldingen import Meldingen, get, items, text, unknown_fields
from budgets.spec.model import Begroting
from budgets.spec.rijksmiddelen import parse_rijksmiddelen
from budgets.spec.scenarios import AANPASSINGEN, BASIS, Aanpassing, Parameter, Scenario, apply
from pyfuncs.fouten import InvoerFout

SCENARIO_FIELDS = ("omschrijving", *AANPASSINGEN)
FILE_FIELDS = ("scenarios", "gevoeligheid", "rijksmiddelen")
PARAMETER_FIELDS = ("parameter", "laag", "hoog", "omschrijving")
MAX_SCENARIOS = 4  # side by side on one A4 page (three columns each on Gemeenten)
MAX_PARAMETERS = 40


@dataclass(frozen=True)
class Scenariospec:
    """The basis begroting, its scenarios (the basis first), the sensitivity parameters and
    the rijksmiddelen per gemeente (budgets.spec.rijksmiddelen.Rijksmiddel)."""

    begroting: Begroting
    scenarios: tuple
    parameters: tuple
    bron: str = ""
    rijksmiddelen: tuple = ()


def load_scenarios(spec: Path, scenarios: Path | None = None) -> Scenariospec:
    """The spec with its scenarios: from the spec's own sections, or (replacing them) from a
    separate YAML file with `scenarios`, `gevoeligheid` and optionally `rijksmiddelen`."""
    spec = Path(spec)
    if spec.suffix.lower() in (".yaml", ".yml") and spec.exists():
        raw = read_yaml(spec)
        begroting = parse_mapping(raw, spec.name)
    else:
        raw, begroting = {}, load_spec(spec)
    bron = spec.name
    if scenarios is not None:
        scenarios = Path(scenarios)
        if not scenarios.exists():
            raise InvoerFout(f"{scenarios}: bestand niet gevonden")
        raw, bron = read_yaml(scenarios), scenarios.name
        if not isinstance(raw, dict):
            raise InvoerFout(f"{bron}: het bestand moet een mapping zijn met scenarios: en gevoeligheid:")
    m = Meldingen(bron)
    found = parse_scenarios(raw, begroting, m, scenarios is not None)
    own = scenarios is not None and "rijksmiddelen" in raw  # the file's replace the spec's
    rijk = parse_rijksmiddelen(raw.get("rijksmiddelen"), begroting, m) if own else begroting.rijksmiddelen
    m.raise_if_any()
    return Scenariospec(begroting, *found, bron=bron, rijksmiddelen=rijk)


def parse_scenarios(raw: dict, b: Begroting, m: Meldingen, own_file: bool = False) -> tuple:
    """(scenarios, parameters) from a mapping with `scenarios` and `gevoeligheid`."""
    if own_file:
        for key in raw:
            if key not in FILE_FIELDS:
                m.fout(str(key), f"onbekend veld '{key}'; toegestaan: {', '.join(FILE_FIELDS)}")
    section = raw.get("scenarios")
    if section in (None, {}):
        m.fout("scenarios", "geen scenario's; geef bijvoorbeeld scenarios: {basis: {}, laag: {...}, "
               "hoog: {...}} in de spec of in een bestand met --scenarios")
        return (), ()
    if not isinstance(section, dict):
        m.fout("scenarios", "hier hoort een mapping: naam van het scenario: aanpassingen")
        return (), ()
    if len(section) > MAX_SCENARIOS:
        m.fout("scenarios", f"{len(section)} scenario's; de grens is {MAX_SCENARIOS}")
        return (), ()
    found = [_scenario(str(naam).strip(), row, b, m) for naam, row in section.items()]
    basis = [s for s in found if s.naam == BASIS]
    others = [s for s in found if s.naam != BASIS]
    return (basis[0] if basis else Scenario(BASIS, "De begroting zoals de spec haar geeft"), *others), \
        _parameters(raw.get("gevoeligheid"), b, m)


def _scenario(naam: str, row, b: Begroting, m: Meldingen) -> Scenario:
    pad = f"scenarios.{naam}"
    if row is None:
        row = {}
    if not isinstance(row, dict):
        m.fout(pad, "hier hoort een mapping met omschrijving en aanpassingen")
        return Scenario(naam)
    unknown_fields(row, pad, SCENARIO_FIELDS, m)
    changes = tuple(a for soort in AANPASSINGEN if soort in row
                    for a in _overrides(soort, row[soort], f"{pad}.{soort}", b, m))
    if naam == BASIS and changes:
        m.fout(pad, "het scenario 'basis' is de spec zelf en past niets aan; geef de aanpassingen "
               "een eigen naam")
    scenario = Scenario(text(naam, pad, m), text(row.get("omschrijving"), f"{pad}.omschrijving", m,
                                                  required=False), changes)
    if changes and not m.fouten:
        try:
            apply(b, changes, m.bron)
        except InvoerFout as fout:
            m.fout(pad, f"de begroting van dit scenario klopt niet: {fout}")
    return scenario


def _overrides(soort: str, value, pad: str, b: Begroting, m: Meldingen) -> list:
    kind = AANPASSINGEN[soort]
    if not kind.label:
        return [a for a in [_field(soort, "", "", value, pad, b, m)] if a]
    if not isinstance(value, dict):
        m.fout(pad, f"hier hoort een mapping: {kind.label}: {{veld: waarde}}")
        return []
    found = []
    for doel, fields in value.items():
        doel, where = str(doel).strip(), f"{pad}.{doel}"
        if doel not in kind.doelen(b):
            m.fout(where, f"onbekend {kind.label} '{doel}'")
            continue
        if not isinstance(fields, dict) or not fields:
            m.fout(where, f"geef een of meer velden: {', '.join(kind.velden)}")
            continue
        for veld, v in fields.items():
            found += [a for a in [_field(soort, doel, str(veld), v, f"{where}.{veld}", b, m)] if a]
    return found


def _field(soort: str, doel: str, veld: str, value, pad: str, b: Begroting,
           m: Meldingen) -> Aanpassing | None:
    kind = AANPASSINGEN[soort]
    if veld not in kind.velden:
        m.fout(pad, f"onbekend veld '{veld}'; toegestaan: {', '.join(kind.velden)}")
        return None
    reader, _ = kind.velden[veld]
    before = len(m.fouten)
    waarde = reader(value, pad, m, b.jaren) if getattr(reader, "per_jaar", False) else reader(value, pad, m)
    if len(m.fouten) == before:
        kind.controleer(b, doel, veld, pad, m, waarde)
    return Aanpassing(soort, doel, veld, waarde, pad) if len(m.fouten) == before else None


def _parameters(section, b: Begroting, m: Meldingen) -> tuple:
    rows = items(section, "gevoeligheid", m, required=False)
    if len(rows) > MAX_PARAMETERS:
        m.fout("gevoeligheid", f"{len(rows)} parameters; de grens is {MAX_PARAMETERS}")
        return ()
    found = []
    for i, row in enumerate(rows, start=1):
        pad = f"gevoeligheid[{i}]"
        if not isinstance(row, dict):
            m.fout(pad, "hier hoort een mapping: {parameter: volumes.Wsw.factor, laag: 0.95, hoog: 1.05}")
            continue
        unknown_fields(row, pad, PARAMETER_FIELDS, m)
        parameter = _parameter(row, pad, b, m)
        if parameter is not None:
            found.append(parameter)
    return tuple(found)


def _parameter(row: dict, pad: str, b: Begroting, m: Meldingen) -> Parameter | None:
    naam = text(get(row, "parameter", pad, m), f"{pad}.parameter", m)
    target = _split_path(naam, f"{pad}.parameter", b, m)
    if target is None:
        return None
    soort, doel, veld = target
    low, high = (_field(soort, doel, veld, get(row, end, pad, m), f"{pad}.{end}", b, m)
                 for end in ("laag", "hoog"))
    if low is None or high is None:
        return None
    if low.waarde > high.waarde:
        m.fout(f"{pad}.laag", f"laag {low.waarde:g} is groter dan hoog {high.waarde:g}")
        return None
    try:
        basis = AANPASSINGEN[soort].basis(b, doel, veld)
    except InvoerFout as fout:
        m.fout(f"{pad}.parameter", str(fout))
        return None
    omschrijving = text(row.get("omschrijving"), f"{pad}.omschrijving", m, required=False)
    return Parameter(naam, Aanpassing(soort, doel, veld, basis, pad), basis, low.waarde, high.waarde,
                     omschrijving)


def _split_path(naam: str, pad: str, b: Begroting, m: Meldingen) -> tuple | None:
    """'volumes.Wsw.factor' -> (volumes, Wsw, factor); 'indexatie' -> (indexatie, '', '')."""
    soort, _, rest = naam.partition(".")
    kind = AANPASSINGEN.get(soort)
    if kind is None:
        m.fout(pad, f"onbekende parameter '{naam}'; begin met {', '.join(AANPASSINGEN)}")
        return None
    if not kind.label:
        return (soort, "", "") if not rest else _bad_path(naam, pad, m)
    doel, _, veld = rest.rpartition(".")
    if doel not in kind.doelen(b):
        m.fout(pad, f"onbekend {kind.label} '{doel}' in parameter '{naam}'")
        return None
    if veld not in kind.velden or not kind.velden[veld][1]:
        scalars = [v for v, (_, scalar) in kind.velden.items() if scalar]
        m.fout(pad, f"'{veld}' kan niet in de gevoeligheid; kies {', '.join(scalars)}")
        return None
    return soort, doel, veld


def _bad_path(naam: str, pad: str, m: Meldingen) -> None:
    m.fout(pad, f"onbekende parameter '{naam}'")
    return None

