"""The sections of the Uitgangspunten sheet, shared by the writer and the reader.

A table section is a title row, a header row and one row per item until an empty row.
Columns: fixed fields in A–D, the years from E, then up to two kenmerk columns and
the toelichting column (K1, K2, TOELICHTING are offsets after the last year).
"""

BLAD = "Uitgangspunten"
K1, K2, TOELICHTING = "k1", "k2", "toelichting"

# key/value sections: (field, label, eenheid); the value sits in column C.
ALGEMEEN = (
    ("naam", "Naam gemeenschappelijke regeling", "tekst"),
    ("begrotingsjaar", "Begrotingsjaar", "jaar"),
    ("van", "Eerste jaar meerjarenraming", "jaar"),
    ("tot", "Laatste jaar meerjarenraming", "jaar"),
    ("status", "Status", "tekst"),
    ("datum", "Datum", "datum"),
    ("versie", "Versie", "tekst"),
)
RESERVE = (
    ("stand_begin", "Algemene reserve: stand begin eerste jaar", "EUR"),
    ("minimum", "Algemene reserve: minimum", "EUR"),
    ("maximum", "Algemene reserve: maximum (bedrag)", "EUR"),
    ("maximum_percentage", "Algemene reserve: maximum (% van de lasten; 10% = 0,10)", "%"),
    ("verdeelsleutel", "Verdeelsleutel voor tekort en overschot", "tekst"),
    ("onvoorzien", "Post onvoorzien", "EUR"),
)
SIMULATIE = (
    ("zekerheid", "Zekerheid van de simulatie", "fractie"),
    ("trekkingen", "Aantal trekkingen", "aantal"),
    ("startwaarde", "Startwaarde (seed)", "getal"),
)
PRESENTATIE = (
    ("eenheid", "Bedragen op de overzichten in eenheden van (1 of 1000)", "getal"),
    ("kolomkoppen", "Eigen kolomkoppen (jaar: kop; gescheiden door ;)", "tekst"),
)

# table sections: field -> column (1–4) or a trailing offset name
DEELNEMERS = {"naam": 1, "inwoners": 3, "se": 4}
PRODUCTEN = {"naam": 1, "eenheid": 2, "basisprijs": 3, "invoer": 4, "regel": K1, "soort": K2}
VOLUMES = {"product": 1, "eenheid": 2, "gemeente": 3, "verdeelsleutel": 4}
DOORBELASTINGEN = {"naam": 1, "soort": 2, "gemeente": 3}
RIJKSMIDDELEN = {"gemeente": 1, "soort": 2}  # the bron in the TOELICHTING column
SLEUTELS = {"naam": 1, "soort": 2, "vaste_voet": 3, "basis": 4}
GEWICHTEN = {"sleutel": 1, "gemeente": 3, "gewicht": 4}
EXPLOITATIE = {"naam": 1, "soort": 2, "aard": 3, "bron": 4, "plus": K1, "min": K2}
RISICOS = {"naam": 1, "kans": 2, "minimum": 3, "maximum": 4, "jaren": K1}
TAAKVELDEN = {"exploitatieregel": 1, "taakveld": 2, "reserve": 3, "categorie": 4}
BALANSMUTATIES = {"naam": 1}
INVESTERINGEN = {"naam": 1, "jaar": 2, "bedrag": 3, "afschrijvingstermijn": 4, "methode": K1, "rente": K2}
RESERVES = {"naam": 1, "begin": 3}
VOORZIENINGEN = {"naam": 1, "stroom": 2, "begin": 3}
PROJECTIES = {"product": 1, "soort": 2, "gemeente": 3, "aanname": 4, "waarde": K1, "eenheid": K2}
MAATREGELEN = {"risico": 1, "beleid": 3, "beheersmaatregel": 4}
FIDO = (("soort", "Soort openbaar lichaam (Wet fido)", "tekst"),)

