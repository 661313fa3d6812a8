"""The BBV inputs on the Uitgangspunten sheet: taakveld and bestemmingsreserve per
exploitatie line (always), and with a balans the opening balans, the balance mutations,
investeringen, bestemmingsreserves, voorzieningen, Wet fido, paragrafen and the beleid
per risk, plus the fixed values of the BBV rules. budgets/spec/uit_werkboek_bbv.py
reads them back."""

from budgets.excel.formaten import EURO, EURO_CENT, FRACTIE, PROCENT
from budgets.spec import secties as S
from budgets.spec.bbv import AFGELEID, FIDOSOORTEN, MUTATIES, PARAGRAFEN, TAAKVELDEN
from budgets.werkboek.invoer import _kv, _row, _table, _title, _validate, _years
from budgets.werkboek.plan import absolute, col, ref
from pyfuncs.activa import METHODES
from pyfuncs.balans import POSTEN
from pyfuncs.fido import KASGELDLIMIET, RENTERISICONORM
from pyfuncs.kengetallen import SIGNAALWAARDEN

STROMEN = ("dotaties", "onttrekkingen")
KLASSEN = ("A", "B", "C")


def extend_invoer(blad, b, pos) -> None:
    """Append the BBV sections below the sheet's last row."""
    last = max(int("".join(ch for ch in adres if ch.isdigit())) for adres in blad.cellen)
    write_bbv_inputs(blad, b, pos, {"rij": last + 2})


def write_bbv_inputs(blad, b, pos, state) -> None:
    """Every BBV input section, in order (the balans part only when the spec has one)."""
    _taakvelden(blad, b, pos, state)
    if b.bbv.balans is None:
        return
    for write in (
        _beginbalans,
        _mutaties,
        _investeringen,
        _reserves,
        _voorzieningen,
        _fido,
        _paragrafen,
        _maatregelen,
        _vast_bbv,
    ):
        state["rij"] += 1
        write(blad, b, pos, state)


def _taakvelden(blad, b, pos, state) -> None:
    _table(blad, b, state, "taakvelden", S.TAAKVELDEN, False)
    first = state["rij"]
    for r in b.exploitatie:
        if r.soort == "subtotaal":
            continue
        pos[("taakveld", r.naam)] = state["rij"]
        values = {
            "exploitatieregel": r.naam,
            "taakveld": r.taakveld,
            "reserve": r.reserve,
            "categorie": r.categorie,
        }
        _row(blad, b, state["rij"], S.TAAKVELDEN, values, TAAKVELDEN.get(r.taakveld, ""))
        state["rij"] += 1
    _validate(blad, b, first, state["rij"] - 1, S.TAAKVELDEN["taakveld"], tuple(TAAKVELDEN))


def _beginbalans(blad, b, pos, state) -> None:
    _title(blad, state, "beginbalans")
    for name, _kant, label, artikel in POSTEN:
        if name in AFGELEID:
            continue
        rij = state["rij"]
        blad.tekst(rij, 1, label)
        blad.tekst(rij, 2, "EUR")
        blad.zet(rij, 3, b.bbv.balans.posten.get(name, 0.0), "invoer", EURO_CENT)
        blad.tekst(rij, 4, f"BBV {artikel}", "toelichting")
        pos[("balans", name)] = ref(S.BLAD, absolute(3, rij))
        state["rij"] += 1


def _mutaties(blad, b, pos, state) -> None:
    _table(blad, b, state, "balansmutaties", S.BALANSMUTATIES, True, "Bedrag (EUR per jaar)")
    balans = b.bbv.balans
    for key, label in MUTATIES:
        values = getattr(balans, key)
        pos[("balansmutatie", key)] = state["rij"]
        _row(blad, b, state["rij"], S.BALANSMUTATIES, {"naam": label})
        if key != "begrotingstotaal" or values:
            _years(blad, b, state["rij"], values, EURO)
        else:
            for _jaar, kolom in zip(b.jaren, range(5, 5 + len(b.jaren)), strict=True):
                blad.zet(state["rij"], kolom, None, "invoer", EURO)
        state["rij"] += 1


def _investeringen(blad, b, pos, state) -> None:
    _table(blad, b, state, "investeringen", S.INVESTERINGEN, False)
    first = state["rij"]
    for i, inv in enumerate(b.bbv.investeringen, start=1):
        pos[("investering", i)] = state["rij"]
        values = {
            "naam": inv.naam,
            "jaar": inv.jaar,
            "bedrag": inv.bedrag,
            "afschrijvingstermijn": inv.termijn,
            "methode": inv.methode,
            "rente": inv.rente,
        }
        _row(blad, b, state["rij"], S.INVESTERINGEN, values, inv.toelichting)
        formats = (("jaar", "0"), ("bedrag", EURO_CENT), ("afschrijvingstermijn", "0"), ("rente", FRACTIE))
        for name, fmt in formats:
            blad.cellen[_address(blad, b, state["rij"], S.INVESTERINGEN[name])].formaat = fmt
        state["rij"] += 1
    _validate(blad, b, first, state["rij"] - 1, S.INVESTERINGEN["methode"], METHODES)


