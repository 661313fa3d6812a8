"""`begroting wijziging`: the voorstel for the AB on one begrotingswijziging."""

import argparse
from pathlib import Path

from budgets.bestanden import Uitvoer
from budgets.excel.rapportblad import print_to_pdf
from budgets.pc.voorstel import load_voorstel
from budgets.wijziging.document import write_voorstel
from budgets.wijziging.uitvoer import table_lines, write_summary

VOORBEELD = """voorbeeld:
  begroting wijziging samples/werkom/begroting.yaml \\
      --wijzigingen samples/werkom/realisatie/wijzigingen_2023.yaml --nummer 2023-02 \\
      -o voorstel_2023-02.xlsx --pdf"""


def add_parser(subparsers) -> None:
    p = subparsers.add_parser(
        "wijziging", help="voorstel aan het algemeen bestuur voor één begrotingswijziging",
        description="Schrijft het voorstel aan het algemeen bestuur voor één begrotingswijziging "
        "(Excel, A4): per exploitatieregel de primitieve begroting, de eerdere wijzigingen, deze "
        "wijziging en de begroting na wijziging; per product en gemeente de volumes en de "
        "bijdragen; het saldo van het jaar, de reserve en wat elke gemeente meer of minder "
        "betaalt; of de raden om een zienswijze moeten worden gevraagd; en de besluittekst.",
        epilog=VOORBEELD, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("begroting", type=Path, help="begroting: spec (YAML) of gegenereerde werkmap")
    p.add_argument("--wijzigingen", type=Path, required=True,
                   help="begrotingswijzigingen (YAML, zie docs/pc-cyclus.md)")
    p.add_argument("--nummer", required=True, help="het nummer van de wijziging, bijvoorbeeld "
                   "2023-02")
    p.add_argument("-o", "--uitvoer", type=Path, metavar="XLSX",
                   help="werkmap (standaard voorstel_wijziging_NUMMER.xlsx)")
    p.add_argument("--pdf", type=Path, nargs="?", const=True, metavar="PDF",
                   help="druk het voorstel ook af als PDF (standaard naast de werkmap)")
    p.add_argument("--samenvatting", type=Path, metavar="JSON",
                   help="schrijf de uitkomsten ook als JSON")
    p.add_argument("--overschrijf", action="store_true", help="vervang bestaande uitvoer")
    p.set_defaults(run=run)


def _default_target(nummer: str) -> Path:
    safe = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in nummer.strip())[:60]
    return Path(f"voorstel_wijziging_{safe or 'onbekend'}.xlsx")


def run(args) -> int:
    voorstel = load_voorstel(args.begroting, args.wijzigingen, args.nummer)
    target = args.uitvoer or _default_target(voorstel.wijziging.nummer)
    pdf = None if args.pdf is None else (target.with_suffix(".pdf") if args.pdf is True
                                         else Path(args.pdf))
    inputs = {"begroting": args.begroting, "--wijzigingen": args.wijzigingen}
    with Uitvoer(inputs, args.overschrijf) as uit:
        staged = uit.add(target, "voorstel")
        summary_file = uit.add(args.samenvatting, "samenvatting") if args.samenvatting else None
        pdf_file = uit.add(pdf, "pdf") if pdf else None
        write_voorstel(voorstel, staged)
        if summary_file:
            write_summary(voorstel, summary_file)
        if pdf_file:
            print_to_pdf(lambda path: write_voorstel(voorstel, path), pdf_file)
    print("\n".join(table_lines(voorstel)))
    print(f"voorstel: {target}" + (f"; pdf: {pdf}" if pdf else ""))
    return 0
