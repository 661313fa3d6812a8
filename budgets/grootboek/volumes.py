"""Reading a volume export: realised places / fte / persons per product, gemeente and
period (the average number in that month or quarter)."""

from pathlib import Path

import numpy as np

from budgets.grootboek.formaten import date_parts, parse_amount_texts, period_parts, require_columns
from budgets.grootboek.lezen import Plaatsing, Totalen, resolve
from budgets.grootboek.mapping import Mapping
from budgets.grootboek.meldingen import Meldingen
from budgets.grootboek.som import kahan_totals
from budgets.grootboek.tabel import Tabel, read_tabel

PERIODS_PER_YEAR = {"maand": 12, "kwartaal": 4}


def _periods(path: Path, tabel: Tabel, mapping: Mapping, columns: dict, jaar: int,
             meldingen: Meldingen) -> np.ndarray:
    """Period number (month 1–12 or quarter 1–4; 0 where unknown)."""
    last = PERIODS_PER_YEAR[mapping.volume_periode]
    if columns["datum"] and columns["datum"] in tabel:
        kolom = tabel.kolommen[columns["datum"]]
        year, month, bad = (part[kolom.codes] for part in date_parts(kolom.waarden.to_pylist()))
        meldingen.add(path, tabel, columns["datum"], bad, "datum onleesbaar (verwacht dd-mm-jjjj)")
        outside = ~bad & (year != jaar)
        meldingen.add(path, tabel, columns["datum"], outside, f"datum buiten het jaar {jaar}")
        month = month.astype(int)
        number = month if last == 12 else (month + 2) // 3
        return np.where(bad | outside, 0, number)
    kolom = tabel.kolommen[columns["periode"]]
    year, number, bad = (part[kolom.codes] for part in period_parts(kolom.waarden.to_pylist()))
    bad = bad | (number < 1) | (number > last)
    meldingen.add(path, tabel, columns["periode"], bad, f"periode onleesbaar (verwacht 1-{last})")
    outside = ~bad & (year != 0) & (year != jaar)
    meldingen.add(path, tabel, columns["periode"], outside, f"periode buiten het jaar {jaar}")
    return np.where(bad | outside, 0, number)


def _names(tabel: Tabel, column: str, table: dict, known) -> tuple[list[str], np.ndarray]:
    """The begroting name of every line's code ('' when unknown) and an unknown mask."""
    kolom = tabel.kolommen[column]
    names = resolve(kolom.gestript(), table, known)
    unknown = np.array([name is None for name in names], dtype=bool)[kolom.codes]
    return [names[code] or "" for code in kolom.codes.tolist()], unknown


def read_volumes(path: Path, mapping: Mapping, plaatsing: Plaatsing) -> tuple[dict[str, list],
                                                                              Meldingen]:
    """Realised volumes: columns periode, product, gemeente, volume (lists, one row per
    key; the same key twice is a finding), and the findings."""
    path = Path(path)
    tabel = read_tabel(path, mapping.decimaalteken, "volumes")
    columns = dict(mapping.volume_columns)
    if not (columns["datum"] and columns["datum"] in tabel) and columns["periode"]:
        columns["datum"] = None
    require_columns(path, tabel.namen, {r: c for r, c in columns.items() if c})
    meldingen = Meldingen()
    period = _periods(path, tabel, mapping, columns, plaatsing.jaar, meldingen)
    kolom = tabel.kolommen[columns["volume"]]
    volume, bad = (part[kolom.codes] for part in parse_amount_texts(kolom.waarden,
                                                                    mapping.decimaalteken))
    meldingen.add(path, tabel, columns["volume"], bad | (volume < 0), "volume onleesbaar of negatief")
    product, unknown_p = _names(tabel, columns["product"], mapping.producten, plaatsing.producten)
    meldingen.add(path, tabel, columns["product"], unknown_p, "product onbekend")
    gemeente, unknown_g = _names(tabel, columns["gemeente"], mapping.gemeenten, plaatsing.gemeenten)
    meldingen.add(path, tabel, columns["gemeente"], unknown_g,
                  "gemeente is geen deelnemer van de regeling")
    placed = (period > 0) & ~bad & (volume >= 0) & ~unknown_p & ~unknown_g
    keys = list(zip(period.tolist(), product, gemeente, strict=True))
    first = {}
    double = np.array([first.setdefault(key, i) != i for i, key in enumerate(keys)], dtype=bool)
    double &= placed
    meldingen.add(path, tabel, columns["volume"], double,
                  "dezelfde periode, product en gemeente staan er twee keer in")
    kept = np.flatnonzero(placed & ~double).tolist()
    return ({"periode": [keys[i][0] for i in kept], "product": [product[i] for i in kept],
             "gemeente": [gemeente[i] for i in kept], "volume": volume[kept].tolist()},
            meldingen)


def volume_years(volumes: dict[str, list], kwartaal: int, periode: str) -> Totalen:
    """Realised volume from the start of the year to the end of a quarter, in
    volume-years (Σ average volume × period length / year), per (product, gemeente).

    A rule of its own (not in pyfuncs): the realised counterpart of
    budget_to_date(volume, kwartaal) with equal quarters.
    """
    per_year = PERIODS_PER_YEAR[periode]
    last = kwartaal * per_year // 4
    keys, values = [], []
    for number, product, gemeente, volume in zip(volumes["periode"], volumes["product"],
                                                 volumes["gemeente"], volumes["volume"],
                                                 strict=True):
        if number <= last:
            keys.append((product, gemeente))
            values.append(volume)
    return Totalen({key: total / per_year for key, total in kahan_totals(keys, values).items()})
