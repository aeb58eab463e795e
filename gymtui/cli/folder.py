"""`gymtui export`, `import`, `doctor` and `restore`: the data folder as a whole."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .common import EXIT_FAILED, EXIT_USAGE, CliError, open_store


def export_command(args: argparse.Namespace, data_dir: Path) -> int:
    from ..services.transfer import export_text
    from ..store.atomic import atomic_write_bytes

    with open_store(data_dir, "gymtui export", reads_only=True) as store:
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



def import_command(args: argparse.Namespace, data_dir: Path) -> int:
    import pendulum

    from ..services.transfer import import_path

    with open_store(data_dir, "gymtui import") as store:
        store.backup_if_due()  # today's backup holds what was there before the import
        zone = pendulum.now().timezone_name or "UTC"
        outcome = import_path(store, args.file, fmt=args.format, unit=args.unit, tz=zone)
    if not outcome.ok:
        raise CliError(f"{outcome.error} (nothing stored)")
    print(outcome.summary())
    return 0



def doctor_command(args: argparse.Namespace, data_dir: Path) -> int:
    import pendulum

    from ..domain.catalog import CatalogError
    from ..store.catalog_files import load_catalog
    from ..store.doctor import check_data_dir

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



def restore_command(args: argparse.Namespace, data_dir: Path) -> int:
    import pendulum

    from ..store.backup import backup_problem, dated_ahead, list_backups
    from ..store.lock import DataLock
    from ..store.restore import finish_interrupted_restores, restore_backup
    from ..store.restore_plan import plan_restore

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
