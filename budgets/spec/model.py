"""The begroting spec: validated, immutable records describing one GR's budget.

A spec is read from YAML (`load_spec("begroting.yaml")`) or from the Uitgangspunten
sheet of a generated workbook (`load_spec("begroting.xlsx")`); both give the same
`Begroting`. Amounts are in EUR, volumes in the product's unit (plek, fte, persoon)
per year, percentages as written (2.0 = 2%) unless a field says "fraction".
"""

from dataclasses import dataclass, field
from datetime import date

import numpy as np

from budgets.spec.bbv import Bbv
from budgets.spec.sleutels import SOORTEN
from pyfuncs.afrekening import REGELS as AFREKENREGELS
from pyfuncs.financieel import index_series
from pyfuncs.productbegroting import normbedrag
from pyfuncs.verdeling import blend_keys

STATUSSEN = ("concept", "ontwerp", "vastgesteld")
PRESENTATIE_EENHEDEN = (1, 1000)  # euros, or thousands of euros ("bedragen × € 1.000")
EENHEDEN = ("plek", "fte", "persoon")
REGELS = AFREKENREGELS  # the settlement rules of the core
PRODUCTSOORTEN = ("bijdrage", "operationeel_resultaat")
SLEUTELSOORTEN = tuple(SOORTEN)
REGELSOORTEN = ("baten", "lasten", "toevoeging", "onttrekking", "subtotaal")
AARDEN = ("structureel", "incidenteel")
BRONNEN = ("bijdragen", "doorbelastingen", "kapitaallasten", "voorzieningen")
DOORBELASTINGSOORTEN = ("loonkosten_wsw", "lks", "overig")


@dataclass(frozen=True)
class Gemeente:
    """A deelnemer. inwoners: number of inhabitants; se: Wsw standaardeenheden (SE)."""

    naam: str
    inwoners: float | None = None
    se: float | None = None
    toelichting: str = ""


@dataclass(frozen=True)
class Product:
    """A product of the productbegroting.

    eenheid: plek, fte or persoon. regel: settlement rule (minimum / realisatie /
    begroting). soort: "bijdrage" (normprijs is a cost the gemeente pays, EUR per
    eenheid per year) or "operationeel_resultaat" (normprijs is the OR per eenheid;
    a positive OR is money back, so the bijdrage is −volume × normprijs).
    Prices: either `prijzen` {jaar: EUR} or `basisprijs` (EUR, price of the first
    year before indexation) with `indexatie` {jaar: percentage applied in that year}.
    """

    naam: str
    eenheid: str
    regel: str = "minimum"
    soort: str = "bijdrage"
    prijzen: dict = field(default_factory=dict)
    basisprijs: float | None = None
    indexatie: dict = field(default_factory=dict)
    toelichting: str = ""

    @property
    def teken(self) -> int:
        """+1 when the normprijs is a cost to the gemeente, −1 for an operationeel resultaat."""
        return -1 if self.soort == "operationeel_resultaat" else 1

    def normprijs(self, jaar: int) -> float:
        """The normprijs in EUR per eenheid for one year (indexed cumulatively)."""
        if self.basisprijs is None:
            return float(self.prijzen[jaar])
        years = sorted(self.indexatie)
        series = index_series(self.basisprijs, [self.indexatie[y] / 100 for y in years])
        return series[years.index(jaar)]


@dataclass(frozen=True)
class Volume:
    """Budgeted volumes of one product (eenheid per year): per gemeente (`gemeente` set,
    `aantallen` {jaar: volume}) or a total split by `verdeelsleutel` (gemeente None)."""

    product: str
    aantallen: dict
    gemeente: str | None = None
    verdeelsleutel: str | None = None
    toelichting: str = ""
    projectie: "Projectie | None" = None


@dataclass(frozen=True)
class Projectie:
    """The projection behind a volume row (volumes[].projectie): its kind (uitstroom, vast,
    maximum, lineair, leeftijdsprofiel), the scalar assumptions as written (aannames: (key,
    value) pairs, percentages as percentages: 3.5 = 3,5% per year) and the core's Jaarstand
    per year (standen), whose fte are the row's aantallen.

    An age profile also keeps its bands as written (cohorten: (van, tot, aantal) triples,
    ages in the first year or birth years), the AOW ages ((jaar, leeftijd) pairs) and per
    birth-year cohort a Cohortrij (the core's rows: the cached values of the cohort block)."""

    soort: str
    aannames: tuple
    standen: tuple
    cohorten: tuple = ()
    aow_leeftijden: tuple = ()
    rijen: tuple = ()

    def aanname(self, key: str, default: float = 0.0) -> float:
        return dict(self.aannames).get(key, default)

    def mapping(self) -> dict:
        """The projectie as the spec writes it (for a scenario that changes one field)."""
        result = {"soort": self.soort, **dict(self.aannames)}
        if self.soort == "leeftijdsprofiel":
            result["cohorten"] = [{"van": van, "tot": tot, "aantal": n} for van, tot, n in self.cohorten]
            result["aow_leeftijden"] = dict(self.aow_leeftijden)
        return result


