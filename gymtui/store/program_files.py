"""The lifter's program files (`programs/*.json`) as data files: read, checked, named.

A program file is not a table file: it is checked with the program rules (domain/programs.py)
against the library the folder holds (the shipped exercises and the profile's own), and a
broken one is named and left out, never fatal: the app skips it, a backup leaves it out,
a restore does not put a broken copy back, and the doctor names it.
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

from ..domain.library import Program
from ..domain.programs import ProgramError, read_program_text
from .errors import CorruptFileError
from .layout import PROFILE_FILE, PROGRAMS_DIR, program_paths
from .storage import read_json_file

# A program file is small; anything bigger is not one (and is not read into memory whole).
MAX_PROGRAM_BYTES = 1_000_000


def read_programs(
    folder: Path, exercise_ids: Collection[str], shipped_ids: Collection[str]
) -> tuple[dict[str, Program], dict[str, str]]:
    """Every program file of `folder` that validates, by id; and the others by their name in
    the folder ('programs/x.json') with the reason, in one short sentence each."""
    programs: dict[str, Program] = {}
    problems: dict[str, str] = {}
    try:
        paths = program_paths(folder)
    except OSError as error:
        return {}, {f"{PROGRAMS_DIR}/": f"cannot be listed: {error.strerror or error}"}
    for path in paths:
        shown = f"{PROGRAMS_DIR}/{path.name}"
        try:
            if path.stat().st_size > MAX_PROGRAM_BYTES:
                raise ProgramError(f"is over {MAX_PROGRAM_BYTES // 1_000_000} MB: not a program file")
            program = read_program_text(path.read_bytes(), exercise_ids)
        except ProgramError as error:
            problems[shown] = str(error)
            continue
        except OSError as error:
            problems[shown] = f"cannot be read: {error.strerror or error}"
            continue
        if program.id in shipped_ids:
            problems[shown] = f"id {program.id!r} is a shipped program's; give yours another id"
        elif program.id in programs:
            problems[shown] = f"id {program.id!r} is already used by another file here"
        else:
            programs[program.id] = program
    return programs, problems


def library_ids(folder: Path) -> tuple[set[str], set[str]]:
    """The exercise ids a program in `folder` may name (the shipped library's and the
    profile's own exercises, when the profile reads), and the shipped program ids."""
    from ..domain.catalog import CatalogError
    from .catalog_files import load_catalog

    try:
        catalog = load_catalog()
        exercises, shipped = set(catalog.exercises), set(catalog.programs)
    except CatalogError:
        exercises, shipped = set(), set()
    try:
        profile = read_json_file(Path(folder) / PROFILE_FILE) or {}
        records = profile.get("exercises", {})
        exercises |= {str(r["id"]) for r in records.values() if isinstance(r, dict) and "id" in r}
    except (CorruptFileError, AttributeError, TypeError):  # a damaged profile is the doctor's own finding
        pass
    return exercises, shipped


def program_problems(folder: Path) -> dict[str, str]:
    """The program files of `folder` that would be skipped, by name, with the reason."""
    if not program_paths(folder):
        return {}
    exercises, shipped = library_ids(folder)
    return read_programs(folder, exercises, shipped)[1]


def is_program_name(name: str) -> bool:
    """A data file's name in its folder ('programs/x.json') is a program file's."""
    return name.startswith(f"{PROGRAMS_DIR}/")
