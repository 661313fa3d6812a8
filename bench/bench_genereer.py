"""Benchmark of `begroting genereer` and `begroting controleer` on a large GR.

15 gemeenten × 10 years × 7 products, 40 exploitatie lines, 30 risks at 100,000 draws.
Prints each time beside the time a bare XlsxWriter write of the same cells (values and
formulas with their cached values, nothing else) takes and the time LibreOffice alone
needs to recalculate the file, measured in the same run. Every time is the median of
several runs (genereer and the bare write alternate, after the first, cold, genereer).
As fresh processes (what a user waits for) `genereer --niet-controleren` is timed beside a
bare XlsxWriter process writing the same cells, for the large GR and for Werkom.
Run: python bench/bench_genereer.py [--herhalingen N] [--controles N]
"""

import argparse
import tempfile
import time
from pathlib import Path
from statistics import median

import xlsxwriter
import yaml
from xlsxwriter.utility import xl_cell_to_rowcol

from budgets.excel import rekenmotor
from budgets.werkboek.controleer import verify
from budgets.werkboek.genereer import generate
from budgets.werkboek.schrijven import cached

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
            "maximum_percentage": 0.05,
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


def bare_xlsxwriter(sheets, target: Path) -> float:
    """Write the same cells (values, formula texts with their cached values) with
    XlsxWriter alone: no styles, formats, widths, charts or print set-up."""
    start = time.perf_counter()
    book = xlsxwriter.Workbook(target, {"strings_to_formulas": False, "strings_to_numbers": False,
                                        "strings_to_urls": False})
    for blad in sheets:
        ws = book.add_worksheet(blad.titel)
        for adres, cel in blad.cellen.items():
            row, column = xl_cell_to_rowcol(adres)
            value = cel.waarde
            if not cel.tekst and isinstance(value, str) and value.startswith("="):
                ws.write_formula(row, column, value, None, cached(cel))
            else:
                ws.write(row, column, value)
    book.close()
    return time.perf_counter() - start


BARE_PROCESS = """
import json, sys, xlsxwriter
cells = json.load(open(sys.argv[1], encoding="utf-8"))
book = xlsxwriter.Workbook(sys.argv[2], {"strings_to_formulas": False, "strings_to_numbers": False,
                                         "strings_to_urls": False})
sheets = {}
for sheet, row, column, value, formula, value_cached in cells:
    ws = sheets.get(sheet) or sheets.setdefault(sheet, book.add_worksheet(sheet))
    if formula:
        ws.write_formula(row, column, value, None, value_cached)
    else:
        ws.write(row, column, value)
book.close()
"""


def dump_cells(sheets, target: Path) -> Path:
    """The plan's cells as JSON, for the bare XlsxWriter process."""
    import json

    rows = []
    for blad in sheets:
        for adres, cel in blad.cellen.items():
            row, column = xl_cell_to_rowcol(adres)
            formula = not cel.tekst and isinstance(cel.waarde, str) and cel.waarde.startswith("=")
            plain = isinstance(cel.waarde, (str, int, float, bool, type(None)))
            value = cel.waarde if plain else str(cel.waarde)
            rows.append((blad.titel, row, column, value, formula, cached(cel) if formula else None))
    target.write_text(json.dumps(rows, default=str), encoding="utf-8")
    return target


def fresh_processes(spec: Path, made, tmp: Path, runs: int) -> dict:
    """`begroting genereer --niet-controleren` and a bare XlsxWriter process writing the
    same cells, each as a fresh process, interleaved."""
    import subprocess
    import sys

    cells = dump_cells(made.bladen, tmp / "cellen.json")
    ours = [sys.executable, "-m", "budgets.cli", "genereer", str(spec), "-o", str(tmp / "vers.xlsx"),
            "--niet-controleren", "--overschrijf"]
    bare = [sys.executable, "-c", BARE_PROCESS, str(cells), str(tmp / "kaal-vers.xlsx")]
    times = {"genereer": [], "xlsxwriter": []}
    for _ in range(runs):
        for name, command in (("xlsxwriter", bare), ("genereer", ours)):
            start = time.perf_counter()
            subprocess.run(command, check=True, capture_output=True)
            times[name].append(time.perf_counter() - start)
    return times


def timed(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def write_times(spec: Path, tmp: Path, runs: int):
    """genereer and bare XlsxWriter, alternated; the first genereer is the cold
    one (a fresh process, as on the command line)."""
    times = {"genereer": [], "xlsxwriter": []}
    made = None
    for i in range(runs):
        start = time.perf_counter()
        made = generate(spec, tmp / f"groot-{i}.xlsx")
        times["genereer"].append(time.perf_counter() - start)
        times["xlsxwriter"].append(bare_xlsxwriter(made.bladen, tmp / f"kaal-{i}.xlsx"))
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
    gen, bare = (median(w[k]) for k in ("genereer", "xlsxwriter"))
    check, lo = median(v["controleer"]), median(v["libreoffice"])
    print(
        f"Werkmap: {len(made.spec.gemeenten)} gemeenten × {len(made.spec.jaren)} jaren × "
        f"{len(made.spec.producten)} producten, {len(made.spec.exploitatie)} regels, "
        f"{len(made.spec.risicos)} risico's à {made.spec.simulatie.trekkingen:,} trekkingen; "
        f"{cells:,} cellen, {made.formules:,} formules; mediaan van {len(w['genereer'])} "
        f"(genereer/XlsxWriter) en {len(v['controleer'])} (controleer/LibreOffice) metingen"
    )
    print(f"genereer            {gen:6.2f} s   (kale XlsxWriter, dezelfde cellen: {bare:5.2f} s;"
          f" factor {gen / bare:4.2f}); eerste (koude) run {w['genereer'][0]:5.2f} s")
    print(f"controleer          {check:6.2f} s   (LibreOffice alleen: {lo:5.2f} s; "
          f"factor {check / lo:4.2f}); in orde: {rapport.in_orde}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--herhalingen", type=int, default=7, help="metingen van genereer (standaard 7)")
    parser.add_argument("--controles", type=int, default=3, help="metingen van controleer (standaard 3)")
    args = parser.parse_args()
    from bytecode import compile_project  # bench/bytecode.py

    compile_project()
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        tmp = Path(tmp)
        spec = tmp / "groot.yaml"
        spec.write_text(yaml.safe_dump(large_spec(), allow_unicode=True), encoding="utf-8")
        made, w = write_times(spec, tmp, max(args.herhalingen, 1))
        fresh = fresh_processes(spec, made, tmp, max(args.herhalingen, 1))
        rapport, v = verify_times(made, max(args.controles, 1))
        werkom_spec = Path(__file__).resolve().parents[1] / "samples/werkom/begroting.yaml"
        werkom = generate(werkom_spec, tmp / "werkom.xlsx")
        fresh_werkom = fresh_processes(werkom_spec, werkom, tmp, max(args.herhalingen, 1))
    report(made, w, v, rapport)
    for name, times in (("grote GR", fresh), ("Werkom", fresh_werkom)):
        gen, bare = median(times["genereer"]), median(times["xlsxwriter"])
        spread = (max(times["genereer"]) - min(times["genereer"])) / gen
        print(f"genereer --niet-controleren als vers proces, {name:8} {gen:5.2f} s   (kaal XlsxWriter, "
              f"dezelfde cellen: {bare:5.2f} s; factor {gen / bare:4.2f}; doel ≤ 2; spreiding {spread:.0%})")


if __name__ == "__main__":
    main()
