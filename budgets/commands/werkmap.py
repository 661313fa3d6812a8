"""`begroting werkmap`: build the controller's workbook with every Excel function."""

from pathlib import Path

from budgets.bestanden import Uitvoer
from budgets.werkmap.bouwen import STANDAARD_PAD, build_workbook
from pyfuncs.fouten import InvoerFout


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "werkmap", help="maak de Excel-werkmap met alle functies (xl/productbegroting.xlsm)",
        description="Maakt de werkmap voor controllers uit de xlwings-quickstart: een blad 'Lees mij', "
                    "het blad xlwings.conf en per groep functies een blad met Werkom-cijfers, met naast "
                    "elke Python-functie dezelfde som in gewone Excel-formules.",
        epilog="voorbeeld: begroting werkmap --overschrijf",
    )
    parser.add_argument("-o", "--uitvoer", type=Path, default=STANDAARD_PAD, metavar="UIT.xlsm",
                        help=f"waar de werkmap komt (standaard {STANDAARD_PAD})")
    parser.add_argument("--overschrijf", action="store_true", help="vervang een bestaande werkmap")
    parser.set_defaults(run=run)


def run(args) -> int:
    if args.uitvoer == STANDAARD_PAD:
        STANDAARD_PAD.parent.mkdir(parents=True, exist_ok=True)
    if args.uitvoer.suffix.lower() != ".xlsm":
        raise InvoerFout(f"{args.uitvoer}: de werkmap moet op .xlsm eindigen (hij bevat "
                         "xlwings' VBA-module)")
    with Uitvoer({}, args.overschrijf) as uit:
        blokken = build_workbook(uit.add(args.uitvoer, "werkmap"))
    functies = {blok.functie for blok in blokken}
    tweelingen = sum(blok.tweeling_cel is not None for blok in blokken)
    print(f"{args.uitvoer}: {len(functies)} functies op {len({b.blad for b in blokken})} bladen, "
          f"{tweelingen} van {len(blokken)} uitkomsten met een Excel-tweeling")
    print("Open de werkmap in Excel (Windows) en klik op xlwings > Import Functions; "
          "zie het blad 'Lees mij'.")
    return 0
