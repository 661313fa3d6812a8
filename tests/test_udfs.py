"""The Excel functions called as Excel calls them: a value, a row or column, a 2-D range,
empty cells as None; and the Dutch messages for what a controller can get wrong."""

import re

import pytest

from pyfuncs import udfs
from pyfuncs.fouten import InvoerFout
from pyfuncs.weerstand import simulate_risks


def fails(call, message: str) -> None:
    with pytest.raises(InvoerFout, match=re.escape(message)):
        call()


def test_normbedrag_accepts_matrix_column_and_single_price():
    volumes = [[1500.0, 1450.0], [448.0, None]]  # an empty cell counts as 0
    same_shape = udfs.PB_NORMBEDRAG(volumes, [[3000.0, 3000.0], [600.0, 600.0]])
    per_row = udfs.PB_NORMBEDRAG(volumes, [[3000.0], [600.0]])
    flat_column = udfs.PB_NORMBEDRAG(volumes, [3000.0, 600.0])
    assert same_shape == per_row == flat_column == [[4_500_000.0, 4_350_000.0], [268_800.0, 0.0]]
    assert udfs.PB_NORMBEDRAG(10.0, 2.5) == [[25.0]]
    assert udfs.PB_NORMBEDRAG([[1.0, 2.0]], 3.0) == [[3.0, 6.0]]


def test_normbedrag_refuses_prices_that_do_not_fit():
    fails(lambda: udfs.PB_NORMBEDRAG([[1, 2], [3, 4]], [[1], [2], [3]]),
          "PB_NORMBEDRAG: normprijzen (3×1) passen niet bij volumes (2×2)")
    fails(lambda: udfs.PB_NORMBEDRAG([[1, "tien"]], 1), "PB_NORMBEDRAG: volumes bevat tekst 'tien' waar een getal hoort (rij 1, kolom 2)")


def test_bijdrage_sums_volume_times_price_per_gemeente():
    volumes = [[70.0, 25.0], [35.0, None]]
    row_prices = udfs.PB_BIJDRAGE(volumes, [[13_750.0, 10_000.0]])
    column_prices = udfs.PB_BIJDRAGE(volumes, [13_750.0, 10_000.0])
    assert row_prices == column_prices == [[70 * 13_750 + 25 * 10_000.0], [35 * 13_750.0]]
    fails(lambda: udfs.PB_BIJDRAGE(volumes, [1.0, 2.0, 3.0]),
          "PB_BIJDRAGE: normprijzen heeft 3 waarden, maar volumes heeft 2 producten (kolommen)")


def test_verdeel_shapes_and_units():
    as_column = udfs.PB_VERDEEL(1_000_000, [[2.0], [1.0]])
    as_flat = udfs.PB_VERDEEL(1_000_000.0, [2.0, 1.0])
    assert as_column == as_flat == [[666_666.67], [333_333.33]]
    assert udfs.PB_VERDEEL(1_055_400, [2, 1], 1000) == [[703_000.0], [352_000.0]]  # 703.33 and 351.67 thousand
    assert udfs.PB_VERDEEL(100, [[1], [None], [1]]) == [[50.0], [0.0], [50.0]]
    assert udfs.PB_VERDEEL(100, [1, 1], None) == [[50.0], [50.0]]  # empty eenheid: cents


def test_verdeel_messages():
    fails(lambda: udfs.PB_VERDEEL(100, [[1], [2], [-1]]), "PB_VERDEEL: sleutels bevat een negatieve waarde (rij 3)")
    fails(lambda: udfs.PB_VERDEEL(100, [0, None]), "PB_VERDEEL: sleutels zijn allemaal nul")
    fails(lambda: udfs.PB_VERDEEL("veel", [1]), "PB_VERDEEL: bedrag bevat tekst 'veel' waar een getal hoort")
    fails(lambda: udfs.PB_VERDEEL(100, [[1, 2], [3, 4]]), "PB_VERDEEL: sleutels moet één rij of één kolom zijn")
    fails(lambda: udfs.PB_VERDEEL(100, [1], 0), "PB_VERDEEL: eenheid moet groter dan nul zijn")


def test_afrekening_rules_per_row():
    begroot, gerealiseerd = [[131.0], [37.0], [400.0]], [[140.0], [30.0], [390.0]]
    rules = [["minimum"], ["minimum"], ["realisatie"]]
    result = udfs.PB_AFREKENING(begroot, gerealiseerd, [[13_750.0], [10_000.0], [600.0]], rules)
    assert result == [[140 * 13_750.0], [37 * 10_000.0], [390 * 600.0]]
    assert udfs.PB_AFREKENING(10, 8, 99.5, "begroting") == [[995.0]]
    assert udfs.PB_AFREKENING([10.5], [None], 0.333) == [[3.5]]  # ROUND(10.5 × 0.333; 2)


