"""The `gymtui` command: parse the arguments, run the subcommand, and turn every error into
one line on stderr and a non-zero exit.

Each subcommand lives in its own module and is imported only when it runs, so starting the
app imports nothing a subcommand needs: `parser` (the arguments), `start` (the app, the
checklist, serve), `journal` (log, bodyweight, next), `folder` (export, import, doctor,
restore), `programs` (program, block), `exercises` (exercise); `common` holds what they share.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from ..paths import resolve_data_dir
from .common import EXIT_FAILED, EXIT_USAGE, CliError, parse_day
from .parser import build_parser

# The commands that start the app: they import only what its first frame needs (pendulum,
# pydantic and the store are imported after it, on the app's worker thread).
APP_COMMANDS = (None, "checklist")

Command = Callable[[argparse.Namespace, Path], int]


def main(argv: Sequence[str] | None = None) -> int:
    from ..domain.local_zone import settle_local_timezone

    parser = build_parser()
    args = parser.parse_args(argv)
    data_dir = resolve_data_dir(args.data_dir)
    if args.command not in APP_COMMANDS:  # the app settles it as it opens, and says it on its screen
        zone_note = settle_local_timezone()
        if zone_note:
            print(f"gymtui: warning: {zone_note}", file=sys.stderr)
    try:
        code = command_for(args.command)(args, data_dir)
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
        from ..domain.catalog import CatalogError
        from ..store import StoreError

        if isinstance(error, (StoreError, CatalogError, OSError)):
            print(f"gymtui: {error}", file=sys.stderr)
            return EXIT_FAILED
        raise


def command_for(name: str | None) -> Command:
    """The function that runs the subcommand `name` (None: the app), its module imported now."""
    if name in (None, "checklist", "serve"):
        from . import start

        return {None: start.run_app_command, "checklist": start.checklist_command, "serve": start.serve_command}[name]
    if name in ("log", "bodyweight", "next"):
        from . import journal

        return {"log": journal.log_command, "bodyweight": journal.bodyweight_command,
                "next": journal.next_command}[name]
    if name in ("export", "import", "doctor", "restore"):
        from . import folder

        return {"export": folder.export_command, "import": folder.import_command, "doctor": folder.doctor_command,
                "restore": folder.restore_command}[name]
    if name in ("program", "block"):
        from . import programs

        return programs.run_program_command if name == "program" else programs.run_block_command
    if name == "exercise":
        from .exercises import run_exercise_command

        return run_exercise_command
    raise KeyError(name)  # argparse only lets the names above through


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


__all__ = ["EXIT_FAILED", "EXIT_USAGE", "CliError", "build_parser", "main", "parse_day"]
