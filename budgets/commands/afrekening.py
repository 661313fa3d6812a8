"""`begroting afrekening`: the year-end settlement per gemeente."""

import argparse
import math
import sys
from pathlib import Path

from budgets.afrekening.aansluiting import reconcile
from budgets.afrekening.model import build_settlement, cents_sum, default_voorschotten
from budgets.afrekening.rapport import write_settlement
from budgets.afrekening.uitvoer import table_lines, write_summary
from budgets.afrekening.voorschotten import load_voorschotten
from budgets.bestanden import Uitvoer
from budgets.excel.rapportblad import print_to_pdf
from budgets.grootboek.mapping import load_mapping
from budgets.grootboek.periode import read_realisation
from budgets.pc.jaarbegroting import load_basis
from budgets.pc.vorig_rapport import read_q4_prognose
from pyfuncs.afronding import GRENS_BEDRAG

VOORBEELD = """voorbeeld:
  begroting afrekening samples/werkom/begroting.yaml samples/werkom/realisatie/grootboek_2023.csv \\
      --jaar 2023 --volumes samples/werkom/realisatie/volumes_2023.csv \\
      --mapping samples/werkom/realisatie/mapping.yaml \\
      --wijzigingen samples/werkom/realisatie/wijzigingen_2023.yaml \\
      --voorschotten samples/werkom/realisatie/voorschotten_2023.yaml -o afrekening_2023.xlsx"""


