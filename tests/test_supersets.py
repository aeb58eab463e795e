"""Supersets and circuits: the order of sets (A1 -> A2 -> A1 ...), the rests, groups made
during a session, and the program format's checks."""

from __future__ import annotations

import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from gymtui.domain.journal import Session
from gymtui.domain.library import Day, Prescription
from gymtui.domain.supersets import (
    GroupRest,
    Item,
    Running,
    day_rests,
    grouped_with_next,
    next_set,
    session_groups,
    ungrouped,
)

NOW = pendulum.datetime(2026, 3, 2, 18, tz="UTC")


def _walk(items: tuple[Item, ...], rests=None) -> list[tuple[str, int, int]]:
    """Do every set next_set offers, in turn, until it offers none."""
    done: dict[str, set[int]] = {item.exercise: set(item.done) for item in items}
    last = None
    visited = []
    for _ in range(1000):
        current = tuple(Item(i.exercise, i.sets, i.rest_seconds, i.group, frozenset(done[i.exercise])) for i in items)
        found = next_set(Running(current, rests or {}, last))
        if found is None:
            return visited
        visited.append((found.exercise, found.set_index, found.rest_before))
        done[found.exercise].add(found.set_index)
        last = (found.exercise, found.set_index)
    raise AssertionError("next_set never ran out of sets")


def test_a_superset_alternates_with_the_short_rest_between_and_the_round_rest_after():
    items = (Item("face-pull", 3, 90, None), Item("row", 3, 120, "A"), Item("curl", 2, 60, "A"),
             Item("carry", 1, 90, None))
    walk = _walk(items, {"A": GroupRest(between_seconds=10, round_seconds=100)})
    assert walk == [
        ("face-pull", 0, 0), ("face-pull", 1, 90), ("face-pull", 2, 90),
        ("row", 0, 90), ("curl", 0, 10), ("row", 1, 100), ("curl", 1, 10), ("row", 2, 100),
        ("carry", 0, 100),
    ]


def test_a_group_without_its_own_rests_rests_the_longest_of_its_members_after_a_round():
    items = (Item("a", 2, 60, "B"), Item("b", 2, 150, "B"), Item("c", 2, 45, "B"))
    walk = _walk(items)
    assert [w[2] for w in walk] == [0, 15, 15, 150, 15, 15]


def test_sets_done_out_of_order_go_on_from_there_and_come_back_for_the_ones_passed():
    # The lifter went straight to the second round: A1's second set, then B's, then round one.
    items = (Item("a", 2, 60, "A", frozenset({1})), Item("b", 2, 90, "A"))
    found = next_set(Running(items, {}, ("a", 1)))
    assert found is not None and (found.exercise, found.set_index, found.rest_before) == ("b", 1, 15)
    items = (Item("a", 2, 60, "A", frozenset({1})), Item("b", 2, 90, "A", frozenset({1})))
    found = next_set(Running(items, {}, ("b", 1)))
    assert found is not None and (found.exercise, found.set_index, found.rest_before) == ("a", 0, 90)


items_strategy = st.lists(
    st.tuples(st.integers(1, 6), st.integers(0, 300), st.sampled_from([None, "A", "B", "C"])),
    min_size=1, max_size=8,
)


@given(items_strategy)
def test_every_set_of_every_member_is_visited_exactly_once_in_order(spec):
    items = tuple(Item(f"e{i}", sets, rest, group) for i, (sets, rest, group) in enumerate(spec))
    walk = _walk(items)
    seen = [(exercise, index) for exercise, index, _ in walk]
    assert len(seen) == len(set(seen)) == sum(item.sets for item in items)
    for item in items:
        indexes = [index for exercise, index, _ in walk if exercise == item.exercise]
        assert indexes == list(range(item.sets))  # each exercise's sets in their order
    assert walk[0][2] == 0
    # A group's rounds go member by member: within a round, in the order of the session.
    for label in {"A", "B", "C"}:
        members = [item.exercise for item in items if item.group == label]
        if len(members) > 1:
            rounds = [(index, members.index(e)) for e, index, _ in walk if e in members]
            assert rounds == sorted(rounds)


@given(items_strategy, st.data())
def test_resuming_after_any_sets_done_visits_each_remaining_set_once(spec, data):
    items = tuple(
        Item(f"e{i}", sets, rest, group, frozenset(data.draw(st.sets(st.integers(0, sets - 1)))))
        for i, (sets, rest, group) in enumerate(spec)
    )
    walk = _walk(items)
    remaining = {(item.exercise, index) for item in items for index in range(item.sets) if index not in item.done}
    assert sorted((e, i) for e, i, _ in walk) == sorted(remaining)


