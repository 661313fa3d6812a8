"""The Uitgangspunten sheet: every input of the spec, in the input style, with a
toelichting column. Returns where each input sits, for the formulas of other sheets."""

from budgets.excel.formaten import AANTAL, DATUM, EURO, EURO_CENT, FRACTIE, PROCENT
from budgets.spec import secties as S
from budgets.spec.model import (
    AARDEN,
    BRONNEN,
    DOORBELASTINGSOORTEN,
    EENHEDEN,
    PRODUCTSOORTEN,
    REGELS,
    REGELSOORTEN,
    SLEUTELSOORTEN,
    STATUSSEN,
    Begroting,
)
from budgets.spec.rijksmiddelen import SOORTEN as RIJKSSOORTEN
from budgets.spec.sleutels import SOORTEN
from budgets.werkboek.plan import Blad, absolute, col, ref, standard_widths, year_columns
from pyfuncs.weerstand import KLASSEN

TOLERANTIE = 0.005
FORMATS = {"kans": FRACTIE, "vaste_voet": FRACTIE, "basisprijs": EURO_CENT, "minimum": EURO,
           "maximum": EURO, "inwoners": "#,##0", "se": "#,##0.0", "gewicht": "#,##0.####"}


class Posities(dict):
    """Where inputs sit: keys such as ("product", naam) -> row, ("gr", "van") -> reference."""


def build_invoer(b: Begroting) -> tuple[Blad, Posities]:
    blad, pos = Blad(S.BLAD), Posities()
    blad.tekst(1, 1, f"Uitgangspunten – {b.naam}", "titel")
    blad.tekst(2, 1, "Alle invoer staat op dit blad (invoerstijl); alle andere bladen rekenen met formules.")
    state = {"rij": 4}
    writers = (
        _algemeen,
        _deelnemers,
        _producten,
        _volumes,
        _doorbelastingen,
        _rijksmiddelen,
        _sleutels,
        _gewichten,
        _exploitatie,
        _reserve,
        _risicos,
        _simulatie,
        _presentatie,
        _vast,
    )
    for write in writers:
        if _present(b, write):
            write(blad, b, pos, state)
            state["rij"] += 1
    standard_widths(blad, b.jaren, label=40)
    for kolom in (S.K1, S.K2, S.TOELICHTING):
        blad.breedtes[col(S.trailing_column(kolom, b.jaren))] = 48 if kolom == S.TOELICHTING else 22
    blad.bevriezen = "B4"
    return blad, pos


def _present(b: Begroting, write) -> bool:
    """Only what the GR has: a section without content is left out of the sheet."""
    needs = {
        _producten: b.producten,
        _volumes: b.volumes,
        _doorbelastingen: b.doorbelastingen,
        _rijksmiddelen: b.rijksmiddelen,
        _sleutels: b.verdeelsleutels,
        _gewichten: [k for k in b.verdeelsleutels if k.soort == "vast"],
        _reserve: b.reserve is not None,
        _risicos: b.risicos,
        _simulatie: b.risicos,
    }
    return bool(needs.get(write, True))


def _title(blad: Blad, state: dict, key: str) -> int:
    blad.tekst(state["rij"], 1, S.TITELS[key], "kop")
    state["rij"] += 1
    return state["rij"]


def _kv(blad: Blad, b: Begroting, pos: Posities, state: dict, key: str, fields, values: dict) -> None:
    _title(blad, state, key)
    for name, label, unit in fields:
        rij = state["rij"]
        blad.tekst(rij, 1, label)
        blad.tekst(rij, 2, unit)
        value = values.get(name)
        if unit == "tekst" and value is not None:
            blad.tekst(rij, 3, str(value), "invoer")
        elif unit == "datum":
            blad.zet(rij, 3, value, "invoer", DATUM)
        else:
            fmt = {"EUR": EURO_CENT, "fractie": FRACTIE, "%": PROCENT}.get(unit)
            blad.zet(rij, 3, value, "invoer", fmt)
        pos[(key, name)] = ref(S.BLAD, absolute(3, rij))
        pos[(key, name, "rij")] = rij
        state["rij"] += 1


