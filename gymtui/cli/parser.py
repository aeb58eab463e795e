"""The `gymtui` command line: every subcommand, its arguments and their help.

Each subcommand's parser is made only when that command is the one given (`LaterCommands`):
making all two dozen of them, with their arguments, cost more than a quick command's own work,
as argparse looks up its message translations again for every parser and argument."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from .. import __version__

Fill = Callable[[argparse.ArgumentParser], object]


if TYPE_CHECKING:
    _Commands = argparse._SubParsersAction[argparse.ArgumentParser]
else:  # not subscriptable when running
    _Commands = argparse._SubParsersAction


class LaterCommands(_Commands):
    """Subcommands listed (names and help) at once, each parser made and filled when given."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._later: dict[str, tuple[Fill, dict[str, Any]]] = {}
        # What argparse checks a command against: every name, its parser made or not.
        self._names: dict[str, Any] = {}
        self.choices = self._names

    def add_later(self, name: str, help: str, fill: Fill = lambda parser: None, **kwargs: Any) -> None:
        """`name` and its help are listed now; its parser (`kwargs`), filled by `fill`, is made
        when the command is given."""
        self._choices_actions.append(self._ChoicesPseudoAction(name, (), help))
        self._names[name] = None  # its parser goes in _name_parser_map once made
        self._later[name] = (fill, kwargs)

    def parser_of(self, name: str) -> argparse.ArgumentParser:
        later = self._later.pop(name, None)
        if later is not None:
            fill, kwargs = later
            fill(self.add_parser(name, **kwargs))  # no help here: it is listed already
        parser: argparse.ArgumentParser = self._name_parser_map[name]
        return parser

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: str | Sequence[Any] | None, option_string: str | None = None) -> None:
        assert isinstance(values, list) and values
        self.parser_of(values[0])
        super().__call__(parser, namespace, values, option_string)


def commands_of(parser: argparse.ArgumentParser, dest: str, metavar: str, **kwargs: Any) -> LaterCommands:
    commands = parser.add_subparsers(dest=dest, metavar=metavar, action=LaterCommands, **kwargs)
    assert isinstance(commands, LaterCommands)
    return commands


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
    commands = commands_of(parser, "command", "COMMAND")
    commands.add_later("log", "log sets, e.g.: gymtui log 'barbell row' 80x8@8.5 80x8@9", _log)
    commands.add_later("export", "export everything: json (lossless) or strong-csv", _export)
    commands.add_later("import", "import a Strong, Hevy or FitNotes CSV export, or a gymtui JSON export", _import)
    commands.add_later("doctor", "check every data file; exits non-zero naming any problem")
    commands.add_later("checklist", "open the app straight on the end-of-day checklist")
    commands.add_later(
        "restore", "list backups, or put back the damaged or missing files from one (the rest are kept)", _restore)
    commands.add_later("bodyweight", "record your bodyweight, e.g.: gymtui bodyweight 81.5", _bodyweight)
    commands.add_later("next", "the next session: loads, reps, RPE targets and why", _next)
    commands.add_later("program", "list, choose, export, import or copy training programs", _program)

    from .exercises import EXERCISE_HELP, fill_exercise_parser

    commands.add_later("exercise", EXERCISE_HELP, fill_exercise_parser)
    commands.add_later("block", "the training block: start it on a day", _block)
    commands.add_later("serve", "serve the app to a web browser (e.g. a phone) with textual-serve", _serve)
    return parser


def _log(log: argparse.ArgumentParser) -> None:
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


def _export(export: argparse.ArgumentParser) -> None:
    export.add_argument("--format", required=True, choices=["json", "strong-csv"])
    export.add_argument("-o", "--output", metavar="FILE", help="write to FILE (default: standard output)")
    export.add_argument("--unit", choices=["kg", "lb"], help="unit for strong-csv loads (default: settings)")


def _import(imp: argparse.ArgumentParser) -> None:
    imp.add_argument("file", metavar="FILE", help="the exported file")
    imp.add_argument("--format", default="auto", choices=["auto", "strong", "hevy", "fitnotes"],
                     help="the app that wrote FILE (default: found from its header or content)")
    imp.add_argument("--unit", choices=["kg", "lb"], help="load unit, for files that do not say (Strong's comma file)")


def _restore(restore: argparse.ArgumentParser) -> None:
    restore.add_argument("backup", nargs="?", help="backup folder name, e.g. 2026-11-20")
    restore.add_argument("--whole", action="store_true",
                         help="roll the whole folder back to the backup instead: says how many sets leave and asks")
    restore.add_argument("--yes", action="store_true", help="with --whole: do not ask (for scripts)")


def _bodyweight(weight: argparse.ArgumentParser) -> None:
    weight.add_argument("weight", nargs="?", metavar="WEIGHT",
                        help="81.5 (the settings' unit), 81.5kg or 180lb; without it, the recent ones are listed")
    weight.add_argument("--date", help="YYYY-MM-DD, 'today' or 'yesterday' (default: today)")


def _next(nxt: argparse.ArgumentParser) -> None:
    nxt.add_argument("--json", action="store_true", help="a list of objects, one per exercise")
    nxt.add_argument("--day", metavar="DAY_ID", help="plan this program day instead of the next in turn")
    nxt.add_argument("--date", help="plan for YYYY-MM-DD, 'today' or 'yesterday' (default: today)")


def _program(program: argparse.ArgumentParser) -> None:
    actions = commands_of(program, "action", "ACTION", required=True)
    actions.add_later("list", "the shipped programs and yours; * marks the one in use")
    actions.add_later("use", "train this program from now on (every logged set is kept)",
                      lambda use: use.add_argument("program_id", metavar="ID"))

    def export(out: argparse.ArgumentParser) -> None:
        out.add_argument("program_id", metavar="ID")
        out.add_argument("-o", "--output", metavar="FILE", help="write to FILE (default: standard output)")

    actions.add_later("export", "write a program to a file you can edit and import", export)
    actions.add_later("import", "check a program file and keep it as one of yours",
                      lambda into: into.add_argument("file", metavar="FILE"))

    def copy(copy: argparse.ArgumentParser) -> None:
        copy.add_argument("program_id", metavar="ID")
        copy.add_argument("new_id", metavar="NEW_ID", help="lower-case letters, digits and dashes")

    actions.add_later("copy", "copy a program (a shipped one too) as one of yours to change", copy)


def _block(block: argparse.ArgumentParser) -> None:
    actions = commands_of(block, "action", "ACTION", required=True)
    actions.add_later("start", "week 1 of the block starts this week (or --date's week)",
                      lambda start: start.add_argument("--date", help="YYYY-MM-DD, 'today' or 'yesterday'"
                                                       " (default: today)"))


def _serve(serve: argparse.ArgumentParser) -> None:
    serve.add_argument("--host", default="127.0.0.1",
                       help="address to listen on (default 127.0.0.1: this machine only; another address"
                       " lets anyone who reaches it see and change your data, no password)")
    serve.add_argument("--port", type=int, default=8000, help="TCP port, 1-65535 (default 8000)")
