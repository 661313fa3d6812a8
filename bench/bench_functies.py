"""Benchmark of the Excel functions, in-process time per call, beside a naive baseline
measured in the same run (plain float arithmetic without the exactness guarantees).

Run: python bench/bench_functies.py
Targets (issue 2): PB_VERDEEL 15 gemeenten ≤ 50 µs, PB_BIJDRAGE 15 × 7 ≤ 100 µs,
PB_RISICOSIMULATIE 50 risks × 100,000 draws ≤ 0.5 s.
"""

import random
import timeit

import numpy as np

from pyfuncs import udfs

rng = random.Random(1)
KEYS = [[float(rng.randint(10_000, 160_000))] for _ in range(15)]
VOLUMES = [[float(rng.randint(0, 400)) for _ in range(7)] for _ in range(15)]
PRICES = [[float(rng.randint(2_500, 14_000)) for _ in range(7)]]
KANSEN = [[rng.uniform(0.05, 0.5)] for _ in range(50)]
IMPACTS = [[low, low * rng.uniform(1, 4)] for low in (rng.uniform(1e4, 1e6) for _ in range(50))]


def naive_split(amount, keys):
    total = sum(k[0] for k in keys)
    return [amount * k[0] / total for k in keys]


def naive_simulation(kansen, impacts, draws=100_000):
    generator = np.random.default_rng(1)
    p = np.array([k[0] for k in kansen])
    low, high = np.array(impacts).T
    occurs = generator.random((draws, p.size)) < p
    return np.quantile((occurs * generator.uniform(low, high, (draws, p.size))).sum(axis=1), 0.9)


def per_call(statement, number):
    return min(timeit.repeat(statement, number=number, repeat=5)) / number


def main() -> None:
    rows = [
        ("PB_VERDEEL, 15 gemeenten", 50e-6,
         per_call(lambda: udfs.PB_VERDEEL(12_345_678.91, KEYS), 2000),
         per_call(lambda: naive_split(12_345_678.91, KEYS), 2000)),
        ("PB_BIJDRAGE, 15 × 7", 100e-6,
         per_call(lambda: udfs.PB_BIJDRAGE(VOLUMES, PRICES), 2000),
         per_call(lambda: np.array(VOLUMES) @ np.array(PRICES).ravel(), 2000)),
        ("PB_RISICOSIMULATIE, 50 × 100.000", 0.5,
         per_call(lambda: udfs.PB_RISICOSIMULATIE(KANSEN, IMPACTS, 0.9, 100_000, 1), 3),
         per_call(lambda: naive_simulation(KANSEN, IMPACTS), 3)),
    ]
    print(f"{'functie':36} {'tijd per aanroep':>18} {'naïeve basis':>14} {'doel':>10}  oordeel")
    for name, target, measured, baseline in rows:
        verdict = "binnen doel" if measured <= target else "BOVEN DOEL"
        print(f"{name:36} {fmt(measured):>18} {fmt(baseline):>14} {fmt(target):>10}  {verdict}")


def fmt(seconds: float) -> str:
    return f"{seconds * 1e6:,.1f} µs" if seconds < 0.01 else f"{seconds:,.3f} s"


if __name__ == "__main__":
    main()
