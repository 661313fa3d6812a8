"""The `begroting` command: parses the command line and hands off to one command module."""

import argparse
import importlib
import signal
import sys

from budgets.cli_teksten import use_dutch
from pyfuncs import __version__
from pyfuncs.fouten import InvoerFout

COMMANDS = ["functies", "genereer", "controleer", "kwartaal", "afrekening", "werkmap", "lite", "iv3"]


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser with every command, or only the one being run (faster start)."""
    use_dutch()
    parser = argparse.ArgumentParser(
        prog="begroting",
        description="Productbegroting, verdeling en P&C-cyclus voor sociaal ontwikkelbedrijven.",
    )
    parser.add_argument("--version", action="version", version=f"begroting {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="OPDRACHT")
    for name in [only] if only in COMMANDS else COMMANDS:
        importlib.import_module(f"budgets.commands.{name}").add_parser(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser(only=argv[0] if argv else None)
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 0
    try:
        return args.run(args)
    except InvoerFout as fout:
        print(f"fout: {fout}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("afgebroken", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
