"""What an import read from a file and what it added to the store, and the report it gives."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..domain.wording import plural
from ..importers import ImportResult


@dataclass
class ImportOutcome:
    """What an import read from the file and what it added to the store."""

    error: str | None = None
    csv: ImportResult | None = None  # set for Strong, Hevy and FitNotes files
    restored: list[str] = field(default_factory=list)  # lines about a gymtui JSON restore
    problems: list[str] = field(default_factory=list)  # JSON items left out
    sessions_read: int = 0
    sets_read: int = 0
    sessions_added: int = 0
    sets_added: int = 0
    exercises_added: int = 0

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def stored_anything(self) -> bool:
        return bool(self.sessions_added or self.sets_added or self.exercises_added or self.restored)

    def summary(self) -> str:
        if self.error is not None:
            return f"Nothing imported: {self.error}"
        # What was stored comes first: the rest of the report can be long.
        lines = [
            f"Stored: {plural(self.sessions_added, 'new workout')}, {plural(self.sets_added, 'new set')}"
            + (f", {plural(self.exercises_added, 'new exercise')}" if self.exercises_added else "") + "."
        ]
        already_sessions = self.sessions_read - self.sessions_added
        already_sets = self.sets_read - self.sets_added
        if already_sessions or already_sets:
            lines.append(f"Already there (not added again): {plural(already_sessions, 'workout')}, "
                         f"{plural(already_sets, 'set')}.")
        lines += self.restored
        if self.problems:
            lines.append(f"Left out ({len(self.problems)}):")
            lines += [f"  {p}" for p in self.problems[:20]]
            if len(self.problems) > 20:
                lines.append(f"  ... and {len(self.problems) - 20} more")
        lines.append(self.csv.summary() if self.csv is not None else "Read from a gymtui export (JSON).")
        return "\n".join(lines)
