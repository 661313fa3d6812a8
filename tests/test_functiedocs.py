"""docs/functies.md is generated from the UDFs and stays in sync with them."""

import subprocess
import sys

from budgets.functies import naslag as functiedocs
from budgets.functies.catalogus import catalogue
from budgets.functies.voorbeelden import FOUTEN, VOORBEELDEN
from budgets.werkmap.teksten import example_error
from pyfuncs import udfs


def test_committed_reference_equals_the_generated_text(root):
    committed = (root / "docs" / "functies.md").read_text(encoding="utf-8")
    assert committed == functiedocs.render_markdown(), "draai: python -m budgets.functies.naslag"


def test_every_function_has_help_arguments_example_and_errors():
    text = functiedocs.render_markdown()
    for functie in catalogue():
        section = text.split(f"\n## {functie.naam}\n", 1)[1].split("\n## ", 1)[0]
        assert functie.uitleg in section
        for argument in functie.argumenten:
            assert f"| `{argument.naam}` |" in section
            assert argument.uitleg, f"{functie.naam}.{argument.naam} heeft geen uitleg"
        assert "**Voorbeeld.**" in section and "Uitkomst" in section
        assert section.count(f"- `{functie.naam}: ") == len(FOUTEN[functie.naam]) >= 1


def test_example_results_are_the_functions_results():
    voorbeeld = VOORBEELDEN["PB_VERDEEL"]
    parts = udfs.PB_VERDEEL(*voorbeeld.argumenten)
    section = functiedocs.section(next(f for f in catalogue() if f.naam == "PB_VERDEEL"))
    for (part,) in parts:
        assert f"| {functiedocs.format_value(part)} |" in section


def test_dutch_number_format():
    assert functiedocs.format_value(1722000.0) == "1.722.000"
    assert functiedocs.format_value(-1234.5) == "-1.234,5"
    assert functiedocs.format_value(True) == "WAAR"
    assert functiedocs.format_value(None) == "(leeg)"


def test_markdown_flag_and_check_mode(root):
    shown = subprocess.run([sys.executable, "-m", "budgets.cli", "functies", "--markdown"],
                           capture_output=True, text=True)
    assert shown.returncode == 0
    assert shown.stdout == (root / "docs" / "functies.md").read_text(encoding="utf-8")
    check = subprocess.run([sys.executable, "-m", "budgets.functies.naslag", "--controleer"],
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stderr


def test_excel_guide_quotes_the_real_error_message(root):
    guide = (root / "docs" / "excel.md").read_text(encoding="utf-8")
    formula, message = example_error()
    assert message in guide
    assert formula.split(" met ")[0] in guide
