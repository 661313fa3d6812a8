"""The kwartaalrapportage computed with the core: one row per product × gemeente, per
product, per exploitatie line and per total, each with its variance, effects, prognoses
and whether a toelichting is required."""

from dataclasses import dataclass, field, replace

from budgets.grootboek.lezen import Grootboek, Totalen, totals_to_date
from budgets.grootboek.meldingen import Meldingen
from budgets.kwartaal.drempels import Drempel
from budgets.pc.jaarbegroting import Basis, ProductRij, RegelRij
from budgets.pc.wijzigingen import amounts_per_wijziging
from pyfuncs.kwartaal import (
    Afwijking,
    budget_to_date,
    exceeds_budget,
    forecast,
    variance,
    volume_price_effect,
)

AARD = {"structureel": "S", "incidenteel": "I"}


@dataclass(frozen=True)
class Effecten:
    """Volume and price effect (EUR) with the volumes to date they rest on (eenheid)."""

    begroot_volume_tm: float
    werkelijk_volume_tm: float
    kostprijs: float
    volume: float
    prijs: float


@dataclass(frozen=True)
class Rij:
    """One report row; amounts in EUR, positive for both baten and lasten.

    niveau: product (product × gemeente), producttotaal, regel or totaal; the threshold
    level is 'product' for the first two. sleutel is stable across runs (for toelichtingen).
    """

    sleutel: str
    niveau: str
    omschrijving: str
    gemeente: str
    soort: str
    aard: str
    primitief: float
    wijziging: float
    profiel: tuple[float, float, float, float]
    begroot_tm: float
    realisatie_tm: float
    afwijking: Afwijking
    prognose_lineair: float
    prognose_begroting: float
    drempel: Drempel
    effecten: Effecten | None = None
    toelichting: str = ""
    product: ProductRij | None = None
    leden: int = 0
    onderdelen: tuple = ()
    per_wijziging: tuple = ()
    na_peildatum: tuple = ()

    @property
    def na_wijziging(self) -> float:
        return self.primitief + self.wijziging

    @property
    def prognose(self) -> float:
        """The year-end prognose the report judges by: realisatie plus the rest of the year
        as budgeted (at Q4: the realisatie)."""
        return self.prognose_begroting

    @property
    def drempelniveau(self) -> str:
        return "product" if self.niveau in ("product", "producttotaal") else self.niveau

    @property
    def overschrijding(self) -> bool:
        """Begrotingsrechtmatigheid: the year-end prognose of lasten above the begroting na
        wijziging (pyfuncs.kwartaal.exceeds_budget)."""
        return exceeds_budget(self.prognose, self.na_wijziging, self.soort)

    @property
    def toelichten(self) -> bool:
        """A toelichting is required: the variance exceeds the threshold, or the lasten
        exceed the begroting na wijziging (whatever the threshold)."""
        return self.afwijking.toelichten or self.overschrijding

    @property
    def ontbreekt(self) -> bool:
        """A toelichting is required and none is given."""
        return self.toelichten and not self.toelichting.strip()


@dataclass(frozen=True)
class Kwartaalrapport:
    """The whole report: its rows, the inputs it came from and the findings."""

    basis: Basis
    kwartaal: int
    rijen: tuple[Rij, ...]
    drempels: dict
    bronnen: dict
    meldingen: Meldingen
    vervallen_toelichtingen: dict = field(default_factory=dict)

    @property
    def ontbrekend(self) -> list[Rij]:
        return [rij for rij in self.rijen if rij.ontbreekt]


def forecast_with_profile(realisatie_tm: float, begroot_tm: float, jaarbegroting: float,
                          kwartaal: int, profiel) -> float:
    """Prognose 'begroting' for a line with its own profile: realisatie plus the rest of
    the year as budgeted. Equal to pyfuncs.kwartaal.forecast(..., 'begroting') for equal
    quarters; the core has no profile argument yet (asked for in the report)."""
    if profiel is None:
        return forecast(realisatie_tm, kwartaal, jaarbegroting, "begroting")
    return realisatie_tm + jaarbegroting - begroot_tm


def _row(sleutel, niveau, omschrijving, gemeente, soort, aard, primitief, wijziging,
         realisatie, kwartaal, drempel, profiel=None, effecten=None, product=None,
         begroot=None) -> Rij:
    """One row. A total passes begroot (Σ of its members' budget to date): its own
    profile is then the mix of its members' profiles."""
    jaar = primitief + wijziging
    own = budget_to_date(jaar, kwartaal, profiel) if begroot is None else begroot
    afwijking = variance(own, realisatie, soort, drempel.bedrag, drempel.pct, drempel.combinatie)
    shape = tuple(float(w) for w in (profiel or (1, 1, 1, 1)))
    shaped = profiel if begroot is None else shape
    return Rij(sleutel, niveau, omschrijving, gemeente, soort, aard, primitief, wijziging, shape,
               own, realisatie, afwijking, forecast(realisatie, kwartaal, jaar, "lineair"),
               forecast_with_profile(realisatie, own, jaar, kwartaal, shaped), drempel,
               effecten, product=product)


def _effects(rij: ProductRij, kwartaal: int, realisatie: float, volumes) -> Effecten | None:
    if volumes is None:
        return None
    begroot_volume = budget_to_date(rij.volume, kwartaal)
    werkelijk = float(volumes.get((rij.product, rij.gemeente), 0.0))
    volume, prijs = volume_price_effect(begroot_volume, rij.kostprijs, werkelijk, realisatie)
    return Effecten(begroot_volume, werkelijk, rij.kostprijs, volume, prijs)


