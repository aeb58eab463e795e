"""Turn parsed rows into Sessions and LoggedSets with stable keys and ids.

A workout is the rows sharing a start time and a workout name. Keys are built from what
the file says (app, start time as written, workout name, exercise name, the set's place
among that exercise's sets in the workout), never from the zone or the clock, so the same
file gives the same keys on every import. A malformed row takes no place, so it cannot
shift the keys of the good rows around it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import pendulum
from pydantic import ValidationError

from gymtui.domain.common import describe_error
from gymtui.domain.journal import LoggedSet, Session
from gymtui.domain.library import Exercise

from .matching import Matcher, NameMatch, clean_name, new_exercise
from .result import Problem
from .rows import ParsedRow

TEXT_LIMIT = 2000  # the Text fields' limit
LONGEST_WORKOUT = timedelta(hours=24)


def digest(text: str, size: int = 20) -> str:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=20).hexdigest()[:size]


@dataclass
class Assembled:
    sessions: list[Session] = field(default_factory=list)
    sets: list[LoggedSet] = field(default_factory=list)
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

    def add_workouts(self, rows: list[ParsedRow]) -> Assembled:
        workouts: dict[tuple[datetime, str], list[ParsedRow]] = {}
        for row in rows:
            workouts.setdefault((row.workout_start, row.workout_name), []).append(row)
        built = [self._workout(start, name, group) for (start, name), group in workouts.items()]
        built = [pair for pair in built if pair is not None]
        built.sort(key=lambda pair: pair[0].started_at)
        for session, sets in built:
            self.out.sessions.append(session)
            self.out.sets.extend(sets)
        if self.left_open:
            shown = "; ".join(self.left_open[:5]) + ("; ..." if len(self.left_open) > 5 else "")
            self.out.notices.append(
                f"{len(self.left_open)} workout(s) lasted over 24 h (left open in the app?), "
                f"their end time was left out: {shown}"
            )
        # A name seen only on rows that failed validation adds nothing to the library.
        used = {s.exercise for s in self.out.sets}
        self.out.new_exercises = [e for e in self.out.new_exercises if e.id in used]
        self.out.matches = [m for m in self.out.matches if m.exercise_id in used]
        return self.out

    def _workout(
        self, start: datetime, name: str, rows: list[ParsedRow]
    ) -> tuple[Session, list[LoggedSet]] | None:
        session_key = f"{self.fmt}:{digest(f'{start:%Y-%m-%dT%H:%M:%S}|{name}', 32)}"
        session_id = f"{self.fmt}-{digest(session_key, 24)}"
        started_at = self.aware(start)
        source = f"import:{self.fmt}"
        sets: list[LoggedSet] = []
        places: dict[str, int] = {}
        order: list[str] = []
        for row in rows:
            exercise = clean_name(row.exercise)
            place = places.get(exercise, 0)
            set_key = f"{session_key}/{digest(exercise, 16)}/{place}"
            try:
                logged = LoggedSet(
                    id=f"{self.fmt}-{digest(set_key, 24)}",
                    session_id=session_id,
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
                    logged_at=started_at + timedelta(microseconds=len(sets)),
                    source=source,
                    source_key=set_key,
                )
            except ValidationError as error:
                self.out.problems.append(Problem(row.line, describe_error(error)))
                continue
            places[exercise] = place + 1
            if logged.exercise not in order:
                order.append(logged.exercise)
            sets.append(logged)
            self.out.problems.extend(Problem(row.line, warning, kept=True) for warning in row.warnings)
        if not sets:
            return None
        session = Session(
            id=session_id,
            date=started_at.date(),
            name=self._session_name(name, rows),
            status="done",
            started_at=started_at,
            finished_at=self._finished_at(start, started_at, name, rows),
            notes=next((r.workout_notes for r in rows if r.workout_notes), "")[:TEXT_LIMIT],
            order=order,
            source=source,
            source_key=session_key,
        )
        return session, sets

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
