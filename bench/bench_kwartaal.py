"""Benchmark (not a test): `begroting kwartaal` on a generated 1,000,000-line ledger for
15 gemeenten × 7 products, beside DuckDB reading the same CSV and computing the same
aggregation in the same run, and the peak memory of the kwartaal run.

    python bench/bench_kwartaal.py [--regels 1000000] [--map /tmp/bench]

Targets (issue 4): within 1.5× of DuckDB; peak memory under 1.5 GB.
"""

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

GEMEENTEN = [f"Gemeente {chr(65 + i)}" for i in range(15)]
PRODUCTEN = [("Re-integratie", "plek", 3500, "minimum", "bijdrage"),
             ("Wsw", "fte", 600, "realisatie", "operationeel_resultaat"),
             ("Begeleiding beschut", "fte", 13750, "minimum", "bijdrage"),
             ("Begeleiding intern", "fte", 10000, "minimum", "bijdrage"),
             ("Begeleiding extern", "persoon", 4000, "minimum", "bijdrage"),
             ("Jobcoaching", "persoon", 2500, "minimum", "bijdrage"),
             ("Dagbesteding", "plek", 9000, "minimum", "bijdrage")]
JAREN = [2024, 2025, 2026, 2027]


def spec_data() -> dict:
    def per_year(value):
        return {y: value for y in JAREN}
    return {
        "gr": {"naam": "Benchmark GR", "begrotingsjaar": 2024, "jaren": {"van": 2024, "tot": 2027},
               "datum": "2023-06-01"},
        "deelnemers": [{"naam": g, "inwoners": 20000 + 5000 * i} for i, g in enumerate(GEMEENTEN)],
        "producten": [{"naam": n, "eenheid": e, "regel": r, "soort": s, "normprijs": per_year(p)}
                      for n, e, p, r, s in PRODUCTEN],
        "volumes": [{"product": n, "gemeente": g, "aantallen": per_year(20 + 3 * i + j)}
                    for j, (n, *_rest) in enumerate(PRODUCTEN) for i, g in enumerate(GEMEENTEN)],
        "doorbelastingen": [{"naam": "Loonkosten Wsw", "soort": "loonkosten_wsw", "gemeente": g,
                             "bedragen": per_year(1_000_000 + 50_000 * i)}
                            for i, g in enumerate(GEMEENTEN)],
        "verdeelsleutels": [{"naam": "Inwoners", "soort": "inwoners"}],
        "exploitatie": [
            {"naam": "Netto toegevoegde waarde", "soort": "baten", "bedragen": per_year(30_000_000)},
            {"naam": "Bijdragen gemeenten", "soort": "baten", "bedragen": per_year(60_000_000)},
            {"naam": "Personeelskosten", "soort": "lasten", "bedragen": per_year(70_000_000)},
            {"naam": "Huisvesting", "soort": "lasten", "bedragen": per_year(8_000_000)},
            {"naam": "Overige lasten", "soort": "lasten", "bedragen": per_year(9_000_000)},
        ],
        "reserve": {"stand_begin": 5_000_000, "minimum": 1_000_000, "maximum": 9_000_000,
                    "verdeelsleutel": "Inwoners"},
    }


def generate(folder: Path, lines: int) -> tuple[Path, Path, Path, Path]:
    """Spec, mapping, ledger and volumes for the benchmark (written once, reused)."""
    from budgets.kwartaal_basis import load_basis
    from budgets.realisatie_voorbeeld import (
        Scenario,
        _bookings,
        generate_ledger,
        generate_volumes,
        mapping_data,
    )

    spec, mapping = folder / "spec.yaml", folder / "mapping.yaml"
    ledger, volumes = folder / "grootboek.csv", folder / "volumes.csv"
    spec.write_text(yaml.safe_dump(spec_data(), allow_unicode=True), encoding="utf-8")
    basis = load_basis(spec, 2024, None)
    mapping.write_text(yaml.safe_dump(mapping_data(basis), allow_unicode=True), encoding="utf-8")
    if not ledger.exists():
        scenario = Scenario(volume={"Re-integratie": 1.05}, prijs={"Begeleiding intern": 1.1})
        per_month = max(1, round(lines / (12 * len(_bookings(basis, scenario)))))
        frame = generate_ledger(basis, scenario, per_maand=per_month)
        frame.to_csv(ledger, sep=";", index=False, encoding="utf-8-sig")
        generate_volumes(basis, scenario).to_csv(volumes, sep=";", index=False, encoding="utf-8")
    return spec, mapping, ledger, volumes


