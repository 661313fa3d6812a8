"""The generated workbook: LibreOffice's values of every formula equal the core's, the
FAST rules hold, output is atomic and deterministic, text stays text."""

import json
import os
import re
import shutil
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_spec import AMOUNTS, specs

from budgets.cli import main
from budgets.excel import rekenmotor
from budgets.spec.laden import load_spec
from budgets.werkboek.genereer import generate
from budgets.werkboek.plan import FIRST_YEAR_COLUMN, UNCHECKED

SAMPLES = ("werkom", "rivierenland")
ALLOWED_FUNCTIONS = {
    "SUM",
    "SUMIFS",
    "SUMPRODUCT",
    "INDEX",
    "MATCH",
    "ROUND",
    "IF",
    "IFERROR",
    "MIN",
    "MAX",
    "AND",
    "OR",
    "ABS",
}
ALLOWED_NUMBERS = {"0", "1", "4", "12", "100", "1000"}
REF = re.compile(r"(?:'[^']+'|[A-Za-z]+)?!?(\$?)([A-Z]{1,3})(\$?)(\d+)")


@pytest.fixture(scope="session")
def generated(tmp_path_factory, root) -> dict:
    """Each sample generated once per session: {name: (spec, plan sheets, path)}."""
    out = tmp_path_factory.mktemp("gegenereerd")
    result = {}
    for name in SAMPLES:
        made = generate(root / "samples" / name / "begroting.yaml", out / f"{name}.xlsx")
        result[name] = (made.spec, made.bladen, made.werkmap)
    return result


@pytest.fixture(scope="session")
def recalculated(generated, libreoffice) -> dict:
    """LibreOffice's recalculated values of each sample, once per session."""
    return {name: rekenmotor.recalculate_with_libreoffice(path) for name, (_s, _b, path) in generated.items()}


def _close(expected, actual) -> bool:
    if expected in ("", None):
        return actual in ("", None)
    if isinstance(expected, bool) or isinstance(actual, bool):
        return expected is actual
    if isinstance(expected, (int, float)):
        return isinstance(actual, (int, float)) and abs(expected - actual) <= 0.005
    if isinstance(expected, datetime) and isinstance(actual, (int, float)):  # `formulas` gives the serial
        return actual == (expected - datetime(1899, 12, 30)).days
    return expected == actual


@pytest.mark.parametrize("name", SAMPLES)
def test_libreoffice_values_equal_the_core(name, generated, recalculated):
    _spec, sheets, _path = generated[name]
    compared, wrong = 0, []
    for blad in sheets:
        values = recalculated[name][blad.titel]
        for adres, cel in blad.cellen.items():
            if cel.verwacht is UNCHECKED:
                continue
            compared += 1
            if not _close(cel.verwacht, values.get(adres)):
                wrong.append(f"{blad.titel}!{adres}: {values.get(adres)!r} != {cel.verwacht!r}")
    assert not wrong, wrong[:10]
    assert compared > 500


@pytest.mark.parametrize("name", SAMPLES)
def test_no_error_values_and_master_check_true(name, recalculated):
    values = recalculated[name]
    errors = [
        (s, a, v) for s, cells in values.items() for a, v in cells.items() if rekenmotor.is_error_value(v)
    ]
    assert errors == []
    assert values["Controles"]["D4"] is True
    master = [v for a, v in values["Voorblad"].items() if a.startswith("B") and isinstance(v, bool)]
    assert master == [True]


def test_every_calculated_cell_is_a_formula_except_the_simulation(generated):
    _spec, _sheets, path = generated["werkom"]
    book = openpyxl.load_workbook(path)
    typed = {}
    for sheet in book.worksheets:
        if sheet.title == "Uitgangspunten":
            continue
        for row in sheet.iter_rows():
            for c in row:
                if isinstance(c.value, (int, float)) and not isinstance(c.value, bool):
                    typed.setdefault(c.style, []).append(f"{sheet.title}!{c.coordinate}")
    # the simulated benodigde capaciteit, one value per year, only
    assert typed == {"berekend": [f"Weerstandsvermogen!{c}20" for c in "EFGHI"]}


def _formulas(sheets, headers: bool = True):
    for blad in sheets:
        for adres, cel in blad.cellen.items():
            if not cel.tekst and isinstance(cel.waarde, str) and cel.waarde.startswith("="):
                if headers or cel.stijl != "kop":
                    yield blad, adres, cel.waarde


