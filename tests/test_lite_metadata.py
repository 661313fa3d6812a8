"""The generated Lite main.py against the Office custom-functions metadata rules (Microsoft's
"Naming guidelines" and "Manually create JSON metadata"), read from its source with ast: no
licensed part of xlwings is used.

- a function name uses A–Z, 0–9, underscore and period, starts with a letter, has at least
  three characters and is no cell reference (A1…XFD1048576, R1C1…) nor an Excel 4.0 macro
  function;
- every parameter has a name and a description (shown in IntelliSense);
- dimensionality is scalar or matrix: an argument the function reads as a range must be
  declared ndim=2 (matrix), one it reads as a single value must stay scalar.
"""

import ast
import re

import pytest

from budgets.functies import lite

XLM_FUNCTIONS = {"RUN", "ECHO", "CALL", "REGISTER", "FORMULA", "HALT", "RETURN", "RESULT", "ARGUMENT"}
RANGE_READERS = {"vector", "matrix", "grid", "cells", "rows_of", "texts"}
VALUE_READERS = {"number", "optional_number", "choice", "flag", "quarter", "whole_number", "year"}


@pytest.fixture(scope="module")
def functions():
    tree = ast.parse(lite.render_main())
    found = {node.name: node for node in tree.body if isinstance(node, ast.FunctionDef)
             and any(getattr(d, "id", None) == "func" for d in node.decorator_list)}
    assert len(found) == 17
    return found


def _declared(node: ast.FunctionDef) -> dict[str, dict]:
    declared = {}
    for decorator in node.decorator_list:
        if isinstance(decorator, ast.Call) and getattr(decorator.func, "id", None) == "arg":
            options = {k.arg: ast.literal_eval(k.value) for k in decorator.keywords}
            declared[ast.literal_eval(decorator.args[0])] = options
    return declared


def _reads(node: ast.FunctionDef) -> dict[str, set[str]]:
    """Per parameter, the readers it is passed to (directly or through _aligned's dict)."""
    parameters = {a.arg for a in node.args.args}
    reads: dict[str, set[str]] = {}
    for call in (n for n in ast.walk(node) if isinstance(n, ast.Call)):
        reader = getattr(call.func, "id", None)
        if reader == "_aligned":
            reader = "cells"  # _aligned reads every value with cells()
        for argument in call.args[:1] + [v for d in call.args if isinstance(d, ast.Dict) for v in d.values]:
            if isinstance(argument, ast.Name) and argument.id in parameters and reader:
                reads.setdefault(argument.id, set()).add(reader)
    return reads


def test_names_follow_the_custom_function_rules(functions):
    for name in functions:
        assert re.fullmatch(r"[A-Za-z][A-Za-z0-9_.]{2,}", name), name
        assert not re.fullmatch(r"([A-Z]{1,3}[0-9]+|R[0-9]*C[0-9]*)", name.upper()), name
        assert name.upper() not in XLM_FUNCTIONS, name


def test_every_parameter_has_a_name_and_a_description(functions):
    for name, node in functions.items():
        declared = _declared(node)
        parameters = [a.arg for a in node.args.args]
        assert set(declared) == set(parameters), name
        for parameter in parameters:
            assert re.fullmatch(r"[a-z][a-z0-9_]*", parameter), (name, parameter)
            assert 0 < len(declared[parameter]["doc"]) <= 255, (name, parameter)
            assert declared[parameter].get("err_to_str") is True, (name, parameter)


def test_dimensionality_matches_how_each_argument_is_read(functions):
    for name, node in functions.items():
        declared, reads = _declared(node), _reads(node)
        for parameter, options in declared.items():
            readers = reads.get(parameter, set())
            assert readers, (name, parameter, "wordt niet gelezen")
            if readers & RANGE_READERS:
                assert options.get("ndim") == 2, (name, parameter, "leest een bereik: ndim=2 (matrix)")
            else:
                assert readers <= VALUE_READERS | {"is_blank"} and "ndim" not in options, (name, parameter)
