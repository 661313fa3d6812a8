"""`begroting kwartaal`: the quarterly variance report (kwartaalrapportage)."""

import sys
from contextlib import nullcontext
from pathlib import Path

VOORBEELD = """voorbeeld:
  begroting kwartaal samples/werkom/begroting.yaml samples/werkom/realisatie/grootboek_2023_tm_juni.csv \\
      --kwartaal 2 --volumes samples/werkom/realisatie/volumes_2023.csv \\
      --mapping samples/werkom/realisatie/mapping.yaml \\
      --wijzigingen samples/werkom/realisatie/wijzigingen_2023.yaml -o kwartaal_2023_K2.xlsx"""


def add_parser(subparsers) -> None:
    p = subparsers.add_parser(
        "kwartaal", help="kwartaalrapportage: begroting tegen realisatie, met toelichtingen",
        description="Vergelijkt de realisatie uit een grootboekexport met de begroting (na "
        "wijziging) tot en met een kwartaal en schrijft een kwartaalrapportage (Excel). "
        "Exitcode 0: alle vereiste toelichtingen zijn er; 1: er ontbreken toelichtingen; "
        "2: fout in de invoer.",
        epilog=VOORBEELD, formatter_class=_raw())
    p.add_argument("begroting", type=Path, help="begroting: spec (YAML) of gegenereerde werkmap")
    p.add_argument("realisatie", type=Path, help="grootboekexport (CSV of XLSX)")
    p.add_argument("--kwartaal", type=int, required=True, help="kwartaal 1-4 (t/m)")
    p.add_argument("--jaar", type=int, help="begrotingsjaar (standaard: dat van de begroting)")
    p.add_argument("--volumes", type=Path, help="volume-export (CSV of XLSX) voor volume- en "
                   "prijseffecten")
    p.add_argument("--mapping", type=Path, help="mappingbestand (YAML); standaard de "
                   "meegeleverde standaardmapping")
    p.add_argument("--wijzigingen", type=Path, help="begrotingswijzigingen (YAML)")
    p.add_argument("--profielen", type=Path, help="kwartaalprofiel per regel (YAML)")
    p.add_argument("--vorige", type=Path, help="eerdere kwartaalrapportage: de toelichtingen "
                   "daaruit worden overgenomen")
    for niveau in ("regel", "product", "totaal"):
        p.add_argument(f"--drempel-{niveau}", metavar="REGEL",
                       help=f"drempel voor een toelichting op {niveau}niveau, bijvoorbeeld "
                       "'> 5%% tenzij < €15.000', '> €100.000', '€ 50.000 of 10%%'")
    p.add_argument("--samenvatting", type=Path, metavar="JSON", help="schrijf de uitkomsten ook als JSON")
    p.add_argument("--negeer-onplaatsbaar", action="store_true",
                   help="maak het rapport ook als regels niet te plaatsen zijn (ze staan dan op "
                   "het blad Meldingen)")
    p.add_argument("--alle-rijen", action="store_true", help="toon alle rijen in de terminal")
    p.add_argument("-o", "--uitvoer", type=Path, metavar="XLSX",
                   help="rapport (standaard kwartaal_JJJJ_KQ.xlsx)")
    p.add_argument("--pdf", type=Path, nargs="?", const=True, metavar="PDF",
                   help="druk de bestuursrapportage ook af als PDF (standaard naast het rapport)")
    p.add_argument("--overschrijf", action="store_true",
                   help="vervang een bestaand rapport (de toelichtingen daarin blijven bewaard)")
    p.set_defaults(run=run)


def _raw():
    import argparse

    return argparse.RawDescriptionHelpFormatter


def _toelichtingen(args, target: Path, basis) -> dict:
    from budgets.kwartaal.toelichtingen import read_toelichtingen

    found = read_toelichtingen(args.vorige, basis.naam, basis.jaar) if args.vorige else {}
    if target.exists() and args.overschrijf:
        found.update(read_toelichtingen(target))
    return found