@pytest.mark.parametrize("name", SAMPLES)
def test_formulas_follow_the_fast_rules(name, generated):
    _spec, sheets, _path = generated[name]
    for blad, adres, formula in _formulas(sheets):
        functions = set(re.findall(r"([A-Z][A-Z0-9_.]*)\(", formula))
        assert functions <= ALLOWED_FUNCTIONS, (blad.titel, adres, formula)
        bare = re.sub(r'"[^"]*"', "", formula)
        bare = REF.sub("", bare)
        numbers = set(re.findall(r"\d+(?:\.\d+)?", bare))
        assert numbers <= ALLOWED_NUMBERS, (blad.titel, adres, formula, numbers)
        assert "OFFSET" not in formula and "INDIRECT" not in formula and "_xlfn" not in formula


def _relative(formula: str, column: int, row: int) -> str:
    """The formula in R1C1 spirit: relative references as offsets."""
    from openpyxl.utils import column_index_from_string

    def shift(match):
        c_abs, letters, r_abs, digits = match.groups()
        c = letters if c_abs else f"C[{column_index_from_string(letters) - column}]"
        r = digits if r_abs else f"R[{int(digits) - row}]"
        return f"{r}{c}"

    return REF.sub(shift, formula)


@pytest.mark.parametrize("name", SAMPLES)
def test_one_formula_per_row_across_the_years(name, generated):
    spec, sheets, _path = generated[name]
    from openpyxl.utils.cell import column_index_from_string, coordinate_from_string

    last = FIRST_YEAR_COLUMN + len(spec.jaren) - 1
    rows: dict = {}
    for blad, adres, formula in _formulas(sheets, headers=False):  # the timeline starts at the input
        if blad.titel in ("In één oogopslag", "Grafieken") or blad.titel.startswith(("Raadsoverzicht ", "Raad ")):
            continue  # their tables have columns T−1, T and the change (or products), not one row of years
        letters, row = coordinate_from_string(adres)
        column = column_index_from_string(letters)
        first = 2 if blad.soort == "uitvoer" else FIRST_YEAR_COLUMN  # output sheets: years from column B
        if blad.titel == "Balans":  # label, BBV article, -, opening balance (1 januari), then the years
            first = FIRST_YEAR_COLUMN
        if (
            first <= column <= last - FIRST_YEAR_COLUMN + first
            and blad.titel != "Weerstandsvermogen"
            or (blad.titel == "Weerstandsvermogen" and column >= FIRST_YEAR_COLUMN and row > 10)
        ):
            rows.setdefault((blad.titel, row), set()).add(_relative(formula, column, row))
    different = {key: forms for key, forms in rows.items() if len(forms) > 1}
    assert not different, list(different.items())[:3]


def test_same_spec_gives_the_same_bytes(generated, root, tmp_path):
    _spec, _sheets, path = generated["werkom"]
    again = generate(root / "samples" / "werkom" / "begroting.yaml", tmp_path / "opnieuw.xlsx").werkmap
    assert again.read_bytes() == path.read_bytes()
    props = openpyxl.load_workbook(again).properties
    assert (
        props.created.date()
        == props.modified.date()
        == load_spec(root / "samples/werkom/begroting.yaml").datum
    )


def test_round_trip_through_the_workbook(generated, tmp_path):
    for name in SAMPLES:
        spec, _sheets, path = generated[name]
        back = load_spec(path)
        assert back == spec
        again = generate(path, tmp_path / f"{name}-terug.xlsx").werkmap
        assert again.read_bytes() == path.read_bytes()


def _rename(value, old: str, new: str):
    if isinstance(value, dict):
        return {_rename(k, old, new): _rename(v, old, new) for k, v in value.items()}
    if isinstance(value, list):
        return [_rename(v, old, new) for v in value]
    return new if value == old else value


def test_a_formula_like_gemeente_name_stays_text(root, tmp_path):
    evil = '=HYPERLINK("http://x","y")'
    raw = yaml.safe_load((root / "samples" / "werkom" / "begroting.yaml").read_text(encoding="utf-8"))
    spec = tmp_path / "kwaad.yaml"
    spec.write_text(yaml.safe_dump(_rename(raw, "Purmerend", evil), allow_unicode=True), encoding="utf-8")
    made = generate(spec, tmp_path / "kwaad.xlsx")
    assert evil in made.spec.gemeenten
    book = openpyxl.load_workbook(made.werkmap)
    cells = [c for ws in book.worksheets for row in ws.iter_rows() for c in row if c.value == evil]
    assert cells and all(c.data_type == "s" for c in cells)
    assert not [
        c
        for ws in book.worksheets
        for row in ws.iter_rows()
        for c in row
        if isinstance(c.value, str) and "HYPERLINK" in c.value and c.data_type == "f"
    ]


