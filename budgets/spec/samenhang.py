"""Cross-checks of a parsed spec: references between its parts, cycles, usable keys."""

from budgets.spec.meldingen import Meldingen
from budgets.spec.model import Begroting
from budgets.spec.secties import TOTAAL
from budgets.spec.sleutels import SOORTEN
from pyfuncs.fouten import InvoerFout


def check_spec(b: Begroting, m: Meldingen) -> None:
    """Report every reference to an unknown gemeente, product, key or line."""
    gemeenten, producten = set(b.gemeenten), {p.naam for p in b.producten}
    for i, g in enumerate(b.deelnemers, start=1):
        if g.naam == TOTAAL:
            m.fout(f"deelnemers[{i}].naam", f"'{TOTAAL}' is gereserveerd voor totalen; kies een andere naam")
    for i, line in enumerate(b.exploitatie, start=1):
        if ";" in line.naam:
            m.fout(f"exploitatie[{_place(b, i)}].naam", "een regelnaam mag geen ';' bevatten")
    sleutels = {k.naam: k for k in b.verdeelsleutels}
    for i, row in enumerate(b.volumes, start=1):
        pad = f"volumes[{i}]"
        _known(row.product, producten, f"{pad}.product", "product", m)
        if row.gemeente is not None:
            _known(row.gemeente, gemeenten, f"{pad}.gemeente", "gemeente", m)
        elif _known(row.verdeelsleutel, sleutels, f"{pad}.verdeelsleutel", "verdeelsleutel", m):
            _volume_key(sleutels, row.verdeelsleutel, f"{pad}.verdeelsleutel", m)
    for i, row in enumerate(b.doorbelastingen, start=1):
        _known(row.gemeente, gemeenten, f"doorbelastingen[{i}].gemeente", "gemeente", m)
    _check_keys(b, sleutels, gemeenten, producten, m)
    _check_lines(b, m)
    _check_sources(b, m)
    reserve = b.reserve
    if reserve is None:
        return
    _known(reserve.verdeelsleutel, sleutels, "reserve.verdeelsleutel", "verdeelsleutel", m)
    if reserve.maximum is not None and reserve.maximum < reserve.minimum:
        m.fout("reserve.maximum", "het maximum is kleiner dan het minimum")
    if reserve.maximum is not None and reserve.maximum_percentage is not None:
        m.fout("reserve.maximum_percentage", "geef het maximum als bedrag óf als percentage, niet allebei")


def _check_sources(b: Begroting, m: Meldingen) -> None:
    """A line that takes its amounts from the productbegroting needs products or doorbelastingen."""
    present = {"bijdragen": bool(b.producten), "doorbelastingen": bool(b.doorbelastingen)}
    needs = {"bijdragen": "producten (met volumes)", "doorbelastingen": "doorbelastingen"}
    if b.doorbelastingen and not b.producten:
        m.fout("doorbelastingen", "doorbelastingen staan op het blad Bijdragen naast de productbijdragen; "
               "geef ook de producten, of neem de bedragen op als exploitatieregels (bedragen:)")
    for i, line in enumerate(b.exploitatie, start=1):
        if line.bron is not None and not present[line.bron]:
            m.fout(f"exploitatie[{_place(b, i)}].bron",
                   f"bron '{line.bron}' vraagt {needs[line.bron]} in de spec; "
                   "geef de bedragen van deze regel zelf op (bedragen:) of voeg ze toe")


def _place(b: Begroting, i: int) -> int:
    """The number of the i-th line among all exploitatie entries, headings ({kop: ...}) included."""
    return i + sum(1 for kop in b.koppen if kop.voor < i)


def _known(naam, known, pad: str, label: str, m: Meldingen) -> bool:
    if naam and naam not in known:
        m.fout(pad, f"onbekende {label} '{naam}'")
        return False
    return bool(naam)


def _volume_key(sleutels: dict, naam: str, pad: str, m: Meldingen) -> None:
    key = sleutels[naam]
    base = sleutels.get(key.variabel) if key.soort == "hybride" else key
    if base is not None and SOORTEN[base.soort].hangt_af_van_volumes:
        m.fout(
            pad,
            f"verdeelsleutel '{naam}' hangt zelf van volumes of bijdragen af; "
            "kies een vaste, inwoners-, SE- of hybride sleutel",
        )


def _check_keys(b: Begroting, sleutels: dict, gemeenten: set, producten: set, m: Meldingen) -> None:
    for i, key in enumerate(b.verdeelsleutels, start=1):
        SOORTEN[key.soort].controleer(b, key, f"verdeelsleutels[{i}]", m)


def check_key_values(b: Begroting, m: Meldingen) -> None:
    """Keys whose weights are all zero (or negative) in some year; run after check_spec."""
    for i, key in enumerate(b.verdeelsleutels, start=1):
        for jaar in b.jaren:
            try:
                b.aandelen(key.naam, jaar)
            except InvoerFout as fout:
                m.fout(f"verdeelsleutels[{i}]", f"in {jaar}: {fout}")
                break


def _check_lines(b: Begroting, m: Meldingen) -> None:
    names = [r.naam for r in b.exploitatie]
    for i, line in enumerate(b.exploitatie, start=1):
        for part, refs in (("plus", line.plus), ("min", line.min)):
            for ref in refs:
                if ref == line.naam:
                    m.fout(f"exploitatie[{_place(b, i)}].subtotaal.{part}",
                           f"regel '{ref}' verwijst naar zichzelf")
                elif ref not in names:
                    m.fout(f"exploitatie[{_place(b, i)}].subtotaal.{part}", f"onbekende regel '{ref}'")
    for i, line in enumerate(b.exploitatie, start=1):
        if _in_cycle(b, line.naam, set()):
            m.fout(
                f"exploitatie[{_place(b, i)}].subtotaal",
                f"regel '{line.naam}' verwijst via andere regels naar zichzelf",
            )


def _in_cycle(b: Begroting, start: str, path: set) -> bool:
    names = {r.naam: r for r in b.exploitatie}
    stack = [(ref, (start,)) for ref in (*names[start].plus, *names[start].min)]
    seen = set()
    while stack:
        name, trail = stack.pop()
        if name == start and len(trail) > 1:
            return True
        if name in seen or name not in names or name == start:
            continue
        seen.add(name)
        stack.extend((ref, (*trail, name)) for ref in (*names[name].plus, *names[name].min))
    return False


def line_order(b: Begroting) -> list[str]:
    """Exploitatie lines in an order where every subtotal follows the lines it uses."""
    names = {r.naam: r for r in b.exploitatie}
    done: list[str] = []

    def visit(name: str) -> None:
        if name in done:
            return
        for ref in (*names[name].plus, *names[name].min):
            visit(ref)
        done.append(name)

    for name in names:
        visit(name)
    return done
