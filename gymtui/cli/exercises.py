"""`gymtui exercise add|list|edit|retire`: the lifter's own exercises from the command line."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from ..domain.vocabulary import KINDS, PATTERN_LABELS, PATTERNS

if TYPE_CHECKING:
    from ..domain.library import Exercise

ADD_EXAMPLE = "gymtui exercise add 'NAME' --pattern squat --equipment dumbbell --unilateral"


def on_off(sub: argparse.ArgumentParser, dest: str, on: str, on_help: str, off: str, off_help: str, *,
           adding: bool) -> None:
    """A yes/no property as a flag; an edit also gets the flag that turns it back off (a new
    exercise starts with it off, so `add` has no use for that one)."""
    group = sub.add_mutually_exclusive_group()
    group.add_argument(on, dest=dest, action="store_const", const=True, help=on_help)
    if not adding:
        group.add_argument(off, dest=dest, action="store_const", const=False, help=off_help)


EXERCISE_HELP = "add, list, change or retire exercises of your own"


def fill_exercise_parser(parser: argparse.ArgumentParser) -> None:
    from .parser import commands_of

    actions = commands_of(parser, "action", "ACTION", required=True)
    patterns, kinds = ", ".join(PATTERNS), ", ".join(KINDS)

    def fields(sub: argparse.ArgumentParser, *, adding: bool) -> None:
        sub.add_argument("--pattern", required=False, help=f"movement pattern: {patterns}")
        sub.add_argument("--equipment", required=False,
                         help=f"{kinds} (dumbbell loads are per hand; weighted-bodyweight logs the added load)")
        on_off(sub, "unilateral", "--unilateral", "one side at a time (logged per side)",
               "--bilateral", "both sides together", adding=adding)
        sub.add_argument("--tempo", help="default tempo, e.g. 3-1-1-0 or 31X0")
        on_off(sub, "starts_concentric", "--concentric-first",
               "a rep starts with the lift (a deadlift, a curl), not the lowering",
               "--lowering-first", "a rep starts with the lowering (a squat, a bench press)", adding=adding)
        sub.add_argument("--alias", dest="aliases", action="append", metavar="ALIAS",
                         help="another name it goes by (repeat for more)")
        on_off(sub, "timed", "--timed", "measured in seconds or distance, not reps (holds, carries)",
               "--not-timed", "measured in reps", adding=adding)
        sub.add_argument("--seconds", type=int, metavar="S", help="a hold's usual length in seconds")
        sub.add_argument("--step", metavar="KG", help="machine or cable load step: 2.5, 2.5kg or 5lb")
        sub.add_argument("--cue", dest="cues", action="append", metavar="TEXT",
                         help="a technique cue in your words (up to 3; repeat the option)")

    def add(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("name", metavar="NAME", help="what you call it (quote names with spaces)")
        fields(sub, adding=True)

    def edit(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("name", metavar="NAME", help="its name, alias or id now")
        sub.add_argument("--name", dest="new_name", metavar="NEW_NAME", help="rename it")
        fields(sub, adding=False)

    def retire(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("name", metavar="NAME", help="its name, alias or id")
        sub.add_argument("--undo", action="store_true", help="offer it again")

    actions.add_later("add", "add an exercise of your own", add, epilog=f"e.g. {ADD_EXAMPLE}")
    actions.add_later("list", "every exercise you can log, or only yours",
                      lambda sub: sub.add_argument("--mine", action="store_true",
                                                   help="only your own, retired ones too"))
    actions.add_later("edit", "change one of your exercises (its logged sets stay with it)", edit)
    actions.add_later("retire", "stop offering one of your exercises for new plans (its history stays)", retire)


def _changes(args: argparse.Namespace):
    from ..services.exercises import Changes

    return Changes(
        name=getattr(args, "new_name", None) if args.action == "edit" else args.name,
        pattern=args.pattern, equipment=args.equipment, unilateral=args.unilateral, tempo=args.tempo,
        aliases=args.aliases, timed=args.timed, step=args.step, cues=args.cues, seconds=args.seconds,
        starts_concentric=args.starts_concentric,
    )


def describe(exercise: Exercise, *, yours: bool = True) -> str:
    """One line: name, equipment and what sets it apart (`yours`: say when it is the lifter's)."""
    from ..services.exercises import kind_of

    flags = [word for word, on in (("one-sided", exercise.unilateral), ("timed", exercise.timed),
                                   ("yours", exercise.custom and yours), ("retired", exercise.retired)) if on]
    if exercise.step_kg:
        flags.append(f"step {exercise.step_kg:g} kg")
    return f"{exercise.name:<36} {', '.join([kind_of(exercise), *flags])}"


def run_exercise_command(args: argparse.Namespace, data_dir: Path) -> int:
    from ..services.context import load_library
    from ..services.exercises import ExerciseError, add_exercise, edit_exercise, retire_exercise
    from .common import EXIT_USAGE, CliError, open_store

    reads_only = args.action == "list"
    with open_store(data_dir, f"gymtui exercise {args.action}", reads_only=reads_only) as store:
        library = load_library(store)
        try:
            if args.action == "add":
                exercise = add_exercise(store, library, _changes(args))
                print(f"Added {exercise.name} (id {exercise.id}), a {PATTERN_LABELS[exercise.pattern]} exercise:")
                print(f"  {describe(exercise)}")
                print(f"Log it with: gymtui log '{exercise.name}' 20x10@8")
            elif args.action == "edit":
                exercise = edit_exercise(store, library, args.name, _changes(args))
                print(f"Changed {exercise.name}; its logged sets stay with it.")
                print(f"  {describe(exercise)}")
            elif args.action == "retire":
                exercise = retire_exercise(store, library, args.name, back=args.undo)
                if args.undo:
                    print(f"{exercise.name} is offered again.")
                else:
                    print(f"Retired {exercise.name}: not offered for new plans. Its logged sets stay in"
                          f" your history; gymtui exercise retire '{exercise.name}' --undo brings it back.")
            else:
                _list(library, mine=args.mine)
        except ExerciseError as error:
            raise CliError(f"{error} (nothing saved)", EXIT_USAGE) from None
    return 0


def _list(library, *, mine: bool) -> None:
    exercises = [e for e in library.exercises() if e.custom or not mine]
    shown = exercises if mine else library.offered()
    if not shown:
        print(f"No exercises of your own yet. Add one: {ADD_EXAMPLE}")
        return
    # Grouped by movement pattern, in the order the patterns are listed everywhere else.
    order = {pattern: index for index, pattern in enumerate(PATTERN_LABELS)}
    shown.sort(key=lambda e: (order.get(e.pattern, len(order)), e.name.casefold()))
    pattern = None
    for exercise in shown:
        if exercise.pattern != pattern:
            pattern = exercise.pattern
            print(PATTERN_LABELS.get(pattern, pattern).capitalize())
        print("  " + describe(exercise, yours=not mine))
    retired = len(exercises) - len(shown)
    if retired:
        print(f"({retired} retired, not listed: gymtui exercise list --mine shows them)")
