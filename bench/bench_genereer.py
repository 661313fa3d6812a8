"""Benchmark of `begroting genereer` and `begroting controleer` on a large GR.

15 gemeenten × 10 years × 7 products, 40 exploitatie lines, 30 risks at 100,000 draws.
Prints each time beside the time openpyxl alone needs to write the same number of
cells and the time LibreOffice alone needs to recalculate the file, measured in the
same run. Every time is the median of several runs (genereer and openpyxl alternate,
after the first, cold, genereer); a styled openpyxl write is printed for information.
Run: python bench/bench_genereer.py [--herhalingen N] [--controles N]
"""

import argparse
import tempfile
import time
from pathlib import Path
from statistics import median

import openpyxl
import yaml

from budgets.excel import rekenmotor
from budgets.excel.stijl import TEMPLATE
from budgets.werkboek.controleer import verify
from budgets.werkboek.genereer import generate

YEARS = list(range(2025, 2035))
GEMEENTEN = [f"Gemeente {chr(65 + i)}" for i in range(15)]
PRODUCTS = [
    ("Re-integratie", "plek"),
    ("Wsw", "fte"),
    ("Begeleiding beschut", "fte"),
    ("Begeleiding regulier intern", "fte"),
    ("Begeleiding regulier extern", "persoon"),
    ("Jobcoaching", "persoon"),
    ("Dagbesteding", "plek"),
]


def _per_year(start: float, step: float) -> dict:
    return {y: start + step * i for i, y in enumerate(YEARS)}


def large_spec() -> dict:
    """A synthetic spec of the benchmark's size (all figures invented)."""
    deelnemers = [
        {"naam": g, "inwoners": 20000 + 5000 * i, "se": 40 + 7 * i} for i, g in enumerate(GEMEENTEN)
    ]
    producten = [
        {"naam": n, "eenheid": u, "basisprijs": 2000 + 1500 * i, "indexatie": 2.0}
        for i, (n, u) in enumerate(PRODUCTS)
    ]
    volumes = [
        {"product": n, "totaal": _per_year(100 + 20 * i, 3), "verdeelsleutel": "Hybride"}
        for i, (n, _u) in enumerate(PRODUCTS[:4])
    ]
    volumes += [
        {"gemeente": g, "product": n, "aantallen": _per_year(5 + j, 0.5)}
        for n, _u in PRODUCTS[4:]
        for j, g in enumerate(GEMEENTEN)
    ]
    lines = [
        {
            "naam": f"Baten {i}",
            "soort": "baten",
            "aard": "structureel",
            "bedragen": _per_year(1_000_000 + 1000 * i, 5000),
        }
        for i in range(18)
    ]
    lines += [
        {
            "naam": f"Lasten {i}",
            "soort": "lasten",
            "aard": "structureel" if i % 4 else "incidenteel",
            "bedragen": _per_year(1_010_000 + 900 * i, 5200),
        }
        for i in range(18)
    ]
    lines += [
        {"naam": "Bijdragen", "soort": "baten", "bron": "bijdragen"},
        {"naam": "Totaal baten regels", "subtotaal": {"plus": [f"Baten {i}" for i in range(18)]}},
        {"naam": "Totaal lasten regels", "subtotaal": {"plus": [f"Lasten {i}" for i in range(18)]}},
        {
            "naam": "Resultaat",
            "subtotaal": {"plus": ["Totaal baten regels", "Bijdragen"], "min": ["Totaal lasten regels"]},
        },
    ]
    return {
        "gr": {
            "naam": "Benchmark GR",
            "begrotingsjaar": YEARS[1],
            "jaren": {"van": YEARS[0], "tot": YEARS[-1]},
            "status": "concept",
            "datum": "2024-05-01",
            "versie": "1",
        },
        "deelnemers": deelnemers,
        "producten": producten,
        "volumes": volumes,
        "doorbelastingen": [
            {
                "naam": "Loonkosten Wsw",
                "soort": "loonkosten_wsw",
                "gemeente": g,
                "bedragen": _per_year(500_000 + 10_000 * i, -5000),
            }
            for i, g in enumerate(GEMEENTEN)
        ],
        "verdeelsleutels": [
            {"naam": "Inwoners", "soort": "inwoners"},
            {"naam": "SE", "soort": "se"},
            {"naam": "Hybride", "soort": "hybride", "vaste_voet": 0.2, "variabel": "Inwoners"},
            {"naam": "Bijdragen", "soort": "bijdragen"},
        ],
        "exploitatie": lines,
        "reserve": {
            "stand_begin": 2_000_000,
            "minimum": 500_000,
            "maximum_percentage": 5,
            "verdeelsleutel": "Bijdragen",
        },
        "risicos": [
            {
                "naam": f"Risico {i}",
                "kans": 0.05 + 0.02 * i,
                "minimum": 10_000 * i,
                "maximum": 10_000 * i + 50_000,
            }
            for i in range(30)
        ],
        "simulatie": {"zekerheid": 0.9, "trekkingen": 100_000, "startwaarde": 7},
    }


