"""The BBV part of the begroting workbook (issue 13): bad input refused with its place,
the kengetallen recomputed by hand from the printed balans, the Iv3 CSV adding up to the
exploitatie, and the JSON summary's BBV keys."""

import csv
import io
import json

import openpyxl
import pytest
import yaml

from budgets.cli import main
from budgets.spec.laden import load_spec
from budgets.spec.resultaten import compute
from budgets.werkboek.genereer import generate

RIVIERENLAND = "samples/rivierenland/begroting.yaml"


@pytest.fixture(scope="module")
def sample(root):
    return yaml.safe_load((root / RIVIERENLAND).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def werkmap(root, tmp_path_factory):
    out = tmp_path_factory.mktemp("bbv") / "r.xlsx"
    generate(root / RIVIERENLAND, out)
    return out


def _refused(raw, tmp_path, capsys) -> str:
    spec = tmp_path / "begroting.yaml"
    spec.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    out = tmp_path / "uit.xlsx"
    assert main(["genereer", str(spec), "-o", str(out), "--niet-controleren"]) == 2
    assert not out.exists()
    return capsys.readouterr().err


def test_a_balans_that_does_not_balance_is_refused(sample, tmp_path, capsys):
    raw = dict(sample, balans=dict(sample["balans"], activa=dict(sample["balans"]["activa"], voorraden=350001)))
    err = _refused(raw, tmp_path, capsys)
    assert "begroting.yaml: balans: de beginbalans sluit niet" in err
    assert "verschil 1.00" in err


def test_a_negative_afschrijvingstermijn_is_refused(sample, tmp_path, capsys):
    investeringen = [dict(sample["investeringen"][0], afschrijvingstermijn=-6), sample["investeringen"][1]]
    err = _refused(dict(sample, investeringen=investeringen), tmp_path, capsys)
    assert "begroting.yaml: investeringen[1].afschrijvingstermijn: afschrijvingstermijn -6 moet minstens 1 jaar" in err


def test_an_unknown_taakveld_is_refused(sample, tmp_path, capsys):
    exploitatie = [dict(sample["exploitatie"][0], taakveld="6.99"), *sample["exploitatie"][1:]]
    err = _refused(dict(sample, exploitatie=exploitatie), tmp_path, capsys)
    assert "begroting.yaml: exploitatie[1].taakveld: onbekend taakveld '6.99'" in err


def test_a_paragraaf_for_an_unknown_risk_is_refused(sample, tmp_path, capsys):
    paragrafen = dict(sample["paragrafen"], risicos={"Meteorietinslag": {"beleid": "hopen"}})
    err = _refused(dict(sample, paragrafen=paragrafen), tmp_path, capsys)
    assert "begroting.yaml: paragrafen.risicos.Meteorietinslag: onbekend risico 'Meteorietinslag'" in err


def test_bbv_sections_without_a_balans_are_refused(sample, tmp_path, capsys):
    raw = {k: v for k, v in sample.items() if k != "balans"}
    err = _refused(raw, tmp_path, capsys)
    assert "begroting.yaml: investeringen: deze sectie vraagt een beginbalans (sectie balans)" in err


def _rows(sheet) -> dict:
    """Label in column A -> the row's values from column E on (the years)."""
    return {row[0].value: [c.value for c in row[4:]] for row in sheet.iter_rows() if row[0].value}


def test_kengetallen_recomputed_by_hand_from_the_printed_balans(werkmap):
    book = openpyxl.load_workbook(werkmap, data_only=True)
    balans, kengetallen = _rows(book["Balans"]), _rows(book["Kengetallen"])
    baten = _rows(book["Exploitatie"])["Totaal baten"]
    for i in range(len(balans["Totaal activa"])):
        def line(label, i=i):
            return balans[label][i]
        schuld = (line("Vaste schulden ≥ 1 jaar") + line("Netto vlottende schulden: kortlopende financiering")
                  + line("Netto vlottende schulden: overige") + line("Overlopende passiva")
                  - line("Financiële vaste activa: uitzettingen ≥ 1 jaar")
                  - line("Uitzettingen met een looptijd < 1 jaar") - line("Liquide middelen")
                  - line("Overlopende activa"))
        quote = kengetallen["Netto schuldquote = (A + B + C − D − E − F − G) / H"][i]
        assert quote == pytest.approx(schuld / baten[i], abs=1e-9)
        gecorrigeerd = kengetallen["Netto schuldquote gecorrigeerd voor alle verstrekte leningen"][i]
        assert gecorrigeerd == pytest.approx(
            (schuld - line("Financiële vaste activa: verstrekte leningen")) / baten[i], abs=1e-9)
        ev = line("Algemene reserve") + line("Bestemmingsreserves") + line("Gerealiseerd resultaat")
        solvabiliteit = kengetallen["Solvabiliteitsratio = eigen vermogen / balanstotaal"][i]
        assert solvabiliteit == pytest.approx(ev / balans["Totaal passiva"][i], abs=1e-9)
        assert balans["Totaal activa"][i] == pytest.approx(balans["Totaal passiva"][i], abs=0.005)


def test_the_iv3_csv_adds_up_to_the_exploitatie_per_year(root, tmp_path, capsys):
    out = tmp_path / "iv3.csv"
    assert main(["iv3", str(root / RIVIERENLAND), "-o", str(out)]) == 0
    assert capsys.readouterr().out.startswith(f"Iv3-overzicht geschreven: {out} (")
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    b = load_spec(root / RIVIERENLAND)
    res = compute(b)
    for y in b.jaren:
        mine = [r for r in rows if r["jaar"] == str(y)]
        lasten = sum(float(r["lasten"].replace(",", ".")) for r in mine)
        baten = sum(float(r["baten"].replace(",", ".")) for r in mine)
        expected = res.totalen["lasten"][y] + res.totalen["toevoeging"][y] + max(res.saldo[y], 0)
        assert lasten == pytest.approx(expected, abs=0.01 * len(mine))
        assert baten == pytest.approx(res.totalen["baten"][y] + res.totalen["onttrekking"][y]
                                      + max(-res.saldo[y], 0), abs=0.01 * len(mine))
        assert lasten == pytest.approx(baten, abs=0.01 * len(mine))
    assert main(["iv3", str(root / RIVIERENLAND), "-o", str(out)]) == 2


def test_the_summary_has_the_bbv_figures_per_year(root, tmp_path):
    out = tmp_path / "s.json"
    assert main(["genereer", str(root / RIVIERENLAND), "-o", str(tmp_path / "r.xlsx"), "--niet-controleren",
                 "--samenvatting", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    balans = data["balans"]["2025"]
    assert balans["activa"] == balans["passiva"]
    for key in ("eigen_vermogen", "vaste_schulden", "vlottende_schulden", "liquide_middelen", "voorzieningen"):
        assert key in balans
    assert set(data["kengetallen"]["2025"]) == {"netto_schuldquote", "netto_schuldquote_gecorrigeerd",
                                                "solvabiliteitsratio", "structurele_exploitatieruimte"}
    for key in ("emu_saldo", "kasgeldlimiet", "renterisiconorm"):
        assert set(data[key]) == {str(y) for y in range(2024, 2029)}
