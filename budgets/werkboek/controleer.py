"""Verifying a generated begroting workbook against the calculation core.

The inputs are read back from the workbook, every result is recomputed by the core
and the expected formulas are planned again; the workbook is recalculated by an
independent engine. Checks are plain functions in a registered list that return
findings; one loop runs them and the report only formats them.
"""

import contextlib
import io
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from budgets.excel import rekenmotor
from budgets.excel.veilig import check_workbook, open_workbook
from budgets.spec.laden import parse_mapping
from budgets.spec.model import Begroting
from budgets.spec.uit_werkboek import read_book
from budgets.werkboek.opbouw import build_plan
from budgets.werkboek.plan import UNCHECKED, Blad

TOLERANTIE = 0.005


@dataclass(frozen=True)
class Bevinding:
    """One finding: where (sheet!cell), what kind, and a Dutch message."""

    plaats: str
    soort: str
    melding: str

    def __str__(self) -> str:
        return f"{self.plaats}: {self.melding}"


@dataclass
class Context:
    """What every check may look at."""

    pad: Path
    spec: Begroting
    bladen: list[Blad]
    formules: object  # the workbook as openpyxl reads it (formulas, not values)
    waarden: dict  # {sheet: {cell: value}} after recalculation
    engine: str
    afwijkend: set = field(default_factory=set)  # cells already reported as edited


@dataclass(frozen=True)
class Rapport:
    """The result of a verification."""

    pad: Path
    engine: str
    bevindingen: tuple
    formules: int
    waarden: int
    terugval: bool = False  # `formulas` ran because LibreOffice is missing

    @property
    def in_orde(self) -> bool:
        return not self.bevindingen


def _formula_text(value) -> str | None:
    return value if isinstance(value, str) and value.startswith("=") else None


def _same_formula(a: str, b: str) -> bool:
    return a.replace(" ", "").upper() == b.replace(" ", "").upper()


def check_sheets(ctx: Context) -> list[Bevinding]:
    """Sheets of the plan that the workbook lacks."""
    names = set(ctx.formules.sheetnames)
    return [Bevinding(blad.titel, "blad", "blad ontbreekt") for blad in ctx.bladen if blad.titel not in names]


def check_formulas(ctx: Context) -> list[Bevinding]:
    """Formula cells replaced by a typed value, emptied, or changed into another formula."""
    found = []
    for blad in ctx.bladen:
        if blad.titel not in ctx.formules.sheetnames:
            continue
        sheet = ctx.formules[blad.titel]
        for adres, cel in blad.cellen.items():
            expected = _formula_text(cel.waarde) if not cel.tekst else None
            if expected is None:
                continue
            actual = sheet[adres].value
            plaats = f"{blad.titel}!{adres}"
            message = _formula_message(expected, actual)
            if message:
                ctx.afwijkend.add(plaats)
                found.append(Bevinding(plaats, "formule", message))
    return found


def _formula_message(expected: str, actual) -> str | None:
    if actual is None:
        return f"formule is verwijderd (verwacht {expected})"
    text = _formula_text(actual) if isinstance(actual, str) else None
    if text is None:
        return f"formule is vervangen door de waarde {actual!r} (verwacht {expected})"
    if not _same_formula(text, expected):
        return f"andere formule {text} (verwacht {expected})"
    return None


def check_values(ctx: Context) -> list[Bevinding]:
    """Recalculated values that differ from the core's (tolerance € 0,005)."""
    found = []
    for blad in ctx.bladen:
        values = ctx.waarden.get(blad.titel, {})
        for adres, cel in blad.cellen.items():
            plaats = f"{blad.titel}!{adres}"
            if cel.verwacht is UNCHECKED or plaats in ctx.afwijkend:
                continue
            actual = values.get(adres)
            if rekenmotor.is_error_value(actual) or _agrees(cel.verwacht, actual):
                continue
            found.append(
                Bevinding(
                    plaats,
                    "waarde",
                    _difference(cel, actual),
                )
            )
    return found


def _difference(cel, actual) -> str:
    if cel.stijl == "berekend":
        return (f"de berekende waarde {_show(actual)} is verouderd; de simulatie geeft nu "
                f"{_show(cel.verwacht)} (genereer opnieuw)")
    return f"waarde {_show(actual)} wijkt af van de rekenkern ({_show(cel.verwacht)})"


def _agrees(expected, actual) -> bool:
    if expected in ("", None):
        return actual in ("", None)
    if isinstance(expected, bool) or isinstance(actual, bool):
        return isinstance(expected, bool) and isinstance(actual, bool) and expected == actual
    if isinstance(expected, datetime) and isinstance(actual, (int, float)):  # an engine gives the serial
        return actual == (expected - datetime(1899, 12, 30)).days
    if isinstance(expected, (int, float)) and isinstance(actual, (int, float)):
        return abs(float(expected) - float(actual)) <= TOLERANTIE
    return str(expected) == str(actual)


