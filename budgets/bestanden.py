"""Files in and out: every run's outputs as one transaction (`Uitvoer`), users' YAML read
safely (`read_yaml`), JSON text.

Outputs are staged in a hidden folder beside their target (same file system, so the final
rename is atomic) and renamed only after every output of the run was written; on any
failure, including SIGTERM/SIGINT (the CLI turns them into exceptions), the staging folder
is removed. An output that is one of the run's inputs, or two outputs on the same path,
are refused before anything is computed.
"""

import math
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

from pyfuncs.afronding import GRENS_BEDRAG
from pyfuncs.fouten import InvoerFout

STAGING_PREFIX = ".begroting-"
_ACTIVE: set[Path] = set()  # staging folders of unfinished runs (removed by discard_all)


def _resolved(path: Path) -> Path:
    try:
        return Path(path).expanduser().resolve()
    except (OSError, RuntimeError):
        return Path(os.path.abspath(path))


def _same(a: Path, b: Path) -> bool:
    """Whether two paths name the same file (also through links or other spellings)."""
    try:
        if a.exists() and b.exists():
            return os.path.samefile(a, b)
    except OSError:
        pass
    return _resolved(a) == _resolved(b)


def check_target(target: Path, overwrite: bool) -> None:
    """Refuse a target that is a folder, lies in a missing or read-only folder, or exists
    while overwrite is not asked for."""
    target = Path(target)
    folder = target.parent
    if target.is_dir():
        raise InvoerFout(f"{target}: is een map; geef een bestandsnaam, bijvoorbeeld "
                         f"{target / 'uitvoer.xlsx'}")
    if not folder.exists():
        raise InvoerFout(f"{target}: de map {folder} bestaat niet")
    if not folder.is_dir():
        raise InvoerFout(f"{target}: {folder} is geen map")
    if target.exists() and not target.is_file():
        raise InvoerFout(f"{target}: is geen gewoon bestand; kies een ander uitvoerbestand")
    if target.exists() and not overwrite:
        raise InvoerFout(f"{target}: bestaat al; gebruik --overschrijf om het te vervangen")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise InvoerFout(f"{target}: in de map {folder} mag niet geschreven worden")


check_writable = check_target  # the older name, kept for the library's own callers


class Uitvoer:
    """The outputs of one run, written as one transaction.

    Usage::

        with Uitvoer({"spec": spec}, overwrite) as uit:
            tmp = uit.add(Path("x.xlsx"), "werkmap")   # checked now, nothing written yet
            write_workbook(tmp)                          # write to the staged path
        # all staged files are renamed to their targets here; on an exception none is

    inputs: label -> path of every file the run reads (None entries are ignored).
    """

    def __init__(self, inputs: dict[str, Path | None] | None = None, overwrite: bool = False):
        self.inputs = {label: Path(p) for label, p in (inputs or {}).items() if p is not None}
        self.overwrite = overwrite
        self.targets: dict[Path, tuple[str, Path]] = {}  # staged path -> (label, target)
        self.staging: dict[Path, Path] = {}  # target folder -> staging folder

    def __enter__(self) -> "Uitvoer":
        return self

    def __exit__(self, kind, error, trace) -> None:
        if kind is None:
            self.commit()
        else:
            self.discard()

    def add(self, target: Path, label: str = "uitvoer") -> Path:
        """Check a target and return the path to write it to (inside the staging folder)."""
        target = Path(target)
        self._refuse_input(target, label)
        for other_label, other in self.targets.values():
            if _same(other, target):
                raise InvoerFout(f"{target}: {other_label} en {label} hebben hetzelfde pad; "
                                 "geef elk uitvoerbestand een eigen naam")
        check_target(target, self.overwrite)
        staged = self._staging_folder(target.parent) / target.name
        self.targets[staged] = (label, target)
        return staged

    def final(self, staged: Path) -> Path:
        """The target of a staged path (for messages and summaries)."""
        return self.targets[Path(staged)][1]

    def _refuse_input(self, target: Path, label: str) -> None:
        for input_label, source in self.inputs.items():
            if _same(source, target):
                raise InvoerFout(f"{target}: is ook invoer ({input_label}) en wordt niet als "
                                 f"{label} overschreven; kies een ander uitvoerbestand")

    def _staging_folder(self, folder: Path) -> Path:
        key = _resolved(folder)
        if key not in self.staging:
            remove_abandoned(folder)
            try:
                made = Path(tempfile.mkdtemp(prefix=f"{STAGING_PREFIX}{os.getpid()}-", suffix=".tmp",
                                             dir=folder))
            except OSError as fout:
                raise InvoerFout(f"{folder}: in deze map kan niet geschreven worden "
                                 f"({os_reason(fout)})") from None
            self.staging[key] = made
            _ACTIVE.add(made)
        return self.staging[key]

    def commit(self) -> None:
        """Rename every staged file to its target, then remove the staging folders."""
        try:
            for staged, (label, target) in self.targets.items():
                if not staged.is_file():
                    raise RuntimeError(f"{label} {target} is niet geschreven")
            for staged, (_label, target) in self.targets.items():
                try:
                    os.replace(staged, target)
                except OSError as fout:
                    raise InvoerFout(f"{target}: kan niet worden geschreven "
                                     f"({os_reason(fout)})") from None
        finally:
            self.discard()

    def discard(self) -> None:
        """Remove the staging folders and whatever is still in them."""
        for folder in self.staging.values():
            shutil.rmtree(folder, ignore_errors=True)
            _ACTIVE.discard(folder)
        self.staging.clear()


