"""`gymtui log`, `gymtui bodyweight` and `gymtui next`: training from the command line."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .common import EXIT_USAGE, CliError, open_store, parse_day


def log_command(args: argparse.Namespace, data_dir: Path) -> int:
    import pendulum

    from ..domain.common import describe_error
    from ..domain.entry import EntryError, parse_entries
    from ..domain.tempo import TempoError, parse_tempo
    from ..domain.units import format_load
    from ..services.context import load_library
    from ..services.exercises import add_hint
    from ..services.logging import log_entries, off_step_warnings
    from ..store import StoreError

    now = pendulum.now()
    day = parse_day(args.date, now.date())
    if args.tempo:
        try:
            parse_tempo(args.tempo)
        except TempoError as error:
            raise CliError(f"--tempo: {error}", EXIT_USAGE) from None
    with open_store(data_dir, "gymtui log") as store:
        library = load_library(store)
        exercise = library.find(args.exercise)
        if exercise is None:
            near = library.suggest(args.exercise)
            hint = f"; did you mean: {', '.join(near)}?" if near else "."
            raise CliError(f"unknown exercise {args.exercise!r} (nothing stored){hint} {add_hint(args.exercise)}",
                           EXIT_USAGE)
        settings = store.settings()
        try:
            entries = parse_entries(args.entries, settings.unit)
        except EntryError as error:
            raise CliError(f"{error} (nothing stored)", EXIT_USAGE) from None
        warnings = off_step_warnings(exercise, entries, settings)
        try:
            _session, stored = log_entries(
                store, exercise, entries, day=day, now=now, tempo=args.tempo, set_type=args.set_type,
                side=args.side, note=args.note,
            )
        except ValueError as error:  # pydantic validation of a set
            raise CliError(f"{describe_error(error)} (nothing stored)", EXIT_USAGE) from None
        try:
            store.backup_if_due()
            backup_problem = None
        except StoreError as error:  # the sets are stored: say so first, then what the backup met
            backup_problem = error
    print(f"Stored {len(stored)} {args.set_type} set{'s' if len(stored) != 1 else ''} of {exercise.name} on {day}:")
    for logged in stored:
        rpe = f" @ {logged.rpe:g}" if logged.rpe is not None else ""
        side = f" ({logged.side})" if logged.side else ""
        work = f"{logged.seconds:g} s" if logged.reps is None and logged.seconds else f"{logged.reps}"
        print(f"  {format_load(logged.load, logged.unit)} x {work}{rpe}{side}")
    for warning in warnings:
        print(f"gymtui: warning: {warning}", file=sys.stderr)
    if backup_problem is not None:
        print(f"gymtui: warning: today's backup was not made: {backup_problem}", file=sys.stderr)
    return 0


def bodyweight_command(args: argparse.Namespace, data_dir: Path) -> int:
    import pendulum

    from ..domain.bodyweight import BodyweightError
    from ..domain.units import format_load
    from ..services.bodyweight import parse_bodyweight, recent_bodyweights, record_bodyweight

    now = pendulum.now()
    day = parse_day(args.date, now.date())
    with open_store(data_dir, "gymtui bodyweight") as store:
        settings = store.settings()
        if args.weight is None:
            notes = recent_bodyweights(store, now.date())
            for note in notes[:10]:
                assert note.bodyweight is not None
                print(f"{note.date}  {format_load(note.bodyweight, note.bodyweight_unit)}")
            if settings.bodyweight_kg is not None:
                print(f"in settings: {format_load(settings.bodyweight_kg, 'kg')}")
            elif not notes:
                print("no bodyweight yet: gymtui bodyweight 81.5 records one")
            return 0
        try:
            value, unit = parse_bodyweight(args.weight, settings.unit)
        except BodyweightError as error:
            raise CliError(f"{error} (nothing stored)", EXIT_USAGE) from None
        record_bodyweight(store, value, unit, day, now)
    print(f"Bodyweight {format_load(value, unit)} on {day}")
    return 0


def next_command(args: argparse.Namespace, data_dir: Path) -> int:
    import json

    import pendulum

    from ..services.context import load_library
    from ..services.next_report import report_rows, report_text
    from ..services.planning import plan_session

    # Planning ahead is allowed: a date in the future is fine here, unlike for logging.
    day = parse_day(args.date, pendulum.now().date(), future=True)
    with open_store(data_dir, "gymtui next", reads_only=True) as store:
        settings = store.settings()
        library = load_library(store)
        program = library.program(settings.program)
        chosen = None
        if args.day is not None:
            chosen = next((d for d in program.days if d.id == args.day), None)
            if chosen is None:
                days = ", ".join(d.id for d in program.days)
                raise CliError(f"unknown day {args.day!r}: {program.name} has {days}", EXIT_USAGE)
        plan = plan_session(store, library, settings, day, chosen)
    if args.json:
        print(json.dumps(report_rows(plan), indent=2, ensure_ascii=False))
    else:
        sys.stdout.write(report_text(plan))
    return 0
