"""The Excel functions (xlwings UDFs): each body converts what Excel passes and calls the core.

Ranges arrive as a value, a flat list or a list/tuple of rows, empty cells as None (counted
as 0), error cells as "#N/A" and the like (err_to_str=True on every argument: refused with
their place, never read as 0). Blank rows and columns at the end of a range do not count.
Results spill: a list of lists is a block, [[x], [y]] a column, a flat list a row.
"""

from xlwings import arg, func

from pyfuncs import afrekening, doelgroep, financieel, productbegroting, verdeling, weerstand
from pyfuncs import kwartaal as kw
from pyfuncs.fouten import InvoerFout, excel_functie
from pyfuncs.vormen import (
    GRENS,
    as_column,
    cells,
    choice,
    choices,
    flag,
    is_blank,
    matrix,
    number,
    optional_number,
    quarter,
    rows_of,
    vector,
    whole_number,
)

MAX_TREKKINGEN = 1_000_000
MAX_LOOPTIJD = 100


def _aligned(named: dict[str, object]) -> dict[str, list]:
    """Columns of raw cells of equal length (a single cell is repeated for every row); rows
    at the end that are blank in every argument are dropped."""
    raw = {name: cells(value, name) for name, value in named.items()}
    rows = max(len(values) for values in raw.values())
    for name, values in raw.items():
        if len(values) not in (1, rows):
            sizes = " en ".join(f"{n} ({len(v)})" for n, v in raw.items())
            raise InvoerFout(f"{name} heeft niet evenveel rijen als de andere argumenten: {sizes}")
    while rows > 1 and all(len(v) == 1 or is_blank(v[rows - 1]) for v in raw.values()):
        rows -= 1
    return {name: values * rows if len(values) == 1 else values[:rows] for name, values in raw.items()}


def _column_numbers(values: list, argument: str) -> list[float]:
    """A column of raw cells as floats (blank = 0), each refusal naming its row."""
    if values and set(map(type, values)) == {float}:
        total = sum(values)  # NaN anywhere makes it NaN; ±inf fall outside min/max
        if total == total and -GRENS < min(values) and max(values) < GRENS:
            return values
    several = len(values) > 1
    return [cell if type(cell) is float and -GRENS < cell < GRENS
            else number(cell, argument, f" (rij {r + 1})" if several else "")
            for r, cell in enumerate(values)]


def _single_or_column(values: list):
    """One cell in, one value out; a column in, a column out."""
    return values[0] if len(values) == 1 else as_column(values)


@func
@arg("volumes", err_to_str=True, ndim=2, doc="Volumes: producten in rijen, jaren in kolommen (plekken, fte of personen).")
@arg("normprijzen", err_to_str=True, ndim=2, doc="Normprijs in euro: zelfde vorm als volumes, één kolom (per product) of één waarde.")
@excel_functie(money=True)
def PB_NORMBEDRAG(volumes, normprijzen):
    """Normbedragen: volume × normprijs per product en jaar (productbegroting)."""
    volumes = matrix(volumes, "volumes")
    given = rows_of(normprijzen, "normprijzen")
    keep = min(len(given), volumes.shape[0]), min(max(map(len, given)), volumes.shape[1])
    prices = matrix(given, "normprijzen", *keep)
    return productbegroting.normbedrag(volumes, prices).tolist()



@func
@arg("volumes", err_to_str=True, ndim=2, doc="Volumes: gemeenten in rijen, producten in kolommen.")
@arg("normprijzen", err_to_str=True, ndim=2, doc="Eén normprijs in euro per product (een rij of kolom).")
@excel_functie(money=True)
def PB_BIJDRAGE(volumes, normprijzen):
    """Bijdrage per gemeente: de som van volume × normprijs over de producten (één kolom)."""
    volumes = matrix(volumes, "volumes")
    totals = productbegroting.bijdrage_per_gemeente(volumes, vector(normprijzen, "normprijzen", volumes.shape[1]))
    return as_column(totals.tolist())



