"""The catalogue of Excel functions, read from pyfuncs/udfs.py: names, help, argument docs.

Read from the source text alone: importing the module would load xlwings (and through it
pandas), which listing the functions does not need.
"""

import ast
import importlib.util
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Argument:
    """One argument of an Excel function: its name, default (None = required) and Dutch help."""

    naam: str
    standaard: object
    uitleg: str
    verplicht: bool


@dataclass(frozen=True)
class Functie:
    """One Excel function: its name, one-line help (docstring) and arguments."""

    naam: str
    uitleg: str
    argumenten: tuple[Argument, ...]


def _argument_docs(node: ast.FunctionDef) -> dict[str, str]:
    docs = {}
    for decorator in node.decorator_list:
        if isinstance(decorator, ast.Call) and getattr(decorator.func, "id", "") == "arg":
            name = ast.literal_eval(decorator.args[0])
            for keyword in decorator.keywords:
                if keyword.arg == "doc":
                    docs[name] = ast.literal_eval(keyword.value)
    return docs


def udfs_source() -> Path:
    """The file of pyfuncs.udfs, found without importing it."""
    return Path(importlib.util.find_spec("pyfuncs.udfs").origin)


def _arguments(node: ast.FunctionDef) -> tuple[Argument, ...]:
    docs, args, given = _argument_docs(node), node.args.args, node.args.defaults
    defaults = [None] * (len(args) - len(given)) + [ast.literal_eval(d) for d in given]
    required = [True] * (len(args) - len(given)) + [False] * len(given)
    return tuple(Argument(a.arg, default, docs.get(a.arg, ""), must)
                 for a, default, must in zip(args, defaults, required, strict=True))


def catalogue() -> list[Functie]:
    """Every UDF of pyfuncs.udfs in the order of the module."""
    tree = ast.parse(udfs_source().read_text(encoding="utf-8"))
    return [Functie(node.name, ast.get_docstring(node) or "", _arguments(node)) for node in tree.body
            if isinstance(node, ast.FunctionDef) and node.name.startswith("PB_")]


def call_text(functie: Functie) -> str:
    """How the call looks in Excel, optional arguments in brackets."""
    parts = [a.naam if a.verplicht else f"[{a.naam}]" for a in functie.argumenten]
    return f"{functie.naam}({'; '.join(parts)})"
