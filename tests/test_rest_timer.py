"""The rest timer: a deadline on a fake clock, extended, skipped and overrun."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gymtui.domain.clock import FakeClock
from gymtui.domain.rest_timer import RestTimer
from hypothesis_profiles import examples


def make(seconds: float = 120) -> tuple[RestTimer, FakeClock]:
    clock = FakeClock(5000.0)
    return RestTimer(clock, seconds), clock


def test_counts_down_from_the_deadline() -> None:
    timer, clock = make(90)
    assert timer.remaining() == 90
    assert timer.countdown() == 90
    assert not timer.done
    clock.advance(30.25)
    assert timer.remaining() == pytest.approx(59.75)
    assert timer.countdown() == 60
    assert timer.elapsed() == pytest.approx(30.25)
    assert timer.overtime() == 0


def test_done_exactly_at_the_deadline_then_overtime_grows() -> None:
    timer, clock = make(60)
    clock.advance(59.999)
    assert not timer.done
    assert timer.countdown() == 1
    clock.advance(0.001)
    assert timer.done
    assert timer.remaining() == 0
    assert timer.countdown() == 0
    assert timer.overtime() == pytest.approx(0, abs=1e-6)
    clock.advance(42)
    assert timer.overtime() == pytest.approx(42)
    assert timer.remaining() == 0


def test_extend_before_the_deadline_adds_to_it() -> None:
    timer, clock = make(60)
    clock.advance(50)
    timer.extend(30)
    assert timer.remaining() == pytest.approx(40)
    assert timer.planned == pytest.approx(90)


def test_extend_in_overtime_counts_from_now() -> None:
    timer, clock = make(60)
    clock.advance(75)  # 15 s over
    timer.extend(30)
    assert not timer.done
    assert timer.remaining() == pytest.approx(30)
    assert timer.overtime() == 0


def test_shortening_past_now_ends_the_rest_now() -> None:
    timer, clock = make(60)
    clock.advance(10)
    timer.extend(-15)
    assert timer.remaining() == pytest.approx(35)
    timer.extend(-100)
    assert timer.done
    assert timer.overtime() == 0  # not "overdue" just because the lifter cut it short
    clock.advance(3)
    assert timer.overtime() == pytest.approx(3)


def test_skip_ends_the_rest_and_freezes_it() -> None:
    timer, clock = make(120)
    clock.advance(40)
    timer.skip()
    assert timer.done and timer.skipped
    assert timer.remaining() == 0
    clock.advance(500)
    assert timer.overtime() == 0
    assert timer.elapsed() == pytest.approx(40)
    timer.extend(30)  # a skipped rest stays skipped
    assert timer.done and timer.remaining() == 0
    assert timer.next_redraw_in() is None


def test_zero_rest_is_done_at_once_and_negative_is_refused() -> None:
    timer, _ = make(0)
    assert timer.done
    with pytest.raises(ValueError):
        make(-1)
    with pytest.raises(ValueError):
        make(float("inf"))
    timer2, _ = make(10)
    with pytest.raises(ValueError):
        timer2.extend(float("nan"))


def test_explicit_start() -> None:
    clock = FakeClock(100.0)
    timer = RestTimer(clock, 60, start=90.0)
    assert timer.remaining() == pytest.approx(50)
    assert timer.deadline == 150.0
    assert timer.started_at == 90.0


@pytest.mark.parametrize(
    ("t", "redraw_in"),
    [
        (0.0, 1.0),
        (0.25, 0.75),
        (9.5, 0.5),
        (10.0, 1.0),  # the overtime display ticks every whole second from the deadline
        (12.4, 0.6),
    ],
)
def test_next_redraw_follows_the_shown_second(t: float, redraw_in: float) -> None:
    timer, clock = make(10)
    clock.advance(t)
    assert timer.next_redraw_in() == pytest.approx(redraw_in)


def test_state_is_read_from_the_clock_not_counted() -> None:
    many, many_clock = make(120)
    once, once_clock = make(120)
    for _ in range(333):
        many_clock.advance(0.3)
        many.remaining()
    once_clock.advance(99.9)
    assert many.remaining() == pytest.approx(once.remaining())


@settings(max_examples=examples(100))
@given(
    st.integers(0, 900),
    st.lists(st.tuples(st.floats(0, 60), st.sampled_from([0, 0, 0, 15, 30, -15])), max_size=30),
)
def test_remaining_and_overtime_never_both_positive(seconds: int, steps) -> None:
    timer, clock = make(seconds)
    for advance, extra in steps:
        before = timer.remaining()
        clock.advance(advance)
        assert timer.remaining() <= before + 1e-9  # time alone never adds rest
        if extra:
            timer.extend(extra)
        assert timer.remaining() >= 0 and timer.overtime() >= 0
        assert timer.remaining() == 0 or timer.overtime() == 0
        assert timer.done == (timer.remaining() == 0)
        redraw = timer.next_redraw_in()
        assert redraw is not None and 0 < redraw <= 1.0 + 1e-9
