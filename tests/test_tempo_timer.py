"""The tempo timer engine: schedules, state read from a fake clock, and its invariants."""

from __future__ import annotations

import itertools
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gymtui.domain.clock import Clock, FakeClock, SystemClock
from gymtui.domain.tempo import Tempo, parse_tempo
from gymtui.domain.tempo_schedule import TempoSchedule, hold_schedule, tempo_schedule
from gymtui.domain.tempo_timer import TempoTimer
from hypothesis_profiles import examples

Row = tuple[int, str, float, float, bool]  # rep, phase, start, duration, explosive


def rows(schedule: TempoSchedule) -> list[Row]:
    return [(p.rep, p.name, p.start, p.duration, p.explosive) for p in schedule.phases]


# ---------------------------------------------------------------- clock


def test_fake_clock_moves_only_forward() -> None:
    clock = FakeClock(10.0)
    assert clock.monotonic() == 10.0
    assert clock.advance(2.5) == 12.5
    clock.set(20.0)
    assert clock.monotonic() == 20.0
    with pytest.raises(ValueError):
        clock.advance(-1)
    with pytest.raises(ValueError):
        clock.set(19.0)
    assert clock.monotonic() == 20.0


def test_both_clocks_satisfy_the_protocol() -> None:
    assert isinstance(FakeClock(), Clock)
    assert isinstance(SystemClock(), Clock)
    system = SystemClock()
    first = system.monotonic()
    assert system.monotonic() >= first
    assert abs(system.monotonic() - time.monotonic()) < 1.0


# ---------------------------------------------------------------- schedules


SCHEDULES: list[tuple[str, TempoSchedule, list[Row], float]] = [
    (
        "3-1-1-0, two reps",
        tempo_schedule(parse_tempo("3-1-1-0"), 2),
        [
            (1, "eccentric", 0, 3, False),
            (1, "bottom", 3, 1, False),
            (1, "concentric", 4, 1, False),
            (2, "eccentric", 5, 3, False),
            (2, "bottom", 8, 1, False),
            (2, "concentric", 9, 1, False),
        ],
        10,
    ),
    (
        "3110 with a 3 s lead-in",
        tempo_schedule(parse_tempo("3110"), 1, lead_in=3),
        [
            (0, "lead-in", 0, 3, False),
            (1, "eccentric", 3, 3, False),
            (1, "bottom", 6, 1, False),
            (1, "concentric", 7, 1, False),
        ],
        8,
    ),
    (
        "3-1-X-0 with a 1 s X cue",
        tempo_schedule(parse_tempo("3-1-X-0"), 2, x_seconds=1.0),
        [
            (1, "eccentric", 0, 3, False),
            (1, "bottom", 3, 1, False),
            (1, "concentric", 4, 1, True),
            (2, "eccentric", 5, 3, False),
            (2, "bottom", 8, 1, False),
            (2, "concentric", 9, 1, True),
        ],
        10,
    ),
    (
        "40X0 with a half-second X cue",
        tempo_schedule(parse_tempo("40X0"), 2, x_seconds=0.5),
        [
            (1, "eccentric", 0, 4, False),
            (1, "concentric", 4, 0.5, True),
            (2, "eccentric", 4.5, 4, False),
            (2, "concentric", 8.5, 0.5, True),
        ],
        9,
    ),
    (
        "curl 3-0-1-2 starting with the lift",
        tempo_schedule(parse_tempo("3-0-1-2"), 2, starts_concentric=True),
        [
            (1, "concentric", 0, 1, False),
            (1, "top", 1, 2, False),
            (1, "eccentric", 3, 3, False),
            (2, "concentric", 6, 1, False),
            (2, "top", 7, 2, False),
            (2, "eccentric", 9, 3, False),
        ],
        12,
    ),
    (
        "row 2-0-1-1 with a 20 s top hold per rep (the hold replaces the top pause)",
        tempo_schedule(parse_tempo("2-0-1-1"), 2, starts_concentric=True, hold_seconds=20),
        [
            (1, "concentric", 0, 1, False),
            (1, "hold", 1, 20, False),
            (1, "eccentric", 21, 2, False),
            (2, "concentric", 23, 1, False),
            (2, "hold", 24, 20, False),
            (2, "eccentric", 44, 2, False),
        ],
        46,
    ),
    (
        "bottom hold per rep",
        tempo_schedule(parse_tempo("2-0-1-0"), 1, hold_seconds=5, hold_at="bottom"),
        [
            (1, "eccentric", 0, 2, False),
            (1, "hold", 2, 5, False),
            (1, "concentric", 7, 1, False),
        ],
        8,
    ),
    (
        "one 20 s hold for the set, after a lead-in",
        hold_schedule(20, lead_in=3),
        [(0, "lead-in", 0, 3, False), (1, "hold", 3, 20, False)],
        23,
    ),
]