HEADERS = {
    "naam": "Naam",
    "inwoners": "Inwoners",
    "se": "Wsw-SE",
    "eenheid": "Eenheid",
    "basisprijs": "Basisprijs (EUR)",
    "invoer": "Jaarkolommen",
    "regel": "Afrekenregel",
    "soort": "Soort",
    "product": "Product",
    "gemeente": "Gemeente",
    "verdeelsleutel": "Verdeelsleutel",
    "vaste_voet": "Vaste voet (fractie)",
    "basis": "Product / variabel deel",
    "sleutel": "Sleutel",
    "gewicht": "Gewicht",
    "aard": "Aard",
    "bron": "Bron",
    "plus": "Plus (regels, ; gescheiden)",
    "min": "Min (regels, ; gescheiden)",
    "kans": "Kans (0–1)",
    "minimum": "Impact minimum (EUR)",
    "maximum": "Impact maximum (EUR)",
    "jaren": "Jaren (leeg: elk jaar; ; gescheiden)",
    "toelichting": "Bron / toelichting",
    "exploitatieregel": "Exploitatieregel",
    "taakveld": "Taakveld (Iv3)",
    "reserve": "Bestemmingsreserve",
    "categorie": "Economische categorie",
    "jaar": "Jaar",
    "bedrag": "Bedrag (EUR)",
    "afschrijvingstermijn": "Termijn (jaren)",
    "methode": "Methode",
    "rente": "Rente (fractie)",
    "begin": "Stand begin (EUR)",
    "stroom": "Dotaties / onttrekkingen",
    "risico": "Risico",
    "beleid": "Beleid",
    "beheersmaatregel": "Beheersmaatregel",
    "aanname": "Aanname",
    "waarde": "Waarde",
}

TITELS = {
    "algemeen": "Algemeen",
    "deelnemers": "Deelnemers",
    "producten": "Producten en normprijzen",
    "volumes": "Volumes",
    "doorbelastingen": "Doorbelastingen",
    "rijksmiddelen": "Rijksmiddelen per gemeente voor deze taken (soort: wsw, buig, re-integratie, overig)",
    "verdeelsleutels": "Verdeelsleutels",
    "gewichten": "Gewichten van vaste verdeelsleutels",
    "exploitatie": "Exploitatie (baten en lasten)",
    "reserve": "Reserve",
    "risicos": "Risico's",
    "simulatie": "Simulatie weerstandsvermogen",
    "presentatie": "Presentatie van de overzichten",
    "vast": "Vaste waarden (niet wijzigen)",
    "taakvelden": "Taakvelden en bestemmingsreserves per exploitatieregel",
    "beginbalans": "Beginbalans (BBV), 31 december voor het eerste jaar",
    "balansmutaties": "Balansmutaties en begrotingstotaal per jaar",
    "investeringen": "Investeringen",
    "reserves": "Bestemmingsreserves",
    "voorzieningen": "Voorzieningen",
    "fido": "Wet fido",
    "paragrafen": "Paragrafen (tekst)",
    "maatregelen": "Beleid en beheersmaatregelen per risico",
    "vast_bbv": "Vaste waarden BBV (niet wijzigen)",
    "projecties": "Projecties van volumes (aannames; blad Doelgroepontwikkeling)",
}

PRIJS_PER_JAAR = "normprijs per jaar"
PRIJS_INDEX = "indexatie % per jaar"
TOTAAL = "(totaal)"
KOP = "kop"  # soort of a heading row in the exploitatie table


def trailing_column(kolom, jaren: tuple) -> int:
    """The column of a field: 1–4 as is, a trailing name after the last year."""
    if isinstance(kolom, int):
        return kolom
    after = 5 + len(jaren)
    return after + {K1: 0, K2: 1, TOELICHTING: 2}[kolom]


def kolomkoppen_tekst(koppen: tuple) -> str:
    """(jaar, kop) pairs as one cell's text: "2025: Raming struct.; 2026: Raming"."""
    return "; ".join(f"{jaar}: {kop}" for jaar, kop in koppen)


def kolomkoppen_uit_tekst(text) -> dict:
    """The cell's text back as {jaar: kop} (a part without ':' keeps its text as the year,
    so the spec reader names it)."""
    result = {}
    for part in str(text or "").split(";"):
        if part.strip():
            jaar, _sep, kop = part.partition(":")
            result[jaar.strip()] = kop.strip()
    return result
