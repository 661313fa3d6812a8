"""The productbegroting: volume × normprijs per product, per gemeente, per year."""

import math

import numpy as np

from pyfuncs.fouten import InvoerFout
from pyfuncs.vormen import is_blank, number, trim, year


def normbedrag(volumes: np.ndarray, normprijzen: np.ndarray) -> np.ndarray:
    """Volumes (products × years) times normprijzen of the same shape, one price per
    product row (a column), one price per year (a row) or one price for all (EUR)."""
    volumes = np.atleast_2d(np.asarray(volumes, dtype=float))
    normprijzen = np.atleast_2d(np.asarray(normprijzen, dtype=float))
    try:
        return volumes * normprijzen
    except ValueError:
        raise InvoerFout(
            f"normprijzen ({normprijzen.shape[0]}×{normprijzen.shape[1]}) passen niet bij "
            f"volumes ({volumes.shape[0]}×{volumes.shape[1]}): geef dezelfde vorm, "
            "één kolom (een prijs per product) of één waarde"
        ) from None


def bijdrage_per_gemeente(volumes: np.ndarray, normprijzen: np.ndarray) -> np.ndarray:
    """Σ volume × normprijs per gemeente: volumes gemeenten × products, one price per product."""
    volumes = np.atleast_2d(np.asarray(volumes, dtype=float))
    prices = np.asarray(normprijzen, dtype=float).ravel()
    if prices.size != volumes.shape[1]:
        raise InvoerFout(
            f"normprijzen heeft {prices.size} waarden, maar volumes heeft "
            f"{volumes.shape[1]} producten (kolommen)"
        )
    return volumes @ prices


TABEL_KOLOMMEN = ("gemeente", "product", "jaar", "volume")
PRIJS_KOLOMMEN = ("product", "jaar", "normprijs")


def _records(rows: list[list], wanted: tuple[str, ...], argument: str) -> list[tuple[int, list]]:
    """(row number in the range, [cells in the wanted order]) per data row. Blank rows at the
    end are ignored; a blank row between data rows is refused."""
    if len(rows) < 2:
        raise InvoerFout(f"{argument} moet een kopregel en minstens één rij hebben")
    header = ["" if is_blank(name) else str(name).strip().lower() for name in rows[0]]
    missing = [name for name in wanted if name not in header]
    if missing:
        raise InvoerFout(f"{argument} mist de kolom(men) {', '.join(missing)}")
    columns = [header.index(name) for name in wanted]
    body = trim(rows[1:], keep_rows=0)
    if not body:
        raise InvoerFout(f"{argument} moet een kopregel en minstens één rij hebben")
    records = []
    for line, row in enumerate(body, start=2):
        picked = [row[c] if c < len(row) else None for c in columns]
        if all(is_blank(cell) for cell in picked):
            raise InvoerFout(f"{argument} rij {line} is leeg; haal lege rijen uit de tabel")
        records.append((line, picked))
    return records


def _key(cells: list, line: int, argument: str) -> tuple[str, int]:
    product, jaar = cells
    if is_blank(product):
        raise InvoerFout(f"{argument} rij {line}: product is leeg")
    return str(product).strip(), year(jaar, f"{argument} rij {line}: jaar")


def _prices(rows: list[list]) -> dict[tuple[str, int], float]:
    prices = {}
    for line, (product, jaar, prijs) in _records(rows, PRIJS_KOLOMMEN, "normprijzen"):
        key = _key([product, jaar], line, "normprijzen")
        if key in prices:
            raise InvoerFout(f"normprijzen noemt {key[0]} {key[1]} twee keer")
        prices[key] = number(prijs, "normprijzen", f" (kolom normprijs, rij {line})")
    return prices


def bijdragetabel(tabel: list[list], normprijzen: list[list]) -> tuple[list[int], list[tuple[str, list]]]:
    """Bijdrage per gemeente (rows, in order of first appearance) per year (sorted): the
    sum of volume × normprijs (EUR).

    tabel has a header row with gemeente, product, jaar, volume; normprijzen one with
    product, jaar, normprijs (any order, more columns allowed). A product/year without a
    normprijs is refused; a year is a whole number 1990–2100, a date or numeric text.
    """
    records = _records(tabel, TABEL_KOLOMMEN, "tabel")
    prices = _prices(normprijzen)
    terms: dict[str, dict[int, list[float]]] = {}
    years: set[int] = set()
    for line, (gemeente, product, jaar, volume) in records:
        if is_blank(gemeente):
            raise InvoerFout(f"tabel rij {line}: gemeente is leeg")
        key = _key([product, jaar], line, "tabel")
        if key not in prices:
            raise InvoerFout(f"geen normprijs voor {key[0]} in {key[1]}")
        amount = number(volume, "tabel", f" (kolom volume, rij {line})") * prices[key]
        terms.setdefault(str(gemeente).strip(), {}).setdefault(key[1], []).append(amount)
        years.add(key[1])
    ordered = sorted(years)
    return ordered, [(name, [math.fsum(per_year.get(y, [0.0])) for y in ordered])
                     for name, per_year in terms.items()]
