"""Reading a volume export: realised places / fte / persons per product, gemeente and
period (the average number in that month or quarter)."""

from pathlib import Path

import numpy as np
import pandas as pd

from budgets.grootboek.formaten import (
    parse_dates,
    parse_numbers,
    parse_periods,
    read_table,
    require_columns,
)
from budgets.grootboek.lezen import Plaatsing, translate
from budgets.grootboek.mapping import Mapping
from budgets.grootboek.meldingen import Meldingen
from pyfuncs.fouten import InvoerFout

PERIODS_PER_YEAR = {"maand": 12, "kwartaal": 4}


def _periods(path: Path, frame: pd.DataFrame, mapping: Mapping, columns: dict, jaar: int,
             meldingen: Meldingen) -> np.ndarray:
    """Period number (month 1–12 or quarter 1–4; 0 where unknown)."""
    last = PERIODS_PER_YEAR[mapping.volume_periode]
    if columns["datum"] and columns["datum"] in frame:
        dates, bad = parse_dates(frame[columns["datum"]])
        meldingen.add(path, frame, columns["datum"], bad, "datum onleesbaar (verwacht dd-mm-jjjj)")
        outside = ~bad & (dates.dt.year.fillna(0).to_numpy() != jaar)
        meldingen.add(path, frame, columns["datum"], outside, f"datum buiten het jaar {jaar}")
        month = dates.dt.month.fillna(0).to_numpy().astype(int)
        number = month if last == 12 else (month + 2) // 3
        return np.where(bad | outside, 0, number)
    year, number, bad = parse_periods(frame[columns["periode"]])
    bad = bad | (number < 1) | (number > last)
    meldingen.add(path, frame, columns["periode"], bad, f"periode onleesbaar (verwacht 1-{last})")
    outside = ~bad & (year != 0) & (year != jaar)
    meldingen.add(path, frame, columns["periode"], outside, f"periode buiten het jaar {jaar}")
    return np.where(bad | outside, 0, number)


def read_volumes(path: Path, mapping: Mapping, plaatsing: Plaatsing) -> tuple[pd.DataFrame,
                                                                              Meldingen]:
    """Realised volumes: a frame with periode, product, gemeente, volume (one row per
    key; the same key twice is a finding), and the findings."""
    path = Path(path)
    frame = read_table(path, mapping.decimaalteken)
    if len(frame) == 0:
        raise InvoerFout(f"{path}: alleen een kopregel, geen volumes; is dit de goede export?")
    columns = dict(mapping.volume_columns)
    if not (columns["datum"] and columns["datum"] in frame) and columns["periode"]:
        columns["datum"] = None
    require_columns(path, frame, {r: c for r, c in columns.items() if c})
    meldingen = Meldingen()
    period = _periods(path, frame, mapping, columns, plaatsing.jaar, meldingen)
    volume, bad = parse_numbers(frame[columns["volume"]], mapping.decimaalteken)
    meldingen.add(path, frame, columns["volume"], bad | (volume < 0), "volume onleesbaar of negatief")
    raw_product = frame[columns["product"]].astype(str).str.strip().reset_index(drop=True)
    product, unknown_p = translate(raw_product, mapping.producten, plaatsing.producten)
    meldingen.add(path, frame, columns["product"], unknown_p, "product onbekend")
    raw_gemeente = frame[columns["gemeente"]].astype(str).str.strip().reset_index(drop=True)
    gemeente, unknown_g = translate(raw_gemeente, mapping.gemeenten, plaatsing.gemeenten)
    meldingen.add(path, frame, columns["gemeente"], unknown_g,
                  "gemeente is geen deelnemer van de regeling")
    placed = (period > 0) & ~bad & (volume >= 0) & ~unknown_p & ~unknown_g
    table = pd.DataFrame({"periode": period, "product": product, "gemeente": gemeente,
                          "volume": volume})
    double = table.duplicated(["periode", "product", "gemeente"], keep="first").to_numpy() & placed
    meldingen.add(path, frame, columns["volume"], double,
                  "dezelfde periode, product en gemeente staan er twee keer in")
    return table[placed & ~double].reset_index(drop=True), meldingen


def volume_years(volumes: pd.DataFrame, kwartaal: int, periode: str) -> pd.Series:
    """Realised volume from the start of the year to the end of a quarter, in
    volume-years (Σ average volume × period length / year), per (product, gemeente).

    A rule of its own (not in pyfuncs): the realised counterpart of
    budget_to_date(volume, kwartaal) with equal quarters.
    """
    per_year = PERIODS_PER_YEAR[periode]
    last = kwartaal * per_year // 4
    frame = volumes[volumes["periode"] <= last]
    return frame.groupby(["product", "gemeente"])["volume"].sum() / per_year
