"""Kengetallen, signaalwaarden, Wet fido norms, investments and the staat van reserves,
each on a small example worked out by hand."""

from fractions import Fraction

import pytest

from pyfuncs.activa import (
    Investering,
    compute_charges,
    invested_by_year,
    schedule_depreciation,
    total_by_year,
)
from pyfuncs.balans import Balans
from pyfuncs.fido import compute_cash_limit, compute_interest_risk, compute_interest_risk_norm, measure_room
from pyfuncs.fouten import InvoerFout
from pyfuncs.kengetallen import classify, classify_ratios, compute_ratios, net_debt
from pyfuncs.reserves import roll_reserve, total_by_kind

E = 100

# Closing balance (euros):
#   activa:  MVA 1.050.000, verstrekte leningen 60.000, uitzettingen ≥ 1 jaar 40.000,
#            uitzettingen < 1 jaar 200.000, overlopende activa 50.000            = 1.400.000
#   passiva: algemene reserve 300.000, bestemmingsreserves 70.000, resultaat 10.000,
#            voorzieningen 90.000, vaste schulden 550.000, kort geld 80.000, overige
#            vlottende schulden 200.000, overlopende passiva 100.000             = 1.400.000
BALANS = Balans(
    materiele_vaste_activa=1_050_000 * E, verstrekte_leningen=60_000 * E, langlopende_uitzettingen=40_000 * E,
    uitzettingen_korter_dan_een_jaar=200_000 * E, overlopende_activa=50_000 * E,
    algemene_reserve=300_000 * E, bestemmingsreserves=70_000 * E, resultaat=10_000 * E, voorzieningen=90_000 * E,
    vaste_schulden=550_000 * E, kortlopende_financiering=80_000 * E, overige_vlottende_schulden=200_000 * E,
    overlopende_passiva=100_000 * E,
)
BATEN = 2_000_000 * E


def test_net_debt_ratios():
    assert BALANS.activa == BALANS.passiva == 1_400_000 * E
    # A + B + C = 550 + 280 + 100 = 930; minus D (uitzettingen ≥ 1 jaar 40), E 200, F 0, G 50 = 640
    assert net_debt(BALANS) == 640_000 * E
    # gecorrigeerd: D also holds the verstrekte leningen 60: 580
    assert net_debt(BALANS, gecorrigeerd=True) == 580_000 * E
    k = compute_ratios(BALANS, BATEN, structureel=0.01)
    assert k.netto_schuldquote == 0.32                # 640.000 / 2.000.000
    assert k.netto_schuldquote_gecorrigeerd == 0.29   # 580.000 / 2.000.000
    # eigen vermogen 380.000 / balanstotaal 1.400.000 = 0,2714…
    assert k.solvabiliteitsratio == pytest.approx(380 / 1400, abs=1e-15)
    assert classify_ratios(BALANS, BATEN, 0.01) == {
        "netto_schuldquote": "A", "netto_schuldquote_gecorrigeerd": "A",
        "solvabiliteitsratio": "B", "structurele_exploitatieruimte": "A"}


@pytest.mark.parametrize(("kengetal", "waarde", "categorie"), [
    ("netto_schuldquote", Fraction(89, 100), "A"), ("netto_schuldquote", Fraction(90, 100), "B"),
    ("netto_schuldquote", Fraction(130, 100), "B"), ("netto_schuldquote", Fraction(131, 100), "C"),
    ("solvabiliteitsratio", Fraction(51, 100), "A"), ("solvabiliteitsratio", Fraction(50, 100), "B"),
    ("solvabiliteitsratio", Fraction(20, 100), "B"), ("solvabiliteitsratio", Fraction(19, 100), "C"),
    ("structurele_exploitatieruimte", 0.001, "A"), ("structurele_exploitatieruimte", 0, "B"),
    ("structurele_exploitatieruimte", -0.001, "C"),
])
def test_signaalwaarden_bounds_belong_to_b(kengetal, waarde, categorie):
    assert classify(kengetal, waarde) == categorie


def test_unknown_kengetal_and_zero_baten_are_refused():
    with pytest.raises(InvoerFout, match="kengetal 'grondexploitatie' is onbekend"):
        classify("grondexploitatie", 0.1)
    with pytest.raises(InvoerFout, match="netto schuldquote: de noemer is nul"):
        compute_ratios(BALANS, 0, 0.0)


