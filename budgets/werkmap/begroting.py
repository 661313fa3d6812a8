"""The sheets "Begroting" and "Verdeling en saldo": the productbegroting functions on
Werkom figures (DOMAIN: Berenschot 001, §1.3 and §4.6.2; prices from §5.2).

The split of volumes over Zaanstad and Purmerend is not published: those figures are
illustrative (2/3 and 1/3, like Werkom's PW-budget) and the sheet says so.
"""

from budgets.excel.formules import reserve_mutatie
from budgets.werkmap.doelgroep import fill_doelgroep
from budgets.werkmap.opmaak import CONSTANT_COLUMN, FIRST_VALUE_COLUMN, Blad, area, ref

D = FIRST_VALUE_COLUMN
C = CONSTANT_COLUMN

JAREN = (2022, 2023, 2024, 2025, 2026)
PRODUCTEN = ("Re-integratie", "Wsw", "Beschut werk", "Begeleiding regulier intern",
             "Begeleiding regulier extern")
EENHEDEN = ("plekken", "fte", "fte", "fte", "personen")
VOLUMES = ((1500, 1450, 1400, 1400, 1400), (448, 430, 415, 400, 390), (70, 105, 131, 131, 131),
           (37, 37, 37, 37, 37), (100, 150, 200, 200, 200))
NORMPRIJZEN = (3500, -600, 13750, 10000, 4000)
PRIJSBRONNEN = ("markt € 3.000–€ 4.000 (§5.2)", "Cedris 2021: resultaat + € 600/fte gaat terug",
                "€ 11.000 per persoon = € 13.750 per fte", "€ 8.000 per persoon = € 10.000 per fte",
                "SZW, caseload 25")
GEMEENTEN = ("Zaanstad", "Purmerend")
VOLUMES_2024 = ((933, 277, 87, 25, 133), (467, 138, 44, 12, 67))
ILLUSTRATIEF = "illustratief (2/3 en 1/3)"


def fill_begroting(blad: Blad, uitleg: dict[str, str]) -> None:
    blad.text("Begroting: volumes × normprijzen (Werkom, meerjarenraming 2022–2026)", "Kop")
    blad.text("Gele cellen zijn invoer. Blauw = Python-functie, groen = dezelfde som met gewone "
              "Excel-formules. Bedragen in euro; + = bijdrage van de gemeente.")
    blad.text("De verdeling van de volumes over Zaanstad en Purmerend is niet gepubliceerd: hier "
              "illustratief 2/3 en 1/3, zoals het PW-budget.")
    _normbedrag(blad, uitleg)
    _bijdrage(blad, uitleg)
    _bijdragetabel(blad, uitleg)
    fill_doelgroep(blad, uitleg)


def fill_verdeling(blad: Blad, uitleg: dict[str, str]) -> None:
    blad.text("Verdeling en saldo: afrekening, verdeelsleutels en het saldo (Werkom 2024)", "Kop")
    blad.text("Werkom verdeelt het PW-budget 2/3 Zaanstad, 1/3 Purmerend; hier als sleutels 2 en 1.")
    _afrekening(blad, uitleg)
    _verdeel(blad, uitleg)
    _saldoverdeling(blad, uitleg)


def _normbedrag(blad: Blad, uitleg: dict[str, str]) -> None:
    blad.heading("PB_NORMBEDRAG", uitleg["PB_NORMBEDRAG"])
    header = blad.labels("Product", JAREN)
    blad.put(header, C, "normprijs", "Kop")
    first = blad.row
    for product, unit, volumes, price, source in zip(PRODUCTEN, EENHEDEN, VOLUMES, NORMPRIJZEN,
                                                     PRIJSBRONNEN, strict=True):
        blad.inputs(product, unit, volumes, constante=price, bron=source)
    rows, columns = len(PRODUCTEN), len(JAREN)
    formule = f"=PB_NORMBEDRAG({area(first, D, rows, columns)},{area(first, C, rows, 1)})"
    blad.result("PB_NORMBEDRAG", formule, (rows, columns),
                lambda i, j, cel: f"={ref(first + i, D + j)}*{ref(first + i, C)}",
                "Excel: volume × normprijs per cel", kolommen=JAREN, rijlabels=PRODUCTEN, eenheid="euro")