def _table(
    blad: Blad, b: Begroting, state: dict, key: str, columns: dict, years: bool, year_label: str = ""
) -> None:
    rij = _title(blad, state, key)
    for name, kolom in columns.items():
        blad.tekst(rij, S.trailing_column(kolom, b.jaren), S.HEADERS[name], "kop")
    if years:
        for jaar, kolom in year_columns(b.jaren):
            blad.zet(rij, kolom, jaar, "kop")
        blad.tekst(rij - 1, 5, year_label)
    blad.tekst(rij, S.trailing_column(S.TOELICHTING, b.jaren), S.HEADERS["toelichting"], "kop")
    state["rij"] += 1


def _row(blad: Blad, b: Begroting, rij: int, columns: dict, values: dict, toelichting: str = "") -> None:
    for name, kolom in columns.items():
        value = values.get(name)
        kolom = S.trailing_column(kolom, b.jaren)
        if isinstance(value, str) or value is None:
            blad.tekst(rij, kolom, value or "", "invoer")
        else:
            blad.zet(rij, kolom, value, "invoer", FORMATS.get(name, AANTAL))
    blad.tekst(rij, S.trailing_column(S.TOELICHTING, b.jaren), toelichting, "toelichting")


def _years(blad: Blad, b: Begroting, rij: int, values: dict, fmt: str) -> None:
    for jaar, kolom in year_columns(b.jaren):
        blad.zet(rij, kolom, values.get(jaar, 0.0), "invoer", fmt)


def _validate(blad: Blad, b: Begroting, first: int, last: int, kolom, options) -> None:
    kolom = S.trailing_column(kolom, b.jaren)
    blad.validaties.append((f"{col(kolom)}{first}:{col(kolom)}{max(first, last)}", options))


def _presentatie(blad, b, pos, state):
    values = {"eenheid": b.presentatie.eenheid, "kolomkoppen": S.kolomkoppen_tekst(b.presentatie.kolomkoppen)}
    _kv(blad, b, pos, state, "presentatie", S.PRESENTATIE, values)
    blad.validaties.append((f"C{pos[('presentatie', 'eenheid', 'rij')]}", [str(e) for e in (1, 1000)]))


def _algemeen(blad, b, pos, state):
    values = {
        "naam": b.naam,
        "begrotingsjaar": b.begrotingsjaar,
        "van": b.jaren[0],
        "tot": b.jaren[-1],
        "status": b.status,
        "datum": b.datum,
        "versie": b.versie,
    }
    _kv(blad, b, pos, state, "algemeen", S.ALGEMEEN, values)
    status_row = pos[("algemeen", "status", "rij")]
    blad.validaties.append((f"C{status_row}", STATUSSEN))


def _deelnemers(blad, b, pos, state):
    _table(blad, b, state, "deelnemers", S.DEELNEMERS, False)
    pos["deelnemers_eerste"] = state["rij"]
    for g in b.deelnemers:
        pos[("gemeente", g.naam)] = state["rij"]
        _row(blad, b, state["rij"], S.DEELNEMERS, {"naam": g.naam, "inwoners": g.inwoners, "se": g.se},
             g.toelichting)
        state["rij"] += 1
    pos["deelnemers_laatste"] = state["rij"] - 1


def _producten(blad, b, pos, state):
    _table(blad, b, state, "producten", S.PRODUCTEN, True, "Normprijs (EUR per eenheid) of indexatie (%)")
    first = state["rij"]
    for p in b.producten:
        rij = state["rij"]
        pos[("product", p.naam)] = rij
        invoer = S.PRIJS_INDEX if p.basisprijs is not None else S.PRIJS_PER_JAAR
        _row(
            blad,
            b,
            rij,
            S.PRODUCTEN,
            {
                "naam": p.naam,
                "eenheid": p.eenheid,
                "basisprijs": p.basisprijs,
                "invoer": invoer,
                "regel": p.regel,
                "soort": p.soort,
            },
            p.toelichting,
        )
        values = p.indexatie if p.basisprijs is not None else p.prijzen
        _years(blad, b, rij, values, "0.00" if p.basisprijs is not None else EURO_CENT)
        state["rij"] += 1
    for name, options in (
        ("eenheid", EENHEDEN),
        ("regel", REGELS),
        ("soort", PRODUCTSOORTEN),
        ("invoer", (S.PRIJS_PER_JAAR, S.PRIJS_INDEX)),
    ):
        _validate(blad, b, first, state["rij"] - 1, S.PRODUCTEN[name], options)


