"""Independent spreadsheet engines: LibreOffice headless (forced recalculation), `formulas` as fallback.

LibreOffice runs with its own profile: full recalculation on load and the Dutch locale (nl-NL),
so a PDF shows `€ 1.055.000`, `WAAR` and `25,0%` whatever the machine's locale.

Both return the recalculated values of a workbook as {sheet: {cell: value}}, so callers
never depend on which engine ran.
"""

import contextlib
import fcntl
import os
import re
import shutil
import signal
import subprocess
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from pyfuncs.fouten import InvoerFout

_RECALC_PROFILE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" \
xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load">\
<prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load">\
<prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Setup/L10N">\
<prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>nl-NL</value></prop></item>
<item oor:path="/org.openoffice.Setup/L10N">\
<prop oor:name="ooLocale" oor:op="fuse"><value>nl-NL</value></prop></item>
</oor:items>
"""

ERROR_VALUES = ("#VALUE!", "#NAME?", "#DIV/0!", "#REF!", "#N/A", "#NUM!", "#NULL!", "Err:")

Values = dict[str, dict[str, object]]


def soffice_path() -> str | None:
    """The LibreOffice executable, or None when LibreOffice is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def _cached_profile_folder(slot: int = 0) -> Path:
    """The user's LibreOffice profile for this product, kept between runs (start-up is faster
    with a profile LibreOffice has initialised before); named after its settings. Slot 1, 2, …
    are the profiles of LibreOffice processes that run beside the first."""
    import hashlib

    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    digest = hashlib.sha256(_RECALC_PROFILE.encode()).hexdigest()[:12]
    return cache / "productbegroting" / (f"libreoffice-{digest}" + (f"-{slot + 1}" if slot else ""))


@contextlib.contextmanager
def _profile(slot: int = 0):
    """A LibreOffice profile for one run: the cached one when this process can lock it,
    otherwise (in use by another run, or no writable cache) a temporary one, removed after."""
    folder = _cached_profile_folder(slot)
    try:
        (folder / "user").mkdir(parents=True, exist_ok=True)
        lock = open(folder / "gebruik.lock", "w")  # noqa: SIM115 - held for the whole run
    except OSError:
        lock = None
    if lock is not None:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            lock.close()
            lock = None
    if lock is None:
        with tempfile.TemporaryDirectory(prefix="lo-profiel-") as tmp:
            yield _prepared(Path(tmp))
        return
    try:
        yield _prepared(folder)
    finally:
        lock.close()


def _prepared(folder: Path) -> Path:
    user = folder / "user"
    user.mkdir(parents=True, exist_ok=True)
    settings = user / "registrymodifications.xcu"
    if not settings.exists() or _RECALC_PROFILE not in settings.read_text(encoding="utf-8", errors="replace"):
        settings.write_text(_RECALC_PROFILE, encoding="utf-8")
    return folder


def _convert_all(sources: list[Path], outdir: Path, target_format: str) -> list[Path]:
    """Convert several files in one LibreOffice start; the produced files, in order."""
    soffice = soffice_path()
    if soffice is None:
        raise InvoerFout("LibreOffice is niet geïnstalleerd (apt-get install libreoffice-calc-nogui)")
    with _profile() as profile:
        command = [
            soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
            "--convert-to", target_format, "--outdir", str(outdir), *map(str, sources),
        ]
        result = _run_group(command)
    produced = [outdir / f"{source.stem}.{target_format.split(':')[0]}" for source in sources]
    missing = [source for source, out in zip(sources, produced, strict=True) if not out.exists()]
    if result.returncode != 0 or missing:
        names = ", ".join(str(source) for source in missing or sources)
        raise InvoerFout(f"{names}: LibreOffice kon het bestand niet omzetten ({result.stderr.strip()})")
    return produced


def _soffice_environment(folder: Path) -> dict:
    """The environment for LibreOffice: its temporary files (lu….tmp) in folder, which
    this run removes, so that even a LibreOffice ended mid-work leaves none in /tmp."""
    folder.mkdir(exist_ok=True)
    return {**os.environ, "TMPDIR": str(folder)}


