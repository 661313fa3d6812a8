"""The geprognosticeerde balans of a GR: a BBV balance sheet rolled forward year by
year (docs/bbv.md, "Geprognosticeerde balans").

All amounts are whole euro cents (int), balance positions positive on their own side.
Every mutation is booked on both sides, so activa = passiva whenever the opening
balance balances. The financing gap lands in one place: the kasgeldpositie
(liquide middelen minus kortlopende financiering). A surplus shows as liquide
middelen, a shortfall as kortlopende financiering (kasgeldlening/rekening-courant),
never both at once in a projected year.
"""

from dataclasses import dataclass, field, replace

from pyfuncs.fouten import InvoerFout, unknown_choice

# (field, kant, Dutch label, BBV article): the balance lines in BBV order.
POSTEN = (
    ("immateriele_vaste_activa", "activa", "Immateriële vaste activa", "art. 34"),
    ("materiele_vaste_activa", "activa", "Materiële vaste activa", "art. 35"),
    ("kapitaalverstrekkingen", "activa", "Financiële vaste activa: kapitaalverstrekkingen", "art. 36"),
    ("verstrekte_leningen", "activa", "Financiële vaste activa: verstrekte leningen", "art. 36"),
    ("langlopende_uitzettingen", "activa", "Financiële vaste activa: uitzettingen ≥ 1 jaar", "art. 36"),
    ("voorraden", "activa", "Voorraden", "art. 38"),
    ("uitzettingen_korter_dan_een_jaar", "activa", "Uitzettingen met een looptijd < 1 jaar", "art. 39"),
    ("liquide_middelen", "activa", "Liquide middelen", "art. 40"),
    ("overlopende_activa", "activa", "Overlopende activa", "art. 40a"),
    ("algemene_reserve", "passiva", "Algemene reserve", "art. 43"),
    ("bestemmingsreserves", "passiva", "Bestemmingsreserves", "art. 43"),
    ("resultaat", "passiva", "Gerealiseerd resultaat", "art. 42"),
    ("voorzieningen", "passiva", "Voorzieningen", "art. 44"),
    ("vaste_schulden", "passiva", "Vaste schulden ≥ 1 jaar", "art. 46"),
    ("kortlopende_financiering", "passiva", "Netto vlottende schulden: kortlopende financiering", "art. 48"),
    ("overige_vlottende_schulden", "passiva", "Netto vlottende schulden: overige", "art. 48"),
    ("overlopende_passiva", "passiva", "Overlopende passiva", "art. 49"),
)
KANT = {name: side for name, side, _, _ in POSTEN}

# Lines moved only by their own mutation field (or the kasgeldpositie), never by `overige`.
GESTUURD = frozenset({
    "materiele_vaste_activa", "liquide_middelen", "algemene_reserve", "bestemmingsreserves",
    "resultaat", "voorzieningen", "vaste_schulden", "kortlopende_financiering",
})


@dataclass(frozen=True)
class Balans:
    """A balance sheet on one date, every line in cents (≥ 0 except resultaat and the
    reserves, which may be negative). Field names follow POSTEN."""

    immateriele_vaste_activa: int = 0
    materiele_vaste_activa: int = 0
    kapitaalverstrekkingen: int = 0
    verstrekte_leningen: int = 0
    langlopende_uitzettingen: int = 0
    voorraden: int = 0
    uitzettingen_korter_dan_een_jaar: int = 0
    liquide_middelen: int = 0
    overlopende_activa: int = 0
    algemene_reserve: int = 0
    bestemmingsreserves: int = 0
    resultaat: int = 0
    voorzieningen: int = 0
    vaste_schulden: int = 0
    kortlopende_financiering: int = 0
    overige_vlottende_schulden: int = 0
    overlopende_passiva: int = 0

    def total(self, kant: str) -> int:
        """The total of one side, "activa" or "passiva" (cents)."""
        return sum(getattr(self, name) for name, side in KANT.items() if side == kant)

    @property
    def activa(self) -> int:
        """Balanstotaal on the activa side (cents)."""
        return self.total("activa")

    @property
    def passiva(self) -> int:
        """Balanstotaal on the passiva side (cents)."""
        return self.total("passiva")

    @property
    def eigen_vermogen(self) -> int:
        """Reserves plus resultaat (BBV art. 42), cents."""
        return self.algemene_reserve + self.bestemmingsreserves + self.resultaat

    @property
    def vlottende_schulden(self) -> int:
        """Netto vlottende schulden < 1 jaar (BBV art. 48): both parts, cents."""
        return self.kortlopende_financiering + self.overige_vlottende_schulden

    @property
    def financiele_vaste_activa(self) -> int:
        """All financiële vaste activa (BBV art. 36), cents."""
        return self.kapitaalverstrekkingen + self.verstrekte_leningen + self.langlopende_uitzettingen


