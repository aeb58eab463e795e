"""Files gymtui wrote load without validation (their digest is in a sidecar); any other file
is validated exactly as before, and reading it never makes it trusted."""

from __future__ import annotations

import json
from datetime import timedelta

import pendulum
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app_factory import seed_session
from gymtui.domain.daily import REGIONS, ChecklistEntry, RecoveryNote
from gymtui.domain.journal import SET_TYPES, LoggedSet, Session
from gymtui.domain.settings import Settings
from gymtui.domain.trusted import build
from gymtui.store import CorruptFileError, Store, open_files
from gymtui.store.digests import DIGESTS_DIR, sidecar_path
from gymtui.store.doctor import check_data_dir
from gymtui.store.layout import part_key, part_path
from hypothesis_profiles import examples

NOW = pendulum.datetime(2026, 11, 16, 18, 30, tz="Europe/Paris")


@pytest.fixture
def validated(monkeypatch):
    """The data files the store validated (the others it built from as gymtui wrote them)."""
    seen: list[str] = []
    real = open_files.validate_tables

    def spy(path, data, models):
        seen.append(path.name)
        return real(path, data, models)

    monkeypatch.setattr(open_files, "validate_tables", spy)
    return seen


def a_week(data_dir):
    """One session with two sets last week; returns the session and its week file."""
    with Store.open(data_dir, now=lambda: NOW) as store:
        session = seed_session(store, [("deadlift", 100, 5, 8), ("deadlift", 105, 5, 8.5)], status="done")
    return session, part_path(data_dir, part_key(session.date))


def test_a_file_gymtui_wrote_is_loaded_without_validating_it_again(data_dir, validated):
    session, week = a_week(data_dir)
    sidecar = sidecar_path(data_dir, week)
    assert sidecar.is_file() and sidecar.parent == data_dir / DIGESTS_DIR / "journal"
    with Store.open(data_dir, now=lambda: NOW) as store:
        sets = store.session_sets(session.id)
        assert [s.load for s in sets] == [100, 105] and store.session(session.id) == session
    assert validated == []


def test_a_hand_edited_file_with_the_old_digest_is_validated_and_its_fault_named(data_dir, tmp_path):
    session, week = a_week(data_dir)
    data = json.loads(week.read_text())
    next(iter(data["sets"].values()))["rpe"] = 11
    week.write_text(json.dumps(data))  # the sidecar still holds the digest of the old bytes
    with Store.open(data_dir, now=lambda: NOW) as store, pytest.raises(CorruptFileError) as trusted_folder:
        store.session_sets(session.id)
    # The same file in a folder with no sidecars at all: the same message, word for word.
    (tmp_path / "bare" / "journal").mkdir(parents=True)
    bare_week = tmp_path / "bare" / "journal" / week.name
    bare_week.write_bytes(week.read_bytes())
    with Store.open(tmp_path / "bare", now=lambda: NOW) as store, pytest.raises(CorruptFileError) as bare_folder:
        store.sessions_in_part(part_key(session.date))
    assert str(trusted_folder.value).replace(str(data_dir), "") == str(bare_folder.value).replace(
        str(tmp_path / "bare"), "")
    assert "rpe: RPE 11 is not on the scale" in str(trusted_folder.value)
    assert json.loads(week.read_text()) == data  # nothing overwritten


@pytest.mark.parametrize("damage", ["lost", "garbled", "empty", "another version"])
def test_a_lost_or_damaged_sidecar_means_validation_and_nothing_fails(data_dir, validated, damage):
    session, week = a_week(data_dir)
    sidecar = sidecar_path(data_dir, week)
    if damage == "lost":
        sidecar.unlink()
    elif damage == "garbled":
        sidecar.write_bytes(b"\x00\xffnot a digest")
    elif damage == "empty":
        sidecar.write_bytes(b"")
    else:
        sidecar.write_text(sidecar.read_text().replace("gymtui ", "gymtui 0.0.1-old "))
    with Store.open(data_dir, now=lambda: NOW) as store:
        assert [s.load for s in store.session_sets(session.id)] == [100, 105]
    assert week.name in validated


def test_a_cut_between_the_file_and_its_sidecar_costs_one_validation(data_dir, validated, monkeypatch):
    """The sidecar is written after the data file: a power cut between the two leaves the
    sidecar of the old bytes, which the new file does not match."""
    session, week = a_week(data_dir)
    with monkeypatch.context() as cut:
        cut.setattr("gymtui.store.storage.record_digest", lambda sidecar, data: None)
        with Store.open(data_dir, now=lambda: NOW) as store:
            store.add_set(LoggedSet(session_id=session.id, exercise="deadlift", load=110, reps=3, logged_at=NOW))
    with Store.open(data_dir, now=lambda: NOW) as store:
        assert [s.load for s in store.session_sets(session.id)] == [100, 105, 110]
    assert validated == [week.name]