def _volumes(blad, b, pos, state):
    _table(blad, b, state, "volumes", S.VOLUMES, True, "Volume (eenheid per jaar)")
    for i, v in enumerate(b.volumes, start=1):
        rij = state["rij"]
        pos[("volume", i)] = rij
        _row(
            blad,
            b,
            rij,
            S.VOLUMES,
            {
                "product": v.product,
                "eenheid": b.product(v.product).eenheid,
                "gemeente": v.gemeente or S.TOTAAL,
                "verdeelsleutel": v.verdeelsleutel or "",
            },
            v.toelichting,
        )
        _years(blad, b, rij, v.aantallen, AANTAL)
        state["rij"] += 1


def _doorbelastingen(blad, b, pos, state):
    _table(blad, b, state, "doorbelastingen", S.DOORBELASTINGEN, True, "Bedrag (EUR per jaar)")
    first = state["rij"]
    for i, d in enumerate(b.doorbelastingen, start=1):
        pos[("doorbelasting", i)] = state["rij"]
        _row(
            blad,
            b,
            state["rij"],
            S.DOORBELASTINGEN,
            {"naam": d.naam, "soort": d.soort, "gemeente": d.gemeente},
            d.toelichting,
        )
        _years(blad, b, state["rij"], d.bedragen, EURO)
        state["rij"] += 1
    _validate(blad, b, first, state["rij"] - 1, S.DOORBELASTINGEN["soort"], DOORBELASTINGSOORTEN)


def _rijksmiddelen(blad, b, pos, state):
    """Per gemeente and kind what it receives from the Rijk for these tasks; the source in
    the toelichting column (read back as `bron`)."""
    _table(blad, b, state, "rijksmiddelen", S.RIJKSMIDDELEN, True, "Bedrag (EUR per jaar)")
    first = state["rij"]
    for i, row in enumerate(b.rijksmiddelen, start=1):
        pos[("rijksmiddel", i)] = state["rij"]
        _row(blad, b, state["rij"], S.RIJKSMIDDELEN, {"gemeente": row.gemeente, "soort": row.soort}, row.bron)
        _years(blad, b, state["rij"], row.bedragen, EURO_CENT)
        state["rij"] += 1
    _validate(blad, b, first, state["rij"] - 1, S.RIJKSMIDDELEN["soort"], list(RIJKSSOORTEN))


def _sleutels(blad, b, pos, state):
    _table(blad, b, state, "verdeelsleutels", S.SLEUTELS, False)
    first = state["rij"]
    for k in b.verdeelsleutels:
        pos[("sleutel", k.naam)] = state["rij"]
        basis = SOORTEN[k.soort].basis(k)
        _row(
            blad,
            b,
            state["rij"],
            S.SLEUTELS,
            {"naam": k.naam, "soort": k.soort, "basis": basis or "", "vaste_voet": k.vaste_voet},
            k.toelichting,
        )
        state["rij"] += 1
    _validate(blad, b, first, state["rij"] - 1, S.SLEUTELS["soort"], SLEUTELSOORTEN)


def _gewichten(blad, b, pos, state):
    _table(blad, b, state, "gewichten", S.GEWICHTEN, False)
    for k in b.verdeelsleutels:
        for gemeente in b.gemeenten if k.soort == "vast" else ():
            pos[("gewicht", k.naam, gemeente)] = state["rij"]
            _row(
                blad,
                b,
                state["rij"],
                S.GEWICHTEN,
                {"sleutel": k.naam, "gemeente": gemeente, "gewicht": float(k.aandelen.get(gemeente, 0.0))},
            )
            state["rij"] += 1


def _exploitatie(blad, b, pos, state):
    _table(blad, b, state, "exploitatie", S.EXPLOITATIE, True, "Bedrag (EUR per jaar, positief)")
    first = state["rij"]
    koppen = {}
    for kop in b.koppen:
        koppen.setdefault(kop.voor, []).append(kop)
    for i, r in enumerate(b.exploitatie):
        _headings(blad, b, state, koppen.get(i, ()))
        pos[("regel", r.naam)] = state["rij"]
        _row(
            blad,
            b,
            state["rij"],
            S.EXPLOITATIE,
            {
                "naam": r.naam,
                "soort": r.soort,
                "aard": r.aard,
                "bron": r.bron or "",
                "plus": "; ".join(r.plus),
                "min": "; ".join(r.min),
            },
            r.toelichting,
        )
        if r.soort != "subtotaal" and r.bron is None:
            _years(blad, b, state["rij"], r.bedragen, EURO)
        state["rij"] += 1
    _headings(blad, b, state, koppen.get(len(b.exploitatie), ()))
    for name, options in (("soort", (*REGELSOORTEN, S.KOP)), ("aard", AARDEN), ("bron", ("", *BRONNEN))):
        _validate(blad, b, first, state["rij"] - 1, S.EXPLOITATIE[name], options)


