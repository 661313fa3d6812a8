"""Summing ledger lines per key with numpy, on integer positions instead of strings.

In whole cents (every amount has at most two decimals) the sum is exact: the cents are
integers in float64, added exactly below 2**53 cents, and divided by 100 once. Otherwise
pandas sums per group (compensated summation).
"""

import numpy as np
import pandas as pd

DENSE_LIMIT = 4_000_000  # key combinations summed in one dense array; beyond: sparse


def aggregate(keys: dict[str, np.ndarray], labels: dict[str, list], netto: np.ndarray,
              placed: np.ndarray, whole_cents: bool) -> pd.DataFrame:
    """Σ netto of the placed lines per combination of keys that occurs, as a frame with
    one column per key (the label at each position) and 'netto', sorted by the labels.

    keys: per key the position (0-based) of every line's label in labels[key].
    """
    sizes = tuple(len(labels[name]) for name in keys)
    flat = np.zeros(len(netto), dtype=np.int64)
    for size, at in zip(sizes, keys.values(), strict=True):
        flat *= size
        flat += at
    groups, sums = _sums(flat, netto, placed, whole_cents, int(np.prod(sizes)))
    positions = np.unravel_index(groups, sizes)
    frame = pd.DataFrame({name: pd.Index(labels[name]).take(at)
                          for name, at in zip(keys, positions, strict=True)})
    frame["netto"] = sums
    return frame.sort_values(list(keys)).reset_index(drop=True)


def _sums(flat: np.ndarray, netto: np.ndarray, placed: np.ndarray, whole_cents: bool,
          size: int) -> tuple[np.ndarray, np.ndarray]:
    """The groups that occur among the placed lines (flat keys) and their sums."""
    if not whole_cents or size > DENSE_LIMIT:
        if whole_cents:
            groups, inverse = np.unique(flat[placed], return_inverse=True)
            cents = np.rint(netto[placed] * 100)
            return groups, np.bincount(inverse, weights=cents, minlength=len(groups)) / 100
        per_group = pd.Series(netto[placed]).groupby(flat[placed], sort=True).sum()
        return per_group.index.to_numpy(), per_group.to_numpy()
    flat[~placed] = size  # one extra group for the lines that are not placed
    cents = netto * 100
    np.rint(cents, out=cents)  # exact: every amount has at most two decimals
    groups = np.flatnonzero(np.bincount(flat, minlength=size + 1)[:size])
    return groups, np.bincount(flat, weights=cents, minlength=size + 1)[groups] / 100