def test_afrekening_messages():
    fails(lambda: udfs.PB_AFREKENING([1, 2], [1, 2, 3], 5), "PB_AFREKENING: begroot heeft niet evenveel rijen")
    fails(lambda: udfs.PB_AFREKENING(1, 1, 1, "maximaal"),
          "PB_AFREKENING: regel 'maximaal' is onbekend; kies uit: minimum, realisatie, begroting")
    fails(lambda: udfs.PB_AFREKENING(-1, 1, 1), "PB_AFREKENING: een volume mag niet negatief zijn")


def test_saldoverdeling_column_reserve_first():
    result = udfs.PB_SALDOVERDELING(-2000, [[200.0], [100.0]], 1500, 1000)
    assert result == [[-500.0], [1000.0], [500.0]]
    assert udfs.PB_SALDOVERDELING(300, [1, 1], 0, None, None) == [[300.0], [0.0], [0.0]]
    assert udfs.PB_SALDOVERDELING(300, [1, 1], 0, 0, 100) == [[100.0], [-100.0], [-100.0]]
    fails(lambda: udfs.PB_SALDOVERDELING(1, [1], 0, 10, 5), "PB_SALDOVERDELING: reserve_max is kleiner dan reserve_min")


def test_weerstand_ratio_and_class():
    assert udfs.PB_WEERSTANDSRATIO(3_000_000, 2_000_000) == 1.5
    assert [udfs.PB_WEERSTANDSKLASSE(r) for r in (2.0, 1.99, 1.4, 1.0, 0.8, 0.6, 0.59)] == list("ABBCDEF")
    assert udfs.PB_WEERSTANDSKLASSE(1.2, True) == "C – voldoende"
    assert udfs.PB_WEERSTANDSKLASSE(0.1, None) == "F"
    fails(lambda: udfs.PB_WEERSTANDSRATIO(1, 0), "PB_WEERSTANDSRATIO: benodigd moet groter dan nul zijn")


def test_risicosimulatie_is_reproducible_and_follows_fixed_impacts():
    kansen, impacts = [[0.5], [0.2]], [[1000.0, 2000.0], [5000.0, 5000.0]]
    first = udfs.PB_RISICOSIMULATIE(kansen, impacts, 0.9, 20000, 7)
    assert first == udfs.PB_RISICOSIMULATIE(kansen, impacts, 0.9, 20000, 7)
    assert first == simulate_risks([0.5, 0.2], [1000, 5000], [2000, 5000], 0.9, 20000, 7)
    assert udfs.PB_RISICOSIMULATIE([1.0], [[250.0]]) == 250.0  # a certain risk costs its impact
    assert udfs.PB_RISICOSIMULATIE([0.0], [[250.0]]) == 0.0


def test_risicosimulatie_messages():
    fails(lambda: udfs.PB_RISICOSIMULATIE([1.5], [[1]]), "PB_RISICOSIMULATIE: kans 1.5 ligt niet tussen 0 en 1 (rij 1)")
    fails(lambda: udfs.PB_RISICOSIMULATIE([0.5], [[3, 1]]), "PB_RISICOSIMULATIE: minimum 3.0 is groter dan maximum 1.0 (rij 1)")
    fails(lambda: udfs.PB_RISICOSIMULATIE([0.5, 0.1], [[3]]), "PB_RISICOSIMULATIE: impacts moet 2 rijen")


def test_tijdsevenredig_single_and_column():
    assert udfs.PB_TIJDSEVENREDIG(1000, 2) == 500.0
    assert udfs.PB_TIJDSEVENREDIG([[1000.0], [400.0]], 3, [[1, 1, 1, 2]]) == [[600.0], [240.0]]
    fails(lambda: udfs.PB_TIJDSEVENREDIG(1, 5), "PB_TIJDSEVENREDIG: kwartaal 5.0 moet 1, 2, 3 of 4 zijn")
    fails(lambda: udfs.PB_TIJDSEVENREDIG(1, 1, [1, 1]), "PB_TIJDSEVENREDIG: profiel moet vier gewichten hebben")


def test_afwijking_four_columns_and_thresholds():
    rows = udfs.PB_AFWIJKING([[100_000.0], [200_000.0], [0.0]], [[106_000.0], [150_000.0], [500.0]],
                             [["lasten"], ["baten"], ["lasten"]], 15_000, 0.05, "en")
    assert rows == [[6000.0, 0.06, "N", False], [-50_000.0, -0.25, "N", True], [500.0, None, "N", False]]
    assert udfs.PB_AFWIJKING(100, 90, "lasten")[0][2] == "V"
    assert udfs.PB_AFWIJKING(100, 100)[0][2:] == ["", False]
    either = udfs.PB_AFWIJKING(100_000, 106_000, "lasten", 15_000, 0.05, "of")
    assert either[0][3] is True
    fails(lambda: udfs.PB_AFWIJKING(1, 1, "kosten"), "PB_AFWIJKING: soort 'kosten' is onbekend; kies uit: lasten, baten")
    fails(lambda: udfs.PB_AFWIJKING(1, 1, "lasten", 0, 0, "maar"), "PB_AFWIJKING: combinatie 'maar' is onbekend; kies uit: en, of")


