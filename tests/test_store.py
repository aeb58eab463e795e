import errno
import json
import os

import pytest

from gymtui.domain.daily import ChecklistEntry, RecoveryNote
from gymtui.domain.journal import LoggedSet, Session
from gymtui.store import CorruptFileError, DiskWriteError, LockedError, Store, atomic
from gymtui.store.backup import list_backups
from gymtui.store.doctor import check_data_dir
from gymtui.store.errors import SchemaError
from gymtui.store.layout import part_path
from gymtui.store.restore import restore_backup


def _session(day, now):
    return Session(date=day, started_at=now, name="Horizontal pull")


def _set(session, now, load=80.0, reps=8, rpe=8.0, exercise="barbell-row"):
    return LoggedSet(session_id=session.id, exercise=exercise, load=load, reps=reps, rpe=rpe, logged_at=now)


def test_sets_round_trip_and_survive_reopen(data_dir, fixed_now):
    with Store.open(data_dir, now=lambda: fixed_now) as store:
        session = store.save_session(_session(fixed_now.date(), fixed_now))
        first = store.add_set(_set(session, fixed_now))
        store.add_set(_set(session, fixed_now.add(minutes=3), rpe=8.5))
    with Store.open(data_dir) as store:
        sets = store.session_sets(session.id)
        assert [s.rpe for s in sets] == [8.0, 8.5]
        assert sets[0] == first
        assert store.in_progress_session().id == session.id


def test_weeks_are_separate_files(data_dir, fixed_now):
    with Store.open(data_dir) as store:
        for weeks_ago in range(3):
            when = fixed_now.subtract(weeks=weeks_ago)
            session = store.save_session(_session(when.date(), when))
            store.add_set(_set(session, when, reps=10 - weeks_ago))
        assert store.parts() == ["2026-W47", "2026-W46", "2026-W45"]
        recent = store.recent_sets("barbell-row", sessions=2)
        assert [sets[0].reps for _, sets in recent] == [10, 9]
        assert store.recent_sets("barbell-row", parts_back=1)[0][1][0].reps == 10


def test_edit_and_delete_a_set(data_dir, fixed_now):
    with Store.open(data_dir) as store:
        session = store.save_session(_session(fixed_now.date(), fixed_now))
        logged = store.add_set(_set(session, fixed_now))
        store.update_set(logged.model_copy(update={"reps": 7}))
        assert store.session_sets(session.id)[0].reps == 7
        store.delete_set(logged)
        assert store.session_sets(session.id) == []


def test_second_writer_is_refused_with_a_clear_message(data_dir):
    with Store.open(data_dir), pytest.raises(LockedError, match="another gymtui"):
        Store.open(data_dir)
    Store.open(data_dir).close()  # released on close


def test_settings_persist(data_dir):
    with Store.open(data_dir) as store:
        store.save_settings(store.settings().model_copy(update={"unit": "lb", "bell": False}))
    with Store.open(data_dir) as store:
        assert store.settings().unit == "lb" and store.settings().bell is False


def test_day_records_upsert_per_day(data_dir, fixed_now):
    day = fixed_now.date()
    with Store.open(data_dir) as store:
        store.save_checklist(ChecklistEntry(date=day, ticked=["a"], updated_at=fixed_now))
        store.save_checklist(ChecklistEntry(date=day, ticked=["a", "b"], updated_at=fixed_now))
        store.save_recovery(RecoveryNote(date=day, sleep_hours=6.5, soreness={"low_back": 2}, updated_at=fixed_now))
        assert store.checklist(day).ticked == ["a", "b"]
        assert store.recovery(day).soreness == {"low_back": 2}
        assert len(store.checklists_between(day.subtract(days=7), day)) == 1


def test_failed_write_keeps_previous_file_and_store_usable(data_dir, fixed_now, monkeypatch):
    with Store.open(data_dir) as store:
        session = store.save_session(_session(fixed_now.date(), fixed_now))
        store.add_set(_set(session, fixed_now))
        path = part_path(data_dir, "2026-W47")
        before = path.read_bytes()
        real_fsync = os.fsync

        def full_disk(fd):
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(atomic.os, "fsync", full_disk)
        with pytest.raises(DiskWriteError, match="No space left on device"):
            store.add_set(_set(session, fixed_now, reps=5))
        assert path.read_bytes() == before
        assert not list(path.parent.glob(".gymtui-tmp-*"))
        monkeypatch.setattr(atomic.os, "fsync", real_fsync)
        # The failed set is not in memory either, and the next write works.
        assert [s.reps for s in store.session_sets(session.id)] == [8]
        store.add_set(_set(session, fixed_now, reps=6))
        assert [s.reps for s in store.session_sets(session.id)] == [8, 6]


