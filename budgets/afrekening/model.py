"""The year-end settlement (afrekening) per gemeente, following the bekostiging table:
products on normprijs with their settlement rule, doorbelastingen at actual cost, the
definitive bijdrage against the voorschotten, and the saldo split between the reserve and
the gemeenten (pyfuncs.verdeling.split_saldo). Amounts in EUR, exact to the cent."""

from dataclasses import dataclass

from budgets.grootboek.lezen import Grootboek, totals_to_date
from budgets.pc.jaarbegroting import Basis
from budgets.spec.resultaten import compute
from pyfuncs.afrekening import settle, settled_volume
from pyfuncs.afronding import from_cents, to_cents
from pyfuncs.fouten import InvoerFout
from pyfuncs.verdeling import SaldoVerdeling, split_saldo

LOONKOSTEN = ("loonkosten_wsw", "lks")  # left out of the saldo key (bekostiging table)


def cents_sum(amounts) -> float:
    """Σ of amounts, each taken to the cent first (EUR)."""
    return from_cents(sum(to_cents(a) for a in amounts))


@dataclass(frozen=True)
class ProductAfrekening:
    """One product for one gemeente: volumes in eenheid, normprijs EUR per eenheid,
    teken −1 for an operationeel resultaat; bedrag = teken × ROUND(volume × normprijs; 2)."""

    product: str
    eenheid: str
    regel: str
    normprijs: float
    teken: int
    begroot: float
    gerealiseerd: float
    afgerekend_volume: float
    bedrag: float
    begroot_bedrag: float


@dataclass(frozen=True)
class Doorbelastingpost:
    """A pass-through item: budget and actual cost (EUR), passed on at actual cost."""

    naam: str
    soort: str
    begroot: float
    werkelijk: float


@dataclass(frozen=True)
class GemeenteAfrekening:
    """The settlement statement of one gemeente (EUR; te_betalen + pays, − receives)."""

    gemeente: str
    producten: tuple[ProductAfrekening, ...]
    doorbelastingen: tuple[Doorbelastingpost, ...]
    voorschotten: tuple[float, ...]
    aandeel_saldo: float

    @property
    def productbijdragen(self) -> float:
        return cents_sum(p.bedrag for p in self.producten)

    @property
    def doorbelast(self) -> float:
        return cents_sum(d.werkelijk for d in self.doorbelastingen)

    @property
    def definitief(self) -> float:
        return cents_sum([self.productbijdragen, self.doorbelast])

    @property
    def betaald(self) -> float:
        return cents_sum(self.voorschotten)

    @property
    def sleutel(self) -> float:
        """Bijdragen excluding loonkosten Wsw and loonkostensubsidie: the saldo key."""
        other = [d.werkelijk for d in self.doorbelastingen if d.soort not in LOONKOSTEN]
        return cents_sum([self.productbijdragen, *other])

    @property
    def te_betalen(self) -> float:
        return cents_sum([self.definitief, -self.betaald, self.aandeel_saldo])


@dataclass(frozen=True)
class RegelRealisatie:
    """An exploitatie line in the year: begroting and realisation (EUR, positive)."""

    naam: str
    soort: str
    aard: str
    bron: str | None
    primitief: float
    wijziging: float
    realisatie: float
    bijdragen: float = 0.0

    @property
    def telt_mee(self) -> bool:
        """Lines fed by bijdragen/doorbelastingen are what the gemeenten pay, not costs."""
        return self.bron is None

    @property
    def kosten(self) -> float:
        """Net cost of the line (lasten +, baten −) without the gemeenten's own bijdragen."""
        if not self.telt_mee:
            return 0.0
        own = self.realisatie - self.bijdragen
        return own if self.soort == "lasten" else -own


@dataclass(frozen=True)
class Reservepositie:
    """The reserve: stand at the start of the year, minimum and maximum (None: none), all
    EUR; bron says where the opening stand comes from (Dutch, for the reader)."""

    begin: float
    minimum: float
    maximum: float | None
    bron: str = ""
    opgegeven: bool = False


@dataclass(frozen=True)
class Afrekening:
    basis: Basis
    gemeenten: tuple[GemeenteAfrekening, ...]
    regels: tuple[RegelRealisatie, ...]
    netto_kosten: float
    saldo: float
    reserve: Reservepositie
    verdeling: SaldoVerdeling
    bronnen: dict


def _products(basis: Basis, gemeente: str, volumes) -> tuple[ProductAfrekening, ...]:
    rows = []
    for p in (p for p in basis.producten if p.gemeente == gemeente):
        real = float(volumes.get((p.product, gemeente), 0.0))
        teken = -1 if p.soort == "operationeel_resultaat" else 1
        amount = teken * settle(p.volume, real, p.normprijs, p.regel)
        rows.append(ProductAfrekening(p.product, p.eenheid, p.regel, p.normprijs, teken, p.volume,
                                      real, settled_volume(p.volume, real, p.regel), amount,
                                      p.volume * p.kostprijs))
    return tuple(rows)