@dataclass(frozen=True)
class Jaarmutaties:
    """What moves the balans in one year; all amounts in cents, gross flows ≥ 0 except
    the saldo, the settlement and the `overige` changes.

    Attributes:
        saldo: exploitatiesaldo vóór reservemutaties (totale baten − totale lasten,
            afschrijvingen, rente and dotaties voorzieningen included); + is voordelig.
        toevoegingen_algemene_reserve / onttrekkingen_algemene_reserve: budgeted
            mutations of the algemene reserve in the year.
        toevoegingen_bestemmingsreserves / onttrekkingen_bestemmingsreserves: idem,
            all bestemmingsreserves together.
        vorig_resultaat_uitgekeerd: the part of last year's resultaat settled in cash
            with the deelnemers (+ paid back, − received); the rest goes to the
            algemene reserve (resultaatbestemming).
        investeringen / afschrijvingen: into and off the materiële vaste activa.
        dotaties_voorzieningen / onttrekkingen_voorzieningen: additions (a last) and
            spending charged to the voorzieningen.
        nieuwe_leningen / aflossingen: vaste schulden taken up and repaid.
        overige: changes of other lines, as (field, change) pairs; their counterpart is
            the kasgeldpositie.
    """

    saldo: int = 0
    toevoegingen_algemene_reserve: int = 0
    onttrekkingen_algemene_reserve: int = 0
    toevoegingen_bestemmingsreserves: int = 0
    onttrekkingen_bestemmingsreserves: int = 0
    vorig_resultaat_uitgekeerd: int = 0
    investeringen: int = 0
    afschrijvingen: int = 0
    dotaties_voorzieningen: int = 0
    onttrekkingen_voorzieningen: int = 0
    nieuwe_leningen: int = 0
    aflossingen: int = 0
    overige: tuple[tuple[str, int], ...] = field(default=())

    @property
    def reservemutaties(self) -> int:
        """Toevoegingen minus onttrekkingen, all reserves (cents)."""
        return (self.toevoegingen_algemene_reserve + self.toevoegingen_bestemmingsreserves
                - self.onttrekkingen_algemene_reserve - self.onttrekkingen_bestemmingsreserves)


GROSS_FLOWS = ("toevoegingen_algemene_reserve", "onttrekkingen_algemene_reserve",
               "toevoegingen_bestemmingsreserves", "onttrekkingen_bestemmingsreserves",
               "investeringen", "afschrijvingen", "dotaties_voorzieningen",
               "onttrekkingen_voorzieningen", "nieuwe_leningen", "aflossingen")


def check_balanced(balans: Balans, plaats: str = "balans") -> None:
    """Refuse a balance sheet whose activa and passiva differ."""
    if balans.activa != balans.passiva:
        raise InvoerFout(f"{plaats}: activa ({balans.activa / 100:.2f}) en passiva "
                         f"({balans.passiva / 100:.2f}) zijn niet gelijk")


