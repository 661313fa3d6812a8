"""Collecting every error of a spec before refusing it, each with its place."""

import math
from datetime import date, datetime
from numbers import Real

from pyfuncs.fouten import InvoerFout

MISSING = object()


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
    return str(value).strip()


def number(value, pad: str, m: Meldingen, minimum: float | None = None, default=0.0) -> float:
    """A number; text, NaN and values below minimum are reported."""
    if value is None or value == "":
        return default
    if isinstance(value, bool) or not isinstance(value, Real):
        m.fout(pad, f"tekst '{value}' waar een getal hoort")
        return default
    result = float(value)
    if math.isnan(result) or math.isinf(result):
        m.fout(pad, "geen geldig getal")
        return default
    if minimum is not None and result < minimum:
        m.fout(pad, f"{_show(result)} mag niet kleiner zijn dan {_show(minimum)}")
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
    value, pad: str, m: Meldingen, jaren: tuple, minimum: float | None = None, complete: bool = False
) -> dict:
    """A {jaar: number} mapping, or one number for every year; years outside the range
    are reported, missing years are 0 unless complete is asked for."""
    if isinstance(value, Real) and not isinstance(value, bool):
        return {y: number(value, pad, m, minimum) for y in jaren}
    if not isinstance(value, dict):
        m.fout(pad, "hier hoort een getal per jaar (jaar: waarde)")
        return dict.fromkeys(jaren, 0.0)
    result = dict.fromkeys(jaren, 0.0)
    for key, amount in value.items():
        year = _year(key)
        if year not in jaren:
            m.fout(f"{pad}.{key}", f"jaar {key} valt buiten de jaren {jaren[0]}–{jaren[-1]}")
            continue
        result[year] = number(amount, f"{pad}.{key}", m, minimum)
    if complete:
        for year in jaren:
            if year not in {_year(k) for k in value}:
                m.fout(pad, f"jaar {year} ontbreekt")
    return result


def _year(key) -> int | None:
    try:
        return int(str(key).strip())
    except ValueError:
        return None


def _show(x: float) -> str:
    return str(int(x)) if x == int(x) else str(x)


def unique_names(rows: list, pad: str, m: Meldingen, label: str) -> None:
    """Report names that occur twice in a list."""
    seen = set()
    for i, row in enumerate(rows, start=1):
        naam = row.get("naam") if isinstance(row, dict) else None
        if naam is None:
            continue
        if str(naam).strip() in seen:
            m.fout(f"{pad}[{i}].naam", f"{label} '{naam}' komt twee keer voor")
        seen.add(str(naam).strip())
