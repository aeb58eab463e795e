"""The tempo timer as the lifter sees it: the phase, its countdown, the rep, time under tension.

A band in the phase's theme colour holds a big symbol, the phase word and the seconds left,
all in block letters; below it the rep count, the time under tension and one rep's phases in
order with the current one marked. A phase is told by its colour, its symbol and its word,
never by colour alone. The panel only draws a `TempoState` it is given: the screen reads the
timer (and so the clock) and hands the state over.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Static

from ...domain.tempo_schedule import Phase, TempoSchedule
from ...domain.tempo_timer import TempoState
from .big_text import BigText


@dataclass(frozen=True)
class PhaseLook:
    css: str  # class on the band: its colour
    symbol: str  # big symbol, in the block font
    word: str  # big word
    small: str  # symbol for one-line text


LOOKS: dict[str, PhaseLook] = {
    "lead-in": PhaseLook("-ready", "○", "READY", "○"),
    "eccentric": PhaseLook("-lower", "▼", "LOWER", "▼"),
    "bottom": PhaseLook("-pause", "■", "PAUSE", "■"),
    "concentric": PhaseLook("-lift", "▲", "LIFT", "▲"),
    "top": PhaseLook("-hold", "●", "HOLD", "●"),
    "hold": PhaseLook("-hold", "◆", "HOLD", "◆"),
}
DRIVE = PhaseLook("-drive", "▲", "DRIVE", "▲")
PAUSED = PhaseLook("-paused", "■", "PAUSED", "■")
ALL_CLASSES = {look.css for look in LOOKS.values()} | {DRIVE.css, PAUSED.css}


def look_of(phase: Phase | None, explosive: bool = False) -> PhaseLook:
    if phase is None:
        return LOOKS["lead-in"]
    if explosive or phase.explosive:
        return DRIVE
    return LOOKS[phase.name]


def rep_strip(schedule: TempoSchedule, current: int | None) -> str:
    """One rep's phases in order, e.g. '▲ LIFT 1 · ● HOLD 2 · ▼ LOWER 3', current in reverse."""
    first_rep = [(i, p) for i, p in enumerate(schedule.phases) if p.rep == 1]
    if not first_rep:
        return ""
    per_rep = len(first_rep)
    start = first_rep[0][0]
    active = None
    if current is not None and current < len(schedule.phases) and schedule.phases[current].rep >= 1:
        active = (current - start) % per_rep
    parts = []
    for offset, (_, phase) in enumerate(first_rep):
        look = look_of(phase)
        seconds = "X" if phase.explosive else f"{phase.duration:g}"
        text = f"{look.small} {look.word} {seconds}"
        parts.append(f"[reverse b] {text} [/]" if offset == active else f" {text} ")
    return "·".join(parts)


class TempoPanel(Vertical):
    """Draws one `TempoState`; `flash(True)` inverts the band for the phase-change cue."""

    DEFAULT_CSS = """
    TempoPanel {
        height: auto;
    }
    """

    def compose(self) -> ComposeResult:
        with Horizontal(id="tp-band"):
            yield BigText("", id="tp-symbol")
            yield BigText("", id="tp-word")
            yield BigText("", id="tp-count")
        with Horizontal(id="tp-stats"):
            yield Static("REP", id="tp-rep-label")
            yield BigText("", id="tp-rep")
            yield Static("", id="tp-info")
        yield Static("", id="tp-strip")

    _shown: tuple[object, ...] | None = None  # what the panel shows now, to skip a redraw that changes nothing

    def show(self, state: TempoState, schedule: TempoSchedule, *, hold_set: bool = False,
             flashing: bool = False) -> None:
        """`flashing`: the band flashes (a phase has just changed, see flash)."""
        # Redraws come at phase changes and whole seconds, sometimes twice for the same
        # moment (the cue thread's and the loop's own); restyling the band costs milliseconds
        # of the event loop, so a redraw with nothing new does nothing.
        shown = (schedule, hold_set, state.phase_index, state.paused, state.explosive, state.countdown,
                 state.rep, state.reps_completed, elapsed_text(state.time_under_tension))
        if shown == self._shown:
            self.flash(flashing)
            return
        self._shown = shown
        phase = schedule.phases[state.phase_index] if state.phase is not None else None
        look = PAUSED if state.paused else look_of(phase, state.explosive)
        # One restyle of the band for its new look and its flash, not one for each class
        # taken off or put on.
        self.query_one("#tp-band").update_classes({**{css: css == look.css for css in ALL_CLASSES},
                                                   "-flash": flashing})
        self.query_one("#tp-symbol", BigText).update(look.symbol)
        self.query_one("#tp-word", BigText).update(look.word)
        # An X phase has no countdown: the word is the cue.
        count = "" if state.explosive else str(state.countdown)
        self.query_one("#tp-count", BigText).update(count)
        if hold_set:
            # One long hold: the band counts down what is left, this shows how long so far.
            self.query_one("#tp-rep-label", Static).update("TIME")
            self.query_one("#tp-rep", BigText).update(elapsed_text(state.time_under_tension))
        else:
            self.query_one("#tp-rep-label", Static).update("REP")
            rep = max(state.rep, 0)
            self.query_one("#tp-rep", BigText).update(f"{rep}/{state.target_reps}" if rep else f"0/{state.target_reps}")
        total = schedule.time_under_tension
        if hold_set:
            # A hold or carry is timed, not counted: no reps to speak of.
            lines = [f"[b]Held[/b] {elapsed_text(state.time_under_tension)} of {elapsed_text(total)}"]
        else:
            lines = [
                f"[b]TUT[/b] {elapsed_text(state.time_under_tension)} of {elapsed_text(total)}",
                f"[b]Reps done[/b] {state.reps_completed} of {state.target_reps}",
            ]
        nxt = _next_phase(schedule, state.phase_index)
        if state.paused:
            lines.append("[$warning b]PAUSED[/] space resumes")
        elif nxt is not None:
            after = look_of(nxt)
            lines.append(f"[b]Next[/b] {after.small} {after.word}")
        else:
            lines.append("[b]Next[/b] last phase")
        self.query_one("#tp-info", Static).update("\n".join(lines))
        self.query_one("#tp-strip", Static).update(rep_strip(schedule, state.phase_index))

    def flash(self, on: bool) -> None:
        self.query_one("#tp-band").set_class(on, "-flash")


def _next_phase(schedule: TempoSchedule, index: int) -> Phase | None:
    following = index + 1
    return schedule.phases[following] if following < len(schedule.phases) else None


def elapsed_text(seconds: float) -> str:
    """Time gone, rounded down (a count-up shows 0:09 only once nine seconds have passed)."""
    whole = int(seconds + 1e-9)
    return f"{whole // 60}:{whole % 60:02d}"