@func
@arg("bedrag", err_to_str=True, doc="Het te verdelen bedrag in euro (mag negatief zijn).")
@arg("sleutels", err_to_str=True, ndim=2, doc="Verdeelsleutels per gemeente (niet negatief): 2/3 en 1/3, inwoners, SE, volumes.")
@arg("eenheid", err_to_str=True, doc="Afronden op veelvouden van: 0,01 (centen, standaard), 1 (euro's) of 1000 (duizenden).")
@excel_functie(money=True)
def PB_VERDEEL(bedrag, sleutels, eenheid=0.01):
    """Verdeelt een bedrag naar rato van de sleutels; de delen tellen exact op tot het afgeronde bedrag (grootste-restmethode)."""
    step = optional_number(eenheid, "eenheid", 0.01)
    if 0 < step < 0.01:
        raise InvoerFout("eenheid moet minstens 0,01 (een cent) zijn")
    return as_column(verdeling.allocate(number(bedrag, "bedrag"), vector(sleutels, "sleutels"), step))



@func
@arg("begroot", err_to_str=True, ndim=2, doc="Begroot volume per rij.")
@arg("gerealiseerd", err_to_str=True, ndim=2, doc="Gerealiseerd volume per rij.")
@arg("normprijs", err_to_str=True, ndim=2, doc="Normprijs in euro: één waarde of één per rij.")
@arg("regel", err_to_str=True, ndim=2, doc='"minimum" (minstens begroot), "realisatie" (Wsw) of "begroting"; één of per rij.')
@excel_functie(money=True)
def PB_AFREKENING(begroot, gerealiseerd, normprijs, regel="minimum"):
    """Afrekening per rij in centen: minimum = MAX(begroot; gerealiseerd) × normprijs, realisatie = gerealiseerd × normprijs, begroting = begroot × normprijs."""
    cols = _aligned({"begroot": begroot, "gerealiseerd": gerealiseerd, "normprijs": normprijs, "regel": regel})
    rules = choices(cols.pop("regel"), "regel", afrekening.REGELS, "minimum")
    numbers = [_column_numbers(values, name) for name, values in cols.items()]
    return as_column(afrekening.settle_rows(*numbers, rules))



@func
@arg("saldo", err_to_str=True, doc="Resultaat van het jaar in euro: positief = overschot, negatief = tekort.")
@arg("sleutels", err_to_str=True, ndim=2, doc="Verdeelsleutel per gemeente, meestal de bijdragen zonder loonkosten Wsw en LKS.")
@arg("reserve", err_to_str=True, doc="Stand van de reserve (weerstandsvermogen) in euro.")
@arg("reserve_min", err_to_str=True, doc="Ondergrens van de reserve in euro (standaard 0).")
@arg("reserve_max", err_to_str=True, doc="Bovengrens van de reserve in euro (leeg = geen plafond).")
@excel_functie(money=True)
def PB_SALDOVERDELING(saldo, sleutels, reserve, reserve_min=0, reserve_max=None):
    """Verdeelt een saldo over reserve en gemeenten. Kolom: eerst de reservemutatie (+ dotatie), dan per gemeente (+ betaalt bij, − ontvangt), in centen."""
    split = verdeling.split_saldo(
        number(saldo, "saldo"), vector(sleutels, "sleutels"), number(reserve, "reserve"),
        optional_number(reserve_min, "reserve_min", 0.0),
        optional_number(reserve_max, "reserve_max", None))
    return as_column([split.reserve_mutatie, *split.gemeenten])



@func
@arg("beschikbaar", err_to_str=True, doc="Beschikbare weerstandscapaciteit in euro.")
@arg("benodigd", err_to_str=True, doc="Benodigde weerstandscapaciteit in euro (groter dan nul).")
@excel_functie(money=False)
def PB_WEERSTANDSRATIO(beschikbaar, benodigd):
    """Ratio weerstandsvermogen: beschikbare / benodigde weerstandscapaciteit."""
    return weerstand.ratio(number(beschikbaar, "beschikbaar"), number(benodigd, "benodigd"))



@func
@arg("ratio", err_to_str=True, doc="De ratio weerstandsvermogen.")
@arg("omschrijving", err_to_str=True, doc="WAAR: met omschrijving, bijvoorbeeld \"C – voldoende\"; ONWAAR (standaard): alleen de letter.")
@excel_functie(money=False)
def PB_WEERSTANDSKLASSE(ratio, omschrijving=False):
    """Waarderingsklasse A–F van de ratio weerstandsvermogen (A ≥ 2,0; B ≥ 1,4; C ≥ 1,0; D ≥ 0,8; E ≥ 0,6; F lager)."""
    return weerstand.klasse(number(ratio, "ratio"), flag(omschrijving, "omschrijving"))