def _address(blad, b, rij: int, kolom) -> str:
    return f"{col(S.trailing_column(kolom, b.jaren))}{rij}"


def _reserves(blad, b, pos, state) -> None:
    _table(blad, b, state, "reserves", S.RESERVES, False)
    for r in b.bbv.reserves:
        pos[("bestemmingsreserve", r.naam)] = state["rij"]
        _row(blad, b, state["rij"], S.RESERVES, {"naam": r.naam, "begin": r.begin}, r.toelichting)
        blad.cellen[f"C{state['rij']}"].formaat = EURO_CENT
        state["rij"] += 1


def _voorzieningen(blad, b, pos, state) -> None:
    _table(blad, b, state, "voorzieningen", S.VOORZIENINGEN, True, "Bedrag (EUR per jaar)")
    for v in b.bbv.voorzieningen:
        for stroom in STROMEN:
            rij = state["rij"]
            pos[("voorziening", v.naam, stroom)] = rij
            values = {"naam": v.naam, "stroom": stroom, "begin": v.begin if stroom == "dotaties" else None}
            _row(blad, b, rij, S.VOORZIENINGEN, values, v.toelichting if stroom == "dotaties" else "")
            if stroom == "dotaties":
                blad.cellen[f"C{rij}"].formaat = EURO_CENT
            _years(blad, b, rij, getattr(v, stroom), EURO)
            state["rij"] += 1


def _fido(blad, b, pos, state) -> None:
    _kv(blad, b, pos, state, "fido", S.FIDO, {"soort": b.bbv.fidosoort})
    blad.validaties.append((f"C{pos[('fido', 'soort', 'rij')]}", FIDOSOORTEN))


def _paragrafen(blad, b, pos, state) -> None:
    fields = tuple((key, label, "tekst") for key, label in PARAGRAFEN)
    _kv(blad, b, pos, state, "paragrafen", fields, dict(b.bbv.paragrafen))


def _maatregelen(blad, b, pos, state) -> None:
    _table(blad, b, state, "maatregelen", S.MAATREGELEN, False)
    for maatregel in b.bbv.maatregelen:
        pos[("maatregel", maatregel.risico)] = state["rij"]
        values = {
            "risico": maatregel.risico,
            "beleid": maatregel.beleid,
            "beheersmaatregel": maatregel.beheersmaatregel,
        }
        _row(blad, b, state["rij"], S.MAATREGELEN, values)
        state["rij"] += 1


def _constant(blad, pos, state, key, label: str, unit: str, value, fmt) -> None:
    rij = state["rij"]
    blad.tekst(rij, 1, label)
    blad.tekst(rij, 2, unit)
    blad.zet(rij, 3, value, "invoer", fmt)
    pos[key] = ref(S.BLAD, absolute(3, rij))
    state["rij"] += 1


def _vast_bbv(blad, b, pos, state) -> None:
    """The Wet fido percentages and minimums and the signaalwaarden (never read back)."""
    _title(blad, state, "vast_bbv")
    soort = b.bbv.fidosoort
    for key, label, tabel in (
        ("kasgeldlimiet", "Kasgeldlimiet", KASGELDLIMIET),
        ("renterisiconorm", "Renterisiconorm", RENTERISICONORM),
    ):
        norm = tabel[soort]
        _constant(
            blad,
            pos,
            state,
            ("vast", key, "pct"),
            f"{label}: percentage van het begrotingstotaal",
            "%",
            float(norm.percentage),
            PROCENT,
        )
        _constant(
            blad, pos, state, ("vast", key, "min"), f"{label}: minimum", "EUR", norm.minimum / 100, EURO
        )
    for name, grenzen in SIGNAALWAARDEN.items():
        _constant(
            blad,
            pos,
            state,
            ("vast", name, "a"),
            f"Signaalwaarde {name.replace('_', ' ')}: grens A",
            "fractie",
            float(grenzen.grens_a),
            PROCENT,
        )
        _constant(
            blad,
            pos,
            state,
            ("vast", name, "c"),
            f"Signaalwaarde {name.replace('_', ' ')}: grens C",
            "fractie",
            float(grenzen.grens_c),
            PROCENT,
        )
    first = state["rij"]
    for letter in KLASSEN:
        blad.tekst(state["rij"], 1, f"Signaalwaarde categorie {letter}")
        blad.tekst(state["rij"], 2, "klasse")
        blad.tekst(state["rij"], 3, letter, "invoer")
        state["rij"] += 1
    pos[("vast", "categorieen")] = ref(S.BLAD, f"$C${first}:$C${state['rij'] - 1}")
