"""The Productbegroting (volume × normprijs per product per year) and Bijdragen
(per gemeente per product, per gemeente per year) sheets."""

from budgets.excel.formaten import AANTAL, EURO_CENT
from budgets.spec import secties as S
from budgets.spec.model import Begroting
from budgets.spec.resultaten import Resultaten
from budgets.werkboek.plan import (
    Blad,
    _label,
    _year_values,
    col,
    header_row,
    line,
    prev,
    ref,
    standard_widths,
)

PB, BIJ = "Productbegroting", "Bijdragen"
FIRST = 5


def layout_productbegroting(b: Begroting) -> dict:
    """Rows: ("normprijs"|"teken"|"totaal"|"bedrag", product) and ("volume", product, gemeente)."""
    rows, r = {}, FIRST
    for p in b.producten:
        rows[("kop", p.naam)] = r
        rows[("teken", p.naam)] = r + 1
        rows[("normprijs", p.naam)] = r + 2
        r += 3
        for g in b.gemeenten:
            rows[("volume", p.naam, g)] = r
            r += 1
        rows[("totaal", p.naam)] = r
        rows[("bedrag", p.naam)] = r + 1
        r += 3
    return rows


def layout_bijdragen(b: Begroting) -> dict:
    rows, r = {}, FIRST
    for g in b.gemeenten:
        rows[("kop", g)] = r
        r += 1
        for p in b.producten:
            rows[("product", g, p.naam)] = r
            r += 1
        rows[("producten", g)] = r
        r += 1
        for i, d in enumerate(b.doorbelastingen, start=1):
            if d.gemeente == g:
                rows[("doorbelasting", i)] = r
                r += 1
        rows[("totaal", g)] = r
        r += 2
    for block in ("excl", "door", "incl"):
        rows[("blok", block)] = r
        r += 1
        for g in b.gemeenten:
            rows[(block, g)] = r
            r += 1
        rows[(block, "totaal")] = r
        r += 2
    rows[("blok", "product")] = r
    r += 1
    for p in b.producten:
        rows[("per_product", p.naam)] = r
        r += 1
    rows[("per_product", "totaal")] = r
    return rows


def build_productbegroting(b: Begroting, res: Resultaten, pos: dict, L: dict) -> Blad:
    blad = Blad(PB)
    blad.tekst(1, 1, f"Productbegroting – volume × normprijs – {b.naam}", "titel")
    header_row(blad, 3, b.jaren, pos[("algemeen", "van")])
    for pi, p in enumerate(b.producten):
        _price(blad, b, pos, L[PB], p)
        _volumes(blad, b, res, pos, L, p, pi)
    standard_widths(blad, b.jaren)
    blad.bevriezen = "E4"
    return blad


def _price(blad: Blad, b: Begroting, pos: dict, rows: dict, p) -> None:
    """The sign (cost or operationeel resultaat) and the normprijs per year."""
    u = pos[("product", p.naam)]
    soort_cell = ref(S.BLAD, f"${col(S.trailing_column(S.PRODUCTEN['soort'], b.jaren))}${u}")
    _label(blad, rows[("kop", p.naam)], p.naam, p.eenheid, "kop")
    r = rows[("teken", p.naam)]
    _label(blad, r, "Teken (1 = bijdrage, -1 = operationeel resultaat)", "teken")
    blad.zet(r, 3, f'=IF({soort_cell}="operationeel_resultaat",-1,1)', "berekening", "0", p.teken)
    r = rows[("normprijs", p.naam)]
    first_year = pos[("algemeen", "van")]
    if p.basisprijs is None:
        formula, stijl = (lambda c: f"={ref(S.BLAD, f'{c}{u}')}"), "koppeling"
    else:
        blad.zet(r, 3, f"={ref(S.BLAD, f'$C${u}')}", "koppeling", EURO_CENT, p.basisprijs)
        formula = lambda c: f"=IF({c}$3={first_year},$C{r},{prev(c)}{r})*(1+{ref(S.BLAD, f'{c}{u}')}/100)"  # noqa: E731
        stijl = "berekening"
    label = f"Normprijs {p.soort.replace('_', ' ')}"
    line(blad, b, r, label, f"EUR/{p.eenheid}", formula, p.normprijs, stijl, EURO_CENT, total=False)