def _inputs(args) -> dict:
    return {"begroting": args.begroting, "realisatie": args.realisatie, "--volumes": args.volumes,
            "--mapping": args.mapping, "--wijzigingen": args.wijzigingen,
            "--profielen": args.profielen, "--vorige": args.vorige}


def run(args) -> int:
    from budgets.grootboek.stroom import start_reading

    # the ledger is read and parsed in the background while the rest loads
    with start_reading(args.realisatie) or nullcontext() as begonnen:
        from pyfuncs.kwartaal import check_quarter

        return _run(args, check_quarter(args.kwartaal), begonnen)


def _run(args, quarter: int, begonnen) -> int:
    from budgets.bestanden import Uitvoer
    from budgets.excel.rapportblad import print_to_pdf
    from budgets.grootboek.mapping import load_mapping
    from budgets.grootboek.periode import read_realisation
    from budgets.kwartaal.drempels import drempels
    from budgets.kwartaal.model import build_report
    from budgets.kwartaal.rapport import write_report
    from budgets.kwartaal.uitvoer import table_lines, write_summary
    from budgets.pc.jaarbegroting import load_basis, load_profielen

    basis = load_basis(args.begroting, args.jaar, args.wijzigingen, quarter)
    target = args.uitvoer or Path(f"kwartaal_{basis.jaar}_K{quarter}.xlsx")
    pdf = _pdf_target(args.pdf, target)
    with Uitvoer(_inputs(args), args.overschrijf) as uit:
        staged = uit.add(target, "rapport")
        summary_file = uit.add(args.samenvatting, "samenvatting") if args.samenvatting else None
        pdf_file = uit.add(pdf, "pdf") if pdf else None
        mapping = load_mapping(args.mapping)
        realisatie = read_realisation(args.realisatie, args.volumes, mapping, basis.plaatsing(),
                                      quarter, args.negeer_onplaatsbaar, begonnen)
        grootboek, volumes = realisatie.grootboek, realisatie.volumes
        toelichtingen = _toelichtingen(args, target, basis)
        bronnen = {"Begroting": args.begroting, "Grootboek": args.realisatie,
                   "Volumes": args.volumes or "(geen)", "Mapping": mapping.bron,
                   "Wijzigingen": args.wijzigingen or "(geen)", "Vorig rapport": args.vorige or "(geen)"}
        rapport = build_report(basis, grootboek, quarter,
                               drempels(args.drempel_regel, args.drempel_product, args.drempel_totaal),
                               volumes, load_profielen(args.profielen, basis), toelichtingen, bronnen)
        write_report(rapport, staged)
        if pdf_file:
            print_to_pdf(lambda book: write_report(rapport, book, board_pack=True), pdf_file)
        if summary_file:
            write_summary(rapport, summary_file)
    print("\n".join(table_lines(rapport, args.alle_rijen)))
    _report_findings(rapport)
    print(f"rapport: {target}" + (f"; pdf: {pdf}" if pdf else ""))
    return 1 if rapport.ontbrekend else 0


def _pdf_target(option, target: Path) -> Path | None:
    """--pdf alone: beside the workbook; --pdf FILE: there."""
    if option is None:
        return None
    return target.with_suffix(".pdf") if option is True else Path(option)


def _report_findings(rapport) -> None:
    m = rapport.meldingen
    if m.aantal_dubbel:
        print(f"let op: {m.aantal_dubbel} exact dubbele regel(s) in de realisatie, bijvoorbeeld "
              f"{m.dubbel[0].plaats}; zie het blad Meldingen", file=sys.stderr)
    if m.aantal_onplaatsbaar:
        print(f"let op: {m.aantal_onplaatsbaar} regel(s) niet geplaatst; zie het blad Meldingen",
              file=sys.stderr)
    for key in rapport.vervallen_toelichtingen:
        print(f"let op: de toelichting bij '{key}' hoort bij geen rij meer; bewaard op het blad "
              "Meldingen", file=sys.stderr)
