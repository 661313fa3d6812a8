"""The scenario comparison: per scenario a validated Begroting and its core results, the
bijdrage and the share in the saldo per gemeente in whole cents, and the sensitivity of
the saldo to each parameter (pyfuncs.gevoeligheid)."""

from dataclasses import dataclass, replace

from budgets.spec.resultaten import Resultaten, compute
from budgets.spec.rijksmiddelen import by_gemeente
from budgets.spec.scenario_lezen import Scenariospec
from budgets.spec.scenarios import Parameter, Scenario, apply
from pyfuncs.afronding import excel_round, from_cents, to_cents
from pyfuncs.fouten import InvoerFout
from pyfuncs.gevoeligheid import Gevoeligheid, assess_sensitivity, rank_by_effect
from pyfuncs.rijksmiddelen import add_up_own_means, compare_all


@dataclass(frozen=True)
class Uitkomst:
    """One scenario's results. Per year (dicts keyed by jaar), one EUR amount per gemeente
    in the order of the deelnemers, each in whole cents:

    bijdrage: products and doorbelastingen, ROUND(Σ; 2) (+ the gemeente pays).
    aandeel_saldo: its share in the saldo (+ pays extra, − receives), from split_saldo.
    totaal: bijdrage + aandeel_saldo.
    eigen_middelen: totaal against the rijksmiddelen, per gemeente per year and then the
        "Totaal" per year (pyfuncs.rijksmiddelen.EigenMiddelen); () without rijksmiddelen.
    """

    scenario: Scenario
    begroting: object
    resultaten: Resultaten
    bijdrage: dict
    aandeel_saldo: dict
    totaal: dict
    eigen_middelen: tuple = ()

    @property
    def naam(self) -> str:
        return self.scenario.naam


@dataclass(frozen=True)
class Vergelijking:
    """Every scenario (the basis first) and the sensitivity rows, largest effect first."""

    spec: Scenariospec
    uitkomsten: tuple
    gevoeligheid: tuple
    parameters: dict

    @property
    def basis(self) -> Uitkomst:
        return self.uitkomsten[0]

    @property
    def jaren(self) -> tuple:
        return self.basis.begroting.jaren


def _cents(x: float) -> float:
    return excel_round(x, 2)


def own_means(b, totaal: dict, rijksmiddelen: tuple) -> tuple:
    """What each gemeente pays from its own algemene middelen (core: compare_all)."""
    if not rijksmiddelen:
        return ()
    bijdragen = {g: {y: totaal[y][i] for y in b.jaren} for i, g in enumerate(b.gemeenten)}
    inwoners = {g.naam: int(g.inwoners) for g in b.deelnemers}
    rows = compare_all(bijdragen, by_gemeente(rijksmiddelen, b), inwoners)
    return rows + add_up_own_means(rows)


def outcome(scenario: Scenario, begroting, bron: str, rijksmiddelen: tuple = ()) -> Uitkomst:
    """The results of one scenario; bad input names the scenario."""
    try:
        b = apply(begroting, scenario.aanpassingen, bron)
        res = compute(b)
    except InvoerFout as fout:
        raise InvoerFout(f"{bron}: scenarios.{scenario.naam}: {fout}") from None
    bijdrage, aandeel, totaal = {}, {}, {}
    for y in b.jaren:
        bijdrage[y] = tuple(_cents(float(res.productbijdragen[y][i].sum()) + float(res.doorbelastingen[y][i]))
                            for i in range(len(b.gemeenten)))
        aandeel[y] = tuple(float(x) for x in res.saldo_gemeenten[y])
        pairs = zip(bijdrage[y], aandeel[y], strict=True)
        totaal[y] = tuple(from_cents(to_cents(a) + to_cents(s)) for a, s in pairs)
    return Uitkomst(scenario, b, res, bijdrage, aandeel, totaal, own_means(b, totaal, rijksmiddelen))


def sensitivity(spec: Scenariospec) -> tuple[Gevoeligheid, ...]:
    """Each parameter alone at laag and hoog, the others at the basis (ranked)."""
    if not spec.parameters:
        return ()
    by_name = {p.naam: p for p in spec.parameters}

    def saldo(values: dict) -> list[float]:
        moved = [replace(by_name[n].aanpassing, waarde=v) for n, v in values.items() if v != by_name[n].basis]
        b = apply(spec.begroting, moved, spec.bron)
        res = compute(b)
        return [res.saldo[y] for y in b.jaren]

    basis = {p.naam: p.basis for p in spec.parameters}
    ranges = {p.naam: (p.laag, p.hoog) for p in spec.parameters}
    try:
        return rank_by_effect(assess_sensitivity(saldo, basis, ranges))
    except InvoerFout as fout:
        raise InvoerFout(f"{spec.bron}: gevoeligheid: {fout}") from None


def compare(spec: Scenariospec) -> Vergelijking:
    """Every scenario's results and the sensitivity table."""
    outcomes = tuple(outcome(s, spec.begroting, spec.bron, spec.rijksmiddelen) for s in spec.scenarios)
    return Vergelijking(spec, outcomes, sensitivity(spec), {p.naam: p for p in spec.parameters})


def parameter_of(v: Vergelijking, row: Gevoeligheid) -> Parameter:
    return v.parameters[row.parameter]