@pytest.mark.parametrize(("case", "schedule", "expected", "total"), SCHEDULES, ids=[s[0] for s in SCHEDULES])
def test_schedule_table(case: str, schedule: TempoSchedule, expected: list[Row], total: float) -> None:
    assert rows(schedule) == pytest.approx(expected)
    assert schedule.total == pytest.approx(total)


def test_labels_for_the_lifter() -> None:
    schedule = tempo_schedule(parse_tempo("3-1-X-2"), 1, lead_in=3)
    assert [p.label for p in schedule.phases] == ["GET READY", "LOWER", "PAUSE", "DRIVE", "HOLD"]
    assert [p.label for p in hold_schedule(10).phases] == ["HOLD"]


def test_schedule_is_immutable() -> None:
    schedule = tempo_schedule(parse_tempo("3110"), 1)
    with pytest.raises(AttributeError):
        schedule.reps = 5  # type: ignore[misc]
    with pytest.raises(AttributeError):
        schedule.phases[0].duration = 9  # type: ignore[misc]


@pytest.mark.parametrize(
    "kwargs",
    [
        {"reps": 0},
        {"reps": -1},
        {"reps": True},
        {"reps": 1, "lead_in": -1},
        {"reps": 1, "x_seconds": 0},
        {"reps": 1, "hold_seconds": 0},
        {"reps": 1, "lead_in": float("nan")},
    ],
)
def test_bad_schedule_arguments(kwargs: dict) -> None:
    with pytest.raises(ValueError):
        tempo_schedule(parse_tempo("3-1-1-0"), **kwargs)


def test_a_tempo_of_zeros_has_no_duration() -> None:
    with pytest.raises(ValueError, match="no duration"):
        tempo_schedule(parse_tempo("0-0-0-0"), 5)
    # ...unless a hold gives each rep some time.
    assert tempo_schedule(parse_tempo("0-0-0-0"), 2, hold_seconds=10).total == 20
    with pytest.raises(ValueError):
        hold_schedule(0)


# ---------------------------------------------------------------- state from the clock


def make_timer(tempo: str = "3-1-1-0", reps: int = 2, **kwargs) -> tuple[TempoTimer, FakeClock]:
    clock = FakeClock(1000.0)
    return TempoTimer(tempo_schedule(parse_tempo(tempo), reps, **kwargs), clock), clock


# t, phase, label, rep, seconds_left, countdown, reps_completed, tut, phase_index
STATES = [
    (0.0, "lead-in", "GET READY", 0, 3.0, 3, 0, 0.0, 0),
    (0.5, "lead-in", "GET READY", 0, 2.5, 3, 0, 0.0, 0),
    (2.0, "lead-in", "GET READY", 0, 1.0, 1, 0, 0.0, 0),
    (2.75, "lead-in", "GET READY", 0, 0.25, 1, 0, 0.0, 0),
    (3.0, "eccentric", "LOWER", 1, 3.0, 3, 0, 0.0, 1),
    (6.0, "bottom", "PAUSE", 1, 1.0, 1, 0, 3.0, 2),
    (7.0, "concentric", "LIFT", 1, 1.0, 1, 0, 4.0, 3),
    (7.5, "concentric", "LIFT", 1, 0.5, 1, 0, 4.5, 3),
    (8.0, "eccentric", "LOWER", 2, 3.0, 3, 1, 5.0, 4),
    (12.5, "concentric", "LIFT", 2, 0.5, 1, 1, 9.5, 6),
    (13.0, None, "DONE", 2, 0.0, 0, 2, 10.0, 7),
    (99.0, None, "DONE", 2, 0.0, 0, 2, 10.0, 7),
]


