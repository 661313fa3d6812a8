"""The Iv3 listing of a begroting: lasten and baten per taakveld (and economische
categorie where the spec gives one) per year, as a CSV a finance team loads into its own
Iv3 delivery. It is not the SBR/XBRL filing itself (docs/generator.md, "Iv3")."""

import re
from pathlib import Path

from budgets.bestanden import write_atomically
from budgets.spec.bbv import RESULTAAT_TAAKVELD, TAAKVELDEN
from budgets.spec.laden import load_spec
from budgets.spec.resultaten import compute
from pyfuncs.afronding import excel_round

KOLOMMEN = ("jaar", "taakveld", "omschrijving", "economische_categorie", "lasten", "baten")
LASTEN = ("lasten", "toevoeging")


def iv3_rows(b, res) -> list[tuple]:
    """(jaar, taakveld, omschrijving, categorie, lasten, baten) in EUR rounded to cents, in
    taakveld order; the saldo na geplande reservemutaties on 0.8 (surplus under lasten)."""
    rows = []
    for y in b.jaren:
        sums: dict[tuple, list] = {}
        for line in b.exploitatie:
            if line.soort == "subtotaal":
                continue
            pair = sums.setdefault((line.taakveld, line.categorie), [0.0, 0.0])
            pair[0 if line.soort in LASTEN else 1] += res.regels[line.naam][y]
        pair = sums.setdefault((RESULTAAT_TAAKVELD, ""), [0.0, 0.0])
        pair[0] += max(res.saldo[y], 0.0)
        pair[1] += max(-res.saldo[y], 0.0)
        order = list(TAAKVELDEN)
        ranked = sorted(sums.items(), key=lambda k: (order.index(k[0][0]), k[0][1]))
        for (code, categorie), (lasten, baten) in ranked:
            rows.append((y, code, TAAKVELDEN[code], categorie, excel_round(lasten, 2), excel_round(baten, 2)))
    return rows


def _amount(x: float) -> str:
    """1234.5 -> '1234,50' (decimal comma, no thousands separator)."""
    return f"{x:.2f}".replace(".", ",")


def iv3_text(b, res) -> str:
    """The CSV text: ';' separated, decimal comma, one header line, CRLF line ends."""
    lines = [";".join(KOLOMMEN)]
    for jaar, code, naam, categorie, lasten, baten in iv3_rows(b, res):
        fields = (str(jaar), code, naam.replace(";", ","), categorie.replace(";", ","), _amount(lasten),
                  _amount(baten))
        lines.append(";".join(fields))
    return "\r\n".join(lines) + "\r\n"


def default_iv3_output(b) -> Path:
    slug = re.sub(r"[^a-z0-9]+", "-", b.naam.lower()).strip("-") or "begroting"
    return Path("uitvoer") / f"{slug}-iv3-{b.begrotingsjaar}.csv"


def write_iv3(spec: Path, uitvoer: Path | None = None, overschrijf: bool = False) -> tuple[Path, int]:
    """Read the spec (YAML or workbook), write the CSV (UTF-8 with BOM, so that Excel opens
    it with the right characters) atomically; returns the path and the number of rows."""
    b = load_spec(Path(spec))
    res = compute(b)
    target = Path(uitvoer) if uitvoer else default_iv3_output(b)
    if uitvoer is None:
        target.parent.mkdir(parents=True, exist_ok=True)
    text = iv3_text(b, res)
    write_atomically(target, lambda tmp: tmp.write_bytes(text.encode("utf-8-sig")), overschrijf)
    return target, text.count("\r\n") - 1
