"""Benchmark of the Excel functions, in-process time per call, each beside a plain-Python
baseline measured in the same run, with the ratio.

The baselines for PB_VERDEEL and PB_AFREKENING are plain-Python integer-cents versions with
the same results (largest remainder on whole cents; Excel's ROUND to cents), without any
input checks or conversion. The others are naive numpy/float versions.

Run: python bench/bench_functies.py
Targets: PB_VERDEEL (15 gemeenten) and PB_AFREKENING (100 rows) ≤ 2× their baseline
(issue 15); PB_BIJDRAGE 15 × 7 ≤ 100 µs, PB_RISICOSIMULATIE 50 × 100,000 ≤ 0.5 s (issue 2).
"""

import random
import timeit
from decimal import ROUND_HALF_UP, Decimal

import numpy as np

from pyfuncs import udfs

rng = random.Random(1)
KEYS = [[float(rng.randint(10_000, 160_000))] for _ in range(15)]
VOLUMES = [[float(rng.randint(0, 400)) for _ in range(7)] for _ in range(15)]
PRICES = [[float(rng.randint(2_500, 14_000)) for _ in range(7)]]
KANSEN = [[rng.uniform(0.05, 0.5)] for _ in range(50)]
IMPACTS = [[low, low * rng.uniform(1, 4)] for low in (rng.uniform(1e4, 1e6) for _ in range(50))]
BEGROOT = [[float(rng.randint(0, 400))] for _ in range(100)]
GEREALISEERD = [[float(rng.randint(0, 400))] for _ in range(100)]
NORMPRIJS = [[rng.randint(250_000, 1_400_000) / 100] for _ in range(100)]
REGELS = [[rng.choice(["minimum", "realisatie", "begroting"])] for _ in range(100)]
CENT = Decimal("0.01")


def plain_split(amount: float, keys) -> list[list[float]]:
    """Largest remainder in whole cents, ties to the earlier row."""
    cents = int(Decimal(format(amount, ".15g")).quantize(CENT, ROUND_HALF_UP).scaleb(2))
    weights = [int(k[0]) for k in keys]
    total = sum(weights)
    quotients = [divmod(cents * w, total) for w in weights]
    parts = [q for q, _ in quotients]
    for i in sorted(range(len(weights)), key=lambda i: (-quotients[i][1], i))[:cents - sum(parts)]:
        parts[i] += 1
    return [[p / 100] for p in parts]


def plain_settle(begroot, gerealiseerd, normprijs, regels) -> list[list[float]]:
    """Settled volume × normprijs rounded to cents as Excel's ROUND does."""
    out = []
    for (b,), (g,), (p,), (r,) in zip(begroot, gerealiseerd, normprijs, regels, strict=True):
        volume = max(b, g) if r == "minimum" else g if r == "realisatie" else b
        out.append([float(Decimal(format(volume * p, ".15g")).quantize(CENT, ROUND_HALF_UP))])
    return out


def naive_simulation(kansen, impacts, draws=100_000):
    generator = np.random.default_rng(1)
    p = np.array([k[0] for k in kansen])
    low, high = np.array(impacts).T
    occurs = generator.random((draws, p.size)) < p
    return np.quantile((occurs * generator.uniform(low, high, (draws, p.size))).sum(axis=1), 0.9)


def side_by_side(measured, baseline, number):
    """Best time per call of each, measured interleaved (the machine's noise hits both)."""
    best = [float("inf"), float("inf")]
    for _ in range(9):
        for i, statement in enumerate((measured, baseline)):
            best[i] = min(best[i], timeit.timeit(statement, number=number) / number)
    return best


def main() -> None:
    assert udfs.PB_VERDEEL(12_345_678.91, KEYS) == plain_split(12_345_678.91, KEYS)
    assert udfs.PB_AFREKENING(BEGROOT, GEREALISEERD, NORMPRIJS, REGELS) == plain_settle(
        BEGROOT, GEREALISEERD, NORMPRIJS, REGELS)
    rows = [
        ("PB_VERDEEL, 15 gemeenten", 2.0,
         *side_by_side(lambda: udfs.PB_VERDEEL(12_345_678.91, KEYS),
                       lambda: plain_split(12_345_678.91, KEYS), 2000)),
        ("PB_AFREKENING, 100 rijen", 2.0,
         *side_by_side(lambda: udfs.PB_AFREKENING(BEGROOT, GEREALISEERD, NORMPRIJS, REGELS),
                       lambda: plain_settle(BEGROOT, GEREALISEERD, NORMPRIJS, REGELS), 300)),
        ("PB_BIJDRAGE, 15 × 7", None,
         *side_by_side(lambda: udfs.PB_BIJDRAGE(VOLUMES, PRICES),
                       lambda: np.array(VOLUMES) @ np.array(PRICES).ravel(), 2000)),
        ("PB_RISICOSIMULATIE, 50 × 100.000", None,
         *side_by_side(lambda: udfs.PB_RISICOSIMULATIE(KANSEN, IMPACTS, 0.9, 100_000, 1),
                       lambda: naive_simulation(KANSEN, IMPACTS), 1)),
    ]
    print(f"{'functie':36} {'tijd per aanroep':>18} {'basis':>12} {'verhouding':>11} {'doel':>6}  oordeel")
    for name, target, measured, baseline in rows:
        ratio = measured / baseline
        verdict = "" if target is None else ("binnen doel" if ratio <= target else "BOVEN DOEL")
        goal = "" if target is None else f"≤ {target:.0f}×"
        print(f"{name:36} {fmt(measured):>18} {fmt(baseline):>12} {ratio:>10.2f}× {goal:>6}  {verdict}")


def fmt(seconds: float) -> str:
    return f"{seconds * 1e6:,.1f} µs" if seconds < 0.01 else f"{seconds:,.3f} s"


if __name__ == "__main__":
    main()
