"""Reading a ledger export (CSV or XLSX) into realisation per quarter, line, product and
gemeente, following a mapping. Vectorised: a million lines take seconds.

Every line either lands on an exploitatie line (and, via its kostenplaats, optionally on a
product or doorbelasting of one gemeente) or is recorded as a finding with file, line and
value. Amounts are kept as 'netto' in EUR: lasten positive, baten negative.
"""

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from budgets.realisatie_formaten import (
    DUPLICATE,
    LINE,
    parse_amounts,
    parse_dates,
    parse_periods,
    read_table,
    require_columns,
)
from budgets.realisatie_mapping import Mapping
from budgets.realisatie_meldingen import Meldingen

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
    '' = none; bijdrage: booked on a bijdragerekening), lines read, and the findings."""

    bestand: str
    bedragen: pd.DataFrame
    regels_gelezen: int
    meldingen: Meldingen


def translate(codes: pd.Series, table: dict, known) -> tuple[pd.Series, np.ndarray]:
    """Map export codes to begroting names (identity when absent from the table; names
    match case-insensitively). Returns names ('' for an explicit null) and an unknown mask."""
    lookup = {str(name).casefold(): name for name in known}
    categories = codes.astype("category")
    names = []
    numeric = {int(k): k for k in table if k.isdigit()}
    for raw in categories.cat.categories:
        code = str(raw).strip()
        if code not in table and code.isdigit() and int(code) in numeric:
            code = numeric[int(code)]  # '479' from a spreadsheet cell is code '0479'
        target = table.get(code, code)
        names.append("" if target is None else lookup.get(str(target).casefold(), None))
    mapped = pd.Series(pd.Categorical.from_codes(categories.cat.codes, categories.cat.categories))
    resolved = mapped.map(dict(zip(categories.cat.categories, names, strict=True))).astype(object)
    unknown = resolved.isna().to_numpy().copy()
    return resolved.where(~unknown, "").reset_index(drop=True), unknown


def _stripped(column: pd.Series) -> pd.Series:
    """Codes without surrounding spaces, as a categorical (few distinct values)."""
    categories = column.astype("category")
    cleaned = categories.cat.rename_categories(lambda c: str(c).strip()) \
        if categories.cat.categories.str.strip().is_unique \
        else categories.astype(str).str.strip().astype("category")
    return cleaned.reset_index(drop=True)


def _month(path: Path, frame: pd.DataFrame, columns: dict, jaar: int,
           meldingen: Meldingen) -> np.ndarray:
    """Month 1–12 of every line (0 where unknown), reporting bad or out-of-year dates."""
    if columns["datum"] and columns["datum"] in frame:
        dates, bad = parse_dates(frame[columns["datum"]])
        meldingen.add(path, frame, columns["datum"], bad, "datum onleesbaar (verwacht dd-mm-jjjj)")
        outside = ~bad & (dates.dt.year.fillna(0).to_numpy() != jaar)
        meldingen.add(path, frame, columns["datum"], outside, f"datum buiten het jaar {jaar}")
        return np.where(bad | outside, 0, dates.dt.month.fillna(0).to_numpy()).astype(int)
    column = columns["periode"]
    year, number, bad = parse_periods(frame[column])
    bad = bad | (number < 1) | (number > 12)
    meldingen.add(path, frame, column, bad, "periode onleesbaar (verwacht 1-12)")
    outside = ~bad & (year != 0) & (year != jaar)
    meldingen.add(path, frame, column, outside, f"periode buiten het jaar {jaar}")
    return np.where(bad | outside, 0, number)


def _ledger_columns(path: Path, frame: pd.DataFrame, mapping: Mapping) -> dict:
    columns = dict(mapping.ledger_columns)
    if not (columns["datum"] and columns["datum"] in frame) and columns["periode"]:
        columns["datum"] = None
    wanted = {role: column for role, column in columns.items() if column}
    if not columns["datum"] and not columns["periode"]:
        wanted["datum"] = "(datum of periode)"
    require_columns(path, frame, wanted)
    return columns


def _netto(path: Path, frame: pd.DataFrame, mapping: Mapping, columns: dict,
           meldingen: Meldingen) -> np.ndarray:
    amounts, bad = parse_amounts(frame[columns["bedrag"]], mapping.decimaalteken)
    meldingen.add(path, frame, columns["bedrag"], bad, "bedrag onleesbaar")
    if columns["soort"]:
        soort = frame[columns["soort"]].astype(str).str.strip().map(mapping.soorten)
        unknown = soort.isna().to_numpy()
        meldingen.add(path, frame, columns["soort"], unknown, "soort is geen baten of lasten")
        sign = np.where(soort.to_numpy() == "baten", -1.0, 1.0)
        return np.where(bad | unknown, np.nan, np.abs(amounts) * sign * np.sign(amounts))
    sign = 1.0 if mapping.teken == "lasten_positief" else -1.0
    return np.where(bad, np.nan, amounts * sign)


def _products(path, frame, mapping, columns, plaatsing, meldingen):
    """Product (or doorbelasting) and gemeente of every line ('' = none), and a mask of
    lines whose kostenplaats or gemeente cannot be placed."""
    empty = pd.Series([""] * len(frame), dtype=object)
    if not columns["kostenplaats"]:
        return empty, empty, np.zeros(len(frame), dtype=bool)
    codes = _stripped(frame[columns["kostenplaats"]])
    product, bad = translate(codes, mapping.kostenplaatsen, plaatsing.producten)
    bad &= ~(codes == "").to_numpy()
    meldingen.add(path, frame, columns["kostenplaats"], bad,
                  "kostenplaats onbekend (geen product of doorbelasting in de mapping)")
    needed = (product != "").to_numpy()
    if not columns["gemeente"]:
        meldingen.add(path, frame, columns["kostenplaats"], needed,
                      "de mapping noemt geen gemeente-kolom, maar de regel hoort bij een product")
        return product, empty, bad | needed
    raw = _stripped(frame[columns["gemeente"]])
    gemeente, not_member = translate(raw, mapping.gemeenten, plaatsing.gemeenten)
    blank = (raw == "").to_numpy()
    meldingen.add(path, frame, columns["gemeente"], needed & not_member & ~blank,
                  "gemeente is geen deelnemer van de regeling")
    meldingen.add(path, frame, columns["gemeente"], needed & blank,
                  "gemeente ontbreekt op een regel van een product")
    return product, gemeente.where(product != "", ""), bad | (needed & not_member)


def _duplicates(path: Path, frame: pd.DataFrame, meldingen: Meldingen) -> None:
    data = [column for column in frame.columns if column not in (LINE, DUPLICATE)]
    if DUPLICATE in frame:
        duplicate = frame[DUPLICATE].to_numpy()
    else:
        duplicate = frame.duplicated(subset=data, keep="first").to_numpy()
    meldingen.add(path, frame, data[0], duplicate, "exact dubbele regel", duplicate=True)


def read_ledger(path: Path, mapping: Mapping, plaatsing: Plaatsing) -> Grootboek:
    """Read and aggregate a ledger export; findings are collected, never dropped silently."""
    path = Path(path)
    frame = read_table(path, mapping.decimaalteken)
    columns = _ledger_columns(path, frame, mapping)
    meldingen = Meldingen()
    month = _month(path, frame, columns, plaatsing.jaar, meldingen)
    netto = _netto(path, frame, mapping, columns, meldingen)
    codes = _stripped(frame[columns["rekening"]])
    regel, unknown = translate(codes, mapping.rekeningen, plaatsing.regels)
    unknown = unknown | (regel == "").to_numpy()
    meldingen.add(path, frame, columns["rekening"], unknown,
                  "rekening onbekend (geen exploitatieregel in de begroting of de mapping)")
    product, gemeente, misplaced = _products(path, frame, mapping, columns, plaatsing, meldingen)
    _duplicates(path, frame, meldingen)
    placed = (month > 0) & ~np.isnan(netto) & ~unknown & ~misplaced
    bijdrage = codes.isin(mapping.bijdragerekeningen).to_numpy()
    table = pd.DataFrame({"kwartaal": (month - 1) // 3 + 1, "regel": regel, "product": product,
                          "gemeente": gemeente, "bijdrage": bijdrage, "netto": netto})[placed]
    totals = table.groupby(KEYS, observed=True, sort=True)["netto"].sum().reset_index()
    return Grootboek(str(path), totals, len(frame), meldingen)


def totals_to_date(grootboek: Grootboek, kwartaal: int, by: list[str],
                   zonder_bijdragen: bool = False) -> pd.Series:
    """Σ netto for quarters 1..kwartaal, grouped by the given keys (EUR); optionally
    without the lines booked on bijdragerekeningen."""
    frame = grootboek.bedragen[grootboek.bedragen["kwartaal"] <= kwartaal]
    if zonder_bijdragen:
        frame = frame[~frame["bijdrage"]]
    return frame.groupby(by, observed=True)["netto"].sum()