def _run_group(command: list[str]) -> subprocess.CompletedProcess:
    """Run LibreOffice in its own process group, and end the whole group (soffice starts a
    child, soffice.bin) when this run is interrupted or times out, so none is left behind."""
    with tempfile.TemporaryDirectory(prefix="lo-tmp-") as folder:
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                   start_new_session=True, env=_soffice_environment(Path(folder)))
        try:
            out, err = process.communicate(timeout=600)
        except BaseException:
            _end_group(process)
            raise
    return subprocess.CompletedProcess(command, process.returncode, out, err)


def _convert(source: Path, outdir: Path, target_format: str) -> Path:
    return _convert_all([source], outdir, target_format)[0]


def recalculate_with_libreoffice(workbook: Path) -> Values:
    """Open a copy in LibreOffice, force a full recalculation and return every cell's value."""
    return recalculate_many_with_libreoffice([workbook])[0]


def recalculate_many_with_libreoffice(workbooks: list[Path]) -> list[Values]:
    """Recalculate several workbooks in one LibreOffice run; their values, in order."""
    with Herberekening(workbooks) as pending:
        return [pending.values(i) for i in range(len(workbooks))]


def _parallel(count: int) -> int:
    """LibreOffice processes for `count` workbooks: one per processor, at most four. Calc
    recalculates a workbook on one processor, so two processes on two halve the wait."""
    try:
        processors = len(os.sched_getaffinity(0))
    except AttributeError:
        processors = os.cpu_count() or 1
    return max(1, min(count, processors, 4))


_CONVERTED = re.compile(r"/(\d+)\.xlsx -> ")


@dataclass
class _Groep:
    """One LibreOffice process and the workbooks (indices) it converts, in order. Its line
    "convert X -> Y" comes before it writes Y, so a workbook is done when the next one's
    line appears or the process has ended."""

    process: subprocess.Popen
    stderr: object
    indices: list[int]
    gezien: int = 0  # lines "convert …" seen
    klaar: bool = False


class Herberekening:
    """Workbooks being recalculated by LibreOffice in the background: started on creation,
    so the caller can do its own work meanwhile, and values(i) waits for workbook i only.
    The workbooks are shared out over one LibreOffice process per processor, each with its
    own profile; leaving the with-block ends every process group and removes the copies."""

    engine = "LibreOffice"

    def __init__(self, workbooks: list[Path]):
        self._workbooks = [Path(workbook) for workbook in workbooks]
        self._stack = contextlib.ExitStack()
        try:
            self._groepen = self._start()
        except BaseException:
            self._stack.close()
            raise

    def __enter__(self) -> "Herberekening":
        return self

    def __exit__(self, *_exc) -> None:
        self._stack.close()

    def _start(self) -> list[_Groep]:
        soffice = soffice_path()
        if soffice is None:
            raise InvoerFout("LibreOffice is niet geïnstalleerd (apt-get install libreoffice-calc-nogui)")
        tmp = Path(self._stack.enter_context(tempfile.TemporaryDirectory(prefix="herberekend-")))
        (tmp / "in").mkdir()
        self._outdir = tmp / "uit"
        self._outdir.mkdir()
        sources = []
        for i, workbook in enumerate(self._workbooks):
            sources.append(tmp / "in" / f"{i:03d}.xlsx")
            shutil.copyfile(workbook, sources[-1])
        count = _parallel(len(sources))
        groepen = []
        for slot in range(count):
            indices = list(range(slot, len(sources), count))
            profile = self._stack.enter_context(_profile(slot))
            stderr = self._stack.enter_context(tempfile.TemporaryFile(mode="w+"))
            command = [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
                       "--convert-to", "xlsx", "--outdir", str(self._outdir),
                       *(str(sources[i]) for i in indices)]
            process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=stderr, text=True,
                                       start_new_session=True,
                                       env=_soffice_environment(tmp / f"lo-tmp-{slot}"))
            self._stack.callback(_end_group, process)
            watchdog = threading.Timer(600, _end_group, [process])
            watchdog.daemon = True
            watchdog.start()
            self._stack.callback(watchdog.cancel)
            groepen.append(_Groep(process, stderr, indices))
        return groepen

    def values(self, i: int) -> Values:
        """The recalculated values of workbook i, waiting for LibreOffice as long as needed."""
        groep = self._groepen[i % len(self._groepen)]
        position = groep.indices.index(i)
        while not groep.klaar and groep.gezien <= position + 1:
            line = groep.process.stdout.readline()
            if not line:
                groep.process.wait()
                groep.klaar = True
            elif (found := _CONVERTED.search(line)) and int(found.group(1)) in groep.indices:
                groep.gezien = max(groep.gezien, groep.indices.index(int(found.group(1))) + 1)
        produced = self._outdir / f"{i:03d}.xlsx"
        if (groep.klaar and groep.process.returncode != 0) or not produced.exists():
            groep.stderr.seek(0)
            raise InvoerFout(f"{self._workbooks[i]}: LibreOffice kon het bestand niet omzetten "
                             f"({groep.stderr.read().strip()})")
        return read_values(produced)


