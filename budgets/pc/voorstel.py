"""The voorstel for the AB on one begrotingswijziging: what it changes and what that means.

Three stages of the begroting of the wijziging's year: the primitieve begroting, the begroting
with the earlier wijzigingen of that year (before this one in date order, file order on the
same date), and the begroting na wijziging (primitief + every wijziging up to and including
this one). Per exploitatie line and per product × gemeente the amounts of each stage; the
bijdrage of every gemeente (volume × kostprijs per row, rounded to cents as ROUND(v × p; 2));
and the saldo of the year before and after the wijziging through the begroting's own saldo
rule (pyfuncs.verdeling.split_saldo with the reserve's projected stand at the start of the
year, its minimum and maximum, and the begroting's verdeelsleutel). Amounts in EUR, exact to
the cent (sums in integer cents).
"""

from dataclasses import dataclass
from pathlib import Path

from budgets.pc.jaarbegroting import check_year, load_begroting, year_rows
from budgets.pc.wijzigingen import Wijziging, load_wijzigingen, of_year
from budgets.spec.model import Begroting
from budgets.spec.resultaten import compute
from pyfuncs.afronding import excel_round, from_cents, to_cents
from pyfuncs.fouten import InvoerFout
from pyfuncs.verdeling import split_saldo


def cents(amounts) -> float:
    """Σ of amounts in EUR, each rounded to cents first: exact to the cent."""
    return from_cents(sum(to_cents(a) for a in amounts))


@dataclass(frozen=True)
class RegelStap:
    """One exploitatie line (EUR, positive for baten and lasten; soort 'baten' or 'lasten').
    eerder: Σ of the earlier wijzigingen of the year; deze: this wijziging (incl. the effect
    of its volumes on a line fed by the bijdragen)."""

    naam: str
    soort: str
    primitief: float
    eerder: float
    deze: float

    @property
    def na(self) -> float:
        """The begroting na wijziging (EUR)."""
        return cents([self.primitief, self.eerder, self.deze])


@dataclass(frozen=True)
class VolumeStap:
    """One product for one gemeente: volumes in eenheid, kostprijs in EUR per eenheid
    (− for an operationeel resultaat that goes back to the gemeente); bijdragen in EUR,
    ROUND(volume × kostprijs; 2) before and after this wijziging."""

    product: str
    gemeente: str
    eenheid: str
    kostprijs: float
    primitief: float
    eerder: float
    deze: float

    @property
    def voor(self) -> float:
        """The volume before this wijziging (primitief + earlier wijzigingen)."""
        return self.primitief + self.eerder

    @property
    def na(self) -> float:
        return self.primitief + self.eerder + self.deze

    @property
    def bijdrage_voor(self) -> float:
        return excel_round(self.voor * self.kostprijs, 2)

    @property
    def bijdrage_na(self) -> float:
        return excel_round(self.na * self.kostprijs, 2)

    @property
    def effect(self) -> float:
        return cents([self.bijdrage_na, -self.bijdrage_voor])


@dataclass(frozen=True)
class SaldoStap:
    """The saldo of the year (baten − lasten, EUR; − is a tekort) at one stage and its split:
    mutatie of the reserve (+ dotatie, − onttrekking) and per gemeente (+ pays extra,
    − receives), mutatie − Σ gemeenten = saldo to the cent."""

    saldo: float
    baten: float
    lasten: float
    maximum: float | None
    mutatie: float
    gemeenten: tuple[float, ...]

    @property
    def te_dragen(self) -> float:
        """What the gemeenten carry together: mutatie − saldo (+ they pay extra)."""
        return cents([self.mutatie, -self.saldo])


@dataclass(frozen=True)
class GemeenteStap:
    """One gemeente: productbijdragen before and after (EUR), the doorbelastingen (EUR,
    unchanged by a wijziging) and the share in the saldo before and after (+ pays extra)."""

    gemeente: str
    bijdrage_voor: float
    bijdrage_na: float
    doorbelastingen: float
    aandeel_voor: float
    aandeel_na: float

    @property
    def bijdrage_effect(self) -> float:
        return cents([self.bijdrage_na, -self.bijdrage_voor])

    @property
    def aandeel_effect(self) -> float:
        return cents([self.aandeel_na, -self.aandeel_voor])

    @property
    def effect(self) -> float:
        """What the gemeente pays more (+) or less (−) because of this wijziging."""
        return cents([self.bijdrage_effect, self.aandeel_effect])


@dataclass(frozen=True)
class Reserve:
    """The algemene reserve as the saldo rule uses it (EUR): projected stand at the start of
    the year, minimum, the key (name and shares per gemeente) and the ceiling's percentage
    of the lasten (None: an amount or no ceiling)."""

    begin: float
    minimum: float
    sleutel: str
    aandelen: tuple[float, ...]
    maximum_percentage: float | None


@dataclass(frozen=True)
class Voorstel:
    """Everything the voorstel document shows about one wijziging."""

    regeling: str
    jaar: int
    bron: str
    wijziging: Wijziging
    eerdere: tuple[Wijziging, ...]
    latere: tuple[Wijziging, ...]
    gemeenten: tuple[str, ...]
    regels: tuple[RegelStap, ...]
    volumes: tuple[VolumeStap, ...]
    reserve: Reserve
    voor: SaldoStap
    na: SaldoStap
    per_gemeente: tuple[GemeenteStap, ...]

    @property
    def saldo_effect(self) -> float:
        return cents([self.na.saldo, -self.voor.saldo])

    @property
    def bijdragen_wijzigen(self) -> bool:
        """The bijdragen of the gemeenten change (volumes, or their share in the saldo)."""
        return any(g.bijdrage_effect or g.aandeel_effect for g in self.per_gemeente)


