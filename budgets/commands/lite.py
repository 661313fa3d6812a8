"""`begroting lite`: write main.py and requirements.txt for xlwings Lite."""

from pathlib import Path

from budgets.bestanden import Uitvoer
from budgets.functies.lite import STANDAARD_MAP, write_bundle
from pyfuncs.fouten import InvoerFout

BUNDLE_FILES = ("main.py", "requirements.txt")


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
    folder = Path(args.uitvoer)
    if folder.exists() and not folder.is_dir():
        raise InvoerFout(f"{folder}: is een bestand; geef de map voor main.py en requirements.txt")
    if not folder.exists():
        raise InvoerFout(f"{folder}: de map bestaat niet")
    with Uitvoer({}, args.overschrijf) as uit:
        staged = [uit.add(folder / name, name) for name in BUNDLE_FILES]
        write_bundle(staged[0].parent)
    for path in staged:
        print(f"geschreven: {uit.final(path)}")
    print("Open xlwings Lite in Excel en plak main.py en requirements.txt elk in het tabblad met die naam.")
    return 0