def discard_all() -> None:
    """Remove the staging folders of every unfinished transaction (signal handlers)."""
    for folder in list(_ACTIVE):
        shutil.rmtree(folder, ignore_errors=True)
        _ACTIVE.discard(folder)


def os_reason(fout: OSError) -> str:
    """A Dutch reason for an OS error on a path."""
    import errno

    reasons = {errno.EACCES: "geen toestemming", errno.EPERM: "geen toestemming",
               errno.EROFS: "alleen-lezen bestandssysteem", errno.ENOSPC: "schijf vol",
               errno.ENOENT: "bestaat niet", errno.EISDIR: "is een map",
               errno.ENOTDIR: "een deel van het pad is geen map",
               errno.ENAMETOOLONG: "naam te lang", errno.EDQUOT: "schijfquotum bereikt"}
    return reasons.get(fout.errno, f"systeemfout {fout.errno}")


def write_atomically(target: Path, write: Callable[[Path], None], overwrite: bool = False) -> Path:
    """Call write(tmp_path) and move the result to target only if it succeeded (one file;
    a command with several outputs uses Uitvoer)."""
    target = Path(target)
    with Uitvoer(overwrite=overwrite) as uit:
        write(uit.add(target))
    return target


def read_text(path: Path, soort: str, limit: int) -> str:
    """A user's text file (UTF-8, with or without BOM), refused when missing, a folder,
    not a plain file, larger than limit bytes, or not UTF-8."""
    path = Path(path)
    raw = read_bytes(path, soort, limit)
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InvoerFout(f"{path}: {soort} is UTF-16; sla het op als UTF-8")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as fout:
        line = raw[: fout.start].count(b"\n") + 1
        raise InvoerFout(f"{path}: regel {line}: {soort} is geen UTF-8-tekst") from None


def read_bytes(path: Path, soort: str, limit: int) -> bytes:
    """The bytes of a user's file, at most limit (read no further: /dev/zero is refused)."""
    path = Path(path)
    try:
        if path.is_dir():
            raise InvoerFout(f"{path}: is een map, geen {soort}")
        if path.exists() and not path.is_file():
            raise InvoerFout(f"{path}: is geen gewoon bestand ({soort})")
        with open(path, "rb") as handle:
            raw = handle.read(limit + 1)
    except FileNotFoundError:
        raise InvoerFout(f"{path}: {soort} bestaat niet") from None
    except OSError as fout:
        raise InvoerFout(f"{path}: {soort} is niet leesbaar ({os_reason(fout)})") from None
    if len(raw) > limit:
        raise InvoerFout(f"{path}: {soort} is groter dan {limit // 2**20} MB; dat is de grens")
    return raw


def read_yaml(path: Path, soort: str) -> object:
    """A user's YAML file, read safely (see parse_yaml); soort names it in messages
    ("wijzigingenbestand"). Every problem raises InvoerFout with file and line."""
    return parse_yaml(read_text(path, soort, MAX_YAML_BYTES), str(path), soort)