def test_refuses_to_overwrite_and_leaves_no_file_on_error(generated, tmp_path, root, capsys):
    _spec, _sheets, path = generated["werkom"]
    target = tmp_path / "bestaat.xlsx"
    shutil.copyfile(path, target)
    before = target.read_bytes()
    code = main(
        ["genereer", str(root / "samples/werkom/begroting.yaml"), "-o", str(target), "--niet-controleren"]
    )
    assert code == 2
    assert "bestaat al; gebruik --overschrijf" in capsys.readouterr().err
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bestaat.xlsx"]


def test_summary_json_and_short_output(root, tmp_path, capsys):
    out, summary = tmp_path / "w.xlsx", tmp_path / "w.json"
    code = main(
        [
            "genereer",
            str(root / "samples/werkom/begroting.yaml"),
            "-o",
            str(out),
            "--samenvatting",
            str(summary),
            "--niet-controleren",
        ]
    )
    assert code == 0
    lines = capsys.readouterr().out.splitlines()
    # 12 + the BBV sheets (Werkom has a balans) + Kengetallen (overzicht) + Doelgroepontwikkeling
    # + In één oogopslag + a Raadsoverzicht per gemeente
    assert lines[0].startswith(f"Werkmap geschreven: {out} (24 bladen, ")
    data = json.loads(summary.read_text(encoding="utf-8"))
    spec = load_spec(root / "samples/werkom/begroting.yaml")
    assert set(data["bijdrage_per_gemeente"]) == set(spec.gemeenten)
    assert data["bijdrage_per_gemeente"]["Zaanstad"]["2023"] == pytest.approx(
        sum(spec.bijdrage("Zaanstad", p.naam, 2023) for p in spec.producten)
    )
    assert data["weerstandsvermogen"]["klasse"]["2023"] in "ABCDEF"


def test_formulas_engine_agrees_on_werkom(generated):
    _spec, sheets, path = generated["werkom"]
    values = rekenmotor.recalculate_with_formulas(path)
    wrong = [
        f"{b.titel}!{a}"
        for b in sheets
        for a, c in b.cellen.items()
        if c.verwacht is not UNCHECKED and not _close(c.verwacht, values.get(b.titel, {}).get(a))
    ]
    assert not wrong, wrong[:10]


def test_sheets_print_setup_and_frozen_panes(generated):
    book = openpyxl.load_workbook(generated["werkom"][2])
    assert book.sheetnames == [
        "Voorblad",
        "Inhoud",
        "In één oogopslag",
        "Overzicht baten en lasten",
        "Raadsoverzicht Zaanstad",
        "Raadsoverzicht Purmerend",
        "Uitgangspunten",
        "Doelgroepontwikkeling",
        "Productbegroting",
        "Bijdragen",
        "Verdeling",
        "Exploitatie",
        "Weerstandsvermogen",
        "Kengetallen",
        "Kengetallen (overzicht)",
        "Balansmutaties",
        "Balans",
        "EMU-saldo",
        "Reserves en voorzieningen",
        "Taakvelden",
        "Incidentele baten en lasten",
        "Paragrafen",
        "Controles",
        "Grafieken",
    ]
    for sheet in book.worksheets:
        assert sheet.sheet_state == "visible"
        # the title page prints upright; tables print landscape, so their type stays above 8 pt
        portrait = sheet.title == "Voorblad"
        assert sheet.page_setup.orientation == ("portrait" if portrait else "landscape")
        assert "&P" in sheet.oddFooter.right.text and "ontwerp" in sheet.oddFooter.left.text
    assert book["Productbegroting"].freeze_panes == "E4"
    assert len(book["Grafieken"]._charts) == 3  # saldo and reserve, bijdrage per gemeente, ratio vs norm
    assert {"invoer", "berekening", "koppeling", "totaal", "controle", "kop"} <= set(book.named_styles)


