"""The BBV results of a spec from the core (pyfuncs.activa, balans, emu, kengetallen, fido,
reserves), and the checks that tie the BBV inputs to the rest of the spec.

The core computes in whole cents; the records here keep cents, `euros` converts for
the workbook and the JSON. Sign conventions as in docs/bbv.md.
"""

from dataclasses import dataclass

from budgets.spec.bbv import RESERVE_TAAKVELD, RESULTAAT_TAAKVELD, TAAKVELDEN
from budgets.spec.meldingen import Meldingen
from pyfuncs.activa import Investering, compute_charges
from pyfuncs.afronding import to_cents
from pyfuncs.balans import Balans, Jaarmutaties, roll_forward
from pyfuncs.emu import compute_emu_balance, derive_emu_items
from pyfuncs.fido import compute_cash_limit, compute_interest_risk, compute_interest_risk_norm
from pyfuncs.kengetallen import classify_ratios, compute_ratios
from pyfuncs.reserves import roll_reserve


def euros(cents: int) -> float:
    return cents / 100


def core_investment(inv) -> Investering:
    """The core's record of a spec investment (cents; first afschrijving the next year)."""
    return Investering(inv.jaar, to_cents(inv.bedrag), inv.termijn, inv.methode, inv.rente, start=1)


def investment_rows(inv, jaren: tuple) -> dict:
    """jaar -> (boekwaarde begin, investering, afschrijving, rente, boekwaarde eind), cents."""
    charges = {row.jaar: row for row in compute_charges(core_investment(inv))}
    rows, book = {}, 0
    for jaar in jaren:
        spent = to_cents(inv.bedrag) if jaar == inv.jaar else 0
        row = charges.get(jaar)
        afschrijving, rente = (row.afschrijving, row.rente) if row else (0, 0)
        rows[jaar] = (book, spent, afschrijving, rente, book + spent - afschrijving)
        book = book + spent - afschrijving
    return rows


def capital_charges_by_year(b) -> dict:
    """Kapitaallasten per year (cents): afschrijvingen and rente of the investments plus
    the afschrijvingen on the existing activa."""
    balans = b.bbv.balans
    totals = {y: to_cents(balans.afschrijvingen.get(y, 0.0)) if balans else 0 for y in b.jaren}
    for inv in b.bbv.investeringen:
        for jaar, (_b, _i, afschrijving, rente, _e) in investment_rows(inv, b.jaren).items():
            totals[jaar] += afschrijving + rente
    return totals


def provisions_by_year(b, veld: str = "dotaties") -> dict:
    """Dotaties (or onttrekkingen) of all voorzieningen per year (cents)."""
    return {y: sum(to_cents(getattr(v, veld).get(y, 0.0)) for v in b.bbv.voorzieningen) for y in b.jaren}


def opening_balance(b) -> Balans:
    """The opening balans in cents: the spec's lines, the algemene reserve from
    reserve.stand_begin, the reserves and voorzieningen from their lists when given."""
    posten = {k: to_cents(v) for k, v in b.bbv.balans.posten.items()}
    posten["algemene_reserve"] = to_cents(b.reserve.stand_begin)
    return Balans(**posten)


def check_bbv(b, m: Meldingen) -> None:
    """The BBV inputs against the rest of the spec: a balancing balans, known risks and
    reserves, and exploitatie lines for the kapitaallasten and the dotaties."""
    risks = {r.naam for r in b.risicos}
    for maatregel in b.bbv.maatregelen:
        if maatregel.risico not in risks:
            m.fout(
                f"paragrafen.risicos.{maatregel.risico}",
                f"onbekend risico '{maatregel.risico}'; een paragraaf hoort bij een risico uit risicos",
            )
    _check_reserves(b, m)
    bronnen = {r.bron for r in b.exploitatie}
    if b.bbv.balans is None:
        for i, line in enumerate(b.exploitatie, start=1):
            if line.bron in ("kapitaallasten", "voorzieningen"):
                m.fout(f"exploitatie[{i}].bron", f"bron {line.bron} vraagt een beginbalans (sectie balans)")
        return
    _check_opening(b, m)
    if any(capital_charges_by_year(b).values()) and "kapitaallasten" not in bronnen:
        m.fout(
            "investeringen",
            "de kapitaallasten horen in de exploitatie: voeg een lastenregel toe met bron: kapitaallasten",
        )
    if any(provisions_by_year(b).values()) and "voorzieningen" not in bronnen:
        m.fout(
            "voorzieningen",
            "de dotaties horen in de exploitatie: voeg een lastenregel toe met bron: voorzieningen",
        )