def time_kwartaal(spec, mapping, ledger, volumes, folder) -> tuple[float, float]:
    """Wall time of the whole command in a fresh process, and its peak memory (MB)."""
    command = [sys.executable, "-m", "budgets.cli", "kwartaal", str(spec), str(ledger),
               "--kwartaal", "4", "--volumes", str(volumes), "--mapping", str(mapping),
               "-o", str(folder / "rapport.xlsx"), "--overschrijf"]
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode not in (0, 1):
        raise SystemExit(f"kwartaal faalde:\n{result.stderr}")
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, peak_kb / 1024


def time_reader(spec, mapping, ledger) -> tuple[float, int]:
    """The reading and aggregation alone (in this process)."""
    from budgets.kwartaal_basis import load_basis
    from budgets.realisatie import read_ledger
    from budgets.realisatie_mapping import load_mapping

    basis = load_basis(spec, 2024, None)
    start = time.perf_counter()
    grootboek = read_ledger(ledger, load_mapping(mapping), basis.plaatsing())
    return time.perf_counter() - start, grootboek.regels_gelezen


def time_duckdb(mapping, ledger) -> float:
    """DuckDB: read the same CSV, parse the Dutch amounts and dates, map the codes and
    aggregate per quarter × line × product × gemeente, as read_ledger does."""
    import duckdb

    data = yaml.safe_load(mapping.read_text(encoding="utf-8"))
    start = time.perf_counter()
    con = duckdb.connect()
    for name in ("rekeningen", "kostenplaatsen", "gemeenten"):
        rows = [(str(k), v or "") for k, v in data[name].items()]
        con.execute(f"create table {name}(code varchar, naam varchar)")
        con.executemany(f"insert into {name} values (?, ?)", rows)
    con.execute(f"""
        select (month(strptime(g.Datum, '%d-%m-%Y')) + 2) // 3 as kwartaal, r.naam as regel,
               coalesce(k.naam, '') as product, coalesce(m.naam, '') as gemeente,
               sum(cast(replace(replace(replace(g.Bedrag, '€', ''), '.', ''), ',', '.') as double))
        from read_csv('{ledger}', delim=';', header=true, all_varchar=true) g
        join rekeningen r on r.code = g.Rekening
        left join kostenplaatsen k on k.code = g.Kostenplaats
        left join gemeenten m on m.code = g.Gemeente
        group by all""").fetchall()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--regels", type=int, default=1_000_000)
    parser.add_argument("--map", type=Path, default=Path(tempfile.gettempdir()) / "bench_kwartaal")
    args = parser.parse_args()
    args.map.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    spec, mapping, ledger, volumes = generate(args.map, args.regels)
    print(f"gegevens: {ledger} ({ledger.stat().st_size / 1e6:.0f} MB), "
          f"klaargezet in {time.perf_counter() - start:.1f} s")
    duck = time_duckdb(mapping, ledger)
    reader, lines = time_reader(spec, mapping, ledger)
    whole, peak = time_kwartaal(spec, mapping, ledger, volumes, args.map)
    print(f"regels in het grootboek:             {lines:>10,}")
    print(f"DuckDB lezen + aggregeren:           {duck:>8.2f} s")
    print(f"read_ledger (lezen + aggregeren):    {reader:>8.2f} s  ({reader / duck:.2f}× DuckDB)")
    print(f"begroting kwartaal (heel commando):  {whole:>8.2f} s  ({whole / duck:.2f}× DuckDB)")
    print(f"piekgeheugen begroting kwartaal:     {peak:>8.0f} MB")


if __name__ == "__main__":
    main()
