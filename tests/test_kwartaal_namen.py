"""Product names that SUMIFS/MATCH would read as criteria ('=1+1', 'Begeleiding*', '<5',
'~x?') must not change a total: the kwartaal workbook totals by position. LibreOffice's
recalculated totals equal the core's."""

import dataclasses
from pathlib import Path

import pytest

from budgets.excel import rekenmotor
from budgets.grootboek.mapping import load_mapping
from budgets.grootboek.periode import read_realisation
from budgets.kwartaal.drempels import drempels
from budgets.kwartaal.model import build_report
from budgets.kwartaal.rapport import write_report
from budgets.pc.jaarbegroting import load_basis

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "werkom"
REAL = SAMPLE / "realisatie"
NAMES = ["=1+1", "Begeleiding*", "<5", "~x?", "Begeleiding regulier*"]


def report_with_tricky_names():
    basis = load_basis(SAMPLE / "begroting.yaml", 2023, REAL / "wijzigingen_2023.yaml", 2)
    real = read_realisation(REAL / "grootboek_2023_tm_juni.csv", REAL / "volumes_2023.csv",
                            load_mapping(REAL / "mapping.yaml"), basis.plaatsing(), 2, True)
    rapport = build_report(basis, real.grootboek, 2, drempels(), real.volumes)
    products = list(dict.fromkeys(r.omschrijving for r in rapport.rijen if r.niveau == "product"))
    rename = dict(zip(products, NAMES, strict=True))
    rows = tuple(dataclasses.replace(r, omschrijving=rename.get(r.omschrijving, r.omschrijving))
                 if r.niveau in ("product", "producttotaal") else r for r in rapport.rijen)
    return dataclasses.replace(rapport, rijen=rows)


def test_totals_ignore_what_names_say(tmp_path, libreoffice):
    rapport = report_with_tricky_names()
    path = tmp_path / "namen.xlsx"
    write_report(rapport, path)
    values = rekenmotor.recalculate_with_libreoffice(path)["Producten"]
    import openpyxl

    sheet = openpyxl.load_workbook(path)["Producten"]
    heads = {c.value: c.column_letter for c in sheet[3] if c.value}
    keys = {v: int(c[1:]) for c, v in values.items() if c[0] == "A" and c[1:].isdigit()}
    compared = 0
    for rij in rapport.rijen:
        if rij.niveau != "producttotaal":
            continue
        row = keys[rij.sleutel]
        assert values[f"{heads['Product']}{row}"] == rij.omschrijving
        for head, want in (("Realisatie t/m kwartaal", rij.realisatie_tm),
                           ("Begroting na wijziging", rij.na_wijziging),
                           ("Primitieve begroting", rij.primitief)):
            assert values[f"{heads[head]}{row}"] == pytest.approx(want, abs=0.005), (rij.sleutel, head)
            compared += 1
    assert compared == 15
