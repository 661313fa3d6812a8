"""Reading realisation exports: Dutch formats, encodings, the mapping, findings."""

import textwrap
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from budgets.grootboek.formaten import parse_amounts, parse_dates, parse_periods, read_table
from budgets.grootboek.lezen import Plaatsing, read_ledger, totals_to_date
from budgets.grootboek.mapping import load_mapping
from budgets.grootboek.volumes import read_volumes, volume_years
from pyfuncs.afronding import to_cents
from pyfuncs.fouten import InvoerFout

PLAATSING = Plaatsing(2024, {"Personeel": "lasten", "Omzet": "baten"},
                      ("Beschut werk", "Loonkosten Wsw"), ("Zaanstad", "Purmerend"))


@pytest.mark.parametrize("text, value", [
    ("1.234,56", 1234.56), ("-1.234,56", -1234.56), ("€ 1.234", 1234.0), ("€1.234,5", 1234.5),
    ("1234,56", 1234.56), ("1.234.567,89", 1234567.89), ("0,01", 0.01), ("1.234,56-", -1234.56),
    ("(1.234,56)", -1234.56), (" 12 ", 12.0), ("€\u00a01.000", 1000.0), ("-€ 5,00", -5.0),
])
def test_dutch_amounts_are_read(text, value):
    values, bad = parse_amounts(pd.Series([text]))
    assert not bad[0]
    assert values[0] == pytest.approx(value, abs=1e-9)


@pytest.mark.parametrize("text", ["12.50", "1.2.3", "abc", "", "1,234.56", "1.23,4", "--5"])
def test_ambiguous_or_broken_amounts_are_refused(text):
    _, bad = parse_amounts(pd.Series([text]))
    assert bad[0]


def test_point_decimal_convention_is_available():
    values, bad = parse_amounts(pd.Series(["1,234.56", "12.5"]), decimaalteken=".")
    assert not bad.any()
    assert values.tolist() == [1234.56, 12.5]


def test_dates_in_dutch_and_iso_notation():
    dates, bad = parse_dates(pd.Series(["31-12-2024", "1-3-2024", "05/06/2024", "2024-07-08",
                                        "32-01-2024"]))
    assert bad.tolist() == [False, False, False, False, True]
    assert [d.month for d in dates[:4]] == [12, 3, 6, 7]


def test_periods_in_several_notations():
    years, numbers, bad = parse_periods(pd.Series(["3", "P03", "2024-03", "202403", "x"]))
    assert numbers[:4].tolist() == [3, 3, 3, 3]
    assert years[:4].tolist() == [0, 0, 2024, 2024]
    assert bad.tolist() == [False, False, False, False, True]


LEDGER = textwrap.dedent("""\
    Datum;Rekening;Kostenplaats;Gemeente;Omschrijving;Bedrag
    15-01-2024;Personeel;Beschut werk;Zaanstad;Begeleiders café;1.000,00
    15-04-2024;Personeel;Beschut werk;Purmerend;Begeleiders;€ 2.500
    20-04-2024;Omzet;;;Verkoop;-3.000,50
    20-04-2024;Omzet;;;Verkoop;-3.000,50
    """)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252"])
def test_ledger_in_every_encoding_gives_the_same_totals(tmp_path, encoding):
    path = tmp_path / "grootboek.csv"
    path.write_bytes(LEDGER.encode(encoding))
    grootboek = read_ledger(path, load_mapping(None), PLAATSING)
    by_line = totals_to_date(grootboek, 4, ["regel"])
    assert by_line["Personeel"] == pytest.approx(3500.0)
    assert by_line["Omzet"] == pytest.approx(-6001.0)
    assert totals_to_date(grootboek, 1, ["product", "gemeente"])[("Beschut werk", "Zaanstad")] == 1000
    assert grootboek.meldingen.aantal_onplaatsbaar == 0
    assert grootboek.meldingen.aantal_dubbel == 1
    assert grootboek.meldingen.dubbel[0].plaats == "regel 5"


