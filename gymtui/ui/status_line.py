"""Short messages ("Saved 80×5", "Rest over") as one line in the header row, not boxes over
the screen.

Textual shows a notification as a box at the bottom right, over what the screen shows (the
set form, a dialog, Help) for as long as its timeout. Here a short message (information,
or a warning of one line without a title) is folded into one line (title first) and shown over the header's
title, where it covers nothing the lifter needs; the newest replaces the one shown; the next
key dismisses it, and so does a change of screen, so a message about one screen never
lingers over another. Errors and titled warnings keep their box: they are rare and must be
read in full.
"""

from __future__ import annotations

from textual import events
from textual.app import App
from textual.notifications import Notification, Notify, SeverityLevel
from textual.screen import Screen

# Textual 8.2.8 has no public way to do what this module does: `Toast` is not exported from
# textual.widgets (its docs page only covers styling it by CSS type name), a toast's
# notification is only its private `_notification`, and the App only offers
# `clear_notifications()` for all of them, not dropping one (`_unnotify`) or redrawing the
# rack (`_refresh_notifications`). CSS alone cannot tell a line from a box: a short warning
# is a line, a titled one a box, and both carry the same -warning class. So the private
# names are used here, in this one module (ToastHolder and ToastRack too: a dismissed toast
# leaves its holder behind); the tests run on the pinned Textual (the test extra), so raising
# the pin shows whether they still work (test_ui_status_line).
from textual.widgets._toast import Toast, ToastHolder, ToastRack

from .screens.base import GymScreen

STATUS_SECONDS = 6.0  # long enough to read a line; the next key takes it away sooner

# The header row: the line starts after the header's icon and stops before the rest badge.
STATUS_CSS = """
ToastRack {
    dock: top;
    align: left top;
    margin-bottom: 0;
}
ToastHolder {
    align-horizontal: left;
}
Toast {
    width: 1fr;
    max-width: 100%;
    height: 1;
    margin: 0 0 0 2;
    padding: 0 1;
    border-left: none;
    background: $panel-lighten-1;
    text-wrap: nowrap;
    text-overflow: ellipsis;
}
Toast.-beside-badge {
    margin-right: 15;
}
Toast.-warning {
    background: $warning 40%;
}
/* Errors and long warnings: Textual's box, under the header row. */
Toast.-box {
    width: 60;
    max-width: 50%;
    height: auto;
    margin: 1 0 0 2;
    padding: 1 1;
    background: $panel-lighten-1;
    text-wrap: wrap;
}
Toast.-box.-warning {
    border-left: outer $warning;
}
Toast.-box.-error {
    border-left: outer $error;
}
"""


def is_line(message: str, severity: SeverityLevel, title: str = "") -> bool:
    """Information is a line; so is a warning of one line with no title (a key refused:
    "Sets are logged for this exercise"). A titled warning and every error keep a box."""
    if severity == "information":
        return True
    return severity == "warning" and not title and "\n" not in message.strip()


def one_line(message: str, title: str = "") -> str:
    """'Title: first line second line', for a message shown on one row."""
    parts = [f"{title}:"] if title else []
    parts += [line.strip() for line in message.splitlines() if line.strip()]
    return " ".join(parts)


class StatusNotices(App):
    """Mixed into the app: notify() of the information kind becomes the header-row line."""

    CSS = STATUS_CSS

    def _init_status(self) -> None:
        # The screen each information message was raised on: dropped when another shows.
        self._status_screens: dict[str, tuple[Screen | None, Notification]] = {}

    def watch_status(self) -> None:
        """Called once the app runs (a signal published while mounting drops subscribers)."""
        if not self.is_running:
            return  # scheduled after the first refresh, but the app closed before it ran
        self.screen_change_signal.subscribe(self, self._screen_changed)

    def notify(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
               timeout: float | None = None, markup: bool = True) -> None:
        if not is_line(message, severity, title):
            super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)
            return
        seconds = STATUS_SECONDS if timeout is None else min(timeout, STATUS_SECONDS)
        notification = Notification(one_line(message, title), "", severity, seconds, markup=markup)
        self._status_screens[notification.identity] = (self._shown_screen(), notification)
        self.post_message(Notify(notification))

    def _on_notify(self, event: Notify) -> None:
        if event.notification.identity in self._status_screens:
            self._drop_status(refresh=False)  # one line: the newest replaces the one shown
        super()._on_notify(event)
        # Lines that timed out are gone from the notifications: forget their screens too.
        for identity in [i for i, (_, n) in self._status_screens.items() if n.has_expired]:
            del self._status_screens[identity]

    def rest_running(self) -> bool:
        """Whether a rest is counting down: its badge is then at the end of the header row
        (the app keeps the rest, so the app answers)."""
        return False

    def _refresh_notifications(self) -> None:
        super()._refresh_notifications()
        if not self._screen_stack:
            return
        # A new toast is in the DOM once its holder is mounted, after this refresh.
        self.call_after_refresh(self._mark_boxes)

    def _mark_boxes(self) -> None:
        if not self._screen_stack:
            return
        screen = self.screen
        # The rest badge floats at the right end of the header row (not on the workout).
        badge = self.rest_running() and not (isinstance(screen, GymScreen) and screen.SHOWS_REST)
        for toast in screen.query(Toast):
            toast.set_class(toast._notification.identity not in self._status_screens, "-box")
            toast.set_class(badge, "-beside-badge")
        # Textual takes a dismissed toast away but leaves its holder in the rack: each one
        # pushed the next line two rows down, over the workout's heading and then its card.
        # A holder is stale once its notification is gone. (Not "a holder with no toast in
        # it": a new holder has none until its toast mounts, a few messages later, and on a
        # busy machine this ran in between and took the new message away.)
        shown = {ToastRack._toast_id(notification) for notification in self._notifications}
        for holder in screen.query(ToastHolder):
            if holder.id not in shown:
                holder.remove()

    def _shown_screen(self) -> Screen | None:
        return self.screen if self._screen_stack else None

    def _information(self) -> list[Notification]:
        return [n for n in self._notifications if n.identity in self._status_screens]

    def _drop_status(self, *, refresh: bool = True, unless_on: Screen | None = None) -> None:
        dropped = False
        for notification in self._information():
            if unless_on is not None and self._status_screens[notification.identity][0] is unless_on:
                continue
            self._status_screens.pop(notification.identity, None)
            self._unnotify(notification, refresh=False)
            dropped = True
        if dropped and refresh:
            self._refresh_notifications()

    def _screen_changed(self, screen: Screen) -> None:
        self._drop_status(unless_on=screen)

    async def on_event(self, event: events.Event) -> None:
        # A key press dismisses the line before the key is handled: a message the key itself
        # brings is shown after.
        if isinstance(event, events.Key) and self._information():
            self._drop_status()
        await super().on_event(event)

