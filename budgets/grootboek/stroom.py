"""Reading a CSV export in blocks: memory follows one block (a few MB), not the file.

The file is read in chunks cut just after a line break outside quotes, so every chunk
holds whole records. Each chunk is checked as a text export (binary bytes, long lines:
budgets.grootboek.formaten.Tekstcontrole), parsed by pyarrow (one thread, every column
dictionary-encoded) and numbered with the physical line of every record. A file pyarrow
refuses, or whose records the quotes do not explain, raises Soepel: the caller then reads
it with the lenient reader, as a whole.

Shortcuts, each exact: a chunk without quotes is cut at its last line break and parsed
without quoting, an ASCII chunk without a UTF-8 check, a chunk without quotes and blank
lines numbered without the offsets of its line breaks; after the first chunk, binary
bytes are searched in the distinct texts of the parsed fields (the chunk only on a find).
"""

import queue
import sys
import threading
from collections.abc import Iterable, Iterator
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


def chunks(path: Path, size: int = CHUNK) -> Iterator[tuple[bytearray, np.ndarray | None, np.ndarray | None]]:
    """The file in pieces of whole records (the last one: whatever is left), each with the
    offsets of its line breaks and quotes; (None, None) for a piece without quotes, which
    is cut at its last line break and needs neither."""
    with open_export(path) as export:
        pending = b""
        while True:
            buffer = bytearray(len(pending) + size)
            buffer[:len(pending)] = pending
            got = _read_into(export, buffer, len(pending), path)
            del buffer[len(pending) + got:]
            breaks = quotes = None
            if b'"' in buffer:
                breaks, quotes = _marks(buffer)
                cut = _cut(breaks, quotes) if got else len(buffer)
            else:
                cut = buffer.rfind(b"\n") + 1 if got else len(buffer)
            if got and not cut:
                pending = buffer
                continue
            pending = bytes(buffer[cut:])
            del buffer[cut:]
            if cut:
                yield (buffer, None, None) if quotes is None else (buffer, breaks[breaks < cut],
                                                                   quotes[quotes < cut])
            if not got:
                return


def _read_into(export, buffer: bytearray, start: int, path: Path) -> int:
    """Read into buffer from start on (no copy); the number of bytes read (0: the end)."""
    try:
        with memoryview(buffer) as view, view[start:] as rest:
            return export.readinto(rest)
    except OSError as fout:
        raise InvoerFout(f"{path}: bestand is niet leesbaar ({fout.strerror})") from None


_END = object()
AHEAD = 16  # parsed blocks kept ahead (≈ 5 MB each): room for all a command loads meanwhile
# While the reader runs, a thread waiting for the GIL gets it after 0.2 ms, not Python's 5:
# the reader takes it back after every parse; measured on a 1M-line ledger, `kwartaal`
# 25 ms (4 %) faster, as the main thread loads modules meanwhile.
SWITCH_INTERVAL = 0.0002


class Vooruit:
    """The items of an iterable made in a second thread, at most `ahead` before the one the
    caller takes (reading and parsing release the GIL), in order; an error in making one
    is raised where that item would have come. Leaving the with-block (or close) stops the
    thread: what it is making is finished, nothing more is started."""

    def __init__(self, items: Iterable, ahead: int = AHEAD):
        self._iterator = iter(items)
        self._interval = sys.getswitchinterval()
        sys.setswitchinterval(min(self._interval, SWITCH_INTERVAL))
        self._made: queue.Queue = queue.Queue(ahead)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._make, name="vooruit", daemon=True)
        self._thread.start()

    def _make(self) -> None:
        try:
            for item in self._iterator:
                if self._stop.is_set():
                    return
                self._made.put((item, None))
            self._made.put((_END, None))
        except BaseException as error:  # noqa: BLE001 - raised in the caller's thread
            self._made.put((_END, error))

    def __iter__(self) -> Iterator:
        while self._thread.is_alive() or not self._made.empty():
            item, error = self._made.get()
            if error is not None:
                self.close()
                raise error
            if item is _END:
                break
            yield item
        self.close()

    def close(self) -> None:
        self._stop.set()
        while self._thread.is_alive():  # a full queue would keep it waiting to put
            try:
                self._made.get(timeout=0.01)
            except queue.Empty:
                pass
        self._thread.join()
        if hasattr(self._iterator, "close"):  # a generator: its file is closed now
            self._iterator.close()
        if self._interval is not None:
            sys.setswitchinterval(self._interval)
            self._interval = None

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
            before, first = check.lines, offset is None
            count = check.chunk(part, breaks, binary=first or refused is not None)
            if refused:
                continue
            self._encoding_of(part, first)
            start = 0
            if first:
                try:
                    offset = start = self._header(part)
                except InvoerFout as fout:  # raised once the whole file is checked
                    refused = fout
                    continue
            head = part.count(b"\n", 0, start)
            if breaks is not None:
                breaks, quotes = breaks[breaks >= start] - start, quotes[quotes >= start] - start
            block = self._block(part[start:] if start else part, breaks, quotes, count - head,
                                before + head + 1)
            if not first:  # the first chunk was searched whole, before its header was read
                check.binary(part, before, None if block is None else _texts(block))
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

    def _block(self, body: bytearray, breaks: np.ndarray | None, quotes: np.ndarray | None,
               count: int, first_line: int) -> Tabel | None:
        """The records of one chunk (None: only blank lines); count: its line breaks."""
        quoted = quotes is not None and bool(quotes.size)
        try:  # one thread: the caller's thread works beside this one on the other core
            table = pacsv.read_csv(
                pa.BufferReader(body),
                read_options=pacsv.ReadOptions(column_names=list(self.namen),
                                               encoding=self.encoding or "utf8",
                                               block_size=len(body) + 1, use_threads=False),
                parse_options=pacsv.ParseOptions(delimiter=self.separator, newlines_in_values=quoted,
                                                 quote_char='"' if quotes is not None else False),
                convert_options=pacsv.ConvertOptions(column_types=dict.fromkeys(self.namen, TEXT),
                                                     check_utf8=not body.isascii()))
        except (pa.ArrowException, ValueError, UnicodeError):
            table = None
        data = np.frombuffer(body, dtype=np.uint8)
        if (table is not None and not quoted and not _lone_return(body, data)
                and table.num_rows == count + (not body.endswith(b"\n"))):
            lines = np.arange(first_line, first_line + table.num_rows)  # no blank line
        else:
            breaks = np.flatnonzero(data == 0x0A) if breaks is None else breaks
            lines = chunk_lines(data, breaks, first_line, quotes)
            if not len(lines):
                return None
            if table is None or table.num_rows != len(lines):
                raise Soepel
        return Tabel(self.namen, {name: kolom_of(table[name]) for name in self.namen}, lines, False)


def _lone_return(body: bytearray, data: np.ndarray) -> bool:
    """Whether a carriage return has no line feed after it: there pyarrow ends a record
    where the line does not end."""
    if b"\r" not in body:
        return False
    after = np.flatnonzero(data == 0x0D) + 1
    return bool(after[-1] == len(data) or (data[after] != 0x0A).any())


def _texts(tabel: Tabel) -> list[bytes]:
    """The bytes of the distinct texts of every column."""
    buffers = (kolom.waarden.buffers()[2] for kolom in tabel.kolommen.values())
    return [buffer.to_pybytes() for buffer in buffers if buffer is not None]