def test_comma_separated_export_with_quotes(tmp_path):
    path = tmp_path / "gb.csv"
    path.write_text('Datum,Rekening,Kostenplaats,Gemeente,Bedrag\n'
                    '01-02-2024,Personeel,,,"1.234,56"\n', encoding="utf-8")
    grootboek = read_ledger(path, load_mapping(None), PLAATSING)
    assert totals_to_date(grootboek, 1, ["regel"])["Personeel"] == pytest.approx(1234.56)


def test_every_unplaceable_line_is_reported_with_its_place(tmp_path):
    path = tmp_path / "gb.csv"
    path.write_text(textwrap.dedent("""\
        Datum;Rekening;Kostenplaats;Gemeente;Bedrag
        01-02-2024;Onbekend;;;10,00
        01-02-2024;Personeel;KP77;Zaanstad;10,00
        01-02-2024;Personeel;Beschut werk;Amsterdam;10,00
        01-02-2024;Personeel;Beschut werk;;10,00
        01-02-2023;Personeel;;;10,00
        31-02-2024;Personeel;;;10,00
        01-02-2024;Personeel;;;tien
        01-02-2024;Personeel;;;12,00
        """), encoding="utf-8")
    grootboek = read_ledger(path, load_mapping(None), PLAATSING)
    found = {(m.plaats, m.waarde) for m in grootboek.meldingen.onplaatsbaar}
    assert found == {("regel 2", "Onbekend"), ("regel 3", "KP77"), ("regel 4", "Amsterdam"),
                     ("regel 5", ""), ("regel 6", "01-02-2023"), ("regel 7", "31-02-2024"),
                     ("regel 8", "tien")}
    assert totals_to_date(grootboek, 4, ["regel"]).to_dict() == {"Personeel": 12.0}
    with pytest.raises(InvoerFout, match="(?s)7 regel.*gb.csv, regel 4: gemeente is geen deelnemer"):
        grootboek.meldingen.raise_if_unplaced()


def test_xlsx_ledger_reports_cells(tmp_path):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Datum", "Rekening", "Kostenplaats", "Gemeente", "Bedrag"])
    sheet.append([pd.Timestamp("2024-03-01").to_pydatetime(), "Personeel", None, None, 1234.5])
    sheet.append(["01-03-2024", "Personeel", None, None, "x"])
    path = tmp_path / "gb.xlsx"
    book.save(path)
    grootboek = read_ledger(path, load_mapping(None), PLAATSING)
    assert totals_to_date(grootboek, 1, ["regel"])["Personeel"] == pytest.approx(1234.5)
    assert [m.plaats for m in grootboek.meldingen.onplaatsbaar] == ["cel E3"]


def test_soort_column_and_codes_from_the_mapping(tmp_path):
    mapping = tmp_path / "mapping.yaml"
    mapping.write_text(textwrap.dedent("""\
        grootboek:
          kolommen: {datum: null, periode: Per, rekening: Rek, kostenplaats: Kpl,
                     gemeente: Gem, bedrag: Saldo, soort: DC}
        rekeningen: {"4000": Personeel, "8000": Omzet}
        kostenplaatsen: {"20": Beschut werk, "99": null}
        gemeenten: {"0479": Zaanstad}
        """), encoding="utf-8")
    path = tmp_path / "gb.csv"
    path.write_text("Per;Rek;Kpl;Gem;Saldo;DC\n2024-05;4000;20;0479;100,00;D\n"
                    "P06;8000;99;;250,00;C\n", encoding="utf-8")
    grootboek = read_ledger(path, load_mapping(mapping), PLAATSING)
    assert totals_to_date(grootboek, 2, ["regel"]).to_dict() == {"Omzet": -250.0, "Personeel": 100.0}


def test_a_mapping_that_names_a_missing_column_is_bad_input(tmp_path):
    path = tmp_path / "gb.csv"
    path.write_text("Datum;Rekening;Bedrag\n01-01-2024;Personeel;1,00\n", encoding="utf-8")
    with pytest.raises(InvoerFout, match=r"gb.csv: de mapping noemt kolom 'Kostenplaats'"):
        read_ledger(path, load_mapping(None), PLAATSING)


