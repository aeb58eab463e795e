"""Split CSV text into records that know their physical line number.

`csv.reader` alone is not enough for two reasons: a problem must name the line it is on
(counting the header as line 1, multi-line quoted notes included), and one stray quote
must not swallow the rest of the file into a single field. So each record is read on its
own, and a quoted field is allowed to run onto the next lines only while those lines do
not look like rows of their own.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

# A quoted note longer than this many lines is taken for a stray quote instead.
MAX_RECORD_LINES = 60


@dataclass(frozen=True, slots=True)
class Record:
    line: int  # physical line of the record's first character, 1-based
    last_line: int
    fields: list[str] | None  # None when the text is not valid CSV
    error: str = ""

    @property
    def spans_lines(self) -> bool:
        return self.last_line > self.line


def physical_lines(text: str) -> list[str]:
    """Lines with their endings, split on \\n, \\r\\n and \\r like a file opened with newline=''."""
    return io.StringIO(text, newline="").readlines()


class LineSource:
    """Physical lines read as they are needed, by their 0-based index in the file.

    A record may run onto the next lines and a bad one is read again from its second line,
    so the reader looks a little ahead and steps back; lines before the ones it still needs
    are let go (`release`), which keeps memory bounded however long the file is.
    """

    def __init__(self, lines: Iterable[str]) -> None:
        self._lines: Iterator[str] = iter(lines)
        self._buffer: list[str] = []
        self._first = 0  # file index of _buffer[0]
        self._ended = False

    def get(self, index: int) -> str | None:
        """The line at `index`, or None past the end of the file."""
        offset = index - self._first
        if offset < 0:
            raise IndexError(f"line {index + 1} was already let go")
        while offset >= len(self._buffer) and not self._ended:
            line = next(self._lines, None)
            if line is None:
                self._ended = True
            else:
                self._buffer.append(line)
        return self._buffer[offset] if offset < len(self._buffer) else None

    def span(self, start: int, stop: int) -> list[str]:
        """Lines start to stop - 1 (all within the file)."""
        self.get(stop - 1)
        return self._buffer[start - self._first : stop - self._first]

    def release(self, index: int) -> None:
        """Lines before `index` will not be asked for again."""
        # Trimmed in steps, not line by line: deleting from the front of a list is a copy.
        if index - self._first > 512:
            del self._buffer[: index - self._first]
            self._first = index


def _parse(lines: list[str], delimiter: str) -> tuple[list[str] | None, str]:
    """Fields of one record, or None and why ('open' when a quoted field is still open)."""
    try:
        rows = list(csv.reader(lines, delimiter=delimiter, strict=True))
    except csv.Error as error:
        message = str(error)
        return None, "open" if "unexpected end of data" in message else message
    if len(rows) != 1:
        return None, "open" if not rows else "more than one row"
    return rows[0], ""


class RecordReader:
    """Reads records from physical lines, starting wherever the caller asks."""

    def __init__(self, lines: LineSource | Iterable[str], delimiter: str, width: int) -> None:
        self.lines = lines if isinstance(lines, LineSource) else LineSource(lines)
        self.delimiter = delimiter
        self.width = width  # number of header columns

    def _stands_alone(self, line: str) -> bool:
        fields, _ = _parse([line], self.delimiter)
        return fields is not None and len(fields) == self.width

    def read(self, index: int) -> Record:
        """The record starting at line `index` (0-based), which must exist."""
        first = self.lines.get(index)
        assert first is not None
        fields, problem = _parse([first], self.delimiter)
        end = index
        while problem == "open":
            nxt = end + 1
            line = self.lines.get(nxt)
            if line is None or nxt - index >= MAX_RECORD_LINES:
                break
            if self._stands_alone(line):
                break  # the next line is a row of its own: this quote was never closed
            end = nxt
            fields, problem = _parse(self.lines.span(index, end + 1), self.delimiter)
        if fields is None:
            reason = "a quote is opened and never closed" if problem == "open" else f"not valid CSV ({problem})"
            return Record(index + 1, index + 1, None, reason)
        return Record(index + 1, end + 1, fields)


def is_blank(line: str) -> bool:
    return not line.strip()


def header_fields(line: str, delimiter: str) -> list[str] | None:
    fields, _ = _parse([line], delimiter)
    return fields


def column_key(name: str) -> str:
    """'"Weight (kg)"' and ' weight (KG) ' are the same column."""
    return " ".join(name.strip().strip('"').split()).lower()
