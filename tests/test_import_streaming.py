"""A big export is read and stored a piece at a time: memory does not grow with the file."""

from pathlib import Path

from gymtui.importers import import_text
from gymtui.importers.records import LineSource
from gymtui.services import transfer
from gymtui.services.transfer import import_path
from gymtui.store import Store

FIXTURES = Path(__file__).parent / "fixtures" / "import"
HEADER = "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\n"


def strong_lines(workouts: int):
    """A Strong export, line by line, never held whole."""
    yield HEADER
    for n in range(workouts):
        date = f"2020-{1 + n // 28 % 12:02d}-{1 + n % 28:02d} {6 + n // 336 % 12:02d}:00:00"
        for order in ("W", "1", "Rest Timer", "2", "3"):
            yield f'{date},"Pull {n}",1h,"Deadlift (Barbell)",{order},100.0,5.0,0,0.0,"a, note",,8\n'


def test_the_line_source_lets_go_of_lines_already_read():
    source = LineSource(strong_lines(2000))
    held = 0
    index = 0
    while source.get(index) is not None:
        source.release(index)
        held = max(held, len(source._buffer))
        index += 1
    assert index == 10_001 and held <= 600


def test_an_import_is_stored_in_batches_of_whole_workouts(data_dir, tmp_path, monkeypatch):
    path = tmp_path / "strong.csv"
    path.write_text("".join(strong_lines(300)), encoding="utf-8")
    monkeypatch.setattr(transfer, "IMPORT_BATCH", 100)
    batches = []
    real_add_many = Store.add_many

    def add_many(self, sessions, sets, **options):
        batches.append((len(sessions), len(sets)))
        # A workout's sets never go without their session (a kill between batches leaves
        # whole workouts, and importing again adds the rest).
        assert {s.session_id for s in sets} <= {s.id for s in sessions}
        return real_add_many(self, sessions, sets, **options)

    monkeypatch.setattr(Store, "add_many", add_many)
    with Store.open(data_dir) as store:
        outcome = import_path(store, path, fmt="strong", unit="kg", tz="UTC")
        assert (outcome.sessions_added, outcome.sets_added) == (300, 1200)
        assert len(batches) == 12 and max(n for _, n in batches) == 100
        assert "300 workouts, 1200 sets (900 working, 300 warm-up)" in outcome.summary()
        again = import_path(store, path, fmt="strong", unit="kg", tz="UTC")
        assert (again.sessions_added, again.sets_added) == (0, 0)
        assert "Already there (not added again): 300 workouts, 1200 sets." in again.summary()


def test_a_workout_seen_again_further_down_continues_it(data_dir, tmp_path):
    rows = [
        '2024-01-02 18:00:00,"Pull",1h,"Deadlift (Barbell)",1,100.0,5.0,0,0.0,,,8\n',
        '2024-01-04 18:00:00,"Legs",1h,"Squat (Barbell)",1,100.0,5.0,0,0.0,,,8\n',
        '2024-01-02 18:00:00,"Pull",1h,"Deadlift (Barbell)",2,100.0,5.0,0,0.0,,,8\n',
    ]
    result = import_text(HEADER + "".join(rows), unit="kg", exercises=[], tz="UTC")
    assert [s.name for s in result.sessions] == ["Pull", "Legs"]
    assert len({s.source_key for s in result.sets}) == 3
    path = tmp_path / "strong.csv"
    path.write_text(HEADER + "".join(rows), encoding="utf-8")
    with Store.open(data_dir) as store:
        outcome = import_path(store, path, unit="kg", tz="UTC")
        assert (outcome.sessions_added, outcome.sets_added) == (2, 3)
        pull = next(s for s in store.iter_sessions() if s.name == "Pull")
        assert [s.source_key[-1] for s in store.session_sets(pull.id)] == ["0", "1"]


def test_problems_past_the_first_thousand_are_counted_not_kept():
    bad = '2024-01-02 18:00:00,"Pull",1h,"Deadlift (Barbell)",1,100.0,five,0,0.0,,,8\n'
    result = import_text(HEADER + bad * 1500, unit="kg", exercises=[], tz="UTC")
    assert len(result.problems) == 1000 and result.problem_count == 1500
    assert result.problems[-1].line == 1001
    assert "... and 1480 more" in result.summary()
    assert result.skipped == {"malformed rows (see the problems)": 1500}
