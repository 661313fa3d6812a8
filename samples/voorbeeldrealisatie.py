"""Illustrative ledger and volume exports generated from a begroting (for the samples,
the tests and the benchmark). The figures are invented: a realistic mix of volumes above
and below budget, a price overrun and an incidental item, never real data.

Ledger conventions (those of samples/werkom/realisatie/mapping.yaml): rekening codes
per exploitatie line, kostenplaats codes per product, CBS-like gemeente codes, amounts
in Dutch notation with lasten positive and baten negative.
"""

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from budgets.pc.jaarbegroting import Basis

KOSTENPLAATS_ALGEMEEN = "KP99"
BIJDRAGEREKENING = "8999"  # where the gemeenten's voorschotten are booked


@dataclass(frozen=True)
class Scenario:
    """How the year turns out, as factors on the budget (1.0 = as budgeted).

    volume / prijs: per product; regels: per exploitatie line (general costs);
    extra: (line, month, EUR) one-off bookings, e.g. an incidental cost.
    """

    volume: dict = field(default_factory=dict)
    prijs: dict = field(default_factory=dict)
    regels: dict = field(default_factory=dict)
    extra: tuple = ()
    ruis: float = 0.03


def codes(basis: Basis) -> dict:
    """Export codes: rekening per line, kostenplaats per product/doorbelasting, gemeente."""
    lines = {r.naam: str(8000 + 100 * i if r.soort == "baten" else 4000 + 100 * i)
             for i, r in enumerate(basis.regels)}
    products = list(dict.fromkeys(p.product for p in basis.producten))
    products += sorted({n for n, _ in basis.doorbelastingen} - set(products))
    return {"rekeningen": lines, "bijdragelijn": _bijdrage_line(basis),
            "kostenplaatsen": {name: f"KP{10 * (i + 1):02d}" for i, name in enumerate(products)},
            "gemeenten": {g: f"G{i + 1:03d}" for i, g in enumerate(basis.gemeenten)}}


def _months(total_cents: int, rng, ruis: float, count: int) -> np.ndarray:
    """Split a yearly amount over months with some noise; parts add up exactly."""
    weights = np.clip(1 + rng.normal(0, ruis, count), 0.5, 1.5)
    parts = np.floor(total_cents * weights / weights.sum()).astype(np.int64)
    parts[-1] += total_cents - parts.sum()
    return parts


def _bijdrage_line(basis: Basis) -> str:
    """The line on which the gemeenten's voorschotten land."""
    fed = [r.naam for r in basis.regels if r.bron == "bijdragen"]
    baten = [r for r in basis.regels if r.soort == "baten" and not r.bron]
    return fed[0] if fed else max(baten, key=lambda r: r.primitief).naam


def _bookings(basis: Basis, scenario: Scenario) -> list[tuple]:
    """(line, kostenplaats-name or None, gemeente or '', yearly EUR netto, rekening or None)."""
    from budgets.afrekening.model import default_voorschotten

    lines = {r.naam: r for r in basis.regels}
    passed = {name for name, _ in basis.doorbelastingen}
    own = [r for r in basis.regels if not r.bron and r.naam not in passed]
    lasten = max((r for r in own if r.soort == "lasten"), key=lambda r: r.primitief).naam
    baten = max((r for r in own if r.soort == "baten"), key=lambda r: r.primitief).naam
    out, used = [], {}

    def book(line, kpl, gemeente, amount, code=None):
        out.append((line, kpl, gemeente, amount, code))
        used[line] = used.get(line, 0) + amount

    for p in basis.producten:
        cost = p.volume * scenario.volume.get(p.product, 1.0) * p.kostprijs \
            * scenario.prijs.get(p.product, 1.0)
        activity = abs(p.volume * p.normprijs) * 0.25
        book(lasten, p.product, p.gemeente, max(cost, 0) + activity)
        book(baten, p.product, p.gemeente, -(activity + max(-cost, 0)))
    for (name, gemeente), (_, amount) in basis.doorbelastingen.items():
        book(name if name in lines else lasten, name, gemeente,
             amount * scenario.regels.get(name, 1.0))
    target = _bijdrage_line(basis)
    for gemeente, terms in default_voorschotten(basis).items():
        book(target, None, gemeente, -sum(terms), BIJDRAGEREKENING)
    for r in basis.regels:
        sign = 1 if r.soort == "lasten" else -1
        rest = sign * r.na_wijziging * scenario.regels.get(r.naam, 1.0) - used.get(r.naam, 0)
        if rest * sign > 0:
            out.append((r.naam, None, "", rest, None))
    return out


