"""The board pack's output sheets: In één oogopslag, a Raadsoverzicht per gemeente and the
Grafieken — live formulas whose cached values are the core's, recalculated by LibreOffice,
and only what the GR has."""

import pytest

from budgets.excel import rekenmotor
from budgets.spec.laden import load_spec
from budgets.werkboek.genereer import generate
from budgets.werkboek.oogopslag import OO, largest_risks
from budgets.werkboek.raadsoverzicht import sheet_names
from pyfuncs.afronding import excel_round


@pytest.fixture(scope="module")
def werkom_book(root, tmp_path_factory, libreoffice):
    made = generate(root / "samples/werkom/begroting.yaml", tmp_path_factory.mktemp("bs") / "w.xlsx")
    return made, rekenmotor.recalculate_with_libreoffice(made.werkmap)


def _find(values: dict, label: str) -> int:
    """The row of a label in column A."""
    return next(int(a[1:]) for a, v in values.items() if a.startswith("A") and a[1:].isdigit() and v == label)


def test_oogopslag_shows_the_bijdrage_per_gemeente_t_against_t_minus_1(werkom_book):
    made, values = werkom_book
    b, res, sheet = made.spec, made.resultaten, values[OO]
    e = b.presentatie.eenheid
    for gi, g in enumerate(b.gemeenten):
        r = _find(sheet, g)
        before, now = (excel_round(float(res.productbijdragen[y][gi].sum() + res.doorbelastingen[y][gi]) / e)
                       for y in (2022, 2023))
        assert (sheet[f"B{r}"], sheet[f"C{r}"], sheet[f"D{r}"]) == (before, now, now - before)
    total = _find(sheet, "Totaal")
    assert sheet[f"C{total}"] == sum(sheet[f"C{_find(sheet, g)}"] for g in b.gemeenten)


def test_oogopslag_shows_the_reserve_and_the_three_largest_risks(werkom_book):
    made, values = werkom_book
    b, res, sheet = made.spec, made.resultaten, values[OO]
    r = _find(sheet, "Algemene reserve, stand einde jaar")
    assert sheet[f"C{r}"] == excel_round(res.reserve_eind[2023] / b.presentatie.eenheid)
    assert sheet[f"C{_find(sheet, 'Weerstandsratio (beschikbaar / benodigd)')}"] == pytest.approx(res.ratio[2023])
    names = [b.risicos[n - 1].naam for n in largest_risks(b)]
    assert len(names) == min(3, len(b.risicos))
    assert all(_find(sheet, naam) for naam in names)


def test_largest_risks_rank_by_kans_times_maximum():
    from types import SimpleNamespace as NS

    b = NS(risicos=[NS(kans=0.5, maximum=100), NS(kans=0.1, maximum=5000), NS(kans=1, maximum=10),
                    NS(kans=0.3, maximum=1000)])
    assert largest_risks(b) == [2, 4, 1]


def test_raadsoverzicht_per_gemeente_adds_up_to_its_bijdrage(werkom_book):
    made, values = werkom_book
    b, res = made.spec, made.resultaten
    e = b.presentatie.eenheid
    for gi, g in enumerate(b.gemeenten):
        sheet = values[f"Raadsoverzicht {g}"]
        assert sheet["A1"] == f"Raadsoverzicht gemeente {g}"
        for j, p in enumerate(b.producten):
            r = _find(sheet, p.naam)
            assert sheet[f"C{r}"] == excel_round(float(res.productbijdragen[2023][gi][j]) / e)
            assert sheet[f"D{r}"] == sheet[f"C{r}"] - sheet[f"B{r}"]
        sub = _find(sheet, "Bijdrage voor de producten")
        assert sheet[f"C{sub}"] == sum(sheet[f"C{_find(sheet, p.naam)}"] for p in b.producten)
        share = _find(sheet, "Extra bijdrage (+) of terugbetaling (−)")
        for column, y in zip("BCDEF", b.jaren, strict=True):
            amount = excel_round(float(res.saldo_gemeenten[y][gi]) / e)
            assert sheet[f"{column}{share}"] == amount
            words = sheet[f"{column}{share + 1}"]
            assert words == ("bijbetalen" if amount > 0 else "terugkrijgen" if amount < 0 else "niets")