@pytest.mark.parametrize("content, message", [
    ("- een lijst", "verwacht een YAML-mapping"),
    ("grootboek: {teken: omgekeerd}", "grootboek.teken 'omgekeerd' is onbekend"),
    ("grootboek: {kolommen: {bedragen: X}}", "kent 'bedragen' niet"),
    ("rekeningen: {'4000': ''}", "rekeningen.4000 heeft geen geldige naam"),
    ("grootboek: [", "geen geldige YAML"),
])
def test_bad_mappings_are_refused(tmp_path, content, message):
    path = tmp_path / "m.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InvoerFout, match=message):
        load_mapping(path)


def test_missing_files_are_bad_input(tmp_path):
    with pytest.raises(InvoerFout, match="bestaat niet"):
        read_table(tmp_path / "nergens.csv")
    with pytest.raises(InvoerFout, match="mappingbestand bestaat niet"):
        load_mapping(tmp_path / "nergens.yaml")


def test_volumes_give_volume_years_to_date(tmp_path):
    path = tmp_path / "vol.csv"
    rows = [f"{m};Zaanstad;Beschut werk;{12 + m},5" for m in range(1, 13)]
    path.write_text("Periode;Gemeente;Product;Volume\n" + "\n".join(rows) + "\n", encoding="utf-8")
    frame, meldingen = read_volumes(path, load_mapping(None), PLAATSING)
    assert meldingen.aantal_onplaatsbaar == 0
    q2 = volume_years(frame, 2, "maand")[("Beschut werk", "Zaanstad")]
    assert q2 == pytest.approx(sum(12.5 + m for m in range(1, 7)) / 12)


def test_volume_key_twice_is_reported(tmp_path):
    path = tmp_path / "vol.csv"
    path.write_text("Periode;Gemeente;Product;Volume\n1;Zaanstad;Beschut werk;1\n"
                    "1;Zaanstad;Beschut werk;2\n13;Zaanstad;Beschut werk;2\n", encoding="utf-8")
    _, meldingen = read_volumes(path, load_mapping(None), PLAATSING)
    assert sorted(m.plaats for m in meldingen.onplaatsbaar) == ["regel 3", "regel 4"]


def test_million_lines_are_parsed_vectorised():
    """Not a timing test: a sanity check that parsing handles a large column at once."""
    cents = np.arange(-500_000, 500_000, dtype=np.int64) * 7
    texts = pd.Series([f"{c / 100:.2f}".replace(".", ",") for c in cents[:2000]])
    values, bad = parse_amounts(texts)
    assert not bad.any()
    assert np.allclose(values, cents[:2000] / 100)


def test_sample_files_are_read_without_findings(root: Path):
    from budgets.pc.jaarbegroting import load_basis

    folder = root / "samples" / "werkom" / "realisatie"
    basis = load_basis(root / "samples" / "werkom" / "begroting.yaml", 2023,
                       folder / "wijzigingen_2023.yaml")
    mapping = load_mapping(folder / "mapping.yaml")
    grootboek = read_ledger(folder / "grootboek_2023.csv", mapping, basis.plaatsing())
    assert grootboek.meldingen.aantal_onplaatsbaar == grootboek.meldingen.aantal_dubbel == 0
    half = read_ledger(folder / "grootboek_2023_tm_juni.csv", mapping, basis.plaatsing())
    assert half.meldingen.aantal_dubbel == 1 and half.meldingen.aantal_onplaatsbaar == 0


def test_blank_lines_keep_true_line_numbers(tmp_path):
    path = tmp_path / "gb.csv"
    path.write_text("Datum;Rekening;Kostenplaats;Gemeente;Bedrag\n\n01-02-2024;Personeel;;;1,00\n\n"
                    "01-02-2024;Onbekend;;;1,00\n01-02-2024;Personeel;;;1,00\n", encoding="utf-8")
    grootboek = read_ledger(path, load_mapping(None), PLAATSING)
    assert [m.plaats for m in grootboek.meldingen.onplaatsbaar] == ["regel 5"]
    assert [m.plaats for m in grootboek.meldingen.dubbel] == ["regel 6"]


