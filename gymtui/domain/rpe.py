"""RPE maths: the RTS percentage chart, estimated one-rep maxes (e1RM) and loads for a target.

The RTS chart is a single sequence S read two ways: every half point of RPE below 10 is one
step along S and every extra rep is two steps, so cell(reps, RPE) = S[2(reps-1) + 2(10-RPE)].
S interleaves the chart's RPE 10 row (even indices) with its RPE 9.5 row (odd indices).

The chart in DOMAIN.md stops at RPE 6.5; rows for RPE 6 need S up to index 30 (12 reps at
RPE 6). Indices 0-29 all appear in the table. Index 30 is extrapolated: from S[22] (68.0)
on, the steps alternate 1.3 and 1.4 (68.0, 66.7, 65.3, 64.0, 62.6, 61.3, 59.9, 58.6), so
the next step is 1.4 and S[30] = 57.2. It is the only figure here that is not in the table,
and it is used only for 12 reps at RPE 6.

Past 12 reps, or without an RPE, the chart does not apply and a rep formula is used instead:
Brzycki up to 10 reps to failure, Epley beyond (Brzycki's denominator runs out near 37
reps, and Epley is the better-known estimate for long sets). "Reps to failure" is the reps
done plus the reps left in reserve (10 - RPE); a set without an RPE counts as taken to
failure, which makes the estimate low rather than high. Past 12 reps with an RPE, the
formula is scaled to meet the chart's 12-rep cell, so the estimate moves smoothly from 12
reps to 13 instead of jumping.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from .journal import LoggedSet
from .units import Unit, convert, format_load

CHART_MAX_REPS = 12
RPE_MIN = 6.0
RPE_MAX = 10.0

# %1RM. Indices 0-29 come straight from the DOMAIN.md chart; 30 is extrapolated (see above).
SEQUENCE: tuple[float, ...] = (
    100.0, 97.8, 95.5, 93.9, 92.2, 90.7, 89.2, 87.8, 86.3, 85.0,
    83.7, 82.4, 81.1, 79.9, 78.6, 77.4, 76.2, 75.1, 73.9, 72.3,
    70.7, 69.4, 68.0, 66.7, 65.3, 64.0, 62.6, 61.3, 59.9, 58.6,
    57.2,
)

Method = Literal["rts", "epley", "brzycki"]
# Sets that count as work for estimates: warm-ups are too light and drop sets come tired.
WORK_SET_TYPES = ("working", "failure")


@dataclass(frozen=True, slots=True)
class E1rm:
    """An estimated one-rep max and the method that produced it."""

    value: float
    method: Method


def _check_rpe(rpe: float) -> float:
    if not RPE_MIN <= rpe <= RPE_MAX:
        raise ValueError(f"RPE {rpe:g} is off the chart: use 6 to 10")
    return float(rpe)


def percent_1rm(reps: int, rpe: float) -> float:
    """%1RM of a set of `reps` at `rpe` from the RTS chart (1-12 reps, RPE 6-10).

    RPE between half steps (an average, say 8.25) is interpolated along S.
    """
    if not 1 <= reps <= CHART_MAX_REPS:
        raise ValueError(f"the chart covers 1 to {CHART_MAX_REPS} reps, not {reps}")
    position = 2 * (reps - 1) + 2 * (RPE_MAX - _check_rpe(rpe))
    low = int(position)
    if position == low:
        return SEQUENCE[low]
    fraction = position - low
    return SEQUENCE[low] + (SEQUENCE[low + 1] - SEQUENCE[low]) * fraction


def _reps_to_failure(reps: int, rpe: float | None) -> float:
    return reps + (0.0 if rpe is None else RPE_MAX - _check_rpe(rpe))


def _formula_method(reps_to_failure: float) -> Method:
    return "brzycki" if reps_to_failure <= 10 else "epley"


def _formula_fraction(reps_to_failure: float) -> float:
    """Fraction of the 1RM that can be lifted for `reps_to_failure` reps."""
    if _formula_method(reps_to_failure) == "brzycki":
        return (37 - reps_to_failure) / 36
    return 1 / (1 + reps_to_failure / 30)


def _uses_chart(reps: int, rpe: float | None) -> bool:
    return rpe is not None and reps <= CHART_MAX_REPS


def _past_chart_fraction(reps: int, rpe: float) -> float:
    """Past 12 reps with an RPE: the formula, scaled to meet the chart at 12 reps so that one
    more rep never makes the estimate jump (unscaled, 13 reps read up to 6 % lower than 12)."""
    in_reserve = RPE_MAX - _check_rpe(rpe)
    at_edge = percent_1rm(CHART_MAX_REPS, rpe) / 100
    return _formula_fraction(reps + in_reserve) * at_edge / _formula_fraction(CHART_MAX_REPS + in_reserve)


@lru_cache(maxsize=8192)  # planning asks for the same few sets many times over
def e1rm(load: float, reps: int, rpe: float | None) -> E1rm | None:
    """Estimated 1RM of one set; None for 0 reps (nothing was lifted)."""
    if reps < 0 or load < 0:
        raise ValueError("load and reps cannot be negative")
    if reps == 0:
        return None
    if _uses_chart(reps, rpe):
        assert rpe is not None
        return E1rm(load / (percent_1rm(reps, rpe) / 100), "rts")
    if rpe is not None:
        return E1rm(load / _past_chart_fraction(reps, rpe), _formula_method(_reps_to_failure(reps, rpe)))
    to_failure = _reps_to_failure(reps, rpe)
    return E1rm(load / _formula_fraction(to_failure), _formula_method(to_failure))


def load_for(one_rm: float, reps: int, rpe: float | None) -> float:
    """The load that makes `reps` land at `rpe` for a lifter whose 1RM is `one_rm` (unrounded).

    The inverse of `e1rm`: load_for(e1rm(w, r, p).value, r, p) == w.
    """
    if reps < 1:
        raise ValueError("a target needs at least one rep")
    if _uses_chart(reps, rpe):
        assert rpe is not None
        return one_rm * percent_1rm(reps, rpe) / 100
    if rpe is not None:
        return one_rm * _past_chart_fraction(reps, rpe)
    return one_rm * _formula_fraction(_reps_to_failure(reps, rpe))


def work_sets(sets: Iterable[LoggedSet]) -> list[LoggedSet]:
    """The sets an estimate can use: working or failure sets with a load and at least one rep
    (a timed hold or carry has no rep to estimate from)."""
    return [s for s in sets if s.set_type in WORK_SET_TYPES and s.load is not None and s.reps and not s.timed]


def average_e1rm(sets: Iterable[LoggedSet], unit: Unit) -> E1rm | None:
    """Mean e1RM of the work sets, in `unit`. The method is "rts" only if every set used the chart."""
    estimates = []
    for logged in work_sets(sets):
        assert logged.load is not None and logged.reps is not None
        estimate = e1rm(convert(logged.load, logged.unit, unit), logged.reps, logged.rpe)
        if estimate is not None:
            estimates.append(estimate)
    if not estimates:
        return None
    methods = {e.method for e in estimates}
    method: Method = "rts" if methods == {"rts"} else ("epley" if "epley" in methods else "brzycki")
    return E1rm(sum(e.value for e in estimates) / len(estimates), method)


def rpe_text(rpe: float) -> str:
    """'8', '8.5', or one decimal for an average ('8.7')."""
    return f"{rpe:.1f}".rstrip("0").rstrip(".")


@dataclass(frozen=True, slots=True)
class TopSets:
    """The heaviest work sets of one session (same load): what progression reads."""

    load: float
    unit: Unit
    reps: tuple[int, ...]
    rpes: tuple[float | None, ...]
    e1rm: E1rm | None

    @property
    def min_reps(self) -> int:
        return min(self.reps)

    @property
    def known_rpes(self) -> list[float]:
        return [r for r in self.rpes if r is not None]

    @property
    def avg_rpe(self) -> float | None:
        known = self.known_rpes
        return round(sum(known) / len(known), 2) if known else None

    @property
    def hardest_rpe(self) -> float | None:
        return max(self.known_rpes, default=None)

    def describe(self) -> str:
        """'80 kg x 8 @ 9.5', or per set when they differ: '80 kg x 8, 8, 7 @ 9, 9.5, 10'."""
        reps = {self.reps[0]} == set(self.reps)
        rep_text = str(self.reps[0]) if reps else ", ".join(str(r) for r in self.reps)
        text = f"{format_load(self.load, self.unit)} x {rep_text}"
        if not self.known_rpes:
            return text
        if len(set(self.rpes)) == 1:
            return f"{text} @ {rpe_text(self.known_rpes[0])}"
        return f"{text} @ " + ", ".join("-" if r is None else rpe_text(r) for r in self.rpes)


def top_sets(sets: Iterable[LoggedSet], unit: Unit) -> TopSets | None:
    """The work sets at the session's heaviest load (converted to `unit`), or None."""
    loaded = [(convert(s.load, s.unit, unit), s) for s in work_sets(sets) if s.load is not None]
    if not loaded:
        return None
    heaviest = max(load for load, _ in loaded)
    chosen = [s for load, s in loaded if heaviest - load < 1e-3]
    return TopSets(
        load=round(heaviest, 4),
        unit=unit,
        reps=tuple(s.reps or 0 for s in chosen),
        rpes=tuple(s.rpe for s in chosen),
        e1rm=average_e1rm(chosen, unit),
    )
