"""XlsxWriter's worksheet for every workbook we write: the same file, written faster.

XlsxWriter prepares every formula with about thirty regular-expression substitutions,
one per dynamic-array function it gives the `_xlfn.` prefix. Our formulas seldom name
one, so one search for all of those names decides whether the substitutions can change
anything; when they cannot, the formula is stripped exactly as XlsxWriter strips it.
Use it as `book.add_worksheet(title, worksheet_class=Werkblad)`.
"""

import re

from xlsxwriter.worksheet import Worksheet

# The names XlsxWriter's Worksheet._prepare_formula prefixes when future functions are
# off; its pattern for SINGLE is "\SINGLE\(" (any non-space, then INGLE), the others
# "\bNAME\(".
DYNAMIC = ("ANCHORARRAY", "BYCOL", "BYROW", "CHOOSECOLS", "CHOOSEROWS", "DROP", "EXPAND",
           "FILTER", "HSTACK", "LAMBDA", "MAKEARRAY", "MAP", "RANDARRAY", "REDUCE", "SCAN",
           "SEQUENCE", "SINGLE", "SORT", "SORTBY", "SWITCH", "TAKE", "TEXTSPLIT", "TOCOL",
           "TOROW", "UNIQUE", "VSTACK", "WRAPCOLS", "WRAPROWS", "XLOOKUP")
_MAY_CHANGE = re.compile(r"\b(?:" + "|".join(n for n in DYNAMIC if n != "SINGLE") + r")\(|\SINGLE\(")


class Werkblad(Worksheet):
    """A Worksheet whose formula preparation skips the substitutions that cannot apply."""

    def _prepare_formula(self, formula, expand_future_functions=False):
        if self.use_future_functions or expand_future_functions or _MAY_CHANGE.search(formula):
            return super()._prepare_formula(formula, expand_future_functions)
        if formula.startswith("{"):
            formula = formula[1:]
        if formula.startswith("="):
            formula = formula[1:]
        if formula.endswith("}"):
            formula = formula[:-1]
        return formula