def _headings(blad, b, state, koppen) -> None:
    """Heading rows of the overzicht (soort "kop", no amounts)."""
    for kop in koppen:
        _row(blad, b, state["rij"], S.EXPLOITATIE, {"naam": kop.tekst, "soort": S.KOP})
        state["rij"] += 1


def _reserve(blad, b, pos, state):
    r = b.reserve
    values = {
        "stand_begin": r.stand_begin,
        "minimum": r.minimum,
        "maximum": r.maximum,
        "maximum_percentage": r.maximum_percentage,
        "verdeelsleutel": r.verdeelsleutel,
        "onvoorzien": r.onvoorzien,
    }
    _kv(blad, b, pos, state, "reserve", S.RESERVE, values)
    melding = "Het maximum is een percentage van de lasten tussen 0% en 100%: typ 10% of 0,10."
    blad.validaties.append((f"C{pos[('reserve', 'maximum_percentage', 'rij')]}",
                            {"van": 0, "tot": 1, "melding": melding}))


def _risicos(blad, b, pos, state):
    _table(blad, b, state, "risicos", S.RISICOS, False)
    pos["risico_eerste"] = state["rij"]
    for i, r in enumerate(b.risicos, start=1):
        pos[("risico", i)] = state["rij"]
        _row(
            blad,
            b,
            state["rij"],
            S.RISICOS,
            {"naam": r.naam, "kans": r.kans, "minimum": r.minimum, "maximum": r.maximum,
             "jaren": "; ".join(str(j) for j in r.jaren)},
            r.toelichting,
        )
        state["rij"] += 1
    pos["risico_laatste"] = state["rij"] - 1
    kans = f"B{pos['risico_eerste']}:B{max(pos['risico_eerste'], pos['risico_laatste'])}"
    blad.validaties.append((kans, {"van": 0, "tot": 1, "melding": "Een kans ligt tussen 0 en 1."}))


def _simulatie(blad, b, pos, state):
    sim = b.simulatie
    values = {"zekerheid": sim.zekerheid, "trekkingen": sim.trekkingen, "startwaarde": sim.startwaarde}
    _kv(blad, b, pos, state, "simulatie", S.SIMULATIE, values)


def _vast(blad, b, pos, state):
    """Fixed values of the rules (the NAR scale, the check tolerance): written for the
    formulas, never read back."""
    _title(blad, state, "vast")
    blad.tekst(state["rij"], 1, "Tolerantie van de controles")
    blad.tekst(state["rij"], 2, "EUR")
    blad.zet(state["rij"], 3, TOLERANTIE, "invoer", EURO_CENT)
    pos[("vast", "tolerantie")] = ref(S.BLAD, absolute(3, state["rij"]))
    state["rij"] += 1
    blad.tekst(state["rij"], 1, "Afronding van bedragen (decimalen; 2 = centen)")
    blad.tekst(state["rij"], 2, "decimalen")
    blad.zet(state["rij"], 3, 2, "invoer", "0")
    pos[("vast", "decimalen")] = ref(S.BLAD, absolute(3, state["rij"]))
    state["rij"] += 1
    scale = sorted(KLASSEN[:-1])
    first = state["rij"]
    for bound, letter, text in scale:
        blad.tekst(state["rij"], 1, f"Weerstandsklasse {letter} vanaf ratio (NAR)")
        blad.tekst(state["rij"], 2, letter)
        blad.zet(state["rij"], 3, bound, "invoer", "0.00")
        blad.tekst(state["rij"], 4, text)
        pos[("vast", "grens", letter)] = ref(S.BLAD, absolute(3, state["rij"]))
        state["rij"] += 1
    last = state["rij"] - 1
    pos[("vast", "grenzen")] = ref(S.BLAD, f"$C${first}:$C${last}")
    pos[("vast", "klassen")] = ref(S.BLAD, f"$B${first}:$B${last}")
    blad.tekst(state["rij"], 1, "Weerstandsklasse onder de laagste grens")
    blad.tekst(state["rij"], 2, KLASSEN[-1][1])
    pos[("vast", "laagste")] = ref(S.BLAD, absolute(2, state["rij"]))
    state["rij"] += 1
