"""The begroting of one year as the P&C tools need it: budget rows per product × gemeente
and per exploitatie line, before and after the begrotingswijzigingen.

An adapter over budgets.spec.model.Begroting (the generator's model), so the P&C modules do
not depend on the spec's internals.
"""

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from budgets.bestanden import read_yaml
from budgets.grootboek.lezen import Plaatsing
from budgets.pc.wijzigingen import (
    Wijziging,
    check_volumes,
    line_change,
    load_wijzigingen,
    of_year,
    peildatum_of,
    split_at,
    volume_change,
)
from budgets.spec.laden import load_spec
from budgets.spec.model import Begroting
from pyfuncs.fouten import InvoerFout

LASTEN_ACHTIG = ("lasten", "toevoeging")
BATEN_ACHTIG = ("baten", "onttrekking")


@dataclass(frozen=True)
class ProductRij:
    """Budget of one product for one gemeente in one year.

    normprijs: EUR per eenheid as agreed; kostprijs: the budgeted net cost per eenheid
    (= normprijs, or −normprijs for an operationeel resultaat). Volumes in eenheid.
    """

    product: str
    gemeente: str
    eenheid: str
    regel: str
    soort: str
    normprijs: float
    kostprijs: float
    volume_primitief: float
    volume_wijziging: float

    @property
    def volume(self) -> float:
        """The budgeted volume after the wijzigingen."""
        return self.volume_primitief + self.volume_wijziging


@dataclass(frozen=True)
class RegelRij:
    """Budget of one exploitatie line (EUR, positive). soort: 'baten' or 'lasten' as it
    counts in a variance (toevoeging counts as lasten, onttrekking as baten)."""

    naam: str
    soort: str
    aard: str
    primitief: float
    wijziging: float
    bron: str | None

    @property
    def na_wijziging(self) -> float:
        return self.primitief + self.wijziging


@dataclass(frozen=True)
class Basis:
    """Everything of one begroting year the kwartaal and afrekening tools use."""

    naam: str
    jaar: int
    bron: str
    gemeenten: tuple[str, ...]
    producten: tuple[ProductRij, ...]
    regels: tuple[RegelRij, ...]
    doorbelastingen: dict  # (naam, gemeente) -> (soort, EUR budget)
    wijzigingen: tuple[Wijziging, ...]
    begroting: Begroting
    na_peildatum: tuple[Wijziging, ...] = ()
    peildatum: date | None = None

    def plaatsing(self) -> Plaatsing:
        names = {p.product for p in self.producten} | {n for n, _ in self.doorbelastingen}
        return Plaatsing(self.jaar, {r.naam: r.soort for r in self.regels},
                         tuple(sorted(names)), self.gemeenten)


def load_begroting(path: Path) -> Begroting:
    """The spec (YAML or generated workbook); a missing file is bad input."""
    if not Path(path).exists():
        raise InvoerFout(f"{path}: begroting (spec of werkmap) bestaat niet")
    return load_spec(Path(path))


def check_year(begroting: Begroting, jaar: int | None, bron: str) -> int:
    year = begroting.begrotingsjaar if jaar is None else int(jaar)
    if year not in begroting.jaren:
        jaren = f"{min(begroting.jaren)}-{max(begroting.jaren)}"
        raise InvoerFout(f"{bron}: jaar {year} valt buiten de begroting ({jaren})")
    return year


def _product_rows(spec: Begroting, jaar: int, wijzigingen) -> tuple[ProductRij, ...]:
    rows = []
    for product in spec.producten:
        price = float(product.normprijs(jaar))
        for gemeente in spec.gemeenten:
            rows.append(ProductRij(
                product.naam, gemeente, product.eenheid, product.regel, product.soort, price,
                price * product.teken, float(spec.volume(gemeente, product.naam, jaar)),
                volume_change(wijzigingen, product.naam, gemeente)))
    return tuple(rows)


