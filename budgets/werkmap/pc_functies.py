"""The sheets "Weerstandsvermogen", "P&C-controle" and "Financiële functies" on Werkom
figures (DOMAIN: meerjarenraming 2022–2026); risks, reserves and quarterly
realisations are illustrative and the sheets say so."""

from budgets.werkmap.opmaak import CONSTANT_COLUMN, FIRST_VALUE_COLUMN, Blad, area, ref

D = FIRST_VALUE_COLUMN
C = CONSTANT_COLUMN
GEEN_TWEELING = ("Geen Excel-tweeling: een Monte-Carlosimulatie met een vaste startwaarde kan Excel "
                 "niet met gewone formules nabootsen. Vergelijk met de verwachte waarde: "
                 "SUMPRODUCT(kansen; (minimum + maximum) / 2).")


def fill_weerstand(blad: Blad, uitleg: dict[str, str]) -> None:
    blad.text("Weerstandsvermogen: ratio, klasse (NAR-schaal) en risicosimulatie", "Kop")
    blad.text("Reserve en risico's zijn illustratief (niet gepubliceerd voor Werkom).")
    _ratio(blad, uitleg)
    _klasse(blad, uitleg)
    _simulatie(blad, uitleg)


def fill_controle(blad: Blad, uitleg: dict[str, str]) -> None:
    blad.text("P&C-controle: begroting tot en met het kwartaal, afwijkingen en prognose (2024)", "Kop")
    blad.text("Jaarbegroting 2024 uit de meerjarenraming van Werkom; realisaties zijn illustratief.")
    _tijdsevenredig(blad, uitleg)
    _afwijking(blad, uitleg)
    _volumeprijs(blad, uitleg)
    _prognose(blad, uitleg)


def fill_financieel(blad: Blad, uitleg: dict[str, str]) -> None:
    blad.text("Financiële functies: indexatie, contante waarde en kapitaallasten", "Kop")
    blad.text("Rente, indexcijfers en de investering zijn illustratief.")
    _indexeer(blad, uitleg)
    _contantewaarde(blad, uitleg)
    _kapitaallasten(blad, uitleg, "lineair")
    _kapitaallasten(blad, uitleg, "annuitair")


def _ratio(blad: Blad, uitleg: dict[str, str]) -> None:
    blad.heading("PB_WEERSTANDSRATIO", uitleg["PB_WEERSTANDSRATIO"])
    have = blad.inputs("Beschikbare weerstandscapaciteit", "euro", constante=1_500_000,
                       bron="algemene reserve + post onvoorzien")
    need = blad.inputs("Benodigde weerstandscapaciteit", "euro", constante=1_200_000,
                       bron="uit de risicosimulatie hieronder, afgerond")
    blad.result("PB_WEERSTANDSRATIO", f"=PB_WEERSTANDSRATIO({ref(have, C)},{ref(need, C)})", (1, 1),
                lambda i, j, cel: f"={ref(have, C)}/{ref(need, C)}", "Excel: beschikbaar / benodigd",
                rijlabels=("Ratio",), eenheid="factor")


NAR = ((-1e99, "F", "ruim onvoldoende"), (0.6, "E", "onvoldoende"), (0.8, "D", "matig"),
       (1.0, "C", "voldoende"), (1.4, "B", "ruim voldoende"), (2.0, "A", "uitstekend"))


def _klasse(blad: Blad, uitleg: dict[str, str]) -> None:
    blad.heading("PB_WEERSTANDSKLASSE", uitleg["PB_WEERSTANDSKLASSE"])
    blad.labels("NAR-schaal (oplopend)", ("ondergrens", "klasse", "omschrijving"))
    first = blad.row
    for row in NAR:
        bound = blad.inputs("", "", row, bron="F: geen ondergrens" if row[1] == "F" else "")
        blad.sheet.cell(row=bound, column=D).number_format = '[<0]"geen";0.0'  # F: no lower bound
    value = blad.inputs("Ratio", "factor", constante=1.25)
    text = blad.inputs("Met omschrijving", "WAAR/ONWAAR", constante=True)
    bounds, letters, words = (area(first, D + k, len(NAR), 1, True) for k in range(3))
    match = f"MATCH({ref(value, C)},{bounds},1)"
    blad.result("PB_WEERSTANDSKLASSE", f"=PB_WEERSTANDSKLASSE({ref(value, C)},{ref(text, C)})", (1, 1),
                lambda i, j, cel: (f'=INDEX({letters},{match})&IF({ref(text, C)},'
                                   f'" – "&INDEX({words},{match}),"")'),
                "Excel: INDEX/MATCH op de NAR-schaal", rijlabels=("Klasse",))


