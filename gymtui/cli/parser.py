"""The `gymtui` command line: every subcommand, its arguments and their help."""

from __future__ import annotations

import argparse

from .. import __version__


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

    from .exercises import add_exercise_parser

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