@dataclass(frozen=True)
class Cohortrij:
    """One birth-year cohort of an age profile: its geboortejaar, the band it comes from
    (band: index into Projectie.cohorten; k-th of breedte birth years, oldest first) and the
    core's CohortJaar per year (pyfuncs.doelgroep.project_cohort)."""

    geboortejaar: int
    band: int
    k: int
    breedte: int
    jaren: tuple


@dataclass(frozen=True)
class Doorbelasting:
    """A pass-through item outside the normprijs logic (EUR per year for one gemeente),
    e.g. loonkosten Wsw or loonkostensubsidie (lks)."""

    naam: str
    soort: str
    gemeente: str
    bedragen: dict
    toelichting: str = ""


@dataclass(frozen=True)
class Verdeelsleutel:
    """A key that splits an amount or volume over the gemeenten.

    soort: vast (`aandelen` {gemeente: gewicht}), inwoners, se, volumes (of `product`,
    per year), bijdragen (productbijdragen excl. doorbelastingen, per year) or hybride
    (`vaste_voet` as a fraction 0–1 split equally, the rest by key `variabel`).
    """

    naam: str
    soort: str
    aandelen: dict = field(default_factory=dict)
    product: str | None = None
    vaste_voet: float = 0.0
    variabel: str | None = None
    toelichting: str = ""


@dataclass(frozen=True)
class ExploitatieRegel:
    """A line of the overzicht van baten en lasten (EUR per year, positive amounts).

    soort: baten, lasten, toevoeging / onttrekking (to other reserves) or subtotaal
    (= Σ plus − Σ min of other lines). aard: structureel or incidenteel. bron:
    "bijdragen" or "doorbelastingen" takes the amounts from the productbegroting
    instead of `bedragen`; "kapitaallasten" and "voorzieningen" take the kapitaallasten
    and the dotaties voorzieningen of the BBV part (budgets/spec/bbv.py). taakveld: the
    Iv3 code; reserve: the bestemmingsreserve a toevoeging/onttrekking moves; categorie:
    the Iv3 economische categorie (free code, optional).
    """

    naam: str
    soort: str
    aard: str = "structureel"
    bedragen: dict = field(default_factory=dict)
    bron: str | None = None
    plus: tuple = ()
    min: tuple = ()
    toelichting: str = ""
    taakveld: str = ""
    reserve: str = ""
    categorie: str = ""


@dataclass(frozen=True)
class Kop:
    """A heading row of the overzicht van baten en lasten (no amounts): its text and the
    number of exploitatie lines before it (0: above the first line)."""

    tekst: str
    voor: int


@dataclass(frozen=True)
class Reserve:
    """The algemene reserve (EUR): stand at the start of the first year, minimum,
    maximum as an amount or as a percentage of the year's lasten (None: no ceiling),
    the key splitting what the reserve cannot absorb, and post onvoorzien (EUR)."""

    stand_begin: float
    minimum: float = 0.0
    maximum: float | None = None
    maximum_percentage: float | None = None
    verdeelsleutel: str = ""
    onvoorzien: float = 0.0


@dataclass(frozen=True)
class Risico:
    """A risk: kans as a fraction 0–1; impact uniform between minimum and maximum (EUR);
    jaren: the years it applies in (empty: every year of the begroting)."""

    naam: str
    kans: float
    minimum: float
    maximum: float
    toelichting: str = ""
    jaren: tuple = ()


@dataclass(frozen=True)
class Simulatie:
    """Monte Carlo settings: zekerheid (fraction), number of draws, seed."""

    zekerheid: float = 0.9
    trekkingen: int = 10000
    startwaarde: int = 1


@dataclass(frozen=True)
class Presentatie:
    """How the output sheets show amounts: eenheid 1 (EUR) or 1000 (× € 1.000), and
    captions of year columns that replace the default ("Begroting 2023", "Raming 2024"),
    as (jaar, kop) pairs. The calculation sheets and the JSON keep exact euros."""

    eenheid: int = 1
    kolomkoppen: tuple = ()