def test_leading_zeros_lost_in_a_spreadsheet_still_match(tmp_path):
    mapping = tmp_path / "m.yaml"
    mapping.write_text('gemeenten: {"0479": Zaanstad}\n', encoding="utf-8")
    path = tmp_path / "gb.csv"
    path.write_text("Datum;Rekening;Kostenplaats;Gemeente;Bedrag\n"
                    "01-02-2024;Personeel;Beschut werk;479;5,00\n", encoding="utf-8")
    grootboek = read_ledger(path, load_mapping(mapping), PLAATSING)
    assert totals_to_date(grootboek, 1, ["gemeente"])["Zaanstad"] == 5.0


def dutch(cents: int, euro_sign: bool, trailing_minus: bool) -> str:
    whole = f"{abs(cents) // 100:,}".replace(",", ".") + f",{abs(cents) % 100:02d}"
    text = f"€ {whole}" if euro_sign else whole
    if cents < 0:
        text = f"{text}-" if trailing_minus else f"-{text}"
    return text


@given(st.lists(st.tuples(st.integers(-10**13, 10**13), st.booleans(), st.booleans()),
                min_size=1, max_size=50))
def test_dutch_amounts_read_back_to_the_cent(items):
    texts = pd.Series([dutch(*item) for item in items])
    values, bad = parse_amounts(texts)
    assert not bad.any()
    assert [to_cents(v) for v in values] == [cents for cents, _, _ in items]


