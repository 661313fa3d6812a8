"""`begroting controleer WERKMAP [WERKMAP ...]`: verify generated workbooks against the core."""

from pathlib import Path

from budgets.excel.rekenmotor import start_recalculation
from budgets.excel.veilig import check_workbook


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "controleer",
        help="controleer een begrotingswerkmap tegen de rekenkern",
        description="Leest de invoer uit de werkmap, rekent alles opnieuw uit met de rekenkern, "
        "herberekent de werkmap met LibreOffice (of het pakket 'formulas') en meldt per blad!cel: afwijkende "
        "waarden, vervangen of gewijzigde formules, foutwaarden en controles die niet kloppen. "
        "Meer werkmappen tegelijk gaat sneller: LibreOffice start dan één keer. "
        "Afsluitcode 0 = alles klopt, 1 = bevindingen, 2 = onbruikbare invoer.",
        epilog="voorbeelden:\n  begroting controleer uitvoer/werkom-begroting-2023.xlsx\n"
        "  begroting controleer kwartaal/*.xlsx",
        formatter_class=_raw(),
    )
    parser.add_argument("werkmap", type=Path, nargs="+", metavar="WERKMAP.xlsx",
                        help="de gegenereerde werkmap(pen)")
    parser.add_argument(
        "--engine",
        choices=("libreoffice", "formulas"),
        default=None,
        help="kies het rekenprogramma (standaard LibreOffice als dat er is)",
    )
    parser.add_argument("--max", type=int, default=50, metavar="N", help="toon hoogstens N bevindingen")
    parser.set_defaults(run=run)


def _raw():
    import argparse

    return argparse.RawDescriptionHelpFormatter


def run(args) -> int:
    paden = [Path(pad) for pad in args.werkmap]
    for pad in paden:
        check_workbook(pad, "werkmap")  # before LibreOffice sees it
    with start_recalculation(paden, args.engine) as pending:
        # LibreOffice has started; the heavy imports of the checks load while it works
        from budgets.werkboek.controleer import format_report, verify_started

        rapporten = verify_started(paden, pending, args.engine)
    for rapport in rapporten:
        if len(rapporten) > 1:
            print(f"== {rapport.pad}")
        print(format_report(rapport, limit=args.max))
    return 0 if all(rapport.in_orde for rapport in rapporten) else 1