def test_kasgeldlimiet_and_renterisiconorm():
    # GR with begrotingstotaal 20.000.000: 8,2% = 1.640.000; 20% = 4.000.000
    assert compute_cash_limit(20_000_000 * E) == 1_640_000 * E
    assert compute_interest_risk_norm(20_000_000 * E) == 4_000_000 * E
    # a gemeente: 8,5% = 1.700.000
    assert compute_cash_limit(20_000_000 * E, "gemeente") == 1_700_000 * E
    # small GR, 3.000.000: 8,2% = 246.000 < minimum 300.000; 20% = 600.000 < minimum 2.500.000
    assert compute_cash_limit(3_000_000 * E) == 300_000 * E
    assert compute_interest_risk_norm(3_000_000 * E) == 2_500_000 * E
    # aflossingen 50.000 + renteherzieningen 10.000 = 60.000; room 4.000.000 − 60.000
    assert measure_room(4_000_000 * E, compute_interest_risk(50_000 * E, 10_000 * E)) == 3_940_000 * E
    with pytest.raises(InvoerFout, match="soort 'provincie' is onbekend"):
        compute_cash_limit(1, "provincie")


def test_linear_depreciation_and_interest():
    # 100.000 over 4 years at 2%, from the year after: 25.000 a year; rente 2% of
    # 100.000, 75.000, 50.000, 25.000 = 2.000, 1.500, 1.000, 500
    rows = compute_charges(Investering(2024, 100_000 * E, 4, "lineair", 0.02))
    assert [r.jaar for r in rows] == [2025, 2026, 2027, 2028]
    assert [r.afschrijving for r in rows] == [25_000 * E] * 4
    assert [r.rente for r in rows] == [2_000 * E, 1_500 * E, 1_000 * E, 500 * E]
    assert rows[0].kapitaallasten == 27_000 * E and rows[-1].boekwaarde_eind == 0


def test_annuity_depreciation():
    # annuity 100.000 × 0,02 / (1 − 1,02^−4) = 2.000 / 0,0761545… = 26.262,38;
    # first year rente 2.000, so afschrijving 24.262,38
    rows = compute_charges(Investering(2024, 100_000 * E, 4, "annuitair", 0.02))
    assert rows[0].rente == 2_000 * E
    assert rows[0].afschrijving == 2_426_238
    assert rows[0].kapitaallasten == 2_626_238
    assert sum(r.afschrijving for r in rows) == 100_000 * E


def test_depreciation_adds_up_to_the_cent():
    # 100,00 over 3 years: cumulative 33,33, 66,67, 100,00 → 33,33, 33,34, 33,33
    assert schedule_depreciation(Investering(2024, 100 * E, 3)) == (3333, 3334, 3333)


def test_investments_by_year():
    invs = [Investering(2024, 100 * E, 2, start=0), Investering(2025, 40 * E, 1)]
    # first: 50 in 2024 and 2025; second: 40 in 2026
    assert total_by_year(invs, [2024, 2025, 2026]) == (50 * E, 50 * E, 40 * E)
    assert invested_by_year(invs, [2024, 2025, 2026]) == (100 * E, 40 * E, 0)


@pytest.mark.parametrize(("inv", "fout"), [
    (Investering(2024, 100, 0), "afschrijvingstermijn moet een positief geheel aantal jaren zijn"),
    (Investering(2024, 100, -3), "afschrijvingstermijn moet een positief geheel aantal jaren zijn"),
    (Investering(2024, -1, 3), "bedrag mag niet negatief zijn"),
    (Investering(2024, 100, 3, "degressief"), "methode 'degressief' is onbekend"),
])
def test_bad_investments_are_refused(inv, fout):
    with pytest.raises(InvoerFout, match=fout):
        schedule_depreciation(inv)


def test_reserve_corkscrew():
    # begin 100.000; 2025: +10.000 −30.000 = 80.000; 2026: −5.000 = 75.000
    rows = roll_reserve("Egalisatiereserve", "bestemmingsreserve", 100_000 * E, 2025,
                        [10_000 * E, 0], [30_000 * E, 5_000 * E])
    assert [(r.jaar, r.begin, r.eind) for r in rows] == [
        (2025, 100_000 * E, 80_000 * E), (2026, 80_000 * E, 75_000 * E)]
    staat = [rows, roll_reserve("Algemene reserve", "algemene_reserve", 1, 2025, [0, 0], [0, 0])]
    assert total_by_kind(staat, "bestemmingsreserve", 2026, "onttrekking") == 5_000 * E
    with pytest.raises(InvoerFout, match="Egalisatiereserve: soort 'fonds' is onbekend"):
        roll_reserve("Egalisatiereserve", "fonds", 0, 2025, [], [])
