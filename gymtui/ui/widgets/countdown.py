"""Large countdown digits that can flash: read from two metres away between items.

The widget only shows a number of seconds it is given. Whoever owns the timer computes that
number from the clock on every tick (never by counting ticks), so a late redraw still shows
the right time. `flash()` adds the `-flash` class until `flash_until` on the same clock.
"""

from __future__ import annotations

from textual.widgets import Digits

from ..format import rest_text


class Countdown(Digits):
    DEFAULT_CSS = """
    Countdown {
        width: auto;
    }
    Countdown.-flash {
        background: $warning;
        color: $background;
    }
    Countdown.-paused {
        color: $text-muted;
    }
    """

    def __init__(self, seconds: int = 0, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(rest_text(seconds), id=id, classes=classes)
        self.seconds = seconds
        self._flash_until: float | None = None

    def show_seconds(self, seconds: int, *, paused: bool = False) -> None:
        if seconds != self.seconds:
            self.seconds = seconds
            self.update(rest_text(seconds))
        self.set_class(paused, "-paused")

    def flash(self, now: float, seconds: float = 1.0) -> None:
        """Flash until `now + seconds` (on the caller's clock)."""
        self._flash_until = now + seconds
        self.add_class("-flash")

    def settle_flash(self, now: float) -> None:
        """Called on every tick: the flash ends once the clock has passed its end."""
        if self._flash_until is not None and now >= self._flash_until:
            self._flash_until = None
            self.remove_class("-flash")
