"""The recent sets planning reads: each week's sets are grouped by exercise once, and every
write to the week is seen by the next read."""

from tinydb.table import Table

from gymtui.domain.journal import LoggedSet, Session
from gymtui.store import Store


def _session(when):
    return Session(date=when.date(), started_at=when, name="Pull")


def _set(session, when, exercise, reps=8):
    return LoggedSet(session_id=session.id, exercise=exercise, load=80, reps=reps, rpe=8, logged_at=when)


def _three_weeks(store, now):
    for weeks_ago in (2, 1, 0):
        when = now.subtract(weeks=weeks_ago)
        session = store.save_session(_session(when))
        store.add_set(_set(session, when, "barbell-row", reps=10 - weeks_ago))
        store.add_set(_set(session, when, "pull-up", reps=5 - weeks_ago))


def test_each_weeks_sets_are_read_once_for_all_the_exercises_asked(data_dir, fixed_now, monkeypatch):
    with Store.open(data_dir) as store:
        _three_weeks(store, fixed_now)
        reads = []
        for name in ("search", "all"):
            real = getattr(Table, name)

            def counted(self, *args, _real=real, **kwargs):
                if self.name == "sets":
                    reads.append(self)
                return _real(self, *args, **kwargs)

            monkeypatch.setattr(Table, name, counted)
        rows = [sets[0].reps for _, sets in store.recent_sets("barbell-row")]
        pulls = [sets[0].reps for _, sets in store.recent_sets("pull-up")]
        assert rows == [10, 9, 8] and pulls == [5, 4, 3]
        assert len(reads) == 3  # one read of each week's sets, not one per exercise asked


def test_the_recent_sets_follow_every_write_to_the_week(data_dir, fixed_now):
    with Store.open(data_dir) as store:
        _three_weeks(store, fixed_now)
        assert [sets[0].reps for _, sets in store.recent_sets("pull-up")] == [5, 4, 3]
        session = store.save_session(_session(fixed_now.add(hours=1)))
        added = store.add_set(_set(session, fixed_now.add(hours=1), "pull-up", reps=6))
        assert [sets[0].reps for _, sets in store.recent_sets("pull-up")][:2] == [6, 5]
        store.update_set(added.model_copy(update={"reps": 7}))
        assert store.recent_sets("pull-up")[0][1][0].reps == 7
        store.delete_set(added.model_copy(update={"reps": 7}))
        assert [sets[0].reps for _, sets in store.recent_sets("pull-up")] == [5, 4, 3]
        assert store.recent_sets("face-pull") == []
    with Store.open(data_dir) as store:  # opened anew: read from the files
        assert [sets[0].reps for _, sets in store.recent_sets("barbell-row")] == [10, 9, 8]
