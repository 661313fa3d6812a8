"""The scenario comparison for the terminal: the saldo per year per scenario."""

from budgets.excel.formaten import euro
from budgets.scenario.model import Vergelijking


def table_lines(v: Vergelijking) -> list[str]:
    """Saldo per scenario and year, and the reserve at the end of the last year."""
    jaren = v.jaren
    head = ("Scenario", *(f"Saldo {y}" for y in jaren), f"Reserve eind {jaren[-1]}")
    rows = [(u.naam, *(euro(u.resultaten.saldo[y]) for y in jaren),
             euro(u.resultaten.reserve_eind[jaren[-1]])) for u in v.uitkomsten]
    widths = [max(len(str(x)) for x in col) for col in zip(head, *rows, strict=True)]
    lines = [f"Scenario's {v.basis.begroting.naam} (saldo: + overschot, − tekort)"]
    for row in (head, *rows):
        lines.append("  ".join(x.ljust(w) if i == 0 else x.rjust(w)
                               for i, (x, w) in enumerate(zip(row, widths, strict=True))))
    return lines
