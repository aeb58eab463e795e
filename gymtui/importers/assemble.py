"""Turn parsed rows into Sessions and LoggedSets with stable keys and ids.

A workout is the rows sharing a start time and a workout name. Keys are built from what
the file says (app, start time as written, workout name, exercise name, the set's place
among that exercise's sets in the workout), never from the zone or the clock, so the same
file gives the same keys on every import. A malformed row takes no place, so it cannot
shift the keys of the good rows around it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import pendulum
from pydantic import ValidationError

from gymtui.domain.common import describe_error
from gymtui.domain.journal import LoggedSet, Session
from gymtui.domain.library import Exercise
from gymtui.domain.wording import plural

from .matching import NAME_LIMIT, Matcher, NameMatch, clean_name, new_exercise
from .result import Problem
from .rows import ParsedRow

TEXT_LIMIT = 2000  # the Text fields' limit
LONGEST_WORKOUT = timedelta(hours=24)


def digest(text: str, size: int = 20) -> str:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=20).hexdigest()[:size]


@dataclass(slots=True)
class _Workout:
    """What a workout's later rows need: its keys, start, and how many sets each exercise
    (and the workout) has had so far."""

    session_key: str
    session_id: str
    started_at: pendulum.DateTime
    places: dict[str, int] = field(default_factory=dict)
    count: int = 0
    given: bool = False  # its session has been handed out


@dataclass
class Assembled:
    new_exercises: list[Exercise] = field(default_factory=list)
    matches: list[NameMatch] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)


class Assembler:
    def __init__(self, fmt: str, app_label: str, tz: str, library: list[Exercise]) -> None:
        self.fmt = fmt
        self.app_label = app_label
        self.tz = pendulum.timezone(tz)
        self.matcher = Matcher(library)
        self.exercise_of: dict[str, str] = {}  # cleaned imported name -> exercise id
        self.out = Assembled()
        self._aware: dict[datetime, pendulum.DateTime] = {}
        self.left_open: list[str] = []  # workouts 'lasting' days: the app was left running
        self._workouts: dict[tuple[datetime, str], _Workout] = {}
        self.used: set[str] = set()  # exercise ids of the sets made
        self._cut_names: set[str] = set()  # long names already reported as cut

    def aware(self, naive: datetime) -> pendulum.DateTime:
        """The file's wall-clock time in the lifter's zone (a DST gap moves it forward)."""
        value = self._aware.get(naive)
        if value is None:
            value = pendulum.datetime(
                naive.year, naive.month, naive.day, naive.hour, naive.minute, naive.second,
                naive.microsecond, tz=self.tz,
            )
            self._aware[naive] = value
        return value

    def exercise_id(self, name: str) -> str:
        known = self.exercise_of.get(name)
        if known is not None:
            return known
        match = self.matcher.match(name)
        new_ids = {e.id for e in self.out.new_exercises}
        if match is not None:
            if match.exercise_id not in new_ids:
                self.out.matches.append(match)
            exercise_id = match.exercise_id
        else:
            exercise = new_exercise(name, self.app_label, self.matcher.ids)
            self.matcher.add(exercise)
            self.out.new_exercises.append(exercise)
            exercise_id = exercise.id
        self.exercise_of[name] = exercise_id
        return exercise_id

    def stream(self, rows: Iterable[ParsedRow]) -> Iterator[tuple[Session | None, list[LoggedSet]]]:
        """Each workout as its rows end: its session and sets. Rows of one workout normally
        follow each other; a workout seen again further down the file continues (same
        session, places counted on), its session given once (None after that)."""
        key: tuple[datetime, str] | None = None
        group: list[ParsedRow] = []
        for row in rows:
            row_key = (row.workout_start, row.workout_name)
            if row_key != key and group:
                built = self._workout(key, group)  # type: ignore[arg-type]
                if built is not None:
                    yield built
                group = []
            key = row_key
            group.append(row)
        if group:
            built = self._workout(key, group)  # type: ignore[arg-type]
            if built is not None:
                yield built

    def finish(self) -> Assembled:
        """Notices and the exercises the stored sets use, once every workout has been read."""
        if self.left_open:
            shown = "; ".join(self.left_open[:5]) + ("; ..." if len(self.left_open) > 5 else "")
            self.out.notices.append(
                f"{plural(len(self.left_open), 'workout')} lasted over 24 h (left open in the app?), "
                f"their end time was left out: {shown}"
            )
        # A name seen only on rows that failed validation adds nothing to the library.
        self.out.new_exercises = [e for e in self.out.new_exercises if e.id in self.used]
        self.out.matches = [m for m in self.out.matches if m.exercise_id in self.used]
        return self.out

    def _workout(
        self, key: tuple[datetime, str], rows: list[ParsedRow]
    ) -> tuple[Session | None, list[LoggedSet]] | None:
        start, name = key
        state = self._workouts.get(key)
        if state is None:
            session_key = f"{self.fmt}:{digest(f'{start:%Y-%m-%dT%H:%M:%S}|{name}', 32)}"
            state = _Workout(session_key, f"{self.fmt}-{digest(session_key, 24)}", self.aware(start))
            self._workouts[key] = state
        source = f"import:{self.fmt}"
        sets: list[LoggedSet] = []
        order: list[str] = []
        for row in rows:
            exercise = clean_name(row.exercise)
            place = state.places.get(exercise, 0)
            set_key = f"{state.session_key}/{digest(exercise, 16)}/{place}"
            try:
                logged = LoggedSet(
                    id=f"{self.fmt}-{digest(set_key, 24)}",
                    session_id=state.session_id,
                    exercise=self.exercise_id(exercise),
                    load=row.load,
                    unit=row.unit,
                    reps=row.reps,
                    missed=row.reps == 0,
                    rpe=row.rpe,
                    set_type=row.set_type,
                    seconds=row.seconds,
                    distance_m=row.distance_m,
                    note=row.note[:TEXT_LIMIT],
                    # The file has no time per set: a microsecond apart keeps the file's order
                    # when sets are sorted by time, without inventing rest periods.
                    logged_at=state.started_at + timedelta(microseconds=state.count),
                    source=source,
                    source_key=set_key,
                    superset=row.superset,
                )
            except ValidationError as error:
                self.out.problems.append(Problem(row.line, describe_error(error)))
                continue
            state.places[exercise] = place + 1
            state.count += 1
            if logged.exercise not in order:
                order.append(logged.exercise)
            self.used.add(logged.exercise)
            sets.append(logged)
            self.out.problems.extend(Problem(row.line, warning, kept=True) for warning in row.warnings)
            self._report_cuts(row.line, note=row.note, exercise_name=row.exercise)
        if not sets:
            return None
        if state.given:
            return None, sets
        state.given = True
        noted = next((r for r in rows if r.workout_notes), None)
        if noted is not None:
            self._report_cuts(noted.line, workout_notes=noted.workout_notes)
        self._report_cuts(rows[0].line, workout_name=name)
        session = Session(
            id=state.session_id,
            date=state.started_at.date(),
            name=self._session_name(name, rows),
            status="done",
            started_at=state.started_at,
            finished_at=self._finished_at(start, state.started_at, name, rows),
            notes=next((r.workout_notes for r in rows if r.workout_notes), "")[:TEXT_LIMIT],
            order=order,
            source=source,
            source_key=state.session_key,
        )
        return session, sets

    def _report_cuts(self, line: int, **texts: str) -> None:
        """Text longer than gymtui keeps is stored cut: said, with how long it was (a name once)."""
        limits = {
            "note": TEXT_LIMIT,
            "workout_notes": TEXT_LIMIT,
            "exercise_name": NAME_LIMIT,
            "workout_name": NAME_LIMIT,
        }
        for what, text in texts.items():
            limit = limits[what]
            if what.endswith("name"):
                text = " ".join(text.split())
                if len(text) <= limit or text in self._cut_names:
                    continue
                self._cut_names.add(text)
            elif len(text) <= limit:
                continue
            label = what.replace("_", " ")
            self.out.problems.append(Problem(
                line, f"{label} cut to its first {limit} characters (it had {len(text)}): {text[:30]!r}...", kept=True))

    def _session_name(self, name: str, rows: list[ParsedRow]) -> str:
        name = clean_name(name)
        if name:
            return name
        categories = list(dict.fromkeys(r.category for r in rows if r.category))
        return clean_name(", ".join(categories)) or f"{self.app_label} workout"

    def _finished_at(
        self, start: datetime, started_at: pendulum.DateTime, name: str, rows: list[ParsedRow]
    ) -> pendulum.DateTime | None:
        first = rows[0]
        if first.workout_end is not None:
            finished = self.aware(first.workout_end)
        elif first.workout_seconds:
            finished = started_at + timedelta(seconds=first.workout_seconds)
        else:
            return None
        if finished < started_at:
            return None
        if finished - started_at > LONGEST_WORKOUT:
            self.left_open.append(f"{start:%Y-%m-%d %H:%M} {clean_name(name)}")
            return None
        return finished
