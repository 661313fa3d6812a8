"""The Dutch texts of the workbook: the "Lees mij" sheet and the xlwings.conf sheet.

The example error message is produced by calling the real UDF with bad input, so the
text on the sheet is always the message a controller will see.
"""

from pyfuncs import udfs

UDF_MODULE = "pyfuncs.udfs"
CONF_SHEET = "xlwings.conf"

# Keys must stand from A1 downwards without a gap: xlwings reads column A until the
# first empty cell (addin/Config.bas, GetConfigFromSheet).
CONF_SETTINGS = (
    ("Interpreter_Win", "python"),
    ("Interpreter_Mac", None),
    ("PYTHONPATH", None),
    ("Conda Path", None),
    ("Conda Env", None),
    ("UDF Modules", UDF_MODULE),
    ("Debug UDFs", False),
    ("Use UDF Server", False),
    ("Show Console", False),
)

CONF_UITLEG = (
    "Uitleg bij deze instellingen (xlwings leest alleen kolom A en B vanaf A1 tot de eerste lege regel):",
    f"UDF Modules: {UDF_MODULE} is de Python-module met alle PB_-functies. "
    "Meer modules scheidt u met een puntkomma.",
    "PYTHONPATH: leeg laten als u het pakket met pip hebt geïnstalleerd (pip install -e . in de map van "
    "het project). Anders: de map van het project, dus de map waarin de map pyfuncs staat, "
    r"bijvoorbeeld C:\Users\naam\productbegroting. Meer mappen scheidt u met een puntkomma.",
    "Interpreter_Win: python als Python op het PATH staat; anders het volledige pad naar python.exe.",
    "Deze instellingen gaan vóór die van de xlwings-invoegtoepassing. Heet dit blad _xlwings.conf "
    "(met liggend streepje), dan negeert xlwings het.",
)


def example_error() -> tuple[str, str]:
    """A formula with bad input and the Dutch message the UDF gives for it."""
    formula = "=PB_VERDEEL(C5;C7:C8) met 1000 in C5, 2 in C7 en -1 in C8"
    try:
        udfs.PB_VERDEEL(1000, [[2], [-1]])
    except ValueError as fout:
        return formula, str(fout)
    raise AssertionError("PB_VERDEEL accepted a negative key")


def lees_mij() -> list[tuple[str, str]]:
    """The lines of the "Lees mij" sheet as (style, text)."""
    formula, message = example_error()
    return [
        ("Kop", "Productbegroting: de Excel-functies (PB_...) voor een sociaal ontwikkelbedrijf"),
        ("", "Elk blad toont de functies van één groep op cijfers van Werkom. Gele cellen zijn invoer, "
             "blauwe cellen roepen de Python-functie aan, groene cellen rekenen hetzelfde met gewone "
             "Excel-formules. Blauw en groen horen gelijk te zijn."),
        ("", ""),
        ("Kop", "Eenmalig instellen op Windows"),
        ("", "1. Installeer Python 3.11 of nieuwer (python.org) en vink 'Add python.exe to PATH' aan."),
        ("", "2. Open een opdrachtprompt in de map van het project en typ: pip install -e ."
             "   (installeert dit pakket met xlwings, numpy, pandas en numpy-financial)."),
        ("", "3. Sluit Excel en typ: xlwings addin install   (zet de xlwings-invoegtoepassing in Excel)."),
        ("", "4. Excel: Bestand > Opties > Vertrouwenscentrum > Instellingen voor het Vertrouwenscentrum > "
             "Macro-instellingen: vink 'Toegang tot het objectmodel van het VBA-project vertrouwen' aan."),
        ("", "5. Maak de werkmap met: begroting werkmap   (schrijft xl\\productbegroting.xlsm). Open die "
             "en klik op 'Inhoud inschakelen' (macro's)."),
        ("", "6. Tabblad xlwings in het lint: klik op 'Import Functions'. Daarna rekenen de blauwe cellen; "
             "staat er nog #NAAM?, druk dan op Ctrl+Alt+F9 (alles opnieuw berekenen)."),
        ("", "Op een Mac en in Excel op het web werken deze klassieke functies niet: gebruik xlwings Lite "
             "(begroting lite; zie docs/excel.md)."),
        ("", ""),
        ("Kop", "Een functie gebruiken"),
        ("", "Typ bijvoorbeeld =PB_VERDEEL(C5;C7:C8). Nederlandse Excel scheidt argumenten met een "
             "puntkomma (;), Engelse met een komma. De knop fx toont de uitleg per argument."),
        ("", "Een uitkomst van meer cellen loopt in Excel 365 vanzelf over de cellen ernaast (spill). "
             "In deze werkmap staan zulke uitkomsten als matrixformule {=...} over het hele blok."),
        ("", ""),
        ("Kop", "#NAAM? (Engels: #NAME?) in een blauwe cel"),
        ("", "Excel kent de functie niet. Oorzaak: de xlwings-invoegtoepassing ontbreekt, de functies zijn "
             "niet geïmporteerd, of de macro's staan uit."),
        ("", "Oplossing: doe stap 3, 4 en 6 hierboven; controleer op het blad xlwings.conf dat UDF Modules "
             f"{UDF_MODULE} is, en dat in de opdrachtprompt python -c \"import {UDF_MODULE}\" "
             "zonder fout werkt."),
        ("", ""),
        ("Kop", "Hoe een fout eruitziet"),
        ("", "Verkeerde invoer geeft een Nederlandse melding. "
             f"Voorbeeld: {formula} (een negatieve sleutel)."),
        ("", f"Klassieke xlwings-functies (Windows) tonen de melding in de cel: {message}"),
        ("", "xlwings Lite toont #WAARDE! (Engels: #VALUE!); de melding staat erbij als u de cel "
             "aanwijst of op het foutsymbool klikt."),
        ("", ""),
        ("Kop", "Foutwaarden en grenzen"),
        ("", "Een foutwaarde in een invoercel (#N/B, #DEEL/0!, #WAARDE!, #VERW!, #NAAM?, #GETAL!, #LEEG!) "
             "telt nooit als 0: de cel toont bijvoorbeeld \"PB_VERDEEL: sleutels rij 2 bevat een foutwaarde "
             "(#N/B)\". Rij en kolom tellen binnen het bereik dat u opgeeft."),
        ("", "Bedragen mag u invullen als getal, met de opmaak Valuta of Financieel, of als tekst met een "
             "Nederlandse of Engelse komma (1.797.000,01). Een kwartaal als 1–4 of als datum. Lege rijen "
             "aan het eind van een bereik tellen niet mee; in de tabel van PB_BIJDRAGETABEL is een lege "
             "rij tussen de gegevens een fout. Geen getal of uitkomst mag 10.000.000.000.000 euro of meer "
             "zijn."),
        ("", ""),
        ("Kop", "Niet getest"),
        ("", "Deze werkmap is gebouwd en gecontroleerd zonder Excel: de groene formules zijn met "
             "LibreOffice nagerekend, de Python-functies met pytest. Het openen in Excel, de "
             "invoegtoepassing en xlwings Lite zijn op de bouwmachines niet geprobeerd."),
    ]
