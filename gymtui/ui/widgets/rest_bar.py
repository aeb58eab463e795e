"""The rest between sets: kept by the app, large on the workout screen, small everywhere else.

`RestKeeper` lives on the app (`app.rest`), so the rest runs on whatever screen the lifter
opens (recovery notes, mobility) and survives the workout screen being hidden. It holds a
`RestTimer` (a deadline on the app's monotonic clock) and redraws with one-shot timers set
from `next_redraw_in()`: once a second while it counts, nothing at all when no rest runs.
At the deadline it rings once (the bell when settings allow it, and a notification).

`RestBadge` is the small view: the app mounts one on every full screen, floating over the
right of the header line, shown only while a rest runs. `RestPanel` is the large view.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.reactive import reactive
from textual.screen import ModalScreen, Screen
from textual.signal import Signal
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Static

from ...domain.rest_timer import RestTimer
from ..format import rest_text
from ..screens.base import GymScreen
from .big_text import BigText

if TYPE_CHECKING:
    from ..app import GymApp

# A rest left running this long past its end is dropped: the lifter has moved on, and the
# app should not redraw every second for the rest of the evening.
OVERTIME_LIMIT = 15 * 60.0
BADGE_WIDTH = 14


def rest_words(timer: RestTimer | None) -> tuple[str, bool]:
    """('1:23', False) while counting, ('+0:12', True) once over."""
    if timer is None:
        return "", False
    over = timer.overtime()
    if over > 0 or timer.done:
        return f"+{rest_text(int(over))}", True
    return rest_text(timer.countdown()), False


class RestKeeper:
    """The app's rest timer and its redraws; `app.rest`."""

    def __init__(self, app: GymApp) -> None:
        self.app = app
        self.timer: RestTimer | None = None
        self.label = ""  # what the rest is before: "Bent Over Row, set 3"
        self.bell = True
        self.rings = 0  # times the end of a rest rang (tests read it)
        self._rang = False
        self._handle: Timer | None = None
        # Published after every redraw of the rest (the workout screen draws its large panel).
        # Subscribers are called at once (immediate), on the loop, like the badges.
        self.changed: Signal[RestKeeper] = Signal(app, "rest-changed")

    # -- state -----------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self.timer is not None

    def start(self, seconds: float, label: str = "", *, bell: bool = True) -> None:
        self.timer = RestTimer(self.app.clock, max(0.0, float(seconds)))
        self.label = label
        self.bell = bell
        self._rang = False
        self.tick()

    def extend(self, seconds: float) -> None:
        if self.timer is None:
            return
        self.timer.extend(seconds)
        self._rang = self.timer.done
        self.tick()

    def skip(self) -> None:
        """End the rest now (the lifter goes on): nothing rings, nothing redraws any more."""
        if self.timer is not None:
            self.timer.skip()
        self.timer = None
        self.tick()

    # -- redraws ---------------------------------------------------------------------------

    def tick(self) -> None:
        """Redraw from the clock and book the next redraw. Called by its own timer, and by
        tests after moving the clock."""
        if self._handle is not None:
            self._handle.stop()
            self._handle = None
        timer = self.timer
        if timer is not None and timer.overtime() > OVERTIME_LIMIT:
            self.timer = timer = None
        if timer is not None and timer.done and not self._rang:
            self._rang = True
            self.rings += 1
            if self.bell:
                self.app.bell()
            what = f" Next: {self.label}." if self.label else ""
            self.app.notify(f"Rest over.{what}", title="Go", timeout=6)
        self.redraw()
        if timer is not None:
            delay = timer.next_redraw_in()
            if delay is not None:
                self._handle = self.app.set_timer(max(delay, 0.01), self.tick, name="rest-tick")

    @property
    def ticking(self) -> bool:
        """True while a redraw is booked (tests check that nothing runs when idle)."""
        return self._handle is not None

    def redraw(self) -> None:
        for screen in self.app.screen_stack:
            for badge in screen.query(RestBadge):
                badge.show_rest(self.timer)
        self.changed.publish(self)

    # -- the small view on every screen ------------------------------------------------------

    def watch_screens(self) -> None:
        """Give every screen the app shows a badge. Called once the app runs: a signal
        published while the app is still mounting drops its subscribers."""
        if not self.app.is_running:
            return  # scheduled after the first refresh, but the app closed before it ran
        self.app.screen_change_signal.subscribe(self.app, self.attach_badge)
        self.attach_badge(self.app.screen)

    def attach_badge(self, screen: Screen) -> None:
        """Called when the app shows a screen: give it a badge unless it is a dialog or the
        screen shows the rest large itself."""
        if isinstance(screen, ModalScreen) or (isinstance(screen, GymScreen) and screen.SHOWS_REST):
            return
        if not screen.is_attached:
            return  # already taken down: its place was left before this reached it
        if not screen.is_mounted:
            # A place's screen is shown as its mode opens, which on a busy machine is before it
            # has mounted: give it its badge once it has (nothing, if it closes first).
            screen.call_later(self.attach_badge, screen)
            return
        if not screen.query(RestBadge):
            screen.mount(RestBadge())
        for badge in screen.query(RestBadge):
            badge.show_rest(self.timer)


class RestBadge(Widget):
    """'REST 1:23' floating over the right end of the header line; hidden with no rest."""

    words: reactive[str] = reactive("")

    DEFAULT_CSS = f"""
    RestBadge {{
        position: absolute;
        overlay: screen;
        width: {BADGE_WIDTH};
        height: 1;
        background: $rest;
        color: $background;
        text-style: bold;
        content-align: center middle;
        display: none;
    }}
    RestBadge.-over {{
        background: $rest-over;
    }}
    """

    def show_rest(self, timer: RestTimer | None) -> None:
        words, over = rest_words(timer)
        self.display = timer is not None
        if timer is None:
            return
        self.set_class(over, "-over")
        self.words = f"GO {words}" if over else f"REST {words}"
        width = self.screen.size.width if self.is_attached else 80
        self.styles.offset = (max(0, width - BADGE_WIDTH - 1), 0)

    def render(self) -> str:
        return self.words


class RestPanel(Vertical):
    """The large rest on the workout screen: time left in block figures, a bar, the keys."""

    DEFAULT_CSS = """
    RestPanel {
        height: auto;
    }
    RestPanel > #rest-big {
        height: 5;
        color: $rest;
    }
    RestPanel.-over > #rest-big {
        color: $rest-over;
    }
    RestPanel > #rest-line {
        height: 1;
        content-align: center middle;
    }
    """

    def compose(self) -> ComposeResult:
        yield BigText("", id="rest-big")
        yield Static("", id="rest-line")

    def show_rest(self, timer: RestTimer | None, label: str = "") -> None:
        big = self.query_one("#rest-big", BigText)
        line = self.query_one("#rest-line", Static)
        words, over = rest_words(timer)
        self.set_class(over, "-over")
        if timer is None:
            big.update("")
            line.update("")
            return
        big.update(f"GO {words}" if over else f"REST {words}")
        width = 20
        planned = max(timer.planned, 1e-9)
        done = min(1.0, timer.elapsed() / planned)
        filled = round(width * done)
        bar_colour = "$rest-over" if over else "$rest"
        bar = f"[{bar_colour}]{'━' * filled}[/][$text-muted]{'─' * (width - filled)}[/]"
        if over:
            status = f"[b]rest over[/b] {rest_text(int(timer.overtime()))} ago"
        else:
            status = f"{rest_text(timer.countdown())} of {rest_text(round(timer.planned))}"
        nxt = f"   next: {label}" if label else ""
        line.update(f"{bar} {status}{nxt}")
