"""The PB_ functions called through classic xlwings' own code (xlwings/udfs.py call_udf and its
argument conversion, with pywin32 replaced by stand-ins), with values as Excel's COM
interface hands them over: ranges as tuples of tuples, € cells as Decimal, dates as
datetimes, error cells as COM error codes, omitted optional arguments as "missing"."""

import datetime as dt
import re
from decimal import Decimal as D
from pathlib import Path

import pytest
import xlwings_com as xc

from pyfuncs import udfs as pyfuncs_udfs

ROOT = Path(__file__).resolve().parent.parent
MODULE = "pyfuncs.udfs"
M = xc.MISSING
NA = xc.COM_ERRORS["#N/A"]


@pytest.fixture
def excel(monkeypatch):
    """call(name, *args): what classic Excel puts in the cell for =name(args)."""
    xl_udfs, _ = xc.load_classic_xlwings(monkeypatch)
    module = xc.decorate_like_windows(pyfuncs_udfs, xl_udfs, monkeypatch)
    monkeypatch.setitem(xl_udfs.udf_modules, MODULE, {"filename": module.__file__, "filetime": None,
                                                       "module": module})

    def call(name, *args):
        return xl_udfs.call_udf(MODULE, name, args, None, None)

    call.xlwings = xl_udfs
    call.module = module
    return call


def col(*values):
    return tuple((v,) for v in values)


# The README table "De Excel-functies": each example with its amounts in € cells (Decimal).
README_CALLS = {
    "PB_NORMBEDRAG": [((1450.0, 1400.0), (105.0, 131.0)), col(D("3000"), D("13750"))],
    "PB_BIJDRAGE": [((70.0, 25.0, 130.0), (35.0, 12.0, 70.0)), ((D("13750"), D("10000"), D("2500")),)],
    "PB_VERDEEL": [D("1797000.01"), col(2.0, 1.0), M],
    "PB_AFREKENING": [col(131.0, 400.0), col(125.0, 390.0), col(D("13750"), D("600")),
                      col("minimum", "realisatie")],
    "PB_SALDOVERDELING": [D("-1055000"), col(D("2400000"), D("1200000")), D("800000"), D("250000"), M],
    "PB_WEERSTANDSRATIO": [D("800000"), D("650000")],
    "PB_WEERSTANDSKLASSE": [1.23, True],
    "PB_RISICOSIMULATIE": [col(0.3, 0.5, 0.1), ((D("200000"), D("600000")), (D("150000"), D("150000")),
                                                (D("500000"), D("1500000"))), 0.9, 10000.0, 1.0],
    "PB_TIJDSEVENREDIG": [D("1443750"), 2.0, M],
    "PB_AFWIJKING": [col(D("721875"), D("450000")), col(D("790000"), D("440000")), col("lasten", "baten"),
                     D("15000"), 0.05, "en"],
    "PB_VOLUMEPRIJSEFFECT": [105.0, D("13750"), 112.0, D("1610000")],
    "PB_PROGNOSE": [D("790000"), 2.0, D("1443750"), M],
    "PB_INDEXEER": [D("13750"), ((0.031, 0.025, 0.02),)],
    "PB_CONTANTEWAARDE": [0.03, ((D("250000"), D("250000"), D("250000")),)],
    "PB_KAPITAALLASTEN": [D("600000"), 0.03, 5.0, "lineair"],
    "PB_BIJDRAGETABEL": [(("gemeente", "product", "jaar", "volume"), ("Zaanstad", "Beschut", 2023.0, 70.0),
                          ("Purmerend", "Beschut", 2023.0, 35.0), ("Zaanstad", "Beschut", 2024.0, 87.0),
                          ("Purmerend", "Beschut", 2024.0, 44.0), (None, None, None, None)),
                         (("product", "jaar", "normprijs"), ("Beschut", 2023.0, D("13750")),
                          ("Beschut", 2024.0, D("14176")))],
    "PB_WSWUITSTROOM": [col(10.0, 20.0), col(1958.0, 1975.0), ((2024.0, 2025.0),), ((67.0, 67.0),), 0.05, 0.9],
}
# The README shows one more call in the same row: PB_PROGNOSE with methode "begroting".
EXTRA_CALLS = {"PB_PROGNOSE": [D("790000"), 2.0, D("1443750"), "begroting"]}

NUMBER = r"[−-]?\d{1,3}(?:\.\d{3})*(?:,\d+)?%?"
WORDS = ("C – voldoende", "WAAR", "ONWAAR", "N", "V", "Zaanstad", "Purmerend")


def readme_results() -> dict[str, list[str]]:
    """Per function, the tokens of the README's uitkomst column (numbers and words, in order)."""
    results = {}
    for line in (ROOT / "README.md").read_text(encoding="utf-8").splitlines():
        found = re.match(r"\| `(PB_\w+)\(.*\| (.*) \|$", line)
        if found:
            pattern = "|".join([*map(re.escape, WORDS), NUMBER])
            results[found.group(1)] = re.findall(rf"(?<![\w,.])(?:{pattern})(?![\w])", found.group(2))
    return results


