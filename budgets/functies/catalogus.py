"""The catalogue of Excel functions, read from pyfuncs/udfs.py: names, help, argument docs."""

import ast
import inspect
from dataclasses import dataclass
from pathlib import Path

from pyfuncs import udfs


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


def catalogue() -> list[Functie]:
    """Every UDF of pyfuncs.udfs in the order of the module."""
    tree = ast.parse(Path(udfs.__file__).read_text(encoding="utf-8"))
    functions = []
    for node in tree.body:
        if not (isinstance(node, ast.FunctionDef) and node.name.startswith("PB_")):
            continue
        docs = _argument_docs(node)
        signature = inspect.signature(getattr(udfs, node.name))
        arguments = tuple(
            Argument(p.name, None if p.default is p.empty else p.default, docs.get(p.name, ""),
                     p.default is p.empty)
            for p in signature.parameters.values()
        )
        functions.append(Functie(node.name, inspect.getdoc(getattr(udfs, node.name)) or "", arguments))
    return functions


def call_text(functie: Functie) -> str:
    """How the call looks in Excel, optional arguments in brackets."""
    parts = [a.naam if a.verplicht else f"[{a.naam}]" for a in functie.argumenten]
    return f"{functie.naam}({'; '.join(parts)})"