def check_mutations(m: Jaarmutaties, plaats: str = "mutaties") -> None:
    """Refuse a negative gross flow and an `overige` line that is unknown or steered."""
    for name in GROSS_FLOWS:
        if getattr(m, name) < 0:
            raise InvoerFout(f"{plaats}: {name} mag niet negatief zijn")
    for post, _ in m.overige:
        if post not in KANT:
            raise unknown_choice(f"{plaats}: balanspost", post, tuple(KANT))
        if post in GESTUURD:
            raise InvoerFout(f"{plaats}: {post} volgt uit de eigen mutaties en kan niet onder overige")


def compute_cash_flow(m: Jaarmutaties) -> int:
    """The year's change of the kasgeldpositie (cents): saldo plus non-cash lasten,
    minus investments, plus net borrowing, minus the settlement with the deelnemers,
    minus the growth of other activa plus the growth of other passiva."""
    others = sum(change if KANT[post] == "passiva" else -change for post, change in m.overige)
    return (m.saldo + m.afschrijvingen + m.dotaties_voorzieningen - m.onttrekkingen_voorzieningen
            - m.investeringen + m.nieuwe_leningen - m.aflossingen - m.vorig_resultaat_uitgekeerd + others)


def _settle_cash(balans: Balans, kasstroom: int) -> dict[str, int]:
    """Liquide middelen and kortlopende financiering after the year's cash flow."""
    positie = balans.liquide_middelen - balans.kortlopende_financiering + kasstroom
    return {"liquide_middelen": max(positie, 0), "kortlopende_financiering": max(-positie, 0)}


def roll_forward(begin: Balans, m: Jaarmutaties) -> Balans:
    """The balans on 31 December from the one on 1 January and the year's mutations.

    Last year's resultaat is cleared: the uitgekeerd part through the kasgeldpositie,
    the rest into the algemene reserve; the new resultaat is the saldo after the
    reserve mutations (docs/bbv.md, "Geprognosticeerde balans").
    """
    check_mutations(m)
    changed = {post: getattr(begin, post) + change for post, change in _sum_others(m).items()}
    changed.update(_settle_cash(begin, compute_cash_flow(m)))
    return replace(
        begin, **changed,
        materiele_vaste_activa=begin.materiele_vaste_activa + m.investeringen - m.afschrijvingen,
        algemene_reserve=(begin.algemene_reserve + begin.resultaat - m.vorig_resultaat_uitgekeerd
                          + m.toevoegingen_algemene_reserve - m.onttrekkingen_algemene_reserve),
        bestemmingsreserves=(begin.bestemmingsreserves + m.toevoegingen_bestemmingsreserves
                             - m.onttrekkingen_bestemmingsreserves),
        resultaat=m.saldo - m.reservemutaties,
        voorzieningen=begin.voorzieningen + m.dotaties_voorzieningen - m.onttrekkingen_voorzieningen,
        vaste_schulden=begin.vaste_schulden + m.nieuwe_leningen - m.aflossingen,
    )


def _sum_others(m: Jaarmutaties) -> dict[str, int]:
    """The `overige` changes added up per line."""
    totals: dict[str, int] = {}
    for post, change in m.overige:
        totals[post] = totals.get(post, 0) + change
    return totals


def project_balance(begin: Balans, mutaties) -> tuple[Balans, ...]:
    """The balans at the end of each year, from the opening balans and one Jaarmutaties
    per year (the end of year t is the beginning of year t + 1)."""
    check_balanced(begin, "beginbalans")
    ends, current = [], begin
    for number, m in enumerate(mutaties, start=1):
        try:
            current = roll_forward(current, m)
        except InvoerFout as fout:
            raise InvoerFout(f"jaar {number}: {fout}") from None
        ends.append(current)
    return tuple(ends)


def balance_lines(balans: Balans) -> tuple[tuple[str, str, int], ...]:
    """(label, kant, amount in cents) per line, in BBV order, for a writer."""
    return tuple((label, side, getattr(balans, name)) for name, side, label, _ in POSTEN)