def generate_ledger(basis: Basis, scenario: Scenario, seed: int = 1,
                    per_maand: int = 1) -> pd.DataFrame:
    """A ledger export (text columns, Dutch notation) for the whole year of basis."""
    rng = np.random.default_rng(seed)
    code = codes(basis)
    rows = []
    for line, kpl, gemeente, amount, rekening in _bookings(basis, scenario):
        cents = _months(int(np.rint(amount * 100)), rng, scenario.ruis, 12 * per_maand)
        for i, part in enumerate(cents):
            rows.append((i // per_maand + 1, rekening or code["rekeningen"][line],
                         code["kostenplaatsen"].get(kpl, KOSTENPLAATS_ALGEMEEN),
                         code["gemeenten"].get(gemeente, ""), line, part))
    for line, month, amount in scenario.extra:
        rows.append((month, code["rekeningen"][line], KOSTENPLAATS_ALGEMEEN, "", f"{line} "
                     "(incidenteel)", int(np.rint(amount * 100))))
    frame = pd.DataFrame(rows, columns=["maand", "Rekening", "Kostenplaats", "Gemeente",
                                        "Omschrijving", "centen"])
    day = rng.integers(1, 29, len(frame))
    frame.insert(0, "Datum", [f"{d:02d}-{m:02d}-{basis.jaar}" for d, m in
                              zip(day, frame["maand"], strict=True)])
    frame["Bedrag"] = dutch_amounts(frame["centen"].to_numpy())
    return frame.drop(columns=["maand", "centen"])


def dutch_amounts(cents: np.ndarray) -> list[str]:
    """Whole cents as '1.234,56' / '-1.234,56'."""
    return [f"{'-' if c < 0 else ''}{abs(c) // 100:,}".replace(",", ".") + f",{abs(c) % 100:02d}"
            for c in cents.tolist()]


def generate_volumes(basis: Basis, scenario: Scenario, seed: int = 2) -> pd.DataFrame:
    """Monthly average volumes per product and gemeente (Dutch notation, 1 decimal)."""
    rng = np.random.default_rng(seed)
    code = codes(basis)
    rows = []
    for p in basis.producten:
        level = p.volume * scenario.volume.get(p.product, 1.0)
        tenths = _months(int(np.rint(level * 10 * 12)), rng, 0.02, 12)
        for month, value in enumerate(tenths, start=1):
            rows.append((month, code["gemeenten"][p.gemeente],
                         code["kostenplaatsen"][p.product], f"{value / 10:.1f}".replace(".", ",")))
    return pd.DataFrame(rows, columns=["Periode", "Gemeente", "Product", "Volume"])


def mapping_data(basis: Basis) -> dict:
    """A mapping (as YAML data) that reads the generated exports."""
    code = codes(basis)
    return {
        "rekeningen": {**{c: name for name, c in code["rekeningen"].items()},
                       BIJDRAGEREKENING: code["bijdragelijn"]},
        "bijdragerekeningen": [BIJDRAGEREKENING],
        "kostenplaatsen": {**{c: name for name, c in code["kostenplaatsen"].items()},
                           KOSTENPLAATS_ALGEMEEN: None},
        "gemeenten": {c: name for name, c in code["gemeenten"].items()},
        "producten": {c: name for name, c in code["kostenplaatsen"].items()},
    }
