"""The Excel formula text of the core rules, one builder per rule, used by every sheet that
shows the rule. Arguments are cell references (or short expressions); results carry no "=".

The reserve rule (pyfuncs.verdeling.split_saldo): a tekort is taken from the reserve down to
its minimum, an overschot is added up to its maximum; the rest goes to the gemeenten.
"""


def ruimte_boven(stand: str, grens: str) -> str:
    """What a reserve holds above a limit (never negative)."""
    return f"MAX({stand}-{grens},0)"


def ruimte_tot(grens: str, stand: str) -> str:
    """What a reserve can still take up to a limit (never negative)."""
    return f"MAX({grens}-{stand},0)"


def onttrekking(saldo: str, ruimte: str) -> str:
    """The part of a tekort (negative saldo) the reserve absorbs, within its room."""
    return f"MIN(MAX(-{saldo},0),{ruimte})"


def dotatie(saldo: str, ruimte: str) -> str:
    """The part of an overschot (positive saldo) the reserve takes, within its room."""
    return f"MIN(MAX({saldo},0),{ruimte})"


def reserve_mutatie(saldo: str, stand: str, minimum: str, maximum: str | None = None) -> str:
    """The reserve's mutation (+ dotatie, − onttrekking) for a saldo in one formula;
    without a maximum the whole overschot goes to the reserve."""
    room_up = ruimte_tot(maximum, stand) if maximum is not None else f"MAX({saldo},0)"
    return f"{dotatie(saldo, room_up)}-{onttrekking(saldo, ruimte_boven(stand, minimum))}"
