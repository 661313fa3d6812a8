"""The function reference docs/functies.md, generated from the UDFs' docstrings and
argument docs; examples and error messages come from calling the functions.

Usage: python -m budgets.functies.naslag            (writes docs/functies.md)
       python -m budgets.functies.naslag --controleer (exit 1 when the file is out of date)
"""

import argparse
import sys
from pathlib import Path

from budgets.functies.catalogus import Functie, call_text, catalogue
from budgets.functies.voorbeelden import FOUTEN, VOORBEELDEN
from pyfuncs import udfs
from pyfuncs.fouten import InvoerFout

DOCS_PATH = Path(__file__).resolve().parents[2] / "docs" / "functies.md"

INTRO = """# Excel-functies van de productbegroting

> Gemaakt met `python -m budgets.functies.naslag` uit de uitleg in `pyfuncs/udfs.py`; de uitkomsten en
> foutmeldingen hieronder zijn berekend door de functies aan te roepen. Niet met de hand wijzigen.

Nederlandse Excel scheidt argumenten met een puntkomma (`;`), Engelse met een komma. Argumenten tussen
`[ ]` mag u weglaten. Een bereik als argument: een kolom, een rij of een blok cellen. Een uitkomst van
meer cellen loopt over de cellen ernaast en eronder. Bij verkeerde invoer staat de melding in de cel
(klassieke xlwings-functies op Windows); xlwings Lite toont `#WAARDE!` (`#VALUE!`) met dezelfde melding.
Getallen hieronder in Nederlandse schrijfwijze; bedragen in euro.
"""


def format_value(value) -> str:
    """A value as a Dutch controller reads it: 1.234.567,89, WAAR, (leeg)."""
    if value is None:
        return "(leeg)"
    if isinstance(value, bool):
        return "WAAR" if value else "ONWAAR"
    if isinstance(value, str):
        return value
    if float(value).is_integer():
        text = f"{int(value):,}"
    else:
        text = f"{value:,.6f}".rstrip("0")
    return text.translate(str.maketrans({",": ".", ".": ","}))


def format_argument(value) -> str:
    """An argument as typed or selected: a range as rows separated by ' / '."""
    if isinstance(value, list):
        return " / ".join("; ".join(_quoted(cell) for cell in row) for row in value)
    return _quoted(value)


def _quoted(value) -> str:
    return f'"{value}"' if isinstance(value, str) else format_value(value)


def result_table(result) -> list[str]:
    """A result as a Markdown table (a single value as one line)."""
    if not isinstance(result, list):
        return [f"Uitkomst: **{format_value(result)}**"]
    rows = [row if isinstance(row, list) else [row] for row in result]
    if len(rows) == 1 and not isinstance(result[0], list):
        rows = [result]
    width = max(len(row) for row in rows)
    lines = ["Uitkomst:", "", "| " + " | ".join(f"kolom {j + 1}" for j in range(width)) + " |",
             "|" + "---|" * width]
    lines += ["| " + " | ".join(format_value(cell) for cell in row) + " |" for row in rows]
    return lines


def error_message(functie: str, argumenten: tuple) -> str:
    """The Dutch message the function gives for bad input."""
    try:
        getattr(udfs, functie)(*argumenten)
    except InvoerFout as fout:
        return str(fout)
    raise AssertionError(f"{functie}{argumenten} gaf geen foutmelding")


def _arguments_table(functie: Functie) -> list[str]:
    lines = ["| argument | standaard | uitleg |", "|---|---|---|"]
    for a in functie.argumenten:
        default = "verplicht" if a.verplicht else format_value(a.standaard)
        lines.append(f"| `{a.naam}` | {default} | {a.uitleg} |")
    return lines


def _example(functie: Functie) -> list[str]:
    voorbeeld = VOORBEELDEN[functie.naam]
    lines = [f"**Voorbeeld.** {voorbeeld.omschrijving}.", "", "| argument | waarde |", "|---|---|"]
    for argument, value in zip(functie.argumenten, voorbeeld.argumenten, strict=False):
        lines.append(f"| `{argument.naam}` | {format_argument(value)} |")
    result = getattr(udfs, functie.naam)(*voorbeeld.argumenten)
    return [*lines, "", *result_table(result)]


def section(functie: Functie) -> str:
    """The reference of one function."""
    lines = [f"## {functie.naam}", "", functie.uitleg, "", f"`={call_text(functie)}`", "",
             *_arguments_table(functie), "", *_example(functie), "", "**Foutmeldingen** (voorbeelden):", ""]
    lines += [f"- `{error_message(functie.naam, args)}`" for args in FOUTEN.get(functie.naam, ())]
    return "\n".join(lines)


def render_markdown() -> str:
    """The whole of docs/functies.md."""
    functions = catalogue()
    index = ["## Overzicht", "", "| functie | wat ze doet |", "|---|---|"]
    index += [f"| [{f.naam}](#{f.naam.lower()}) | {f.uitleg} |" for f in functions]
    parts = [INTRO.rstrip(), "\n".join(index), *(section(f) for f in functions)]
    return "\n\n".join(parts) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m budgets.functies.naslag",
        description="Maakt docs/functies.md uit de uitleg van de Excel-functies.")
    parser.add_argument("--controleer", action="store_true",
                        help="geef exitcode 1 als het bestand verouderd is")
    args = parser.parse_args(argv)
    text = render_markdown()
    if args.controleer:
        current = DOCS_PATH.read_text(encoding="utf-8") if DOCS_PATH.exists() else ""
        if current != text:
            print(f"{DOCS_PATH} is verouderd: draai python -m budgets.functies.naslag", file=sys.stderr)
            return 1
        return 0
    DOCS_PATH.write_text(text, encoding="utf-8")
    print(f"geschreven: {DOCS_PATH}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
