"""The one exception family for bad input, with a Dutch message."""

from contextlib import contextmanager


class InvoerFout(ValueError):
    """Bad input from a user; the message is Dutch and names the place."""


@contextmanager
def meldingen_van(functie: str):
    """Prefix every InvoerFout raised inside with the Excel function's name."""
    try:
        yield
    except InvoerFout as fout:
        raise InvoerFout(f"{functie}: {fout}") from None


def unknown_choice(argument: str, value: object, allowed: tuple[str, ...]) -> InvoerFout:
    """The refusal of a keyword outside its allowed list, listing the allowed ones."""
    return InvoerFout(f"{argument} '{value}' is onbekend; kies uit: {', '.join(allowed)}")
