"""The RTS chart, e1RM estimates and loads for a target."""

import itertools
from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gymtui.domain.common import RPE_VALUES
from gymtui.domain.journal import LoggedSet
from gymtui.domain.rpe import SEQUENCE, E1rm, e1rm, load_for, percent_1rm, top_sets
from hypothesis_profiles import examples

# The chart exactly as DOMAIN.md prints it: RPE -> %1RM for 1..12 reps.
TABLE = {
    10: [100, 95.5, 92.2, 89.2, 86.3, 83.7, 81.1, 78.6, 76.2, 73.9, 70.7, 68.0],
    9.5: [97.8, 93.9, 90.7, 87.8, 85.0, 82.4, 79.9, 77.4, 75.1, 72.3, 69.4, 66.7],
    9: [95.5, 92.2, 89.2, 86.3, 83.7, 81.1, 78.6, 76.2, 73.9, 70.7, 68.0, 65.3],
    8.5: [93.9, 90.7, 87.8, 85.0, 82.4, 79.9, 77.4, 75.1, 72.3, 69.4, 66.7, 64.0],
    8: [92.2, 89.2, 86.3, 83.7, 81.1, 78.6, 76.2, 73.9, 70.7, 68.0, 65.3, 62.6],
    7.5: [90.7, 87.8, 85.0, 82.4, 79.9, 77.4, 75.1, 72.3, 69.4, 66.7, 64.0, 61.3],
    7: [89.2, 86.3, 83.7, 81.1, 78.6, 76.2, 73.9, 70.7, 68.0, 65.3, 62.6, 59.9],
    6.5: [87.8, 85.0, 82.4, 79.9, 77.4, 75.1, 72.3, 69.4, 66.7, 64.0, 61.3, 58.6],
}
CELLS = [(reps, rpe, row[reps - 1]) for rpe, row in TABLE.items() for reps in range(1, 13)]
T0 = datetime(2026, 1, 5, 18, 0, tzinfo=UTC)


@pytest.mark.parametrize(("reps", "rpe", "percent"), CELLS)
def test_every_cell_of_the_domain_chart(reps, rpe, percent):
    assert percent_1rm(reps, rpe) == pytest.approx(percent, abs=1e-9)


def test_the_sequence_formula_reproduces_the_table():
    for reps, rpe, percent in CELLS:
        assert SEQUENCE[int(2 * (reps - 1) + 2 * (10 - rpe))] == percent


def test_rpe_6_row_is_rpe_7_one_rep_on_and_12_reps_is_extrapolated():
    assert [percent_1rm(r, 6) for r in range(1, 12)] == TABLE[7][1:]
    assert percent_1rm(12, 6) == 57.2
    assert len(SEQUENCE) == 31


@pytest.mark.parametrize(("reps", "rpe"), [(0, 8), (13, 8), (5, 5.5), (5, 10.5)])
def test_outside_the_chart_is_refused(reps, rpe):
    with pytest.raises(ValueError):
        percent_1rm(reps, rpe)


def test_between_half_steps_is_interpolated():
    assert percent_1rm(8, 8.25) == pytest.approx((73.9 + 75.1) / 2)


@given(st.integers(1, 11), st.sampled_from(RPE_VALUES[:-2]))
def test_one_more_rep_weighs_like_one_rpe_point_more(reps, rpe):
    # Moving right one column and up two rows stays on the same diagonal of S.
    assert percent_1rm(reps + 1, rpe + 1) == percent_1rm(reps, rpe)


def test_chart_falls_with_reps_and_rises_with_rpe():
    for rpe in RPE_VALUES:
        column = [percent_1rm(r, rpe) for r in range(1, 13)]
        assert column == sorted(column, reverse=True) and len(set(column)) == 12
    for reps in range(1, 13):
        row = [percent_1rm(reps, p) for p in RPE_VALUES]
        assert row == sorted(row) and len(set(row)) == len(row)


