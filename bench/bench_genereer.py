"""Benchmark of `begroting genereer` and `begroting controleer` on a large GR.

15 gemeenten × 10 years × 7 products, 40 exploitatie lines, 30 risks at 100,000 draws.
Prints each time beside the time openpyxl alone needs to write the same number of
cells and the time LibreOffice alone needs to recalculate the file, measured in the
same run. Run: python bench/bench_genereer.py
"""

import tempfile
import time
from pathlib import Path

import openpyxl
import yaml

from budgets import rekenmotor
from budgets.controleer import verify
from budgets.genereer import generate

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


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        tmp = Path(tmp)
        spec = tmp / "groot.yaml"
        spec.write_text(yaml.safe_dump(large_spec(), allow_unicode=True), encoding="utf-8")
        start = time.perf_counter()
        made = generate(spec, tmp / "groot.xlsx")
        t_generate = time.perf_counter() - start
        cells = sum(len(b.cellen) for b in made.bladen)
        t_plain = plain_openpyxl(made.bladen, tmp / "plain.xlsx")
        start = time.perf_counter()
        rekenmotor.recalculate_with_libreoffice(made.werkmap)
        t_lo = time.perf_counter() - start
        start = time.perf_counter()
        rapport = verify(made.werkmap)
        t_verify = time.perf_counter() - start
    print(
        f"Werkmap: {len(made.spec.gemeenten)} gemeenten × {len(made.spec.jaren)} jaren × "
        f"{len(made.spec.producten)} producten, {len(made.spec.exploitatie)} regels, "
        f"{len(made.spec.risicos)} risico's à {made.spec.simulatie.trekkingen:,} trekkingen; "
        f"{cells:,} cellen, {made.formules:,} formules"
    )
    print(
        f"genereer            {t_generate:6.2f} s   (openpyxl alleen: {t_plain:5.2f} s; "
        f"factor {t_generate / t_plain:4.2f})"
    )
    print(
        f"controleer          {t_verify:6.2f} s   (LibreOffice alleen: {t_lo:5.2f} s; "
        f"factor {t_verify / t_lo:4.2f}); in orde: {rapport.in_orde}"
    )


if __name__ == "__main__":
    main()
