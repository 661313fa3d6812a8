"""The voorschotten (advance payments) a gemeente paid during the year, from a file.

YAML, per gemeente the total or the list of terms actually paid (EUR):

    voorschotten:
      Zaanstad: [512000.00, 512000.00, ...]
      Purmerend: 3050000.00
"""

from pathlib import Path

from budgets.bestanden import read_yaml, yaml_number
from pyfuncs.fouten import InvoerFout

MAX_TERMIJNEN = 366  # terms per gemeente (daily would be the extreme)


def _amount(value, where: str) -> float:
    return yaml_number(value, where, "bedrag")


def _where(path: Path, table, gemeente) -> str:
    line = table.line(gemeente) if hasattr(table, "line") else None
    return f"{path}: regel {line}: voorschotten.{gemeente}" if line else \
        f"{path}: voorschotten.{gemeente}"


def load_voorschotten(path: Path, gemeenten: tuple[str, ...]) -> dict[str, tuple[float, ...]]:
    """Terms paid per gemeente; every deelnemer must be listed, and only deelnemers."""
    data = read_yaml(path, "voorschottenbestand") or {}
    table = data.get("voorschotten") if isinstance(data, dict) else None
    if not isinstance(table, dict):
        raise InvoerFout(f"{path}: verwacht 'voorschotten:' met per gemeente een bedrag of termijnen")
    unknown = [key for key in data if key != "voorschotten"]
    if unknown:
        raise InvoerFout(f"{path}: onbekende sleutel '{unknown[0]}'; alleen 'voorschotten:' "
                         "hoort bovenaan")
    result = {}
    for gemeente, value in table.items():
        where = _where(path, table, gemeente)
        if gemeente not in gemeenten:
            raise InvoerFout(f"{where}: geen deelnemer van de regeling")
        terms = value if isinstance(value, list) else [value]
        if len(terms) > MAX_TERMIJNEN:
            raise InvoerFout(f"{where}: {len(terms)} termijnen; de grens is {MAX_TERMIJNEN}")
        result[gemeente] = tuple(_amount(v, f"{where}[{i}]") for i, v in enumerate(terms, start=1))
    missing = [g for g in gemeenten if g not in result]
    if missing:
        raise InvoerFout(f"{path}: voorschotten ontbreken voor {', '.join(missing)}")
    return result