def find(wijzigingen: tuple[Wijziging, ...], nummer: str, bron: str) -> Wijziging:
    """The wijziging with this nummer; bad input lists the numbers that exist."""
    wanted = str(nummer).strip()
    for w in wijzigingen:
        if w.nummer.strip() == wanted:
            return w
    if not wijzigingen:
        raise InvoerFout(f"{bron}: bevat geen wijzigingen; --nummer {wanted} bestaat dus niet")
    known = ", ".join(w.nummer for w in wijzigingen)
    raise InvoerFout(f"{bron}: wijziging {wanted} bestaat niet (--nummer); wel: {known}")


def _saldo(regels: list[tuple[str, float]], reserve: Reserve, maximum_amount) -> SaldoStap:
    """regels: (soort, EUR) of one stage."""
    lasten = cents(a for s, a in regels if s == "lasten")
    baten = cents(a for s, a in regels if s == "baten")
    saldo = cents([baten, -lasten])
    maximum = maximum_amount if reserve.maximum_percentage is None else \
        excel_round(reserve.maximum_percentage * lasten, 2)
    split = split_saldo(saldo, reserve.aandelen, reserve.begin, reserve.minimum, maximum)
    return SaldoStap(saldo, baten, lasten, maximum, split.reserve_mutatie, split.gemeenten)


def _reserve(spec: Begroting, jaar: int) -> tuple[Reserve, float | None]:
    results = compute(spec)
    key = spec.reserve.verdeelsleutel
    maximum = None if spec.reserve.maximum is None else excel_round(spec.reserve.maximum, 2)
    return Reserve(results.reserve_begin[jaar], results.reserve_minimum, key,
                   tuple(spec.aandelen(key, jaar)), spec.reserve.maximum_percentage), maximum


def _stages(spec: Begroting, jaar: int, eerdere, wijziging):
    products0, lines0 = year_rows(spec, jaar, ())
    products1, lines1 = year_rows(spec, jaar, eerdere)
    products2, lines2 = year_rows(spec, jaar, (*eerdere, wijziging))
    regels = tuple(RegelStap(a.naam, a.soort, excel_round(a.primitief, 2),
                             cents([b.na_wijziging, -a.primitief]),
                             cents([c.na_wijziging, -b.na_wijziging]))
                   for a, b, c in zip(lines0, lines1, lines2, strict=True))
    volumes = tuple(VolumeStap(a.product, a.gemeente, a.eenheid, a.kostprijs, a.volume_primitief,
                               b.volume_wijziging, c.volume_wijziging - b.volume_wijziging)
                    for a, b, c in zip(products0, products1, products2, strict=True))
    return regels, volumes


def _per_gemeente(spec: Begroting, jaar: int, volumes, voor: SaldoStap, na: SaldoStap):
    result = []
    for i, g in enumerate(spec.gemeenten):
        mine = [v for v in volumes if v.gemeente == g]
        passed = cents(float(d.bedragen.get(jaar, 0.0)) for d in spec.doorbelastingen
                       if d.gemeente == g)
        result.append(GemeenteStap(g, cents(v.bijdrage_voor for v in mine),
                                   cents(v.bijdrage_na for v in mine), passed,
                                   voor.gemeenten[i], na.gemeenten[i]))
    return tuple(result)


def build_voorstel(spec: Begroting, every: tuple[Wijziging, ...], nummer: str, bron: str,
                   spec_bron: str = "") -> Voorstel:
    """The voorstel for wijziging nummer of the wijzigingen in every (read from bron)."""
    wijziging = find(every, nummer, bron)
    jaar = check_year(spec, wijziging.jaar, wijziging.plaats or bron)
    year = of_year(every, jaar)
    position = year.index(wijziging)
    eerdere, latere = year[:position], year[position + 1:]
    regels, volumes = _stages(spec, jaar, eerdere, wijziging)
    reserve, maximum = _reserve(spec, jaar)
    voor = _saldo([(r.soort, cents([r.primitief, r.eerder])) for r in regels], reserve, maximum)
    na = _saldo([(r.soort, r.na) for r in regels], reserve, maximum)
    return Voorstel(spec.naam, jaar, spec_bron, wijziging, eerdere, latere, spec.gemeenten,
                    regels, volumes, reserve, voor, na,
                    _per_gemeente(spec, jaar, volumes, voor, na))


def load_voorstel(spec_path: Path, wijzigingen_path: Path, nummer: str) -> Voorstel:
    """Read the begroting and the wijzigingen file and build the voorstel for one nummer."""
    spec = load_begroting(spec_path)
    line_kinds = {line.naam: line.soort for line in spec.exploitatie}
    every = load_wijzigingen(wijzigingen_path, line_kinds, [p.naam for p in spec.producten],
                             spec.gemeenten)
    return build_voorstel(spec, every, nummer, str(wijzigingen_path), str(spec_path))
