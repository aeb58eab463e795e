"""Big buttons for a touchscreen or a phone: each runs an action the screen already has.

A button calls `self.screen.run_action(name)`, the very action its key runs, so a tap and a
key do the same thing and the keyboard flow stays as it is. The buttons never take the
focus (a key goes where it went before a tap). They are at least three rows tall.

They show in touch mode only: the app has the -touch class (`gymtui --touch`,
GYMTUI_TOUCH=1, and always in `gymtui serve`); without it they take no room, so the
keyboard layouts are drawn as they always were.
"""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.containers import HorizontalGroup
from textual.coordinate import Coordinate
from textual.dom import DOMNode
from textual.widgets import Button, DataTable, Static

TOUCH_CLASS = "-touch"


class TouchButton(Button, can_focus=False):
    """A button three rows tall that runs `action` on its screen (e.g. "done", or
    "app.open_section('w')")."""

    DEFAULT_CSS = """
    TouchButton {
        width: 1fr;
        min-width: 6;
        height: 3;
        min-height: 3;
        margin: 0 1 0 0;
    }
    TouchButton:last-child {
        margin: 0;
    }
    """

    def __init__(self, label: str, action: str, *, id: str | None = None, variant: str = "default",
                 classes: str | None = None, on: DOMNode | None = None, repeats: bool = False) -> None:
        """`on`: the node whose action it is (a touch panel's own); the screen by default.
        `repeats`: every tap counts, however fast (load +/-, rest +15 s); otherwise a second
        tap within Textual's press effect (0.2 s) is taken as a bounce and dropped, so a
        double tap on Start set does not also stop the set."""
        super().__init__(label, variant=variant, id=id, classes=classes)  # type: ignore[arg-type]  # a ButtonVariant
        self.screen_action = action
        self.target = on
        self.repeats = repeats

    def update_node_styles(self, animate: bool = True) -> None:
        # Button's constructor sets its variant's and its look's classes, and each was
        # styled there and then, on a button not yet in the app (two to four times a button):
        # a button is styled as it is added, with the classes it has by then.
        if self.parent is not None:
            super().update_node_styles(animate)

    async def _on_click(self, event: events.Click) -> None:
        # Textual runs Button's own click handler after this one unless the default is
        # prevented; that handler drops a tap while the press effect shows.
        if self.repeats:
            event.prevent_default()
            event.stop()
            self.press()

    async def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        await self.app.run_action(self.screen_action, default_namespace=self.target or self.screen)


class TouchBar(HorizontalGroup):
    """A row of TouchButtons, shown in touch mode only."""

    SCOPED_CSS = False  # its rule names the app's -touch class, outside the widget
    DEFAULT_CSS = """
    TouchBar {
        display: none;
        height: auto;
    }
    .-touch TouchBar {
        display: block;
    }
    """

    def __init__(self, *buttons: tuple[str, str], id: str | None = None) -> None:
        """`buttons`: (label, action) pairs, left to right."""
        super().__init__(id=id)
        self.buttons = buttons

    def compose(self) -> ComposeResult:
        # Touch mode is chosen before the app starts. Without it the bar is never shown, and
        # its buttons are not made: Button's stylesheet is the largest Textual parses, and
        # parsing it was a sixth of the CSS work before Today's first frame.
        if self.app.has_class(TOUCH_CLASS):
            for n, (label, action) in enumerate(self.buttons):
                yield TouchButton(label, action, variant="primary" if n == 0 else "default")


class Tappable(Static):
    """A line of text that runs a screen action when clicked or tapped (a checklist item).
    In touch mode it is three rows tall, its text in the middle row."""

    SCOPED_CSS = False  # its rule names the app's -touch class, outside the widget
    DEFAULT_CSS = """
    .-touch Tappable {
        height: 3;
        padding: 1 0 0 0;
        border-bottom: solid $foreground 15%;
    }
    """

    def __init__(self, action: str, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__("", id=id, classes=classes)
        self.screen_action = action

    async def on_click(self, event: events.Click) -> None:
        event.stop()
        await self.screen.run_action(self.screen_action)


class TapTable(DataTable):
    """A DataTable whose rows are chosen in one tap in touch mode (a warm-up drill is
    ticked, Today's exercise opens). Elsewhere a click first moves the cursor and a second
    click on the same row chooses it, as in every DataTable."""

    async def _on_click(self, event: events.Click) -> None:
        # Textual runs DataTable's own click handler after this one (a handler per class):
        # it moves the cursor, and chooses the row only when the cursor was on that very
        # cell already. Any other tap on a row is chosen here, once the cursor has moved.
        row, column = event.style.meta.get("row", -1), event.style.meta.get("column", -1)
        if self.app.has_class(TOUCH_CLASS) and row >= 0 and Coordinate(row, column) != self.cursor_coordinate:
            self.call_next(self._post_selected_message)
