"""Summing ledger lines per key with numpy, on integer positions instead of strings.

In whole cents (every amount has at most two decimals) the sum is exact: the cents are
integers in float64, added exactly below 2**53 cents, and divided by 100 once. Otherwise
the lines are summed per group in file order with Kahan's compensated summation, the
same additions as pandas' groupby sum.

Optelling sums a file block by block (memory follows the groups).
"""

import numpy as np

DENSE_LIMIT = 4_000_000  # key combinations summed in one dense array; beyond: sparse


def kahan_add(sums: np.ndarray, compensation: np.ndarray, groups: np.ndarray,
              values: np.ndarray) -> None:
    """Add values (in file order) to sums[groups] with Kahan's compensation, one value per
    group at a time, vectorised over the groups (pandas' groupby sum does the same
    additions, line by line)."""
    order = np.argsort(groups, kind="stable")
    groups, values = groups[order], values[order]
    starts = np.flatnonzero(np.r_[True, groups[1:] != groups[:-1]]) if len(groups) else groups
    rank = np.arange(len(groups)) - np.repeat(starts, np.diff(np.r_[starts, len(groups)]))
    by_rank = np.argsort(rank, kind="stable")
    bounds = np.searchsorted(rank[by_rank], np.arange(rank.max() + 2 if len(rank) else 1))
    for first, last in zip(bounds[:-1], bounds[1:], strict=True):
        at, value = groups[by_rank[first:last]], values[by_rank[first:last]]
        y = value - compensation[at]
        t = sums[at] + y
        error = (t - sums[at]) - y
        compensation[at] = np.where(np.isnan(error), 0.0, error)  # an infinite value: no NaN
        sums[at] = t


def kahan_totals(keys: list, values) -> dict:
    """{key: Σ of its values}, sorted by key, each sum with Kahan's compensation in the
    order given (as pandas' groupby sum)."""
    distinct = sorted(set(keys))
    where = {key: i for i, key in enumerate(distinct)}
    at = np.array([where[key] for key in keys], dtype=np.int64)
    sums, compensation = np.zeros(len(distinct)), np.zeros(len(distinct))
    kahan_add(sums, compensation, at, np.asarray(values, dtype=float))
    return dict(zip(distinct, sums.tolist(), strict=True))


class Optelling:
    """Σ netto of the placed lines per combination of keys, over the blocks of a file.

    labels: per key its labels (positions index them); kahan: sum in euros with
    compensation (an amount has more than two decimals) instead of in whole cents.
    """

    def __init__(self, labels: dict[str, list], kahan: bool = False):
        self.labels, self.kahan = labels, kahan
        self.sizes = tuple(len(v) for v in labels.values())
        self.size = int(np.prod(self.sizes))
        self.slots: dict[int, int] = {}  # flat key -> slot (sparse or compensated)
        self.dense = not kahan and self.size <= DENSE_LIMIT
        self.sums = np.zeros(self.size + 1 if self.dense else 0)
        self.counts = np.zeros(self.size + 1 if self.dense else 0, dtype=np.int64)
        self.compensation = np.zeros(0)

    def add(self, keys: dict[str, np.ndarray], netto: np.ndarray, placed: np.ndarray) -> None:
        flat = np.zeros(len(netto), dtype=np.int64)
        for size, at in zip(self.sizes, keys.values(), strict=True):
            flat *= size
            flat += at
        if self.dense:
            flat[~placed] = self.size
            cents = np.rint(netto * 100)
            self.counts += np.bincount(flat, minlength=self.size + 1)
            self.sums += np.bincount(flat, weights=cents, minlength=self.size + 1)
            return
        groups, inverse = np.unique(flat[placed], return_inverse=True)
        slots = self._slots(groups)[inverse]
        if self.kahan:
            kahan_add(self.sums, self.compensation, slots, netto[placed])
        else:
            np.add.at(self.sums, slots, np.rint(netto[placed] * 100))

    def _slots(self, groups: np.ndarray) -> np.ndarray:
        for group in groups.tolist():
            self.slots.setdefault(group, len(self.slots))
        grow = len(self.slots) - len(self.sums)
        self.sums = np.concatenate((self.sums, np.zeros(grow)))
        self.compensation = np.concatenate((self.compensation, np.zeros(grow)))
        return np.array([self.slots[g] for g in groups.tolist()], dtype=np.int64)

    def columns(self) -> dict[str, list]:
        """One list per key (the labels) and 'netto' (EUR), sorted by the labels."""
        if self.dense:
            groups = np.flatnonzero(self.counts[:self.size])
            sums = self.sums[groups] / 100
        else:
            groups = np.array(sorted(self.slots), dtype=np.int64)
            sums = self.sums[[self.slots[g] for g in groups.tolist()]]
            sums = sums if self.kahan else sums / 100
        positions = np.unravel_index(groups, self.sizes) if len(groups) else [[]] * len(self.sizes)
        rows = [(*(labels[i] for labels, i in zip(self.labels.values(), at, strict=True)), total)
                for *at, total in zip(*(p.tolist() for p in positions), sums.tolist(), strict=True)]
        rows.sort(key=lambda row: row[:-1])
        names = [*self.labels, "netto"]
        return {name: [row[i] for row in rows] for i, name in enumerate(names)}