def add_parser(subparsers) -> None:
    p = subparsers.add_parser(
        "afrekening", help="jaarafrekening per gemeente (producten, doorbelastingen, saldo)",
        description="Rekent het jaar af per gemeente: producten tegen normprijs volgens hun "
        "afrekenregel, doorbelastingen tegen werkelijke kosten, de definitieve bijdrage tegen de "
        "voorschotten, en het saldo verdeeld over reserve en gemeenten.",
        epilog=VOORBEELD, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("begroting", type=Path, help="begroting: spec (YAML) of gegenereerde werkmap")
    p.add_argument("realisatie", type=Path, help="grootboekexport van het hele jaar (CSV of XLSX)")
    p.add_argument("--jaar", type=int, required=True, help="het jaar dat wordt afgerekend")
    p.add_argument("--volumes", type=Path, required=True,
                   help="volume-export (CSV of XLSX) met de gerealiseerde volumes")
    p.add_argument("--mapping", type=Path, help="mappingbestand (YAML); standaard de "
                   "meegeleverde standaardmapping")
    p.add_argument("--wijzigingen", type=Path, help="begrotingswijzigingen (YAML)")
    p.add_argument("--voorschotten", type=Path, help="betaalde voorschotten (YAML); standaard de "
                   "begrote bijdrage in 12 gelijke maandtermijnen")
    p.add_argument("--reserve-stand", type=amount_argument, metavar="EUR",
                   help="stand van de reserve aan het begin van het jaar, bijvoorbeeld 1445000 of "
                   "1.445.000,00 (standaard: de verwachte stand volgens de begroting)")
    p.add_argument("--samenvatting", type=Path, metavar="JSON", help="schrijf de uitkomsten ook als JSON")
    p.add_argument("--negeer-onplaatsbaar", action="store_true",
                   help="reken ook af als regels niet te plaatsen zijn (alleen gemeld)")
    p.add_argument("-o", "--uitvoer", type=Path, metavar="XLSX",
                   help="werkmap (standaard afrekening_JJJJ.xlsx)")
    p.add_argument("--vorige", type=Path, metavar="XLSX", help="bestuursrapportage van kwartaal 4: "
                   "de aansluiting toont dan het verschil tussen de prognose en de afrekening")
    p.add_argument("--besluit", metavar="TEKST", help="het AB-besluit waarnaar de "
                   "afrekeningsbrieven verwijzen, bijvoorbeeld 'AB-besluit 4 juli 2024, agendapunt 6'")
    p.add_argument("--datum", type=date_argument, metavar="DD-MM-JJJJ",
                   help="datum van de afrekeningsbrieven (standaard vandaag)")
    p.add_argument("--pdf", type=Path, nargs="?", const=True, metavar="PDF",
                   help="druk de afrekening en de brieven ook af als PDF (standaard naast de werkmap)")
    p.add_argument("--overschrijf", action="store_true", help="vervang een bestaande werkmap")
    p.set_defaults(run=run)


def amount_argument(text: str) -> float:
    """An amount in euros as typed on the command line: 1445000, 1445000.50, 1.445.000,50."""
    cleaned = text.strip().replace("€", "").replace(" ", "")
    if "," in cleaned:
        cleaned = cleaned.replace(".", "").replace(",", ".")
    elif cleaned.count(".") > 1:
        cleaned = cleaned.replace(".", "")
    try:
        value = float(cleaned)
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or abs(value) >= GRENS_BEDRAG:
        raise argparse.ArgumentTypeError(f"'{text}' is geen bedrag in euro's (bijvoorbeeld "
                                         "1445000 of 1.445.000,00)")
    return value


def date_argument(text: str):
    """A date as dd-mm-jjjj (or jjjj-mm-dd)."""
    from datetime import datetime

    for pattern in ("%d-%m-%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(text.strip(), pattern).date()
        except ValueError:
            continue
    raise argparse.ArgumentTypeError(f"'{text}' is geen datum (verwacht dd-mm-jjjj)")


def _prognose(args, basis, afrekening) -> dict | None:
    if not args.vorige:
        return None
    found = read_q4_prognose(args.vorige, basis.naam, basis.jaar)
    return {**found, "afrekening": afrekening.saldo,
            "verschil": cents_sum([afrekening.saldo, -found["saldo"]])}


def _inputs(args) -> dict:
    return {"begroting": args.begroting, "realisatie": args.realisatie, "--volumes": args.volumes,
            "--mapping": args.mapping, "--wijzigingen": args.wijzigingen,
            "--voorschotten": args.voorschotten, "--vorige": args.vorige}


def run(args) -> int:
    basis = load_basis(args.begroting, args.jaar, args.wijzigingen)
    target = args.uitvoer or Path(f"afrekening_{basis.jaar}.xlsx")
    pdf = None if args.pdf is None else (target.with_suffix(".pdf") if args.pdf is True
                                         else Path(args.pdf))
    with Uitvoer(_inputs(args), args.overschrijf) as uit:
        staged = uit.add(target, "werkmap")
        summary_file = uit.add(args.samenvatting, "samenvatting") if args.samenvatting else None
        pdf_file = uit.add(pdf, "pdf") if pdf else None
        mapping = load_mapping(args.mapping)
        realisatie = read_realisation(args.realisatie, args.volumes, mapping, basis.plaatsing(), 4,
                                      args.negeer_onplaatsbaar)
        grootboek, realised = realisatie.grootboek, realisatie.volumes
        voorschotten = (load_voorschotten(args.voorschotten, basis.gemeenten) if args.voorschotten
                        else default_voorschotten(basis))
        bronnen = {"Begroting": args.begroting, "Grootboek": args.realisatie, "Volumes": args.volumes,
                   "Mapping": mapping.bron, "Wijzigingen": args.wijzigingen or "(geen)",
                   "Voorschotten": args.voorschotten or "begrote bijdrage in 12 maandtermijnen"}
        afrekening = build_settlement(basis, grootboek, realised, voorschotten, args.reserve_stand,
                                      bronnen)
        steps = reconcile(afrekening)
        prognose = _prognose(args, basis, afrekening)
        brief = {"datum": args.datum, "besluit": args.besluit}

        def write(path):
            write_settlement(afrekening, path, steps, brief, prognose)

        write(staged)
        if summary_file:
            write_summary(afrekening, summary_file, steps, prognose)
        if pdf_file:
            print_to_pdf(write, pdf_file)
    print("\n".join(table_lines(afrekening)))
    _notes(basis, args, grootboek, realised)
    print(f"afrekening: {target}")
    return 0


def _notes(basis, args, grootboek, realised) -> None:
    for p in basis.producten:
        if (p.product, p.gemeente) not in realised.index:
            print(f"let op: geen gerealiseerd volume voor {p.product} in {p.gemeente} in "
                  f"{args.volumes}; afgerekend met volume 0 volgens de regel '{p.regel}'",
                  file=sys.stderr)
    m = grootboek.meldingen
    if m.aantal_dubbel:
        print(f"let op: {m.aantal_dubbel} exact dubbele regel(s), bijvoorbeeld "
              f"{m.dubbel[0].tekst()}", file=sys.stderr)

