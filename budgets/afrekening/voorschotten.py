"""The voorschotten (advance payments) a gemeente paid during the year, from a file.

YAML, per gemeente the total or the list of terms actually paid (EUR):

    voorschotten:
      Zaanstad: [512000.00, 512000.00, ...]
      Purmerend: 3050000.00
"""

from pathlib import Path

from budgets.bestanden import read_yaml
from pyfuncs.fouten import InvoerFout


def _amount(value, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise InvoerFout(f"{where}: '{value}' is geen bedrag")
    return float(value)


def load_voorschotten(path: Path, gemeenten: tuple[str, ...]) -> dict[str, tuple[float, ...]]:
    """Terms paid per gemeente; every deelnemer must be listed, and only deelnemers."""
    data = read_yaml(path, "voorschottenbestand") or {}
    table = data.get("voorschotten") if isinstance(data, dict) else None
    if not isinstance(table, dict):
        raise InvoerFout(f"{path}: verwacht 'voorschotten:' met per gemeente een bedrag of termijnen")
    result = {}
    for gemeente, value in table.items():
        if gemeente not in gemeenten:
            raise InvoerFout(f"{path}: voorschotten.{gemeente}: geen deelnemer van de regeling")
        terms = value if isinstance(value, list) else [value]
        result[gemeente] = tuple(_amount(v, f"{path}: voorschotten.{gemeente}[{i}]")
                                 for i, v in enumerate(terms, start=1))
    missing = [g for g in gemeenten if g not in result]
    if missing:
        raise InvoerFout(f"{path}: voorschotten ontbreken voor {', '.join(missing)}")
    return result
