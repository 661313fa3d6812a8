"""The block "Rijksmiddelen voor deze taken" on each Raadsoverzicht (when the spec has
rijksmiddelen): per kind what the gemeente receives from the Rijk (inputs on
Uitgangspunten), their total, its total bijdrage to the GR (products, doorbelastingen and
share in the saldo, linked to Bijdragen and Verdeling), the difference it pays from its own
algemene middelen and that per inwoner. In euros (cents kept), whatever the presentatie
eenheid of the sheet, so that every figure is the core's to the cent
(budgets.spec.rijksmiddelen.own_means_of, pyfuncs.rijksmiddelen)."""

from budgets.excel.formaten import EURO, EURO_CENT
from budgets.spec import secties as S
from budgets.spec.model import Begroting
from budgets.spec.rijksmiddelen import SOORTEN
from budgets.werkboek.overzicht import caption
from budgets.werkboek.plan import Blad, col, ref, year_columns
from budgets.werkboek.product import BIJ
from budgets.werkboek.verdeling import VD
from pyfuncs import doelgroep_formules as F
from pyfuncs.afronding import from_cents, to_cents

LABELS = {
    "totaal": "Totaal rijksmiddelen",
    "bijdrage": "Bijdrage aan de GR",
    "eigen": "Uit eigen algemene middelen",
    "per_inwoner": "Uit eigen algemene middelen per inwoner",
}


def rijksmiddelen_block(blad: Blad, b: Begroting, eigen: tuple, pos: dict, L: dict, gi: int, g: str,
                        r: int) -> int:
    """Write the block from row r; returns the next free row. eigen: own_means_of(b, res)."""
    n = len(b.jaren)
    mine = {row.jaar: row for row in eigen[gi * n:(gi + 1) * n]}
    cols = [(jaar, kolom - 3, col(kolom)) for jaar, kolom in year_columns(b.jaren)]
    d = pos[("vast", "decimalen")]
    blad.tekst(r, 1, "Rijksmiddelen voor deze taken (bedragen in euro's)", "kop")
    for jaar, kolom, _s in cols:
        blad.tekst(r, kolom, caption(b, jaar), "begrotingsjaar" if jaar == b.begrotingsjaar else "kop")
    first = r + 1
    for soort, label in SOORTEN.items():
        rows = [(i, row) for i, row in enumerate(b.rijksmiddelen, start=1)
                if row.gemeente == g and row.soort == soort]
        if not rows:
            continue
        r += 1
        blad.tekst(r, 1, label)
        for jaar, kolom, s in cols:
            refs = tuple(ref(S.BLAD, f"{s}{pos[('rijksmiddel', i)]}") for i, _row in rows)
            value = from_cents(sum(to_cents(float(row.bedragen.get(jaar, 0.0))) for _i, row in rows))
            blad.zet(r, kolom, F.rijksmiddelen_formula(refs, d), "berekening", EURO, value)
    last, r = r, r + 1
    blad.tekst(r, 1, LABELS["totaal"], "totaal")
    for jaar, kolom, _s in cols:
        c = col(kolom)
        formula = F.sum_formula(f"{c}{first}:{c}{last}") if last >= first else "=0"
        blad.zet(r, kolom, formula, "totaal", EURO, mine[jaar].rijksmiddelen)
    rijks, r = r, r + 1
    blad.tekst(r, 1, LABELS["bijdrage"])
    total, share = L[BIJ][("totaal", g)], L.get(VD, {}).get(("deel", g))
    for jaar, kolom, s in cols:
        terms = f"{BIJ}!{s}{total}" + (f"+{VD}!{s}{share}" if share and b.verdeelt_saldo else "")
        blad.zet(r, kolom, f"=ROUND({terms},{d})", "berekening", EURO, mine[jaar].bijdrage)
    bijdrage, r = r, r + 1
    blad.tekst(r, 1, LABELS["eigen"], "totaal")
    for jaar, kolom, _s in cols:
        c = col(kolom)
        blad.zet(r, kolom, F.own_means_formula(f"{c}{bijdrage}", f"{c}{rijks}", d), "totaal", EURO,
                 mine[jaar].eigen_middelen)
    own, r = r, r + 1
    blad.tekst(r, 1, LABELS["per_inwoner"])
    inwoners = ref(S.BLAD, f"$C${pos[('gemeente', g)]}")
    for jaar, kolom, _s in cols:
        blad.zet(r, kolom, F.per_inhabitant_formula(f"{col(kolom)}{own}", inwoners, d), "berekening",
                 EURO_CENT, mine[jaar].per_inwoner)
    blad.tekst(r + 1, 1, "Bijdrage: producten, doorbelastingen en aandeel in het saldo. + = de gemeente "
               "betaalt het verschil uit haar algemene middelen, − = er blijven rijksmiddelen over. "
               "Bronnen op Uitgangspunten.", "toelichting")
    return r + 2
