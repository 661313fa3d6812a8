"""Sensitivity of the saldo: each parameter alone moved to the low and the high end of
its stated range, all others at their basis value (a tornado table)."""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from pyfuncs.afronding import from_cents, to_cents
from pyfuncs.fouten import InvoerFout

Saldofunctie = Callable[[Mapping[str, float]], Sequence[float]]


@dataclass(frozen=True)
class Gevoeligheid:
    """The effect of one parameter on the saldo (EUR per year, whole cents).

    parameter: its name; basis, laag, hoog: its basis value and the ends of its range.
    effect_laag, effect_hoog: per year, saldo with the parameter at laag (hoog) minus the
        basis saldo; + better, − worse for the GR.
    """

    parameter: str
    basis: float
    laag: float
    hoog: float
    effect_laag: tuple[float, ...]
    effect_hoog: tuple[float, ...]

    @property
    def grootste_effect(self) -> float:
        """The largest absolute effect over the years and both ends (EUR)."""
        return max((abs(e) for e in (*self.effect_laag, *self.effect_hoog)), default=0.0)


def _saldo_cents(saldo: Saldofunctie, params: Mapping[str, float], years: int | None) -> list[int]:
    values = [to_cents(v) for v in saldo(dict(params))]
    if years is not None and len(values) != years:
        raise InvoerFout(f"de saldofunctie gaf {len(values)} jaren in plaats van {years}")
    return values


def _effect(saldo: Saldofunctie, params: Mapping[str, float], base: list[int]) -> tuple[float, ...]:
    moved = _saldo_cents(saldo, params, len(base))
    return tuple(from_cents(v - b) for v, b in zip(moved, base, strict=True))


def assess_sensitivity(saldo: Saldofunctie, basis: Mapping[str, float],
                       bereiken: Mapping[str, tuple[float, float]]) -> tuple[Gevoeligheid, ...]:
    """The effect per year of each parameter at its low and high value, in the order of
    `bereiken`.

    Args:
        saldo: a pure function of all parameters giving the saldo per year (EUR); it
            receives a fresh dict on every call.
        basis: every parameter's basis value.
        bereiken: (laag, hoog) per parameter to vary; laag ≤ hoog.
    """
    base = _saldo_cents(saldo, basis, None)
    rows = []
    for name, (low, high) in bereiken.items():
        if name not in basis:
            raise InvoerFout(f"gevoeligheid voor onbekende parameter '{name}'")
        if low > high:
            raise InvoerFout(f"bereik van {name}: laag {low} is groter dan hoog {high}")
        low_effect, high_effect = (_effect(saldo, {**basis, name: value}, base) for value in (low, high))
        rows.append(Gevoeligheid(name, basis[name], low, high, low_effect, high_effect))
    return tuple(rows)


def rank_by_effect(rijen: Sequence[Gevoeligheid]) -> tuple[Gevoeligheid, ...]:
    """Largest effect first (the tornado's order); equal effects by parameter name."""
    return tuple(sorted(rijen, key=lambda row: (-row.grootste_effect, row.parameter)))
