"""Reading a CSV export in blocks: memory follows one block (a few MB), not the file.

The file is read in chunks cut just after a line break outside quotes, so every chunk
holds whole records. Each chunk is checked as a text export (binary bytes, long lines:
budgets.grootboek.formaten.Tekstcontrole), parsed by pyarrow (multi-threaded, every
column dictionary-encoded) and numbered with the physical line of every record. A file
pyarrow refuses, or whose records the quotes do not explain, raises Soepel: the caller
then reads it with the lenient reader, as a whole.
"""

from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv

from budgets.grootboek.formaten import Tekstcontrole, chunk_lines, open_export
from budgets.grootboek.tabel import TEXT, Tabel, kolom_of, read_header
from pyfuncs.fouten import InvoerFout

CHUNK = 4 << 20  # bytes read at a time (≈ 80,000 ledger lines)
BOM = b"\xef\xbb\xbf"


class Soepel(Exception):  # noqa: N818 - a signal, not an error: read leniently
    """The file needs the lenient reader (budgets.grootboek.formaten.read_table)."""


class Opnieuw(Exception):  # noqa: N818 - a signal: read again from the start
    """Read the file again from its start with these settings (encoding='cp1252': a byte
    that is no UTF-8 came after UTF-8 text; kahan=True: an amount has more decimals)."""

    def __init__(self, **settings):
        super().__init__(settings)
        self.settings = settings


def _marks(buffer: bytes) -> tuple[np.ndarray, np.ndarray]:
    """Offsets of the line breaks and of the quotes in buffer."""
    data = np.frombuffer(buffer, dtype=np.uint8)
    quotes = np.flatnonzero(data == ord('"')) if b'"' in buffer else np.zeros(0, dtype=np.intp)
    return np.flatnonzero(data == 0x0A), quotes


def _cut(breaks: np.ndarray, quotes: np.ndarray) -> int:
    """Offset just after the last line break outside quotes (0: none)."""
    outside = breaks[np.searchsorted(quotes, breaks) % 2 == 0] if quotes.size else breaks
    return int(outside[-1]) + 1 if outside.size else 0


def chunks(path: Path, size: int = CHUNK) -> Iterator[tuple[bytes, np.ndarray, np.ndarray]]:
    """The file in pieces of whole records (the last one: whatever is left), each with the
    offsets of its line breaks and quotes."""
    with open_export(path) as export:
        pending = b""
        while True:
            try:
                data = export.read(size)
            except OSError as fout:
                raise InvoerFout(f"{path}: bestand is niet leesbaar ({fout.strerror})") from None
            buffer = pending + data
            breaks, quotes = _marks(buffer)
            cut = _cut(breaks, quotes) if data else len(buffer)
            if data and not cut:
                pending = buffer
                continue
            if cut:
                yield buffer[:cut], breaks[breaks < cut], quotes[quotes < cut]
            pending = buffer[cut:]
            if not data:
                return


_END = object()
AHEAD = 16  # parsed blocks kept ahead (≈ 5 MB each): room for all a command loads meanwhile


class Vooruit:
    """The items of an iterable made in a second thread, at most `ahead` before the one the
    caller takes (reading and parsing release the GIL), in order; an error in making one
    is raised where that item would have come. Leaving the with-block (or close) stops the
    thread: what it is making is finished, nothing more is started."""

    def __init__(self, items: Iterable, ahead: int = AHEAD):
        self._iterator = iter(items)
        self._pool = ThreadPoolExecutor(1, thread_name_prefix="vooruit")
        self._pending = deque(self._pool.submit(next, self._iterator, _END) for _ in range(ahead))

    def __iter__(self) -> Iterator:
        while self._pending:
            item = self._pending.popleft().result()
            if item is _END:
                break
            self._pending.append(self._pool.submit(next, self._iterator, _END))
            yield item
        self.close()

    def close(self) -> None:
        for pending in self._pending:
            pending.cancel()
        self._pending.clear()
        self._pool.shutdown(wait=True)
        if hasattr(self._iterator, "close"):  # a generator: its file is closed now
            self._iterator.close()

    def __enter__(self) -> "Vooruit":
        return self

    def __exit__(self, *_exc) -> None:
        self.close()


