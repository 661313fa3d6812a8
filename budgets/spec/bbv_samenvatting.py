"""The BBV part of the JSON summary (`genereer --samenvatting`): per year the balans,
EMU-saldo, kengetallen (fractions), kasgeldlimiet and renterisiconorm, in EUR."""

from budgets.spec.bbv_kern import euros
from pyfuncs.balans import POSTEN


def _balance(balans) -> dict:
    lines = {name: euros(getattr(balans, name)) for name, *_ in POSTEN}
    return {
        "activa": euros(balans.activa), "passiva": euros(balans.passiva),
        "eigen_vermogen": euros(balans.eigen_vermogen),
        "vlottende_schulden": euros(balans.vlottende_schulden),
        "financiele_vaste_activa": euros(balans.financiele_vaste_activa), **lines,
    }


def bbv_summary(b, res) -> dict:
    """{} without a balans; else, like the rest of the summary, each key per year
    ("2025": ...): balans, emu_saldo, kengetallen, signaalwaarden, kapitaallasten,
    begrotingstotaal, kasgeldlimiet, renterisiconorm, renterisico; and the beginbalans."""
    x = res.bbv
    if x is None:
        return {}

    def per_year(value) -> dict:
        return {str(y): value(y) for y in b.jaren}

    def ratios(y):
        k = x.kengetallen.get(y)
        return None if k is None else {name: getattr(k, name) for name in KENGETALLEN}

    return {
        "beginbalans": _balance(x.begin),
        "balans": per_year(lambda y: _balance(x.balans_eind[y])),
        "emu_saldo": per_year(lambda y: euros(x.emu[y][1])),
        "kengetallen": per_year(ratios),
        "signaalwaarden": per_year(x.klassen.get),
        "kapitaallasten": per_year(lambda y: euros(x.kapitaallasten[y])),
        **{key: per_year(lambda y, k=key: euros(x.fido[y][k])) for key in FIDO},
    }


KENGETALLEN = ("netto_schuldquote", "netto_schuldquote_gecorrigeerd", "solvabiliteitsratio",
               "structurele_exploitatieruimte")
FIDO = ("begrotingstotaal", "kasgeldlimiet", "renterisiconorm", "renterisico")
