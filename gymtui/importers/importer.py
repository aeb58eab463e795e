"""import_text / import_file: an export's text in, sessions, sets and a report out."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Protocol

import pendulum

from gymtui.domain.library import Exercise
from gymtui.domain.units import Unit

from .assemble import Assembler
from .detect import FORMAT_LABELS, Layout, UnknownFormat, detect
from .fitnotes import FitNotesReader
from .hevy import HevyReader
from .records import RecordReader, is_blank, physical_lines
from .result import MALFORMED, ImportResult, Problem
from .rows import ParsedRow, Skipped
from .strong import NeedsUnit, StrongReader
from .values import RowError


class RowReader(Protocol):
    notices: list[str]

    def read(self, fields: list[str], line: int) -> ParsedRow | Skipped: ...


_READERS = {"strong": StrongReader, "hevy": HevyReader, "fitnotes": FitNotesReader}


def read_export(path: str | Path) -> str:
    """The file's text: UTF-8 with or without a BOM, or UTF-16 with a BOM (Excel's 'Unicode
    text'). Raises ValueError with a plain message otherwise."""
    data = Path(path).read_bytes()
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ValueError(
            f"{Path(path).name} is not UTF-8 text (byte {error.start}): export it again from the app"
        ) from None


def import_file(
    path: str | Path,
    *,
    fmt: str = "auto",
    unit: Unit | None = None,
    exercises: Iterable[Exercise] = (),
    tz: str,
) -> ImportResult:
    try:
        text = read_export(path)
    except (OSError, ValueError) as error:
        return ImportResult.failed(str(error))
    return import_text(text, fmt=fmt, unit=unit, exercises=exercises, tz=tz)


def import_text(
    text: str,
    *,
    fmt: str = "auto",
    unit: Unit | None = None,
    exercises: Iterable[Exercise] = (),
    tz: str,
) -> ImportResult:
    """Read a Strong, Hevy or FitNotes CSV export.

    `fmt` forces the app ('strong', 'hevy', 'fitnotes'); 'auto' reads the header. `unit` is
    the load unit for files that do not say (Strong's comma file needs it). `exercises` is the
    library names are matched against. Times without a zone are read in `tz`. On a fatal
    problem (unknown format, no unit) the result has `error` set and holds nothing else.
    """
    try:
        pendulum.timezone(tz)
    except Exception:  # pendulum raises different errors for different bad names
        return ImportResult.failed(f"unknown time zone {tz!r}: use a name like Europe/Paris")
    lines = physical_lines(text.removeprefix("\ufeff"))
    try:
        layout = detect(lines, fmt)
        reader: RowReader = _READERS[layout.fmt](layout, unit)
    except NeedsUnit as error:
        return ImportResult.failed(str(error))
    except (UnknownFormat, ValueError) as error:
        return ImportResult.failed(str(error))
    rows, problems, skipped = _read_rows(lines, layout, reader)
    app = FORMAT_LABELS[layout.fmt]
    assembler = Assembler(layout.fmt, app, tz, list(exercises))
    built = assembler.add_workouts(rows)
    problems.extend(built.problems)
    problems.sort(key=lambda problem: problem.line)
    malformed = sum(1 for problem in problems if not problem.kept)
    if malformed:
        skipped[MALFORMED] = malformed
    return ImportResult(
        source=f"import:{layout.fmt}",
        format_label=f"{app} ({layout.variant})",
        sessions=built.sessions,
        sets=built.sets,
        new_exercises=built.new_exercises,
        matches=built.matches,
        problems=problems,
        skipped=skipped,
        notices=reader.notices + built.notices,
    )


def _read_rows(
    lines: list[str], layout: Layout, reader: RowReader
) -> tuple[list[ParsedRow], list[Problem], Counter[str]]:
    records = RecordReader(lines, layout.delimiter, len(layout.columns))
    rows: list[ParsedRow] = []
    problems: list[Problem] = []
    skipped: Counter[str] = Counter()
    index = layout.header_index + 1
    while index < len(lines):
        if is_blank(lines[index]):
            index += 1
            continue
        record = records.read(index)
        if record.fields is None:
            problems.append(Problem(record.line, record.error))
            index += 1
            continue
        try:
            outcome = reader.read(record.fields, record.line)
        except RowError as error:
            problems.append(Problem(record.line, str(error)))
            # A bad record that ran over several lines may be a stray quote that swallowed
            # good rows: read again from the next physical line so they are not lost.
            index = index + 1 if record.spans_lines else record.last_line
            continue
        if isinstance(outcome, Skipped):
            skipped[outcome.reason] += 1
        else:
            rows.append(outcome)
        index = record.last_line  # last_line is 1-based: the next record's 0-based index
    return rows, problems, skipped
