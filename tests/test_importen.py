"""Imports only where used: a command does not load libraries its work does not need
(pandas and pyarrow cost a third of a second before anything happens)."""

import json
import subprocess
import sys

HEAVY = ("pandas", "pyarrow", "formulas", "xlwings", "duckdb")
PROGRAM = """
import json, sys
from budgets.cli import main
code = main(sys.argv[1:])
print(json.dumps(sorted({m.split('.')[0] for m in sys.modules} & set(%r))))
"""


def loaded(*args: str, heavy: tuple = HEAVY) -> list[str]:
    done = subprocess.run([sys.executable, "-c", PROGRAM % (heavy,), *args], capture_output=True, text=True,
                          timeout=120)
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_genereer_loads_no_dataframe_or_excel_add_in_library(root, tmp_path):
    spec = root / "samples/werkom/begroting.yaml"
    # subprocess: LibreOffice's driver (budgets.excel.rekenmotor) waits until it is needed
    assert loaded("genereer", str(spec), "-o", str(tmp_path / "w.xlsx"), "--niet-controleren",
                  heavy=(*HEAVY, "openpyxl", "subprocess")) == []


def test_controleer_loads_none_of_them_with_libreoffice(root, tmp_path, libreoffice):
    spec = root / "samples/werkom/begroting.yaml"
    target = tmp_path / "w.xlsx"
    loaded("genereer", str(spec), "-o", str(target), "--niet-controleren")
    assert loaded("controleer", str(target)) == []


def test_the_function_list_loads_none_of_them():
    assert loaded("functies") == []


def test_kwartaal_on_a_csv_ledger_loads_pyarrow_but_not_pandas_or_openpyxl(root, tmp_path):
    """Also when it reads the toelichtingen back from the report it replaces."""
    real = root / "samples/werkom/realisatie"
    args = ("kwartaal", str(root / "samples/werkom/begroting.yaml"),
            str(real / "grootboek_2023.csv"), "--kwartaal", "4",
            "--volumes", str(real / "volumes_2023.csv"), "--mapping", str(real / "mapping.yaml"),
            "--wijzigingen", str(real / "wijzigingen_2023.yaml"), "-o", str(tmp_path / "k.xlsx"))
    assert loaded(*args, heavy=(*HEAVY, "openpyxl")) == ["pyarrow"]
    assert loaded(*args, "--overschrijf", heavy=(*HEAVY, "openpyxl")) == ["pyarrow"]
