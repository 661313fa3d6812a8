"""The productbegroting: volume × normprijs per product, per gemeente, per year."""

import numpy as np
import pandas as pd

from pyfuncs.fouten import InvoerFout
from pyfuncs.vormen import number


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


def _columns(frame: pd.DataFrame, wanted: tuple[str, ...], argument: str) -> pd.DataFrame:
    frame = frame.rename(columns=lambda name: str(name).strip().lower())
    missing = [name for name in wanted if name not in frame.columns]
    if missing:
        raise InvoerFout(f"{argument} mist de kolom(men) {', '.join(missing)}")
    frame = frame[list(wanted)].copy()
    amount = wanted[-1]
    frame[amount] = [number(value, argument, f" (kolom {amount}, rij {row})")
                     for row, value in enumerate(frame[amount], start=2)]
    return frame


def bijdragetabel(tabel: pd.DataFrame, normprijzen: pd.DataFrame) -> pd.DataFrame:
    """Bijdrage per gemeente (rows, in order of first appearance) per year (columns).

    tabel has the columns gemeente, product, jaar, volume; normprijzen has product,
    jaar, normprijs. A product/year without a normprijs is refused.
    """
    volumes = _columns(tabel, TABEL_KOLOMMEN, "tabel")
    prices = _columns(normprijzen, PRIJS_KOLOMMEN, "normprijzen")
    if prices.duplicated(["product", "jaar"]).any():
        first = prices[prices.duplicated(["product", "jaar"])].iloc[0]
        raise InvoerFout(f"normprijzen noemt {first['product']} {first['jaar']} twee keer")
    merged = volumes.merge(prices, on=["product", "jaar"], how="left", validate="many_to_one")
    lacking = merged[merged["normprijs"].isna()]
    if not lacking.empty:
        first = lacking.iloc[0]
        raise InvoerFout(f"geen normprijs voor {first['product']} in {first['jaar']}")
    merged["bijdrage"] = merged["volume"] * merged["normprijs"]
    table = merged.pivot_table(index="gemeente", columns="jaar", values="bijdrage",
                               aggfunc="sum", fill_value=0.0, sort=False)
    order = list(dict.fromkeys(volumes["gemeente"]))
    return table.reindex(index=order, columns=sorted(table.columns))
