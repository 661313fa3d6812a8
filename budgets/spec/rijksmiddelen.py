"""The `rijksmiddelen` section: per gemeente, per kind and per year what the gemeente
receives from the Rijk for the GR's tasks, with its source (handreiking §2.2.8: is the
plan financeable from the rijksmiddelen?). Part of the spec (Begroting.rijksmiddelen):
the begroting workbook has them as inputs on Uitgangspunten and compares them with the
bijdrage on each Raadsoverzicht; `begroting scenario` compares them per scenario (a
--scenarios file with its own `rijksmiddelen` replaces the spec's there).

    rijksmiddelen:
      - gemeente: Buren
        soort: wsw                 # wsw | buig | re-integratie | overig
        bedragen: {2024: 2150000, 2025: 2110000}
        bron: "Meicirculaire 2024, integratie-uitkering Participatie, Wsw-deel"
"""

from dataclasses import dataclass

from budgets.spec.meldingen import Meldingen, choice, get, items, per_year, text, unknown_fields
from budgets.spec.model import Begroting
from pyfuncs.afronding import excel_round, from_cents, to_cents
from pyfuncs.rijksmiddelen import add_up_own_means, compare_all

SOORTEN = {
    "wsw": "Wsw (integratie-uitkering Participatie)",
    "buig": "BUIG (loonkostensubsidie)",
    "re-integratie": "Re-integratie (participatiebudget)",
    "overig": "Overige rijksmiddelen",
}
FIELDS = ("gemeente", "soort", "bedragen", "bron")
MAX_BEDRAG = 1e10  # EUR per gemeente, kind and year (the largest gemeente receives < 10^9)


@dataclass(frozen=True)
class Rijksmiddel:
    """One kind of rijksmiddelen of one gemeente: bedragen {jaar: EUR}, soort a key of
    SOORTEN, bron the source (circulaire, beschikking, own estimate)."""

    gemeente: str
    soort: str
    bedragen: dict
    bron: str

    @property
    def omschrijving(self) -> str:
        return SOORTEN[self.soort]


def parse_rijksmiddelen(section, b: Begroting, m: Meldingen) -> tuple:
    """Every row, checked against the begroting's gemeenten and years; errors in m."""
    found = []
    for i, row in enumerate(items(section, "rijksmiddelen", m, required=False), start=1):
        pad = f"rijksmiddelen[{i}]"
        if not isinstance(row, dict):
            m.fout(pad, "hier hoort een mapping: {gemeente: ..., soort: wsw, bedragen: {...}, bron: ...}")
            continue
        unknown_fields(row, pad, FIELDS, m)
        gemeente = text(get(row, "gemeente", pad, m), f"{pad}.gemeente", m)
        if gemeente and gemeente not in b.gemeenten:
            m.fout(f"{pad}.gemeente",
                   f"onbekende gemeente '{gemeente}'; deelnemers: {', '.join(b.gemeenten)}")
        found.append(Rijksmiddel(
            gemeente=gemeente,
            soort=choice(get(row, "soort", pad, m), f"{pad}.soort", m, tuple(SOORTEN)),
            bedragen=per_year(get(row, "bedragen", pad, m, default={}), f"{pad}.bedragen", m, b.jaren,
                              minimum=0, maximum=MAX_BEDRAG),
            bron=text(get(row, "bron", pad, m), f"{pad}.bron", m)))
    if found:
        _inhabitants(b, m)
    return tuple(found)


def _inhabitants(b: Begroting, m: Meldingen) -> None:
    for i, g in enumerate(b.deelnemers, start=1):
        if not g.inwoners:
            m.fout(f"deelnemers[{i}].inwoners", f"{g.naam} heeft geen inwonertal; nodig voor de eigen "
                   "middelen per inwoner naast de rijksmiddelen")


def by_gemeente(rows: tuple, b: Begroting) -> dict:
    """{gemeente: {jaar: {soort: EUR}}} as pyfuncs.rijksmiddelen.compare_all takes it."""
    result: dict = {}
    for row in rows:
        for y, amount in row.bedragen.items():
            kinds = result.setdefault(row.gemeente, {}).setdefault(y, {})
            kinds[f"{row.soort}:{len(kinds)}"] = amount
    return result


def total_contributions(b: Begroting, res) -> dict:
    """{jaar: (bijdrage, aandeel, totaal) per gemeente}: the bijdrage for products and
    doorbelastingen ROUND(Σ; 2), the share in the saldo, and their sum in whole cents (the
    total bijdrage to the GR that the rijksmiddelen stand against)."""
    result = {}
    for y in b.jaren:
        bijdrage = tuple(excel_round(float(res.productbijdragen[y][i].sum() + res.doorbelastingen[y][i]), 2)
                         for i in range(len(b.gemeenten)))
        aandeel = tuple(float(x) for x in res.saldo_gemeenten[y])
        totaal = tuple(from_cents(to_cents(a) + to_cents(s)) for a, s in zip(bijdrage, aandeel, strict=True))
        result[y] = (bijdrage, aandeel, totaal)
    return result


def own_means(b: Begroting, totaal: dict, rijksmiddelen: tuple) -> tuple:
    """What each gemeente pays from its own algemene middelen (core: compare_all), per
    gemeente per year, then the "Totaal" per year; () without rijksmiddelen.
    totaal: {jaar: total bijdrage per gemeente}."""
    if not rijksmiddelen:
        return ()
    bijdragen = {g: {y: totaal[y][i] for y in b.jaren} for i, g in enumerate(b.gemeenten)}
    inwoners = {g.naam: int(g.inwoners) for g in b.deelnemers}
    rows = compare_all(bijdragen, by_gemeente(rijksmiddelen, b), inwoners)
    return rows + add_up_own_means(rows)


def own_means_of(b: Begroting, res) -> tuple:
    """own_means of the begroting itself, with its own rijksmiddelen."""
    totals = total_contributions(b, res)
    return own_means(b, {y: t[2] for y, t in totals.items()}, b.rijksmiddelen)
