"""Collecting every error of a spec before refusing it, each with its place."""

import math
from datetime import date, datetime
from numbers import Real

from pyfuncs.afronding import GRENS_BEDRAG
from pyfuncs.fouten import InvoerFout

MISSING = object()

# Limits on purpose (each a message with the place, long before memory or time run out).
# Amounts: Excel keeps 15 significant digits, and so does every figure the workbook shows;
# an amount in cents fits in 15 digits while |amount| < 10^13 (9.999.999.999.999,99 has 13
# digits before the comma and 2 after). A float is then exact to 0,002 (its spacing at
# 10^13 is 2^-9), so rounding to cents stays unambiguous. No GR budgets 10 trillion EUR.
MAX_BEDRAG = GRENS_BEDRAG  # |number| < MAX_BEDRAG for every number of a spec
MAX_NAAM = 100  # characters in a name (naam, product, gemeente, verdeelsleutel)
MAX_TEKST = 2000  # characters in any other text (toelichting)
NAME_FIELDS = ("naam", "product", "gemeente", "verdeelsleutel")
_CONTROL = {*range(0x00, 0x20), *range(0x7F, 0xA0)} - {0x09, 0x0A, 0x0D}


class Meldingen:
    """Collects Dutch error messages; `places` maps a YAML path to a sheet!cell."""

    def __init__(self, bron: str, places: dict[str, str] | None = None):
        self.bron = bron
        self.places = places or {}
        self.fouten: list[str] = []

    def plaats(self, pad: str) -> str:
        return self.places.get(pad, pad)

    def fout(self, pad: str, tekst: str) -> None:
        self.fouten.append(f"{self.bron}: {self.plaats(pad)}: {tekst}")

    def raise_if_any(self) -> None:
        if self.fouten:
            unique = list(dict.fromkeys(self.fouten))
            raise InvoerFout("\n".join(unique))


def get(mapping, key: str, pad: str, m: Meldingen, required: bool = True, default=None):
    """A field of a mapping; reports a missing required field."""
    if not isinstance(mapping, dict):
        return default
    value = mapping.get(key, MISSING)
    if value is MISSING or value is None or value == "":
        if required:
            m.fout(_join(pad, key), "verplicht veld ontbreekt")
        return default
    return value


def _join(pad: str, key: str) -> str:
    return f"{pad}.{key}" if pad else key


def text(value, pad: str, m: Meldingen, required: bool = True) -> str:
    """A text field (numbers are accepted as their text)."""
    if value is None or value == "":
        if required:
            m.fout(pad, "verplicht veld ontbreekt")
        return ""
    if isinstance(value, (dict, list)):
        m.fout(pad, "hier hoort een tekst")
        return ""
    result = str(value).strip()
    limit = MAX_NAAM if pad.rsplit(".", 1)[-1] in NAME_FIELDS else MAX_TEKST
    if len(result) > limit:
        m.fout(pad, f"tekst van {len(result)} tekens; de grens is {limit}")
        return result[:limit]
    bad = next((ch for ch in result if ord(ch) in _CONTROL), None)
    if bad is not None:
        m.fout(pad, f"stuurteken U+{ord(bad):04X} mag niet in een tekst")
    return result


def number(value, pad: str, m: Meldingen, minimum: float | None = None, default=0.0,
           maximum: float | None = None) -> float:
    """A number; text, NaN, ±inf, |x| ≥ MAX_BEDRAG and values outside [minimum, maximum]
    are reported (the first three return default)."""
    if value is None or value == "":
        return default
    if isinstance(value, bool) or not isinstance(value, Real):
        m.fout(pad, f"tekst '{value}' waar een getal hoort")
        return default
    try:
        result = float(value)
    except OverflowError:  # an integer of hundreds of digits
        result = math.inf
    if math.isnan(result) or math.isinf(result):
        m.fout(pad, "geen geldig getal")
        return default
    if abs(result) >= MAX_BEDRAG:
        m.fout(pad, f"{result:.3g} is te groot; getallen blijven onder 10^13 (10 biljoen), "
               "zodat centen exact blijven")
        return default
    if minimum is not None and result < minimum:
        m.fout(pad, f"{_show(result)} mag niet kleiner zijn dan {_show(minimum)}")
    if maximum is not None and result > maximum:
        m.fout(pad, f"{_show(result)} mag niet groter zijn dan {_show(maximum)}")
    return result


def integer(value, pad: str, m: Meldingen, default: int = 0) -> int:
    result = number(value, pad, m, default=default)
    if result != int(result):
        m.fout(pad, f"{_show(result)} moet een geheel getal zijn")
    return int(result)


def choice(value, pad: str, m: Meldingen, allowed: tuple, default: str | None = None) -> str:
    word = text(value, pad, m, required=default is None)
    if not word:
        return default or ""
    if word not in allowed:
        m.fout(pad, f"'{word}' is onbekend; kies uit: {', '.join(allowed)}")
    return word


def day(value, pad: str, m: Meldingen) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        m.fout(pad, f"'{value}' is geen datum (JJJJ-MM-DD)")
        return date(2000, 1, 1)


def items(value, pad: str, m: Meldingen, required: bool = True) -> list:
    """A list field."""
    if value is None:
        if required:
            m.fout(pad, "verplicht veld ontbreekt")
        return []
    if not isinstance(value, list):
        m.fout(pad, "hier hoort een lijst")
        return []
    return value


def per_year(
    value, pad: str, m: Meldingen, jaren: tuple, minimum: float | None = None, complete: bool = False,
    maximum: float | None = None,
) -> dict:
    """A {jaar: number} mapping, or one number for every year; years outside the range
    are reported, missing years are 0 unless complete is asked for."""
    if isinstance(value, Real) and not isinstance(value, bool):
        return {y: number(value, pad, m, minimum, maximum=maximum) for y in jaren}
    if not isinstance(value, dict):
        m.fout(pad, "hier hoort een getal per jaar (jaar: waarde)")
        return dict.fromkeys(jaren, 0.0)
    result = dict.fromkeys(jaren, 0.0)
    for key, amount in value.items():
        year = _year(key)
        if year not in jaren:
            shown = str(key)[:20]
            m.fout(f"{pad}.{shown}", f"jaar {shown} valt buiten de jaren {jaren[0]}–{jaren[-1]}")
            continue
        result[year] = number(amount, f"{pad}.{key}", m, minimum, maximum=maximum)
    if complete:
        for year in jaren:
            if year not in {_year(k) for k in value}:
                m.fout(pad, f"jaar {year} ontbreekt")
    return result


def _year(key) -> int | None:
    text = str(key).strip()
    if len(text) > 4:
        return None
    try:
        return int(text)
    except ValueError:
        return None


def _show(x: float) -> str:
    return str(int(x)) if x == int(x) else str(x)


def unknown_fields(row: dict, pad: str, allowed, m: Meldingen) -> None:
    """Report every key of a mapping that is not one of the allowed fields, at its path."""
    for key in row:
        if key not in allowed:
            m.fout(f"{pad}.{key}", f"onbekend veld '{key}'; toegestaan: {', '.join(allowed)}")


def unique_names(rows: list, pad: str, m: Meldingen, label: str) -> None:
    """Report names that occur twice in a list (anything else is reported elsewhere)."""
    if not isinstance(rows, list):
        return
    seen = set()
    for i, row in enumerate(rows, start=1):
        naam = row.get("naam") if isinstance(row, dict) else None
        if naam is None:
            continue
        if str(naam).strip() in seen:
            m.fout(f"{pad}[{i}].naam", f"{label} '{naam}' komt twee keer voor")
        seen.add(str(naam).strip())
