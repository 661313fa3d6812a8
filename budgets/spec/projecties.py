"""`volumes[].projectie`: volumes per year computed by the core (pyfuncs.doelgroep,
pyfuncs.doelgroep_producten) instead of typed, so the rest of the model is unchanged.

Registered kinds (PROJECTIES): `uitstroom` (Wsw: one outflow rate, no inflow) and the
inflow rules of the other products, `vast`, `maximum` and `lineair`
(docs/doelgroep.md). Percentages as written (3.5 = 3,5% per year); the volume of a year
is its fte (fte_per_persoon 1: the volumes are persons, places or fte as given).

    volumes:
      - product: Wsw
        projectie: {soort: uitstroom, start: 448, uitstroom: 3.5}
        verdeelsleutel: Inwoners
      - product: Begeleiding beschut
        projectie: {soort: maximum, start: 70, doel: 131, max_instroom: 35}
        verdeelsleutel: Inwoners
"""

from collections.abc import Callable

from budgets.spec.meldingen import Meldingen, choice, get, integer, number
from pyfuncs.doelgroep import project_wsw_rate
from pyfuncs.doelgroep_producten import Productprognose, project_product
from pyfuncs.fouten import InvoerFout

MAX_AANTAL = 1e6  # personen in one projection


def _wsw(row: dict, pad: str, m: Meldingen, jaren: tuple):
    start = number(get(row, "start", pad, m), f"{pad}.start", m, minimum=0, maximum=MAX_AANTAL)
    rate = _percent(row, "uitstroom", pad, m)
    fte = number(row.get("fte_per_persoon", 1), f"{pad}.fte_per_persoon", m, minimum=0, maximum=1,
                 default=1.0)
    return lambda: project_wsw_rate(start, rate, jaren, fte)


def _product(regel: str) -> Callable:
    def read(row: dict, pad: str, m: Meldingen, jaren: tuple):
        def amount(key: str) -> float:
            return number(row.get(key, 0), f"{pad}.{key}", m, minimum=0, maximum=MAX_AANTAL)

        doeljaar = integer(get(row, "doeljaar", pad, m), f"{pad}.doeljaar", m) if regel == "lineair" else 0
        if regel == "lineair" and doeljaar <= jaren[0]:
            m.fout(f"{pad}.doeljaar", f"doeljaar {doeljaar} moet na het eerste jaar {jaren[0]} liggen")
        p = Productprognose(
            start=number(get(row, "start", pad, m), f"{pad}.start", m, minimum=0, maximum=MAX_AANTAL),
            uitstroom=_percent(row, "uitstroom", pad, m, required=False), regel=regel,
            instroom=amount("instroom"), doel=amount("doel"), max_instroom=amount("max_instroom"),
            doeljaar=doeljaar,
            fte_per_persoon=number(row.get("fte_per_persoon", 1), f"{pad}.fte_per_persoon", m, minimum=0,
                                   maximum=1, default=1.0))
        return lambda: project_product(p, jaren)

    return read


PROJECTIES: dict[str, tuple[Callable, tuple]] = {
    "uitstroom": (_wsw, ("start", "uitstroom", "fte_per_persoon")),
    "vast": (_product("vast"), ("start", "uitstroom", "instroom", "fte_per_persoon")),
    "maximum": (_product("maximum"), ("start", "uitstroom", "doel", "max_instroom", "fte_per_persoon")),
    "lineair": (_product("lineair"), ("start", "uitstroom", "doel", "doeljaar", "fte_per_persoon")),
}


def _percent(row: dict, key: str, pad: str, m: Meldingen, required: bool = True) -> float:
    """A percentage 0–100 as the core's fraction 0–1."""
    value = get(row, key, pad, m, required=required, default=0.0)
    return number(value, f"{pad}.{key}", m, minimum=0, maximum=100) / 100


def project_volumes(row, pad: str, m: Meldingen, jaren: tuple) -> dict:
    """{jaar: volume} from a projectie mapping; errors (with their place) go to m."""
    if not isinstance(row, dict):
        m.fout(pad, f"hier hoort een mapping met soort ({', '.join(PROJECTIES)}) en de aannames")
        return dict.fromkeys(jaren, 0.0)
    soort = choice(get(row, "soort", pad, m), f"{pad}.soort", m, tuple(PROJECTIES))
    if soort not in PROJECTIES:
        return dict.fromkeys(jaren, 0.0)
    read, fields = PROJECTIES[soort]
    for key in row:
        if key not in ("soort", *fields):
            m.fout(f"{pad}.{key}",
                   f"onbekend veld '{key}' bij soort {soort}; toegestaan: {', '.join(fields)}")
    before = len(m.fouten)
    run = read(row, pad, m, jaren)
    if len(m.fouten) > before:
        return dict.fromkeys(jaren, 0.0)
    try:
        return {stand.jaar: stand.fte for stand in run()}
    except InvoerFout as fout:
        m.fout(pad, str(fout))
        return dict.fromkeys(jaren, 0.0)