def test_reading_a_file_never_makes_it_trusted_writing_it_does(data_dir, validated):
    session, week = a_week(data_dir)
    data = json.loads(week.read_text())
    for record in data["sets"].values():
        record["tempo"] = "31X0"  # valid, but not as gymtui writes it (3-1-X-0)
        record["load"] = int(record["load"])
    week.write_text(json.dumps(data))
    sidecar = sidecar_path(data_dir, week)
    before = sidecar.read_bytes()
    for _ in range(2):
        with Store.open(data_dir, now=lambda: NOW) as store:
            sets = store.session_sets(session.id)
            assert [(s.tempo, s.load) for s in sets] == [("3-1-X-0", 100.0), ("3-1-X-0", 105.0)]
            assert all(type(s.load) is float for s in sets)
    assert validated == [week.name, week.name] and sidecar.read_bytes() == before
    validated.clear()
    with Store.open(data_dir, now=lambda: NOW) as store:  # gymtui writes the week: trusted from now on
        store.add_set(LoggedSet(session_id=session.id, exercise="deadlift", load=110, reps=3, logged_at=NOW))
    with Store.open(data_dir, now=lambda: NOW) as store:
        sets = store.session_sets(session.id)
        assert [(s.tempo, s.load) for s in sets] == [("3-1-X-0", 100.0), ("3-1-X-0", 105.0), (None, 110.0)]
    assert validated == [week.name]  # only the first of these two opens


def test_doctor_validates_every_file_whatever_its_sidecar_says(data_dir):
    from gymtui.store.digests import record_digest

    _, week = a_week(data_dir)
    data = json.loads(week.read_text())
    next(iter(data["sets"].values()))["reps"] = -3
    week.write_text(json.dumps(data))
    record_digest(sidecar_path(data_dir, week), week.read_bytes())  # even a sidecar that matches
    errors = [f.message for f in check_data_dir(data_dir, NOW.date()) if f.level == "error"]
    assert len(errors) == 1 and week.name in errors[0] and "reps" in errors[0]


# -- built without validation == validated -----------------------------------------------------

TIMES = st.datetimes(min_value=NOW.naive() - timedelta(days=4000), max_value=NOW.naive() + timedelta(days=400),
                     timezones=st.sampled_from([pendulum.timezone("Europe/Paris"), pendulum.timezone("UTC"),
                                                pendulum.timezone("America/St_Johns"), pendulum.fixed_timezone(19800)]))
SLUGS = st.from_regex(r"[a-z0-9][a-z0-9-]{0,20}", fullmatch=True)
RPES = st.sampled_from([None, 6.0, 7.5, 8, 9.5, 10])
TEXT = st.text(max_size=30)

SETS = st.builds(
    LoggedSet,
    session_id=st.text("abcdef0123456789", min_size=1, max_size=32), exercise=SLUGS,
    load=st.one_of(st.none(), st.integers(0, 500), st.floats(0, 2000, allow_nan=False)),
    unit=st.sampled_from(["kg", "lb"]), reps=st.integers(1, 50), rpe=RPES,
    tempo=st.sampled_from([None, "3-1-1-0", "31X0", "2-0-1-2"]), set_type=st.sampled_from(SET_TYPES),
    side=st.sampled_from([None, "left", "right"]), seconds=st.one_of(st.none(), st.floats(0, 600)),
    note=TEXT, started_at=st.one_of(st.none(), TIMES), logged_at=TIMES,
    source_key=st.one_of(st.none(), TEXT), superset=st.sampled_from([None, "A", "B2"]),
)
SESSIONS = st.builds(
    Session,
    date=st.dates(), program_day=st.one_of(st.none(), SLUGS), name=st.text(min_size=1, max_size=20).filter(str.strip),
    block_week=st.one_of(st.none(), st.integers(1, 12)), deload=st.booleans(),
    status=st.sampled_from(["in_progress", "done"]), started_at=TIMES, finished_at=st.one_of(st.none(), TIMES),
    notes=TEXT, order=st.lists(SLUGS, max_size=5), position=st.tuples(st.integers(0, 9), st.integers(0, 9)),
    set_changes=st.dictionaries(SLUGS, st.integers(-5, 5), max_size=3),
    skipped=st.lists(st.tuples(SLUGS, st.integers(0, 9)), max_size=4),
    chosen_loads=st.dictionaries(SLUGS, st.tuples(st.floats(0.5, 400), st.sampled_from(["kg", "lb"])), max_size=3),
    freestyle=st.booleans(), added=st.lists(SLUGS, max_size=3),
    groups=st.dictionaries(SLUGS, st.sampled_from(["", "A", "B1"]), max_size=3),
)
NOTES = st.builds(
    RecoveryNote,
    date=st.dates(), sleep_hours=st.one_of(st.none(), st.integers(0, 24), st.floats(0, 24)),
    soreness=st.dictionaries(st.sampled_from(REGIONS), st.integers(0, 3)), text=TEXT, updated_at=TIMES,
    bodyweight=st.one_of(st.none(), st.floats(40, 200)),
)
CHECKLISTS = st.builds(ChecklistEntry, date=st.dates(), ticked=st.lists(SLUGS, max_size=4), updated_at=TIMES)
SETTINGS = st.builds(Settings, bar_kg=st.floats(5, 50), plates_kg=st.just([25, 20, 10, 5, 2.5, 1.25]),
                     theme=st.sampled_from(["gym-floor", "night"]),
                     bodyweight_kg=st.one_of(st.none(), st.integers(40, 200)))


@given(st.one_of(SETS, SESSIONS, NOTES, CHECKLISTS, SETTINGS))
@settings(max_examples=examples(300), deadline=None)
def test_a_record_gymtui_wrote_builds_the_model_validating_it_gives(model):
    """What the store keeps of a model (its JSON dump, through a file) builds, without
    validation, a model equal to the validated one, that dumps to the same record."""
    record = json.loads(json.dumps(model.model_dump(mode="json")))
    kind = type(model)
    built, checked = build(kind, record), kind.model_validate(record)
    assert built == checked
    assert built.model_dump(mode="json") == checked.model_dump(mode="json") == record
    assert [type(getattr(built, name)) for name in kind.model_fields] == [
        type(getattr(checked, name)) for name in kind.model_fields]
