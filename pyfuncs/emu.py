"""The EMU-saldo of a GR in the simplified five-line layout of the BBV's Regeling
(docs/bbv.md, "EMU-saldo").

All amounts in whole euro cents; + is a surplus (voordelig) for the EMU-saldo and
for the exploitatiesaldo, + is growth for the three mutation lines.
"""

from dataclasses import dataclass

from pyfuncs.balans import Balans


@dataclass(frozen=True)
class EmuPosten:
    """The five lines of the EMU table, in cents.

    Attributes:
        exploitatiesaldo: saldo van baten en lasten vóór toevoeging aan c.q. onttrekking
            uit reserves (BBV art. 17 onder c); + is voordelig.
        mutatie_vaste_activa: growth of the (im)materiële vaste activa: investeringen
            minus afschrijvingen, bijdragen van derden and desinvesteringen.
        mutatie_voorzieningen: dotaties minus onttrekkingen (growth of the voorzieningen).
        mutatie_voorraden: growth of the voorraden (incl. bouwgronden in exploitatie).
        boekwinst: expected book profit on selling financiële vaste activa and
            (im)materiële vaste activa (a loss is negative).
    """

    exploitatiesaldo: int
    mutatie_vaste_activa: int = 0
    mutatie_voorzieningen: int = 0
    mutatie_voorraden: int = 0
    boekwinst: int = 0


# (field, sign in the EMU-saldo, Dutch label): the table in its official order.
REGELS = (
    ("exploitatiesaldo", 1, "Exploitatiesaldo vóór toevoeging aan c.q. onttrekking uit reserves"),
    ("mutatie_vaste_activa", -1, "Mutatie (im)materiële vaste activa"),
    ("mutatie_voorzieningen", 1, "Mutatie voorzieningen"),
    ("mutatie_voorraden", -1, "Mutatie voorraden (incl. bouwgronden in exploitatie)"),
    ("boekwinst", -1, "Verwachte boekwinst bij verkoop van financiële en (im)materiële vaste activa"),
)


def compute_emu_balance(posten: EmuPosten) -> int:
    """EMU-saldo = 1 − 2 + 3 − 4 − 5 over the lines of REGELS (cents)."""
    return sum(sign * getattr(posten, name) for name, sign, _ in REGELS)


def derive_emu_items(begin: Balans, eind: Balans, exploitatiesaldo: int, boekwinst: int = 0) -> EmuPosten:
    """The EMU lines of a year from its opening and closing balans (cents): the three
    mutations are the growth of the balance lines they name."""
    def growth(*names: str) -> int:
        return sum(getattr(eind, name) - getattr(begin, name) for name in names)

    return EmuPosten(
        exploitatiesaldo=exploitatiesaldo,
        mutatie_vaste_activa=growth("immateriele_vaste_activa", "materiele_vaste_activa"),
        mutatie_voorzieningen=growth("voorzieningen"),
        mutatie_voorraden=growth("voorraden"),
        boekwinst=boekwinst,
    )
