"""Dutch texts for argparse's own messages (usage, help, errors), which it asks through gettext."""

import argparse

DUTCH = {
    "usage: ": "gebruik: ",
    "positional arguments": "argumenten",
    "options": "opties",
    "show this help message and exit": "toon deze hulp en stop",
    "show program's version number and exit": "toon het versienummer en stop",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fout: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s: %(message)s",
    "invalid choice: %(value)r (choose from %(choices)s)": "onbekende keuze %(value)r (kies uit %(choices)s)",
    "the following arguments are required: %s": "deze argumenten ontbreken: %s",
    "unrecognized arguments: %s": "onbekende argumenten: %s",
    "expected one argument": "verwacht één waarde",
    "invalid %(type)s value: %(value)r": "ongeldige waarde %(value)r (verwacht: %(type)s)",
    "ambiguous option: %(option)s could match %(matches)s":
        "dubbelzinnige optie %(option)s: kan %(matches)s zijn",
    "not allowed with argument %s": "niet toegestaan samen met %s",
    "one of the arguments %s is required": "één van deze argumenten is nodig: %s",
}


def use_dutch() -> None:
    """Let argparse speak Dutch; unknown texts stay as they are."""
    argparse._ = lambda text: DUTCH.get(text, text)
