"""`begroting lite`: write main.py and requirements.txt for xlwings Lite."""

from pathlib import Path

from budgets.functies.lite import STANDAARD_MAP, write_bundle


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "lite", help="maak main.py en requirements.txt voor xlwings Lite (xl/lite/)",
        description="Schrijft alle Excel-functies als één bestand main.py plus requirements.txt voor de "
                    "invoegtoepassing xlwings Lite (Windows, Mac en Excel op het web). Plak beide in de "
                    "editor van xlwings Lite.",
        epilog="voorbeeld: begroting lite --overschrijf",
    )
    parser.add_argument("-o", "--uitvoer", type=Path, default=STANDAARD_MAP, metavar="MAP",
                        help=f"de map voor main.py en requirements.txt (standaard {STANDAARD_MAP})")
    parser.add_argument("--overschrijf", action="store_true", help="vervang bestaande bestanden")
    parser.set_defaults(run=run)


def run(args) -> int:
    if args.uitvoer == STANDAARD_MAP:
        STANDAARD_MAP.mkdir(parents=True, exist_ok=True)
    for path in write_bundle(args.uitvoer, args.overschrijf):
        print(f"geschreven: {path}")
    print("Open xlwings Lite in Excel en plak main.py en requirements.txt elk in het tabblad met die naam.")
    return 0
