"""The staat van reserves en voorzieningen: one corkscrew per reserve or voorziening
(begin, toevoeging, onttrekking, eind) over the years (docs/bbv.md, "Staat van
reserves en voorzieningen").

Amounts in whole euro cents; toevoegingen and onttrekkingen are gross flows ≥ 0.
"""

from dataclasses import dataclass

from pyfuncs.fouten import InvoerFout, unknown_choice

SOORTEN = ("algemene_reserve", "bestemmingsreserve", "voorziening")


@dataclass(frozen=True)
class Kurkentrekker:
    """One reserve or voorziening in one year (cents).

    Attributes:
        naam: the name of the reserve or voorziening.
        soort: "algemene_reserve", "bestemmingsreserve" or "voorziening".
        jaar: the calendar year.
        begin: the balance on 1 January.
        toevoeging: additions in the year (for a voorziening: dotaties).
        onttrekking: withdrawals in the year (for a voorziening: spending and vrijval).
    """

    naam: str
    soort: str
    jaar: int
    begin: int
    toevoeging: int
    onttrekking: int

    @property
    def eind(self) -> int:
        """The balance on 31 December: begin + toevoeging − onttrekking."""
        return self.begin + self.toevoeging - self.onttrekking


def roll_reserve(naam: str, soort: str, begin: int, eerste_jaar: int, toevoegingen,
                 onttrekkingen) -> tuple[Kurkentrekker, ...]:
    """The corkscrew of one reserve or voorziening: each year starts at the previous
    year's end (cents)."""
    if soort not in SOORTEN:
        raise unknown_choice(f"{naam}: soort", soort, SOORTEN)
    if len(toevoegingen) != len(onttrekkingen):
        raise InvoerFout(f"{naam}: toevoegingen en onttrekkingen moeten even veel jaren hebben")
    rows, stand = [], begin
    for offset, (bij, af) in enumerate(zip(toevoegingen, onttrekkingen, strict=True)):
        if bij < 0 or af < 0:
            raise InvoerFout(f"{naam} {eerste_jaar + offset}: toevoeging en onttrekking "
                             "mogen niet negatief zijn")
        row = Kurkentrekker(naam, soort, eerste_jaar + offset, stand, bij, af)
        rows.append(row)
        stand = row.eind
    return tuple(rows)


def total_by_kind(staat, soort: str, jaar: int, veld: str = "eind") -> int:
    """One field ("begin", "toevoeging", "onttrekking" or "eind") summed over the
    corkscrew rows of one soort in one year (cents)."""
    return sum(getattr(row, veld) for rows in staat for row in rows
               if row.soort == soort and row.jaar == jaar)
