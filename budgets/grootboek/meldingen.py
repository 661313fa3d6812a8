"""Findings about export lines: what could not be placed, and exact duplicates."""

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from budgets.grootboek.formaten import place
from budgets.grootboek.tabel import Tabel, repeats, row_hashes
from pyfuncs.fouten import InvoerFout

MAX_VOORBEELDEN = 200  # findings kept per reason; the count is always complete
DUBBEL = "exact dubbele regel"


@dataclass(frozen=True)
class Melding:
    """One line that could not be placed (or is a duplicate): file, place, value, reason."""

    bestand: str
    plaats: str
    waarde: str
    reden: str

    def tekst(self) -> str:
        return f"{self.bestand}, {self.plaats}: {self.reden} ('{self.waarde}')"


@dataclass
class Meldingen:
    """Findings per reason (at most MAX_VOORBEELDEN kept each) with complete counts."""

    onplaatsbaar: list[Melding] = field(default_factory=list)
    dubbel: list[Melding] = field(default_factory=list)
    aantal_onplaatsbaar: int = 0
    aantal_dubbel: int = 0

    def add(self, path: Path, source, column: str, mask: np.ndarray, reason: str,
            duplicate: bool = False) -> None:
        """Record the rows where mask is True; the value shown is the cell in column.
        source: the export as a pandas frame or a realisatie_tabel.Tabel."""
        rows = np.flatnonzero(mask)
        if rows.size == 0:
            return
        places, values = _cells(path, source, column, rows[:MAX_VOORBEELDEN])
        found = [Melding(str(path), where, value, reason)
                 for where, value in zip(places, values, strict=True)]
        if duplicate:
            self.dubbel.extend(found)
            self.aantal_dubbel += int(rows.size)
        else:
            self.onplaatsbaar.extend(found)
            self.aantal_onplaatsbaar += int(rows.size)

    def extend(self, other: "Meldingen") -> None:
        self.onplaatsbaar.extend(other.onplaatsbaar)
        self.dubbel.extend(other.dubbel)
        self.aantal_onplaatsbaar += other.aantal_onplaatsbaar
        self.aantal_dubbel += other.aantal_dubbel

    def raise_if_unplaced(self, shown: int = 25) -> None:
        """Refuse the input when any line could not be placed, listing the first ones."""
        if not self.aantal_onplaatsbaar:
            return
        ordered = sorted(self.onplaatsbaar, key=lambda m: (m.bestand, _line_number(m.plaats)))
        lines = [melding.tekst() for melding in ordered[:shown]]
        more = self.aantal_onplaatsbaar - len(lines)
        tail = [f"... en nog {more} regel(s)"] if more > 0 else []
        raise InvoerFout(
            f"{self.aantal_onplaatsbaar} regel(s) in de realisatie kunnen niet worden geplaatst "
            "(pas de mapping aan, of gebruik --negeer-onplaatsbaar om ze alleen te melden):\n  "
            + "\n  ".join(lines + tail)
        )

    def as_dict(self) -> dict:
        def rows(items: list[Melding]) -> list[dict]:
            return [{"bestand": m.bestand, "plaats": m.plaats, "waarde": m.waarde,
                     "reden": m.reden} for m in items]
        return {"aantal_onplaatsbaar": self.aantal_onplaatsbaar,
                "aantal_dubbel": self.aantal_dubbel,
                "onplaatsbaar": rows(self.onplaatsbaar), "dubbel": rows(self.dubbel)}


class Verzamelaar:
    """Findings of a file read in blocks, the same as Meldingen.add over the whole file:
    per reason in the order of the checks, the first MAX_VOORBEELDEN lines of the file
    kept, the count complete."""

    def __init__(self):
        self.per_reason: dict[tuple[str, bool], tuple[list[Melding], list[int]]] = {}

    def add(self, path: Path, source, column: str, mask: np.ndarray, reason: str,
            duplicate: bool = False) -> None:
        """As Meldingen.add, for the next block of the file."""
        kept, count = self.per_reason.setdefault((reason, duplicate), ([], [0]))
        rows = np.flatnonzero(mask)
        room = MAX_VOORBEELDEN - len(kept)
        if rows.size and room > 0:
            places, values = _cells(path, source, column, rows[:room])
            kept.extend(Melding(str(path), where, value, reason)
                        for where, value in zip(places, values, strict=True))
        count[0] += int(rows.size)

    def count(self, reason: str, duplicate: bool, more: int) -> None:
        """More lines for a reason than add was given (beyond the kept ones)."""
        self.per_reason.setdefault((reason, duplicate), ([], [0]))[1][0] += more

    def meldingen(self) -> Meldingen:
        found = Meldingen()
        for (_, duplicate), (kept, (count,)) in self.per_reason.items():
            if not count:
                continue
            if duplicate:
                found.dubbel.extend(kept)
                found.aantal_dubbel += count
            else:
                found.onplaatsbaar.extend(kept)
                found.aantal_onplaatsbaar += count
        return found


class Dubbelen:
    """The exact duplicates of a file read in blocks, found at the end: how many from one
    sort of the row hashes of all blocks (8 bytes a record, kept with each record's line
    and first cell), which ones from the fewest first blocks that hold MAX_VOORBEELDEN."""

    def __init__(self):
        self.blocks: list[Tabel] = []
        self.hashes: list[np.ndarray] = []

    def add(self, tabel: Tabel) -> None:
        """The next block of the file."""
        first = tabel.namen[0]
        self.blocks.append(Tabel(tabel.namen, {first: tabel.kolommen[first]}, tabel.regels,
                                 tabel.werkmap))
        self.hashes.append(row_hashes(tabel))

    def report(self, path: Path, verzamelaar: Verzamelaar) -> None:
        """Add the duplicates to the findings, as Verzamelaar.add block by block would."""
        ordered = np.sort(np.concatenate(self.hashes)) if self.hashes else np.zeros(0, np.uint64)
        aantal = int(np.count_nonzero(ordered[1:] == ordered[:-1]))
        if not aantal:
            return
        take = 1
        while True:  # a duplicate's earlier record is in the blocks before it
            repeated = repeats(np.concatenate(self.hashes[:take]))
            if take == len(self.hashes) or np.count_nonzero(repeated) >= MAX_VOORBEELDEN:
                break
            take = min(2 * take, len(self.hashes))
        ends = np.cumsum([len(h) for h in self.hashes[:take]])[:-1]
        for tabel, mask in zip(self.blocks[:take], np.split(repeated, ends), strict=True):
            verzamelaar.add(path, tabel, tabel.namen[0], mask, DUBBEL, duplicate=True)
        verzamelaar.count(DUBBEL, True, aantal - int(np.count_nonzero(repeated)))


def _cells(path: Path, source, column: str, rows: np.ndarray) -> tuple[list[str], list[str]]:
    """Places and values of rows (positions) of a frame or a Tabel."""
    if not hasattr(source, "loc"):  # a Tabel, not a pandas frame
        return source.place(column, rows), source.values(column, rows)
    index = source.index[rows]
    values = source.loc[index, column].astype(str).tolist() if column in source else [""] * len(rows)
    return place(path, source, column, index), values


def _line_number(place: str) -> int:
    digits = "".join(ch for ch in place if ch.isdigit())
    return int(digits) if digits else 0