def _bijdrage(blad: Blad, uitleg: dict[str, str]) -> None:
    blad.heading("PB_BIJDRAGE", uitleg["PB_BIJDRAGE"])
    blad.labels("Volumes 2024", PRODUCTEN)
    prices = blad.inputs("Normprijs", "euro", NORMPRIJZEN)
    first = blad.row
    for gemeente, volumes in zip(GEMEENTEN, VOLUMES_2024, strict=True):
        blad.inputs(gemeente, "volume", volumes, bron=ILLUSTRATIEF)
    width = len(PRODUCTEN)
    formule = f"=PB_BIJDRAGE({area(first, D, len(GEMEENTEN), width)},{area(prices, D, 1, width)})"
    blad.result("PB_BIJDRAGE", formule, (len(GEMEENTEN), 1),
                lambda i, j, cel: (f"=SUMPRODUCT({area(first + i, D, 1, width)},"
                                   f"{area(prices, D, 1, width, True)})"),
                "Excel: SUMPRODUCT(volumes; normprijzen)", rijlabels=GEMEENTEN, eenheid="euro")


TABEL = (("Zaanstad", "Beschut werk", 2025, 87), ("Zaanstad", "Beschut werk", 2026, 87),
         ("Zaanstad", "Begeleiding regulier extern", 2025, 133),
         ("Zaanstad", "Begeleiding regulier extern", 2026, 133),
         ("Purmerend", "Beschut werk", 2025, 44), ("Purmerend", "Beschut werk", 2026, 44),
         ("Purmerend", "Begeleiding regulier extern", 2025, 67),
         ("Purmerend", "Begeleiding regulier extern", 2026, 67))
PRIJZEN = (("Beschut werk", 2025, 13750), ("Beschut werk", 2026, 14094),
           ("Begeleiding regulier extern", 2025, 4000), ("Begeleiding regulier extern", 2026, 4100))


def _bijdragetabel(blad: Blad, uitleg: dict[str, str]) -> None:
    blad.heading("PB_BIJDRAGETABEL", uitleg["PB_BIJDRAGETABEL"])
    prices_top = blad.inputs("Normprijzen (met kopregel)", "", ("product", "jaar", "normprijs"))
    for row in PRIJZEN:
        blad.inputs("", "euro", row)
    table_top = blad.inputs("Tabel (met kopregel)", "", ("gemeente", "product", "jaar", "volume"),
                            bron=ILLUSTRATIEF)
    blad.put(table_top, D + 5, "normprijs (Excel)", "Kop")
    blad.put(table_top, D + 6, "bijdrage (Excel)", "Kop")
    n, m = len(TABEL), len(PRIJZEN)
    p = (prices_top + 1, prices_top + m)
    for row in TABEL:
        r = blad.inputs("", "", row)
        blad.put(r, D + 5, f"=SUMIFS({_col(D + 2, p)},{_col(D, p)},{ref(r, D + 1)},{_col(D + 1, p)},"
                           f"{ref(r, D + 2)})", "Excel-tweeling")
        blad.put(r, D + 6, f"={ref(r, D + 3)}*{ref(r, D + 5)}", "Excel-tweeling")
    t = (table_top + 1, table_top + n)
    formule = f"=PB_BIJDRAGETABEL({area(table_top, D, n + 1, 4)},{area(prices_top, D, m + 1, 3)})"

    def twin(i: int, j: int, cel) -> str:
        if i == 0 and j == 0:
            return f"={ref(table_top, D)}"
        if i == 0:
            return f"={ref(table_top + j, D + 2)}"  # the years of the first rows
        if j == 0:
            return f"={ref(table_top + 1 + (i - 1) * 4, D)}"  # each gemeente's first row
        return f"=SUMIFS({_col(D + 6, t)},{_col(D, t)},{cel(i, 0)},{_col(D + 2, t)},{cel(0, j)})"

    blad.result("PB_BIJDRAGETABEL", formule, (len(GEMEENTEN) + 1, 3), twin,
                "Excel: SUMIFS per product en jaar voor de normprijs, dan SUMIFS per gemeente en jaar")


def _col(column: int, rows: tuple[int, int]) -> str:
    return area(rows[0], column, rows[1] - rows[0] + 1, 1, True)


