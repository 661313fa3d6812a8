"""The `begroting` command: parses the command line and hands off to one command module.

Exit codes: 0 done, 1 findings (a check that does not hold, missing toelichtingen),
2 unusable input (a Dutch message with the place), 3 an internal error (a bug: a Dutch
line without traceback; set BEGROTING_TRACEBACK=1 to see it), 128 + n for signal n.
"""

import argparse
import atexit
import gc
import importlib
import os
import signal
import sys
import threading

from budgets.cli_teksten import use_dutch
from pyfuncs import __version__
from pyfuncs.fouten import InvoerFout

COMMANDS = ["functies", "genereer", "controleer", "kwartaal", "afrekening", "wijziging", "scenario",
            "werkmap", "lite", "iv3"]


class Afgebroken(BaseException):
    """SIGTERM (or SIGHUP) arrived: unwinds like KeyboardInterrupt, so every transaction
    removes its staged files on the way out."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser with every command, or only the one being run (faster start)."""
    use_dutch()
    parser = argparse.ArgumentParser(
        prog="begroting",
        description="Productbegroting, verdeling en P&C-cyclus voor sociaal ontwikkelbedrijven.",
    )
    parser.add_argument("--version", action="version", version=f"begroting {__version__}",
                        help="toon het versienummer en stop")
    subparsers = parser.add_subparsers(dest="command", metavar="OPDRACHT")
    for name in [only] if only in COMMANDS else COMMANDS:
        importlib.import_module(f"budgets.commands.{name}").add_parser(subparsers)
    return parser


def _raise_afgebroken(signum, _frame) -> None:
    for name in ("SIGTERM", "SIGHUP"):  # a second signal must not interrupt the cleanup
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_IGN)
    raise Afgebroken(signum)


def _install_signal_handlers() -> dict:
    """SIGTERM/SIGHUP raise Afgebroken (SIGINT already raises KeyboardInterrupt); returns
    the previous handlers. Only the main thread may set handlers."""
    if threading.current_thread() is not threading.main_thread():
        return {}
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    previous = {}
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            number = getattr(signal, name)
            previous[number] = signal.signal(number, _raise_afgebroken)
    return previous


def main(argv: list[str] | None = None) -> int:
    # Arrow's default pool (mimalloc) keeps what a ledger block used until the process
    # ends; the system allocator returns it: measured on a 1M-line ledger, 60 MB less
    # peak memory at the same speed. Read when pyarrow loads; a user's choice stands.
    os.environ.setdefault("ARROW_DEFAULT_MEMORY_POOL", "system")
    previous = _install_signal_handlers()
    try:
        return _parse_and_run(sys.argv[1:] if argv is None else argv)
    except KeyboardInterrupt:
        print("afgebroken; onvoltooide uitvoer is opgeruimd", file=sys.stderr)
        return 130
    except Afgebroken as signaal:
        print("afgebroken (signaal); onvoltooide uitvoer is opgeruimd", file=sys.stderr)
        return 128 + signaal.signum
    finally:
        bestanden = sys.modules.get("budgets.bestanden")  # loaded by what writes: not at start
        if bestanden is not None:
            bestanden.discard_all()
        for number, handler in previous.items():
            signal.signal(number, handler)


def _parse_and_run(argv: list[str]) -> int:
    parser = build_parser(only=argv[0] if argv else None)
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 0
    return _run(args)


def _run(args) -> int:
    try:
        return args.run(args)
    except InvoerFout as fout:
        print(f"fout: {fout}", file=sys.stderr)
        return 2
    except MemoryError:
        print("fout: onvoldoende geheugen voor deze invoer; er is niets geschreven", file=sys.stderr)
        return 2
    except Exception as fout:  # noqa: BLE001 - the last resort: never a traceback
        signaal = _interruption(fout)
        if signaal is not None:  # a cleanup failed while a signal unwound (LibreOffice's
            raise signaal from None  # profile folder still in use): report the signal
        if os.environ.get("BEGROTING_TRACEBACK"):
            raise
        print(f"interne fout ({type(fout).__name__}): dit is een fout in het programma, niet in "
              "uw invoer; er is niets geschreven. Meld de opdracht en de invoer aan de beheerder "
              "(met BEGROTING_TRACEBACK=1 ziet u de details).", file=sys.stderr)
        return 3


def _interruption(fout: BaseException) -> BaseException | None:
    """The Afgebroken or KeyboardInterrupt this exception was raised while handling."""
    seen = fout.__context__
    while seen is not None:
        if isinstance(seen, (Afgebroken, KeyboardInterrupt)):
            return seen
        seen = seen.__context__
    return None


def run() -> None:
    """`begroting` as a process: main, the exit handlers, and out without the interpreter's
    teardown. Every output is written, closed and in place when main returns; tearing the
    loaded libraries down (numpy, pyarrow, ...) would cost about 30 ms, a tenth of a small
    command. In process (tests, Excel), call main."""
    # A command is one short run that loads many modules: the cycle collector's default
    # (a collection every 700 new objects) scans them again and again. Every 50,000 keeps
    # what cycles leave behind small; measured: `kwartaal` on a 1M-line ledger 10-20 ms
    # faster, peak memory the same.
    gc.set_threshold(50_000, 10, 10)
    code = main()
    atexit._run_exitfuncs()  # what the interpreter's shutdown would run first
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):  # a closed or broken pipe: nothing left to say
        pass
    os._exit(code)


if __name__ == "__main__":
    run()