def _end_group(process: subprocess.Popen) -> None:
    """End a LibreOffice process group (soffice starts a child, soffice.bin), if it still runs."""
    if process.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    if process.stdout is not None:
        process.stdout.close()


class _MetFormulas:
    """The fallback engine behind the same face: each workbook computed when asked."""

    engine = "formulas"

    def __init__(self, workbooks: list[Path]):
        self._workbooks = [Path(workbook) for workbook in workbooks]

    def __enter__(self) -> "_MetFormulas":
        return self

    def __exit__(self, *_exc) -> None:
        return None

    def values(self, i: int) -> Values:
        return recalculate_with_formulas(self._workbooks[i])


def start_recalculation(workbooks: list[Path], engine: str | None = None) -> Herberekening | _MetFormulas:
    """Start recalculating: LibreOffice when present (unless engine is "formulas"), otherwise
    `formulas`. Use it as a with-block; .engine names the engine, .values(i) gives workbook i."""
    if engine != "formulas" and soffice_path():
        return Herberekening(workbooks)
    return _MetFormulas(workbooks)


def read_values(path: Path) -> Values:
    """Every non-empty cell value of a workbook with cached values (data_only, read-only)."""
    import openpyxl

    book = openpyxl.load_workbook(path, data_only=True, read_only=True)
    try:
        return {
            sheet.title: {cell.coordinate: cell.value for row in sheet.iter_rows() for cell in row
                          if cell.value is not None and hasattr(cell, "coordinate")}
            for sheet in book.worksheets
        }
    finally:
        book.close()


def recalculate_with_formulas(workbook: Path) -> Values:
    """Compute every formula with the `formulas` package (slow; the fallback engine)."""
    import formulas
    import openpyxl

    model = formulas.ExcelModel().loads(str(workbook)).finish()
    solution = model.calculate()
    names = {sheet.upper(): sheet for sheet in openpyxl.load_workbook(workbook, read_only=True).sheetnames}
    values: Values = {}
    for key, ranges in solution.items():
        if "!" not in key or ":" in key.split("!")[1]:
            continue
        sheet_part, cell = key.rsplit("!", 1)
        sheet = names.get(sheet_part.split("]", 1)[-1].rstrip("'"))
        if sheet is None:
            continue
        value = ranges.value[0][0]
        values.setdefault(sheet, {})[cell] = _plain(value)
    return values


def _plain(value: object) -> object:
    if hasattr(value, "item"):
        value = value.item()
    text = str(value)
    if text.startswith("#"):
        return text
    if value == "":
        return None
    return value


def recalculate(workbook: Path) -> tuple[Values, str]:
    """Recalculate with LibreOffice when present, otherwise with `formulas`; say which ran."""
    values, name = recalculate_many([workbook])
    return values[0], name


def recalculate_many(workbooks: list[Path]) -> tuple[list[Values], str]:
    """Several workbooks: one LibreOffice run for all of them, or `formulas` one by one."""
    with start_recalculation(workbooks) as pending:
        return [pending.values(i) for i in range(len(workbooks))], pending.engine


def is_error_value(value: object) -> bool:
    return isinstance(value, str) and value.startswith(ERROR_VALUES)


def export_pdf(workbook: Path, pdf: Path) -> Path:
    """Print the workbook to PDF through LibreOffice (recalculated first)."""
    with tempfile.TemporaryDirectory(prefix="pdf-") as tmp:
        produced = _convert(Path(workbook), Path(tmp), "pdf")
        shutil.move(produced, pdf)
    return pdf
