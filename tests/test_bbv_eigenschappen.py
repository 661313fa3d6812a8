"""Properties money must keep: a balancing balans stays balanced, the EMU-saldo is the
growth of the net financial position, kengetallen do not change when every amount is
scaled, corkscrews close and depreciation adds up."""

from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from pyfuncs.activa import METHODES, Investering, compute_charges
from pyfuncs.balans import GESTUURD, KANT, Balans, Jaarmutaties, project_balance, roll_forward
from pyfuncs.emu import compute_emu_balance, derive_emu_items
from pyfuncs.kengetallen import classify_ratios, exact_net_debt_ratio, exact_solvency_ratio
from pyfuncs.reserves import roll_reserve

bedrag = st.integers(min_value=0, max_value=10**11)            # up to € 1 mld, in cents
saldo = st.integers(min_value=-10**10, max_value=10**10)
OVERIG = sorted(set(KANT) - GESTUURD)


@st.composite
def balanced_balance(draw) -> Balans:
    """Non-negative lines; the algemene reserve closes the gap (it may be negative)."""
    lines = {name: draw(bedrag) for name in KANT if name != "algemene_reserve"}
    activa = sum(v for k, v in lines.items() if KANT[k] == "activa")
    passiva = sum(v for k, v in lines.items() if KANT[k] == "passiva")
    return Balans(**lines, algemene_reserve=activa - passiva)


mutaties = st.builds(
    Jaarmutaties, saldo=saldo, toevoegingen_algemene_reserve=bedrag, onttrekkingen_algemene_reserve=bedrag,
    toevoegingen_bestemmingsreserves=bedrag, onttrekkingen_bestemmingsreserves=bedrag,
    vorig_resultaat_uitgekeerd=saldo, investeringen=bedrag, afschrijvingen=bedrag,
    dotaties_voorzieningen=bedrag, onttrekkingen_voorzieningen=bedrag, nieuwe_leningen=bedrag,
    aflossingen=bedrag,
    overige=st.lists(st.tuples(st.sampled_from(OVERIG), saldo), max_size=3).map(tuple),
)


@settings(max_examples=200)
@given(balanced_balance(), st.lists(mutaties, min_size=1, max_size=5))
def test_a_balancing_balance_stays_balanced(begin, jaren):
    ends = project_balance(begin, jaren)
    for before, m, end in zip((begin, *ends[:-1]), jaren, ends, strict=True):
        assert end.activa == end.passiva
        assert roll_forward(before, m) == end          # the end of t is the beginning of t + 1
        assert end.liquide_middelen == 0 or end.kortlopende_financiering == 0
        # the eigen vermogen moves with the saldo, less what the deelnemers got back
        assert end.eigen_vermogen - before.eigen_vermogen == m.saldo - m.vorig_resultaat_uitgekeerd


def _net_financial_position(b: Balans) -> int:
    """Financial activa minus debts (cents): every activa line but the vaste activa
    (other than financial) and the voorraden, minus every debt line."""
    activa = b.activa - b.immateriele_vaste_activa - b.materiele_vaste_activa - b.voorraden
    return activa - b.vaste_schulden - b.vlottende_schulden - b.overlopende_passiva


@settings(max_examples=200)
@given(balanced_balance(), mutaties)
def test_emu_saldo_is_the_growth_of_the_net_financial_position(begin, m):
    (end,) = project_balance(begin, [m])
    emu = compute_emu_balance(derive_emu_items(begin, end, m.saldo))
    assert emu - m.vorig_resultaat_uitgekeerd == _net_financial_position(end) - _net_financial_position(begin)


@settings(max_examples=200)
@given(balanced_balance(), st.integers(min_value=1, max_value=10**11), st.integers(min_value=1, max_value=10**6),
       st.fractions(min_value=-1, max_value=1, max_denominator=1000))
def test_kengetallen_do_not_change_when_all_amounts_are_scaled(balans, baten, factor, structureel):
    scaled = Balans(**{name: factor * getattr(balans, name) for name in KANT})
    for gecorrigeerd in (False, True):
        assert exact_net_debt_ratio(scaled, factor * baten, gecorrigeerd) == exact_net_debt_ratio(
            balans, baten, gecorrigeerd)
        assert float(exact_net_debt_ratio(scaled, factor * baten, gecorrigeerd)) == float(
            exact_net_debt_ratio(balans, baten, gecorrigeerd))
    if balans.passiva:
        assert exact_solvency_ratio(scaled) == exact_solvency_ratio(balans)
        assert classify_ratios(scaled, factor * baten, structureel) == classify_ratios(balans, baten, structureel)


@given(bedrag, st.lists(st.tuples(bedrag, bedrag), min_size=1, max_size=8))
def test_the_reserve_corkscrew_closes(begin, stromen):
    rows = roll_reserve("r", "bestemmingsreserve", begin, 2025, [b for b, _ in stromen], [a for _, a in stromen])
    for row in rows:
        assert row.eind == row.begin + row.toevoeging - row.onttrekking
    for now, following in zip(rows, rows[1:], strict=False):
        assert following.begin == now.eind and following.jaar == now.jaar + 1
    assert rows[-1].eind == begin + sum(b for b, _ in stromen) - sum(a for _, a in stromen)


@given(bedrag, st.integers(min_value=1, max_value=60), st.sampled_from(METHODES),
       st.fractions(min_value=0, max_value=Fraction(1, 5), max_denominator=10000))
def test_depreciation_adds_up_and_the_book_value_reaches_zero(investering, termijn, methode, rente):
    rows = compute_charges(Investering(2024, investering, termijn, methode, float(rente)))
    assert sum(r.afschrijving for r in rows) == investering
    assert all(r.afschrijving >= 0 and r.rente >= 0 for r in rows)
    assert rows[-1].boekwaarde_eind == 0
    for now, following in zip(rows, rows[1:], strict=False):
        assert following.boekwaarde_begin == now.boekwaarde_eind
