"""The geprognosticeerde balans and the EMU-saldo, on a small example worked out by
hand (amounts in euros in the comments, cents in the code)."""

import pytest

from pyfuncs.balans import POSTEN, Balans, Jaarmutaties, balance_lines, compute_cash_flow, project_balance
from pyfuncs.emu import EmuPosten, compute_emu_balance, derive_emu_items
from pyfuncs.fouten import InvoerFout

E = 100  # cents per euro

# Opening balance, 1 January (euros):
#   activa:  MVA 1.000.000, voorraden 100.000, uitzettingen < 1 jaar 200.000,
#            liquide middelen 50.000, overlopende activa 50.000        = 1.400.000
#   passiva: algemene reserve 300.000, bestemmingsreserves 100.000, voorzieningen
#            100.000, vaste schulden 600.000, overige vlottende schulden 200.000,
#            overlopende passiva 100.000                               = 1.400.000
BEGIN = Balans(
    materiele_vaste_activa=1_000_000 * E, voorraden=100_000 * E, uitzettingen_korter_dan_een_jaar=200_000 * E,
    liquide_middelen=50_000 * E, overlopende_activa=50_000 * E,
    algemene_reserve=300_000 * E, bestemmingsreserves=100_000 * E, voorzieningen=100_000 * E,
    vaste_schulden=600_000 * E, overige_vlottende_schulden=200_000 * E, overlopende_passiva=100_000 * E,
)
# Year 1: saldo −20.000, 30.000 drawn from a bestemmingsreserve, invest 150.000,
# afschrijvingen 100.000, dotatie voorzieningen 20.000, spent from them 30.000, aflossing 50.000.
JAAR1 = Jaarmutaties(saldo=-20_000 * E, onttrekkingen_bestemmingsreserves=30_000 * E,
                     investeringen=150_000 * E, afschrijvingen=100_000 * E,
                     dotaties_voorzieningen=20_000 * E, onttrekkingen_voorzieningen=30_000 * E,
                     aflossingen=50_000 * E)
# Year 2: saldo +40.000; of last year's resultaat 10.000, 4.000 is paid back to the
# deelnemers and 6.000 goes to the algemene reserve; afschrijvingen 105.000, aflossing 50.000.
JAAR2 = Jaarmutaties(saldo=40_000 * E, vorig_resultaat_uitgekeerd=4_000 * E,
                     afschrijvingen=105_000 * E, aflossingen=50_000 * E)


def test_the_first_year_needs_short_financing():
    # kasstroom = −20.000 + 100.000 + 20.000 − 30.000 − 150.000 − 50.000 = −130.000
    assert compute_cash_flow(JAAR1) == -130_000 * E
    eind1, _ = project_balance(BEGIN, [JAAR1, JAAR2])
    # kasgeldpositie 50.000 − 130.000 = −80.000: no liquide middelen, 80.000 kort geld
    assert eind1.liquide_middelen == 0
    assert eind1.kortlopende_financiering == 80_000 * E
    assert eind1.materiele_vaste_activa == 1_050_000 * E      # 1.000.000 + 150.000 − 100.000
    assert eind1.bestemmingsreserves == 70_000 * E            # 100.000 − 30.000
    assert eind1.resultaat == 10_000 * E                      # −20.000 + 30.000 onttrekking
    assert eind1.voorzieningen == 90_000 * E                  # 100.000 + 20.000 − 30.000
    assert eind1.vaste_schulden == 550_000 * E
    # activa 1.050.000 + 100.000 + 200.000 + 0 + 50.000 = 1.400.000
    # passiva 300 + 70 + 10 + 90 + 550 + 80 + 200 + 100 (× 1.000) = 1.400.000
    assert eind1.activa == eind1.passiva == 1_400_000 * E
    assert eind1.eigen_vermogen == 380_000 * E
    assert eind1.vlottende_schulden == 280_000 * E


def test_the_second_year_settles_last_years_resultaat():
    _, eind2 = project_balance(BEGIN, [JAAR1, JAAR2])
    assert eind2.algemene_reserve == 306_000 * E              # 300.000 + 10.000 − 4.000
    assert eind2.resultaat == 40_000 * E
    # kasstroom 40.000 + 105.000 − 50.000 − 4.000 = 91.000; positie −80.000 + 91.000 = 11.000
    assert (eind2.liquide_middelen, eind2.kortlopende_financiering) == (11_000 * E, 0)
    # activa 945 + 100 + 200 + 11 + 50 = 1.306 (× 1.000); passiva 306 + 70 + 40 + 90 + 500 + 200 + 100
    assert eind2.activa == eind2.passiva == 1_306_000 * E


def test_emu_saldo_of_the_first_year():
    (eind1,) = project_balance(BEGIN, [JAAR1])
    posten = derive_emu_items(BEGIN, eind1, exploitatiesaldo=-20_000 * E)
    assert posten == EmuPosten(-20_000 * E, mutatie_vaste_activa=50_000 * E, mutatie_voorzieningen=-10_000 * E)
    # EMU = −20.000 − 50.000 + (−10.000) − 0 − 0 = −80.000: the fall of the net
    # financial position (50 + 200 + 50 − 600 − 200 − 100 = −600 to 0 + 200 + 50 − 550 − 280 − 100 = −680)
    assert compute_emu_balance(posten) == -80_000 * E


def test_emu_table_signs():
    # 1 − 2 + 3 − 4 − 5 = 100 − 30 + 20 − 10 − 5 = 75
    assert compute_emu_balance(EmuPosten(100, 30, 20, 10, 5)) == 75


def test_an_opening_balance_that_does_not_balance_is_refused():
    with pytest.raises(InvoerFout, match="beginbalans: activa .* en passiva .* zijn niet gelijk"):
        project_balance(Balans(liquide_middelen=1), [])


def test_negative_gross_flows_and_steered_lines_are_refused():
    with pytest.raises(InvoerFout, match="jaar 1: mutaties: investeringen mag niet negatief zijn"):
        project_balance(BEGIN, [Jaarmutaties(investeringen=-1)])
    with pytest.raises(InvoerFout, match="vaste_schulden volgt uit de eigen mutaties"):
        project_balance(BEGIN, [Jaarmutaties(overige=(("vaste_schulden", 5),))])
    with pytest.raises(InvoerFout, match="balanspost 'kas' is onbekend"):
        project_balance(BEGIN, [Jaarmutaties(overige=(("kas", 5),))])


def test_other_lines_move_against_the_kasgeldpositie():
    # voorraden +10.000 costs cash; overlopende passiva +4.000 brings cash: 50.000 − 6.000
    (eind,) = project_balance(BEGIN, [Jaarmutaties(overige=(("voorraden", 10_000 * E), ("overlopende_passiva", 4_000 * E)))])
    assert eind.voorraden == 110_000 * E and eind.liquide_middelen == 44_000 * E
    assert eind.activa == eind.passiva


def test_posten_and_the_balans_record_list_the_same_lines():
    assert [label for label, _, _ in balance_lines(BEGIN)] == [label for _, _, label, _ in POSTEN]
    assert {name for name, *_ in POSTEN} == set(Balans.__dataclass_fields__)
