"""Splitting money over gemeenten: exact allocations and the split of a year's saldo."""

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from pyfuncs.afronding import from_cents, to_cents, to_decimal
from pyfuncs.fouten import InvoerFout


def check_keys(sleutels, argument: str = "sleutels") -> list[int]:
    """Keys as exact whole numbers in one common scale (their decimals as Excel shows
    them); negative keys or keys that are all zero are refused."""
    keys = list(sleutels)
    if not keys:
        raise InvoerFout(f"{argument} is leeg")
    if min(keys) < 0:
        row = next(row for row, key in enumerate(keys, start=1) if key < 0)
        raise InvoerFout(f"{argument} bevat een negatieve waarde (rij {row})")
    scaled = [int(key) for key in keys]
    if max(keys) >= 1e15 or any(whole != key for whole, key in zip(scaled, keys, strict=True)):
        # fractions (or huge keys): the decimals Excel shows, in one common scale
        exact = [to_decimal(key) for key in keys]
        shift = -min(min(key.as_tuple().exponent for key in exact), 0)
        scaled = [int(key.scaleb(shift)) for key in exact]
    if not any(scaled):
        raise InvoerFout(f"{argument} zijn allemaal nul")
    return scaled


def _largest_remainder(units: int, keys: list[int]) -> list[int]:
    """Split a non-negative whole number of units; the largest remainders get one unit
    more, ties to the earlier row."""
    total = sum(keys)
    parts, remainders = [], []
    for key in keys:
        whole, remainder = divmod(units * key, total)
        parts.append(whole)
        remainders.append(remainder)
    short = units - sum(parts)
    # a stable sort, also with reverse=True: equal remainders keep their order (earlier row first)
    for i in sorted(range(len(keys)), key=remainders.__getitem__, reverse=True)[:short]:
        parts[i] += 1
    return parts


def allocate_units(units: int, sleutels) -> list[int]:
    """Split a whole number of units (may be negative) exactly over the keys."""
    keys = check_keys(sleutels)
    parts = _largest_remainder(abs(units), keys)
    return [-part if units < 0 else part for part in parts]


def allocate(bedrag: float, sleutels, eenheid: float = 0.01) -> list[float]:
    """Split bedrag over the keys in multiples of eenheid; the parts add up exactly to
    bedrag rounded to eenheid (largest-remainder method, ties to the earlier row).

    Args:
        bedrag: the amount in euros (any sign).
        sleutels: non-negative weights, one per gemeente.
        eenheid: 0.01 (cents), 1 (euros), 1000 (thousands), or any positive step.
    """
    if eenheid <= 0:
        raise InvoerFout("eenheid moet groter dan nul zijn")
    if eenheid == 0.01:  # int / int is correctly rounded: the same float as Decimal(part) / 100
        return [part / 100 for part in allocate_units(to_cents(bedrag), sleutels)]
    step = to_decimal(eenheid)
    units = int((to_decimal(bedrag) / step).quantize(Decimal(1), rounding="ROUND_HALF_UP"))
    parts = allocate_units(units, sleutels)
    if step == step.to_integral_value():
        return [float(part * int(step)) for part in parts]
    return [float(part * step) for part in parts]


def blend_keys(gewichten, vaste_voet: float = 0.0) -> list[float]:
    """Shares of a hybrid key: vaste_voet split equally, the rest by the weights."""
    if not 0 <= vaste_voet <= 1:
        raise InvoerFout("vaste voet moet tussen 0 en 1 liggen")
    keys = check_keys(gewichten, "gewichten")
    total, count = sum(keys), len(keys)
    base = Fraction(to_decimal(vaste_voet))
    return [float(base / count + (1 - base) * key / total) for key in keys]


@dataclass(frozen=True)
class SaldoVerdeling:
    """The split of a year's saldo (EUR).

    reserve_mutatie: + dotatie to the reserve, − onttrekking from it.
    gemeenten: per gemeente, + pays extra, − receives money back.
    Always: reserve_mutatie − Σ gemeenten = saldo, to the cent.
    """

    reserve_mutatie: float
    gemeenten: tuple[float, ...]


def _reserve_cents(saldo: int, reserve: int, minimum: int, maximum: int | None) -> int:
    if saldo < 0:
        room = max(reserve - minimum, 0)
        return -min(-saldo, room)
    room = saldo if maximum is None else max(maximum - reserve, 0)
    return min(saldo, room)


def split_saldo(saldo: float, sleutels, reserve: float, reserve_min: float = 0.0,
                reserve_max: float | None = None) -> SaldoVerdeling:
    """Split a saldo (+ surplus, − deficit) between the reserve and the gemeenten.

    A deficit is taken from the reserve down to reserve_min, the rest is charged pro
    rata the keys; a surplus fills the reserve up to reserve_max (None: no ceiling),
    the rest is returned pro rata.
    """
    keys = list(sleutels)
    check_keys(keys)
    saldo_c = to_cents(saldo)
    maximum = None if reserve_max is None else to_cents(reserve_max)
    if maximum is not None and maximum < to_cents(reserve_min):
        raise InvoerFout("reserve_max is kleiner dan reserve_min")
    mutation = _reserve_cents(saldo_c, to_cents(reserve), to_cents(reserve_min), maximum)
    charged = allocate_units(mutation - saldo_c, keys)
    return SaldoVerdeling(from_cents(mutation), tuple(from_cents(part) for part in charged))

