"""The `gymtui` command. Every error is one line on stderr and a non-zero exit."""

from __future__ import annotations

import argparse
import gc
import os
import re
import signal
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__
from .paths import resolve_data_dir

if TYPE_CHECKING:
    import pendulum

# The commands that start the app: they import only what its first frame needs (pendulum,
# pydantic and the store are imported after it, on the app's worker thread).
APP_COMMANDS = (None, "checklist")

EXIT_USAGE = 2
EXIT_FAILED = 1


class CliError(Exception):
    """A user-facing failure: message printed as is, exit code attached."""

    def __init__(self, message: str, code: int = EXIT_FAILED) -> None:
        super().__init__(message)
        self.code = code


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="gymtui",
        description="A terminal training companion: tempo timers, RPE-driven loads, mobility and recovery.",
        epilog="Run without a command to start the app. Data folder: --data-dir, else $GYMTUI_DATA_DIR,"
        " else the platform's user data folder.",
    )
    parser.add_argument("--version", action="version", version=f"gymtui {__version__}")
    parser.add_argument("--data-dir", metavar="DIR", help="folder holding your data (default: user data dir)")
    parser.add_argument("--touch", action="store_true",
                        help="big buttons to tap, for a touchscreen with no keyboard (also GYMTUI_TOUCH=1;"
                        " always on in gymtui serve)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    log = commands.add_parser("log", help="log sets, e.g.: gymtui log 'barbell row' 80x8@8.5 80x8@9")
    log.add_argument("exercise", help="exercise name, id or alias (quote names with spaces)")
    log.add_argument(
        "entries",
        nargs="+",
        metavar="ENTRY",
        help="LOADxREPS[@RPE]: 80x8@8.5, bw x12, 80kgx8, 175lbx5; timed: bw x45s, 32x40s",
    )
    log.add_argument("--tempo", help="tempo used, e.g. 3-1-1-0 or 31X0")
    log.add_argument("--type", dest="set_type", default="working", choices=["warmup", "working", "drop", "failure"])
    log.add_argument("--side", choices=["left", "right"], help="for one-sided exercises")
    log.add_argument("--date", help="YYYY-MM-DD, 'today' or 'yesterday' (default: today)")
    log.add_argument("--note", default="", help="a note stored with each set")

    export = commands.add_parser("export", help="export everything: json (lossless) or strong-csv")
    export.add_argument("--format", required=True, choices=["json", "strong-csv"])
    export.add_argument("-o", "--output", metavar="FILE", help="write to FILE (default: standard output)")
    export.add_argument("--unit", choices=["kg", "lb"], help="unit for strong-csv loads (default: settings)")

    imp = commands.add_parser("import", help="import a Strong, Hevy or FitNotes CSV export, or a gymtui JSON export")
    imp.add_argument("file", metavar="FILE", help="the exported file")
    imp.add_argument("--format", default="auto", choices=["auto", "strong", "hevy", "fitnotes"],
                     help="the app that wrote FILE (default: found from its header or content)")
    imp.add_argument("--unit", choices=["kg", "lb"], help="load unit, for files that do not say (Strong's comma file)")

    commands.add_parser("doctor", help="check every data file; exits non-zero naming any problem")

    commands.add_parser("checklist", help="open the app straight on the end-of-day checklist")

    restore = commands.add_parser(
        "restore", help="list backups, or put back the damaged or missing files from one (the rest are kept)")
    restore.add_argument("backup", nargs="?", help="backup folder name, e.g. 2026-11-20")
    restore.add_argument("--whole", action="store_true",
                         help="roll the whole folder back to the backup instead: says how many sets leave and asks")
    restore.add_argument("--yes", action="store_true", help="with --whole: do not ask (for scripts)")

    weight = commands.add_parser("bodyweight", help="record your bodyweight, e.g.: gymtui bodyweight 81.5")
    weight.add_argument("weight", nargs="?", metavar="WEIGHT",
                        help="81.5 (the settings' unit), 81.5kg or 180lb; without it, the recent ones are listed")
    weight.add_argument("--date", help="YYYY-MM-DD, 'today' or 'yesterday' (default: today)")

    nxt = commands.add_parser("next", help="the next session: loads, reps, RPE targets and why")
    nxt.add_argument("--json", action="store_true", help="a list of objects, one per exercise")
    nxt.add_argument("--day", metavar="DAY_ID", help="plan this program day instead of the next in turn")
    nxt.add_argument("--date", help="plan for YYYY-MM-DD, 'today' or 'yesterday' (default: today)")

    program = commands.add_parser("program", help="list, choose, export, import or copy training programs")
    actions = program.add_subparsers(dest="action", metavar="ACTION", required=True)
    actions.add_parser("list", help="the shipped programs and yours; * marks the one in use")
    use = actions.add_parser("use", help="train this program from now on (every logged set is kept)")
    use.add_argument("program_id", metavar="ID")
    out = actions.add_parser("export", help="write a program to a file you can edit and import")
    out.add_argument("program_id", metavar="ID")
    out.add_argument("-o", "--output", metavar="FILE", help="write to FILE (default: standard output)")
    into = actions.add_parser("import", help="check a program file and keep it as one of yours")
    into.add_argument("file", metavar="FILE")
    copy = actions.add_parser("copy", help="copy a program (a shipped one too) as one of yours to change")
    copy.add_argument("program_id", metavar="ID")
    copy.add_argument("new_id", metavar="NEW_ID", help="lower-case letters, digits and dashes")

    from .cli_exercises import add_exercise_parser

    add_exercise_parser(commands)

    block = commands.add_parser("block", help="the training block: start it on a day")
    block_actions = block.add_subparsers(dest="action", metavar="ACTION", required=True)
    start = block_actions.add_parser("start", help="week 1 of the block starts this week (or --date's week)")
    start.add_argument("--date", help="YYYY-MM-DD, 'today' or 'yesterday' (default: today)")

    serve = commands.add_parser("serve", help="serve the app to a web browser (e.g. a phone) with textual-serve")
    serve.add_argument("--host", default="127.0.0.1",
                       help="address to listen on (default 127.0.0.1: this machine only; another address"
                       " lets anyone who reaches it see and change your data, no password)")
    serve.add_argument("--port", type=int, default=8000, help="TCP port, 1-65535 (default 8000)")
    return parser


# Days a lifter can mean: older or later ones are typing slips (202-01-05, 9999-12-31), and
# planning far beyond them would overflow the calendar.
FIRST_YEAR, LAST_YEAR = 1900, 2100
ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def parse_day(text: str | None, today: pendulum.Date, *, future: bool = False) -> pendulum.Date:
    """An ISO date (YYYY-MM-DD), 'today' or 'yesterday'. Nothing is guessed: 05.01.2026 or
    1/2/2026 mean different days in different countries, so they are refused."""
    import pendulum

    word = "" if text is None else text.strip().lower()
    if text is None or word == "today":
        return today
    if word == "yesterday":
        return today.subtract(days=1)
    match = ISO_DAY.fullmatch(word)
    if match is None:
        raise CliError(f"--date {text!r}: write YYYY-MM-DD (e.g. {today.isoformat()}), 'today' or 'yesterday'",
                       EXIT_USAGE)
    year, month, day_of_month = (int(part) for part in match.groups())
    try:
        day = pendulum.date(year, month, day_of_month)
    except ValueError:
        raise CliError(f"--date {text!r}: write YYYY-MM-DD with a real month and day", EXIT_USAGE) from None
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise CliError(f"--date {text!r}: the year must be between {FIRST_YEAR} and {LAST_YEAR}", EXIT_USAGE)
    if day > today and not future:
        raise CliError(f"--date {day}: that is in the future", EXIT_USAGE)
    return day


def main(argv: Sequence[str] | None = None) -> int:
    from .domain.local_zone import settle_local_timezone

    parser = build_parser()
    args = parser.parse_args(argv)
    data_dir = resolve_data_dir(args.data_dir)
    if args.command not in APP_COMMANDS:  # the app settles it as it opens, and says it on its screen
        zone_note = settle_local_timezone()
        if zone_note:
            print(f"gymtui: warning: {zone_note}", file=sys.stderr)
    handlers: dict[str | None, Callable[[argparse.Namespace, Path], int]] = {
        None: _run_app,
        "log": _cmd_log,
        "export": _cmd_export,
        "import": _cmd_import,
        "doctor": _cmd_doctor,
        "restore": _cmd_restore,
        "checklist": _cmd_checklist,
        "next": _cmd_next,
        "bodyweight": _cmd_bodyweight,
        "serve": _cmd_serve,
        "program": _cmd_program,
        "exercise": _cmd_exercise,
        "block": _cmd_block,
    }
    try:
        code = handlers[args.command](args, data_dir)
        sys.stdout.flush()  # a reader gone early shows here, in the try, not at exit
        return code
    except BrokenPipeError:
        return _reader_gone()
    except CliError as error:
        print(f"gymtui: {error}", file=sys.stderr)
        return error.code
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # a one-line message, never a traceback
        from .domain.catalog import CatalogError
        from .store import StoreError

        if isinstance(error, (StoreError, CatalogError, OSError)):
            print(f"gymtui: {error}", file=sys.stderr)
            return EXIT_FAILED
        raise


def _reader_gone() -> int:
    """The reader of our output closed the pipe (`gymtui next --json | head`): end quietly,
    with the status of a tool ended by SIGPIPE, as `seq 1000000 | head` does."""
    try:
        # What is still buffered for stdout would fail again when Python flushes it at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass  # stdout is not a file (tests capture it): nothing is flushed to a pipe at exit
    return 128 + getattr(signal, "SIGPIPE", 13)  # 13 where the signal is not named (Windows)


def _open_store(data_dir: Path, purpose: str, *, reads_only: bool = False):
    """The store, holding the folder's write lock. A command that only reads (`reads_only`)
    still works on a folder that cannot be written (a failing card remounted read-only):
    it reads without the lock, and says so."""
    from .store import ReadOnlyFolderError, Store

    try:
        return Store.open(data_dir, purpose=purpose)
    except ReadOnlyFolderError as error:
        if not reads_only:
            raise
        print(f"gymtui: note: {data_dir} cannot be written ({error.reason}): reading it as it is,"
              " without the write lock", file=sys.stderr)
        return Store.open_read_only(data_dir, error.reason)


def _cmd_log(args: argparse.Namespace, data_dir: Path) -> int:
    import pendulum

    from .domain.common import describe_error
    from .domain.entry import EntryError, parse_entries
    from .domain.tempo import TempoError, parse_tempo
    from .domain.units import format_load
    from .services.context import load_library
    from .services.exercises import add_hint
    from .services.logging import log_entries, off_step_warnings
    from .store import StoreError

    now = pendulum.now()
    day = parse_day(args.date, now.date())
    if args.tempo:
        try:
            parse_tempo(args.tempo)
        except TempoError as error:
            raise CliError(f"--tempo: {error}", EXIT_USAGE) from None
    with _open_store(data_dir, "gymtui log") as store:
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


def _cmd_export(args: argparse.Namespace, data_dir: Path) -> int:
    from .services.transfer import export_text
    from .store.atomic import atomic_write_bytes

    with _open_store(data_dir, "gymtui export", reads_only=True) as store:
        text = export_text(store, args.format, unit=args.unit)
    if args.output:
        target = Path(args.output).expanduser()
        try:
            atomic_write_bytes(target, text.encode("utf-8"))
        except OSError as error:  # written to a temp file first: the target is untouched
            raise CliError(f"could not write {target}: {error.strerror or error}; it is as it was") from None
        print(f"Wrote {target} ({args.format})", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


def _cmd_import(args: argparse.Namespace, data_dir: Path) -> int:
    import pendulum

    from .services.transfer import import_path

    with _open_store(data_dir, "gymtui import") as store:
        store.backup_if_due()  # today's backup holds what was there before the import
        zone = pendulum.now().timezone_name or "UTC"
        outcome = import_path(store, args.file, fmt=args.format, unit=args.unit, tz=zone)
    if not outcome.ok:
        raise CliError(f"{outcome.error} (nothing stored)")
    print(outcome.summary())
    return 0


def _cmd_doctor(args: argparse.Namespace, data_dir: Path) -> int:
    import pendulum

    from .domain.catalog import CatalogError
    from .store.catalog_files import load_catalog
    from .store.doctor import check_data_dir

    problems = 0
    try:
        load_catalog()
        print("library: ok")
    except CatalogError as error:
        print(f"error: library {error}")
        problems += 1
    # Program files are checked there too, by the rules the app reads them with.
    findings = check_data_dir(data_dir, pendulum.now().date())
    for finding in findings:
        print(f"{finding.level}: {finding.message}")
        problems += finding.level == "error"
    if problems:
        print(f"{problems} problem{'s' if problems > 1 else ''} found in {data_dir}")
        return EXIT_FAILED
    print(f"data: ok ({data_dir})")
    return 0


def _cmd_restore(args: argparse.Namespace, data_dir: Path) -> int:
    import pendulum

    from .store.backup import backup_problem, dated_ahead, list_backups
    from .store.lock import DataLock
    from .store.restore import finish_interrupted_restores, plan_restore, restore_backup

    found = list_backups(data_dir)
    if args.backup is None:
        if not found:
            print(f"no backups in {data_dir}")
        ahead = set(dated_ahead(data_dir, pendulum.now().date()))
        for backup in found:
            problem = backup_problem(backup, deep=False)
            notes = ([f"cannot be used, {problem}"] if problem else []) + (
                ["dated ahead of today: made while the clock was wrong?"] if backup in ahead else [])
            print(backup.name + (f"  ({'; '.join(notes)})" if notes else ""))
        return 0
    chosen = next((b for b in found if b.name == args.backup), None)
    if chosen is None:
        raise CliError(f"no backup named {args.backup!r}; run 'gymtui restore' to list them", EXIT_USAGE)
    lock = DataLock(data_dir)
    lock.acquire("gymtui restore")
    try:
        finish_interrupted_restores(data_dir)
        plan = plan_restore(data_dir, chosen, whole=args.whole)  # a damaged backup is refused here
        if args.whole and not args.yes:
            print(plan.rollback_warning())
            if not sys.stdin.isatty():
                raise CliError("add --yes to roll back without being asked; nothing was changed", EXIT_USAGE)
            if input("Roll back the whole folder? Type yes to go on: ").strip().lower() not in ("y", "yes"):
                print("Nothing was changed.")
                return 0
        done = restore_backup(data_dir, chosen, plan=plan)
    finally:
        lock.release()
    print(done.summary())
    if not args.whole and not plan.put_back and not plan.no_copy:
        print(f"To roll the whole folder back to {chosen.name} instead: gymtui restore {chosen.name} --whole")
    return 0


def _cmd_next(args: argparse.Namespace, data_dir: Path) -> int:
    import json

    import pendulum

    from .services.context import load_library
    from .services.next_report import report_rows, report_text
    from .services.planning import plan_session

    # Planning ahead is allowed: a date in the future is fine here, unlike for logging.
    day = parse_day(args.date, pendulum.now().date(), future=True)
    with _open_store(data_dir, "gymtui next", reads_only=True) as store:
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


def _cmd_bodyweight(args: argparse.Namespace, data_dir: Path) -> int:
    import pendulum

    from .domain.bodyweight import BodyweightError
    from .domain.units import format_load
    from .services.bodyweight import parse_bodyweight, recent_bodyweights, record_bodyweight

    now = pendulum.now()
    day = parse_day(args.date, now.date())
    with _open_store(data_dir, "gymtui bodyweight") as store:
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


def _cmd_program(args: argparse.Namespace, data_dir: Path) -> int:
    from .cli_programs import run_program_command

    return run_program_command(args, data_dir)


def _cmd_exercise(args: argparse.Namespace, data_dir: Path) -> int:
    from .cli_exercises import run_exercise_command

    return run_exercise_command(args, data_dir)


def _cmd_block(args: argparse.Namespace, data_dir: Path) -> int:
    import pendulum

    from .cli_programs import run_block_start

    return run_block_start(args, data_dir, parse_day(args.date, pendulum.now().date()))


def _cmd_checklist(args: argparse.Namespace, data_dir: Path) -> int:
    paused_gc()
    from .ui.app import run_app

    return run_app(data_dir, start_section="c", touch=touch_wanted(args))


def _cmd_serve(args: argparse.Namespace, data_dir: Path) -> int:
    from .serve import serve

    return serve(data_dir, args.host, args.port)


def touch_wanted(args: argparse.Namespace) -> bool:
    """--touch, or GYMTUI_TOUCH=1 (for a kiosk started by a script)."""
    return bool(args.touch) or os.environ.get("GYMTUI_TOUCH", "").strip().lower() in ("1", "yes", "true", "on")


def _run_app(args: argparse.Namespace, data_dir: Path) -> int:
    paused_gc()
    from .ui.app import run_app

    return run_app(data_dir, touch=touch_wanted(args))


def paused_gc() -> None:
    """No cycle collection while the app starts: imports and the first plan make hundreds of
    thousands of objects and almost no cyclic garbage, and the collector's passes over them
    were a quarter of the start-up's work. The app turns it on again once Today's plan is
    drawn (GymApp.first_screen_drawn), or as it ends, however it ends (run_app)."""
    gc.disable()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