def product_rows(basis: Basis, realised: Totalen, kwartaal: int, drempel: Drempel,
                 volumes) -> list[Rij]:
    """Rows per product × gemeente, each product followed by its total row."""
    rows: list[Rij] = []
    for name in dict.fromkeys(p.product for p in basis.producten):
        members = [p for p in basis.producten if p.product == name]
        for p in members:
            real = float(realised.get((p.product, p.gemeente), 0.0))
            row = _row(f"product|{p.product}|{p.gemeente}", "product", p.product, p.gemeente,
                       "lasten", "S", p.volume_primitief * p.kostprijs,
                       p.volume_wijziging * p.kostprijs, real, kwartaal, drempel,
                       effecten=_effects(p, kwartaal, real, volumes), product=p)
            rows.append(_with_changes(row, basis, None, [(p.product, p.gemeente, p.kostprijs)]))
        part = rows[-len(members):]
        total = _row(f"producttotaal|{name}", "producttotaal", name, "Totaal", "lasten", "S",
                     *_sums(part), kwartaal, drempel, begroot=_sums(part, "begroot_tm")[0])
        rows.append(replace(_with_changes(total, basis, None, [(p.product, p.gemeente, p.kostprijs)
                                                              for p in members]),
                            leden=len(members), onderdelen=tuple(part)))
    return rows


def _with_changes(row: Rij, basis: Basis, regel: str | None, volumes: list) -> Rij:
    """The row with its amount per wijziging: counted, and decided after the peildatum."""
    return replace(row, per_wijziging=amounts_per_wijziging(basis.wijzigingen, regel, volumes),
                   na_peildatum=amounts_per_wijziging(basis.na_peildatum, regel, volumes))


def line_rows(basis: Basis, realised: Totalen, kwartaal: int, drempel: Drempel,
              profielen: dict) -> list[Rij]:
    """Rows per exploitatie line; baten shown positive."""
    rows = []
    for line in basis.regels:
        netto = float(realised.get(line.naam, 0.0))
        real = netto if line.soort == "lasten" else -netto
        row = _row(f"regel|{line.naam}", "regel", line.naam, "", line.soort,
                   AARD.get(line.aard, ""), line.primitief, line.wijziging, real, kwartaal,
                   drempel, profiel=profielen.get(line.naam))
        fed = [(p.product, p.gemeente, p.kostprijs) for p in basis.producten] \
            if line.bron == "bijdragen" else []
        rows.append(_with_changes(row, basis, line.naam, fed))
    return rows


def _sums(rows, *attrs, sign=lambda r: 1) -> list[float]:
    """Σ of attributes over rows (default: primitief, wijziging, realisatie_tm)."""
    attrs = attrs or ("primitief", "wijziging", "realisatie_tm")
    return [sum(sign(r) * getattr(r, attr) for r in rows) for attr in attrs]


def total_rows(lines: list[Rij], products: list[Rij], kwartaal: int, drempel: Drempel) -> list[Rij]:
    """Totaal producten, totaal baten, totaal lasten and the saldo (baten − lasten)."""
    def saldo_sign(r):
        return 1 if r.soort == "baten" else -1

    product_totals = [r for r in products if r.niveau == "producttotaal"]
    baten = [r for r in lines if r.soort == "baten"]
    lasten = [r for r in lines if r.soort == "lasten"]
    spec = [("totaal|producten", "Totaal producten (netto kosten)", "lasten", product_totals, None),
            ("totaal|baten", "Totaal baten", "baten", baten, None),
            ("totaal|lasten", "Totaal lasten", "lasten", lasten, None),
            ("totaal|saldo", "Saldo van baten en lasten", "baten", lines, saldo_sign)]
    result = []
    for key, label, soort, members, sign in spec:
        sign = sign or (lambda r: 1)
        result.append(_row(key, "totaal", label, "", soort, "", *_sums(members, sign=sign),
                           kwartaal, drempel, begroot=_sums(members, "begroot_tm", sign=sign)[0]))
    return result


def with_toelichtingen(rows: list[Rij], toelichtingen: dict) -> tuple[list[Rij], dict]:
    """Attach earlier toelichtingen by key; return those whose row no longer exists."""
    keys = {row.sleutel for row in rows}
    attached = [replace(row, toelichting=toelichtingen.get(row.sleutel, "")) for row in rows]
    return attached, {k: v for k, v in toelichtingen.items() if k not in keys and v.strip()}


def build_report(basis: Basis, grootboek: Grootboek, kwartaal: int, drempels: dict,
                 volumes: Totalen | None = None, profielen: dict | None = None,
                 toelichtingen: dict | None = None, bronnen: dict | None = None) -> Kwartaalrapport:
    """Compute every row of the kwartaalrapportage (volumes: volume-years to date)."""
    by_product = totals_to_date(grootboek, kwartaal, ["product", "gemeente"])
    by_line = totals_to_date(grootboek, kwartaal, ["regel"])
    products = product_rows(basis, by_product, kwartaal, drempels["product"], volumes)
    lines = line_rows(basis, by_line, kwartaal, drempels["regel"], profielen or {})
    totals = total_rows(lines, products, kwartaal, drempels["totaal"])
    rows, stale = with_toelichtingen(products + lines + totals, toelichtingen or {})
    return Kwartaalrapport(basis, kwartaal, tuple(rows), drempels, bronnen or {},
                           grootboek.meldingen, stale)


__all__ = ["Kwartaalrapport", "Rij", "Effecten", "build_report", "RegelRij"]