def _volumes(blad: Blad, b: Begroting, res: Resultaten, pos: dict, L: dict, p, pi: int) -> None:
    """Volumes per gemeente (inputs, or totals × the key's share), their total, the normbedrag."""
    rows = L[PB]
    for gi, g in enumerate(b.gemeenten):
        parts = _volume_parts(b, pos, L, p.naam, g)
        line(blad, b, rows[("volume", p.naam, g)], f"Volume {g}", p.eenheid,
             lambda c, parts=parts: "=" + ("+".join(x.format(c=c) for x in parts) or "0"),
             lambda y, gi=gi: float(b.volumes_matrix(y)[gi, pi]), fmt=AANTAL)
    first, last = rows[("volume", p.naam, b.gemeenten[0])], rows[("volume", p.naam, b.gemeenten[-1])]
    t, n, k = rows[("totaal", p.naam)], rows[("normprijs", p.naam)], rows[("teken", p.naam)]
    line(blad, b, t, "Volume totaal", p.eenheid, lambda c: f"=SUM({c}{first}:{c}{last})",
         lambda y: float(b.volumes_matrix(y)[:, pi].sum()), "totaal", AANTAL)
    line(blad, b, rows[("bedrag", p.naam)], "Normbedrag (bijdrage gemeenten)", "EUR",
         lambda c: f"={c}{t}*{c}{n}*$C${k}", lambda y: float(res.productbijdragen[y][:, pi].sum()), "totaal")


def _volume_parts(b: Begroting, pos: dict, L: dict, product: str, gemeente: str) -> list[str]:
    """The terms of a volume formula: inputs for this gemeente, totals × the key's share."""
    parts = []
    for i, v in enumerate(b.volumes, start=1):
        if v.product != product:
            continue
        cell = ref(S.BLAD, f"{{c}}{pos[('volume', i)]}")
        if v.gemeente == gemeente:
            parts.append(cell)
        elif v.gemeente is None:
            share = L["Verdeling"][("aandeel", v.verdeelsleutel, gemeente)]
            parts.append(f"{cell}*Verdeling!{{c}}{share}")
    return parts


def build_bijdragen(b: Begroting, res: Resultaten, pos: dict, L: dict) -> Blad:
    blad = Blad(BIJ)
    title = f"Bijdragen per gemeente – {b.naam} (+ = gemeente betaalt, − = gemeente ontvangt)"
    blad.tekst(1, 1, title, "titel")
    header_row(blad, 3, b.jaren, pos[("algemeen", "van")])
    for gi, g in enumerate(b.gemeenten):
        _gemeente(blad, b, res, pos, L, g, gi)
    _summary(blad, b, res, L[BIJ])
    _per_product(blad, b, res, L[BIJ], L[PB])
    standard_widths(blad, b.jaren)
    blad.bevriezen = "E4"
    return blad


