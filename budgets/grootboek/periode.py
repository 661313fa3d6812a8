"""The realisation of a period, as both P&C commands read it: the ledger to date and, where
given, the realised volumes to the end of the quarter."""

from dataclasses import dataclass
from pathlib import Path

from budgets.grootboek.lezen import Grootboek, Plaatsing, Totalen, read_ledger
from budgets.grootboek.mapping import Mapping, check_names
from budgets.grootboek.stroom import Vooruit
from budgets.grootboek.volumes import read_volumes, volume_years


@dataclass(frozen=True)
class Realisatie:
    """The ledger (sums per place, with its findings) and the realised volume-years per
    (product, gemeente) to the end of the quarter (None without a volume export)."""

    grootboek: Grootboek
    volumes: Totalen | None


def read_realisation(ledger: Path, volumes: Path | None, mapping: Mapping, plaatsing: Plaatsing,
                     kwartaal: int, negeer_onplaatsbaar: bool = False,
                     begonnen: Vooruit | None = None) -> Realisatie:
    """Read the ledger and volume exports; unplaceable lines raise InvoerFout unless
    negeer_onplaatsbaar (they stay among the findings). begonnen: the ledger's reading as
    budgets.grootboek.lezen.start_reading began it."""
    check_names(mapping, plaatsing.regels, plaatsing.producten, plaatsing.gemeenten)
    grootboek = read_ledger(ledger, mapping, plaatsing, begonnen)
    realised = None
    if volumes:
        frame, found = read_volumes(volumes, mapping, plaatsing)
        grootboek.meldingen.extend(found)
        realised = volume_years(frame, kwartaal, mapping.volume_periode)
    if not negeer_onplaatsbaar:
        grootboek.meldingen.raise_if_unplaced()
    return Realisatie(grootboek, realised)