@pytest.mark.parametrize(("t", "phase", "label", "rep", "left", "countdown", "done", "tut", "index"), STATES)
def test_state_at_boundaries(t, phase, label, rep, left, countdown, done, tut, index) -> None:
    timer, clock = make_timer(lead_in=3)
    clock.advance(t)
    state = timer.state()
    assert (state.phase, state.label, state.rep) == (phase, label, rep)
    assert state.seconds_left == pytest.approx(left)
    assert state.countdown == countdown
    assert state.reps_completed == done
    assert state.time_under_tension == pytest.approx(tut)
    assert state.phase_index == index
    assert state.finished is (phase is None)
    assert state.elapsed == pytest.approx(min(t, 13.0))
    assert state.target_reps == 2


def test_explosive_phase_is_flagged() -> None:
    timer, clock = make_timer("40X0", 1, x_seconds=0.5)
    clock.advance(4.1)
    state = timer.state()
    assert (state.phase, state.label, state.explosive) == ("concentric", "DRIVE", True)
    assert state.seconds_left == pytest.approx(0.4)


def test_rep_counts_when_its_last_non_zero_phase_ends() -> None:
    # Curl 3-0-1-2: the bottom pause is 0 s, so the rep ends with the eccentric at 6 s.
    timer, clock = make_timer("3-0-1-2", 3, starts_concentric=True)
    clock.advance(5.999)
    assert timer.state().reps_completed == 0
    clock.advance(0.001)
    assert timer.state().reps_completed == 1
    assert timer.state().phase == "concentric"


def test_state_is_computed_from_the_clock_not_from_calls() -> None:
    # One read after a long jump equals many reads along the way: nothing counts ticks.
    jumpy, jumpy_clock = make_timer(lead_in=3)
    steady, steady_clock = make_timer(lead_in=3)
    for _ in range(97):
        steady_clock.advance(0.1)
        steady.state()
    jumpy_clock.advance(9.7)
    assert jumpy.state().phase_index == steady.state().phase_index
    assert jumpy.state().seconds_left == pytest.approx(steady.state().seconds_left)


def test_explicit_start_time() -> None:
    clock = FakeClock(50.0)
    timer = TempoTimer(tempo_schedule(parse_tempo("3110"), 1), clock, start=48.0)
    assert timer.started_at == 48.0
    assert timer.state().elapsed == pytest.approx(2.0)
    # A start in the future reads as "not started yet", never as negative time.
    later = TempoTimer(tempo_schedule(parse_tempo("3110"), 1), clock, start=60.0)
    assert later.state().elapsed == 0.0
    assert later.state().phase == "eccentric"


# ---------------------------------------------------------------- pause, resume, stop


def test_pause_excludes_paused_time() -> None:
    timer, clock = make_timer(lead_in=3)
    clock.advance(4.0)
    timer.pause()
    frozen = timer.state()
    assert frozen.paused and frozen.phase == "eccentric"
    clock.advance(100.0)
    assert timer.state() == frozen
    assert timer.next_change_in() is None
    assert timer.next_redraw_in() is None
    timer.resume()
    assert not timer.state().paused
    clock.advance(2.0)
    state = timer.state()
    assert state.elapsed == pytest.approx(6.0)
    assert state.phase == "bottom"


def test_pause_and_resume_are_idempotent() -> None:
    timer, clock = make_timer()
    timer.resume()  # not paused: nothing happens
    clock.advance(1.0)
    timer.pause()
    clock.advance(5.0)
    timer.pause()  # already paused: the pause keeps its first start
    clock.advance(5.0)
    timer.resume()
    timer.resume()
    clock.advance(1.0)
    assert timer.elapsed() == pytest.approx(2.0)