# -- the program day's format ------------------------------------------------------------------


def _rx(exercise: str, superset: str | None = None, rest: int = 120) -> Prescription:
    return Prescription(exercise=exercise, sets=3, reps_min=8, reps_max=12, superset=superset, rest_seconds=rest)


def test_a_group_of_one_is_refused_with_the_reason():
    with pytest.raises(ValueError, match="superset A has one exercise"):
        Day(id="d", name="D", prescriptions=[_rx("a", "A"), _rx("b")])


def test_a_groups_members_must_follow_each_other():
    with pytest.raises(ValueError, match="superset A: its exercises must follow each other"):
        Day(id="d", name="D", prescriptions=[_rx("a", "A"), _rx("b"), _rx("c", "A")])


def test_rests_for_a_label_no_exercise_carries_are_refused():
    with pytest.raises(ValueError, match="superset_rests: no exercise of the day is in superset B"):
        Day.model_validate(
            {
                "id": "d",
                "name": "D",
                "prescriptions": [_rx("a", "A").model_dump(), _rx("b", "A").model_dump()],
                "superset_rests": {"B": {"between_seconds": 10}},
            }
        )


def test_the_days_rests_default_the_round_to_the_longest_member_rest():
    day = Day.model_validate({
        "id": "d", "name": "D",
        "prescriptions": [_rx("a", "A", 90).model_dump(), _rx("b", "A", 150).model_dump()],
        "superset_rests": {"A": {"between_seconds": 0}},
    })
    assert day_rests(day) == {"A": GroupRest(0, 150)}


# -- groups made during the session -----------------------------------------------------------


def _day() -> Day:
    return Day(id="d", name="D", prescriptions=[_rx("a"), _rx("b", "A"), _rx("c", "A"), _rx("d"), _rx("e")])


def test_grouping_the_current_exercise_with_the_next_makes_a_new_group():
    session = Session(date=NOW.date(), started_at=NOW, order=["a", "b", "c", "d", "e"])
    grouped = grouped_with_next(session, _day(), "d")
    assert session_groups(grouped, _day()) == {"b": "A", "c": "A", "d": "B", "e": "B"}


def test_grouping_with_the_next_joins_its_group_and_ungrouping_leaves_it():
    session = Session(date=NOW.date(), started_at=NOW, order=["a", "b", "c", "d", "e"])
    grouped = grouped_with_next(session, _day(), "a")
    assert session_groups(grouped, _day()) == {"a": "A", "b": "A", "c": "A"}
    circuit = grouped_with_next(grouped, _day(), "c")
    assert session_groups(circuit, _day()) == {"a": "A", "b": "A", "c": "A", "d": "A"}
    alone = ungrouped(ungrouped(circuit, "a"), "d")
    assert session_groups(alone, _day()) == {"b": "A", "c": "A"}
    with pytest.raises(ValueError, match="none after it"):
        grouped_with_next(session, _day(), "e")


# -- a real workout: the shipped minimal program pairs its accessories -------------------------


def test_the_workouts_cards_are_read_in_the_days_superset_order(tmp_path):
    from gymtui.services.context import load_library
    from gymtui.services.planning import plan_session
    from gymtui.services.supersets import running_of
    from gymtui.services.workout import open_workout
    from gymtui.store import Store

    with Store.open(tmp_path / "data", now=lambda: NOW) as store:
        store.save_settings(store.settings().model_copy(update={"program": "minimal-two-day"}))
        library = load_library(store)
        program = library.program("minimal-two-day")
        day = next(d for d in program.days if d.id == "minimal-b")
        workout = open_workout(store, library, plan_session(store, library, store.settings(), NOW.date(), day), NOW)
    running = running_of(workout)
    grouped = [(item.exercise, item.group) for item in running.items if item.group]
    assert grouped == [("dumbbell-romanian-deadlift", "A"), ("face-pull", "A")]
    after_rdl = next_set(Running(running.items, running.rests, ("dumbbell-romanian-deadlift", 0)))
    assert after_rdl is not None and (after_rdl.exercise, after_rdl.set_index, after_rdl.rest_before) == (
        "face-pull", 0, 15)
