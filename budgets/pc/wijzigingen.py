"""Begrotingswijzigingen: amendments of the begroting decided by the AB during the year.

File format (YAML, documented in docs/pc-cyclus.md):

    wijzigingen:
      - nummer: 1
        datum: 23-04-2024
        besluit: AB-besluit 2024/07
        omschrijving: Extra plekken beschut werk
        toelichting: Meer aanmeldingen dan begroot        # optional, printed in the voorstel
        regels: {Overige bedrijfslasten: 45000}     # EUR, + raises the line's budget
        volumes: {Beschut werk: {Zaanstad: 4}}      # eenheid, + raises the volume

Every amount changes the begroting of the year of `jaar` (default: the year of `datum`);
the datum lies in that year or the year before (decided in advance), never after it. A
report with a peildatum counts the wijzigingen decided on or before it and lists the later
ones as "na de peildatum".
"""

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

from budgets.bestanden import read_yaml, yaml_number
from pyfuncs.fouten import InvoerFout

SUBTOTAAL = "subtotaal"
FIELDS = ("nummer", "datum", "jaar", "besluit", "omschrijving", "toelichting", "regels",
          "volumes")
MAX_TEKST = 2000
JAREN = range(1990, 2101)


@dataclass(frozen=True)
class Wijziging:
    """One begrotingswijziging: regels {line: EUR}, volumes {(product, gemeente): eenheid}."""

    nummer: str
    datum: date
    jaar: int
    besluit: str
    omschrijving: str
    regels: dict = field(default_factory=dict)
    volumes: dict = field(default_factory=dict)
    plaats: str = ""  # 'wijzigingen.yaml: regel 4: wijzigingen[1]', for messages
    toelichting: str = ""  # why, in the controller's words (the AB voorstel prints it)