def _afrekening(blad: Blad, uitleg: dict[str, str]) -> None:
    blad.heading("PB_AFREKENING", uitleg["PB_AFREKENING"])
    blad.labels("Product (2024)", ("begroot", "gerealiseerd", "normprijs", "regel"))
    data = ((1400, 1380, 3500, "minimum"), (415, 408, -600, "realisatie"), (131, 138, 13750, "minimum"),
            (37, 35, 10000, "minimum"), (200, 185, 4000, "begroting"))
    first = blad.row
    for product, row in zip(PRODUCTEN, data, strict=True):
        blad.inputs(product, "volume / euro", row)
    n = len(data)
    args = ",".join(area(first, D + k, n, 1) for k in range(4))

    def twin(i: int, j: int, cel) -> str:
        b, g, p, rule = (ref(first + i, D + k) for k in range(4))
        return f'=ROUND(IF({rule}="realisatie",{g},IF({rule}="begroting",{b},MAX({b},{g})))*{p},2)'

    blad.result("PB_AFREKENING", f"=PB_AFREKENING({args})", (n, 1), twin,
                "Excel: ROUND(MAX(begroot; gerealiseerd) × normprijs; 2), of volgens de regel",
                rijlabels=PRODUCTEN, eenheid="euro")


def _keys(blad: Blad) -> list[int]:
    """Werkom's PW key 2/3 and 1/3 as the inputs 2 and 1, one row per gemeente."""
    return [blad.inputs(f"Sleutel {gemeente}", "aandeel", constante=key)
            for gemeente, key in zip(GEMEENTEN, (2, 1), strict=True)]


def _verdeel(blad: Blad, uitleg: dict[str, str]) -> None:
    blad.heading("PB_VERDEEL", uitleg["PB_VERDEEL"])
    amount = blad.inputs("Te verdelen tekort 2024", "euro", constante=2_583_000,
                         bron="Werkom meerjarenraming: resultaat 2024 (€ −2.583.000)")
    keys = _keys(blad)
    unit = blad.inputs("Eenheid", "euro", constante=0.01, bron="0,01 = centen; 1 = euro's; 1000 = duizenden")
    keys_area = area(keys[0], C, len(keys), 1)
    formule = f"=PB_VERDEEL({ref(amount, C)},{keys_area},{ref(unit, C)})"
    keys_abs = area(keys[0], C, len(keys), 1, True)
    blad.result("PB_VERDEEL", formule, (len(keys), 1),
                lambda i, j, cel: (f"=ROUND({ref(amount, C, True)}*{ref(keys[i], C)}/SUM({keys_abs})"
                                   f"/{ref(unit, C, True)},0)*{ref(unit, C, True)}"),
                "Excel: ROUND(bedrag × sleutel / SUM(sleutels); 2). Die delen tellen niet altijd op tot het "
                "bedrag; de Python-functie legt de laatste cent bij de grootste rest.",
                rijlabels=GEMEENTEN, eenheid="euro")


def _saldoverdeling(blad: Blad, uitleg: dict[str, str]) -> None:
    blad.heading("PB_SALDOVERDELING", uitleg["PB_SALDOVERDELING"])
    saldo = blad.inputs("Saldo 2024", "euro", constante=-2_583_000, bron="− = tekort (Werkom 2024)")
    keys = _keys(blad)
    reserve = blad.inputs("Reserve (stand)", "euro", constante=1_500_000, bron="illustratief")
    low = blad.inputs("Reserve minimum", "euro", constante=500_000, bron="illustratief")
    high = blad.inputs("Reserve maximum", "euro", constante=3_000_000, bron="illustratief")
    s, r, lo, hi = (ref(x, C, True) for x in (saldo, reserve, low, high))
    keys_abs = area(keys[0], C, len(keys), 1, True)
    formule = (f"=PB_SALDOVERDELING({ref(saldo, C)},{area(keys[0], C, len(keys), 1)},{ref(reserve, C)},"
               f"{ref(low, C)},{ref(high, C)})")

    def twin(i: int, j: int, cel) -> str:
        if i == 0:
            return f"={reserve_mutatie(s, r, lo, hi)}"
        return f"=ROUND(({cel(0, 0)}-{s})*{ref(keys[i - 1], C)}/SUM({keys_abs}),2)"

    blad.result("PB_SALDOVERDELING", formule, (len(keys) + 1, 1), twin,
                "Excel: eerst de reserve (tot het minimum of maximum), de rest naar rato van de sleutels; "
                "+ = gemeente betaalt bij, − = ontvangt",
                rijlabels=("Mutatie reserve", *GEMEENTEN), eenheid="euro")
