"""The four kengetallen recomputed by hand from the balans as LibreOffice recalculates it
equal the recalculated kengetallen on the board's page (issue 13: 'done when')."""

import pytest

from budgets.excel.rekenmotor import recalculate_with_libreoffice
from budgets.werkboek.genereer import generate
from budgets.werkboek.plan import FIRST_YEAR_COLUMN, col


def _row(values: dict, label: str) -> int:
    """The first row whose column A holds exactly this label."""
    return min(int(a[1:]) for a, v in values.items() if a[0] == "A" and a[1:].isdigit() and v == label)


@pytest.mark.parametrize("name", ["rivierenland", "werkom"])
def test_the_kengetallen_follow_from_the_printed_balans(name, root, tmp_path):
    path = generate(root / "samples" / name / "begroting.yaml", tmp_path / f"{name}.xlsx").werkmap
    values = recalculate_with_libreoffice(path)
    ba, ex, kg, ko = (values[s] for s in ("Balans", "Exploitatie", "Kengetallen", "Kengetallen (overzicht)"))
    jaren = [c for c in range(FIRST_YEAR_COLUMN, FIRST_YEAR_COLUMN + 12) if ba.get(f"{col(c)}4")]
    assert len(jaren) == 5
    for i, kolom in enumerate(jaren):
        c = col(kolom)

        def post(label, c=c):
            return ba[f"{c}{_row(ba, label)}"] or 0.0

        schuld = (post("Vaste schulden ≥ 1 jaar") + post("Netto vlottende schulden: kortlopende financiering")
                  + post("Netto vlottende schulden: overige") + post("Overlopende passiva")
                  - post("Financiële vaste activa: uitzettingen ≥ 1 jaar")
                  - post("Uitzettingen met een looptijd < 1 jaar") - post("Liquide middelen")
                  - post("Overlopende activa"))
        baten = ex[f"{c}{_row(ex, 'Totaal baten')}"]
        leningen = post("Financiële vaste activa: verstrekte leningen")
        eigen = post("Algemene reserve") + post("Bestemmingsreserves") + post("Gerealiseerd resultaat")
        assert post("Totaal activa") == pytest.approx(post("Totaal passiva"), abs=0.005)

        def structural(letter, c=c):
            return kg[f"{c}{_row(kg, letter)}"]

        ruimte = ((structural("B: structurele baten") - structural("A: structurele lasten"))
                  + (structural("D: structurele onttrekking") - structural("C: structurele toevoeging"))
                  ) / structural("E: totale baten")
        by_hand = {
            "Netto schuldquote": schuld / baten,
            "Netto schuldquote gecorrigeerd voor alle verstrekte leningen": (schuld - leningen) / baten,
            "Solvabiliteitsratio": eigen / post("Totaal passiva"),
            "Structurele exploitatieruimte": ruimte,
        }
        printed = col(2 + i)  # the board's page: years from column B
        for label, expected in by_hand.items():
            assert ko[f"{printed}{_row(ko, label)}"] == pytest.approx(expected, abs=1e-12), (name, c, label)