@dataclass(frozen=True)
class Begroting:
    """A complete, validated begroting spec of one GR."""

    naam: str
    begrotingsjaar: int
    jaren: tuple
    status: str
    datum: date
    versie: str
    deelnemers: tuple
    producten: tuple
    volumes: tuple
    doorbelastingen: tuple
    verdeelsleutels: tuple
    exploitatie: tuple
    reserve: Reserve | None
    risicos: tuple
    simulatie: Simulatie
    presentatie: Presentatie = field(default_factory=Presentatie)
    koppen: tuple = ()  # Kop records: heading rows of the overzicht van baten en lasten
    bbv: Bbv = field(default_factory=Bbv)
    rijksmiddelen: tuple = ()  # budgets.spec.rijksmiddelen.Rijksmiddel rows, per gemeente and kind
    bron: str = field(default="", compare=False)
    _cache: dict = field(default_factory=dict, compare=False, repr=False)

    def _cached(self, key: tuple, compute):
        """Results derived from this immutable spec are computed once."""
        if key not in self._cache:
            self._cache[key] = compute()
        return self._cache[key]

    @property
    def verdeelt_saldo(self) -> bool:
        """True when a reserve and its key decide where a tekort or overschot goes; without
        them the saldo is shown, not allocated."""
        return self.reserve is not None and bool(self.reserve.verdeelsleutel)

    @property
    def gemeenten(self) -> tuple[str, ...]:
        """The names of the deelnemers, in order."""
        return tuple(g.naam for g in self.deelnemers)

    def product(self, naam: str) -> Product:
        return next(p for p in self.producten if p.naam == naam)

    def sleutel(self, naam: str) -> Verdeelsleutel:
        return next(k for k in self.verdeelsleutels if k.naam == naam)

    def regel(self, naam: str) -> ExploitatieRegel:
        return next(r for r in self.exploitatie if r.naam == naam)

    def gewichten(self, sleutel: str, jaar: int) -> list[float]:
        """The raw weights of a non-hybrid key for one year, one per gemeente."""
        key = self.sleutel(sleutel)
        return SOORTEN[key.soort].gewichten(self, key, jaar)

    def aandelen(self, sleutel: str, jaar: int) -> list[float]:
        """The shares (fractions summing to 1) of a key in one year (core: blend_keys)."""
        key = self.sleutel(sleutel)
        vaste_voet = key.vaste_voet if key.soort == "hybride" else 0.0
        return self._cached(
            ("aandelen", sleutel, jaar), lambda: blend_keys(self.gewichten(sleutel, jaar), vaste_voet)
        )

    def volume(self, gemeente: str, product: str, jaar: int) -> float:
        """The budgeted volume of a product for one gemeente in one year (eenheid)."""
        total = 0.0
        for row in self.volumes:
            if row.product != product:
                continue
            amount = float(row.aantallen.get(jaar, 0.0))
            if row.gemeente == gemeente:
                total += amount
            elif row.gemeente is None:
                total += amount * self.aandelen(row.verdeelsleutel, jaar)[self.gemeenten.index(gemeente)]
        return total

    def volumes_matrix(self, jaar: int) -> np.ndarray:
        """Volumes gemeenten × producten for one year."""
        return self._cached(
            ("volumes", jaar),
            lambda: np.array(
                [[self.volume(g, p.naam, jaar) for p in self.producten] for g in self.gemeenten]
            ),
        )

    def normprijzen(self, jaar: int) -> np.ndarray:
        """Normprijzen (EUR per eenheid) of the products in one year."""
        return np.array([p.normprijs(jaar) for p in self.producten])

    def productbijdragen(self, jaar: int) -> np.ndarray:
        """Budgeted bijdrage (EUR) gemeenten × producten in one year (core: normbedrag);
        negative where an operationeel resultaat is paid back."""
        signs = np.array([p.teken for p in self.producten])
        return self._cached(
            ("bijdragen", jaar), lambda: normbedrag(self.volumes_matrix(jaar), self.normprijzen(jaar) * signs)
        )

    def bijdrage(self, gemeente: str, product: str, jaar: int) -> float:
        """Budgeted bijdrage (EUR) of one gemeente for one product in one year."""
        row = self.gemeenten.index(gemeente)
        column = [p.naam for p in self.producten].index(product)
        return float(self.productbijdragen(jaar)[row, column])

    def doorbelasting(self, gemeente: str, jaar: int) -> float:
        """Total pass-through items (EUR) of one gemeente in one year."""
        return sum(float(d.bedragen.get(jaar, 0.0)) for d in self.doorbelastingen if d.gemeente == gemeente)