def _source_amount(spec: Begroting, jaar: int, bron: str, products, changed: bool) -> float:
    if bron == "doorbelastingen":
        return sum(float(d.bedragen.get(jaar, 0.0)) for d in spec.doorbelastingen)
    volume = (lambda p: p.volume_wijziging) if changed else (lambda p: p.volume_primitief)
    return sum(volume(p) * p.kostprijs for p in products)


def _line_rows(spec: Begroting, jaar: int, wijzigingen, products) -> tuple[RegelRij, ...]:
    rows = []
    for line in spec.exploitatie:
        if line.soort == "subtotaal":
            continue
        soort = "lasten" if line.soort in LASTEN_ACHTIG else "baten"
        if line.bron:
            primitief = _source_amount(spec, jaar, line.bron, products, changed=False)
            change = _source_amount(spec, jaar, line.bron, products, changed=True)
            change = 0.0 if line.bron == "doorbelastingen" else change
        else:
            primitief = float(line.bedragen.get(jaar, 0.0))
            change = 0.0
        change += line_change(wijzigingen, line.naam)
        rows.append(RegelRij(line.naam, soort, line.aard, primitief, change, line.bron))
    return tuple(rows)


def year_rows(spec: Begroting, jaar: int, wijzigingen
              ) -> tuple[tuple[ProductRij, ...], tuple[RegelRij, ...]]:
    """The product and line rows of one year with the given wijzigingen applied (a volume
    may not become negative)."""
    products = _product_rows(spec, jaar, wijzigingen)
    check_volumes(wijzigingen, {(p.product, p.gemeente): p.volume_primitief for p in products})
    return products, _line_rows(spec, jaar, wijzigingen, products)


def load_basis(spec_path: Path, jaar: int | None, wijzigingen_path: Path | None,
               kwartaal: int | None = None) -> Basis:
    """Load the begroting and its wijzigingen for one year (default: the begrotingsjaar).

    With a kwartaal only the wijzigingen decided on or before its peildatum (the last day
    of the quarter) count; the later ones are kept in na_peildatum."""
    spec = load_begroting(spec_path)
    year = check_year(spec, jaar, str(spec_path))
    line_kinds = {line.naam: line.soort for line in spec.exploitatie}
    every = load_wijzigingen(wijzigingen_path, line_kinds, [p.naam for p in spec.producten],
                             spec.gemeenten)
    peildatum = None if kwartaal is None else peildatum_of(year, kwartaal)
    changes, later = split_at(of_year(every, year), peildatum)
    products, lines = year_rows(spec, year, changes)
    doorbelastingen = {(d.naam, d.gemeente): (d.soort, float(d.bedragen.get(year, 0.0)))
                       for d in spec.doorbelastingen}
    return Basis(spec.naam, year, str(spec_path), spec.gemeenten, products, lines,
                 doorbelastingen, changes, spec, later, peildatum)


def load_profielen(path: Path | None, basis: Basis) -> dict[str, tuple]:
    """Per exploitatie line four quarter weights, from YAML {regel: [w1, w2, w3, w4]}."""
    if path is None:
        return {}
    from pyfuncs.kwartaal import budget_to_date

    data = read_yaml(path, "profielenbestand") or {}
    if isinstance(data, dict) and "profielen" in data and len(data) > 1:
        other = next(key for key in data if key != "profielen")
        raise InvoerFout(f"{path}: {other}: onbekende sleutel; verwacht alleen 'profielen:'")
    table = data.get("profielen", data) if isinstance(data, dict) else None
    if not isinstance(table, dict):
        raise InvoerFout(f"{path}: verwacht 'profielen:' met per regel vier gewichten")
    names = {r.naam for r in basis.regels}
    result = {}
    for name, weights in table.items():
        if name not in names:
            raise InvoerFout(f"{path}: profielen.{name} is geen exploitatieregel")
        if not isinstance(weights, list) or not all(isinstance(w, (int, float)) for w in weights):
            raise InvoerFout(f"{path}: profielen.{name} moet een lijst van vier getallen zijn")
        try:
            budget_to_date(1.0, 1, weights)
        except InvoerFout as fout:
            raise InvoerFout(f"{path}: profielen.{name}: {fout}") from None
        result[name] = tuple(float(w) for w in weights)
    return result
