"""Toelichting thresholds: presets, custom rules, and how the core applies them."""

import pytest

from budgets.excel.rapportblad import new_workbook, put_text
from budgets.kwartaal.drempels import PRESETS, drempels, parse_drempel
from pyfuncs.fouten import InvoerFout
from pyfuncs.kwartaal import variance


@pytest.mark.parametrize("text, bedrag, pct, combinatie", [
    ("> 5% tenzij < €15.000", 15000, 0.05, "en"),
    (">5% tenzij <€ 15.000", 15000, 0.05, "en"),
    ("> €100.000", 100000, 0, "en"),
    ("> €25.000", 25000, 0, "en"),
    ("€ 50.000 en 10%", 50000, 0.10, "en"),
    ("€ 50.000 of 10%", 50000, 0.10, "of"),
    ("7,5%", 0, 0.075, "en"),
    ("€ 12.500,50", 12500.5, 0, "en"),
])
def test_rules_are_read_as_users_write_them(text, bedrag, pct, combinatie):
    rule = parse_drempel(text)
    assert (rule.bedrag, rule.pct, rule.combinatie) == (pytest.approx(bedrag), pytest.approx(pct),
                                                         combinatie)


@pytest.mark.parametrize("text", ["veel", "€ 5 € 6", "5% 6%", "€ 50.000 10%", "€ 1 en 5% of 6%"])
def test_unreadable_rules_are_refused(text):
    with pytest.raises(InvoerFout, match="drempel"):
        parse_drempel(text)


def test_defaults_per_level():
    rules = drempels()
    assert rules["regel"] == rules["product"] == PRESETS["> 5% tenzij < €15.000"]
    assert rules["totaal"] == PRESETS["> €100.000"]
    assert drempels(totaal="> €25.000")["totaal"].bedrag == 25000


@pytest.mark.parametrize("begroot, realisatie, needed", [
    (100_000, 120_000, True),     # 20%, € 20.000
    (100_000, 110_000, False),    # 10% but below € 15.000
    (1_000_000, 1_040_000, False),  # € 40.000 but 4%
    (0, 20_000, True),            # no budget: any variance exceeds the percentage
])
def test_five_percent_unless_small(begroot, realisatie, needed):
    rule = PRESETS["> 5% tenzij < €15.000"]
    result = variance(begroot, realisatie, "lasten", rule.bedrag, rule.pct, rule.combinatie)
    assert result.toelichten is needed


def test_text_from_input_never_becomes_a_formula(tmp_path):
    book = new_workbook()
    sheet = book.create_sheet("Blad1")  # the XlsxWriter-based sheet model starts empty
    put_text(sheet, 1, 1, '=HYPERLINK("http://x","y")')
    book.save(tmp_path / "t.xlsx")
    import openpyxl

    cell = openpyxl.load_workbook(tmp_path / "t.xlsx").worksheets[0]["A1"]
    assert cell.data_type == "s" and cell.value.startswith("=HYPERLINK")