@pytest.mark.parametrize(
    ("load", "reps", "rpe", "value", "method"),
    [
        (100, 1, 10, 100.0, "rts"),
        (80, 8, 9.5, 80 / 0.774, "rts"),
        (140, 5, 8, 140 / 0.811, "rts"),
        (50, 12, 6, 50 / 0.572, "rts"),
        (100, 5, None, 100 * 36 / 32, "brzycki"),
        (100, 10, None, 100 * 36 / 27, "brzycki"),
        (100, 11, None, 100 * (1 + 11 / 30), "epley"),
        (60, 15, None, 90.0, "epley"),
        # 13 reps with 2 in reserve: Epley for 15 to failure, scaled to meet the chart at 12 reps.
        (60, 13, 8, 60 * (1 + 15 / 30) * (1 / (1 + 14 / 30)) / 0.626, "epley"),
        (0, 5, 8, 0.0, "rts"),
    ],
)
def test_e1rm_values_and_methods(load, reps, rpe, value, method):
    result = e1rm(load, reps, rpe)
    assert result is not None
    assert result.value == pytest.approx(value)
    assert result.method == method


@pytest.mark.parametrize("rpe", RPE_VALUES)
def test_no_jump_from_the_chart_to_the_formula_at_13_reps(rpe):
    """One more rep at the same load and RPE is always a little stronger, never a drop."""
    values = [e1rm(100, reps, rpe).value for reps in range(10, 16)]
    steps = [b / a - 1 for a, b in itertools.pairwise(values)]
    assert all(0 < step < 0.05 for step in steps), steps  # the chart itself steps about 4.5 %


def test_zero_reps_has_no_estimate_and_negatives_are_refused():
    assert e1rm(100, 0, 8) is None
    with pytest.raises(ValueError):
        e1rm(-1, 5, 8)
    with pytest.raises(ValueError):
        load_for(100, 0, 8)


def test_load_for_a_target():
    assert load_for(200, 5, 8) == pytest.approx(162.2)
    assert load_for(200, 1, 10) == pytest.approx(200)
    assert load_for(90, 15, None) == pytest.approx(60)


@settings(max_examples=examples(150))
@given(
    st.floats(1, 400, allow_nan=False),
    st.integers(1, 25),
    st.one_of(st.none(), st.sampled_from(RPE_VALUES)),
)
def test_load_for_inverts_e1rm(load, reps, rpe):
    estimate = e1rm(load, reps, rpe)
    assert isinstance(estimate, E1rm) and estimate.value >= load
    assert load_for(estimate.value, reps, rpe) == pytest.approx(load)


def _set(load, reps, rpe, unit="kg", set_type="working"):
    return LoggedSet(session_id="s1", exercise="deadlift", load=load, unit=unit, reps=reps, rpe=rpe,
                     set_type=set_type, logged_at=T0)


def test_top_sets_reads_the_heaviest_work_sets():
    sets = [_set(60, 5, None, set_type="warmup"), _set(100, 5, 8), _set(100, 5, 8.5), _set(90, 8, 8)]
    top = top_sets(sets, "kg")
    assert top is not None
    assert (top.load, top.reps, top.min_reps, top.avg_rpe, top.hardest_rpe) == (100, (5, 5), 5, 8.25, 8.5)
    assert top.describe() == "100 kg x 5 @ 8, 8.5"
    assert top.e1rm == E1rm(pytest.approx((100 / 0.811 + 100 / 0.824) / 2), "rts")


def test_top_sets_converts_units_and_describes_uniform_sets():
    top = top_sets([_set(225, 5, 8, unit="lb"), _set(225, 5, 8, unit="lb")], "kg")
    assert top is not None and top.load == pytest.approx(225 * 0.45359237, abs=1e-4)
    assert top.describe() == "102.06 kg x 5 @ 8"
    assert top_sets([_set(60, 5, 8, set_type="warmup")], "kg") is None