def is_workbook(path: Path) -> bool:
    return Path(path).suffix.lower() in (".xlsx", ".xlsm")


def start_reading(path: Path) -> Vooruit | None:
    """Start reading a CSV ledger export in the background (None for a workbook): pass it
    to budgets.grootboek.lezen.read_ledger, and close it (a with-block) when done. Its
    errors come from read_ledger, in the order they would have come without it. This
    module loads numpy and pyarrow but not pyarrow.compute, so the reading starts early."""
    return None if is_workbook(path) else Vooruit(CsvBlokken(Path(path)))


class CsvBlokken:
    """The records of a CSV export as Tabel blocks (in file order); encoding None: UTF-8
    unless a byte says Windows-1252."""

    def __init__(self, path: Path, encoding: str | None = None, size: int | None = None):
        self.path, self.size = Path(path), size or CHUNK
        self.encoding = encoding  # None: only ASCII so far; 'utf8' or 'cp1252' once known
        self.namen: tuple[str, ...] = ()
        self.separator, self.bom = ";", False

    def __iter__(self) -> Iterator[Tabel]:
        check = Tekstcontrole(self.path)
        offset, refused = None, None
        for part, breaks, quotes in chunks(self.path, self.size):
            before = check.lines
            check.chunk(part, breaks)
            if refused:
                continue
            self._encoding_of(part, first=offset is None)
            start = 0
            if offset is None:
                try:
                    offset = start = self._header(part)
                except InvoerFout as fout:  # raised once the whole file is checked
                    refused = fout
                    continue
            block = self._block(part[start:], breaks[breaks >= start] - start,
                                quotes[quotes >= start] - start,
                                before + part.count(b"\n", 0, start) + 1)
            if block is not None:
                yield block
        check.finish()
        if refused:
            raise refused
        if offset is None:
            raise Soepel  # an empty file: the lenient reader says so

    def _encoding_of(self, part: bytes, first: bool) -> None:
        """UTF-8 unless a chunk is not; after a BOM, pyarrow refuses bad UTF-8 (Soepel)."""
        if first:
            self.bom = part.startswith(BOM)
            self.encoding = "utf8" if self.bom else self.encoding
        if self.bom or self.encoding == "cp1252" or part.isascii():
            return
        try:
            part.decode("utf-8")
        except UnicodeDecodeError:
            if self.encoding == "utf8":
                raise Opnieuw(encoding="cp1252") from None
            self.encoding = "cp1252"
            return
        self.encoding = "utf8"

    def _header(self, part: bytes) -> int:
        start = 3 if part.startswith(BOM) else 0
        header = read_header(part, start, self.encoding or "utf8", self.path)
        if header is None:
            raise Soepel
        names, self.separator, offset = header
        self.namen = tuple(names)
        return offset

    def _block(self, body: bytes, breaks: np.ndarray, quotes: np.ndarray,
               first_line: int) -> Tabel | None:
        """The records of one chunk (None: only blank lines)."""
        data = np.frombuffer(body, dtype=np.uint8)
        lines = chunk_lines(data, breaks, first_line, quotes)
        if not len(lines):
            return None
        try:  # one thread: the caller's thread works beside this one on the other core
            table = pacsv.read_csv(
                pa.BufferReader(body),
                read_options=pacsv.ReadOptions(column_names=list(self.namen),
                                               encoding=self.encoding or "utf8", block_size=1 << 20,
                                               use_threads=False),
                parse_options=pacsv.ParseOptions(delimiter=self.separator,
                                                 newlines_in_values=bool(quotes.size)),
                convert_options=pacsv.ConvertOptions(column_types=dict.fromkeys(self.namen, TEXT)))
        except (pa.ArrowException, ValueError, UnicodeError):
            raise Soepel from None
        if table.num_rows != len(lines):
            raise Soepel
        return Tabel(self.namen, {name: kolom_of(table[name]) for name in self.namen}, lines, False)