def _show(value) -> str:
    if isinstance(value, bool):
        return "WAAR" if value else "ONWAAR"
    if isinstance(value, float):
        return f"{value:,.2f}".replace(",", "_").replace(".", ",").replace("_", ".")
    return "leeg" if value in (None, "") else repr(value)


def check_errors(ctx: Context) -> list[Bevinding]:
    """Error values (#WAARDE!, #NAAM?, #DEEL/0!, #VERW! ...) anywhere in the workbook."""
    return [
        Bevinding(f"{sheet}!{adres}", "fout", f"foutwaarde {value}")
        for sheet, cells in ctx.waarden.items()
        for adres, value in cells.items()
        if rekenmotor.is_error_value(value)
    ]


def check_controls(ctx: Context) -> list[Bevinding]:
    """Checks on the Controles sheet (and the master check) that are not TRUE."""
    found = []
    for blad in ctx.bladen:
        values = ctx.waarden.get(blad.titel, {})
        for adres, cel in blad.cellen.items():
            if (
                cel.stijl == "controle"
                and values.get(adres) is not True
                and not rekenmotor.is_error_value(values.get(adres))
            ):
                label = values.get(f"A{adres[1:]}") if blad.titel == "Controles" else "mastercontrole"
                found.append(
                    Bevinding(f"{blad.titel}!{adres}", "controle", f"controle niet in orde: {label or adres}")
                )
    return found


CHECKS: list[Callable[[Context], list[Bevinding]]] = [
    check_sheets,
    check_formulas,
    check_values,
    check_errors,
    check_controls,
]


def _open(pad: Path) -> tuple[Begroting, object, list[Blad]]:
    """The spec read back from the workbook, the workbook itself (opened once) and the plan
    the core makes of that spec."""
    book = open_workbook(pad, "werkmap", data_only=False)
    raw, places = read_book(book, pad.name)
    spec = parse_mapping(raw, pad.name, places)
    return spec, book, build_plan(spec)[0]


def verify(pad: Path, engine: str | None = None) -> Rapport:
    """Verify a workbook; engine None = LibreOffice when present, else `formulas`."""
    return verify_many([pad], engine)[0]


def verify_many(paden: list[Path], engine: str | None = None) -> list[Rapport]:
    """Verify several workbooks with one recalculation run."""
    paden = [Path(pad) for pad in paden]
    for pad in paden:
        check_workbook(pad, "werkmap")  # before LibreOffice sees it
    with rekenmotor.start_recalculation(paden, engine) as pending:
        return verify_started(paden, pending, engine)


def verify_started(paden: list[Path], pending, engine: str | None = None) -> list[Rapport]:
    """Verify workbooks whose recalculation has started (rekenmotor.start_recalculation):
    they are read and planned here while LibreOffice works, then compared one by one."""
    opened = [_open(pad) for pad in paden]
    terugval = engine != "formulas" and pending.engine != "LibreOffice"
    rapporten = []
    for i, (pad, (spec, book, bladen)) in enumerate(zip(paden, opened, strict=True)):
        with contextlib.redirect_stderr(io.StringIO()):  # the `formulas` progress bar
            waarden = pending.values(i)
        rapporten.append(_report(pad, spec, book, bladen, waarden, pending.engine, terugval))
    return rapporten


def _report(pad: Path, spec: Begroting, book, bladen: list[Blad], waarden: dict, engine_name: str,
            terugval: bool) -> Rapport:
    ctx = Context(pad, spec, bladen, book, waarden, engine_name)
    bevindingen = [finding for check in CHECKS for finding in check(ctx)]
    cells = [c for blad in bladen for c in blad.cellen.values()]
    formulas = sum(1 for c in cells if not c.tekst and _formula_text(c.waarde))
    return Rapport(pad, engine_name, tuple(bevindingen), formulas,
                   sum(1 for c in cells if c.verwacht is not UNCHECKED), terugval)


def format_report(rapport: Rapport, limit: int = 50) -> str:
    """The Dutch report: one line per finding, then a summary line."""
    lines = []
    if rapport.terugval:
        lines.append("LibreOffice ontbreekt: herberekend met het pakket 'formulas' (trager).")
    for finding in rapport.bevindingen[:limit]:
        lines.append(str(finding))
    hidden = len(rapport.bevindingen) - limit
    if hidden > 0:
        lines.append(f"… en nog {hidden} bevindingen")
    if rapport.in_orde:
        lines.append(
            f"In orde: {rapport.formules} formules en {rapport.waarden} waarden komen overeen met de "
            f"rekenkern (herberekend met {rapport.engine}); mastercontrole WAAR."
        )
    else:
        lines.append(f"Niet in orde: {len(rapport.bevindingen)} bevinding(en) in {rapport.pad.name}.")
        if any(f.soort == "formule" or "genereer opnieuw" in f.melding for f in rapport.bevindingen):
            lines.append(f"Bedoelde u de wijziging? Maak de werkmap opnieuw: begroting genereer "
                         f"{rapport.pad.name} -o NIEUW.xlsx")
    return "\n".join(lines)