def plain_openpyxl(sheets, target: Path) -> float:
    """Write the same cells (values and formula texts) with openpyxl alone."""
    start = time.perf_counter()
    book = openpyxl.Workbook()
    book.remove(book.active)
    for blad in sheets:
        ws = book.create_sheet(blad.titel)
        for adres, cel in blad.cellen.items():
            ws[adres] = cel.waarde
    book.save(target)
    return time.perf_counter() - start


def styled_openpyxl(sheets, target: Path) -> float:
    """For information only (not the target's baseline): the same cells with their
    named styles and number formats, on the template, set the plain openpyxl way."""
    start = time.perf_counter()
    book = openpyxl.load_workbook(TEMPLATE)
    for blad in sheets:
        ws = book.create_sheet(blad.titel)
        for adres, cel in blad.cellen.items():
            cell = ws[adres]
            cell.value = cel.waarde
            if cel.stijl:
                cell.style = cel.stijl
            if cel.formaat:
                cell.number_format = cel.formaat
    book.save(target)
    return time.perf_counter() - start


def timed(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def write_times(spec: Path, tmp: Path, runs: int):
    """genereer, plain and styled openpyxl, alternated; the first genereer is the cold
    one (a fresh process, as on the command line)."""
    times = {"genereer": [], "openpyxl": [], "openpyxl_stijl": []}
    made = None
    for i in range(runs):
        start = time.perf_counter()
        made = generate(spec, tmp / f"groot-{i}.xlsx")
        times["genereer"].append(time.perf_counter() - start)
        times["openpyxl"].append(plain_openpyxl(made.bladen, tmp / f"plain-{i}.xlsx"))
        times["openpyxl_stijl"].append(styled_openpyxl(made.bladen, tmp / f"stijl-{i}.xlsx"))
    return made, times


def verify_times(made, runs: int):
    times = {"controleer": [], "libreoffice": []}
    rapport = None
    for _ in range(runs):
        times["libreoffice"].append(timed(lambda: rekenmotor.recalculate_with_libreoffice(made.werkmap)))
        start = time.perf_counter()
        rapport = verify(made.werkmap)
        times["controleer"].append(time.perf_counter() - start)
    return rapport, times


def report(made, w: dict, v: dict, rapport) -> None:
    cells = sum(len(b.cellen) for b in made.bladen)
    gen, plain, styled = (median(w[k]) for k in ("genereer", "openpyxl", "openpyxl_stijl"))
    check, lo = median(v["controleer"]), median(v["libreoffice"])
    print(
        f"Werkmap: {len(made.spec.gemeenten)} gemeenten × {len(made.spec.jaren)} jaren × "
        f"{len(made.spec.producten)} producten, {len(made.spec.exploitatie)} regels, "
        f"{len(made.spec.risicos)} risico's à {made.spec.simulatie.trekkingen:,} trekkingen; "
        f"{cells:,} cellen, {made.formules:,} formules; mediaan van {len(w['genereer'])} "
        f"(genereer/openpyxl) en {len(v['controleer'])} (controleer/LibreOffice) metingen"
    )
    print(f"genereer            {gen:6.2f} s   (openpyxl alleen: {plain:5.2f} s; factor {gen / plain:4.2f})"
          f"; eerste (koude) run {w['genereer'][0]:5.2f} s")
    print(f"  ter informatie: openpyxl met dezelfde stijlen en getalformaten {styled:5.2f} s "
          f"(factor genereer/gestijld {gen / styled:4.2f})")
    print(f"controleer          {check:6.2f} s   (LibreOffice alleen: {lo:5.2f} s; "
          f"factor {check / lo:4.2f}); in orde: {rapport.in_orde}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--herhalingen", type=int, default=7, help="metingen van genereer (standaard 7)")
    parser.add_argument("--controles", type=int, default=3, help="metingen van controleer (standaard 3)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        tmp = Path(tmp)
        spec = tmp / "groot.yaml"
        spec.write_text(yaml.safe_dump(large_spec(), allow_unicode=True), encoding="utf-8")
        made, w = write_times(spec, tmp, max(args.herhalingen, 1))
        rapport, v = verify_times(made, max(args.controles, 1))
    report(made, w, v, rapport)


if __name__ == "__main__":
    main()