def test_several_pauses_add_up() -> None:
    timer, clock = make_timer()
    for _ in range(3):
        clock.advance(1.0)
        timer.pause()
        clock.advance(7.0)
        timer.resume()
    assert timer.elapsed() == pytest.approx(3.0)


def test_stop_mid_rep_returns_completed_reps_and_freezes() -> None:
    timer, clock = make_timer(lead_in=3)
    clock.advance(10.0)  # rep 2, eccentric
    assert timer.stop() == 1
    state = timer.state()
    assert state.finished and state.stopped
    assert (state.phase, state.label, state.reps_completed) == (None, "STOPPED", 1)
    assert state.time_under_tension == pytest.approx(7.0)
    assert state.phase_index == len(timer.schedule.phases)
    clock.advance(50.0)
    assert timer.state() == state
    assert timer.stop() == 1
    assert timer.next_change_in() is None
    timer.pause()
    timer.resume()
    assert timer.state() == state


def test_stop_exactly_at_the_end_of_a_rep_counts_it() -> None:
    timer, clock = make_timer(lead_in=3)
    clock.advance(8.0)
    assert timer.stop() == 1


def test_stop_after_the_last_rep_is_done() -> None:
    timer, clock = make_timer()
    clock.advance(30.0)
    assert timer.stop() == 2
    assert timer.state().label == "DONE"


def test_stop_while_paused_uses_the_paused_time() -> None:
    timer, clock = make_timer()
    clock.advance(5.5)
    timer.pause()
    clock.advance(60.0)
    assert timer.stop() == 1
    assert timer.state().elapsed == pytest.approx(5.5)
    assert not timer.state().paused


def test_pause_after_the_end_does_nothing() -> None:
    timer, clock = make_timer()
    clock.advance(20.0)
    timer.pause()
    assert not timer.paused
    assert timer.finished


# ---------------------------------------------------------------- redraw scheduling


@pytest.mark.parametrize(
    ("t", "change_in", "redraw_in"),
    [
        (0.0, 3.0, 1.0),
        (0.25, 2.75, 0.75),
        (2.5, 0.5, 0.5),
        (3.0, 3.0, 1.0),
        (3.5, 2.5, 0.5),
        (7.5, 0.5, 0.5),
        (12.9, 0.1, 0.1),
        (13.0, None, None),
    ],
)
def test_next_change_and_redraw(t: float, change_in, redraw_in) -> None:
    timer, clock = make_timer(lead_in=3)
    clock.advance(t)
    if change_in is None:
        assert timer.next_change_in() is None
        assert timer.next_redraw_in() is None
    else:
        assert timer.next_change_in() == pytest.approx(change_in)
        assert timer.next_redraw_in() == pytest.approx(redraw_in)


def test_sleeping_until_the_next_change_lands_on_the_next_phase() -> None:
    timer, clock = make_timer("3-1-X-0", 3, lead_in=2, x_seconds=0.7)
    seen = [timer.state().phase_index]
    while (delay := timer.next_change_in()) is not None:
        clock.advance(delay)
        seen.append(timer.state().phase_index)
    assert seen == list(range(len(timer.schedule.phases) + 1))


# ---------------------------------------------------------------- properties

figure = st.one_of(st.none(), st.integers(0, 12))


@st.composite
def schedules(draw) -> tuple[TempoSchedule, Tempo, dict]:
    tempo = Tempo(*draw(st.lists(figure, min_size=4, max_size=4)))
    kwargs = {
        "starts_concentric": draw(st.booleans()),
        "lead_in": draw(st.sampled_from([0, 0, 3, 2.5, 10])),
        "x_seconds": draw(st.sampled_from([1.0, 0.2, 0.7, 1.3, 3.0])),
    }
    if all(f == 0 for f in tempo.figures()):
        kwargs["hold_seconds"] = draw(st.integers(1, 30))
    reps = draw(st.integers(1, 25))
    return tempo_schedule(tempo, reps, **kwargs), tempo, kwargs