def _date(value, where: str) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    for pattern in ("%d-%m-%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(str(value).strip()[:20], pattern).date()
        except ValueError:
            continue
    raise InvoerFout(f"{where}: datum '{str(value)[:40]}' is onleesbaar of bestaat niet "
                     "(verwacht dd-mm-jjjj)")


def _number(value, where: str) -> float:
    return yaml_number(value, where, "getal")


def _text(value, where: str) -> str:
    text = str(value)
    if len(text) > MAX_TEKST:
        raise InvoerFout(f"{where}: tekst van {len(text)} tekens; de grens is {MAX_TEKST}")
    bad = next((ch for ch in text if ord(ch) < 0x20 and ch not in "\t\n\r"), None)
    if bad is not None:
        raise InvoerFout(f"{where}: stuurteken U+{ord(bad):04X} mag niet in een tekst")
    return text


def _table(item: dict, key: str, where: str) -> dict:
    value = item.get(key) or {}
    if not isinstance(value, dict):
        raise InvoerFout(f"{where}.{key}: verwacht een tabel (naam: bedrag)")
    return value


def _place(source: str, item, index: int) -> str:
    """'file: regel 4: wijzigingen[1]' (1-based, like every other message)."""
    lines = getattr(item, "regels", None) or {}
    line = min(lines.values()) if lines else None
    return f"{source}: regel {line}: wijzigingen[{index}]" if line else \
        f"{source}: wijzigingen[{index}]"


def _check_fields(item: dict, where: str) -> None:
    for key in item:
        if key not in FIELDS:
            raise InvoerFout(f"{where}: onbekend veld '{key}'; toegestaan: {', '.join(FIELDS)}")


def _lines(item: dict, where: str, regels: dict) -> dict:
    lines = {}
    for name, amount in _table(item, "regels", where).items():
        if name not in regels or regels[name] == SUBTOTAAL:
            raise InvoerFout(f"{where}.regels: '{name}' is geen exploitatieregel van de begroting"
                             " (subtotalen volgen uit hun regels)")
        lines[name] = _number(amount, f"{where}.regels.{name}")
    return lines


def _volumes(item: dict, where: str, producten, gemeenten) -> dict:
    volumes = {}
    for product, per_gemeente in _table(item, "volumes", where).items():
        if product not in producten:
            raise InvoerFout(f"{where}.volumes: '{product}' is geen product van de begroting")
        for gemeente, amount in _table({"x": per_gemeente}, "x", f"{where}.volumes").items():
            if gemeente not in gemeenten:
                raise InvoerFout(f"{where}.volumes.{product}: '{gemeente}' is geen deelnemer")
            volumes[(product, gemeente)] = _number(amount, f"{where}.volumes.{product}.{gemeente}")
    return volumes


def _one(item, index: int, source: str, regels: dict, producten, gemeenten) -> Wijziging:
    where = _place(source, item, index)
    if not isinstance(item, dict):
        raise InvoerFout(f"{where}: verwacht nummer, datum, besluit, regels en/of volumes")
    _check_fields(item, where)
    for required in ("nummer", "datum", "besluit"):
        if item.get(required) in (None, ""):
            raise InvoerFout(f"{where}: '{required}' ontbreekt")
    day = _date(item["datum"], where)
    jaar = _number(item.get("jaar", day.year), f"{where}.jaar")
    if jaar != int(jaar) or int(jaar) not in JAREN:
        raise InvoerFout(f"{where}.jaar: {jaar:g} is geen jaar van {JAREN[0]} tot {JAREN[-1]}")
    jaar = int(jaar)
    if not jaar - 1 <= day.year <= jaar:
        raise InvoerFout(f"{where}.datum: {day:%d-%m-%Y} valt buiten het begrotingsjaar {jaar} "
                         f"(een wijziging voor {jaar} wordt besloten in {jaar - 1} of {jaar})")
    return Wijziging(_text(item["nummer"], f"{where}.nummer"), day, int(jaar),
                     _text(item["besluit"], f"{where}.besluit"),
                     _text(item.get("omschrijving", ""), f"{where}.omschrijving"),
                     _lines(item, where, regels), _volumes(item, where, producten, gemeenten),
                     where, _text(item.get("toelichting", ""), f"{where}.toelichting"))


def load_wijzigingen(path: Path | None, regels: dict, producten, gemeenten) -> tuple[Wijziging, ...]:
    """Read and check a wijzigingen file against the begroting (None: no wijzigingen).

    regels: line name -> soort; producten and gemeenten: the names in the begroting.
    """
    if path is None:
        return ()
    data = read_yaml(path, "wijzigingenbestand") or {}
    items = data.get("wijzigingen") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise InvoerFout(f"{path}: verwacht een lijst onder 'wijzigingen:'")
    unknown = [key for key in data if key != "wijzigingen"]
    if unknown:
        raise InvoerFout(f"{path}: {_line_of(data, unknown[0])}onbekende sleutel "
                         f"'{unknown[0]}'; alleen 'wijzigingen:' hoort bovenaan")
    found = tuple(_one(item, i, str(path), regels, producten, gemeenten)
                  for i, item in enumerate(items, start=1))
    numbers = [w.nummer for w in found]
    double = sorted({n for n in numbers if numbers.count(n) > 1})
    if double:
        raise InvoerFout(f"{path}: wijzigingnummer {double[0]} komt twee keer voor")
    return found


def _line_of(data, key) -> str:
    line = data.line(key) if hasattr(data, "line") else None
    return f"regel {line}: " if line else ""


def check_volumes(wijzigingen: tuple[Wijziging, ...], begroot: dict) -> None:
    """Refuse a wijziging that makes a budgeted volume negative (taken in date order).
    begroot: (product, gemeente) -> the primitive volume of the year."""
    running = dict(begroot)
    for wijziging in sorted(wijzigingen, key=lambda w: w.datum):
        for (product, gemeente), change in wijziging.volumes.items():
            running[(product, gemeente)] = running.get((product, gemeente), 0.0) + change
            if running[(product, gemeente)] < -1e-9:
                raise InvoerFout(f"{wijziging.plaats}.volumes.{product}.{gemeente}: het volume "
                                 f"wordt {running[(product, gemeente)]:g}; een volume kan niet "
                                 "negatief worden")


def of_year(wijzigingen: tuple[Wijziging, ...], jaar: int) -> tuple[Wijziging, ...]:
    """The wijzigingen that change the begroting of one year, by date."""
    return tuple(sorted((w for w in wijzigingen if w.jaar == jaar), key=lambda w: w.datum))


def split_at(wijzigingen: tuple[Wijziging, ...], peildatum: date | None
             ) -> tuple[tuple[Wijziging, ...], tuple[Wijziging, ...]]:
    """(counted, later): the wijzigingen decided on or before the peildatum, and those after
    it (None: every wijziging counts)."""
    if peildatum is None:
        return tuple(wijzigingen), ()
    return (tuple(w for w in wijzigingen if w.datum <= peildatum),
            tuple(w for w in wijzigingen if w.datum > peildatum))


def peildatum_of(jaar: int, kwartaal: int) -> date:
    """The last day of a quarter (the report's peildatum)."""
    month = 3 * kwartaal
    return date(jaar + 1, 1, 1) - timedelta(days=1) if month == 12 else \
        date(jaar, month + 1, 1) - timedelta(days=1)


def line_change(wijzigingen, regel: str) -> float:
    """Σ of the changes to one exploitatie line (EUR)."""
    return sum(w.regels.get(regel, 0.0) for w in wijzigingen)


def volume_change(wijzigingen, product: str, gemeente: str) -> float:
    """Σ of the volume changes of one product for one gemeente (eenheid)."""
    return sum(w.volumes.get((product, gemeente), 0.0) for w in wijzigingen)


def amounts_per_wijziging(wijzigingen, regel: str | None, volumes) -> tuple[tuple[str, float], ...]:
    """(nummer, EUR) of every wijziging that changes a row: the line regel (EUR) and/or the
    volumes [(product, gemeente, kostprijs EUR per eenheid)] behind it."""
    result = []
    for w in wijzigingen:
        amount = w.regels.get(regel, 0.0) if regel else 0.0
        amount += sum(w.volumes.get((p, g), 0.0) * k for p, g, k in volumes)
        if amount:
            result.append((w.nummer, amount))
    return tuple(result)
