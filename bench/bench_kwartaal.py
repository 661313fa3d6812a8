"""Benchmark (not a test): `begroting kwartaal` on a generated 1,000,000-line ledger for
15 gemeenten × 7 products, beside DuckDB reading the same CSV and computing the same
aggregation (quarter × line × product × gemeente × bijdrage) in the same run.

Like is compared with like, each the median of --herhaal runs:
- in this process: read_ledger (read, validate, report findings and duplicates, aggregate)
  beside DuckDB's query (read and aggregate), both with their libraries already imported;
- as a fresh process: the whole `begroting kwartaal` command (start, imports, reading,
  the report workbook) beside a fresh Python process that imports DuckDB and runs the
  same query. The peak memory (max RSS, os.wait4) is that of each child process itself.
DuckDB's totals are checked against read_ledger's, so both really compute the same.

    python bench/bench_kwartaal.py [--regels 1000000] [--map /tmp/bench] [--herhaal 3]

Targets (issue 15): the whole command within 1.5× of the DuckDB process, in time and in
peak memory. Every figure is the median of --herhaal runs, with the spread (min–max).
"""

import argparse
import statistics
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
    from budgets.pc.jaarbegroting import load_basis

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "samples"))
    from voorbeeldrealisatie import (
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


# Linux keeps a process's peak memory across fork and exec: a child forked from this
# process (hundreds of MB after the in-process runs) would start at our peak. A small
# launcher forks the child instead and reports its wall time and own peak (os.wait4).
LAUNCHER = """
import os, sys, time
start = time.perf_counter()
pid = os.fork()
if pid == 0:
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, 1)
    os.execv(sys.argv[1], sys.argv[1:])
_, status, usage = os.wait4(pid, 0)
print(time.perf_counter() - start, usage.ru_maxrss, os.waitstatus_to_exitcode(status))
"""


def run_child(command: list[str]) -> tuple[float, float]:
    """Wall time of a fresh process and its own peak memory (MB; os.wait4's max RSS)."""
    with tempfile.TemporaryFile() as err:
        done = subprocess.run([sys.executable, "-S", "-c", LAUNCHER, *command], stderr=err,
                              capture_output=False, stdout=subprocess.PIPE, text=True, check=True)
        elapsed, peak, code = done.stdout.split()
        if int(code) not in (0, 1):
            err.seek(0)
            raise SystemExit(f"{command[2:4]} faalde:\n{err.read().decode()}")
    return float(elapsed), int(peak) / 1024


def time_kwartaal(spec, mapping, ledger, volumes, folder) -> tuple[float, float]:
    """The whole command in a fresh process: wall time and peak memory (MB)."""
    return run_child([sys.executable, "-m", "budgets.cli", "kwartaal", str(spec), str(ledger),
                      "--kwartaal", "4", "--volumes", str(volumes), "--mapping", str(mapping),
                      "-o", str(folder / "rapport.xlsx"), "--overschrijf"])


def time_reader(spec, mapping, ledger):
    """read_ledger in this process: seconds and the Grootboek."""
    from budgets.grootboek.lezen import read_ledger
    from budgets.grootboek.mapping import load_mapping
    from budgets.pc.jaarbegroting import load_basis

    basis = load_basis(spec, 2024, None)
    start = time.perf_counter()
    grootboek = read_ledger(ledger, load_mapping(mapping), basis.plaatsing())
    return time.perf_counter() - start, grootboek


QUERY = """
    select (month(strptime(g.Datum, '%d-%m-%Y')) + 2) // 3 as kwartaal, r.naam as regel,
           coalesce(k.naam, '') as product,
           case when coalesce(k.naam, '') = '' then '' else m.naam end as gemeente,
           g.Rekening in (select code from bijdragerekeningen) as bijdrage,
           sum(cast(replace(replace(replace(g.Bedrag, '€', ''), '.', ''), ',', '.') as double))
               as netto
    from read_csv('{ledger}', delim=';', header=true, all_varchar=true) g
    join rekeningen r on r.code = g.Rekening
    left join kostenplaatsen k on k.code = g.Kostenplaats
    left join gemeenten m on m.code = g.Gemeente
    group by all"""


def duckdb_query(mapping: Path, ledger: Path) -> list:
    """DuckDB: read the same CSV, parse the Dutch amounts and dates, map the codes and
    aggregate per quarter × line × product × gemeente × bijdrage, as read_ledger does."""
    import duckdb
    import yaml

    data = yaml.safe_load(Path(mapping).read_text(encoding="utf-8"))
    con = duckdb.connect()
    for name in ("rekeningen", "kostenplaatsen", "gemeenten"):
        con.execute(f"create table {name}(code varchar, naam varchar)")
        con.executemany(f"insert into {name} values (?, ?)",
                        [(str(k), v or "") for k, v in data[name].items()])
    con.execute("create table bijdragerekeningen(code varchar)")
    con.executemany("insert into bijdragerekeningen values (?)",
                    [(str(c),) for c in data.get("bijdragerekeningen", [])])
    return con.execute(QUERY.format(ledger=ledger)).fetchall()


def time_duckdb(mapping, ledger) -> tuple[float, list]:
    """DuckDB in this process (duckdb already imported): seconds and its rows."""
    import duckdb  # noqa: F401 - imported before the clock starts, as pandas is for read_ledger

    start = time.perf_counter()
    rows = duckdb_query(mapping, ledger)
    return time.perf_counter() - start, rows


def time_duckdb_process(mapping, ledger) -> tuple[float, float]:
    """DuckDB as a fresh process: start Python, import DuckDB, read and aggregate; wall
    time and peak memory (MB)."""
    code = (f"import sys; sys.path.insert(0, {str(Path(__file__).parent)!r}); "
            f"import bench_kwartaal as b; b.duckdb_query({str(mapping)!r}, {str(ledger)!r})")
    return run_child([sys.executable, "-c", code])


def check_same(rows: list, grootboek) -> None:
    """DuckDB's groups and totals equal read_ledger's (to the cent)."""
    from budgets.grootboek.lezen import KEYS  # here: the DuckDB process must not load it

    duck = {tuple(r[:5]): r[5] for r in rows}
    columns = grootboek.bedragen
    ours = {tuple(r[:5]): r[5] for r in zip(*(list(columns[k]) for k in [*KEYS, "netto"]), strict=True)}
    if duck.keys() != ours.keys():
        raise SystemExit(f"DuckDB en read_ledger geven andere groepen: {len(duck)} tegen {len(ours)}")
    worst = max(abs(duck[k] - ours[k]) for k in ours)
    if worst >= 0.005:
        raise SystemExit(f"DuckDB en read_ledger verschillen tot {worst:.4f} euro")


def median(measure, times: int):
    """Median seconds of a measurement that returns (seconds, ...), and its last result."""
    results = [measure() for _ in range(times)]
    return statistics.median(r[0] for r in results), results[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--regels", type=int, default=1_000_000)
    parser.add_argument("--map", type=Path, default=Path(tempfile.gettempdir()) / "bench_kwartaal")
    parser.add_argument("--herhaal", type=int, default=3, help="runs per measurement (median)")
    args = parser.parse_args()
    args.map.mkdir(parents=True, exist_ok=True)
    from bytecode import compile_project  # bench/bytecode.py

    compile_project()
    start = time.perf_counter()
    spec, mapping, ledger, volumes = generate(args.map, args.regels)
    print(f"gegevens: {ledger} ({ledger.stat().st_size / 1e6:.0f} MB), "
          f"klaargezet in {time.perf_counter() - start:.1f} s; mediaan van {args.herhaal} keer")
    duck, (_, rows) = median(lambda: time_duckdb(mapping, ledger), args.herhaal)
    reader, (_, grootboek) = median(lambda: time_reader(spec, mapping, ledger), args.herhaal)
    check_same(rows, grootboek)
    duck_runs, runs = [], []
    for _ in range(args.herhaal):  # interleaved: a busy moment of the machine hits both
        duck_runs.append(time_duckdb_process(mapping, ledger))
        runs.append(time_kwartaal(spec, mapping, ledger, volumes, args.map))
    report(grootboek, duck, reader, duck_runs, runs)


def spread(values: list[float], unit: str, digits: int) -> str:
    """'median unit (min–max)'."""
    return (f"{statistics.median(values):.{digits}f} {unit} "
            f"({min(values):.{digits}f}–{max(values):.{digits}f})").replace(".", ",")


def report(grootboek, duck: float, reader: float, duck_runs: list, runs: list) -> None:
    whole = statistics.median(r[0] for r in runs)
    peak = statistics.median(r[1] for r in runs)
    duck_process = statistics.median(r[0] for r in duck_runs)
    duck_peak = statistics.median(r[1] for r in duck_runs)
    print(f"regels in het grootboek:                      {grootboek.regels_gelezen:>10,}")
    print(f"  (dubbel: {grootboek.meldingen.aantal_dubbel:,}; niet geplaatst: "
          f"{grootboek.meldingen.aantal_onplaatsbaar:,}; DuckDB-totalen gelijk aan read_ledger)")
    print("in dit proces (bibliotheken al geladen):")
    print(f"  DuckDB lezen + aggregeren:                  {duck:>8.2f} s")
    print(f"  read_ledger lezen + aggregeren:             {reader:>8.2f} s  "
          f"({reader / duck:.2f}× DuckDB; doel 1,5×)")
    print("als nieuw proces (opstarten, imports, lezen, aggregeren), mediaan (min–max):")
    print(f"  DuckDB (python + import duckdb + query):    {spread([r[0] for r in duck_runs], 's', 2)}")
    print(f"  begroting kwartaal (heel commando, incl. rapport): {spread([r[0] for r in runs], 's', 2)}")
    print(f"  tijd: {whole / duck_process:.2f}× het DuckDB-proces (doel ≤ 1,5×); "
          f"{whole / duck:.2f}× DuckDB in proces")
    print(f"  piekgeheugen DuckDB-proces:                 {spread([r[1] for r in duck_runs], 'MB', 0)}")
    print(f"  piekgeheugen begroting kwartaal:            {spread([r[1] for r in runs], 'MB', 0)}")
    print(f"  geheugen: {peak / duck_peak:.2f}× het DuckDB-proces (doel ≤ 1,5×)")


if __name__ == "__main__":
    main()
