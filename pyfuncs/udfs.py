"""The Excel functions (xlwings UDFs): each body converts what Excel passes and calls the core.

Ranges arrive as a value, a flat list or a list of lists, empty cells as None (counted
as 0). Results spill: a list of lists is a block, [[x], [y]] a column, a flat list a row.
"""

import pandas as pd
from xlwings import arg, func

from pyfuncs import afrekening, financieel, productbegroting, verdeling, weerstand
from pyfuncs import kwartaal as kw
from pyfuncs.fouten import InvoerFout, meldingen_van
from pyfuncs.vormen import as_column, choice, flag, matrix, number, optional_number, texts, vector


def _same_length(named: dict[str, list[float]]) -> dict[str, list[float]]:
    """Columns of equal length; a single value is repeated for every row."""
    rows = max(len(values) for values in named.values())
    for name, values in named.items():
        if len(values) not in (1, rows):
            sizes = " en ".join(f"{n} ({len(v)})" for n, v in named.items())
            raise InvoerFout(f"{name} heeft niet evenveel rijen als de andere argumenten: {sizes}")
    return {name: values * rows if len(values) == 1 else values for name, values in named.items()}


def _words(value, argument: str, allowed: tuple[str, ...], default: str, rows: int) -> list[str]:
    words = [choice(word, argument, allowed, default) for word in texts(value, argument)]
    if len(words) not in (1, rows):
        raise InvoerFout(f"{argument} moet één waarde of één per rij hebben")
    return words * rows if len(words) == 1 else words


def _single_or_column(values: list):
    """One cell in, one value out; a column in, a column out."""
    return values[0] if len(values) == 1 else as_column(values)


@func
@arg("volumes", ndim=2, doc="Volumes: producten in rijen, jaren in kolommen (plekken, fte of personen).")
@arg("normprijzen", ndim=2, doc="Normprijs in euro: zelfde vorm als volumes, één kolom (per product) of één waarde.")
def PB_NORMBEDRAG(volumes, normprijzen):
    """Normbedragen: volume × normprijs per product en jaar (productbegroting)."""
    with meldingen_van("PB_NORMBEDRAG"):
        amounts = productbegroting.normbedrag(matrix(volumes, "volumes"), matrix(normprijzen, "normprijzen"))
        return amounts.tolist()


@func
@arg("volumes", ndim=2, doc="Volumes: gemeenten in rijen, producten in kolommen.")
@arg("normprijzen", ndim=2, doc="Eén normprijs in euro per product (een rij of kolom).")
def PB_BIJDRAGE(volumes, normprijzen):
    """Bijdrage per gemeente: de som van volume × normprijs over de producten (één kolom)."""
    with meldingen_van("PB_BIJDRAGE"):
        totals = productbegroting.bijdrage_per_gemeente(matrix(volumes, "volumes"),
                                                        vector(normprijzen, "normprijzen"))
        return as_column(totals.tolist())


@func
@arg("bedrag", doc="Het te verdelen bedrag in euro (mag negatief zijn).")
@arg("sleutels", ndim=2, doc="Verdeelsleutels per gemeente (niet negatief): 2/3 en 1/3, inwoners, SE, volumes.")
@arg("eenheid", doc="Afronden op veelvouden van: 0,01 (centen, standaard), 1 (euro's) of 1000 (duizenden).")
def PB_VERDEEL(bedrag, sleutels, eenheid=0.01):
    """Verdeelt een bedrag naar rato van de sleutels; de delen tellen exact op tot het afgeronde bedrag (grootste-restmethode)."""
    with meldingen_van("PB_VERDEEL"):
        parts = verdeling.allocate(number(bedrag, "bedrag"), vector(sleutels, "sleutels"),
                                   optional_number(eenheid, "eenheid", 0.01))
        return as_column(parts)


@func
@arg("begroot", ndim=2, doc="Begroot volume per rij.")
@arg("gerealiseerd", ndim=2, doc="Gerealiseerd volume per rij.")
@arg("normprijs", ndim=2, doc="Normprijs in euro: één waarde of één per rij.")
@arg("regel", ndim=2, doc='"minimum" (minstens begroot), "realisatie" (Wsw) of "begroting"; één of per rij.')
def PB_AFREKENING(begroot, gerealiseerd, normprijs, regel="minimum"):
    """Afrekening per rij in centen: minimum = MAX(begroot; gerealiseerd) × normprijs, realisatie = gerealiseerd × normprijs, begroting = begroot × normprijs."""
    with meldingen_van("PB_AFREKENING"):
        cols = _same_length({"begroot": vector(begroot, "begroot"),
                             "gerealiseerd": vector(gerealiseerd, "gerealiseerd"),
                             "normprijs": vector(normprijs, "normprijs")})
        rules = _words(regel, "regel", afrekening.REGELS, "minimum", len(cols["begroot"]))
        return as_column([afrekening.settle(*row) for row in zip(*cols.values(), rules, strict=True)])


