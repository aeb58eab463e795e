"""The lifter's own programs: JSON files in the data folder's `programs/`, beside the shipped
ones (read-only templates to copy). A broken file is named and skipped, never fatal."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..domain.library import Program
from ..domain.programs import ProgramError, program_text, read_program_text
from ..store.atomic import atomic_write_bytes
from ..store.layout import PROGRAMS_DIR
from ..store.program_files import read_programs


@dataclass(frozen=True)
class OwnPrograms:
    programs: dict[str, Program] = field(default_factory=dict)
    # One line per file left out: "programs/x.json: reason".
    problems: tuple[str, ...] = ()

    def message(self) -> str | None:
        """The skipped files in one message, or None when every file was read."""
        if not self.problems:
            return None
        count = len(self.problems)
        head = "1 program file was skipped" if count == 1 else f"{count} program files were skipped"
        return f"{head}: " + "; ".join(self.problems)


def programs_dir(data_dir: Path) -> Path:
    return Path(data_dir) / PROGRAMS_DIR


def read_own_programs(data_dir: Path, exercise_ids: Collection[str], shipped_ids: Collection[str]) -> OwnPrograms:
    """Every program file in the data folder that validates; the others named in `problems`
    (the same check backups, restores and the doctor make: store/program_files.py)."""
    programs, problems = read_programs(Path(data_dir), exercise_ids, shipped_ids)
    return OwnPrograms(programs, tuple(f"{name}: {reason}" for name, reason in problems.items()))


def save_own_program(data_dir: Path, program: Program) -> Path:
    """Write `program` to programs/<id>.json (whole or not at all)."""
    folder = programs_dir(data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{program.id}.json"
    atomic_write_bytes(path, program_text(program).encode("utf-8"))
    return path


def free_id(wanted: str, taken: Collection[str]) -> str:
    """`wanted`, else `wanted-2`, `wanted-3`... the first one not taken."""
    if wanted not in taken:
        return wanted
    number = 2
    while f"{wanted}-{number}" in taken:
        number += 1
    return f"{wanted}-{number}"


@dataclass(frozen=True)
class Imported:
    program: Program
    path: Path
    renamed_from: str | None = None
    # "shipped" or "yours": whose program had the id asked for.
    clashed_with: str | None = None


def import_program(
    data_dir: Path, text: str | bytes, exercise_ids: Collection[str],
    shipped: Mapping[str, Program], own: Mapping[str, Program],
) -> Imported:
    """Validate a program file's text and keep it as one of the lifter's programs.

    A shipped program is never overwritten, nor one of the lifter's: an id already used is
    taken as the first free `id-2`, `id-3`... and the caller says so. Raises ProgramError.
    """
    program = read_program_text(text, exercise_ids)
    taken = {*shipped, *own}
    wanted = program.id
    new_id = free_id(wanted, taken)
    clash = None
    if new_id != wanted:
        clash = "shipped" if wanted in shipped else "yours"
        program = program.model_copy(update={"id": new_id})
    path = save_own_program(data_dir, program)
    return Imported(program, path, wanted if clash else None, clash)


def copy_program(data_dir: Path, source: Program, new_id: str, taken: Collection[str]) -> Program:
    """A copy of `source` kept as the lifter's own under `new_id`. Raises ProgramError."""
    if new_id in taken:
        raise ProgramError(f"id {new_id!r} is already a program's; choose another")
    data = source.model_dump(mode="json")
    data.update(id=new_id, name=f"{source.name} (copy)"[:120])
    try:
        copy = Program.model_validate(data)
    except ValueError as error:
        from ..domain.common import describe_error

        raise ProgramError(describe_error(error)) from None
    save_own_program(data_dir, copy)
    return copy