def flat(result) -> list:
    if isinstance(result, (list, tuple)):
        return [x for item in result for x in flat(item)]
    return [result]


def matches(value, token: str) -> bool:
    if not re.fullmatch(NUMBER, token):
        return value == token or (isinstance(value, bool) and token == ("WAAR" if value else "ONWAAR"))
    text = token.replace("−", "-").replace(".", "").replace(",", ".")
    scale = 100 if text.endswith("%") else 1
    text = text.rstrip("%")
    decimals = len(text.partition(".")[2])
    return isinstance(value, float) and D(repr(value * scale)).quantize(D(1).scaleb(-decimals)) == D(text)


def test_every_readme_example_through_xlwings_with_euro_cells(excel):
    expected = readme_results()
    assert set(expected) == set(README_CALLS) == {n for n in dir(pyfuncs_udfs) if n.startswith("PB_")}
    for name, args in README_CALLS.items():
        shown = flat(excel(name, *args)) + (flat(excel(name, *EXTRA_CALLS[name])) if name in EXTRA_CALLS else [])
        if name == "PB_BIJDRAGETABEL":
            shown = shown[3:]  # the header row (gemeente, 2023, 2024) is not in the README
        shown = [v for v in shown if v is not None]
        assert len(shown) == len(expected[name]), (name, shown, expected[name])
        for value, token in zip(shown, expected[name], strict=True):
            assert matches(value, token), (name, value, token)


def test_xlwings_turns_error_cells_into_none_unless_err_to_str(excel):
    from xlwings import conversion

    cells = ((1.0,), (NA,), (xc.COM_ERRORS["#DIV/0!"],))
    assert conversion.read(None, cells, {"ndim": 2}) == [[1.0], [None], [None]]
    assert conversion.read(None, cells, {"ndim": 2, "err_to_str": True}) == [[1.0], ["#N/A"], ["#DIV/0!"]]


def test_every_argument_declares_err_to_str(excel):
    for name in README_CALLS:
        for argument in getattr(excel.module, name).__xlfunc__["args"]:
            assert argument["options"].get("err_to_str") is True, (name, argument["name"])


def _with_error(value, code: int):
    """value with its last cell replaced by an error code (a single cell becomes the error)."""
    if isinstance(value, tuple) and value and isinstance(value[0], tuple):
        rows = [list(row) for row in value]
        rows[-1][-1] = code
        return tuple(tuple(row) for row in rows), (len(rows), len(rows[-1]))
    return code, None


DUTCH = {"#N/A": "#N/B", "#DIV/0!": "#DEEL/0!", "#VALUE!": "#WAARDE!", "#REF!": "#VERW!",
         "#NAME?": "#NAAM?", "#NUM!": "#GETAL!", "#NULL!": "#LEEG!"}


@pytest.mark.parametrize("code", sorted(xc.COM_ERRORS))
def test_an_error_cell_in_any_argument_is_named_never_zero(excel, code):
    for name, args in README_CALLS.items():
        parameters = [a["name"] for a in getattr(excel.module, name).__xlfunc__["args"]]
        if name == "PB_BIJDRAGETABEL":
            continue  # its tables name the cell by row and column: see the next test
        for position, value in enumerate(args):
            if value is M:
                continue
            bad, size = _with_error(value, xc.COM_ERRORS[code])
            shown = excel(name, *args[:position], bad, *args[position + 1:])
            where = "" if size is None else (f" rij {size[0]}" if size[1] == 1 else
                                             f" rij {size[0]}, kolom {size[1]}")
            assert shown == [[f"{name}: {parameters[position]}{where} bevat een foutwaarde ({DUTCH[code]})"]], shown


def test_an_error_cell_in_a_table_names_row_and_column(excel):
    tabel, prijzen = README_CALLS["PB_BIJDRAGETABEL"]
    rows = [list(row) for row in tabel]
    rows[2][3] = NA
    shown = excel("PB_BIJDRAGETABEL", tuple(map(tuple, rows)), prijzen)
    assert shown == [["PB_BIJDRAGETABEL: tabel rij 3, kolom 4 bevat een foutwaarde (#N/B)"]]


def test_dates_as_quarter_and_year(excel):
    june = dt.datetime(2023, 6, 30)  # what xlwings makes of a date cell
    assert excel("PB_TIJDSEVENREDIG", D("1000"), june, M) == excel("PB_TIJDSEVENREDIG", D("1000"), 2.0, M)
    assert excel("PB_TIJDSEVENREDIG", D("1000"), 45107.0, M) == [[500.0]]  # Lite: 30-06-2023 as serial
    tabel = (("gemeente", "product", "jaar", "volume"), ("Zaanstad", "Beschut", dt.datetime(2023, 1, 1), 70.0),
             ("Purmerend", "Beschut", "2023", 35.0))
    prijzen = (("product", "jaar", "normprijs"), ("Beschut", 2023.0, D("13750")))
    assert excel("PB_BIJDRAGETABEL", tabel, prijzen) == [["gemeente", 2023], ["Zaanstad", 70 * 13750.0],
                                                         ["Purmerend", 35 * 13750.0]]


