"""Changing the program mid-block: every logged set stays, and the new program's exercises
that the old one trained are planned from their history, with the block going on."""

from __future__ import annotations

from datetime import timedelta

from gymtui.domain.entry import Entry
from tests.lifter import MAIN, Lifter, lift, twice_a_week

TRAINED = (*MAIN, "face-pull")


def every_set(lifter: Lifter) -> dict[str, tuple]:
    with lifter.store() as store:
        return {s.id: (s.exercise, s.load, s.reps, s.rpe)
                for session in store.iter_sessions() for s in store.session_sets(session.id)}


def newest_load(lifter: Lifter, exercise: str) -> float:
    with lifter.store() as store:
        (_, sets), = store.recent_sets(exercise, sessions=1)
    return max(s.load or 0.0 for s in sets)


def test_switching_program_after_three_weeks_keeps_every_set_and_plans_shared_lifts_from_history(tmp_path):
    lifter = Lifter(tmp_path / "data")
    days = twice_a_week(3)
    del days[3]  # a missed Thursday in week two

    def imperfect(name: str, entries: list[Entry]) -> list[Entry]:
        # The last set is always a grind, one rep short.
        last = entries[-1]
        return [*entries[:-1], Entry(load=last.load, unit=last.unit, reps=max(1, (last.reps or 1) - 1), rpe=9.5)]

    for day in days:
        lifter.train(day, only=TRAINED, tweak=imperfect)
    before = every_set(lifter)
    assert len(before) > 20

    switch = days[-1] + timedelta(days=3)
    old = {**{e: lift(lifter.plan(switch, "horizontal-pull"), e) for e in ("bent-over-row", "deadlift", "face-pull")},
           "romanian-deadlift": lift(lifter.plan(switch, "vertical-pull"), "romanian-deadlift")}
    with lifter.store() as store:
        store.save_settings(store.settings().model_copy(update={"program": "full-body-three-day"}))

    for day_id, shared in (("full-a", ("bent-over-row", "face-pull")), ("full-b", ("deadlift",)),
                           ("full-c", ("romanian-deadlift",))):
        plan = lifter.plan(switch, program_day=day_id)
        assert plan.program.id == "full-body-three-day"
        for exercise in shared:
            planned = lift(plan, exercise)
            text = " ".join(planned.reasons)
            last = newest_load(lifter, exercise)
            assert "no history yet" not in text and planned.load is not None, (exercise, text)
            # From the newest logged sets, named in the reason (a deload week lightens them).
            assert f"{last:g} kg" in text and planned.load <= last * 1.1, (exercise, planned.load, last, text)
            # Each lift's block goes on where it was: the same week's targets as under the old program.
            assert (planned.emphasis, planned.reps_min, planned.reps_max, planned.target_rpe) == (
                old[exercise].emphasis, old[exercise].reps_min, old[exercise].reps_max, old[exercise].target_rpe)
        new = next(item.plan for item in plan.exercises if item.exercise.id not in TRAINED
                   and item.exercise.equipment == "barbell")
        assert any("no history yet" in r or "first time" in r for r in new.reasons)
    assert every_set(lifter) == before

    # Training the new program adds sets and takes none away.
    lifter.train(switch, only=TRAINED, program_day="full-a")
    after = every_set(lifter)
    assert set(before) < set(after) and all(after[i] == before[i] for i in before)
