"""`begroting scenario SPEC`: scenarios side by side with the basis, sensitivity of the
saldo, and the rijksmiddelen per gemeente."""

import argparse
from pathlib import Path

from budgets.bestanden import Uitvoer, json_text
from budgets.excel import rekenmotor
from budgets.scenario.model import compare
from budgets.scenario.samenvatting import summary
from budgets.scenario.tekst import table_lines
from budgets.scenario.werkmap import write_pdf, write_workbook
from budgets.spec.scenario_lezen import load_scenarios
from pyfuncs.fouten import InvoerFout

VOORBEELD = """voorbeelden:
  begroting scenario samples/rivierenland/begroting.yaml -o scenario.xlsx --pdf
  begroting scenario samples/werkom/begroting.yaml --scenarios samples/werkom/scenarios.yaml -o werkom.xlsx \\
      --samenvatting werkom-scenarios.json --overschrijf"""


def add_parser(subparsers) -> None:
    p = subparsers.add_parser(
        "scenario", help="scenario's naast de basis: saldo, reserve, weerstand, gemeenten, gevoeligheid",
        description="Rekent elk scenario (basis, laag, hoog, ...) als volledige begroting door en zet de "
        "uitkomsten naast de basis: saldo, algemene reserve en weerstandsratio per jaar, bijdrage en "
        "aandeel in het saldo per gemeente, de gevoeligheid van het saldo per parameter en de "
        "rijksmiddelen tegenover de bijdrage per gemeente.",
        epilog=VOORBEELD, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("spec", type=Path, metavar="SPEC", help="de spec (YAML of gegenereerde werkmap)")
    p.add_argument("--scenarios", type=Path, metavar="S.yaml",
                   help="scenario's en gevoeligheid in een eigen bestand (vervangt die uit de spec)")
    p.add_argument("-o", "--uitvoer", type=Path, required=True, metavar="UIT.xlsx", help="de werkmap")
    p.add_argument("--pdf", action="store_true",
                   help="schrijf ook een PDF van de overzichten (.pdf naast de werkmap)")
    p.add_argument("--samenvatting", type=Path, metavar="BESTAND.json",
                   help="schrijf de uitkomsten ook als JSON")
    p.add_argument("--overschrijf", action="store_true", help="vervang bestaande uitvoerbestanden")
    p.set_defaults(run=run)


def run(args) -> int:
    if args.uitvoer.suffix.lower() != ".xlsx":
        raise InvoerFout(f"{args.uitvoer}: de werkmap moet op .xlsx eindigen")
    if args.pdf and rekenmotor.soffice_path() is None:
        raise InvoerFout("--pdf vraagt LibreOffice, maar dat is niet geïnstalleerd "
                         "(apt-get install libreoffice-calc-nogui)")
    with Uitvoer({"spec": args.spec, "--scenarios": args.scenarios}, args.overschrijf) as uit:
        werkmap = uit.add(args.uitvoer, "werkmap")
        summary_file = uit.add(args.samenvatting, "samenvatting") if args.samenvatting else None
        pdf = uit.add(args.uitvoer.with_suffix(".pdf"), "PDF") if args.pdf else None
        vergelijking = compare(load_scenarios(args.spec, args.scenarios))
        formules = write_workbook(vergelijking, werkmap)
        if summary_file:
            summary_file.write_text(json_text(summary(vergelijking, str(args.uitvoer))), encoding="utf-8")
        if pdf:
            write_pdf(vergelijking, pdf)
    print("\n".join(table_lines(vergelijking)))
    print(f"Werkmap geschreven: {args.uitvoer} ({formules} formules)")
    if summary_file:
        print(f"Samenvatting geschreven: {args.samenvatting}")
    if pdf:
        print(f"PDF geschreven: {args.uitvoer.with_suffix('.pdf')}")
    return 0