def yaml_number(value, where: str, soort: str = "getal") -> float:
    """A number from a user's YAML file (soort names it: "bedrag", "getal"); text, NaN,
    infinity and |x| ≥ GRENS_BEDRAG raise InvoerFout with the place."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise InvoerFout(f"{where}: '{str(value)[:40]}' is geen {soort}")
    try:
        result = float(value)
    except OverflowError:
        result = math.inf
    if not math.isfinite(result):
        raise InvoerFout(f"{where}: geen geldig {soort} (NaN of oneindig)")
    if abs(result) >= GRENS_BEDRAG:
        raise InvoerFout(f"{where}: {result:.3g} is te groot; bedragen blijven onder 10^13")
    return result


def json_text(data) -> str:
    """Data as JSON for automation; amounts with the 15 significant digits Excel shows,
    so 5163300.217999999 reads 5163300.218."""
    import json

    def tidy(value):
        if isinstance(value, float):
            return float(format(value, ".15g"))
        if isinstance(value, dict):
            return {key: tidy(item) for key, item in value.items()}
        if isinstance(value, (list, tuple)):
            return [tidy(item) for item in value]
        return value

    return json.dumps(tidy(data), ensure_ascii=False, indent=2) + "\n"


def remove_abandoned(folder: Path) -> None:
    """Remove staging folders that a killed run (SIGKILL, power cut) left in folder: those
    whose process no longer runs. Output is only ever renamed out of them, so nothing in
    them is a finished file."""
    for staged in staged_files(folder):
        pid = staged.name[len(STAGING_PREFIX):].split("-", 1)[0]
        if pid.isdigit() and not _running(int(pid)):
            shutil.rmtree(staged, ignore_errors=True)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def staged_files(folder: Path) -> Iterable[Path]:
    """Leftover staging folders in a folder (tests: none after any run)."""
    return sorted(Path(folder).glob(f"{STAGING_PREFIX}*"))


# --- YAML ------------------------------------------------------------------------------
# PyYAML's safe loader still accepts what hurts here: an alias bomb (a few hundred bytes
# that expand to billions of nodes once walked), a duplicate key (the last silently wins),
# an impossible date (a ValueError from the timestamp constructor, not a YAML error),
# integers beyond Python's 4,300-digit limit, deep nesting (recursion). The loader below
# refuses each with the line, and its English messages never reach a user.

MAX_YAML_BYTES = 5 * 2**20  # a begroting of 30 years × 100 gemeenten × 20 products ≈ 1 MB
MAX_YAML_DEPTH = 50  # the deepest real structure (exploitatie[i].subtotaal.plus) is 4


class YamlDict(dict):
    """A YAML mapping that knows the 1-based line of each of its keys (`regels`)."""

    regels: dict

    def line(self, key) -> int | None:
        return getattr(self, "regels", {}).get(key)


def _loader_class():
    import yaml

    base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    class StrictLoader(base):
        def construct_document(self, node):
            _refuse_aliases_and_depth(node)
            return super().construct_document(node)

        def construct_yaml_map(self, node):
            data = YamlDict()
            data.regels = {}
            yield data
            seen = {}
            for key_node, _value in node.value:
                key = self.construct_object(key_node, deep=True)
                line = key_node.start_mark.line + 1
                if _hashable(key) and key in seen:
                    raise _Refusal(f"sleutel '{key}' staat er twee keer in (ook op regel "
                                   f"{seen[key]})", key_node.start_mark)
                if _hashable(key):
                    seen[key] = line
            data.update(self.construct_mapping(node, deep=True))
            data.regels = {k: seen[k] for k in data if _hashable(k) and k in seen}

        def construct_yaml_timestamp(self, node):
            try:
                return super().construct_yaml_timestamp(node)
            except (ValueError, OverflowError):
                raise _Refusal(f"'{node.value}' is geen bestaande datum", node.start_mark) from None

        def construct_yaml_int(self, node):
            try:
                return super().construct_yaml_int(node)
            except (ValueError, OverflowError):
                raise _Refusal(f"'{node.value[:20]}…' is geen bruikbaar getal",
                               node.start_mark) from None

    StrictLoader.add_constructor("tag:yaml.org,2002:map", StrictLoader.construct_yaml_map)
    StrictLoader.add_constructor("tag:yaml.org,2002:timestamp",
                                 StrictLoader.construct_yaml_timestamp)
    StrictLoader.add_constructor("tag:yaml.org,2002:int", StrictLoader.construct_yaml_int)
    return StrictLoader


def _hashable(key) -> bool:
    try:
        hash(key)
    except TypeError:
        return False
    return True


class _Refusal(Exception):
    """A Dutch refusal raised inside the loader, with the node's position."""

    def __init__(self, tekst: str, mark):
        super().__init__(tekst)
        self.tekst, self.mark = tekst, mark


