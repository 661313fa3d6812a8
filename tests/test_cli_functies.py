"""`begroting --version` and `begroting functies` as a user runs them."""

import subprocess
import sys

from budgets.functies.catalogus import catalogue
from pyfuncs import __version__, udfs


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "budgets.cli", *args], capture_output=True, text=True)


def test_version():
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"begroting {__version__}"


def test_functies_lists_every_udf_with_its_help():
    names = sorted(name for name in dir(udfs) if name.startswith("PB_"))
    assert len(names) == 17
    result = run("functies")
    assert result.returncode == 0
    assert result.stdout.startswith("17 Excel-functies")
    for name in names:
        first_words = " ".join(getattr(udfs, name).__doc__.split()[:4])
        assert name + "(" in result.stdout
        assert first_words in " ".join(result.stdout.split())


def test_every_function_has_dutch_help_within_excels_limit():
    for functie in catalogue():
        assert 0 < len(functie.uitleg) <= 255, functie.naam
        for argument in functie.argumenten:
            assert argument.uitleg, f"{functie.naam}: argument {argument.naam} heeft geen doc="
            assert len(argument.uitleg) <= 255


def test_unknown_command_is_a_usage_error():
    result = run("bestaatniet")
    assert result.returncode == 2