def _check_opening(b, m: Meldingen) -> None:
    balans = opening_balance(b)
    if balans.activa != balans.passiva:
        m.fout(
            "balans",
            f"de beginbalans sluit niet: activa {euros(balans.activa):.2f}, passiva "
            f"{euros(balans.passiva):.2f} (verschil {euros(balans.activa - balans.passiva):.2f})",
        )


def _check_reserves(b, m: Meldingen) -> None:
    named = {r.naam for r in b.bbv.reserves}
    for i, line in enumerate(b.exploitatie, start=1):
        pad = f"exploitatie[{i}].reserve"
        if line.reserve and line.soort not in ("toevoeging", "onttrekking"):
            m.fout(pad, "alleen een toevoeging of onttrekking hoort bij een bestemmingsreserve")
        elif line.reserve and line.reserve not in named:
            m.fout(pad, f"onbekende bestemmingsreserve '{line.reserve}' (zie reserves)")
        elif named and line.soort in ("toevoeging", "onttrekking") and not line.reserve:
            m.fout(pad, "noem de bestemmingsreserve (reserve: …) die deze regel muteert")


@dataclass(frozen=True)
class BbvResultaten:
    """BBV results per year, in cents. balans_eind: jaar -> Balans on 31 December;
    investeringen: one {jaar: row} per investment (see investment_rows); emu: jaar ->
    (EmuPosten, saldo); kengetallen/klassen: jaar -> Kengetallen / {kengetal: A|B|C};
    fido: jaar -> {begrotingstotaal, kasgeldlimiet, renterisiconorm, renterisico};
    reserves / voorzieningen: corkscrews; taakvelden: jaar -> {code: (lasten, baten)}."""

    begin: Balans
    balans_eind: dict
    mutaties: dict
    investeringen: tuple
    kapitaallasten: dict
    emu: dict
    kengetallen: dict
    klassen: dict
    fido: dict
    reserves: tuple
    voorzieningen: tuple


def compute_bbv(b, res) -> BbvResultaten | None:
    """Every BBV result of a spec with a balans (None without one)."""
    if b.bbv.balans is None:
        return None
    begin, mutaties = opening_balance(b), _mutations(b, res)
    ends, current, emu = {}, begin, {}
    for y in b.jaren:
        ends[y] = roll_forward(current, mutaties[y])
        posten = derive_emu_items(current, ends[y], mutaties[y].saldo)
        emu[y] = (posten, compute_emu_balance(posten))
        current = ends[y]
    baten = {y: to_cents(res.totalen["baten"][y]) for y in b.jaren}
    ruimte = {y: res.structurele_ruimte[y] or 0.0 for y in b.jaren}
    return BbvResultaten(
        begin=begin,
        balans_eind=ends,
        mutaties=mutaties,
        investeringen=tuple(investment_rows(inv, b.jaren) for inv in b.bbv.investeringen),
        kapitaallasten=capital_charges_by_year(b),
        emu=emu,
        kengetallen={y: compute_ratios(ends[y], baten[y], ruimte[y]) for y in b.jaren if baten[y]},
        klassen={y: classify_ratios(ends[y], baten[y], ruimte[y]) for y in b.jaren if baten[y]},
        fido={y: _fido(b, res, y) for y in b.jaren},
        reserves=_reserve_staat(b, res),
        voorzieningen=tuple(
            roll_reserve(
                v.naam,
                "voorziening",
                to_cents(v.begin),
                b.jaren[0],
                [to_cents(v.dotaties.get(y, 0.0)) for y in b.jaren],
                [to_cents(v.onttrekkingen.get(y, 0.0)) for y in b.jaren],
            )
            for v in b.bbv.voorzieningen
        ),
    )


