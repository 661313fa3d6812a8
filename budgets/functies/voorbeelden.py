"""Inputs for the function reference: one example per function on Werkom figures and the
bad inputs a controller is likely to type. Only inputs live here: results and error
messages are produced by calling the functions (budgets.functies.naslag).

Arguments are given as Excel passes them: a single cell as a value, a range as a list of
rows (a column is [[a], [b]], a row is [[a, b]]).
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Voorbeeld:
    """An example call: what it shows (Dutch) and its arguments as Excel passes them."""

    omschrijving: str
    argumenten: tuple


WERKOM = "Werkom"
VOORBEELDEN = {
    "PB_NORMBEDRAG": Voorbeeld(
        "Werkom: beschut werk (105 en 131 fte) en begeleiding extern (150 en 200 personen) in 2023 en "
        "2024, normprijzen € 13.750 en € 4.000", ([[105, 131], [150, 200]], [[13750], [4000]])),
    "PB_BIJDRAGE": Voorbeeld(
        "Volumes 2024 van Zaanstad en Purmerend (illustratief 2/3 en 1/3) voor beschut werk en "
        "begeleiding extern, normprijzen € 13.750 en € 4.000", ([[87, 133], [44, 67]], [[13750, 4000]])),
    "PB_VERDEEL": Voorbeeld(
        "Het tekort 2024 van Werkom (€ 2.583.000) verdeeld zoals het PW-budget: 2/3 Zaanstad, "
        "1/3 Purmerend", (2583000, [[2], [1]])),
    "PB_AFREKENING": Voorbeeld(
        "2024: beschut werk 131 fte begroot en 138 gerealiseerd tegen € 13.750; Wsw 415 begroot en 408 "
        "gerealiseerd tegen − € 600 (operationeel resultaat)",
        ([[131], [415]], [[138], [408]], [[13750], [-600]], [["minimum"], ["realisatie"]])),
    "PB_SALDOVERDELING": Voorbeeld(
        "Resultaat 2024 van Werkom − € 2.583.000; reserve € 1.500.000 met een minimum van € 500.000 "
        "(illustratief); sleutels 2 en 1", (-2583000, [[2], [1]], 1500000, 500000)),
    "PB_WEERSTANDSRATIO": Voorbeeld(
        "Beschikbaar € 1.500.000, benodigd € 1.200.000 (illustratief)", (1500000, 1200000)),
    "PB_WEERSTANDSKLASSE": Voorbeeld("Ratio 1,25 met omschrijving", (1.25, True)),
    "PB_RISICOSIMULATIE": Voorbeeld(
        "Drie risico's (illustratief): kans 30%, 50% en 10%, impact tussen minimum en maximum; 90% "
        "zekerheid", ([[0.3], [0.5], [0.1]], [[200000, 800000], [100000, 400000], [300000, 1000000]],
                      0.9, 10000, 1)),
    "PB_TIJDSEVENREDIG": Voorbeeld(
        "Kosten (€ 31.042.000) en inkomsten (€ 28.459.000) 2024 van Werkom t/m kwartaal 2, gelijke "
        "kwartalen", ([[31042000], [28459000]], 2)),
    "PB_AFWIJKING": Voorbeeld(
        "T/m kwartaal 2 (illustratief): personeelskosten en netto toegevoegde waarde; drempels "
        "€ 25.000 en 5%", ([[12500000], [3200000]], [[12900000], [2950000]], [["lasten"], ["baten"]],
                          25000, 0.05)),
    "PB_VOLUMEPRIJSEFFECT": Voorbeeld(
        "Beschut werk 2024: 131 fte begroot tegen € 13.750, werkelijk 125 fte voor € 1.750.000 "
        "(illustratief)", ([[131]], [[13750]], [[125]], [[1750000]])),
    "PB_PROGNOSE": Voorbeeld(
        "Kosten t/m kwartaal 2 € 15.800.000 (illustratief), jaarbegroting € 31.042.000, rest van het jaar "
        "volgens begroting", ([[15800000]], 2, [[31042000]], "begroting")),
    "PB_INDEXEER": Voorbeeld(
        "Normprijs beschut werk € 13.750 met 3,5%, 3% en 2,5% indexatie (illustratief)",
        (13750, [[0.035, 0.03, 0.025]])),
    "PB_CONTANTEWAARDE": Voorbeeld(
        "De resultaten 2022–2026 van Werkom (− € 1.055.000 … − € 2.936.000) tegen 3%",
        (0.03, [[-1055000, -1797000, -2583000, -2912000, -2936000]])),
    "PB_KAPITAALLASTEN": Voorbeeld(
        "Investering € 2.000.000 in 5 jaar tegen 3%, annuïtair (illustratief)",
        (2000000, 0.03, 5, "annuitair")),
    "PB_BIJDRAGETABEL": Voorbeeld(
        "Beschut werk 2025 voor Zaanstad (87 fte) en Purmerend (44 fte) tegen € 13.750",
        ([["gemeente", "product", "jaar", "volume"], ["Zaanstad", "Beschut werk", 2025, 87],
          ["Purmerend", "Beschut werk", 2025, 44]],
         [["product", "jaar", "normprijs"], ["Beschut werk", 2025, 13750]])),
    "PB_WSWUITSTROOM": Voorbeeld(
        "Wsw-bestand (illustratief): 40 Wsw-ers van 65, 60 van 64 en 300 van 30–59 jaar in 2022; "
        "AOW-leeftijden 2022–2026, 2% overige uitstroom, 0,9 fte per persoon",
        ([[40], [60], [300]], [[65, 65], [64, 64], [30, 59]], [[2022, 2023, 2024, 2025, 2026]],
         [[66 + 7 / 12, 66 + 10 / 12, 67, 67, 67]], 0.02, 0.9)),
}

FOUTEN = {
    "PB_NORMBEDRAG": (([[105, "veel"]], [[13750]]), ([[105, 131], [150, 200]], [[1, 2, 3]])),
    "PB_BIJDRAGE": (([[87, 133]], [[13750, 4000, 10000]]),),
    "PB_VERDEEL": ((1000, [[2], [-1]]), (1000, [[0], [0]]), (1000, [[1]], 0)),
    "PB_AFREKENING": (([[131]], [[138]], [[13750]], [["maximum"]]), ([[-1]], [[138]], [[13750]]),
                      ([[131], [37]], [[138], [35], [200]], [[13750]])),
    "PB_SALDOVERDELING": ((-2583000, [[2], [1]], 1500000, 500000, 400000),),
    "PB_WEERSTANDSRATIO": ((1500000, 0),),
    "PB_WEERSTANDSKLASSE": (("hoog",),),
    "PB_RISICOSIMULATIE": (([[1.5]], [[100000]]), ([[0.3]], [[100000, 200000, 300000]]),
                           ([[0.3]], [[100000]], 1)),
    "PB_TIJDSEVENREDIG": (([[31042000]], 5), ([[31042000]], 2, [[1, 1, 2]])),
    "PB_AFWIJKING": (([[100]], [[120]], [["kosten"]]), ([[100]], [[120]], "lasten", -1),
                     ([[100]], [[120]], "lasten", 0, 0, "xof")),
    "PB_VOLUMEPRIJSEFFECT": (([[131], [37]], [[13750]], [[125]], [[1750000], [410000], [1]]),),
    "PB_PROGNOSE": (([[15800000]], 0, [[31042000]]), ([[15800000]], 2, [[31042000]], "trend")),
    "PB_INDEXEER": ((13750, [[0.03, 0.02], [0.01, 0.02]]),),
    "PB_CONTANTEWAARDE": ((-1, [[100, 200]]),),
    "PB_KAPITAALLASTEN": ((2000000, 0.03, 2.5), (-1, 0.03, 5), (2000000, 0.03, 5, "degressief")),
    "PB_BIJDRAGETABEL": (([["gemeente", "product", "jaar"], ["Zaanstad", "Beschut werk", 2025]],
                          [["product", "jaar", "normprijs"], ["Beschut werk", 2025, 13750]]),
                         ([["gemeente", "product", "jaar", "volume"], ["Zaanstad", "Beschut werk", 2026, 87]],
                          [["product", "jaar", "normprijs"], ["Beschut werk", 2025, 13750]]),
                         ([["gemeente", "product", "jaar", "volume"]], [["product", "jaar", "normprijs"]])),
    "PB_WSWUITSTROOM": (([[10]], [[60]], [[2024, 2025]], [[67, 67]], 1.5),
                        ([[10], [5]], [[60, 64], [64, 66]], [[2024]], [[67]])),
}
