"""Werkblad skips XlsxWriter's formula substitutions only where they cannot change the
formula: every formula comes out as XlsxWriter itself prepares it."""

import inspect
import re

import pytest
from xlsxwriter.worksheet import Worksheet

from budgets.excel.werkblad import DYNAMIC, Werkblad


def names_xlsxwriter_prefixes() -> set[str]:
    """The function names the installed XlsxWriter prefixes before it looks at
    use_future_functions, read from its own source (so a new version is noticed); its
    pattern for SINGLE is written "\\SINGLE\\(", a \\S and then INGLE."""
    source = inspect.getsource(Worksheet._prepare_formula).split("use_future_functions")[0]
    found = re.findall(r'r"\\([bS])([A-Z][A-Z.]*)\\\(', source)
    return {name if escape == "b" else escape + name for escape, name in found}


def test_the_list_is_the_one_of_the_installed_xlsxwriter():
    assert names_xlsxwriter_prefixes() == set(DYNAMIC)


FORMULAS = ["=SUM(B2:B9)", "=ROUND(Invoer!$C$4*(1+Invoer!$C$5),2)", "{=SUM(A1:A3*B1:B3)}",
            '=IF(A1="SORT(";1;0)', "=MAPPING+1", "=XLOOKUP(A1,B:B,C:C)", "=@SINGLE(A1:A3)",
            "=sort(A1:A3)", "=A1&\"FILTER(\"", "=LET(x,1,x)"]
FORMULAS += [f"=IFERROR({name}(A1:A9),0)" for name in DYNAMIC]


@pytest.mark.parametrize("formula", FORMULAS)
@pytest.mark.parametrize("future", [False, True])
def test_every_formula_is_prepared_as_xlsxwriter_prepares_it(formula, future):
    ours, theirs = Werkblad(), Worksheet()
    ours.use_future_functions = theirs.use_future_functions = future
    assert ours._prepare_formula(formula) == theirs._prepare_formula(formula)
    assert ours._prepare_formula(formula, True) == theirs._prepare_formula(formula, True)