def _mutations(b, res) -> dict:
    """One Jaarmutaties per year from the exploitatie, the reserve split and the inputs."""
    balans, result, vorig = b.bbv.balans, {}, opening_balance(b).resultaat
    investeringen = [core_investment(inv) for inv in b.bbv.investeringen]
    kapitaal = [investment_rows(inv, b.jaren) for inv in b.bbv.investeringen]
    for y in b.jaren:
        mutatie = to_cents(res.reserve_mutatie[y])
        # the saldo vóór reservemutaties as the exploitatie rounds it: the rounded saldo plus
        # the toevoegingen minus the onttrekkingen
        saldo = (
            to_cents(res.saldo[y])
            + to_cents(res.totalen["toevoeging"][y])
            - to_cents(res.totalen["onttrekking"][y])
        )
        m = Jaarmutaties(
            saldo=saldo,
            toevoegingen_algemene_reserve=max(mutatie, 0),
            onttrekkingen_algemene_reserve=max(-mutatie, 0),
            toevoegingen_bestemmingsreserves=to_cents(res.totalen["toevoeging"][y]),
            onttrekkingen_bestemmingsreserves=to_cents(res.totalen["onttrekking"][y]),
            vorig_resultaat_uitgekeerd=vorig,
            investeringen=sum(inv.bedrag for inv in investeringen if inv.jaar == y),
            afschrijvingen=to_cents(balans.afschrijvingen.get(y, 0.0)) + sum(rows[y][2] for rows in kapitaal),
            dotaties_voorzieningen=provisions_by_year(b)[y],
            onttrekkingen_voorzieningen=provisions_by_year(b, "onttrekkingen")[y],
            nieuwe_leningen=to_cents(balans.nieuwe_leningen.get(y, 0.0)),
            aflossingen=to_cents(balans.aflossingen.get(y, 0.0)),
        )
        result[y], vorig = m, m.saldo - m.reservemutaties
    return result


def begrotingstotaal(b, res, y: int) -> int:
    """The Wet fido begrotingstotaal of a year (cents): the spec's amount, or the totale lasten."""
    given = b.bbv.balans.begrotingstotaal
    return to_cents(given[y]) if given else to_cents(res.totalen["lasten"][y])


def _fido(b, res, y: int) -> dict:
    totaal, soort, balans = begrotingstotaal(b, res, y), b.bbv.fidosoort, b.bbv.balans
    return {
        "begrotingstotaal": totaal,
        "kasgeldlimiet": compute_cash_limit(totaal, soort),
        "renterisiconorm": compute_interest_risk_norm(totaal, soort),
        "renterisico": compute_interest_risk(
            to_cents(balans.aflossingen.get(y, 0.0)), to_cents(balans.renteherzieningen.get(y, 0.0))
        ),
    }


def _reserve_staat(b, res) -> tuple:
    """The algemene reserve and each bestemmingsreserve as corkscrews (cents)."""
    jaren = b.jaren
    algemeen = roll_reserve(
        "Algemene reserve",
        "algemene_reserve",
        to_cents(res.reserve_begin[jaren[0]]),
        jaren[0],
        [max(to_cents(res.reserve_mutatie[y]), 0) for y in jaren],
        [max(-to_cents(res.reserve_mutatie[y]), 0) for y in jaren],
    )

    def flows(naam: str, soort: str) -> list:
        return [
            sum(
                to_cents(res.regels[r.naam][y])
                for r in b.exploitatie
                if r.soort == soort and r.reserve == naam
            )
            for y in jaren
        ]

    named = tuple(
        roll_reserve(
            r.naam,
            "bestemmingsreserve",
            to_cents(r.begin),
            jaren[0],
            flows(r.naam, "toevoeging"),
            flows(r.naam, "onttrekking"),
        )
        for r in b.bbv.reserves
    )
    return (algemeen, *named)


def taakveld_totals(b, res) -> dict:
    """jaar -> {taakveld: (lasten, baten)} in EUR, unrounded (the CSV rounds): baten and
    lasten lines on their own
    taakveld, toevoegingen as lasten and onttrekkingen as baten on theirs, and the saldo
    na geplande reservemutaties on 0.8 (a surplus under lasten, a deficit under baten),
    so that lasten and baten add up to the same total."""
    result = {}
    for y in b.jaren:
        totals = {}
        for r in b.exploitatie:
            if r.soort == "subtotaal":
                continue
            lasten, baten = totals.get(r.taakveld, (0, 0))
            amount = res.regels[r.naam][y]
            if r.soort in ("lasten", "toevoeging"):
                lasten += amount
            else:
                baten += amount
            totals[r.taakveld] = (lasten, baten)
        saldo = res.saldo[y]
        lasten, baten = totals.get(RESULTAAT_TAAKVELD, (0, 0))
        totals[RESULTAAT_TAAKVELD] = (lasten + max(saldo, 0), baten + max(-saldo, 0))
        result[y] = {code: totals[code] for code in TAAKVELDEN if code in totals}
    return result


__all__ = ["RESERVE_TAAKVELD", "BbvResultaten", "compute_bbv", "check_bbv", "taakveld_totals"]