def test_charts_never_mix_units(werkom_book):
    made, _values = werkom_book
    charts = [c for blad in made.bladen for c in blad.grafieken]
    assert [c["as"] for c in charts] == ["EUR", "EUR", "ratio"]
    assert "Saldo en algemene reserve" in charts[0]["titel"] and "Maximum reserve" in charts[0]["labels"]
    assert "tegen de norm" in charts[2]["titel"] and len(charts[2]["reeksen"]) == 2
    assert not any("Volumes" in c["titel"] for c in charts)


def test_a_gr_without_products_or_reserve_gets_no_raadsoverzicht_nor_reserve_line(root):
    from budgets.werkboek.opbouw import build_plan

    b = load_spec(root / "samples/lekstroom/begroting.yaml")
    sheets, _res = build_plan(b)
    names = [s.titel for s in sheets]
    assert OO in names and not any(n.startswith("Raadsoverzicht") for n in names)
    texts = {c.waarde for c in next(s for s in sheets if s.titel == OO).cellen.values()}
    assert "Saldo na mutaties reserves" in texts
    assert not any(isinstance(t, str) and ("reserve," in t or "Bijdrage per gemeente" in t) for t in texts)


def test_raadsoverzicht_sheet_names_fit_excel():
    names = sheet_names(("West Maas en Waal", "'s-Hertogenbosch", "Groot [A]: *?", "Sint-Michielsgestel-Noord",
                         "Sint-Michielsgestel-Noordoost"))
    assert all(len(n) <= 31 and not set(n) & set("[]:*?/\\'") for n in names.values())
    assert len(set(names.values())) == len(names)
    assert names["West Maas en Waal"] == "Raad West Maas en Waal"  # never a cut-off gemeente
    assert names["'s-Hertogenbosch"] == "Raadsoverzicht s-Hertogenbosch"


def test_the_raadsoverzicht_shows_the_gemeentes_share_of_the_risks(werkom_book):
    """Its part of the benodigde capaciteit by the saldo key, as LibreOffice recalculates it."""
    from pyfuncs.afronding import excel_round

    made, values = werkom_book
    b, res = made.spec, made.resultaten
    name = next(s.titel for s in made.bladen if s.titel.startswith("Raadsoverzicht Zaanstad"))
    row = _find(values[name], "Deel van de benodigde weerstandscapaciteit")
    share = b.aandelen(b.reserve.verdeelsleutel, b.begrotingsjaar)[b.gemeenten.index("Zaanstad")]
    column = "BCDEFG"[b.jaren.index(b.begrotingsjaar)]
    expected = excel_round(res.benodigd[b.begrotingsjaar] * share / b.presentatie.eenheid, 0)
    assert values[name][f"{column}{row}"] == expected > 0


def test_the_board_pack_prints_its_tables_in_type_of_8_pt_or_more(root, tmp_path, libreoffice):
    """The median height of the words on each page of the board pack, read from the PDF
    (pdftotext -bbox), stays at 8 pt or more: no page is scaled down to unreadable type."""
    import os
    import re
    import shutil
    import subprocess

    from budgets.cli import main

    if shutil.which("pdftotext") is None:
        if os.environ.get("CI"):
            pytest.fail("pdftotext ontbreekt in CI: .ci/run hoort poppler-utils te installeren")
        pytest.skip("pdftotext (poppler-utils) ontbreekt")
    pdf = tmp_path / "r.pdf"
    assert main(["genereer", str(root / "samples/rivierenland/begroting.yaml"), "-o", str(tmp_path / "r.xlsx"),
                 "--pdf", "--niet-controleren"]) == 0
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    for number, page in enumerate(html.split("<page ")[1:], start=1):
        heights = sorted(float(b) - float(a) for a, b in re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"',
                                                                     page))
        assert heights[len(heights) // 2] >= 8, f"pagina {number}: mediane letterhoogte {heights[len(heights) // 2]:.1f} pt"
