"""`begroting iv3 SPEC [-o iv3.csv] [--overschrijf]`: lasten and baten per taakveld per year."""

import argparse
from pathlib import Path

from budgets.spec.iv3 import write_iv3


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "iv3",
        help="lasten en baten per taakveld per jaar als CSV (voor de Iv3-aanlevering)",
        description="Schrijft de lasten en baten per taakveld (en economische categorie waar de spec die "
        "geeft) per jaar als CSV: scheidingsteken ';', decimaalkomma, UTF-8. Toevoegingen aan reserves "
        "staan bij de lasten en onttrekkingen bij de baten van hun taakveld (standaard 0.10); het saldo na "
        "geplande reservemutaties staat op 0.8. Dit is een overzicht voor de eigen Iv3-aanlevering, niet "
        "de SBR/XBRL-aanlevering zelf. Afsluitcode 0 = geschreven, 2 = onbruikbare invoer.",
        epilog="voorbeelden:\n  begroting iv3 samples/rivierenland/begroting.yaml -o iv3.csv\n"
        "  begroting iv3 uitvoer/werkom-begroting-2023.xlsx --overschrijf",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("spec", type=Path, metavar="SPEC", help="de spec (.yaml) of een gegenereerde werkmap")
    parser.add_argument("-o", "--uitvoer", type=Path, default=None, metavar="IV3.csv",
                        help="het CSV-bestand; standaard uitvoer/<naam>-iv3-<begrotingsjaar>.csv")
    parser.add_argument("--overschrijf", action="store_true", help="vervang een bestaand bestand")
    parser.set_defaults(run=run)


def run(args) -> int:
    path, rows = write_iv3(args.spec, args.uitvoer, args.overschrijf)
    print(f"Iv3-overzicht geschreven: {path} ({rows} regels)")
    return 0