def read(tmp_path, text: str, encoding: str = "utf-8", name: str = "gb.csv"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return read_ledger(path, load_mapping(None), PLAATSING)


HEAD = "Datum;Rekening;Kostenplaats;Gemeente;Omschrijving;Bedrag\n"


def test_crlf_with_blank_lines_keeps_true_line_numbers(tmp_path):
    body = (HEAD + "\n01-02-2024;Personeel;;;a;1,00\n\n01-02-2024;Onbekend;;;b;1,00\n"
            "01-02-2024;Personeel;;;a;1,00\n\n")
    grootboek = read(tmp_path, body.replace("\n", "\r\n"))
    assert [m.plaats for m in grootboek.meldingen.onplaatsbaar] == ["regel 5"]
    assert [m.plaats for m in grootboek.meldingen.dubbel] == ["regel 6"]
    assert totals_to_date(grootboek, 1, ["regel"])["Personeel"] == 2.0


def test_lines_the_fast_reader_refuses_go_through_the_lenient_one(tmp_path):
    """A quoted line break, a whitespace-only line and a short line: same findings."""
    body = (HEAD + '01-02-2024;Personeel;;;"twee\nregels";1,00\n   \n'
            "01-02-2024;Personeel;;;kort\n01-02-2024;Onbekend;;;x;2,00\n")
    grootboek = read(tmp_path, body)
    found = {(m.waarde, m.reden[:15]) for m in grootboek.meldingen.onplaatsbaar}
    assert ("Onbekend", "rekening onbeke") in found
    assert totals_to_date(grootboek, 1, ["regel"])["Personeel"] == 1.0


def test_windows_1252_with_euro_signs_and_accents(tmp_path):
    body = HEAD + "01-02-2024;Personeel;;;Café;€ 1.234,50\n01-02-2024;Personeel;;;Été;€ -0,50\n"
    grootboek = read(tmp_path, body, "cp1252")
    assert totals_to_date(grootboek, 1, ["regel"])["Personeel"] == 1234.0
    assert grootboek.meldingen.aantal_onplaatsbaar == 0


def test_duplicates_are_equal_in_every_field(tmp_path):
    body = HEAD + ('01-02-2024;Personeel;;;a;1,00\n01-02-2024;Personeel;;;"a";1,00\n'
                   "01-02-2024;Personeel;;;a;1,0\n")
    grootboek = read(tmp_path, body)
    assert [m.plaats for m in grootboek.meldingen.dubbel] == ["regel 3"]


def test_sums_are_exact_in_cents_and_careful_below_a_cent(tmp_path):
    cents = HEAD + "".join("01-02-2024;Personeel;;;a;0,10\n01-02-2024;Personeel;;;b;0,20\n"
                           for _ in range(5))
    assert totals_to_date(read(tmp_path, cents), 1, ["regel"])["Personeel"] == 1.5
    finer = HEAD + "01-02-2024;Personeel;;;a;0,125\n01-02-2024;Personeel;;;b;0,125\n"
    assert totals_to_date(read(tmp_path, finer), 1, ["regel"])["Personeel"] == 0.25


def test_a_ledger_with_only_a_header_is_refused(tmp_path):
    # issue 12: a header-only export is almost always the wrong export; it used to be
    # read as an empty ledger (every realisation 0), now it is bad input with the file.
    with pytest.raises(InvoerFout, match=r"gb\.csv: alleen een kopregel, geen boekingen"):
        read(tmp_path, HEAD)


def test_fast_and_lenient_readers_agree(tmp_path):
    from budgets.grootboek.formaten import read_csv_table
    from budgets.grootboek.tabel import from_frame, read_tabel, repeats, row_hashes

    body = HEAD + "".join(f"0{m % 9 + 1}-0{m % 9 + 1}-2024;Personeel;Beschut werk;Zaanstad;"
                          f"r{m % 3};{m},5{m % 10}\n" for m in range(300)) + "\n"
    path = tmp_path / "gb.csv"
    path.write_text(body, encoding="utf-8-sig")
    fast, slow = read_tabel(path), from_frame(read_csv_table(path), werkmap=False)
    assert fast.namen == slow.namen
    assert fast.regels.tolist() == slow.regels.tolist()
    for name in fast.namen:
        assert fast.values(name, np.arange(len(fast))) == slow.values(name, np.arange(len(slow)))
    assert repeats(row_hashes(fast)).tolist() == repeats(row_hashes(slow)).tolist()


@pytest.mark.parametrize("limit", [0, 4_000_000])
@pytest.mark.parametrize("whole", [True, False])
def test_dense_and_sparse_sums_agree(monkeypatch, limit, whole):
    from budgets.grootboek import som as realisatie_som
    monkeypatch.setattr(realisatie_som, "DENSE_LIMIT", limit)
    keys = {"kwartaal": np.array([0, 3, 0, 1]), "regel": np.array([1, 0, 1, 0]),
            "bijdrage": np.array([0, 1, 0, 0])}
    labels = {"kwartaal": [1, 2, 3, 4], "regel": ["A", "B"], "bijdrage": [False, True]}
    netto = np.array([0.1, 2.5, 0.2, np.nan])
    placed = np.array([True, True, True, False])
    totals = realisatie_som.Optelling(labels, kahan=not whole)
    totals.add(keys, netto, placed)
    frame = totals.columns()
    sums = frame.pop("netto")
    assert frame == {"kwartaal": [1, 4], "regel": ["B", "A"], "bijdrage": [False, True]}
    assert sums == ([0.3, 2.5] if whole else pytest.approx([0.3, 2.5]))  # cents: exact


def test_ledger_sums_are_whole_cents():
    """Σ over many lines is exact in cents (a float sum gives -80256.98000000001)."""
    import pandas as pd

    from budgets.grootboek.lezen import KEYS, Grootboek, totals_to_date
    from budgets.grootboek.meldingen import Meldingen

    amounts = [0.1, 0.2, -80257.28, 0.0] * 1000
    rows = [(1 + i % 4, "Kosten", "", "", False, a) for i, a in enumerate(amounts)]
    frame = pd.DataFrame(rows, columns=[*KEYS, "netto"])
    total = totals_to_date(Grootboek("t", frame, len(rows), Meldingen()), 4, ["regel"])["Kosten"]
    assert repr(float(total)) == "-80256980.0"
    assert sum(amounts) != -80256980.0  # what a float sum would have given
