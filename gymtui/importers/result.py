"""What an import produced and what it left out, with a summary the lifter can read."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from gymtui.domain.journal import LoggedSet, Session
from gymtui.domain.library import Exercise
from gymtui.domain.wording import plural

from .matching import NameMatch

# Working sets first: they are what a lifter looks for in the summary.
_TYPE_LABELS = {"working": "working", "warmup": "warm-up", "drop": "drop", "failure": "failure"}
SHOWN_PROBLEMS = 20
# Problems kept in full; past this they are only counted, so a file of bad rows cannot fill
# the memory with messages nobody reads.
KEPT_PROBLEMS = 1000
MALFORMED = "malformed rows (see the problems)"


@dataclass(frozen=True, slots=True)
class Problem:
    """A row that could not be imported (kept=False), or was imported with a change."""

    line: int
    reason: str
    kept: bool = False

    def __str__(self) -> str:
        return f"line {self.line}: {self.reason}"


@dataclass
class Tally:
    """Counts over every set read, so the report needs no list of them (a big file's sets
    go to the store in batches and are not all held at once)."""

    sessions: int = 0
    sets: int = 0
    by_type: Counter[str] = field(default_factory=Counter)
    timed: int = 0
    missed: int = 0

    def add(self, session: Session | None, sets: list[LoggedSet]) -> None:
        self.sessions += session is not None
        self.sets += len(sets)
        for logged in sets:
            self.by_type[logged.set_type] += 1
            self.timed += logged.reps is None
            self.missed += logged.missed


@dataclass
class ImportResult:
    """Sessions and sets ready for the store, or `error` and nothing else.

    Every session and set carries a `source_key` that is the same each time the same file
    is imported, so the store can skip what it already holds.
    """

    source: str = ""  # 'import:strong', 'import:hevy', 'import:fitnotes'
    format_label: str = ""  # 'Strong (comma, with Duration and RPE)'
    sessions: list[Session] = field(default_factory=list)
    sets: list[LoggedSet] = field(default_factory=list)
    new_exercises: list[Exercise] = field(default_factory=list)
    matches: list[NameMatch] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    # reason -> rows not imported: Rest Timer rows, empty sets, and MALFORMED for the rows
    # listed in `problems` with kept=False.
    skipped: Counter[str] = field(default_factory=Counter)
    notices: list[str] = field(default_factory=list)
    error: str | None = None
    tally: Tally = field(default_factory=Tally)
    # Every problem found; `problems` holds the first KEPT_PROBLEMS of them.
    problem_count: int = 0

    @property
    def ok(self) -> bool:
        return self.error is None

    @classmethod
    def failed(cls, message: str) -> ImportResult:
        return cls(error=message)

    def sets_by_type(self) -> dict[str, int]:
        counts = self.tally.by_type
        return {kind: counts[kind] for kind in _TYPE_LABELS if counts[kind]}

    def rows_skipped(self) -> int:
        return sum(self.skipped.values())

    def summary(self) -> str:
        if self.error is not None:
            return f"Nothing imported: {self.error}"
        tally = self.tally
        lines = [f"{self.format_label}: {plural(tally.sessions, 'workout')}, {plural(tally.sets, 'set')}"
                 + _by_type(self.sets_by_type()) + "."]
        if tally.timed:
            lines.append(f"{plural(tally.timed, 'set')} timed or cardio (seconds or distance, no reps).")
        if tally.missed:
            lines.append(f"{plural(tally.missed, 'missed attempt')} (a load taken for 0 reps), kept in the history.")
        renamed = [m for m in self.matches if m.how != "same name" or m.imported != m.exercise_name]
        listed = " (listed at the end)" if renamed or self.new_exercises else ""
        lines.append(
            f"Exercises: {len(self.matches)} matched to your library, {len(self.new_exercises)} new{listed}."
        )
        if self.skipped:
            lines.append(f"Rows skipped: {self.rows_skipped()}.")
            lines += [f"  {reason}: {count}" for reason, count in self.skipped.most_common()]
        else:
            lines.append("Rows skipped: none.")
        if self.problems:
            lines.append("Problems:")
            lines += [f"  {p}" for p in self.problems[:SHOWN_PROBLEMS]]
            total = max(self.problem_count, len(self.problems))
            if total > SHOWN_PROBLEMS:
                lines.append(f"  ... and {total - SHOWN_PROBLEMS} more")
        lines += [f"Note: {notice}" for notice in self.notices]
        # The name mapping can run to dozens of lines: it comes last, after what needs a look.
        if listed:
            lines.append("Exercise names:")
        lines += [f"  {m.imported} -> {m.exercise_name} ({m.exercise_id}, {m.how})" for m in renamed]
        lines += [f"  new: {e.name} ({e.id}, {e.equipment}, {e.pattern.replace('_', ' ')})"
                  for e in self.new_exercises]
        return "\n".join(lines)


def _by_type(counts: dict[str, int]) -> str:
    if not counts:
        return ""
    return " (" + ", ".join(f"{n} {_TYPE_LABELS[kind]}" for kind, n in counts.items()) + ")"
