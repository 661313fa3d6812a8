"""`begroting controleer WERKMAP`: verify a generated workbook against the core."""

from pathlib import Path

from budgets.werkboek.controleer import format_report, verify


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "controleer",
        help="controleer een begrotingswerkmap tegen de rekenkern",
        description="Leest de invoer uit de werkmap, rekent alles opnieuw uit met de rekenkern, "
        "herberekent de werkmap met LibreOffice (of het pakket 'formulas') en meldt per blad!cel: afwijkende "
        "waarden, vervangen of gewijzigde formules, foutwaarden en controles die niet kloppen. "
        "Afsluitcode 0 = alles klopt, 1 = bevindingen, 2 = onbruikbare invoer.",
        epilog="voorbeeld: begroting controleer uitvoer/werkom-begroting-2023.xlsx",
    )
    parser.add_argument("werkmap", type=Path, metavar="WERKMAP.xlsx", help="de gegenereerde werkmap")
    parser.add_argument(
        "--engine",
        choices=("libreoffice", "formulas"),
        default=None,
        help="kies het rekenprogramma (standaard LibreOffice als dat er is)",
    )
    parser.add_argument("--max", type=int, default=50, metavar="N", help="toon hoogstens N bevindingen")
    parser.set_defaults(run=run)


def run(args) -> int:
    rapport = verify(args.werkmap, args.engine)
    print(format_report(rapport, limit=args.max))
    return 0 if rapport.in_orde else 1
