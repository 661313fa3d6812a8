"""Excel's rounding and exact money in cents.

Excel and LibreOffice round half away from zero after reducing a number to 15
significant digits, so ROUND(1.005; 2) = 1.01. Python's built-in rounding works on
the binary value, half to even, and gives 1.0: never use it for money.
"""

import math
from decimal import ROUND_HALF_UP, Context, Decimal

# Every amount stays below 10^13 euro: Excel keeps 15 significant digits, so an amount in
# cents is exact when it has at most 13 digits before the decimal comma and 2 after.
GRENS_BEDRAG = 1e13

# Enough digits that quantize never fails (decimal.InvalidOperation) for any finite float;
# whether the cents are exact is for the callers to check (amounts below 10^13 euro are).
_WIDE = Context(prec=340)
_STEPS = {digits: Decimal(1).scaleb(-digits) for digits in range(-6, 7)}


def to_decimal(x: float) -> Decimal:
    """The decimal number Excel shows for x (15 significant digits)."""
    return Decimal(format(float(x), ".15g"))


def excel_round_decimal(x: float, digits: int = 0) -> Decimal:
    """Excel's ROUND(x; digits) as an exact Decimal."""
    step = _STEPS.get(digits) or Decimal(1).scaleb(-digits)
    return to_decimal(x).quantize(step, rounding=ROUND_HALF_UP, context=_WIDE)


def excel_round(x: float, digits: int = 0) -> float:
    """Excel's ROUND(x; digits): half away from zero after 15 significant digits."""
    return float(excel_round_decimal(x, digits))


def excel_round_cents(values) -> list[float]:
    """excel_round(x, 2) for many values at once: the same rule. Reducing x to 15 digits
    moves x × 100 by at most 5·10^-15 of itself, so when its fraction is further than that
    from one half, which whole number of cents is nearest is already known without Decimal."""
    step = _STEPS[2]
    rounded = []
    for x in values:
        x = float(x)
        y = x * 100.0
        if -1e14 < y < 1e14:
            whole = math.floor(y)
            fraction = y - whole
            if abs(fraction - 0.5) > 1e-14 * abs(y) + 1e-9:
                cents = whole + (fraction > 0.5)
                rounded.append(cents / 100 if cents else math.copysign(0.0, x))
                continue
        rounded.append(float(Decimal(format(x, ".15g")).quantize(step, ROUND_HALF_UP, _WIDE)))
    return rounded


def to_cents(x: float) -> int:
    """An amount in euros as whole cents, rounded as Excel's ROUND(x; 2)."""
    return int(excel_round_decimal(x, 2).scaleb(2))


def from_cents(cents: int) -> float:
    """Whole cents back to euros."""
    return float(Decimal(cents).scaleb(-2))
