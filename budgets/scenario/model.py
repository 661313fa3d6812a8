"""The scenario comparison: per scenario a validated Begroting and its core results, the
bijdrage and the share in the saldo per gemeente in whole cents, and the sensitivity of
the saldo to each parameter (pyfuncs.gevoeligheid)."""

from dataclasses import dataclass, replace

from budgets.spec.resultaten import Resultaten, compute
from budgets.spec.rijksmiddelen import own_means, total_contributions
from budgets.spec.scenario_lezen import Scenariospec
from budgets.spec.scenarios import Parameter, Scenario, apply
from pyfuncs.fouten import InvoerFout
from pyfuncs.gevoeligheid import Gevoeligheid, assess_sensitivity, rank_by_effect


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


def outcome(scenario: Scenario, begroting, bron: str, rijksmiddelen: tuple = ()) -> Uitkomst:
    """The results of one scenario; bad input names the scenario."""
    try:
        b = apply(begroting, scenario.aanpassingen, bron)
        res = compute(b)
    except InvoerFout as fout:
        raise InvoerFout(f"{bron}: scenarios.{scenario.naam}: {fout}") from None
    totals = total_contributions(b, res)
    bijdrage, aandeel, totaal = ({y: t[k] for y, t in totals.items()} for k in range(3))
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
