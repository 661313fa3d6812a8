"""The Grafieken output sheet: charts that answer a board's questions, one unit per axis —
the saldo and the algemene reserve over the years against its minimum and maximum (EUR),
the bijdrage per gemeente by product in the begrotingsjaar (EUR), and the weerstandsratio
per year against the norm (ratio)."""

from budgets.excel.formaten import EURO
from budgets.spec.model import Begroting
from budgets.spec.resultaten import Resultaten
from budgets.werkboek.exploitatie import EX
from budgets.werkboek.overzicht import caption
from budgets.werkboek.plan import Blad, col, year_column, year_columns
from budgets.werkboek.product import BIJ
from budgets.werkboek.weerstand import WV
from pyfuncs.weerstand import KLASSEN

NORM = next(bound for bound, letter, _text in KLASSEN if letter == "C")  # the NAR norm "voldoende"

GR = "Grafieken"
CHART_ROWS = 19  # a chart of 340 pixels covers about 17 rows of 20 pixels


def build_grafieken(b: Begroting, res: Resultaten, L: dict, pos: dict) -> Blad | None:
    """The charts the spec supports; None when there is nothing to chart."""
    blad = Blad(GR, soort="uitvoer")
    blad.tekst(1, 1, f"Grafieken – {b.naam}", "titel")
    r = 3
    if b.verdeelt_saldo:
        blad.grafieken.append(_saldo_and_reserve(b, res, L, f"A{r}"))
        r += CHART_ROWS
    if BIJ in L and len(b.producten) and len(b.gemeenten):
        r = _contribution_chart(blad, b, res, L, r)
    if WV in L:
        _ratio_chart(blad, b, res, pos, L, r)
    return blad if blad.grafieken else None


def _saldo_and_reserve(b: Begroting, res: Resultaten, L: dict, anker: str) -> dict:
    """Saldo, reserve at the end of the year, minimum and (when the GR has one) maximum."""
    ex = L[EX]
    rows = [ex["saldo"], ex["eind"], ex["minimum"]]
    labels = ["Saldo (+ overschot, − tekort)", "Algemene reserve, einde jaar", "Minimum reserve"]
    dashed = {"line": {"dash_type": "dash", "width": 1.5}}
    options = {ex["saldo"]: {"line": {"none": True}, "marker": {"type": "square", "size": 7}},
               ex["minimum"]: dashed}
    if any(res.reserve_maximum[y] is not None for y in b.jaren):
        rows.append(ex["maximum"])
        labels.append("Maximum reserve")
        options[ex["maximum"]] = dashed
    return {"soort": "lijn", "titel": "Saldo en algemene reserve met minimum en maximum (EUR)", "blad": EX,
            "rijen": rows, "labels": labels, "reeks": options, "anker": anker, "as": "EUR"}


def _contribution_chart(blad: Blad, b: Begroting, res: Resultaten, L: dict, r: int) -> None:
    """A table (gemeenten × producten, EUR, linked to Bijdragen) under a stacked column chart."""
    jaar, first = b.begrotingsjaar, r + CHART_ROWS
    source = col(year_column(b.jaren, jaar))
    blad.tekst(first, 1, f"Bijdrage per gemeente per product, {jaar} (EUR)", "kop")
    first += 1
    blad.tekst(first, 1, "Gemeente", "kop")
    for j, p in enumerate(b.producten, start=2):
        blad.tekst(first, j, p.naam, "kop")
    for gi, g in enumerate(b.gemeenten, start=1):
        row = first + gi
        blad.tekst(row, 1, g)
        for j, p in enumerate(b.producten, start=2):
            blad.zet(row, j, f"={BIJ}!{source}{L[BIJ][('product', g, p.naam)]}", "koppeling", EURO,
                     float(res.productbijdragen[jaar][gi - 1][j - 2]))
    last = first + len(b.gemeenten)
    widths = {col(j): max(14, len(p.naam) + 2) for j, p in enumerate(b.producten, start=2)}
    blad.breedtes.update({"A": 28, **widths})
    series = [{"name": [GR, first - 1, j - 1], "categories": [GR, first, 0, last - 1, 0],
               "values": [GR, first, j - 1, last - 1, j - 1]} for j in range(2, 2 + len(b.producten))]
    blad.grafieken.append({"soort": "column", "subtype": "stacked", "reeksen": series, "anker": f"A{r}",
                           "titel": f"Bijdrage per gemeente per product, {jaar} (EUR)", "as": "EUR",
                           "x_as": "gemeente"})
    return last + 2


def _ratio_chart(blad: Blad, b: Begroting, res: Resultaten, pos: dict, L: dict, r: int) -> None:
    """The weerstandsratio per year against the norm "voldoende" (klasse C of the NAR scale),
    from a table linked to Weerstandsvermogen and Uitgangspunten, under a line chart."""
    blad.tekst(r + CHART_ROWS, 1, "Ratio weerstandsvermogen en de norm", "kop")
    first = r + CHART_ROWS + 1
    blad.tekst(first, 1, "Jaar", "kop")
    for j, jaar in enumerate(b.jaren, start=2):
        blad.tekst(first, j, caption(b, jaar), "kop")
    rows = ((first + 1, "Ratio weerstandsvermogen", lambda s: f"={WV}!{s}{L[WV]['ratio']}",
             lambda y: "" if res.ratio[y] is None else res.ratio[y]),
            (first + 2, "Norm: voldoende (klasse C)", lambda s: f"={pos[('vast', 'grens', 'C')]}",
             lambda y: NORM))
    for row, label, formula, expected in rows:
        blad.tekst(row, 1, label)
        for j, (jaar, kolom) in enumerate(year_columns(b.jaren), start=2):
            blad.zet(row, j, formula(col(kolom)), "koppeling", "0.00", expected(jaar))
    last_col = len(b.jaren)  # zero-based: the years stand in columns B onwards
    series = [{"name": [GR, row - 1, 0], "categories": [GR, first - 1, 1, first - 1, last_col],
               "values": [GR, row - 1, 1, row - 1, last_col], **style}
              for (row, *_rest), style in zip(rows, ({"marker": {"type": "square", "size": 7}},
                                                     {"line": {"dash_type": "dash", "width": 1.5}}),
                                              strict=True)]
    blad.grafieken.append({"soort": "lijn", "reeksen": series, "anker": f"A{r}", "as": "ratio",
                           "titel": "Ratio weerstandsvermogen per jaar tegen de norm (voldoende = 1,0)",
                           "getalnotatie": "0.0"})
