"""Checklist streaks and adherence: examples and properties against a brute-force count."""

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from gymtui.domain.streaks import (
    adherence,
    best_streak,
    current_streak,
    is_complete,
    ticked_count,
    window,
)
from hypothesis_profiles import examples

TODAY = date(2026, 11, 16)
ALL = ["a", "b", "c"]


def days_ago(n):
    return TODAY - timedelta(days=n)


def test_complete_days_in_a_row_ending_today():
    ticks = {days_ago(0): ALL, days_ago(1): ALL, days_ago(2): ALL, days_ago(4): ALL}
    assert current_streak(ticks, 3, TODAY) == 3


def test_today_not_done_yet_keeps_yesterdays_streak():
    ticks = {days_ago(0): ["a"], days_ago(1): ALL, days_ago(2): ALL}
    assert current_streak(ticks, 3, TODAY) == 2


def test_a_missed_day_ends_the_streak():
    ticks = {days_ago(1): ["a", "b"], days_ago(2): ALL}
    assert current_streak(ticks, 3, TODAY) == 0


def test_no_items_no_streak():
    assert current_streak({TODAY: []}, 0, TODAY) == 0


def test_a_day_counts_distinct_ticks_up_to_the_list_length():
    assert ticked_count(["a", "a", "b"], 3) == 2
    assert ticked_count(["a", "b", "c", "d"], 3) == 3
    assert is_complete(["x", "y", "z"], 3)  # ticks of items since renamed still count
    assert not is_complete(["a", "b"], 3)
    assert not is_complete([], 0)


def test_window_is_oldest_first_and_ends_today():
    marks = window({TODAY: ALL, days_ago(3): ["a"]}, 3, TODAY, 7)
    assert [m.day for m in marks] == [days_ago(n) for n in range(6, -1, -1)]
    assert marks[-1].complete and marks[-1].ticked == 3
    assert marks[3].started and not marks[3].complete
    assert not marks[0].started


def test_adherence_over_a_week():
    ticks = {days_ago(0): ALL, days_ago(1): ["a"], days_ago(2): ALL, days_ago(10): ALL}
    week = adherence(ticks, 3, TODAY, 7)
    assert (week.complete_days, week.ticks, week.possible) == (2, 7, 21)
    assert week.percent == 33


def test_full_adherence_is_100_and_none_is_0():
    full = {days_ago(n): ALL for n in range(7)}
    assert adherence(full, 3, TODAY, 7).percent == 100
    assert adherence({}, 3, TODAY, 7).percent == 0
    assert adherence({}, 0, TODAY, 7).percent == 0


def test_best_streak_anywhere():
    ticks = {days_ago(n): ALL for n in (1, 2, 3, 4, 10, 11)}
    assert best_streak(ticks, 3) == 4
    assert best_streak({}, 3) == 0


# -- properties -------------------------------------------------------------------------------

histories = st.dictionaries(
    st.integers(0, 40).map(days_ago),
    st.lists(st.sampled_from(["a", "b", "c", "d"]), max_size=5),
    max_size=30,
)


def brute_streak(ticks, items, today):
    """Longest k such that the k days ending today (or ending yesterday) are all complete."""
    def full(day):
        return items > 0 and len(set(ticks.get(day, []))) >= items

    best = 0
    for end in (today, today - timedelta(days=1)):
        k = 0
        while full(end - timedelta(days=k)):
            k += 1
        best = max(best, k)
    return best


@settings(max_examples=examples(80), deadline=None)
@given(ticks=histories, items=st.integers(0, 4))
def test_current_streak_matches_a_brute_force_count(ticks, items):
    streak = current_streak(ticks, items, TODAY)
    assert streak == brute_streak(ticks, items, TODAY)
    assert streak <= best_streak(ticks, items)


@settings(max_examples=examples(80), deadline=None)
@given(ticks=histories, items=st.integers(0, 4), days=st.integers(1, 35))
def test_adherence_stays_in_bounds(ticks, items, days):
    result = adherence(ticks, items, TODAY, days)
    marks = window(ticks, items, TODAY, days)
    assert len(marks) == days and marks[-1].day == TODAY
    assert 0 <= result.complete_days <= days
    assert 0 <= result.ticks <= result.possible == days * items
    assert 0 <= result.percent <= 100
    assert (result.percent == 100) == (items > 0 and result.complete_days == days)
