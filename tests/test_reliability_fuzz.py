"""Fuzzing every text a lifter or a file can hand gymtui: no crash, a clear message, nothing
stored wrong.

Surfaces: set entries (`gymtui log` words, the workout set form), tempo strings, dates for
`--date`, CSV rows of imports, theme files, settings values, recovery note values (the
recovery form's fields and the record itself). Each property says what "clear" means for
it: a one-line message naming the entry, figure, field or file, and, when something is
stored, exactly the values that were typed.
"""

from __future__ import annotations

import json
import math
import tempfile
from pathlib import Path

import pendulum
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from gymtui.cli import CliError, main, parse_day
from gymtui.domain.common import RPE_VALUES, describe_error
from gymtui.domain.daily import RecoveryNote
from gymtui.domain.entry import EntryError, parse_entries
from gymtui.domain.journal import LoggedSet
from gymtui.domain.settings import Settings
from gymtui.domain.tempo import TempoError, parse_tempo
from gymtui.store import Store
from hypothesis_profiles import examples

pytestmark = pytest.mark.slow  # hypothesis-heavy: every property runs the real parsers and store

FAST = settings(max_examples=examples(150), deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=examples(40), deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

# Text that looks like what people type, mixed with anything at all.
NUMBER = st.one_of(
    st.integers(0, 3000).map(str),
    st.floats(0, 3000, allow_nan=False).map(lambda f: f"{f:g}"),
    st.sampled_from(["nan", "inf", "-1", "1e400", "9" * 400, "0.5", "08", "²", "١٢", "1,5", ".", "", "2500", "1001"]),
)
UNIT = st.sampled_from(["", "kg", "kgs", "lb", "lbs", "KG", "stone", "#"])
ENTRY = st.one_of(
    st.builds(lambda load, unit, reps, rpe: f"{load}{unit}x{reps}" + (f"@{rpe}" if rpe else ""), NUMBER, UNIT, NUMBER,
              st.one_of(st.just(""), NUMBER, st.sampled_from(["8.5", "8,5", "11", "5.5", "10"]))),
    st.sampled_from(["bw", "bw x12", "x", "@", "80 x 8 @ 9", "80×8", "bwkgx5", "80x", "x8"]),
    st.text(max_size=10),
)


def _store_sets(data_dir: Path) -> list[LoggedSet]:
    if not (data_dir / "profile.json").exists():
        return []
    with Store.open(data_dir) as store:
        return [s for session in store.iter_sessions() for s in store.session_sets(session.id)]


def _run(capsys, argv: list[str]) -> tuple[int, str, str]:
    try:
        code = main(argv)
    except SystemExit as stop:  # argparse refusing the words (e.g. one starting with '-')
        code = stop.code
    captured = capsys.readouterr()
    return code, captured.out, captured.err


# -- set entries --------------------------------------------------------------------------------


@FAST
@given(words=st.lists(ENTRY, min_size=1, max_size=4))
def test_entries_parse_to_sets_the_store_accepts_or_a_message_naming_the_entry(words):
    try:
        entries = parse_entries(words, "kg")
    except EntryError as error:
        message = str(error)
        assert message.startswith(("entry ", "no set given")) and "\n" not in message
        return
    for entry in entries:
        # Whatever the parser lets through, the stored record accepts as it is.
        logged = LoggedSet(session_id="s", exercise="deadlift", load=entry.load, unit=entry.unit, reps=entry.reps,
                           rpe=entry.rpe, logged_at=pendulum.now())
        assert (logged.load, logged.reps, logged.rpe) == (entry.load, entry.reps, entry.rpe)
        assert entry.rpe is None or entry.rpe in RPE_VALUES
        assert entry.load is None or (math.isfinite(entry.load) and 0 <= entry.load <= 2000)


@SLOW
@given(
    words=st.lists(ENTRY, min_size=1, max_size=3),
    tempo=st.one_of(st.none(), st.text(max_size=9), st.sampled_from(["3-1-1-0", "31X0", "3 1 1"])),
)
def test_gymtui_log_stores_exactly_what_was_typed_or_nothing(capsys, words, tempo):
    with tempfile.TemporaryDirectory() as folder:
        data_dir = Path(folder)
        argv = ["--data-dir", folder, "log", "deadlift", *words] + (["--tempo", tempo] if tempo is not None else [])
        code, out, err = _run(capsys, argv)
        stored = _store_sets(data_dir)
        if code == 0:
            entries = parse_entries(words, "kg")
            assert [(s.load, s.unit, s.reps, s.rpe) for s in stored] == [
                (e.load, e.unit, e.reps, e.rpe) for e in entries
            ]
            assert all(s.tempo == (str(parse_tempo(tempo)) if tempo else None) for s in stored)
            assert out.startswith(f"Stored {len(entries)} working set")
        else:
            assert code == 2, (code, err)
            assert stored == []  # a bad entry or tempo stores nothing, not even the good ones
            assert err.strip(), "refused without a word"
            if not err.startswith("usage:"):  # argparse's own two lines for words like '-5x8'
                assert err.startswith("gymtui: ") and len(err.strip().splitlines()) == 1, err


def _set_fields():
    from gymtui.domain.entry import SetFields

    return st.builds(SetFields, rpe=st.one_of(NUMBER, st.text(max_size=5)), reps=st.one_of(NUMBER, st.text(max_size=5)),
                     load=st.one_of(st.builds(lambda n, u: f"{n} {u}".strip(), NUMBER, UNIT), st.text(max_size=6)),
                     seconds=st.one_of(NUMBER, st.text(max_size=5)), tempo=st.text(max_size=8),
                     note=st.text(max_size=30), set_type=st.sampled_from(["working", "warmup", "drop", "failure", "x"]))


@FAST
@given(data=st.data(), bodyweight_ok=st.booleans(), hold=st.booleans())
def test_the_workout_set_form_gives_a_storable_set_or_messages_naming_fields(data, bodyweight_ok, hold):
    from gymtui.domain.entry import parse_set_fields
    from gymtui.domain.session_set import make_logged

    fields = data.draw(_set_fields())
    values, errors = parse_set_fields(fields, "kg", bodyweight_ok=bodyweight_ok, hold=hold)
    if values is None:
        assert errors.by_field
        for message in errors.by_field.values():
            assert message and "\n" not in message
            assert "invalid literal" not in message and "Exceeds the limit" not in message, message  # Python's words
        return
    logged = make_logged(values, session_id="s", exercise="deadlift", now=pendulum.now())
    assert (logged.reps, logged.load, logged.rpe, logged.seconds) == (
        values.reps,
        values.load,
        values.rpe,
        values.seconds,
    )
    assert logged.note == fields.note  # kept as typed, spaces and all


NOTES = ["  two spaces first", "trailing space ", "\tindented", "line one\nline two", " ", "plain"]


@pytest.mark.parametrize("note", NOTES)
def test_a_note_is_stored_exactly_as_typed_by_gymtui_log(capsys, tmp_path, note):
    code, _, err = _run(capsys, ["--data-dir", str(tmp_path), "log", "deadlift", "100x5", "--note", note])
    assert code == 0, err
    assert [s.note for s in _store_sets(tmp_path)] == [note]


@pytest.mark.parametrize("note", NOTES)
def test_session_and_recovery_notes_are_kept_as_typed(tmp_path, note):
    from gymtui.domain.journal import Session

    with Store.open(tmp_path) as store:
        session = store.save_session(Session(date=TODAY, started_at=pendulum.now(), notes=note))
        store.save_recovery(RecoveryNote(date=TODAY, text=note, updated_at=pendulum.now()))
    with Store.open(tmp_path) as store:
        assert store.session(session.id).notes == note and store.recovery(TODAY).text == note


# -- tempo strings -----------------------------------------------------------------------------

TEMPO = st.one_of(st.text(max_size=12), st.from_regex(r"\A[0-9xX]{1,3}([ ./:-][0-9xX]{1,3}){2,4}\Z"),
                  st.from_regex(r"\A[0-9xX٠-٩]{3,5}\Z"))


@FAST
@given(TEMPO)
def test_tempo_is_read_the_same_everywhere_or_refused_with_the_figure_named(text):
    try:
        tempo = parse_tempo(text)
    except TempoError as error:
        message = str(error)
        assert message.startswith("tempo") and "\n" not in message
        with pytest.raises(ValidationError):  # the stored record refuses it too
            LoggedSet(session_id="s", exercise="deadlift", reps=5, tempo=text, logged_at=pendulum.now())
        return
    assert all(f is None or 0 <= f <= 99 for f in tempo.figures())
    assert parse_tempo(str(tempo)) == tempo  # what is stored reads back the same
    stored = LoggedSet(session_id="s", exercise="deadlift", reps=5, tempo=text, logged_at=pendulum.now())
    assert stored.tempo == str(tempo)


# -- dates for --date ----------------------------------------------------------------------------

TODAY = pendulum.date(2026, 11, 16)
DATE_TEXT = st.one_of(
    st.text(max_size=20),
    st.dates().map(lambda d: d.isoformat()),
    st.sampled_from(["today", " Yesterday ", "2026-02-30", "2026-13-01", "0000-01-01", "9999-12-31", "2026-W47",
                     "2026-W47-1", "2026-320", "P1D", "1/2/2026", "16.11.2026", "now", "2026-11-16T25:00",
                     "2026-11-16T10:00+25:00", "2026-11-17", "20261116", "T10:00", "10:00", "-1", "1e9",
                     "05.01.2026", "202-01-05", "1900-01-01", "2026-11-16 "]),
)


@FAST
@given(DATE_TEXT)
def test_a_log_date_is_a_past_day_or_a_usage_message(text):
    try:
        day = parse_day(text, TODAY)
    except CliError as error:
        assert error.code == 2
        assert str(error).startswith("--date") and "\n" not in str(error)
        return
    assert isinstance(day, pendulum.Date) and not isinstance(day, pendulum.DateTime)
    assert day <= TODAY
    # Nothing guessed: a day written any other way is refused, not read one way or another.
    assert text.strip().lower() in ("today", "yesterday") or text.strip() == day.isoformat()
    assert day.year >= 1900


@pytest.mark.parametrize("text", ["05.01.2026", "1/2/2026", "202-01-05", "2026-1-5", "20260105", "2026-W02-1",
                                  "0001-01-01", "1899-12-31", "2026-01-05T10:00"])
def test_a_date_written_any_other_way_than_iso_is_refused(text):
    with pytest.raises(CliError) as refused:
        parse_day(text, TODAY)
    assert refused.value.code == 2 and str(refused.value).startswith(f"--date {text!r}")


@pytest.mark.parametrize("text", ["0001-01-01", "9999-12-31", "2101-01-01"])
def test_next_refuses_a_date_beyond_sane_years_without_a_traceback(capsys, tmp_path, text):
    code, out, err = _run(capsys, ["--data-dir", str(tmp_path / "d"), "next", "--date", text])
    assert code == 2 and out == ""
    assert err == f"gymtui: --date {text!r}: the year must be between 1900 and 2100\n"


def test_thousands_of_digits_of_reps_are_refused_by_log(capsys, tmp_path):
    code, _, err = _run(capsys, ["--data-dir", str(tmp_path / "d"), "log", "deadlift", "80x" + "9" * 5000])
    assert code == 2 and err.startswith("gymtui: entry 1 '80x99999") and "(5003 characters)" in err
    assert "at most 1000" in err and len(err) < 200
    assert _store_sets(tmp_path / "d") == []


# -- CSV rows ----------------------------------------------------------------------------------

STRONG_HEADER = (
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE"
)
CELL = st.one_of(NUMBER, st.text(max_size=8), st.sampled_from(["2026-10-05 18:00:00", "Deadlift (Barbell)",
                                                               "Rest Timer", "W", "D", "1h 5m", '"a,b"']))


GOOD_ROW = ["2026-10-05 18:00:00", "Pull", "1h", "Deadlift (Barbell)", "1", "100", "5", "0", "0", "", "", "8"]
# A good row with a few cells changed reaches the checks deep inside; a row of noise, the first ones.
MUTATED_ROW = st.lists(st.tuples(st.integers(0, len(GOOD_ROW) - 1), CELL), min_size=1, max_size=3).map(
    lambda changes: [dict(changes).get(i, cell) for i, cell in enumerate(GOOD_ROW)])


@SLOW
@given(rows=st.lists(st.one_of(MUTATED_ROW, MUTATED_ROW, st.lists(CELL, min_size=10, max_size=13)), min_size=1,
                     max_size=6))
@example(rows=[[*GOOD_ROW[:5], "2500", *GOOD_ROW[6:]], [*GOOD_ROW[:5], "nan", *GOOD_ROW[6:]]])
def test_imported_rows_are_stored_as_read_or_named_and_left_out(rows):
    import csv
    import io

    from gymtui.services.transfer import import_path

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(STRONG_HEADER.split(","))
    writer.writerow(GOOD_ROW)
    writer.writerows(rows)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "strong.csv"
        path.write_text(buffer.getvalue(), encoding="utf-8")
        with Store.open(Path(folder) / "data") as store:
            outcome = import_path(store, path, fmt="strong", unit="kg", tz="Europe/Paris")
            if not outcome.ok:
                assert outcome.error and "\n" not in outcome.error
                assert _count(store) == 0
                return
            result = outcome.csv
            for problem in result.problems:
                assert str(problem).startswith("line ") or "line" in str(problem), problem
            # Every set read is stored as read; a second import adds nothing.
            assert outcome.sets_added == result.tally.sets == _count(store)
            again = import_path(store, path, fmt="strong", unit="kg", tz="Europe/Paris")
            assert (again.sessions_added, again.sets_added) == (0, 0)


def _count(store: Store) -> int:
    return sum(len(store.session_sets(s.id)) for s in store.iter_sessions())


# -- theme files --------------------------------------------------------------------------------

COLOUR = st.one_of(st.from_regex(r"\A#[0-9a-fA-F]{6}\Z"), st.text(max_size=9), st.integers(), st.none())
THEME = st.fixed_dictionaries(
    {"name": st.one_of(st.from_regex(r"\A[a-z][a-z0-9-]{0,12}\Z"), st.text(max_size=12))},
    optional={"primary": COLOUR, "background": COLOUR, "dark": st.one_of(st.booleans(), st.text(max_size=3)),
              "variables": st.one_of(st.dictionaries(st.text(max_size=8), st.text(max_size=8), max_size=3),
                                     st.text(max_size=3)),
              "extra": st.integers()},
)


@FAST
@given(content=st.one_of(THEME.map(lambda d: json.dumps(d).encode()), st.binary(max_size=60),
                         st.text(max_size=60).map(str.encode)))
def test_a_theme_file_is_loaded_or_skipped_with_its_name_and_reason(content):
    from gymtui.ui.themes import load_theme_dir

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "mine.json"
        path.write_bytes(content)
        themes, problems = load_theme_dir(Path(folder))
    assert len(themes) + len(problems) == 1
    if problems:
        assert problems[0].path == path and problems[0].reason and str(problems[0]).startswith(str(path))
    else:
        theme = themes[0]
        assert theme.name and theme.primary.startswith("#")


# -- settings values ----------------------------------------------------------------------------

ANY = st.one_of(st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=True, allow_infinity=True),
                st.text(max_size=8), st.lists(st.floats(-100, 100), max_size=4))