def _gemeente(blad: Blad, b: Begroting, res: Resultaten, pos: dict, L: dict, g: str, gi: int) -> None:
    """One gemeente: bijdrage per product, subtotal, doorbelastingen, total."""
    rows, pb = L[BIJ], L[PB]
    _label(blad, rows[("kop", g)], g, "", "kop")
    for pi, p in enumerate(b.producten):
        v, n, k = pb[("volume", p.naam, g)], pb[("normprijs", p.naam)], pb[("teken", p.naam)]
        line(blad, b, rows[("product", g, p.naam)], p.naam, "EUR",
             lambda c, v=v, n=n, k=k: f"={PB}!{c}{v}*{PB}!{c}{n}*{PB}!$C${k}",
             lambda y, pi=pi: float(res.productbijdragen[y][gi, pi]))
    first, last = rows[("product", g, b.producten[0].naam)], rows[("product", g, b.producten[-1].naam)]
    sub, tot = rows[("producten", g)], rows[("totaal", g)]
    line(blad, b, sub, f"Productbijdragen {g}", "EUR", lambda c: f"=SUM({c}{first}:{c}{last})",
         lambda y: float(res.productbijdragen[y][gi].sum()), "totaal")
    for i, d in enumerate(b.doorbelastingen, start=1):
        if d.gemeente == g:
            u = pos[("doorbelasting", i)]
            line(blad, b, rows[("doorbelasting", i)], f"Doorbelasting: {d.naam}", "EUR",
                 lambda c, u=u: f"={ref(S.BLAD, f'{c}{u}')}", lambda y, d=d: float(d.bedragen.get(y, 0.0)),
                 "koppeling")
    line(blad, b, tot, f"Totaal {g} incl. doorbelastingen", "EUR", lambda c: f"=SUM({c}{sub}:{c}{tot - 1})",
         lambda y: float(res.productbijdragen[y][gi].sum() + res.doorbelastingen[y][gi]), "totaal")


def _summary(blad: Blad, b: Begroting, res: Resultaten, rows: dict) -> None:
    titles = {
        "excl": ("Bijdrage per gemeente excl. doorbelastingen", "producten"),
        "door": ("Doorbelastingen per gemeente", None),
        "incl": ("Totale bijdrage per gemeente", "totaal"),
    }
    values = {
        "excl": lambda y, gi: float(res.productbijdragen[y][gi].sum()),
        "door": lambda y, gi: float(res.doorbelastingen[y][gi]),
        "incl": lambda y, gi: float(res.productbijdragen[y][gi].sum() + res.doorbelastingen[y][gi]),
    }
    for block, (title, source) in titles.items():
        _label(blad, rows[("blok", block)], title, "", "kop")
        for gi, g in enumerate(b.gemeenten):
            r = rows[(block, g)]
            _label(blad, r, g, "EUR")
            if source is None:
                formula = lambda c, g=g: f"={c}{rows[('totaal', g)]}-{c}{rows[('producten', g)]}"  # noqa: E731
            else:
                formula = lambda c, g=g, s=source: f"={c}{rows[(s, g)]}"  # noqa: E731
            _year_values(blad, b, r, formula, lambda y, gi=gi, f=values[block]: f(y, gi))
        first, last = rows[(block, b.gemeenten[0])], rows[(block, b.gemeenten[-1])]
        _label(blad, rows[(block, "totaal")], "Totaal", "EUR", "totaal")
        _year_values(
            blad,
            b,
            rows[(block, "totaal")],
            lambda c, f=first, la=last: f"=SUM({c}{f}:{c}{la})",
            lambda y, f=values[block]: sum(f(y, gi) for gi in range(len(b.gemeenten))),
            "totaal",
        )


def _per_product(blad: Blad, b: Begroting, res: Resultaten, rows: dict, pb: dict) -> None:
    _label(blad, rows[("blok", "product")], "Bijdrage per product", "", "kop")
    for pi, p in enumerate(b.producten):
        r = rows[("per_product", p.naam)]
        _label(blad, r, p.naam, "EUR")
        _year_values(
            blad,
            b,
            r,
            lambda c, p=p: f"={PB}!{c}{pb[('bedrag', p.naam)]}",
            lambda y, pi=pi: float(res.productbijdragen[y][:, pi].sum()),
            "koppeling",
        )
    first = rows[("per_product", b.producten[0].naam)]
    last = rows[("per_product", b.producten[-1].naam)]
    _label(blad, rows[("per_product", "totaal")], "Totaal", "EUR", "totaal")
    _year_values(
        blad,
        b,
        rows[("per_product", "totaal")],
        lambda c: f"=SUM({c}{first}:{c}{last})",
        lambda y: float(res.productbijdragen[y].sum()),
        "totaal",
    )