def test_default_command_generates_werkom(tmp_path, monkeypatch, capsys, libreoffice):
    monkeypatch.chdir(tmp_path)
    assert main(["genereer"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("Werkmap geschreven: uitvoer/werkom-begroting-2023.xlsx")
    assert out[-1].startswith("In orde:") and len(out) == 2
    assert Path("uitvoer/werkom-begroting-2023.xlsx").exists()


def test_a_restyled_template_is_kept(root, tmp_path):
    book = openpyxl.load_workbook(root / "xl/templates/begroting-sjabloon.xlsx")
    style = next(s for s in book._named_styles if s.name == "invoer")
    style.fill = openpyxl.styles.PatternFill("solid", fgColor="FF00FF")
    template = tmp_path / "eigen-huisstijl.xlsx"
    book.save(template)
    made = generate(root / "samples/werkom/begroting.yaml", tmp_path / "w.xlsx", sjabloon=template)
    cell = openpyxl.load_workbook(made.werkmap)["Uitgangspunten"]["C5"]
    assert cell.style == "invoer"
    assert cell.fill.fgColor.rgb.endswith("FF00FF")


def test_the_generator_is_documented(root):
    text = (root / "docs/generator.md").read_text(encoding="utf-8")
    for option in ("--uitvoer", "--overschrijf", "--samenvatting", "--pdf", "--niet-controleren", "--sjabloon",
                   "--engine", "--max", "begroting genereer", "begroting controleer"):
        assert option in text, option


def test_an_existing_summary_stops_before_the_workbook_is_written(root, tmp_path, capsys):
    (tmp_path / "w.json").write_text("{}", encoding="utf-8")
    code = main(["genereer", str(root / "samples/werkom/begroting.yaml"), "-o", str(tmp_path / "w.xlsx"),
                 "--samenvatting", str(tmp_path / "w.json"), "--niet-controleren"])
    assert code == 2
    assert "w.json: bestaat al" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["w.json"]


FOOTER = r"(\S(?:\S| (?! ))*) – pagina \d+ van"  # the sheet's name in the footer (pdftotext -layout)


def _pdf_text(pdf: Path) -> tuple[int, str]:
    """The page count and the text of a PDF (poppler's pdftotext); skips without poppler."""
    import subprocess

    if shutil.which("pdftotext") is None:
        if os.environ.get("CI"):
            pytest.fail("pdftotext ontbreekt in CI: .ci/run hoort poppler-utils te installeren")
        pytest.skip("pdftotext (poppler-utils) is niet geïnstalleerd")
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    return text.count("\f"), text


def test_pdf_prints_the_board_pack_and_volledig_every_sheet(root, tmp_path, libreoffice, capsys):
    spec = str(root / "samples/werkom/begroting.yaml")
    assert main(["genereer", spec, "-o", str(tmp_path / "w.xlsx"), "--pdf", "--niet-controleren"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == f"PDF geschreven: {tmp_path / 'w.pdf'}"
    assert main(["genereer", spec, "-o", str(tmp_path / "v.xlsx"), "--pdf", "volledig", "--niet-controleren"]) == 0
    pages, text = _pdf_text(tmp_path / "w.pdf")
    all_pages, all_text = _pdf_text(tmp_path / "v.pdf")
    assert 0 < pages < all_pages
    assert "Ontwerpbegroting 2023 – Werkom" in text and "Overzicht baten en lasten" in text
    printed = re.findall(FOOTER, text)  # the footer names the sheet
    assert printed[:4] == ["Voorblad", "Inhoud", "In één oogopslag", "Overzicht baten en lasten"]
    assert "Grafieken" in printed and "Exploitatie" not in printed  # not even its print area
    assert "Exploitatie" in re.findall(FOOTER, all_text)
    book = openpyxl.load_workbook(tmp_path / "w.xlsx", read_only=True)
    assert all(ws.sheet_state == "visible" for ws in book.worksheets)  # the workbook keeps every sheet


EDGE = {
    "gr": {"naam": "Randgevallen", "begrotingsjaar": 2025, "jaren": [2025], "datum": "2024-09-01"},
    "deelnemers": [{"naam": "'s-Hertogenbosch"}, {"naam": "+Plus"}, {"naam": "@Apenstaart"}],
    "producten": [{"naam": "Re-integratie", "eenheid": "plek", "normprijs": {2025: 1000.005}},
                  {"naam": "Leeg product", "eenheid": "persoon", "normprijs": {2025: 10}}],
    "volumes": [{"product": "Re-integratie", "totaal": {2025: 10}, "verdeelsleutel": "Gelijk"}],
    "verdeelsleutels": [{"naam": "Gelijk", "soort": "vast",
                         "aandelen": {"'s-Hertogenbosch": 1, "+Plus": 1, "@Apenstaart": 1}}],
    "exploitatie": [{"naam": "Lasten", "soort": "lasten", "bedragen": {2025: 100.0}}],
    "reserve": {"stand_begin": 0, "verdeelsleutel": "Gelijk"},
}


def test_edge_cases_ties_one_year_no_risks(tmp_path, libreoffice):
    """A deficit of € 100.00 over three equal keys: 33.34, 33.33, 33.33 (ties to the
    earlier gemeente), in the workbook as in the core; odd names stay text."""
    spec = tmp_path / "rand.yaml"
    spec.write_text(yaml.safe_dump(EDGE, allow_unicode=True), encoding="utf-8")
    made = generate(spec, tmp_path / "rand.xlsx")
    assert made.resultaten.saldo_gemeenten[2025] == (33.34, 33.33, 33.33)
    values = rekenmotor.recalculate_with_libreoffice(made.werkmap)
    wrong = [f"{b.titel}!{a}" for b in made.bladen for a, c in b.cellen.items()
             if c.verwacht is not UNCHECKED and not _close(c.verwacht, values[b.titel].get(a))]
    assert not wrong, wrong[:10]
    assert values["Controles"]["D4"] is True
    assert "Weerstandsvermogen" not in values  # no risks: no sheet (only what the GR has)
    names = {c.value for row in openpyxl.load_workbook(made.werkmap)["Uitgangspunten"].iter_rows() for c in row}
    assert {"'s-Hertogenbosch", "+Plus", "@Apenstaart"} <= names


@st.composite
def _varied_specs(draw) -> dict:
    """The round-trip specs plus a reserve with a minimum and a ceiling, so that
    deficits, surpluses, ties and returns to the gemeenten all occur."""
    raw = draw(specs())
    raw["reserve"]["minimum"] = draw(AMOUNTS) / 10
    raw["reserve"]["maximum_percentage" if draw(st.booleans()) else "maximum"] = draw(AMOUNTS) / 10
    raw["reserve"]["maximum"] = max(raw["reserve"].get("maximum", 0), raw["reserve"]["minimum"])
    if "maximum_percentage" in raw["reserve"]:
        raw["reserve"].pop("maximum")
        raw["reserve"]["maximum_percentage"] = draw(st.integers(0, 50)) / 100
        raw["reserve"]["minimum"] = 0.0
    return raw


@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=_varied_specs())
def test_libreoffice_agrees_with_the_core_on_random_specs(raw, tmp_path_factory, libreoffice):
    folder = tmp_path_factory.mktemp("willekeurig")
    path = folder / "s.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    made = generate(path, folder / "s.xlsx")
    values = rekenmotor.recalculate_with_libreoffice(made.werkmap)
    wrong = [f"{b.titel}!{a}: {values[b.titel].get(a)!r} != {c.verwacht!r}" for b in made.bladen
             for a, c in b.cellen.items()
             if c.verwacht is not UNCHECKED and not _close(c.verwacht, values[b.titel].get(a))]
    assert not wrong, wrong[:5]
    errors = [a for cells in values.values() for a, v in cells.items() if rekenmotor.is_error_value(v)]
    assert not errors


@pytest.mark.parametrize("name", SAMPLES)
def test_every_formula_cell_carries_the_recalculated_value(name, generated, recalculated):
    """Opened without recalculation (Protected View, previews, data_only), every formula
    cell shows a value, and it is the value LibreOffice computes from the formulas."""
    _spec, _sheets, path = generated[name]
    formulas = openpyxl.load_workbook(path)
    cached = openpyxl.load_workbook(path, data_only=True)
    values = recalculated[name]
    checked = 0
    for sheet in formulas.worksheets:
        for row in sheet.iter_rows():
            for c in row:
                if not (isinstance(c.value, str) and c.value.startswith("=")):
                    continue
                value = cached[sheet.title][c.coordinate].value
                assert value is not None, (sheet.title, c.coordinate, c.value)
                expected = values[sheet.title].get(c.coordinate)
                assert _close(expected, value) or (expected is None and value == ""), (
                    sheet.title, c.coordinate, c.value, value, expected)
                assert isinstance(value, bool) == isinstance(expected, bool), (sheet.title, c.coordinate)
                checked += 1
    assert checked > 500


def test_checks_are_booleans_that_excel_shows_as_waar(generated):
    _spec, _sheets, path = generated["werkom"]
    cached = openpyxl.load_workbook(path, data_only=True)
    assert cached["Controles"]["D4"].value is True
