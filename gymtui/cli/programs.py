"""`gymtui program ...` and `gymtui block start`: choosing, sharing and starting programs."""

from __future__ import annotations

import argparse
import re
import sys
from datetime import date
from pathlib import Path

import pendulum

from ..domain.blocks import week_plan_for
from ..domain.library import Program
from ..domain.programs import ProgramError, program_text
from ..services.context import load_library
from ..services.library import Library
from ..services.program_days import monday_of, program_start
from ..services.programs import copy_program, import_program
from ..store.atomic import atomic_write_bytes
from .common import EXIT_USAGE, CliError, open_store, parse_day

# The same rule as the Slug type of every id.
ID_PATTERN_TEXT = "lower-case letters, digits and dashes, starting with a letter or digit"


def run_program_command(args: argparse.Namespace, data_dir: Path) -> int:
    action = {"list": _list, "use": _use, "export": _export, "import": _import, "copy": _copy}[args.action]
    return action(args, data_dir)


def _warn_skipped(library: Library) -> None:
    message = library.program_problem_message()
    if message:
        print(f"gymtui: warning: {message}", file=sys.stderr)


def _find(library: Library, program_id: str) -> Program:
    program = library.programs().get(program_id)
    if program is None:
        ids = ", ".join(library.programs())
        raise CliError(f"no program {program_id!r}; there are: {ids} (gymtui program list)", EXIT_USAGE)
    return program


def _block_line(program: Program, start: date, today: date) -> str:
    week, plan = week_plan_for(program.cycle, start, today)
    return f"week {week} of {len(program.cycle)} ({plan.emphasis}), counted from Monday {start}"


def _list(args: argparse.Namespace, data_dir: Path) -> int:
    today = pendulum.now().date()
    with open_store(data_dir, "gymtui program list", reads_only=True) as store:
        settings = store.settings()
        library = load_library(store)
        start = program_start(store, settings, today)
    programs = library.programs()
    width = max(len(pid) for pid in programs)
    for pid, program in programs.items():
        mark = "*" if pid == settings.program else " "
        whose = "shipped" if library.is_shipped(pid) else "yours"
        days = f"{len(program.days)} day{'s' if len(program.days) != 1 else ''}"
        print(f"{mark} {pid:<{width}}  {whose:<7}  {days:<6}  {program.name}")
    in_use = library.program(settings.program)
    if in_use.id != settings.program:
        print(f"In use: {settings.program!r} is not found, so {in_use.name} is planned instead"
              f" (gymtui program use ID chooses one)")
    else:
        print(f"In use: {in_use.name}, {_block_line(in_use, start, today)}")
    _warn_skipped(library)
    return 0


def _use(args: argparse.Namespace, data_dir: Path) -> int:
    today = pendulum.now().date()
    with open_store(data_dir, "gymtui program use") as store:
        library = load_library(store)
        _warn_skipped(library)
        program = _find(library, args.program_id)
        settings = store.settings()
        was = settings.program
        store.save_settings(settings.model_copy(update={"program": program.id}))
        start = program_start(store, settings, today)
    if was == program.id:
        print(f"{program.name} was already in use; nothing changed.")
        return 0
    print(f"Now training {program.name} ({program.id}). Every logged set is kept and the next session"
          f" is planned from your history (gymtui next).")
    print(f"The block goes on: {_block_line(program, start, today)}. To start a new block this week:"
          " gymtui block start")
    return 0


def _export(args: argparse.Namespace, data_dir: Path) -> int:
    with open_store(data_dir, "gymtui program export", reads_only=True) as store:
        library = load_library(store)
    _warn_skipped(library)
    program = _find(library, args.program_id)
    text = program_text(program)
    if not args.output:
        sys.stdout.write(text)
        return 0
    target = Path(args.output).expanduser()
    try:
        atomic_write_bytes(target, text.encode("utf-8"))
    except OSError as error:
        raise CliError(f"could not write {target}: {error.strerror or error}; it is as it was") from None
    print(f"Wrote {program.name} to {target}", file=sys.stderr)
    return 0


def _import(args: argparse.Namespace, data_dir: Path) -> int:
    source = Path(args.file).expanduser()
    try:
        text = source.read_bytes()
    except OSError as error:
        raise CliError(f"cannot read {source}: {error.strerror or error}") from None
    with open_store(data_dir, "gymtui program import") as store:
        library = load_library(store)
        ids = {exercise.id for exercise in library.exercises()}
        own = {p.id: p for p in library.own_programs}
        try:
            done = import_program(store.data_dir, text, ids, library.catalog.programs, own)
        except ProgramError as error:
            raise CliError(f"{source}: {error} (nothing stored)") from None
    program = done.program
    if done.renamed_from is not None:
        whose = "a shipped program" if done.clashed_with == "shipped" else "one of your programs"
        print(f"The id {done.renamed_from!r} is {whose}'s, which is never overwritten: imported as {program.id!r}.")
    print(f"Imported {program.name} ({program.id}, {len(program.days)} days) into {done.path}."
          f" To train it: gymtui program use {program.id}")
    return 0


def _copy(args: argparse.Namespace, data_dir: Path) -> int:
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", args.new_id) or len(args.new_id) > 80:
        raise CliError(f"NEW_ID {args.new_id!r}: use {ID_PATTERN_TEXT} (up to 80)", EXIT_USAGE)
    with open_store(data_dir, "gymtui program copy") as store:
        library = load_library(store)
        _warn_skipped(library)
        source = _find(library, args.program_id)
        try:
            copy = copy_program(store.data_dir, source, args.new_id, library.programs())
        except ProgramError as error:
            raise CliError(f"{error} (nothing stored)", EXIT_USAGE) from None
    print(f"Copied {source.name} to {copy.id!r} ({copy.name}), yours to change:"
          f" gymtui program export {copy.id} -o {copy.id}.json, edit it, then gymtui program import it back"
          f" (or use it as it is: gymtui program use {copy.id})")
    return 0


def run_block_command(args: argparse.Namespace, data_dir: Path) -> int:
    """`gymtui block start [--date DAY]`."""
    return run_block_start(args, data_dir, parse_day(args.date, pendulum.now().date()))


def run_block_start(args: argparse.Namespace, data_dir: Path, day: date) -> int:
    with open_store(data_dir, "gymtui block start") as store:
        library = load_library(store)
        settings = store.settings()
        monday = monday_of(day)
        store.save_settings(settings.model_copy(update={"program_start": monday}))
        program = library.program(settings.program)
    week, plan = week_plan_for(program.cycle, monday, pendulum.now().date())
    print(f"The block of {program.name} starts on Monday {monday}: today is week {week} of"
          f" {len(program.cycle)} ({plan.emphasis}). Logged sets are all kept.")
    return 0
