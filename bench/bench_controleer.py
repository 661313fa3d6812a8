"""Benchmark of `begroting controleer` as a user runs it: a fresh process, beside its anchor,
a bare `soffice --convert-to xlsx` of the same workbook with a fresh profile, measured in the
same run, interleaved, medians of several runs, with the peak memory of each process.

Cases: Werkom, the large GR of bench_genereer.py, and ten workbooks in one call against ten
bare soffice runs. Targets (issue 15): ≤ 1.2× for one workbook, ≤ 0.5× for ten.
Run: python bench/bench_controleer.py [--herhalingen N]
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from statistics import median

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_genereer import large_spec  # noqa: E402

from budgets.excel.rekenmotor import _RECALC_PROFILE, soffice_path  # noqa: E402
from budgets.werkboek.genereer import generate  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
BEGROTING = [sys.executable, "-m", "budgets.cli"]


def run_child(command: list[str], cwd: Path) -> tuple[float, float]:
    """Wall time (s) and peak memory (MB) of a fresh process and what it waited for."""
    start = time.perf_counter()
    child = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _pid, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"{command[:4]} mislukte")
    return elapsed, usage.ru_maxrss / 1024


def bare_soffice(workbooks: list[Path], tmp: Path) -> list[str]:
    """A shell line: one bare soffice recalculation per workbook, each with a fresh profile."""
    lines = []
    for i, workbook in enumerate(workbooks):
        profile = tmp / f"profiel-{i}"
        lines.append(f"rm -rf {profile} && mkdir -p {profile}/user && cp {tmp}/xcu {profile}/user/"
                     f"registrymodifications.xcu && {soffice_path()} -env:UserInstallation=file://{profile} "
                     f"--headless --norestore --convert-to xlsx --outdir {tmp}/uit {workbook}")
    return ["bash", "-c", " && ".join(lines)]


def measure(name: str, ours: list[str], anchor: list[str], runs: int, cwd: Path) -> None:
    ours_t, anchor_t, ours_m, anchor_m = [], [], [], []
    run_child(ours, cwd)  # warm the cache and the cached profile once
    for _ in range(runs):
        for command, times, memory in ((anchor, anchor_t, anchor_m), (ours, ours_t, ours_m)):
            elapsed, peak = run_child(command, cwd)
            times.append(elapsed)
            memory.append(peak)
    ratio = median(ours_t) / median(anchor_t)
    spread = (max(ours_t) - min(ours_t)) / median(ours_t)
    print(f"{name:<34} {median(ours_t):6.2f} s  anchor {median(anchor_t):6.2f} s  ratio {ratio:4.2f}×  "
          f"(spread {spread:.0%}; peak {max(ours_m):4.0f} MB vs {max(anchor_m):4.0f} MB)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--herhalingen", type=int, default=5)
    runs = parser.parse_args().herhalingen
    if soffice_path() is None:
        raise SystemExit("LibreOffice ontbreekt")
    with tempfile.TemporaryDirectory(prefix="bench-controleer-") as name:
        tmp = Path(name)
        (tmp / "uit").mkdir()
        (tmp / "xcu").write_text(_RECALC_PROFILE, encoding="utf-8")
        werkom = generate(ROOT / "samples/werkom/begroting.yaml", tmp / "werkom.xlsx").werkmap
        spec = tmp / "groot.yaml"
        spec.write_text(yaml.safe_dump(large_spec(), allow_unicode=True), encoding="utf-8")
        groot = generate(spec, tmp / "groot.xlsx").werkmap
        tien = []
        for i in range(10):
            tien.append(tmp / f"werkom-{i}.xlsx")
            shutil.copyfile(werkom, tien[-1])
        print(f"controleer as a fresh process beside bare soffice, median of {runs} interleaved runs")
        measure("Werkom", [*BEGROTING, "controleer", str(werkom)], bare_soffice([werkom], tmp), runs, tmp)
        measure("large GR", [*BEGROTING, "controleer", str(groot)], bare_soffice([groot], tmp), runs, tmp)
        measure("ten Werkom workbooks in one call", [*BEGROTING, "controleer", *map(str, tien)],
                bare_soffice(tien, tmp), max(2, runs // 2), tmp)


if __name__ == "__main__":
    main()