RISICOS = (("Daling netto toegevoegde waarde", 0.3, 200_000, 800_000),
           ("Hogere loonkosten door cao", 0.5, 100_000, 400_000),
           ("Uitval grote opdrachtgever", 0.1, 300_000, 1_000_000),
           ("Lagere Rijksbijdrage Wsw", 0.25, 150_000, 500_000))


def _simulatie(blad: Blad, uitleg: dict[str, str]) -> None:
    blad.heading("PB_RISICOSIMULATIE", uitleg["PB_RISICOSIMULATIE"])
    blad.labels("Risicoregister", ("kans", "minimum", "maximum"))
    first = blad.row
    for name, *row in RISICOS:
        blad.inputs(name, "fractie / euro", row, bron="illustratief")
    sure = blad.inputs("Zekerheid", "fractie", constante=0.9)
    draws = blad.inputs("Trekkingen", "aantal", constante=10_000)
    seed = blad.inputs("Startwaarde", "getal", constante=1)
    n = len(RISICOS)
    formule = (f"=PB_RISICOSIMULATIE({area(first, D, n, 1)},{area(first, D + 1, n, 2)},{ref(sure, C)},"
               f"{ref(draws, C)},{ref(seed, C)})")
    blad.result("PB_RISICOSIMULATIE", formule, (1, 1), None, GEEN_TWEELING,
                rijlabels=("Benodigde capaciteit",), eenheid="euro")


def _tijdsevenredig(blad: Blad, uitleg: dict[str, str]) -> None:
    blad.heading("PB_TIJDSEVENREDIG", uitleg["PB_TIJDSEVENREDIG"])
    quarter = blad.inputs("Kwartaal", "1–4", constante=2)
    numbers = blad.labels("Kwartaal nummer", (1, 2, 3, 4))
    profile = blad.inputs("Profiel", "gewicht", (0.24, 0.24, 0.24, 0.28), bron="december zwaarder")
    first = blad.inputs("Kosten 2024", "euro", constante=31_042_000, bron="Werkom meerjarenraming")
    blad.inputs("Inkomsten 2024", "euro", constante=28_459_000, bron="Werkom meerjarenraming")
    weights = area(profile, D, 1, 4, True)
    formule = f"=PB_TIJDSEVENREDIG({area(first, C, 2, 1)},{ref(quarter, C)},{area(profile, D, 1, 4)})"
    blad.result("PB_TIJDSEVENREDIG", formule, (2, 1),
                lambda i, j, cel: (f"={ref(first + i, C)}*SUMPRODUCT(({area(numbers, D, 1, 4, True)}"
                                   f"<={ref(quarter, C, True)})*{weights})/SUM({weights})"),
                "Excel: jaarbedrag × SUMPRODUCT(gewichten t/m het kwartaal) / SUM(gewichten)",
                rijlabels=("Kosten t/m kwartaal", "Inkomsten t/m kwartaal"), eenheid="euro")


AFWIJKINGEN = (("Personeelskosten", 12_500_000, 12_900_000, "lasten"),
               ("Materiële kosten", 1_800_000, 1_750_000, "lasten"),
               ("Netto toegevoegde waarde", 3_200_000, 2_950_000, "baten"),
               ("Rijksbijdrage Wsw", 6_200_000, 6_210_000, "baten"))


