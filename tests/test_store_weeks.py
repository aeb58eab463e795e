"""The store methods added for history and JSON restore: cached week summaries, stored ids,
and day records added without duplicates."""

import json
import os

import pendulum
import pytest

from gymtui.domain.daily import ChecklistEntry, RecoveryNote
from gymtui.domain.journal import LoggedSet, Session
from gymtui.store import CorruptFileError, Store, week_summaries

NOW = pendulum.datetime(2026, 11, 16, 18, 0, tz="Europe/Paris")


def fill(store: Store, weeks: int = 3) -> list[Session]:
    sessions = []
    for i in range(weeks):
        when = NOW.subtract(weeks=i)
        session = store.save_session(Session(date=when.date(), started_at=when, status="done"))
        store.add_set(LoggedSet(session_id=session.id, exercise="deadlift", load=100 + i, reps=5, logged_at=when))
        sessions.append(session)
    return sessions


def count_sets(tables):
    return {"sets": len(tables["sets"]), "sessions": len(tables["sessions"])}


@pytest.fixture
def reads(monkeypatch):
    """Paths the week-summary code read from disk."""
    seen = []
    real = week_summaries.read_json_file

    def spy(path):
        seen.append(path.name)
        return real(path)

    monkeypatch.setattr(week_summaries, "read_json_file", spy)
    return seen


def test_summaries_are_read_once_and_again_only_when_a_file_changes(data_dir, reads):
    with Store.open(data_dir, now=lambda: NOW) as store:
        sessions = fill(store)
        reads.clear()
        first = store.week_summaries(count_sets, version=1)
        assert list(first) == ["2026-W47", "2026-W46", "2026-W45"]
        assert first["2026-W47"] == {"sets": 1, "sessions": 1}
        assert sorted(reads) == ["2026-W45.json", "2026-W46.json", "2026-W47.json"]
        reads.clear()
        assert store.week_summaries(count_sets, version=1) == first and reads == []
        store.add_set(LoggedSet(session_id=sessions[0].id, exercise="deadlift", load=90, reps=5, logged_at=NOW))
        reads.clear()
        again = store.week_summaries(count_sets, version=1)
        assert reads == ["2026-W47.json"] and again["2026-W47"] == {"sets": 2, "sessions": 1}
        assert store.week_summaries(count_sets, version=1, keys=["2026-W46"]) == {"2026-W46": first["2026-W46"]}
    # A new run reads the cache file, not the week files.
    with Store.open(data_dir, now=lambda: NOW) as store:
        reads.clear()
        # A page of weeks reads its few files; a full scan then reads the cache file, not the weeks.
        assert store.week_summaries(count_sets, version=1, keys=["2026-W45"]) == {"2026-W45": first["2026-W45"]}
        assert reads == ["2026-W45.json"]
        reads.clear()
        assert store.week_summaries(count_sets, version=1)["2026-W47"] == {"sets": 2, "sessions": 1}
        assert reads == []
        # Another version of the summaries throws the cache away.
        assert store.week_summaries(lambda tables: "v2", version=2)["2026-W45"] == "v2"
        assert len(reads) == 3


def test_a_damaged_cache_is_rebuilt_and_a_damaged_week_is_reported(data_dir):
    with Store.open(data_dir, now=lambda: NOW) as store:
        fill(store, 2)
        store.week_summaries(count_sets, version=1)
    cache = data_dir / Store.WEEK_CACHE_FILE
    assert json.loads(cache.read_text())["version"] == 1
    cache.write_text('{"version": 1, "weeks": {"2026-W47": 3')
    with Store.open(data_dir, now=lambda: NOW) as store:
        assert store.week_summaries(count_sets, version=1)["2026-W47"] == {"sets": 1, "sessions": 1}
        (data_dir / "journal" / "2026-W46.json").write_text('{"sets": {"1": {"id": 3}}}')
        with pytest.raises(CorruptFileError, match="2026-W46"):
            store.week_summaries(count_sets, version=1)


def test_a_week_file_removed_leaves_the_summaries(data_dir):
    with Store.open(data_dir, now=lambda: NOW) as store:
        fill(store, 2)
        assert len(store.week_summaries(count_sets, version=1)) == 2
        os.remove(data_dir / "journal" / "2026-W46.json")
        assert list(store.week_summaries(count_sets, version=1)) == ["2026-W47"]
    assert list(json.loads((data_dir / Store.WEEK_CACHE_FILE).read_text())["weeks"]) == ["2026-W47"]


def test_stored_ids_and_day_records_are_added_once(data_dir):
    with Store.open(data_dir, now=lambda: NOW) as store:
        sessions = fill(store, 2)
        day = NOW.date()
        store.save_checklist(ChecklistEntry(date=day, ticked=["mine"], updated_at=NOW))
        checklist = [ChecklistEntry(date=day.subtract(days=i), ticked=["theirs"], updated_at=NOW) for i in range(3)]
        recovery = [RecoveryNote(date=day.subtract(days=i), sleep_hours=7, updated_at=NOW) for i in range(9)]
        assert store.add_day_records(checklist + checklist[:1], recovery) == (2, 9)
        assert store.add_day_records(checklist, recovery) == (0, 0)
        assert store.checklist(day).ticked == ["mine"]  # a day already noted keeps its record
        assert store.checklist(day.subtract(days=2)).ticked == ["theirs"]
        assert len(store.recovery_between(day.subtract(days=30), day)) == 9
        ids = store.stored_ids()
        assert ids["sessions"] == {s.id for s in sessions}
        assert len(ids["sets"]) == 2 and len(ids["checklist"]) == 3 and len(ids["recovery"]) == 9