@func
@arg("kansen", err_to_str=True, ndim=2, doc="Kans per risico, tussen 0 en 1.")
@arg("impacts", err_to_str=True, ndim=2, doc="Impact per risico in euro: één kolom (vast bedrag) of twee kolommen (minimum en maximum).")
@arg("zekerheid", err_to_str=True, doc="Zekerheidsniveau, bijvoorbeeld 0,9 (standaard) of 0,95.")
@arg("trekkingen", err_to_str=True, doc="Aantal trekkingen van de simulatie (standaard 10.000).")
@arg("startwaarde", err_to_str=True, doc="Startwaarde van de toevalsgenerator; dezelfde startwaarde geeft dezelfde uitkomst.")
@excel_functie(money=True)
def PB_RISICOSIMULATIE(kansen, impacts, zekerheid=0.9, trekkingen=10000, startwaarde=1):
    """Benodigde weerstandscapaciteit met een Monte-Carlosimulatie van het risicoregister: het zekerheidspercentiel van de gesimuleerde jaarlast."""
    odds = vector(kansen, "kansen")
    spread = matrix(impacts, "impacts", keep_rows=len(odds))
    if spread.shape[1] not in (1, 2) or spread.shape[0] != len(odds):
        raise InvoerFout(f"impacts moet {len(odds)} rijen en één of twee kolommen hebben")
    return weerstand.simulate_risks(
        odds, spread[:, 0], spread[:, -1], optional_number(zekerheid, "zekerheid", 0.9),
        whole_number(trekkingen, "trekkingen", 10000, 1, MAX_TREKKINGEN),
        whole_number(startwaarde, "startwaarde", 1, 0, 10**12))



@func
@arg("jaarbedrag", err_to_str=True, ndim=2, doc="Jaarbegroting in euro: één bedrag of een kolom.")
@arg("kwartaal", err_to_str=True, doc="Kwartaal 1 tot en met 4.")
@arg("profiel", err_to_str=True, ndim=2, doc="Vier gewichten voor de kwartalen (leeg = gelijke kwartalen).")
@excel_functie(money=True)
def PB_TIJDSEVENREDIG(jaarbedrag, kwartaal, profiel=None):
    """Tijdsevenredige begroting tot en met het kwartaal, bij gelijke kwartalen of een profiel."""
    weights = None if is_blank(profiel) else vector(profiel, "profiel", 4)
    when = quarter(kwartaal, "kwartaal")
    result = [kw.budget_to_date(amount, when, weights) for amount in vector(jaarbedrag, "jaarbedrag")]
    return _single_or_column(result)



@func
@arg("begroot", err_to_str=True, ndim=2, doc="Begroot bedrag per rij (t/m het kwartaal).")
@arg("realisatie", err_to_str=True, ndim=2, doc="Gerealiseerd bedrag per rij.")
@arg("soort", err_to_str=True, ndim=2, doc='"lasten" (standaard) of "baten": één waarde of één per rij.')
@arg("drempel_bedrag", err_to_str=True, doc="Bedragdrempel voor een toelichting in euro (standaard 0).")
@arg("drempel_pct", err_to_str=True, doc="Percentagedrempel als fractie, bijvoorbeeld 0,05 voor 5% (standaard 0).")
@arg("combinatie", err_to_str=True, doc='"en": beide drempels overschreden (standaard); "of": één van beide.')
@excel_functie(money=False)
def PB_AFWIJKING(begroot, realisatie, soort="lasten", drempel_bedrag=0, drempel_pct=0, combinatie="en"):
    """Afwijking per rij, vier kolommen: verschil (realisatie − begroot), percentage, V of N (voordeel/nadeel) en WAAR als een toelichting nodig is."""
    cols = _aligned({"begroot": begroot, "realisatie": realisatie, "soort": soort})
    kinds = choices(cols.pop("soort"), "soort", kw.SOORTEN, "lasten")
    rule = (optional_number(drempel_bedrag, "drempel_bedrag", 0.0),
            optional_number(drempel_pct, "drempel_pct", 0.0),
            choice(combinatie, "combinatie", kw.COMBINATIES, "en"))
    numbers = [_column_numbers(values, name) for name, values in cols.items()]
    rows = [kw.variance(b, r, k, *rule) for b, r, k in zip(*numbers, kinds, strict=True)]
    return [[row.verschil, row.percentage, row.oordeel, row.toelichten] for row in rows]



