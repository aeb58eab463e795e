"""An old data folder: the first schema's files (tests/fixtures/schema1/data, written by gymtui
at schema 1 and committed as written) open, export everything they held, round-trip through
a JSON export, and migrate to a (simulated) next schema only after a backup."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pendulum
import pytest

from gymtui.cli import main
from gymtui.store import Store, doctor, migrate, opening, schema
from gymtui.store.backup import list_backups
from gymtui.store.doctor import check_data_dir

FIXTURE = Path(__file__).parent / "fixtures" / "schema1"
TODAY = pendulum.datetime(2026, 11, 16, 9, tz="Europe/Paris")


@pytest.fixture
def old_folder(tmp_path) -> Path:
    """A copy: opening a folder writes its lock file, and a migration rewrites it."""
    folder = tmp_path / "old"
    shutil.copytree(FIXTURE / "data", folder)
    return folder


def files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*.json"))}


def export(folder: Path, capsys) -> dict:
    assert main(["--data-dir", str(folder), "export", "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_the_fixture_is_schema_1_as_written():
    profile = json.loads((FIXTURE / "data" / "profile.json").read_text())
    assert schema.stored_version(profile) == 1
    weeks = sorted(p.name for p in (FIXTURE / "data" / "journal").iterdir())
    assert weeks == ["2026-W10.json", "2026-W11.json"]
    week = json.loads((FIXTURE / "data" / "journal" / "2026-W10.json").read_text())
    assert set(week) == {"sessions", "sets", "checklist", "recovery", "mobility"}


def test_the_old_folder_opens_clean_with_everything_in_it(old_folder):
    assert not [f for f in check_data_dir(old_folder) if f.level == "error"]
    before = files(old_folder)
    with Store.open(old_folder, now=lambda: TODAY) as store:
        settings = store.settings()
        assert (settings.unit, settings.theme, settings.bell) == ("lb", "night", False)
        assert [e.id for e in store.custom_exercises()] == ["seal-row"]
        assert [r.id for r in store.routines()] == ["my-morning"]
        assert [i.id for i in store.checklist_items()] == ["t-spine-roll", "lat-stretch"]
        session = store.in_progress_session()
        assert session is not None and session.id == "s-open"  # resumable where it was left
        assert [s.id for s in store.session_sets("s0a")] == [f"s0a-{n}" for n in range(7)]
        assert store.recovery(pendulum.date(2026, 3, 9)).grip == 52.5
    assert files(old_folder) == before  # opening changed nothing


def test_the_old_folder_exports_everything_it_held(old_folder, capsys):
    """Every record and field of the export made at schema 1 is in today's export, same value
    (fields added since may appear with their defaults)."""
    then = json.loads((FIXTURE / "export.json").read_text())
    now = export(old_folder, capsys)
    assert now["format"] == then["format"] == "gymtui"
    for section, records in then.items():
        if section in ("format", "version"):
            continue
        if section == "settings":
            assert {k: now["settings"][k] for k in records} == records
            continue
        assert len(now[section]) == len(records), section
        for old, new in zip(records, now[section], strict=True):
            assert {k: new.get(k, "<missing>") for k in old} == old, (section, old.get("id"))


def test_a_json_export_round_trips_into_a_new_folder(old_folder, tmp_path, capsys):
    first = export(old_folder, capsys)
    path = tmp_path / "export.json"
    path.write_text(json.dumps(first), encoding="utf-8")
    fresh = tmp_path / "fresh"
    assert main(["--data-dir", str(fresh), "import", str(path)]) == 0
    capsys.readouterr()
    assert export(fresh, capsys) == first


def _simulate_next_schema(monkeypatch, migration) -> None:
    """Schema 2 with one migration from 1; every module that read the number gets the new one."""
    for module in (schema, migrate, opening, doctor):
        monkeypatch.setattr(module, "SCHEMA_VERSION", 2)
    monkeypatch.setitem(schema.MIGRATIONS, 1, migration)


def test_a_future_migration_runs_once_after_a_backup(old_folder, monkeypatch):
    original = files(old_folder)
    calls = []

    def tag_session_notes(profile, weeks):
        calls.append(sorted(weeks))
        for week in weeks.values():
            for session in week.get("sessions", {}).values():
                session["notes"] = (session["notes"] + " [from schema 1]").strip()

    _simulate_next_schema(monkeypatch, tag_session_notes)
    notes = [f for f in check_data_dir(old_folder)]
    assert any("will be migrated" in f.message for f in notes)
    with Store.open(old_folder, now=lambda: TODAY) as store:
        assert store.session("s0a").notes == "felt good [from schema 1]"
    assert calls == [["2026-W10", "2026-W11"]]  # every week file, once
    # The backup holds exactly the files as they were before anything was rewritten.
    backup = next(p for p in list_backups(old_folder) if p.name == "2026-11-16-before-schema-2")
    assert {k: v for k, v in files(backup).items() if k != "manifest.json"} == original
    profile = json.loads((old_folder / "profile.json").read_text())
    assert schema.stored_version(profile) == 2
    assert not [f for f in check_data_dir(old_folder) if f.level == "error"]
    # Opened again: nothing left to migrate.
    with Store.open(old_folder, now=lambda: TODAY):
        pass
    assert len(calls) == 1


def test_a_migration_that_fails_leaves_the_folder_as_it_was(old_folder, monkeypatch):
    original = files(old_folder)

    def broken(profile, weeks):
        raise ValueError("bug in the migration")

    _simulate_next_schema(monkeypatch, broken)
    with pytest.raises(ValueError, match="bug in the migration"):
        Store.open(old_folder, now=lambda: TODAY)
    # The data files are untouched (the profile still says schema 1, so the next start
    # tries again), and the backup made before trying is there.
    assert {k: v for k, v in files(old_folder).items() if not k.startswith("backups")} == original
    assert [p.name for p in list_backups(old_folder)] == ["2026-11-16-before-schema-2"]


SCHEMA_EDITS = {
    "meta emptied": lambda p: p.update(meta={}),
    "meta removed": lambda p: p.pop("meta"),
    "schema removed": lambda p: p.update(meta={"1": {}}),
    "schema as text": lambda p: p.update(meta={"1": {"schema": "1"}}),
    "schema zero": lambda p: p.update(meta={"1": {"schema": 0}}),
    "schema negative": lambda p: p.update(meta={"1": {"schema": -3}}),
    "schema true": lambda p: p.update(meta={"1": {"schema": True}}),
    "schema fraction": lambda p: p.update(meta={"1": {"schema": 1.5}}),
}


@pytest.mark.parametrize("edit", list(SCHEMA_EDITS))
def test_an_edited_or_missing_schema_version_is_named_by_every_command_and_by_doctor(old_folder, capsys, edit):
    path = old_folder / "profile.json"
    profile = json.loads(path.read_text())
    SCHEMA_EDITS[edit](profile)
    path.write_text(json.dumps(profile))
    edited = files(old_folder)
    d = ["--data-dir", str(old_folder)]
    for command in (["log", "deadlift", "100x5"], ["export", "--format", "json"], ["next"]):
        assert main([*d, *command]) == 1, command
        err = capsys.readouterr().err
        assert err.startswith(f"gymtui: {path}: ") and "schema" in err and err.count("\n") == 1, err
    assert files(old_folder) == edited  # nothing migrated, nothing overwritten
    findings = check_data_dir(old_folder)
    assert [f.level for f in findings if str(path) in f.message] == ["error"], findings
    assert not any("will be migrated" in f.message for f in findings)


def test_the_app_names_an_edited_schema_version_instead_of_crashing(old_folder, capsys, monkeypatch):
    from gymtui.ui.app import run_app
    from headless_run import headless_run_app

    headless_run_app(monkeypatch)

    path = old_folder / "profile.json"
    profile = json.loads(path.read_text())
    profile["meta"] = {"1": {"schema": 0}}
    path.write_text(json.dumps(profile))
    assert run_app(old_folder) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"gymtui: {path}: ") and "schema 0" in err and "nothing was overwritten" in err, err
