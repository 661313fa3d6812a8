"""The mapping file: which export columns hold what, and how codes map to the begroting.

The format is documented in docs/pc-cyclus.md and in the shipped default
budgets/grootboek/mapping_standaard.yaml. Missing sections fall back to that default; a code that
a translation table does not list is taken as the begroting's own name.
"""

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import yaml

from budgets.bestanden import read_yaml
from pyfuncs.fouten import InvoerFout

LEDGER_ROLES = ("datum", "periode", "rekening", "kostenplaats", "gemeente", "bedrag", "soort")
VOLUME_ROLES = ("datum", "periode", "gemeente", "product", "volume")
TEKENS = ("lasten_positief", "baten_positief")
PERIODES = ("maand", "kwartaal")
SECTIONS = {  # the keys a mapping file may use, per level (a typo is an error)
    "": ("grootboek", "volumes", "rekeningen", "kostenplaatsen", "gemeenten", "producten",
         "bijdragerekeningen"),
    "grootboek": ("kolommen", "soorten", "teken", "decimaalteken"),
    "volumes": ("kolommen", "periode"),
}
NAME_TABLES = {  # table -> what its names must be in the begroting (see check_names)
    "rekeningen": "exploitatieregel", "kostenplaatsen": "product of doorbelasting",
    "gemeenten": "deelnemer", "producten": "product",
}


@dataclass(frozen=True)
class Mapping:
    """A validated mapping.

    ledger_columns / volume_columns: role -> column name in the export (None: absent).
    soorten: value of the soort column -> 'baten' or 'lasten'.
    teken: without a soort column, 'lasten_positief' (debet +) or 'baten_positief'.
    rekeningen: grootboekrekening -> exploitatieregel; kostenplaatsen: kostenplaats ->
    product or doorbelasting (None: no product); gemeenten / producten: export code ->
    name in the begroting. volume_periode: 'maand' or 'kwartaal' (one value per period,
    the average number in that period). bijdragerekeningen: rekeningen on which the
    gemeenten's own bijdragen and voorschotten are booked (not costs in the afrekening).
    """

    bron: str
    ledger_columns: dict[str, str | None]
    volume_columns: dict[str, str | None]
    soorten: dict[str, str] = field(default_factory=dict)
    teken: str = "lasten_positief"
    decimaalteken: str = ","
    rekeningen: dict[str, str] = field(default_factory=dict)
    kostenplaatsen: dict[str, str | None] = field(default_factory=dict)
    gemeenten: dict[str, str] = field(default_factory=dict)
    producten: dict[str, str] = field(default_factory=dict)
    volume_periode: str = "maand"
    bijdragerekeningen: tuple[str, ...] = ()
    regelnummers: dict[str, int] = field(default_factory=dict, compare=False)
    """'kostenplaatsen.KP20' -> its line in the mapping file (for messages)."""


def _load_yaml(path: Path | None) -> tuple[dict, str]:
    if path is None:
        text = resources.files("budgets.grootboek").joinpath("mapping_standaard.yaml").read_text("utf-8")
        return yaml.safe_load(text) or {}, "standaardmapping"
    data = read_yaml(path, "mappingbestand") or {}
    if not isinstance(data, dict):
        raise InvoerFout(f"{path}: verwacht een YAML-mapping met secties, geen lijst of tekst")
    _check_keys(data, "", str(path))
    for section in ("grootboek", "volumes"):
        if isinstance(data.get(section), dict):
            _check_keys(data[section], section, str(path))
    return data, str(path)


def _line(table, key) -> str:
    line = table.line(key) if hasattr(table, "line") else None
    return f"regel {line}: " if line else ""


def _check_keys(table: dict, where: str, source: str) -> None:
    """Refuse a key the format does not know, naming its line and the likely intent."""
    import difflib

    allowed = SECTIONS[where]
    for key in table:
        if key not in allowed:
            close = difflib.get_close_matches(str(key), allowed, n=1)
            hint = f"bedoelde u '{close[0]}'? " if close else ""
            place = f"{where}.{key}" if where else str(key)
            raise InvoerFout(f"{source}: {_line(table, key)}{place}: onbekende sleutel; {hint}"
                             f"toegestaan: {', '.join(allowed)}")


