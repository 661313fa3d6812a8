"""Loading a spec from YAML or from a generated workbook, validating it completely."""

from pathlib import Path

from budgets.bestanden import MAX_YAML_BYTES, parse_yaml, read_text
from budgets.spec.bbv_kern import check_bbv
from budgets.spec.lezen import parse_spec
from budgets.spec.meldingen import Meldingen
from budgets.spec.model import Begroting
from budgets.spec.samenhang import check_key_values, check_spec
from budgets.spec.uit_werkboek import read_workbook
from pyfuncs.fouten import InvoerFout


def load_spec(path: Path) -> Begroting:
    """Read and validate a spec from YAML (.yaml/.yml) or a generated workbook (.xlsx).

    Raises InvoerFout with every error found, each naming the file and the place.
    """
    path = Path(path)
    if not path.exists():
        raise InvoerFout(f"{path}: bestand niet gevonden")
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        raw, places = read_yaml(path), {}
    elif suffix in (".xlsx", ".xlsm"):
        raw, places = read_workbook(path)
    else:
        raise InvoerFout(f"{path.name}: onbekend bestandstype; geef een .yaml of een gegenereerde .xlsx")
    return parse_mapping(raw, path.name, places)


def read_yaml(path: Path):
    """The spec as plain data, read with the strict loader (size, aliases, duplicate
    keys, impossible dates refused with their line)."""
    text = read_text(path, "spec", MAX_YAML_BYTES)
    return parse_yaml(text, path.name, "spec")


def parse_mapping(raw, bron: str, places: dict | None = None) -> Begroting:
    """Validate a plain mapping (the YAML form) into a Begroting."""
    m = Meldingen(bron, places)
    begroting = parse_spec(raw, m)
    m.raise_if_any()
    check_spec(begroting, m)
    check_bbv(begroting, m)
    m.raise_if_any()
    check_key_values(begroting, m)
    m.raise_if_any()
    return begroting
