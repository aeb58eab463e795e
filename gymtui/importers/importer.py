"""Reading an export: its lines in, sessions and sets out workout by workout, and a report.

`open_export` + `CsvImport.workouts()` stream a file of any size with bounded memory (the
store takes the workouts in batches); `import_text` / `import_file` collect everything for
callers that want lists.
"""

from __future__ import annotations

import codecs
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Protocol

import pendulum

from gymtui.domain.journal import LoggedSet, Session
from gymtui.domain.library import Exercise
from gymtui.domain.units import Unit

from .assemble import Assembler
from .detect import FORMAT_LABELS, UnknownFormat, detect
from .fitnotes import FitNotesReader
from .hevy import HevyReader
from .records import LineSource, RecordReader, is_blank, physical_lines
from .result import KEPT_PROBLEMS, MALFORMED, ImportResult, Problem
from .rows import ParsedRow, Skipped
from .strong import NeedsUnit, StrongReader
from .values import RowError


class RowReader(Protocol):
    notices: list[str]

    def read(self, fields: list[str], line: int) -> ParsedRow | Skipped: ...


_READERS: dict[str, Callable[..., RowReader]] = {"strong": StrongReader, "hevy": HevyReader, "fitnotes": FitNotesReader}
_CHUNK = 1 << 20


def _encoding(path: Path) -> str:
    """UTF-8 with or without a BOM, or UTF-16 with a BOM (Excel's 'Unicode text'). The whole
    file is checked first, a chunk at a time, so a bad byte stops the import before anything
    is stored. Raises ValueError with a plain message."""
    with path.open("rb") as handle:
        head = handle.read(4)
        if head.startswith((b"\xff\xfe", b"\xfe\xff")):
            return "utf-16"
        handle.seek(0)
        decoder = codecs.getincrementaldecoder("utf-8")()
        done = 0
        while True:
            chunk = handle.read(_CHUNK)
            try:
                decoder.decode(chunk, final=not chunk)
            except UnicodeDecodeError as error:
                raise ValueError(
                    f"{path.name} is not UTF-8 text (byte {done + error.start}): export it again from the app"
                ) from None
            if not chunk:
                return "utf-8-sig"
            done += len(chunk)


def open_text(path: str | Path) -> IO[str]:
    """The export opened for reading its lines as written (\\n, \\r\\n or \\r kept)."""
    path = Path(path)
    return path.open(encoding=_encoding(path), newline="")


def read_export(path: str | Path) -> str:
    """The file's whole text (see `open_text`)."""
    with open_text(path) as handle:
        return handle.read()


class CsvImport:
    """One Strong, Hevy or FitNotes export read once, workout by workout.

    `result` has `error` set at once on a fatal problem (unknown format, no unit); otherwise
    it is complete (problems, skips, exercises, counts) once `workouts()` is exhausted.
    """

    def __init__(
        self, lines: Iterable[str], *, fmt: str, unit: Unit | None, exercises: Iterable[Exercise], tz: str
    ) -> None:
        self.result = ImportResult()
        self.lines = LineSource(lines)
        try:
            pendulum.timezone(tz)
        except Exception:  # pendulum raises different errors for different bad names
            self.result = ImportResult.failed(f"unknown time zone {tz!r}: use a name like Europe/Paris")
            return
        try:
            self.layout = detect(self._head(), fmt)
            self.reader: RowReader = _READERS[self.layout.fmt](self.layout, unit)
        except (NeedsUnit, UnknownFormat, ValueError) as error:
            self.result = ImportResult.failed(str(error))
            return
        app = FORMAT_LABELS[self.layout.fmt]
        self.result.source = f"import:{self.layout.fmt}"
        self.result.format_label = f"{app} ({self.layout.variant})"
        self.assembler = Assembler(self.layout.fmt, app, tz, list(exercises))

    def _head(self) -> list[str]:
        """The lines up to the first that is not blank (the header)."""
        head: list[str] = []
        while (line := self.lines.get(len(head))) is not None:
            head.append(line)
            if not is_blank(line):
                break
        return head

    def _problem(self, problem: Problem) -> None:
        result = self.result
        result.problem_count += 1
        if not problem.kept:
            result.skipped[MALFORMED] += 1
        if len(result.problems) < KEPT_PROBLEMS:
            result.problems.append(problem)

    def workouts(self) -> Iterator[tuple[Session | None, list[LoggedSet]]]:
        """Each workout's session (None when it continues one given earlier) and sets."""
        if not self.result.ok:
            return
        assembler = self.assembler
        for session, sets in assembler.stream(self._rows()):
            for problem in assembler.out.problems:
                self._problem(problem)
            assembler.out.problems.clear()
            self.result.tally.add(session, sets)
            yield session, sets
        built = assembler.finish()
        for problem in built.problems:
            self._problem(problem)
        result = self.result
        result.problems.sort(key=lambda problem: problem.line)
        result.new_exercises = built.new_exercises
        result.matches = built.matches
        result.notices = self.reader.notices + built.notices

    def _rows(self) -> Iterator[ParsedRow]:
        lines, reader = self.lines, self.reader
        records = RecordReader(lines, self.layout.delimiter, len(self.layout.columns))
        skipped: Counter[str] = self.result.skipped
        index = self.layout.header_index + 1
        while (line := lines.get(index)) is not None:
            lines.release(index)
            if is_blank(line):
                index += 1
                continue
            record = records.read(index)
            if record.fields is None:
                self._problem(Problem(record.line, record.error))
                index += 1
                continue
            try:
                outcome = reader.read(record.fields, record.line)
            except RowError as error:
                self._problem(Problem(record.line, str(error)))
                # A bad record that ran over several lines may be a stray quote that swallowed
                # good rows: read again from the next physical line so they are not lost.
                index = index + 1 if record.spans_lines else record.last_line
                continue
            if isinstance(outcome, Skipped):
                skipped[outcome.reason] += 1
            else:
                yield outcome
            index = record.last_line  # last_line is 1-based: the next record's 0-based index


def _collect(csv_import: CsvImport) -> ImportResult:
    sessions: list[Session] = []
    sets: list[LoggedSet] = []
    for session, workout_sets in csv_import.workouts():
        if session is not None:
            sessions.append(session)
        sets.extend(workout_sets)
    result = csv_import.result
    if result.ok:
        # Workouts in time order, each workout's sets together in the file's order.
        sessions.sort(key=lambda session: session.started_at)
        rank = {session.id: position for position, session in enumerate(sessions)}
        sets.sort(key=lambda logged: rank[logged.session_id])
        result.sessions, result.sets = sessions, sets
    return result


def import_file(
    path: str | Path,
    *,
    fmt: str = "auto",
    unit: Unit | None = None,
    exercises: Iterable[Exercise] = (),
    tz: str,
) -> ImportResult:
    try:
        handle = open_text(path)
    except (OSError, ValueError) as error:
        return ImportResult.failed(str(error))
    with handle:
        return _collect(CsvImport(handle, fmt=fmt, unit=unit, exercises=exercises, tz=tz))


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
    lines = physical_lines(text.removeprefix("\ufeff"))
    return _collect(CsvImport(lines, fmt=fmt, unit=unit, exercises=exercises, tz=tz))
