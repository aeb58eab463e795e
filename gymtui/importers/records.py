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
    """Reads records from a list of physical lines, starting wherever the caller asks."""

    def __init__(self, lines: list[str], delimiter: str, width: int) -> None:
        self.lines = lines
        self.delimiter = delimiter
        self.width = width  # number of header columns

    def _stands_alone(self, line: str) -> bool:
        fields, _ = _parse([line], self.delimiter)
        return fields is not None and len(fields) == self.width

    def read(self, index: int) -> Record:
        """The record starting at lines[index] (0-based)."""
        first = self.lines[index]
        fields, problem = _parse([first], self.delimiter)
        end = index
        while problem == "open":
            nxt = end + 1
            if nxt >= len(self.lines) or nxt - index >= MAX_RECORD_LINES:
                break
            if self._stands_alone(self.lines[nxt]):
                break  # the next line is a row of its own: this quote was never closed
            end = nxt
            fields, problem = _parse(self.lines[index : end + 1], self.delimiter)
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
