"""The project's modules compiled to bytecode before a benchmark times fresh processes.

A user's second run finds the bytecode Python wrote on the first; with
PYTHONDONTWRITEBYTECODE set (as on some machines, this one among them) it never does, and
every start compiles the project again (≈ 0.05 s). The libraries are compiled when pip
installs them; the project, installed editable, is not. Compiling it once here times what
a user waits for, on any machine.
"""

import compileall
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def compile_project() -> None:
    for package in ("budgets", "pyfuncs"):
        compileall.compile_dir(ROOT / package, quiet=1)
