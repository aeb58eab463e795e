"""Supersets and circuits: the order of sets when exercises are grouped, and the rests.

Exercises sharing a group label (A, B...) are done one set of each in turn, A1 → A2 → A1 →
A2..., with a short rest between members and the group's rest after each round. A member
with fewer sets drops out of the later rounds. An exercise on its own is done set after set
with its own rest. Groups come from the program day (`Prescription.superset`) or are made
during the session (`Session.groups`, which overrules the day's labels).

`next_set` is the workout controller's question "what now, and how long do I rest first?":
a pure function of what is planned and what is done.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from .journal import Session
from .library import Day

# Between members of a group: the time to walk to the next station and set up.
BETWEEN_MEMBERS_SECONDS = 15
LABELS = tuple(chr(code) for code in range(ord("A"), ord("Z") + 1))


@dataclass(frozen=True)
class GroupRest:
    """The rests of a group: between its members, and after each round."""

    between_seconds: int = BETWEEN_MEMBERS_SECONDS
    round_seconds: int = 120


@dataclass(frozen=True)
class Item:
    """One exercise of the session as the order of sets needs it."""

    exercise: str
    sets: int  # planned, after sets added or dropped today
    rest_seconds: int  # its own rest after a set, when it is done on its own
    group: str | None = None
    # Set indexes (from 0) already logged or skipped: they are not visited again.
    done: frozenset[int] = frozenset()


@dataclass(frozen=True)
class Running:
    """The session as `next_set` reads it: its exercises in order, the rests of its groups,
    and the set just done (None before the first)."""

    items: tuple[Item, ...]
    rests: Mapping[str, GroupRest] = field(default_factory=dict)
    last: tuple[str, int] | None = None


@dataclass(frozen=True)
class NextSet:
    exercise: str
    set_index: int  # from 0
    rest_before: int  # seconds, after the set just done (0 for the first set)
    group: str | None = None
    round: int | None = None  # from 0, within its group


def _blocks(items: Sequence[Item]) -> list[list[Item]]:
    """The session in blocks: an exercise on its own, or a whole group where its first
    member stands (members further down the list join it there)."""
    blocks: list[list[Item]] = []
    by_label: dict[str, list[Item]] = {}
    for item in items:
        if item.group is None:
            blocks.append([item])
        elif item.group in by_label:
            by_label[item.group].append(item)
        else:
            by_label[item.group] = [item]
            blocks.append(by_label[item.group])
    return blocks


def set_order(items: Sequence[Item]) -> Iterator[tuple[Item, int, int | None]]:
    """Every set of the session in the order it is done: (item, set index, round or None)."""
    for block in _blocks(items):
        if len(block) == 1 and block[0].group is None:
            for index in range(block[0].sets):
                yield block[0], index, None
            continue
        for round_ in range(max(item.sets for item in block)):
            for item in block:
                if round_ < item.sets:
                    yield item, round_, round_


def day_rests(day: Day) -> dict[str, GroupRest]:
    """The rests of the day's groups as the program sets them (`Day.superset_rests`); a
    group it leaves out, or a round rest it leaves open, takes `group_rest`'s defaults."""
    found = {}
    for label, rest in day.superset_rests.items():
        members = [rx.rest_seconds for rx in day.prescriptions if rx.superset == label]
        round_seconds = rest.round_seconds if rest.round_seconds is not None else max(members, default=120)
        found[label] = GroupRest(rest.between_seconds, round_seconds)
    return found


def group_rest(label: str, items: Sequence[Item], rests: Mapping[str, GroupRest]) -> GroupRest:
    """The group's rests as configured, else a short rest between members and, after a
    round, the longest own rest among its members."""
    if label in rests:
        return rests[label]
    members = [item.rest_seconds for item in items if item.group == label]
    return GroupRest(round_seconds=max(members, default=GroupRest.round_seconds))


def _rest_between(running: Running, before: tuple[Item, int, int | None], after: tuple[Item, int, int | None]) -> int:
    item, _, round_ = before
    following, _, next_round = after
    if item.group is None:
        return item.rest_seconds
    rests = group_rest(item.group, running.items, running.rests)
    if following.group == item.group and next_round == round_:
        return rests.between_seconds
    return rests.round_seconds


def next_set(running: Running) -> NextSet | None:
    """The next set to do and the rest before it; None when every set is done.

    The next set is the first one not done after the set just done, in the order of sets
    (wrapping to the start for sets skipped past); the rest is the one after the set just
    done: between members of a group within a round, the group's after a round, else the
    exercise's own.
    """
    order = list(set_order(running.items))
    todo = [i for i, (item, index, _) in enumerate(order) if index not in item.done]
    if not todo:
        return None
    last_at = None
    if running.last is not None:
        last_at = next((i for i, (item, index, _) in enumerate(order)
                        if (item.exercise, index) == running.last), None)
    at = todo[0] if last_at is None else next((i for i in todo if i > last_at), todo[0])
    item, index, round_ = order[at]
    rest = 0 if last_at is None else _rest_between(running, order[last_at], order[at])
    return NextSet(item.exercise, index, rest, item.group, round_)


# -- groups in a session -------------------------------------------------------------------


def day_groups(day: Day) -> dict[str, str]:
    """Exercise id -> group label, as the program day has them."""
    return {rx.exercise: rx.superset for rx in day.prescriptions if rx.superset}


def session_groups(session: Session, day: Day | None) -> dict[str, str]:
    """Exercise id -> group label for today: the day's labels, changed by the session's own
    (an empty label there takes an exercise out of its group). A group left with one member
    is no group."""
    groups = day_groups(day) if day is not None else {}
    for exercise, label in session.groups.items():
        if label:
            groups[exercise] = label
        else:
            groups.pop(exercise, None)
    in_session = set(session.order) if session.order else set(groups)
    groups = {e: g for e, g in groups.items() if e in in_session}
    counts: dict[str, int] = {}
    for label in groups.values():
        counts[label] = counts.get(label, 0) + 1
    return {e: g for e, g in groups.items() if counts[g] > 1}


def grouped_with_next(session: Session, day: Day | None, exercise_id: str) -> Session:
    """`session` with `exercise_id` grouped with the exercise after it in the order: into
    that one's group, or its own group, or a new label. ValueError for the last exercise."""
    order = list(session.order)
    if exercise_id not in order:
        raise ValueError(f"{exercise_id} is not in today's session")
    index = order.index(exercise_id)
    if index + 1 >= len(order):
        raise ValueError("the last exercise has none after it to be grouped with")
    following = order[index + 1]
    groups = session_groups(session, day)
    label = groups.get(exercise_id) or groups.get(following)
    if label is None:
        taken = set(groups.values()) | (set(day_groups(day).values()) if day is not None else set())
        label = next((letter for letter in LABELS if letter not in taken), None)
        if label is None:
            raise ValueError("every group label A to Z is taken today")
    merged = {**session.groups, exercise_id: label, following: label}
    # A whole group joining another: every member of the old one follows.
    for exercise, old in groups.items():
        if old in (groups.get(exercise_id), groups.get(following)) and old is not None:
            merged[exercise] = label
    return Session.model_validate({**session.model_dump(), "groups": merged})


def ungrouped(session: Session, exercise_id: str) -> Session:
    """`session` with `exercise_id` done on its own from now on."""
    return Session.model_validate({**session.model_dump(), "groups": {**session.groups, exercise_id: ""}})
