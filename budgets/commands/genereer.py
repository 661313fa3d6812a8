"""`begroting genereer [SPEC]`: write a begroting workbook from a spec, and verify it."""

from dataclasses import replace
from pathlib import Path

from budgets.bestanden import Uitvoer
from budgets.excel.stijl import TEMPLATE
from budgets.excel.veilig import check_workbook
from budgets.spec.laden import load_spec
from budgets.werkboek.genereer import (
    DEFAULT_SPEC,
    PDF_KINDS,
    default_output,
    generate,
    print_pdf,
    summary,
    write_summary,
)
from pyfuncs.fouten import InvoerFout


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "genereer",
        help="maak een begrotingswerkmap uit een spec (YAML of werkmap)",
        description="Maakt een gestandaardiseerde begrotingswerkmap (.xlsx) met live formules uit een spec "
        "en controleert die meteen. Zonder SPEC: de voorbeeldbegroting van Werkom.",
        epilog="voorbeelden:\n  begroting genereer\n"
        "  begroting genereer samples/werkom/begroting.yaml -o werkom.xlsx --overschrijf\n"
        "  begroting genereer werkom.xlsx -o werkom-v2.xlsx   (spec uit een bewerkte werkmap)\n"
        "  begroting genereer samples/werkom/begroting.yaml -o werkom.xlsx --pdf   (de bestuursstukken)\n"
        "  begroting genereer samples/werkom/begroting.yaml -o werkom.xlsx --pdf volledig   (alle bladen)",
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
        "--pdf", nargs="?", const="bestuur", choices=PDF_KINDS, metavar="volledig",
        help="schrijf ook een PDF via LibreOffice, naast de werkmap (.pdf): de bladen voor bestuur en raden; "
        "--pdf volledig drukt ook de invoer- en rekenbladen af"
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


def _targets(args, uit: Uitvoer) -> tuple[Path, Path | None, Path | None]:
    """Stage the workbook, the summary and the PDF this run writes: all refused before
    anything is computed when one exists without --overschrijf, is an input, or two are
    the same file."""
    werkmap = args.uitvoer or default_output(load_spec(args.spec or DEFAULT_SPEC))
    if args.pdf and _soffice_missing():
        raise InvoerFout("--pdf vraagt LibreOffice, maar dat is niet geïnstalleerd "
                         "(apt-get install libreoffice-calc-nogui)")
    if args.uitvoer is None:
        werkmap.parent.mkdir(parents=True, exist_ok=True)
    staged = uit.add(werkmap, "werkmap")
    if werkmap.suffix.lower() not in (".xlsx", ".xlsm"):
        raise InvoerFout(f"{werkmap}: de werkmap moet op .xlsx eindigen")
    summary_file = uit.add(args.samenvatting, "samenvatting") if args.samenvatting else None
    pdf = uit.add(werkmap.with_suffix(".pdf"), "PDF") if args.pdf else None
    return staged, summary_file, pdf


def _soffice_missing() -> bool:
    from budgets.excel import rekenmotor  # LibreOffice's module: only when it is needed

    return rekenmotor.soffice_path() is None


def _verify(werkmap: Path) -> tuple[int, dict, str]:
    """Exit code, the checks for the summary, and the report text (printed once the
    files are in place)."""
    from budgets.werkboek.controleer import format_report, verify  # not with --niet-controleren

    rapport = verify(werkmap)
    controles = {"gecontroleerd": True, "engine": rapport.engine, "in_orde": rapport.in_orde,
                 "bevindingen": [str(b) for b in rapport.bevindingen]}
    return (0 if rapport.in_orde else 1), controles, format_report(rapport, limit=20)


def run(args) -> int:
    spec = args.spec or DEFAULT_SPEC
    check_workbook(args.sjabloon, "werkmap (sjabloon)")
    with Uitvoer({"spec": spec, "sjabloon": args.sjabloon}, args.overschrijf) as uit:
        werkmap, summary_file, pdf = _targets(args, uit)
        result = generate(spec, werkmap, False, args.sjabloon)
        result = replace(result, werkmap=uit.final(werkmap))
        code, controles, report = 0, {"gecontroleerd": False}, None
        if not args.niet_controleren:
            code, controles, report = _verify(werkmap)
        if summary_file:
            write_summary(summary_file, summary(result, controles), False)
        if pdf:
            print_pdf(replace(result, werkmap=werkmap), pdf, args.pdf, args.sjabloon)
    print(f"Werkmap geschreven: {result.werkmap} ({len(result.bladen)} bladen, {result.formules} formules)")
    if report:
        print(report)
    if summary_file:
        print(f"Samenvatting geschreven: {uit.final(summary_file)}")
    if pdf:
        print(f"PDF geschreven: {uit.final(pdf)}")
    return code