@func
@arg("saldo", doc="Resultaat van het jaar in euro: positief = overschot, negatief = tekort.")
@arg("sleutels", ndim=2, doc="Verdeelsleutel per gemeente, meestal de bijdragen zonder loonkosten Wsw en LKS.")
@arg("reserve", doc="Stand van de reserve (weerstandsvermogen) in euro.")
@arg("reserve_min", doc="Ondergrens van de reserve in euro (standaard 0).")
@arg("reserve_max", doc="Bovengrens van de reserve in euro (leeg = geen plafond).")
def PB_SALDOVERDELING(saldo, sleutels, reserve, reserve_min=0, reserve_max=None):
    """Verdeelt een saldo over reserve en gemeenten. Kolom: eerst de reservemutatie (+ dotatie), dan per gemeente (+ betaalt bij, − ontvangt), in centen."""
    with meldingen_van("PB_SALDOVERDELING"):
        split = verdeling.split_saldo(
            number(saldo, "saldo"), vector(sleutels, "sleutels"), number(reserve, "reserve"),
            optional_number(reserve_min, "reserve_min", 0.0),
            optional_number(reserve_max, "reserve_max", None))
        return as_column([split.reserve_mutatie, *split.gemeenten])


@func
@arg("beschikbaar", doc="Beschikbare weerstandscapaciteit in euro.")
@arg("benodigd", doc="Benodigde weerstandscapaciteit in euro (groter dan nul).")
def PB_WEERSTANDSRATIO(beschikbaar, benodigd):
    """Ratio weerstandsvermogen: beschikbare / benodigde weerstandscapaciteit."""
    with meldingen_van("PB_WEERSTANDSRATIO"):
        return weerstand.ratio(number(beschikbaar, "beschikbaar"), number(benodigd, "benodigd"))


@func
@arg("ratio", doc="De ratio weerstandsvermogen.")
@arg("omschrijving", doc="WAAR: met omschrijving, bijvoorbeeld \"C – voldoende\"; ONWAAR (standaard): alleen de letter.")
def PB_WEERSTANDSKLASSE(ratio, omschrijving=False):
    """Waarderingsklasse A–F van de ratio weerstandsvermogen (A ≥ 2,0; B ≥ 1,4; C ≥ 1,0; D ≥ 0,8; E ≥ 0,6; F lager)."""
    with meldingen_van("PB_WEERSTANDSKLASSE"):
        return weerstand.klasse(number(ratio, "ratio"), flag(omschrijving, "omschrijving"))


@func
@arg("kansen", ndim=2, doc="Kans per risico, tussen 0 en 1.")
@arg("impacts", ndim=2, doc="Impact per risico in euro: één kolom (vast bedrag) of twee kolommen (minimum en maximum).")
@arg("zekerheid", doc="Zekerheidsniveau, bijvoorbeeld 0,9 (standaard) of 0,95.")
@arg("trekkingen", doc="Aantal trekkingen van de simulatie (standaard 10.000).")
@arg("startwaarde", doc="Startwaarde van de toevalsgenerator; dezelfde startwaarde geeft dezelfde uitkomst.")
def PB_RISICOSIMULATIE(kansen, impacts, zekerheid=0.9, trekkingen=10000, startwaarde=1):
    """Benodigde weerstandscapaciteit met een Monte-Carlosimulatie van het risicoregister: het zekerheidspercentiel van de gesimuleerde jaarlast."""
    with meldingen_van("PB_RISICOSIMULATIE"):
        odds, grid = vector(kansen, "kansen"), matrix(impacts, "impacts")
        if grid.shape[1] not in (1, 2) or grid.shape[0] != len(odds):
            raise InvoerFout(f"impacts moet {len(odds)} rijen en één of twee kolommen hebben")
        return weerstand.simulate_risks(
            odds, grid[:, 0], grid[:, -1], optional_number(zekerheid, "zekerheid", 0.9),
            optional_number(trekkingen, "trekkingen", 10000), optional_number(startwaarde, "startwaarde", 1))


@func
@arg("jaarbedrag", ndim=2, doc="Jaarbegroting in euro: één bedrag of een kolom.")
@arg("kwartaal", doc="Kwartaal 1 tot en met 4.")
@arg("profiel", ndim=2, doc="Vier gewichten voor de kwartalen (leeg = gelijke kwartalen).")
def PB_TIJDSEVENREDIG(jaarbedrag, kwartaal, profiel=None):
    """Tijdsevenredige begroting tot en met het kwartaal, bij gelijke kwartalen of een profiel."""
    with meldingen_van("PB_TIJDSEVENREDIG"):
        weights = None if profiel is None else vector(profiel, "profiel")
        quarter = number(kwartaal, "kwartaal")
        amounts = vector(jaarbedrag, "jaarbedrag")
        result = [kw.budget_to_date(amount, quarter, weights) for amount in amounts]
        return _single_or_column(result)