def _afwijking(blad: Blad, uitleg: dict[str, str]) -> None:
    blad.heading("PB_AFWIJKING", uitleg["PB_AFWIJKING"])
    amount = blad.inputs("Drempel bedrag", "euro", constante=25_000, bron="financiële verordening")
    pct = blad.inputs("Drempel percentage", "fractie", constante=0.05)
    how = blad.inputs("Combinatie", "en/of", constante="en")
    blad.labels("Post t/m kwartaal 2", ("begroot", "realisatie", "soort"))
    first = blad.row
    for name, *row in AFWIJKINGEN:
        blad.inputs(name, "euro", row, bron="illustratief")
    n = len(AFWIJKINGEN)
    formule = (f"=PB_AFWIJKING({area(first, D, n, 1)},{area(first, D + 1, n, 1)},{area(first, D + 2, n, 1)},"
               f"{ref(amount, C)},{ref(pct, C)},{ref(how, C)})")
    limits = (ref(amount, C, True), ref(pct, C, True), ref(how, C, True))
    blad.result("PB_AFWIJKING", formule, (n, 4),
                lambda i, j, cel: _afwijking_twin(first + i, j, i, cel, limits),
                "Excel: verschil, verschil / ABS(begroot), IF voor V/N en AND/OR voor de drempels",
                kolommen=("verschil", "percentage", "V/N", "toelichten"),
                rijlabels=[a[0] for a in AFWIJKINGEN])


def _afwijking_twin(row: int, j: int, i: int, cel, limits: tuple[str, str, str]) -> str:
    budget, actual, kind = (ref(row, D + k) for k in range(3))
    diff, share = cel(i, 0), cel(i, 1)
    amount, pct, how = limits
    if j == 0:
        return f"={actual}-{budget}"
    if j == 1:
        return f'=IF({budget}=0,"",{diff}/ABS({budget}))'
    if j == 2:
        return f'=IF({diff}=0,"",IF(({diff}>0)=({kind}="lasten"),"N","V"))'
    over = f"ABS({diff})>{amount},ABS({share})>{pct}"
    return f'=IF({how}="en",AND({over}),OR({over}))'


def _volumeprijs(blad: Blad, uitleg: dict[str, str]) -> None:
    blad.heading("PB_VOLUMEPRIJSEFFECT", uitleg["PB_VOLUMEPRIJSEFFECT"])
    blad.labels("Product 2024", ("begroot volume", "normprijs", "werkelijk volume", "werkelijke kosten"))
    data = (("Beschut werk", 131, 13_750, 125, 1_750_000),
            ("Begeleiding regulier intern", 37, 10_000, 40, 410_000),
            ("Begeleiding regulier extern", 200, 4_000, 180, 700_000))
    first = blad.row
    for name, *row in data:
        blad.inputs(name, "volume / euro", row, bron="werkelijk: illustratief")
    n = len(data)
    formule = f"=PB_VOLUMEPRIJSEFFECT({','.join(area(first, D + k, n, 1) for k in range(4))})"

    def twin(i: int, j: int, cel) -> str:
        budget, price, volume, cost = (ref(first + i, D + k) for k in range(4))
        if j == 0:
            return f"=ROUND(({volume}-{budget})*{price},2)"
        return f"=ROUND({cost}-{budget}*{price},2)-{cel(i, 0)}"

    blad.result("PB_VOLUMEPRIJSEFFECT", formule, (n, 2), twin,
                "Excel: ROUND((werkelijk − begroot volume) × normprijs; 2) en de rest van de afwijking",
                kolommen=("volume-effect", "prijseffect"), rijlabels=[d[0] for d in data], eenheid="euro")


def _prognose(blad: Blad, uitleg: dict[str, str]) -> None:
    blad.heading("PB_PROGNOSE", uitleg["PB_PROGNOSE"])
    quarter = blad.inputs("Kwartaal", "1–4", constante=2)
    how = blad.inputs("Methode", "lineair/begroting", constante="lineair")
    blad.labels("Post", ("realisatie t/m", "jaarbegroting"))
    first = blad.inputs("Kosten", "euro", (15_800_000, 31_042_000), bron="realisatie: illustratief")
    blad.inputs("Inkomsten", "euro", (13_900_000, 28_459_000), bron="realisatie: illustratief")
    q, m = ref(quarter, C, True), ref(how, C, True)
    formule = (f"=PB_PROGNOSE({area(first, D, 2, 1)},{ref(quarter, C)},{area(first, D + 1, 2, 1)},"
               f"{ref(how, C)})")

    def twin(i: int, j: int, cel) -> str:
        actual, budget = ref(first + i, D), ref(first + i, D + 1)
        return f'=IF({m}="lineair",{actual}*4/{q},{actual}+{budget}*(4-{q})/4)'

    blad.result("PB_PROGNOSE", formule, (2, 1), twin, "Excel: realisatie × 4 / kwartaal (lineair)",
                rijlabels=("Kosten", "Inkomsten"), eenheid="euro")