@settings(max_examples=examples(150))
@given(schedules())
def test_phases_are_contiguous_and_cover_the_set(drawn) -> None:
    schedule, tempo, kwargs = drawn
    phases = schedule.phases
    assert phases[0].start == 0
    assert all(p.duration > 0 for p in phases)
    for before, after in itertools.pairwise(phases):
        assert after.start == pytest.approx(before.end, abs=1e-9)
        assert after.rep >= before.rep
    assert phases[-1].end == pytest.approx(schedule.total, abs=1e-9)
    assert {p.rep for p in phases} - {0} == set(range(1, schedule.reps + 1))
    assert any(p.name == "lead-in" for p in phases) == (kwargs["lead_in"] > 0)
    if "hold_seconds" not in kwargs:
        expected = kwargs["lead_in"] + schedule.reps * tempo.rep_seconds(kwargs["x_seconds"])
        assert schedule.total == pytest.approx(expected)
        explosive = [p for p in phases if p.explosive]
        assert all(p.duration == kwargs["x_seconds"] for p in explosive)
        assert len(explosive) == schedule.reps * tempo.figures().count(None)


@settings(max_examples=examples(100))
@given(schedules(), st.lists(st.floats(0, 400), max_size=30))
def test_lookup_matches_a_linear_scan(drawn, times: list[float]) -> None:
    schedule = drawn[0]
    for t in times:
        index = schedule.index_at(t)
        # The schedule counts an instant within a nanosecond of a boundary as the next phase's
        # (a sleep of exactly next_change_in() must land in it), so the scan does too.
        linear = next((i for i, p in enumerate(schedule.phases) if t + 1e-9 < schedule.end_of(i)),
                      len(schedule.phases))
        assert index == linear
        if index < len(schedule.phases):
            assert schedule.phases[index].start <= t + 1e-9


actions = st.lists(
    st.tuples(st.floats(0, 20, allow_nan=False), st.sampled_from(["none", "none", "pause", "resume"])),
    max_size=40,
)


@settings(max_examples=examples(150))
@given(schedules(), actions)
def test_state_moves_only_forward(drawn, steps) -> None:
    schedule = drawn[0]
    clock = FakeClock()
    timer = TempoTimer(schedule, clock)
    previous = timer.state()
    active = 0.0
    for seconds, action in steps:
        if not timer.paused:
            active += seconds
        clock.advance(seconds)
        if action == "pause":
            timer.pause()
        elif action == "resume":
            timer.resume()
        state = timer.state()
        assert state.phase_index >= previous.phase_index
        assert state.elapsed >= previous.elapsed
        assert state.reps_completed >= previous.reps_completed
        assert state.time_under_tension >= previous.time_under_tension - 1e-9
        assert not (previous.finished and not state.finished)
        assert state.elapsed == pytest.approx(min(active, schedule.total), abs=1e-6)
        assert state.time_under_tension <= state.elapsed + 1e-9
        if not state.finished:
            phase = schedule.phases[state.phase_index]
            assert (state.phase, state.rep, state.label) == (phase.name, phase.rep, phase.label)
            assert 0 < state.seconds_left <= phase.duration + 1e-9
        previous = state


@settings(max_examples=examples(60))
@given(schedules(), st.floats(0, 600))
def test_stop_agrees_with_state(drawn, t: float) -> None:
    clock = FakeClock()
    timer = TempoTimer(drawn[0], clock)
    clock.advance(t)
    before = timer.state()
    assert timer.stop() == before.reps_completed
    assert timer.state().time_under_tension == pytest.approx(before.time_under_tension)


def test_a_ten_minute_set_looks_up_as_fast_as_a_short_one() -> None:
    # Not a timing test: the lookup table is a sorted tuple searched by bisect, so this
    # only checks that a long schedule still answers correctly at its far end.
    schedule = tempo_schedule(parse_tempo("3-1-1-1"), 100, lead_in=3)
    assert schedule.total == 603
    assert schedule.index_at(602.5) == len(schedule.phases) - 1
    assert schedule.reps_completed_at(602.9) == 99
