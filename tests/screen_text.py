"""What a terminal would show, as text: to check that a sentence is on screen whole, however
the screen wrapped it."""

from __future__ import annotations

from textual.app import App
from textual.widget import Widget


def screen_lines(app: App[object]) -> list[str]:
    """The screen's rows as plain text, as a terminal of the app's size shows them."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


def flat(text: str) -> str:
    """Whitespace (line ends and the indents of wrapped lines) collapsed to single spaces."""
    return " ".join(text.split())


BORDERS = "█▌▐│┃"  # a dialog's frame, either side of its lines


def on_screen(app: App[object], sentence: str) -> bool:
    """Whether the sentence is on screen in full, wrapped over lines or not (in a dialog too)."""
    lines = (line.strip().strip(BORDERS) for line in screen_lines(app))
    return flat(sentence) in flat("\n".join(lines))


def rows_shown(app: App[object], widget: Widget) -> int:
    """How many of `widget`'s rows are on screen, not under a docked part (the touch buttons,
    the footer) nor scrolled away: the widget is what a tap at the middle of each row reaches."""
    region = widget.region
    middle = region.x + region.width // 2
    return sum(1 for y in range(region.y, region.bottom)
               if 0 <= y < app.size.height and app.screen.get_widget_at(middle, y)[0] is widget)