def _numbers(own: dict) -> dict[str, int]:
    """'table.code' -> line, for the translation tables of a user's mapping."""
    found = {}
    for table in NAME_TABLES:
        section = own.get(table)
        if hasattr(section, "line"):
            found.update({f"{table}.{str(code).strip()}": section.line(code) for code in section})
    return found


def check_names(mapping: "Mapping", regels, producten, gemeenten) -> None:
    """Refuse a mapping whose tables name what the begroting does not have: the error is
    the mapping's, not the export's (names match case-insensitively, as in placing)."""
    known = {"rekeningen": regels, "kostenplaatsen": producten, "gemeenten": gemeenten,
             "producten": producten}
    for table, meaning in NAME_TABLES.items():
        names = {str(n).casefold() for n in known[table]}
        for code, name in getattr(mapping, table).items():
            if name is not None and str(name).casefold() not in names:
                line = mapping.regelnummers.get(f"{table}.{code}")
                where = f"regel {line}: " if line else ""
                raise InvoerFout(f"{mapping.bron}: {where}{table}.{code}: '{name}' is geen "
                                 f"{meaning} van de begroting")


def _section(data: dict, key: str, source: str) -> dict:
    value = data.get(key) or {}
    if not isinstance(value, dict):
        raise InvoerFout(f"{source}: '{key}' moet een tabel (sleutel: waarde) zijn")
    return value


def _codes(data: dict, key: str, source: str, allow_none: bool = False) -> dict:
    table = _section(data, key, source)
    result = {}
    for code, name in table.items():
        if name is None and allow_none:
            result[str(code).strip()] = None
        elif isinstance(name, (str, int, float)) and str(name).strip():
            result[str(code).strip()] = str(name).strip()
        else:
            raise InvoerFout(f"{source}: {key}.{code} heeft geen geldige naam ({name!r})")
    return result


def _columns(section: dict, roles: tuple[str, ...], where: str, source: str) -> dict:
    columns = _section(section, "kolommen", f"{source}: {where}")
    unknown = sorted(set(columns) - set(roles))
    if unknown:
        raise InvoerFout(
            f"{source}: {where}.kolommen kent '{unknown[0]}' niet; mogelijk: {', '.join(roles)}"
        )
    return {role: (None if columns.get(role) in (None, "") else str(columns[role]))
            for role in roles}


def _choice(value, allowed: tuple[str, ...], where: str, source: str) -> str:
    if value not in allowed:
        raise InvoerFout(f"{source}: {where} '{value}' is onbekend; kies uit: {', '.join(allowed)}")
    return value


def _merge(default: dict, own: dict) -> dict:
    merged = dict(default)
    for key, value in own.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def load_mapping(path: Path | None = None) -> Mapping:
    """Read a mapping file on top of the shipped default (None: the default alone)."""
    default, _ = _load_yaml(None)
    own, source = _load_yaml(path)
    data = _merge(default, own)
    ledger = _section(data, "grootboek", source)
    volumes = _section(data, "volumes", source)
    soorten = {str(k).strip(): _choice(str(v).strip().lower(), ("baten", "lasten"),
                                       f"grootboek.soorten.{k}", source)
               for k, v in _section(ledger, "soorten", source).items()}
    return Mapping(
        bron=source,
        ledger_columns=_columns(ledger, LEDGER_ROLES, "grootboek", source),
        volume_columns=_columns(volumes, VOLUME_ROLES, "volumes", source),
        soorten=soorten,
        teken=_choice(ledger.get("teken", "lasten_positief"), TEKENS, "grootboek.teken", source),
        decimaalteken=_choice(str(ledger.get("decimaalteken", ",")), (",", "."),
                              "grootboek.decimaalteken", source),
        rekeningen=_codes(data, "rekeningen", source),
        kostenplaatsen=_codes(data, "kostenplaatsen", source, allow_none=True),
        gemeenten=_codes(data, "gemeenten", source),
        producten=_codes(data, "producten", source),
        volume_periode=_choice(volumes.get("periode", "maand"), PERIODES, "volumes.periode",
                               source),
        bijdragerekeningen=_code_list(data, "bijdragerekeningen", source),
        regelnummers=_numbers(own),
    )


def _code_list(data: dict, key: str, source: str) -> tuple[str, ...]:
    value = data.get(key) or []
    if not isinstance(value, list):
        raise InvoerFout(f"{source}: '{key}' moet een lijst van rekeningcodes zijn")
    return tuple(str(code).strip() for code in value)