@func
@arg("begroot_volume", err_to_str=True, ndim=2, doc="Begroot volume per rij.")
@arg("normprijs", err_to_str=True, ndim=2, doc="Normprijs in euro per rij (of één waarde).")
@arg("werkelijk_volume", err_to_str=True, ndim=2, doc="Werkelijk volume per rij.")
@arg("werkelijke_kosten", err_to_str=True, ndim=2, doc="Werkelijke kosten in euro per rij.")
@excel_functie(money=True)
def PB_VOLUMEPRIJSEFFECT(begroot_volume, normprijs, werkelijk_volume, werkelijke_kosten):
    """Splitst de afwijking in twee kolommen: volume-effect = (werkelijk − begroot volume) × normprijs en prijseffect = werkelijke kosten − werkelijk volume × normprijs."""
    cols = _aligned({"begroot_volume": begroot_volume, "normprijs": normprijs,
                     "werkelijk_volume": werkelijk_volume, "werkelijke_kosten": werkelijke_kosten})
    numbers = [_column_numbers(values, name) for name, values in cols.items()]
    return [list(kw.volume_price_effect(*row)) for row in zip(*numbers, strict=True)]



@func
@arg("realisatie_tm", err_to_str=True, ndim=2, doc="Realisatie tot en met het kwartaal in euro: één bedrag of een kolom.")
@arg("kwartaal", err_to_str=True, doc="Kwartaal 1 tot en met 4.")
@arg("jaarbegroting", err_to_str=True, ndim=2, doc="Jaarbegroting in euro (één bedrag of een kolom).")
@arg("methode", err_to_str=True, doc='"lineair" (realisatie × 4 / kwartaal, standaard) of "begroting" (rest van het jaar volgens begroting).')
@excel_functie(money=True)
def PB_PROGNOSE(realisatie_tm, kwartaal, jaarbegroting, methode="lineair"):
    """Prognose voor het einde van het jaar op basis van de realisatie tot en met het kwartaal."""
    cols = _aligned({"realisatie_tm": realisatie_tm, "jaarbegroting": jaarbegroting})
    when, how = quarter(kwartaal, "kwartaal"), choice(methode, "methode", kw.METHODES, "lineair")
    numbers = [_column_numbers(values, name) for name, values in cols.items()]
    return _single_or_column([kw.forecast(r, when, j, how) for r, j in zip(*numbers, strict=True)])



@func
@arg("bedrag", err_to_str=True, doc="Bedrag in het basisjaar in euro.")
@arg("percentages", err_to_str=True, ndim=2, doc="Indexpercentage per jaar als fractie (0,025 = 2,5%), een rij of kolom.")
@excel_functie(money=True)
def PB_INDEXEER(bedrag, percentages):
    """Geïndexeerde bedragen (rij): bedrag × (1+p1), bedrag × (1+p1)(1+p2), … voor loon- en prijsindexatie."""
    return financieel.index_series(number(bedrag, "bedrag"), vector(percentages, "percentages"))



@func
@arg("rente", err_to_str=True, doc="Rente per periode als fractie (0,03 = 3%).")
@arg("bedragen", err_to_str=True, ndim=2, doc="Bedragen per periode in euro; het eerste bedrag wordt één periode verdisconteerd (zoals NHW/NPV).")
@excel_functie(money=True)
def PB_CONTANTEWAARDE(rente, bedragen):
    """Contante waarde van een reeks bedragen, zoals Excel's NHW (NPV): het eerste bedrag wordt één periode verdisconteerd."""
    return financieel.present_value(number(rente, "rente"), vector(bedragen, "bedragen"))