SETTINGS = st.dictionaries(
    st.sampled_from([*sorted(Settings.model_fields), "colour"]),
    st.one_of(ANY, st.lists(st.fixed_dictionaries({"percent": ANY, "reps": ANY}), max_size=3)),
    max_size=5,
)


@FAST
@given(SETTINGS)
def test_settings_values_are_refused_by_field_or_stored_and_read_back(values):
    try:
        chosen = Settings.model_validate(values)
    except ValidationError as error:
        message = describe_error(error)
        named = {str(p["loc"][0]) for p in error.errors() if p.get("loc")}
        assert all(name in message for name in named) and message
        return
    for unit in ("kg", "lb"):
        assert chosen.plates(unit) == sorted(set(chosen.plates(unit)), reverse=True)
        assert all(0 < p <= 60 for p in chosen.plates(unit)) and chosen.bar(unit) > 0
    assert all(math.isfinite(v) for v in (chosen.max_change, chosen.x_cue_seconds, chosen.bar_kg, chosen.bar_lb))
    with tempfile.TemporaryDirectory() as folder:
        with Store.open(Path(folder)) as store:
            store.save_settings(chosen)
        with Store.open(Path(folder)) as store:
            assert store.settings() == chosen


# -- recovery note values -----------------------------------------------------------------------


