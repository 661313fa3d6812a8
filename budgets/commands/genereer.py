"""`begroting genereer [SPEC]`: write a begroting workbook from a spec, and verify it."""

from pathlib import Path

from budgets.bestanden import check_writable
from budgets.excel import rekenmotor
from budgets.excel.stijl import TEMPLATE
from budgets.spec.laden import load_spec
from budgets.werkboek.controleer import format_report, verify
from budgets.werkboek.genereer import DEFAULT_SPEC, default_output, generate, summary, write_summary
from pyfuncs.fouten import InvoerFout


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "genereer",
        help="maak een begrotingswerkmap uit een spec (YAML of werkmap)",
        description="Maakt een gestandaardiseerde begrotingswerkmap (.xlsx) met live formules uit een spec "
        "en controleert die meteen. Zonder SPEC: de voorbeeldbegroting van Werkom.",
        epilog="voorbeelden:\n  begroting genereer\n"
        "  begroting genereer samples/werkom/begroting.yaml -o werkom.xlsx --overschrijf\n"
        "  begroting genereer werkom.xlsx -o werkom-v2.xlsx   (spec uit een bewerkte werkmap)",
        formatter_class=__import__("argparse").RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "spec",
        nargs="?",
        type=Path,
        metavar="SPEC",
        help="spec als .yaml of een eerder gegenereerde .xlsx (standaard: Werkom)",
    )
    parser.add_argument(
        "-o",
        "--uitvoer",
        type=Path,
        metavar="UIT.xlsx",
        help="de werkmap die geschreven wordt (standaard: uitvoer/<gr>-begroting-<jaar>.xlsx)",
    )
    parser.add_argument("--overschrijf", action="store_true", help="vervang bestaande uitvoerbestanden")
    parser.add_argument(
        "--samenvatting", type=Path, metavar="BESTAND.json", help="schrijf ook de kernresultaten als JSON"
    )
    parser.add_argument(
        "--pdf", action="store_true", help="schrijf ook een PDF via LibreOffice, naast de werkmap (.pdf)"
    )
    parser.add_argument(
        "--sjabloon",
        type=Path,
        default=TEMPLATE,
        metavar="SJABLOON.xlsx",
        help="huisstijlsjabloon met de benoemde stijlen (standaard xl/templates/begroting-sjabloon.xlsx)",
    )
    parser.add_argument(
        "--niet-controleren",
        action="store_true",
        help="sla de controle met een rekenprogramma over (sneller)",
    )
    parser.set_defaults(run=run)


def _targets(args) -> tuple[Path, list[Path]]:
    """The workbook and the other files this run writes; all refused before anything
    is written when one exists and --overschrijf is missing."""
    werkmap = args.uitvoer or default_output(load_spec(args.spec or DEFAULT_SPEC))
    extra = [Path(args.samenvatting)] if args.samenvatting else []
    if args.pdf:
        extra.append(werkmap.with_suffix(".pdf"))
    if args.pdf and rekenmotor.soffice_path() is None:
        raise InvoerFout("--pdf vraagt LibreOffice, maar dat is niet geïnstalleerd "
                         "(apt-get install libreoffice-calc-nogui)")
    if args.uitvoer is None:
        werkmap.parent.mkdir(parents=True, exist_ok=True)
    for target in (werkmap, *extra):
        check_writable(target, args.overschrijf)
    return werkmap, extra


def _verify(werkmap: Path) -> tuple[int, dict]:
    rapport = verify(werkmap)
    print(format_report(rapport, limit=20))
    controles = {"gecontroleerd": True, "engine": rapport.engine, "in_orde": rapport.in_orde,
                 "bevindingen": [str(b) for b in rapport.bevindingen]}
    return (0 if rapport.in_orde else 1), controles


def run(args) -> int:
    werkmap, _extra = _targets(args)
    result = generate(args.spec or DEFAULT_SPEC, werkmap, args.overschrijf, args.sjabloon)
    print(f"Werkmap geschreven: {result.werkmap} ({len(result.bladen)} bladen, {result.formules} formules)")
    code, controles = 0, {"gecontroleerd": False}
    if not args.niet_controleren:
        code, controles = _verify(result.werkmap)
    if args.samenvatting:
        path = write_summary(args.samenvatting, summary(result, controles), args.overschrijf)
        print(f"Samenvatting geschreven: {path}")
    if args.pdf:
        pdf = rekenmotor.export_pdf(result.werkmap, result.werkmap.with_suffix(".pdf"))
        print(f"PDF geschreven: {pdf}")
    return code
