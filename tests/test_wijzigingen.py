"""Begrotingswijzigingen: the file format, its checks and the begroting na wijziging."""

import textwrap

import pytest

from budgets.pc.jaarbegroting import load_basis
from budgets.pc.wijzigingen import line_change, load_wijzigingen, of_year, volume_change
from pyfuncs.fouten import InvoerFout

REGELS = {"Kosten": "lasten", "Inkomsten": "baten", "Resultaat": "subtotaal"}
PRODUCTEN = ["Beschut"]
GEMEENTEN = ["Zaanstad", "Purmerend"]


def write(tmp_path, text: str):
    path = tmp_path / "wijzigingen.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_wijzigingen_are_read_and_summed(tmp_path):
    path = write(tmp_path, """\
        wijzigingen:
          - {nummer: 1, datum: 20-04-2024, besluit: AB 1, regels: {Kosten: 1000.5}}
          - nummer: 2
            datum: 2024-09-28
            besluit: AB 2
            regels: {Kosten: -200, Inkomsten: 50}
            volumes: {Beschut: {Zaanstad: 2.5}}
          - {nummer: 3, datum: 01-12-2024, jaar: 2025, besluit: AB 3, regels: {Kosten: 7}}
        """)
    found = load_wijzigingen(path, REGELS, PRODUCTEN, GEMEENTEN)
    this_year = of_year(found, 2024)
    assert [w.nummer for w in this_year] == ["1", "2"]
    assert line_change(this_year, "Kosten") == pytest.approx(800.5)
    assert volume_change(this_year, "Beschut", "Zaanstad") == 2.5
    assert volume_change(this_year, "Beschut", "Purmerend") == 0


@pytest.mark.parametrize("body, message", [
    ("wijzigingen: {}", "verwacht een lijst"),
    # issue 12: counted from 1 like every other message (was wijzigingen[0])
    ("wijzigingen: [{datum: 01-01-2024, besluit: x}]", r"wijzigingen\[1\]: 'nummer' ontbreekt"),
    ("wijzigingen: [{nummer: 1, datum: 32-01-2024, besluit: x}]", "datum '32-01-2024'"),
    ("wijzigingen: [{nummer: 1, datum: 01-01-2024, besluit: x, regels: {Huur: 5}}]",
     "'Huur' is geen exploitatieregel"),
    ("wijzigingen: [{nummer: 1, datum: 01-01-2024, besluit: x, regels: {Resultaat: 5}}]",
     "subtotalen volgen uit hun regels"),
    ("wijzigingen: [{nummer: 1, datum: 01-01-2024, besluit: x, regels: {Kosten: veel}}]",
     "'veel' is geen getal"),
    ("wijzigingen: [{nummer: 1, datum: 01-01-2024, besluit: x, volumes: {Beschut: {Edam: 1}}}]",
     "'Edam' is geen deelnemer"),
    ("wijzigingen: [{nummer: 1, datum: 01-01-2024, besluit: x, volumes: {Wsw: {Edam: 1}}}]",
     "'Wsw' is geen product"),
    ("wijzigingen:\n  - {nummer: 1, datum: 01-01-2024, besluit: x}\n"
     "  - {nummer: 1, datum: 02-01-2024, besluit: y}", "wijzigingnummer 1 komt twee keer voor"),
])
def test_bad_wijzigingen_name_file_and_place(tmp_path, body, message):
    path = write(tmp_path, body)
    with pytest.raises(InvoerFout, match=message) as caught:
        load_wijzigingen(path, REGELS, PRODUCTEN, GEMEENTEN)
    assert str(path) in str(caught.value)


def test_missing_file(tmp_path):
    with pytest.raises(InvoerFout, match="wijzigingenbestand bestaat niet"):
        load_wijzigingen(tmp_path / "x.yaml", REGELS, PRODUCTEN, GEMEENTEN)


def test_basis_na_wijziging_on_the_sample(root):
    folder = root / "samples" / "werkom"
    before = load_basis(folder / "begroting.yaml", 2023, None)
    after = load_basis(folder / "begroting.yaml", 2023, folder / "realisatie" / "wijzigingen_2023.yaml")
    assert len(after.wijzigingen) == 2
    kosten = [r for r in after.regels if r.soort == "lasten"][0]
    assert kosten.primitief == [r for r in before.regels if r.soort == "lasten"][0].primitief
    assert kosten.wijziging == 250000
    reintegratie = next(p for p in after.producten
                        if p.product == "Re-integratie" and p.gemeente == "Zaanstad")
    assert reintegratie.volume == pytest.approx(reintegratie.volume_primitief + 40)
    spec = after.begroting
    assert reintegratie.volume_primitief == pytest.approx(spec.volume("Zaanstad", "Re-integratie", 2023))


@pytest.mark.parametrize("body, message", [
    ("wijzigingen: [{nummer: 1, besluit: x, regels: {Kosten: 5}}]", "'datum' ontbreekt"),
    ("wijzigingen: [{nummer: 1, datum: 05-01-2025, jaar: 2024, besluit: x}]",
     r"wijzigingen\[1\].datum: 05-01-2025 valt buiten het begrotingsjaar 2024"),
    ("wijzigingen: [{nummer: 1, datum: 05-01-2021, jaar: 2024, besluit: x}]",
     "valt buiten het begrotingsjaar 2024"),
])
def test_a_wijziging_needs_a_date_in_its_year(tmp_path, body, message):
    path = write(tmp_path, body)
    with pytest.raises(InvoerFout, match=message) as caught:
        load_wijzigingen(path, REGELS, PRODUCTEN, GEMEENTEN)
    assert str(path) in str(caught.value)


def test_peildatum_counts_only_wijzigingen_decided_by_then(root):
    folder = root / "samples" / "werkom"
    changes = folder / "realisatie" / "wijzigingen_2023.yaml"
    kosten = "Kosten (loonkosten doelgroep en apparaat)"
    for quarter, counted, later, change in ((1, [], ["2023-01", "2023-02"], 0),
                                            (2, ["2023-01"], ["2023-02"], 0),
                                            (3, ["2023-01", "2023-02"], [], 250000),
                                            (None, ["2023-01", "2023-02"], [], 250000)):
        basis = load_basis(folder / "begroting.yaml", 2023, changes, quarter)
        assert [w.nummer for w in basis.wijzigingen] == counted
        assert [w.nummer for w in basis.na_peildatum] == later
        assert next(r for r in basis.regels if r.naam == kosten).wijziging == change
    assert str(load_basis(folder / "begroting.yaml", 2023, changes, 2).peildatum) == "2023-06-30"