@func
@arg("investering", err_to_str=True, doc="Investeringsbedrag in euro.")
@arg("rente", err_to_str=True, doc="Rente per jaar als fractie (0,03 = 3%).")
@arg("looptijd", err_to_str=True, doc="Looptijd in hele jaren.")
@arg("methode", err_to_str=True, doc='"lineair" (afschrijving + rente over de boekwaarde, standaard) of "annuitair" (gelijke annuïteit).')
@excel_functie(money=True)
def PB_KAPITAALLASTEN(investering, rente, looptijd, methode="lineair"):
    """Kapitaallasten per jaar (rij, positieve bedragen): lineair = afschrijving + rente over de boekwaarde aan het begin van het jaar; annuitair = gelijke annuïteit."""
    how = choice(methode, "methode", financieel.KAPITAALLASTEN_METHODES, "lineair")
    years = number(looptijd, "looptijd")
    if years > MAX_LOOPTIJD:
        raise InvoerFout(f"looptijd mag hoogstens {MAX_LOOPTIJD} jaar zijn")
    return financieel.capital_charges(number(investering, "investering"), number(rente, "rente"), years, how)



@func
@arg("tabel", err_to_str=True, ndim=2, doc="Bereik met kopregel: gemeente, product, jaar, volume.")
@arg("normprijzen", err_to_str=True, ndim=2, doc="Bereik met kopregel: product, jaar, normprijs.")
@excel_functie(money=True)
def PB_BIJDRAGETABEL(tabel, normprijzen):
    """Tabel van bijdragen met kopregel: gemeenten onder elkaar, jaren naast elkaar, in elke cel Σ volume × normprijs."""
    years, rows = productbegroting.bijdragetabel(rows_of(tabel, "tabel"), rows_of(normprijzen, "normprijzen"))
    return [["gemeente", *years], *[[name, *values] for name, values in rows]]


@func
@arg("aantallen", err_to_str=True, ndim=2, doc="Aantal Wsw-ers (personen) op 1 januari van het eerste jaar: één per geboortejaar, leeftijd of leeftijdsklasse.")
@arg("geboortejaren_of_leeftijden", err_to_str=True, ndim=2, doc="Per rij een geboortejaar (1960) of de leeftijd in het eerste jaar (62); twee kolommen voor een klasse van–tot (60 en 64).")
@arg("jaren", err_to_str=True, ndim=2, doc="Opeenvolgende jaren (een rij of kolom), bijvoorbeeld 2024 tot en met 2028.")
@arg("aow_leeftijden", err_to_str=True, ndim=2, doc="AOW-leeftijd in jaren per jaar, evenveel als jaren: 67 of 67+3/12 voor 67 jaar en 3 maanden.")
@arg("overige_uitstroom", err_to_str=True, doc="Overige uitstroom per jaar als fractie (0,02 = 2%), standaard 0.")
@arg("fte_per_persoon", err_to_str=True, doc="Fte per persoon (standaard 1).")
@excel_functie(money=False)
def PB_WSWUITSTROOM(aantallen, geboortejaren_of_leeftijden, jaren, aow_leeftijden, overige_uitstroom=0, fte_per_persoon=1):
    """Wsw-bestand per jaar bij uitstroom op de AOW-leeftijd (verjaardag op 1 juli aangenomen). Zes rijen: stand 1 januari, AOW-uitstroom, overige uitstroom, stand 31 december, personen in het jaar, fte."""
    years = vector(jaren, "jaren")
    keys = matrix(geboortejaren_of_leeftijden, "geboortejaren_of_leeftijden")
    if keys.shape[1] not in (1, 2):
        raise InvoerFout("geboortejaren_of_leeftijden moet één of twee kolommen hebben")
    cohorts = doelgroep.cohorts_from_rows(vector(aantallen, "aantallen"), keys[:, 0].tolist(),
                                          keys[:, -1].tolist(), int(years[0]))
    stands = doelgroep.project_wsw_cohorts(
        cohorts, years, vector(aow_leeftijden, "aow_leeftijden"),
        optional_number(overige_uitstroom, "overige_uitstroom", 0.0),
        optional_number(fte_per_persoon, "fte_per_persoon", 1.0))
    fields = ("begin", "aow", "overig", "eind", "personen", "fte")
    return [[getattr(stand, field) for stand in stands] for field in fields]