def _refuse_aliases_and_depth(root) -> None:
    """Walk the node graph once: a node reached twice is an alias (*naam); refuse it, and
    refuse nesting deeper than MAX_YAML_DEPTH."""
    seen: set[int] = set()
    stack = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        if id(node) in seen:
            raise _Refusal("verwijzingen (& en *) worden niet ondersteund; schrijf de "
                           "waarden voluit", node.start_mark)
        seen.add(id(node))
        if depth > MAX_YAML_DEPTH:
            raise _Refusal(f"dieper genest dan {MAX_YAML_DEPTH} niveaus", node.start_mark)
        if isinstance(node.value, list):
            for child in node.value:
                pairs = child if isinstance(child, tuple) else (child,)
                stack.extend((item, depth + 1) for item in pairs)


_PROBLEMS = (  # PyYAML's problem texts -> Dutch (first match wins)
    ("cannot start any token", "een teken dat hier niet mag (een tab? gebruik spaties)"),
    ("found character '\\t'", "een tab; spring in met spaties"),
    ("mapping values are not allowed", "een dubbele punt op een onverwachte plek (zet de "
     "tekst tussen aanhalingstekens)"),
    ("expected <block end>", "de inspringing klopt niet"),
    ("could not find expected ':'", "een dubbele punt ontbreekt"),
    ("did not find expected key", "de inspringing klopt niet of een dubbele punt ontbreekt"),
    ("did not find expected ','", "een lijst of tabel tussen haken is niet goed gesloten"),
    ("did not find expected '-'", "de inspringing van een lijst klopt niet"),
    ("found unexpected end of stream", "het bestand houdt op midden in een waarde (een "
     "aanhalingsteken of haakje niet gesloten?)"),
    ("found undefined alias", "een verwijzing (*) naar een onbekend anker"),
    ("found unknown escape character", "een onbekende \\-code in een tekst tussen dubbele "
     "aanhalingstekens"),
    ("special characters are not allowed", "een stuurteken dat niet in tekst mag"),
    ("found duplicate anchor", "een anker (&) dat twee keer voorkomt"),
    ("could not determine a constructor", "een onbekend type (!…)"),
    ("expected a single document", "meer dan één document (---)"),
    ("nesting depth", f"dieper genest dan {MAX_YAML_DEPTH} niveaus"),
)


def _dutch_problem(problem: str) -> str:
    for english, dutch in _PROBLEMS:
        if english in problem:
            return dutch
    return "de opbouw klopt niet (inspringing, dubbele punten, aanhalingstekens)"


def parse_yaml(text: str, bron: str, soort: str = "bestand") -> object:
    """Parse YAML text with the strict loader; bron names the file in messages."""
    import yaml

    try:
        loader = _loader_class()(text)
        try:
            return loader.get_single_data()
        finally:
            loader.dispose()
    except _Refusal as fout:
        raise InvoerFout(f"{bron}: {_where(fout.mark)}: {fout.tekst}") from None
    except yaml.MarkedYAMLError as fout:
        mark = fout.problem_mark or fout.context_mark
        raise InvoerFout(f"{bron}: {_where(mark)}: geen geldige YAML: "
                         f"{_dutch_problem(str(fout.problem or fout.context))}") from None
    except yaml.reader.ReaderError as fout:
        line = _reader_line(text, fout.position)
        raise InvoerFout(f"{bron}: regel {line}: teken U+{fout.character:04X} mag niet in een "
                         f"{soort}") from None
    except yaml.YAMLError:
        raise InvoerFout(f"{bron}: geen geldige YAML") from None
    except RecursionError:
        raise InvoerFout(f"{bron}: dieper genest dan {MAX_YAML_DEPTH} niveaus") from None


def _reader_line(text: str, position: int) -> int:
    """The line of a reader error: libyaml counts the position in UTF-8 bytes, PyYAML's
    own reader in characters."""
    import yaml

    if getattr(yaml, "__with_libyaml__", False):
        return text.encode("utf-8")[:position].count(b"\n") + 1
    return text[:position].count("\n") + 1


def _where(mark) -> str:
    if mark is None:
        return "(bestand)"
    return f"regel {mark.line + 1}"