@func
@arg("begroot", ndim=2, doc="Begroot bedrag per rij (t/m het kwartaal).")
@arg("realisatie", ndim=2, doc="Gerealiseerd bedrag per rij.")
@arg("soort", ndim=2, doc='"lasten" (standaard) of "baten": één waarde of één per rij.')
@arg("drempel_bedrag", doc="Bedragdrempel voor een toelichting in euro (standaard 0).")
@arg("drempel_pct", doc="Percentagedrempel als fractie, bijvoorbeeld 0,05 voor 5% (standaard 0).")
@arg("combinatie", doc='"en": beide drempels overschreden (standaard); "of": één van beide.')
def PB_AFWIJKING(begroot, realisatie, soort="lasten", drempel_bedrag=0, drempel_pct=0, combinatie="en"):
    """Afwijking per rij, vier kolommen: verschil (realisatie − begroot), percentage, V of N (voordeel/nadeel) en WAAR als een toelichting nodig is."""
    with meldingen_van("PB_AFWIJKING"):
        cols = _same_length({"begroot": vector(begroot, "begroot"), "realisatie": vector(realisatie, "realisatie")})
        kinds = _words(soort, "soort", kw.SOORTEN, "lasten", len(cols["begroot"]))
        rule = (optional_number(drempel_bedrag, "drempel_bedrag", 0.0),
                optional_number(drempel_pct, "drempel_pct", 0.0),
                choice(combinatie, "combinatie", kw.COMBINATIES, "en"))
        rows = [kw.variance(b, r, k, *rule) for b, r, k in zip(*cols.values(), kinds, strict=True)]
        return [[row.verschil, row.percentage, row.oordeel, row.toelichten] for row in rows]


@func
@arg("begroot_volume", ndim=2, doc="Begroot volume per rij.")
@arg("normprijs", ndim=2, doc="Normprijs in euro per rij (of één waarde).")
@arg("werkelijk_volume", ndim=2, doc="Werkelijk volume per rij.")
@arg("werkelijke_kosten", ndim=2, doc="Werkelijke kosten in euro per rij.")
def PB_VOLUMEPRIJSEFFECT(begroot_volume, normprijs, werkelijk_volume, werkelijke_kosten):
    """Splitst de afwijking in twee kolommen: volume-effect = (werkelijk − begroot volume) × normprijs en prijseffect = werkelijke kosten − werkelijk volume × normprijs."""
    with meldingen_van("PB_VOLUMEPRIJSEFFECT"):
        cols = _same_length({"begroot_volume": vector(begroot_volume, "begroot_volume"),
                             "normprijs": vector(normprijs, "normprijs"),
                             "werkelijk_volume": vector(werkelijk_volume, "werkelijk_volume"),
                             "werkelijke_kosten": vector(werkelijke_kosten, "werkelijke_kosten")})
        return [list(kw.volume_price_effect(*row)) for row in zip(*cols.values(), strict=True)]


@func
@arg("realisatie_tm", ndim=2, doc="Realisatie tot en met het kwartaal in euro: één bedrag of een kolom.")
@arg("kwartaal", doc="Kwartaal 1 tot en met 4.")
@arg("jaarbegroting", ndim=2, doc="Jaarbegroting in euro (één bedrag of een kolom).")
@arg("methode", doc='"lineair" (realisatie × 4 / kwartaal, standaard) of "begroting" (rest van het jaar volgens begroting).')
def PB_PROGNOSE(realisatie_tm, kwartaal, jaarbegroting, methode="lineair"):
    """Prognose voor het einde van het jaar op basis van de realisatie tot en met het kwartaal."""
    with meldingen_van("PB_PROGNOSE"):
        cols = _same_length({"realisatie_tm": vector(realisatie_tm, "realisatie_tm"),
                             "jaarbegroting": vector(jaarbegroting, "jaarbegroting")})
        quarter, how = number(kwartaal, "kwartaal"), choice(methode, "methode", kw.METHODES, "lineair")
        result = [kw.forecast(r, quarter, j, how) for r, j in zip(*cols.values(), strict=True)]
        return _single_or_column(result)


