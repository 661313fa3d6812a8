"""Atomic output files: written to a temporary file beside the target, then renamed."""

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from pyfuncs.fouten import InvoerFout


def check_writable(target: Path, overwrite: bool) -> None:
    """Refuse to replace an existing file unless overwrite is asked for."""
    if target.exists() and not overwrite:
        raise InvoerFout(f"{target}: bestaat al; gebruik --overschrijf om het te vervangen")
    if not target.parent.exists():
        raise InvoerFout(f"{target}: de map {target.parent} bestaat niet")


def write_atomically(target: Path, write: Callable[[Path], None], overwrite: bool = False) -> Path:
    """Call write(tmp_path) and move the result to target only if it succeeded."""
    target = Path(target)
    check_writable(target, overwrite)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=target.suffix, dir=target.parent)
    os.close(fd)
    tmp_path = Path(tmp)
    try:
        write(tmp_path)
        os.chmod(tmp_path, 0o666 & ~_umask())
        os.replace(tmp_path, target)
    finally:
        tmp_path.unlink(missing_ok=True)
    return target


def _umask() -> int:
    """The process umask (mkstemp creates files readable by the owner only)."""
    current = os.umask(0)
    os.umask(current)
    return current


def read_yaml(path: Path, soort: str) -> object:
    """A user's YAML file (UTF-8, with or without BOM); soort names it in messages
    ("wijzigingenbestand"). Missing or unreadable files raise InvoerFout."""
    import yaml

    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InvoerFout(f"{path}: {soort} bestaat niet") from None
    except (OSError, UnicodeDecodeError) as fout:
        raise InvoerFout(f"{path}: {soort} is niet leesbaar ({fout})") from None
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as fout:
        raise InvoerFout(f"{path}: {soort} is geen geldige YAML ({fout})") from None


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
