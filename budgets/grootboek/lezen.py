"""Reading a ledger export (CSV or XLSX) into realisation per quarter, line, product and
gemeente, following a mapping.

Every line either lands on an exploitatie line (and, via its kostenplaats, optionally on a
product or doorbelasting of one gemeente) or is recorded as a finding with file, line and
value. Amounts are kept as 'netto' in EUR: lasten positive, baten negative.

A CSV export is read in blocks (budgets.grootboek.stroom), each block's columns as codes
into their distinct texts (budgets.grootboek.tabel), so dates, codes and amounts are parsed
and mapped once per distinct value in a block, and the lines are summed per key with numpy
(budgets.grootboek.som) block by block: memory follows the groups and the distinct lines,
not the file. A file the fast reader refuses, and every XLSX export, is read whole by the
lenient reader and goes through the same steps as one block.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pyarrow.compute as pc

from budgets.grootboek.formaten import (
    date_parts,
    parse_amount_texts,
    period_parts,
    read_table,
    require_columns,
)
from budgets.grootboek.mapping import Mapping
from budgets.grootboek.meldingen import Dubbelen, Meldingen, Verzamelaar
from budgets.grootboek.som import Optelling, kahan_totals
from budgets.grootboek.stroom import CsvBlokken, Opnieuw, Soepel, Vooruit, is_workbook
from budgets.grootboek.tabel import Tabel, from_frame
from pyfuncs.fouten import InvoerFout

if TYPE_CHECKING:
    import pandas as pd

KEYS = ["kwartaal", "regel", "product", "gemeente", "bijdrage"]


@dataclass(frozen=True)
class Plaatsing:
    """What the begroting offers to place lines on.

    regels: exploitatie line name -> 'baten' or 'lasten'; producten: names of products
    and doorbelastingen; gemeenten: the deelnemers.
    """

    jaar: int
    regels: dict[str, str]
    producten: tuple[str, ...]
    gemeenten: tuple[str, ...]


@dataclass(frozen=True)
class Grootboek:
    """Realisation per kwartaal × regel × product × gemeente × bijdrage (netto EUR;
    '' = none; bijdrage: booked on a bijdragerekening), lines read, and the findings.

    bedragen: the columns KEYS and 'netto' by name, one row per key that occurs, sorted
    by the keys (a dict of lists; a pandas DataFrame with these columns does as well).
    """

    bestand: str
    bedragen: dict[str, list] | pd.DataFrame
    regels_gelezen: int
    meldingen: Meldingen


def resolve(codes, table: dict, known) -> list[str | None]:
    """Begroting names of export codes: the table's name, else the code itself; names
    match case-insensitively. '' for an explicit null in the table, None when unknown."""
    lookup = {str(name).casefold(): name for name in known}
    numeric = {int(k): k for k in table if k.isdigit()}
    names = []
    for raw in codes:
        code = str(raw).strip()
        if code not in table and code.isdigit() and int(code) in numeric:
            code = numeric[int(code)]  # '479' from a spreadsheet cell is code '0479'
        target = table.get(code, code)
        names.append("" if target is None else lookup.get(str(target).casefold(), None))
    return names


def _positions(names: list[str | None], order: list[str]) -> np.ndarray:
    """Position of every name in order; -1 for a name not in it (None: unknown)."""
    where = {name: i for i, name in enumerate(order)}
    return np.array([where.get(name, -1) for name in names], dtype=np.int32)


def _month(path: Path, tabel: Tabel, columns: dict, jaar: int,
           meldingen: Meldingen) -> np.ndarray:
    """Month 1–12 of every line (0 where unknown), reporting bad or out-of-year dates."""
    if columns["datum"] and columns["datum"] in tabel:
        column = columns["datum"]
        kolom = tabel.kolommen[column]
        year, month, bad = date_parts(kolom.waarden.to_pylist())
        outside = ~bad & (year != jaar)
        meldingen.add(path, tabel, column, bad[kolom.codes], "datum onleesbaar (verwacht dd-mm-jjjj)")
        meldingen.add(path, tabel, column, outside[kolom.codes], f"datum buiten het jaar {jaar}")
        return np.where(bad | outside, 0, month).astype(np.int8)[kolom.codes]
    column = columns["periode"]
    kolom = tabel.kolommen[column]
    year, number, bad = period_parts(kolom.waarden.to_pylist())
    bad = bad | (number < 1) | (number > 12)
    meldingen.add(path, tabel, column, bad[kolom.codes], "periode onleesbaar (verwacht 1-12)")
    outside = ~bad & (year != 0) & (year != jaar)
    meldingen.add(path, tabel, column, outside[kolom.codes], f"periode buiten het jaar {jaar}")
    return np.where(bad | outside, 0, number).astype(np.int8)[kolom.codes]


def _ledger_columns(path: Path, tabel: Tabel, mapping: Mapping) -> dict:
    columns = dict(mapping.ledger_columns)
    if not (columns["datum"] and columns["datum"] in tabel) and columns["periode"]:
        columns["datum"] = None
    wanted = {role: column for role, column in columns.items() if column}
    if not columns["datum"] and not columns["periode"]:
        wanted["datum"] = "(datum of periode)"
    require_columns(path, tabel.namen, wanted)
    return columns


def _netto(path: Path, tabel: Tabel, mapping: Mapping, columns: dict,
           meldingen: Meldingen) -> tuple[np.ndarray, bool]:
    """Netto EUR of every line (NaN where unreadable), and whether every amount is in
    whole cents (at most two decimals: then the sums can be exact)."""
    kolom = tabel.kolommen[columns["bedrag"]]
    values, bad = parse_amount_texts(kolom.waarden, mapping.decimaalteken)
    meldingen.add(path, tabel, columns["bedrag"], bad[kolom.codes], "bedrag onleesbaar")
    fraction = f"[{mapping.decimaalteken}]\\d{{3}}"
    whole = not pc.any(pc.match_substring_regex(kolom.waarden, fraction)).as_py()
    if columns["soort"]:
        sign, unknown = _soort(path, tabel, mapping, columns["soort"], meldingen)
        values = np.where(bad, np.nan, np.abs(values) * np.sign(values))[kolom.codes]
        return np.where(unknown, np.nan, values * sign), whole
    sign = 1.0 if mapping.teken == "lasten_positief" else -1.0
    return np.where(bad, np.nan, values * sign)[kolom.codes], whole


def _soort(path: Path, tabel: Tabel, mapping: Mapping, column: str,
           meldingen: Meldingen) -> tuple[np.ndarray, np.ndarray]:
    """Sign of every line from the soort column (baten −1, lasten +1), and unknown soorten."""
    kolom = tabel.kolommen[column]
    soorten = [mapping.soorten.get(text) for text in kolom.gestript()]
    unknown = np.array([soort is None for soort in soorten], dtype=bool)[kolom.codes]
    meldingen.add(path, tabel, column, unknown, "soort is geen baten of lasten")
    sign = np.array([-1.0 if soort == "baten" else 1.0 for soort in soorten])
    return sign[kolom.codes], unknown


def _lines(path: Path, tabel: Tabel, mapping: Mapping, columns: dict, regels: list[str],
           meldingen: Meldingen) -> tuple[np.ndarray, np.ndarray]:
    """Position of every line's exploitatieregel in regels (-1: unplaced), and whether
    it is booked on a bijdragerekening."""
    column = columns["rekening"]
    kolom = tabel.kolommen[column]
    codes = kolom.gestript()
    regel = _positions(resolve(codes, mapping.rekeningen, regels), regels)
    meldingen.add(path, tabel, column, regel[kolom.codes] < 0,
                  "rekening onbekend (geen exploitatieregel in de begroting of de mapping)")
    bijdrage = np.array([code in mapping.bijdragerekeningen for code in codes], dtype=bool)
    return regel[kolom.codes], bijdrage[kolom.codes]


def _products(path: Path, tabel: Tabel, mapping: Mapping, columns: dict,
              plaatsing: Plaatsing, meldingen: Meldingen):
    """Position of every line's product (or doorbelasting) in ('', *producten) and of its
    gemeente in ('', *gemeenten) (0 = none), and a mask of lines whose kostenplaats or
    gemeente cannot be placed."""
    none = np.zeros(len(tabel), dtype=np.int32)
    if not columns["kostenplaats"]:
        return none, none, none > 0
    kolom = tabel.kolommen[columns["kostenplaats"]]
    codes = kolom.gestript()
    product = _positions(resolve(codes, mapping.kostenplaatsen, plaatsing.producten),
                         ["", *plaatsing.producten])
    bad = ((product < 0) & np.array([code != "" for code in codes], dtype=bool))[kolom.codes]
    meldingen.add(path, tabel, columns["kostenplaats"], bad,
                  "kostenplaats onbekend (geen product of doorbelasting in de mapping)")
    product = np.maximum(product, 0)[kolom.codes]
    if not columns["gemeente"]:
        meldingen.add(path, tabel, columns["kostenplaats"], product > 0,
                      "de mapping noemt geen gemeente-kolom, maar de regel hoort bij een product")
        return product, none, bad | (product > 0)
    gemeente, not_member = _gemeenten(path, tabel, mapping, columns["gemeente"], plaatsing,
                                      product > 0, meldingen)
    return product, gemeente, bad | not_member


def _gemeenten(path: Path, tabel: Tabel, mapping: Mapping, column: str,
               plaatsing: Plaatsing, needed: np.ndarray, meldingen: Meldingen):
    """Position of the gemeente of every line that needs one (0 elsewhere), and a mask of
    the lines that need one but have none that takes part."""
    kolom = tabel.kolommen[column]
    codes = kolom.gestript()
    gemeente = _positions(resolve(codes, mapping.gemeenten, plaatsing.gemeenten),
                          ["", *plaatsing.gemeenten])
    blank = np.array([code == "" for code in codes], dtype=bool)[kolom.codes]
    not_member = needed & (gemeente < 0)[kolom.codes]
    meldingen.add(path, tabel, column, not_member & ~blank,
                  "gemeente is geen deelnemer van de regeling")
    meldingen.add(path, tabel, column, needed & blank,
                  "gemeente ontbreekt op een regel van een product")
    return np.where(needed, np.maximum(gemeente, 0)[kolom.codes], 0), not_member


def read_ledger(path: Path, mapping: Mapping, plaatsing: Plaatsing,
                begonnen: Vooruit | None = None) -> Grootboek:
    """Read and aggregate a ledger export; findings are collected, never dropped silently.
    begonnen: the reading start_reading began (used for the first attempt)."""
    path = Path(path)
    settings: dict = {"encoding": None, "kahan": False}
    lenient = is_workbook(path)
    while True:
        try:
            if not lenient:
                with begonnen or Vooruit(CsvBlokken(path, settings["encoding"])) as blocks:
                    begonnen = None
                    return _read_blocks(path, blocks, mapping, plaatsing, settings["kahan"])
            whole = from_frame(read_table(path, mapping.decimaalteken), is_workbook(path))
            return _read_blocks(path, [whole], mapping, plaatsing, settings["kahan"])
        except Opnieuw as again:
            settings.update(again.settings)
        except Soepel:
            lenient = True


def _read_blocks(path: Path, blocks, mapping: Mapping, plaatsing: Plaatsing,
                 kahan: bool) -> Grootboek:
    """Place, check and sum every block of the export (see read_ledger)."""
    meldingen, dubbelen = Verzamelaar(), Dubbelen()
    regels = sorted(plaatsing.regels)
    labels = {"kwartaal": [1, 2, 3, 4], "regel": regels, "product": ["", *plaatsing.producten],
              "gemeente": ["", *plaatsing.gemeenten], "bijdrage": [False, True]}
    totals = Optelling(labels, kahan)
    lines, columns, refused = 0, None, None
    for tabel in blocks:
        lines += len(tabel)
        if columns is None and refused is None:
            try:
                columns = _ledger_columns(path, tabel, mapping)
            except InvoerFout as fout:  # raised once the whole file is read, as before
                refused = fout
        if refused is None:
            _read_block(path, tabel, mapping, plaatsing, columns, (meldingen, totals))
            dubbelen.add(tabel)
    if lines == 0:
        raise InvoerFout(f"{path}: alleen een kopregel, geen boekingen; is dit de goede export?")
    if refused is not None:
        raise refused
    dubbelen.report(path, meldingen)
    return Grootboek(str(path), totals.columns(), lines, meldingen.meldingen())


def _read_block(path: Path, tabel: Tabel, mapping: Mapping, plaatsing: Plaatsing,
                columns: dict, state: tuple) -> None:
    """One block: its findings and its sums."""
    meldingen, totals = state
    month = _month(path, tabel, columns, plaatsing.jaar, meldingen)
    netto, whole = _netto(path, tabel, mapping, columns, meldingen)
    if not whole and not totals.kahan:
        raise Opnieuw(kahan=True)  # sum the whole file with compensation, as one
    regel, bijdrage = _lines(path, tabel, mapping, columns, totals.labels["regel"], meldingen)
    product, gemeente, misplaced = _products(path, tabel, mapping, columns, plaatsing, meldingen)
    placed = (month > 0) & ~np.isnan(netto) & (regel >= 0) & ~misplaced
    keys = {"kwartaal": np.maximum(month - 1, 0) // 3, "regel": regel, "product": product,
            "gemeente": gemeente, "bijdrage": bijdrage}
    totals.add(keys, netto, placed)


def totals_to_date(grootboek: Grootboek, kwartaal: int, by: list[str],
                   zonder_bijdragen: bool = False) -> Totalen:
    """Σ netto for quarters 1..kwartaal, grouped by the given keys (EUR; a key is the
    label itself for one key, a tuple for more); optionally without the lines booked on
    bijdragerekeningen."""
    bedragen = grootboek.bedragen
    keep = np.asarray(bedragen["kwartaal"]) <= kwartaal
    if zonder_bijdragen:
        keep &= ~np.asarray(bedragen["bijdrage"], dtype=bool)
    netto = np.asarray(bedragen["netto"], dtype=float)[keep]
    labels = [np.asarray(bedragen[name], dtype=object)[keep].tolist() for name in by]
    keys = labels[0] if len(by) == 1 else list(zip(*labels, strict=True))
    cents = np.rint(netto * 100)
    if not np.allclose(cents, netto * 100, rtol=0, atol=1e-6):  # more than two decimals
        return Totalen(kahan_totals(keys, netto))
    rows: dict = {}
    for i, key in enumerate(keys):
        rows.setdefault(key, []).append(i)
    whole = cents.astype(np.int64)
    return Totalen({key: float(int(whole[at].sum())) / 100 for key, at in sorted(rows.items())})


class Totalen(dict):
    """Sums per key (a dict); index and to_dict() as the pandas Series these once were."""

    @property
    def index(self):
        return self.keys()

    def to_dict(self) -> dict:
        return dict(self)
