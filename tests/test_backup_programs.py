"""Program files in backups, restores (damaged or missing files, and --whole) and the doctor:
copied every day, checked with the program rules, a broken one named and left out, never
fatal."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pendulum
import pytest

from gymtui.cli import main
from gymtui.domain.journal import LoggedSet, Session
from gymtui.services.programs import save_own_program
from gymtui.store import Store
from gymtui.store.backup import backup_problem, left_out, list_backups, make_backup
from gymtui.store.catalog_files import load_catalog

NOW = pendulum.datetime(2026, 11, 16, 18, 30, tz="Europe/Paris")
MINE, OTHER, BROKEN = "programs/mine.json", "programs/other.json", "programs/broken.json"


@pytest.fixture
def filled(data_dir):
    """A store with a session and its sets, and yesterday's daily backup."""
    yesterday = NOW.subtract(days=1)
    with Store.open(data_dir, now=lambda: yesterday) as store:
        session = store.save_session(Session(date=NOW.date(), started_at=NOW, name="Horizontal pull"))
        for reps in (8, 7):
            store.add_set(LoggedSet(session_id=session.id, exercise="bent-over-row", load=80, reps=reps, logged_at=NOW))
        store.backup_if_due()
    return data_dir


def run(capsys, data_dir: Path, *args: str) -> tuple[int, str]:
    code = main(["--data-dir", str(data_dir), *args])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def programs(data_dir: Path) -> None:
    """Two programs of the lifter's and a broken file beside them."""
    shipped = load_catalog().programs["upper-back-posterior-chain"]
    save_own_program(data_dir, shipped.model_copy(update={"id": "mine", "name": "Mine"}))
    save_own_program(data_dir, shipped.model_copy(update={"id": "other", "name": "Other"}))
    (data_dir / BROKEN).write_text('{"id": "broken", "days": [', encoding="utf-8")


def backed_up(data_dir: Path, label: str = "manual") -> Path:
    return make_backup(data_dir, label, keep=7)


def rewrite_in_backup(backup: Path, name: str, text: str) -> None:
    """Change a backed-up file and its manifest entry together (a copy that was valid for
    another library: the backup itself stays whole)."""
    (backup / name).write_text(text, encoding="utf-8")
    manifest = json.loads((backup / "manifest.json").read_text())
    data = (backup / name).read_bytes()
    manifest["files"][name] = {"size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
    (backup / "manifest.json").write_text(json.dumps(manifest))


def test_the_daily_backup_copies_programs_and_leaves_out_a_broken_one_named(data_dir):
    programs(data_dir)
    with Store.open(data_dir, now=lambda: NOW) as store:
        store.backup_if_due()
    (backup,) = list_backups(data_dir)
    assert (backup / MINE).read_bytes() == (data_dir / MINE).read_bytes()
    assert (backup / OTHER).is_file() and not (backup / BROKEN).exists()
    assert list(left_out(backup)) == [BROKEN] and left_out(backup)[BROKEN]
    assert backup_problem(backup) is None


def test_the_doctor_names_a_broken_program_once_and_a_missing_one_a_backup_has(filled, capsys):
    programs(filled)
    backup = backed_up(filled)
    (filled / MINE).unlink()
    code, out = run(capsys, filled, "doctor")
    assert code == 1
    assert out.count(f"{BROKEN}:") == 2  # the file, and the backup that left it out
    assert "(skipped until it is fixed)" in out
    assert f"backup {backup.name} left out {BROKEN}, which did not validate" in out
    assert f"{filled / MINE} is missing (one of your programs); the backup {backup.name} has it" in out


def test_a_restore_puts_back_a_missing_and_a_damaged_program_file(filled, capsys):
    programs(filled)
    backup = backed_up(filled)
    kept = (filled / OTHER).read_bytes()
    (filled / MINE).unlink()
    (filled / OTHER).write_text('{"id": "other", "name": "Other", "days": []', encoding="utf-8")
    code, out = run(capsys, filled, "restore", backup.name)
    assert code == 0, out
    assert f"{MINE} (missing)" in out and f"{OTHER} (damaged)" in out
    assert (filled / MINE).read_bytes() == (backup / MINE).read_bytes() and (filled / OTHER).read_bytes() == kept
    assert f"{BROKEN}" in out and "the backup has no good copy" in out  # still broken, never fatal


def test_a_whole_rollback_brings_the_backups_programs_and_leaves_out_one_that_does_not_validate(filled, capsys):
    programs(filled)
    backup = backed_up(filled)
    rewrite_in_backup(backup, OTHER, (backup / OTHER).read_text().replace('"face-pull"', '"no-such-exercise"', 1))
    (filled / MINE).unlink()
    save_own_program(filled, load_catalog().programs["minimal-two-day"].model_copy(update={"id": "newer"}))
    code, out = run(capsys, filled, "restore", backup.name, "--whole", "--yes")
    assert code == 0, out
    assert (filled / MINE).read_bytes() == (backup / MINE).read_bytes()
    assert not (filled / "programs/newer.json").exists()  # set aside with the rest of the folder
    (aside,) = (filled / "replaced").iterdir()
    assert (aside / "programs/newer.json").is_file()
    assert (aside / OTHER).is_file() and not (filled / OTHER).exists()
    assert f"left out, they do not validate: {OTHER}: " in out and "no-such-exercise" in out