@FAST
@given(field_name=st.sampled_from(["sleep_hours", "sleep_quality", "stress", "energy", "grip", "sore_low_back"]),
       text=st.one_of(NUMBER, st.text(max_size=8)))
@example(field_name="sleep_quality", text="9" * 400)  # pasted: read as infinity
@example(field_name="sleep_hours", text="nan")
def test_a_recovery_field_is_a_value_in_range_or_a_message_naming_it(field_name, text):
    from gymtui.ui.screens.recovery_fields import BY_NAME, check_value

    field = BY_NAME[field_name]
    value, message = check_value(field, text)
    if message is not None:
        assert value is None and message.startswith(field.named) and "\n" not in message
        return
    if value is None:
        assert not text.strip()
        return
    assert math.isfinite(value) and field.low <= value <= field.high
    assert not field.whole or isinstance(value, int)


@FAST
@given(values=st.dictionaries(st.sampled_from(["sleep_hours", "sleep_quality", "stress", "energy", "grip", "grip_unit",
                                               "soreness", "text", "mood"]),
                              st.one_of(ANY, st.dictionaries(st.text(max_size=10), ANY, max_size=2)), max_size=4))
def test_a_recovery_note_is_refused_by_field_or_stored_as_given(values):
    record = {"date": "2026-11-16", "updated_at": "2026-11-16T08:00:00+01:00", **values}
    try:
        note = RecoveryNote.model_validate(record)
    except ValidationError as error:
        assert describe_error(error)
        return
    for name in ("sleep_hours", "grip"):
        value = getattr(note, name)
        assert value is None or math.isfinite(value)
    with tempfile.TemporaryDirectory() as folder:
        with Store.open(Path(folder)) as store:
            store.save_recovery(note)
        with Store.open(Path(folder)) as store:
            assert store.recovery(note.date) == note