def test_volumeprijseffect_adds_up_to_the_whole_variance():
    rows = udfs.PB_VOLUMEPRIJSEFFECT([[100.0], [131.0]], [[13_750.0], [13_750.0]], [[110.0], [125.0]],
                                     [[1_600_000.0], [1_700_000.01]])
    for (volume, price), budget, costs in zip(rows, [100 * 13_750, 131 * 13_750], [1_600_000, 1_700_000.01], strict=True):
        assert round(volume + price - (costs - budget), 6) == 0
    assert rows[0] == [137_500.0, 87_500.0]


def test_prognose_methods():
    assert udfs.PB_PROGNOSE(500, 2, 1200) == 1000.0
    assert udfs.PB_PROGNOSE(500, 2, 1200, "begroting") == 1100.0
    assert udfs.PB_PROGNOSE([[300.0], [100.0]], 1, [[1000.0], [400.0]]) == [[1200.0], [400.0]]
    fails(lambda: udfs.PB_PROGNOSE(1, 2, 3, "gok"), "PB_PROGNOSE: methode 'gok' is onbekend; kies uit: lineair, begroting")


def test_financial_functions():
    assert udfs.PB_INDEXEER(100, [[0.02, 0.03]]) == pytest.approx([102.0, 105.06])
    assert udfs.PB_CONTANTEWAARDE(0.05, [[105.0]]) == pytest.approx(100.0)
    assert udfs.PB_KAPITAALLASTEN(1000, 0.05, 4) == pytest.approx([300.0, 287.5, 275.0, 262.5])
    annuity = udfs.PB_KAPITAALLASTEN(1000, 0.0, 4, "annuitair")
    assert annuity == pytest.approx([250.0] * 4)
    fails(lambda: udfs.PB_KAPITAALLASTEN(1000, 0.05, 2.5), "PB_KAPITAALLASTEN: looptijd moet een positief geheel aantal jaren zijn")
    fails(lambda: udfs.PB_KAPITAALLASTEN(1000, 0.05, 4, "degressief"), "PB_KAPITAALLASTEN: methode 'degressief' is onbekend")


def test_bijdragetabel_gemeenten_down_years_across():
    tabel = [["Gemeente", "Product", "Jaar", "Volume"],
             ["Zaanstad", "Beschut", 2023.0, 70.0], ["Purmerend", "Beschut", 2023.0, 35.0],
             ["Zaanstad", "Extern", 2024.0, 100.0], ["Zaanstad", "Beschut", 2024.0, None]]
    prices = [["product", "jaar", "normprijs"], ["Beschut", 2023.0, 13_750.0],
              ["Beschut", 2024.0, 14_000.0], ["Extern", 2024.0, 2_500.0]]
    assert udfs.PB_BIJDRAGETABEL(tabel, prices) == [
        ["gemeente", 2023, 2024],
        ["Zaanstad", 70 * 13_750.0, 100 * 2_500.0],
        ["Purmerend", 35 * 13_750.0, 0.0],
    ]
    fails(lambda: udfs.PB_BIJDRAGETABEL(tabel, prices[:2]), "PB_BIJDRAGETABEL: geen normprijs voor Extern in 2024")
    fails(lambda: udfs.PB_BIJDRAGETABEL([["gemeente", "jaar"], ["a", 1]], prices),
          "PB_BIJDRAGETABEL: tabel mist de kolom(men) product, volume")


def test_logical_and_keyword_arguments_as_a_dutch_excel_sends_them():
    assert udfs.PB_WEERSTANDSKLASSE(1.25, "ONWAAR") == "C"
    assert udfs.PB_WEERSTANDSKLASSE(1.25, "WAAR") == "C – voldoende"
    assert udfs.PB_WEERSTANDSKLASSE(1.25, 1.0) == "C – voldoende"
    fails(lambda: udfs.PB_WEERSTANDSKLASSE(1.25, "misschien"), "PB_WEERSTANDSKLASSE: omschrijving 'misschien' is geen WAAR of ONWAAR")
    assert udfs.PB_KAPITAALLASTEN(1000, 0.0, 2, "Annuïtair") == udfs.PB_KAPITAALLASTEN(1000, 0.0, 2, "annuitair")


def test_one_cell_range_gives_one_value():
    assert udfs.PB_TIJDSEVENREDIG([[1000.0]], 2) == 500.0
    assert udfs.PB_PROGNOSE([[500.0]], 2, [[1200.0]]) == 1000.0
