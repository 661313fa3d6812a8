"""Generating a begroting workbook from a spec: plan, write atomically, summarise."""

import gc
import re
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import budgets
from budgets.bestanden import check_writable, json_text, write_atomically
from budgets.excel.stijl import TEMPLATE
from budgets.spec.bbv_samenvatting import bbv_summary
from budgets.spec.laden import load_spec
from budgets.spec.model import Begroting
from budgets.spec.resultaten import Resultaten
from budgets.spec.rijksmiddelen import own_means_of
from budgets.werkboek.opbouw import build_plan, fingerprint
from budgets.werkboek.schrijven import write_workbook
from pyfuncs.fouten import InvoerFout

DEFAULT_SPEC = Path(budgets.__file__).resolve().parent.parent / "samples" / "werkom" / "begroting.yaml"
DEFAULT_MAP = Path("uitvoer")


@dataclass(frozen=True)
class Gegenereerd:
    """What genereer produced."""

    spec: Begroting
    resultaten: Resultaten
    bladen: list
    werkmap: Path

    @property
    def formules(self) -> int:
        return sum(
            1
            for blad in self.bladen
            for cel in blad.cellen.values()
            if not cel.tekst and isinstance(cel.waarde, str) and cel.waarde.startswith("=")
        )


def default_output(b: Begroting) -> Path:
    """uitvoer/<naam>-begroting-<jaar>.xlsx, e.g. uitvoer/werkom-begroting-2023.xlsx."""
    slug = re.sub(r"[^a-z0-9]+", "-", b.naam.lower()).strip("-") or "begroting"
    return DEFAULT_MAP / f"{slug}-begroting-{b.begrotingsjaar}.xlsx"


def generate(spec_path: Path, uitvoer: Path | None = None, overschrijf: bool = False,
             sjabloon: Path = TEMPLATE) -> Gegenereerd:
    """Read and validate the spec, plan the workbook and write it atomically on the
    house-style template."""
    if not Path(sjabloon).exists():
        raise InvoerFout(f"{sjabloon}: sjabloon niet gevonden")
    with _collector_paused():
        b = load_spec(Path(spec_path))
        sheets, res = build_plan(b)
        target = Path(uitvoer) if uitvoer else default_output(b)
        if uitvoer is None:
            target.parent.mkdir(parents=True, exist_ok=True)
        check_writable(target, overschrijf)
        write_atomically(target, lambda tmp: write_workbook(b, sheets, tmp, Path(sjabloon)), overschrijf)
    return Gegenereerd(b, res, sheets, target)


PDF_KINDS = ("bestuur", "volledig")


def print_pdf(g: Gegenereerd, pdf: Path, soort: str = "bestuur", sjabloon: Path = TEMPLATE) -> Path:
    """Print the workbook to a PDF (A4, Dutch whatever the machine's locale). "bestuur":
    the board pack, only the output sheets (soort "uitvoer") in the workbook's order,
    printed from a temporary copy in which the other sheets are hidden; the delivered
    workbook keeps every sheet visible. "volledig": every sheet."""
    from budgets.excel import rekenmotor  # LibreOffice: loaded only to print

    if soort == "volledig":
        return rekenmotor.export_pdf(g.werkmap, Path(pdf))
    printed = {blad.titel for blad in g.bladen if blad.soort == "uitvoer"}
    with tempfile.TemporaryDirectory(prefix="bestuur-") as folder:
        copy = Path(folder) / f"{Path(pdf).stem}.xlsx"
        write_workbook(g.spec, g.bladen, copy, Path(sjabloon), printed)
        return rekenmotor.export_pdf(copy, Path(pdf))


@contextmanager
def _collector_paused():
    """Pause Python's cyclic garbage collector while the plan and the workbook are
    built: a large begroting makes ~100,000 long-lived objects, and the full
    collections they trigger cost about a fifth of the time. Reference counting still
    frees memory; cycles are collected once the collector is back on."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def summary(g: Gegenereerd, controles: dict) -> dict:
    """The key results as plain JSON data (EUR; per year as "jaar": bedrag)."""
    b, res = g.spec, g.resultaten
    return {
        "gr": b.naam, "begrotingsjaar": b.begrotingsjaar, "jaren": [str(y) for y in b.jaren],
        "status": b.status, "versie": b.versie, "datum": b.datum.isoformat(), "vingerafdruk": fingerprint(b),
        "werkmap": str(g.werkmap),
        **_contributions(b, res),
        "exploitatie": {naam: _per_year(b, values) for naam, values in res.regels.items()},
        "saldo": _per_year(b, res.saldo),
        "reserve": {"begin": _per_year(b, res.reserve_begin), "mutatie": _per_year(b, res.reserve_mutatie),
                    "eind": _per_year(b, res.reserve_eind)},
        "weerstandsvermogen": {"benodigd": _per_year(b, res.benodigd), "zekerheid": b.simulatie.zekerheid,
                               "trekkingen": b.simulatie.trekkingen, "startwaarde": b.simulatie.startwaarde,
                               "ratio": _per_year(b, res.ratio), "klasse": _per_year(b, res.klasse)},
        "structurele_exploitatieruimte": _per_year(b, res.structurele_ruimte),
        **bbv_summary(b, res),
        **_own_means(b, res),
        "controles": controles,
    }


def _per_year(b: Begroting, values: dict) -> dict:
    return {str(y): values[y] for y in b.jaren}


def _contributions(b: Begroting, res: Resultaten) -> dict:
    """Bijdragen per gemeente and per product, doorbelastingen and the saldo's split."""
    def table(names, value) -> dict:
        return {name: {str(y): float(value(y, i)) for y in b.jaren} for i, name in enumerate(names)}

    return {
        "bijdrage_per_gemeente": table(b.gemeenten, lambda y, i: res.productbijdragen[y][i].sum()),
        "doorbelastingen_per_gemeente": table(b.gemeenten, lambda y, i: res.doorbelastingen[y][i]),
        "bijdrage_per_product": table([p.naam for p in b.producten],
                                      lambda y, j: res.productbijdragen[y][:, j].sum()),
        "saldo_per_gemeente": table(b.gemeenten, lambda y, i: res.saldo_gemeenten[y][i]),
    }


def _own_means(b: Begroting, res: Resultaten) -> dict:
    """With rijksmiddelen in the spec: per gemeente (and "Totaal") per year the total
    bijdrage, the rijksmiddelen, the eigen middelen and those per inwoner (EUR)."""
    result: dict = {}
    for row in own_means_of(b, res):
        result.setdefault(row.gemeente, {})[str(row.jaar)] = {
            "bijdrage": row.bijdrage, "rijksmiddelen": row.rijksmiddelen,
            "eigen_middelen": row.eigen_middelen, "per_inwoner": row.per_inwoner}
    return {"rijksmiddelen": result} if result else {}


def write_summary(path: Path, data: dict, overschrijf: bool) -> Path:
    text = json_text(data)
    return write_atomically(Path(path), lambda tmp: tmp.write_text(text, encoding="utf-8"), overschrijf)
