"""Shared fixtures: the real spreadsheet engine and the repository's folders."""

import os
from pathlib import Path

import pytest
from hypothesis import settings

from budgets.excel import rekenmotor

ROOT = Path(__file__).resolve().parent.parent

# CI explores the same examples on every run, so a red build can be reproduced; on a
# developer's machine hypothesis keeps searching new ones.
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")


@pytest.fixture(scope="session")
def libreoffice() -> str:
    """LibreOffice's executable; skips on a laptop without it, but never in CI."""
    path = rekenmotor.soffice_path()
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice ontbreekt in CI: .ci/run hoort het te installeren")
        pytest.skip("LibreOffice is niet geïnstalleerd")
    return path


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


# Shared by the P&C tests (kwartaal, kwartaal model, afrekening): the Werkom sample
# files and the CLI run in-process, as fixtures so that test modules never import each other.

@pytest.fixture(scope="session")
def werkom(root: Path) -> Path:
    """The Werkom sample folder (begroting.yaml and realisatie/)."""
    return root / "samples" / "werkom"


@pytest.fixture(scope="session")
def werkom_realisatie(werkom: Path) -> Path:
    """The illustrative Werkom ledger, volume, mapping and wijzigingen files."""
    return werkom / "realisatie"


@pytest.fixture(scope="session")
def werkom_basis(werkom: Path, werkom_realisatie: Path):
    """The Werkom begroting of 2023 with its wijzigingen (budgets.pc.jaarbegroting.Basis)."""
    from budgets.pc.jaarbegroting import load_basis

    return load_basis(werkom / "begroting.yaml", 2023, werkom_realisatie / "wijzigingen_2023.yaml")


@pytest.fixture(scope="session")
def run_cli():
    """`begroting ARGS...` in this process: returns (exit code, stdout, stderr)."""
    import contextlib
    import io

    from budgets.cli import main

    def run(*argv) -> tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main([str(a) for a in argv])
        return code, out.getvalue(), err.getvalue()

    return run