@pytest.mark.parametrize(
    "damage, fragment",
    [
        (lambda p: p.write_text(""), "is empty"),
        (lambda p: p.write_bytes(p.read_bytes()[:40]), "not valid JSON"),
        (lambda p: p.write_bytes(b"\xff\xfe garbage"), "not UTF-8"),
        (lambda p: p.write_text(p.read_text().replace('"rpe":8.0', '"rpe":11')), "RPE 11"),
        (lambda p: p.write_text(p.read_text().replace('"reps":8', '"reps":-1')), "reps"),
    ],
)
def test_damaged_file_is_named_and_never_overwritten(data_dir, fixed_now, damage, fragment):
    with Store.open(data_dir) as store:
        session = store.save_session(_session(fixed_now.date(), fixed_now))
        store.add_set(_set(session, fixed_now))
        store.backup_if_due()
    path = part_path(data_dir, "2026-W47")
    damage(path)
    broken = path.read_bytes()
    with Store.open(data_dir) as store:
        with pytest.raises(CorruptFileError) as caught:
            store.add_set(_set(session, fixed_now))
        assert "2026-W47.json" in str(caught.value) and fragment in str(caught.value)
    assert path.read_bytes() == broken
    findings = check_data_dir(data_dir)
    assert any(f.level == "error" and "2026-W47.json" in f.message for f in findings)
    # Restoring the newest backup brings the set back and keeps the broken file aside.
    aside = restore_backup(data_dir, list_backups(data_dir)[0]).aside
    assert (aside / "journal" / "2026-W47.json").read_bytes() == broken
    with Store.open(data_dir) as store:
        assert len(store.session_sets(session.id)) == 1
    assert not [f for f in check_data_dir(data_dir) if f.level == "error"]


def test_leftover_temp_files_are_swept(data_dir):
    (data_dir / "journal").mkdir()
    stray = data_dir / "journal" / ".gymtui-tmp-abc.part"
    stray.write_text("half")
    with Store.open(data_dir) as store:
        assert stray in store.swept
    assert not stray.exists()


def test_backups_rotate(data_dir, fixed_now):
    days = iter(range(20))
    clock = {"now": fixed_now}
    with Store.open(data_dir, now=lambda: clock["now"]) as store:
        store.save_settings(store.settings().model_copy(update={"backups_kept": 3}))
        for _ in range(5):
            clock["now"] = fixed_now.add(days=next(days))
            assert store.backup_if_due() is not None
            assert store.backup_if_due() is None  # once a day
    assert [p.name for p in list_backups(data_dir)] == ["2026-11-20", "2026-11-19", "2026-11-18"]


def test_newer_schema_is_refused(data_dir):
    (data_dir / "profile.json").write_text(json.dumps({"meta": {"1": {"schema": 99}}}))
    with pytest.raises(SchemaError, match="newer gymtui"):
        Store.open(data_dir)


def test_older_schema_is_migrated_after_a_backup(data_dir, fixed_now, monkeypatch):
    from gymtui.store import schema

    calls = []

    def rename_note_field(profile, months):
        calls.append(sorted(months))
        for data in months.values():
            for record in data.get("sets", {}).values():
                record["note"] = record.pop("comment", "")

    monkeypatch.setitem(schema.MIGRATIONS, 0, rename_note_field)
    (data_dir / "journal").mkdir()
    old_set = _set(_session(fixed_now.date(), fixed_now), fixed_now).model_dump(mode="json")
    old_set.pop("note")
    old_set["comment"] = "felt strong"
    (data_dir / "profile.json").write_text(json.dumps({"meta": {"1": {"schema": 0}}}))
    part_path(data_dir, "2026-W47").write_text(json.dumps({"sets": {"1": old_set}}))
    with Store.open(data_dir, now=lambda: fixed_now) as store:
        docs = store._files.part("2026-W47").table("sets").all()
        assert docs[0]["note"] == "felt strong"
    assert calls == [["2026-W47"]]
    backup = next(p for p in list_backups(data_dir) if "before-schema" in p.name)
    assert "comment" in (backup / "journal" / "2026-W47.json").read_text()


def test_import_batches_skip_known_source_keys(data_dir, fixed_now):
    session = _session(fixed_now.date(), fixed_now).model_copy(update={"source_key": "s1", "status": "done"})
    sets = [
        _set(session, fixed_now).model_copy(update={"source_key": f"k{i}"}) for i in range(3)
    ]
    with Store.open(data_dir) as store:
        assert store.add_many([session], sets) == (1, 3)
        assert store.add_many([session], sets) == (0, 0)
        assert len(store.session_sets(session.id)) == 3
