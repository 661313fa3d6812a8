"""Shared fixtures: the real spreadsheet engine and the repository's folders."""

import os
from pathlib import Path

import pytest

from budgets import rekenmotor

ROOT = Path(__file__).resolve().parent.parent


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