def _doorbelastingen(basis: Basis, gemeente: str, actual) -> tuple[Doorbelastingpost, ...]:
    return tuple(Doorbelastingpost(name, soort, budget, float(actual.get((name, gemeente), 0.0)))
                 for (name, g), (soort, budget) in basis.doorbelastingen.items() if g == gemeente)


def line_realisations(basis: Basis, grootboek: Grootboek) -> tuple[RegelRealisatie, ...]:
    """Each line's realisation in the year, and the part booked on bijdragerekeningen."""
    realised = totals_to_date(grootboek, 4, ["regel"])
    own = totals_to_date(grootboek, 4, ["regel"], zonder_bijdragen=True)
    rows = []
    for r in basis.regels:
        sign = 1 if r.soort == "lasten" else -1
        total = sign * float(realised.get(r.naam, 0.0))
        rows.append(RegelRealisatie(r.naam, r.soort, r.aard, r.bron, r.primitief, r.wijziging,
                                    total, total - sign * float(own.get(r.naam, 0.0))))
    return tuple(rows)


def reserve_position(basis: Basis, stand: float | None) -> Reservepositie:
    """The spec's reserve; a maximum as % of lasten uses the begroting na wijziging."""
    reserve = basis.begroting.reserve
    maximum = reserve.maximum
    if maximum is None and reserve.maximum_percentage is not None:
        lasten = sum(r.na_wijziging for r in basis.regels if r.soort == "lasten")
        maximum = reserve.maximum_percentage * lasten
    if stand is not None:
        return Reservepositie(float(stand), float(reserve.minimum), maximum,
                              "opgegeven bij het afrekenen (--reserve-stand), in plaats van de "
                              "verwachte stand volgens de begroting", True)
    return Reservepositie(projected_opening(basis), float(reserve.minimum), maximum,
                          f"begroting {basis.begroting.begrotingsjaar}: verwachte stand begin "
                          f"{basis.jaar} (verloop van de reserve in de begroting)")


def projected_opening(basis: Basis) -> float:
    """The begroting's own projected stand of the reserve at the start of the settled year
    (its reserve corkscrew, budgets.spec.resultaten)."""
    return float(compute(basis.begroting).reserve_begin[basis.jaar])


def default_voorschotten(basis: Basis) -> dict[str, tuple[float, ...]]:
    """The budgeted bijdrage (after wijzigingen, incl. doorbelastingen) in 12 equal monthly
    terms per gemeente; the terms add up to the cent (pyfuncs.verdeling.allocate)."""
    from pyfuncs.verdeling import allocate

    result = {}
    for g in basis.gemeenten:
        products = [p.volume * p.kostprijs for p in basis.producten if p.gemeente == g]
        passed = [b for (_, gem), (_, b) in basis.doorbelastingen.items() if gem == g]
        result[g] = tuple(allocate(cents_sum(products + passed), [1] * 12))
    return result


def build_settlement(basis: Basis, grootboek: Grootboek, volumes, voorschotten: dict,
                     reserve_stand: float | None = None, bronnen: dict | None = None) -> Afrekening:
    """Settle the year: volumes are realised volume-years per (product, gemeente)."""
    actual = totals_to_date(grootboek, 4, ["product", "gemeente"])
    draft = [GemeenteAfrekening(g, _products(basis, g, volumes), _doorbelastingen(basis, g, actual),
                                tuple(voorschotten[g]), 0.0) for g in basis.gemeenten]
    regels = line_realisations(basis, grootboek)
    netto = cents_sum([r.kosten for r in regels])
    saldo = cents_sum([*(g.definitief for g in draft), -netto])
    reserve = reserve_position(basis, reserve_stand)
    keys = [g.sleutel for g in draft]
    if any(k < 0 for k in keys):
        first = draft[[k < 0 for k in keys].index(True)].gemeente
        raise InvoerFout(f"de bijdragen (excl. loonkosten) van {first} zijn negatief; de saldo"
                         "verdeling naar rato van bijdragen is dan niet te maken")
    split = split_saldo(saldo, keys, reserve.begin, reserve.minimum, reserve.maximum)
    gemeenten = tuple(GemeenteAfrekening(g.gemeente, g.producten, g.doorbelastingen,
                                         g.voorschotten, share)
                      for g, share in zip(draft, split.gemeenten, strict=True))
    return Afrekening(basis, gemeenten, regels, netto, saldo, reserve, split, bronnen or {})
