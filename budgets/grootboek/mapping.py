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


def _load_yaml(path: Path | None) -> tuple[dict, str]:
    if path is None:
        text = resources.files("budgets.grootboek").joinpath("mapping_standaard.yaml").read_text("utf-8")
        return yaml.safe_load(text) or {}, "standaardmapping"
    data = read_yaml(path, "mappingbestand") or {}
    if not isinstance(data, dict):
        raise InvoerFout(f"{path}: verwacht een YAML-mapping met secties, geen lijst of tekst")
    return data, str(path)


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
    )


def _code_list(data: dict, key: str, source: str) -> tuple[str, ...]:
    value = data.get(key) or []
    if not isinstance(value, list):
        raise InvoerFout(f"{source}: '{key}' moet een lijst van rekeningcodes zijn")
    return tuple(str(code).strip() for code in value)