@func
@arg("bedrag", doc="Bedrag in het basisjaar in euro.")
@arg("percentages", ndim=2, doc="Indexpercentage per jaar als fractie (0,025 = 2,5%), een rij of kolom.")
def PB_INDEXEER(bedrag, percentages):
    """Geïndexeerde bedragen (rij): bedrag × (1+p1), bedrag × (1+p1)(1+p2), … voor loon- en prijsindexatie."""
    with meldingen_van("PB_INDEXEER"):
        return financieel.index_series(number(bedrag, "bedrag"), vector(percentages, "percentages"))


@func
@arg("rente", doc="Rente per periode als fractie (0,03 = 3%).")
@arg("bedragen", ndim=2, doc="Bedragen per periode in euro; het eerste bedrag wordt één periode verdisconteerd (zoals NHW/NPV).")
def PB_CONTANTEWAARDE(rente, bedragen):
    """Contante waarde van een reeks bedragen, zoals Excel's NHW (NPV): het eerste bedrag wordt één periode verdisconteerd."""
    with meldingen_van("PB_CONTANTEWAARDE"):
        return financieel.present_value(number(rente, "rente"), vector(bedragen, "bedragen"))


@func
@arg("investering", doc="Investeringsbedrag in euro.")
@arg("rente", doc="Rente per jaar als fractie (0,03 = 3%).")
@arg("looptijd", doc="Looptijd in hele jaren.")
@arg("methode", doc='"lineair" (afschrijving + rente over de boekwaarde, standaard) of "annuitair" (gelijke annuïteit).')
def PB_KAPITAALLASTEN(investering, rente, looptijd, methode="lineair"):
    """Kapitaallasten per jaar (rij, positieve bedragen): lineair = afschrijving + rente over de boekwaarde aan het begin van het jaar; annuitair = gelijke annuïteit."""
    with meldingen_van("PB_KAPITAALLASTEN"):
        how = choice(methode, "methode", financieel.KAPITAALLASTEN_METHODES, "lineair")
        return financieel.capital_charges(number(investering, "investering"), number(rente, "rente"),
                                          number(looptijd, "looptijd"), how)


def _frame(value, argument: str) -> pd.DataFrame:
    rows = value if isinstance(value, list) and value and isinstance(value[0], list) else None
    if not rows or len(rows) < 2:
        raise InvoerFout(f"{argument} moet een kopregel en minstens één rij hebben")
    return pd.DataFrame(rows[1:], columns=[str(name) for name in rows[0]])


@func
@arg("tabel", ndim=2, doc="Bereik met kopregel: gemeente, product, jaar, volume.")
@arg("normprijzen", ndim=2, doc="Bereik met kopregel: product, jaar, normprijs.")
def PB_BIJDRAGETABEL(tabel, normprijzen):
    """Tabel van bijdragen met kopregel: gemeenten onder elkaar, jaren naast elkaar, in elke cel Σ volume × normprijs."""
    with meldingen_van("PB_BIJDRAGETABEL"):
        table = productbegroting.bijdragetabel(_frame(tabel, "tabel"), _frame(normprijzen, "normprijzen"))
        header = ["gemeente", *[_plain(year) for year in table.columns]]
        return [header, *[[name, *row] for name, row in zip(table.index, table.to_numpy().tolist(), strict=True)]]


def _plain(value):
    return int(value) if isinstance(value, float) and value.is_integer() else value


# Appended for issue 14; move this import to the header when the concurrent edits of this file are merged.
from pyfuncs import doelgroep  # noqa: E402


@func
@arg("aantallen", ndim=2, doc="Aantal Wsw-ers (personen) op 1 januari van het eerste jaar: één per geboortejaar, leeftijd of leeftijdsklasse.")
@arg("geboortejaren_of_leeftijden", ndim=2, doc="Per rij een geboortejaar (1960) of de leeftijd in het eerste jaar (62); twee kolommen voor een klasse van–tot (60 en 64).")
@arg("jaren", ndim=2, doc="Opeenvolgende jaren (een rij of kolom), bijvoorbeeld 2024 tot en met 2028.")
@arg("aow_leeftijden", ndim=2, doc="AOW-leeftijd in jaren per jaar, evenveel als jaren: 67 of 67+3/12 voor 67 jaar en 3 maanden.")
@arg("overige_uitstroom", doc="Overige uitstroom per jaar als fractie (0,02 = 2%), standaard 0.")
@arg("fte_per_persoon", doc="Fte per persoon (standaard 1).")
def PB_WSWUITSTROOM(aantallen, geboortejaren_of_leeftijden, jaren, aow_leeftijden, overige_uitstroom=0, fte_per_persoon=1):
    """Wsw-bestand per jaar bij uitstroom op de AOW-leeftijd (verjaardag op 1 juli aangenomen). Zes rijen: stand 1 januari, AOW-uitstroom, overige uitstroom, stand 31 december, personen in het jaar, fte."""
    with meldingen_van("PB_WSWUITSTROOM"):
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