def test_numeric_text_dutch_or_english_only_when_unambiguous(excel):
    assert excel("PB_VERDEEL", "1.797.000,01", col(2.0, 1.0), M) == excel("PB_VERDEEL", "1,797,000.01",
                                                                         col(2.0, 1.0), M)
    assert excel("PB_VERDEEL", "1797000,01", col(2.0, 1.0), M) == [[1198000.01], [599000.0]]
    assert excel("PB_VERDEEL", "1.500", col(1.0), M)[0][0].startswith(
        "PB_VERDEEL: bedrag bevat '1.500': is dat een decimaal getal of een getal met duizendtallen?")


def test_blank_rows_at_the_end_do_not_count_but_a_gap_in_a_table_does(excel):
    tabel = (("gemeente", "product", "jaar", "volume"), ("Zaanstad", "Beschut", 2023.0, 70.0),
             (None, None, None, None), ("Purmerend", "Beschut", 2023.0, 35.0))
    prijzen = (("product", "jaar", "normprijs"), ("Beschut", 2023.0, D("13750")), (None, None, None))
    assert excel("PB_BIJDRAGETABEL", tabel, prijzen) == [[
        "PB_BIJDRAGETABEL: tabel rij 3 is leeg; haal lege rijen uit de tabel"]]
    assert excel("PB_BIJDRAGETABEL", tabel[:2] + ((None,) * 4,) * 3, prijzen) == [["gemeente", 2023],
                                                                                  ["Zaanstad", 962500.0]]
    with_spare_rows = excel("PB_AFREKENING", col(131.0, None, None), col(125.0, None, None),
                            col(D("13750"), None, None), M)
    assert with_spare_rows == [[1801250.0]]


def test_a_spare_blank_price_row_is_not_read_as_one_price_for_all(excel):
    # normprijzen C1:C2 with C2 empty next to two volume rows: product 2 costs 0, not 3000
    assert excel("PB_NORMBEDRAG", ((1.0, 2.0), (3.0, 4.0)), col(D("3000"), None)) == [[3000.0, 6000.0], [0.0, 0.0]]


def test_limits_and_impossible_arguments(excel):
    cases = {
        ("PB_VERDEEL", 1e30, col(1.0), M): "PB_VERDEEL: bedrag 1e+30 is te groot: gebruik getallen kleiner dan "
                                           "10.000.000.000.000 (10^13)",
        ("PB_VERDEEL", D("123456789012345.67"), col(1.0, 1.0), M): "PB_VERDEEL: bedrag 123456789012345.67 is te groot",
        ("PB_RISICOSIMULATIE", col(0.5), col(1000.0), 0.9, 1e11, 1.0): "PB_RISICOSIMULATIE: trekkingen moet een geheel "
                                                                      "getal van 1 tot en met 1.000.000 zijn",
        ("PB_RISICOSIMULATIE", col(0.5), col(1000.0), 0.9, 100.0, -1.0): "PB_RISICOSIMULATIE: startwaarde moet een "
                                                                        "geheel getal van 0",
        ("PB_KAPITAALLASTEN", D("1000"), -1.0, 4.0, "annuitair"): "PB_KAPITAALLASTEN: rente moet groter dan -100% zijn",
        ("PB_KAPITAALLASTEN", D("1000"), -1.0, 4.0, M): "PB_KAPITAALLASTEN: rente moet groter dan -100% zijn",
        ("PB_INDEXEER", D("100"), ((0.02, -1.0),)): "PB_INDEXEER: een indexpercentage van -100% of lager kan niet",
        ("PB_WEERSTANDSRATIO", D("1000000"), 1e-320): "PB_WEERSTANDSRATIO: de uitkomst is oneindig groot",
        ("PB_AFREKENING", 9e12, 9e12, 9e12, M): "PB_AFREKENING: de uitkomst is te groot om tot op de cent exact te zijn",
        ("PB_VERDEEL", True, col(1.0), M): "PB_VERDEEL: bedrag bevat WAAR of ONWAAR waar een getal hoort",
    }
    for (name, *args), message in cases.items():
        shown = excel(name, *args)
        assert isinstance(shown[0][0], str) and shown[0][0].startswith(message), (name, shown)


def test_cents_are_kept_up_to_the_limit(excel):
    parts = excel("PB_VERDEEL", D("9999999999999.99"), col(1.0, 1.0, 1.0), M)
    cents = [int(D(repr(p)).scaleb(2)) for (p,) in parts]
    assert sum(cents) == 999_999_999_999_999