def _indexeer(blad: Blad, uitleg: dict[str, str]) -> None:
    blad.heading("PB_INDEXEER", uitleg["PB_INDEXEER"])
    years = (2023, 2024, 2025, 2026)
    blad.labels("Jaar", years)
    amount = blad.inputs("Normprijs beschut werk 2022", "euro per fte", constante=13_750)
    pct = blad.inputs("Indexatie", "fractie", (0.035, 0.03, 0.025, 0.02), bron="illustratief")

    def twin(i: int, j: int, cel) -> str:
        previous = ref(amount, C, True) if j == 0 else cel(0, j - 1)
        return f"={previous}*(1+{ref(pct, D + j)})"

    blad.result("PB_INDEXEER", f"=PB_INDEXEER({ref(amount, C)},{area(pct, D, 1, len(years))})",
                (1, len(years)), twin, "Excel: vorig bedrag × (1 + indexatie)", kolommen=years,
                rijlabels=("Geïndexeerd",), eenheid="euro per fte")


def _contantewaarde(blad: Blad, uitleg: dict[str, str]) -> None:
    blad.heading("PB_CONTANTEWAARDE", uitleg["PB_CONTANTEWAARDE"])
    blad.labels("Jaar", (2022, 2023, 2024, 2025, 2026))
    rate = blad.inputs("Rente", "fractie", constante=0.03, bron="illustratief")
    flows = blad.inputs("Resultaat", "euro", (-1_055_000, -1_797_000, -2_583_000, -2_912_000, -2_936_000),
                        bron="Werkom meerjarenraming 2022–2026, in euro's")
    blad.result("PB_CONTANTEWAARDE", f"=PB_CONTANTEWAARDE({ref(rate, C)},{area(flows, D, 1, 5)})", (1, 1),
                lambda i, j, cel: f"=NPV({ref(rate, C)},{area(flows, D, 1, 5)})", "Excel: NPV (NHW)",
                rijlabels=("Contante waarde",), eenheid="euro")


def _kapitaallasten(blad: Blad, uitleg: dict[str, str], methode: str) -> None:
    blad.heading("PB_KAPITAALLASTEN", uitleg["PB_KAPITAALLASTEN"])
    numbers = blad.labels("Jaar", (1, 2, 3, 4, 5))
    cost = blad.inputs("Investering", "euro", constante=2_000_000,
                       bron="illustratief: renovatie bedrijfspand")
    rate = blad.inputs("Rente", "fractie", constante=0.03)
    years = blad.inputs("Looptijd", "jaren", constante=5)
    how = blad.inputs("Methode", "lineair/annuitair", constante=methode)
    i_, r_, n_, m_ = (ref(x, C, True) for x in (cost, rate, years, how))
    formule = f"=PB_KAPITAALLASTEN({ref(cost, C)},{ref(rate, C)},{ref(years, C)},{ref(how, C)})"

    def twin(i: int, j: int, cel) -> str:
        year = ref(numbers, D + j)
        return f'=IF({m_}="annuitair",-PMT({r_},{n_},{i_}),{i_}/{n_}+{r_}*({i_}-{i_}/{n_}*({year}-1)))'

    blad.result("PB_KAPITAALLASTEN", formule, (1, 5), twin,
                "Excel: afschrijving + rente over de boekwaarde, of −PMT (BET) bij annuïtair",
                kolommen=(1, 2, 3, 4, 5), rijlabels=(f"Kapitaallasten {methode}",), eenheid="euro")
