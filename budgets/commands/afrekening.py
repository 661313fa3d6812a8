"""`begroting afrekening`: the year-end settlement per gemeente."""

import argparse
import sys
from pathlib import Path

from budgets.afrekening.model import build_settlement, default_voorschotten
from budgets.afrekening.rapport import write_settlement
from budgets.afrekening.uitvoer import table_lines, write_summary
from budgets.afrekening.voorschotten import load_voorschotten
from budgets.bestanden import Uitvoer
from budgets.grootboek.mapping import load_mapping
from budgets.grootboek.periode import read_realisation
from budgets.pc.jaarbegroting import load_basis

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
    p.add_argument("--reserve-stand", type=float, metavar="EUR",
                   help="stand van de reserve aan het begin van het jaar (standaard: stand_begin "
                   "uit de begroting)")
    p.add_argument("--samenvatting", type=Path, metavar="JSON", help="schrijf de uitkomsten ook als JSON")
    p.add_argument("--negeer-onplaatsbaar", action="store_true",
                   help="reken ook af als regels niet te plaatsen zijn (alleen gemeld)")
    p.add_argument("-o", "--uitvoer", type=Path, metavar="XLSX",
                   help="werkmap (standaard afrekening_JJJJ.xlsx)")
    p.add_argument("--overschrijf", action="store_true", help="vervang een bestaande werkmap")
    p.set_defaults(run=run)


def _inputs(args) -> dict:
    return {"begroting": args.begroting, "realisatie": args.realisatie, "--volumes": args.volumes,
            "--mapping": args.mapping, "--wijzigingen": args.wijzigingen,
            "--voorschotten": args.voorschotten}


def run(args) -> int:
    basis = load_basis(args.begroting, args.jaar, args.wijzigingen)
    target = args.uitvoer or Path(f"afrekening_{basis.jaar}.xlsx")
    with Uitvoer(_inputs(args), args.overschrijf) as uit:
        staged = uit.add(target, "werkmap")
        summary_file = uit.add(args.samenvatting, "samenvatting") if args.samenvatting else None
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
        write_settlement(afrekening, staged)
        if summary_file:
            write_summary(afrekening, summary_file)
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
    if args.reserve_stand is None and basis.jaar != min(basis.begroting.jaren):
        print(f"let op: de reserve begint met stand_begin uit de begroting (begin "
              f"{min(basis.begroting.jaren)}); geef --reserve-stand voor de stand begin "
              f"{basis.jaar}", file=sys.stderr)
    m = grootboek.meldingen
    if m.aantal_dubbel:
        print(f"let op: {m.aantal_dubbel} exact dubbele regel(s), bijvoorbeeld "
              f"{m.dubbel[0].tekst()}", file=sys.stderr)

