"""Settings: units, bar and plates, load steps, the ramp scheme, rests, timer cues, theme,
the program trained and the Monday its block counts from (b: this week).

Each field stands alone: it is saved when enter is pressed in it, when focus leaves it, or
(for the choices: units, theme, bell) as soon as it is changed. A value that cannot be a
setting is refused: the field is marked, a line under the form names it and says why, and
nothing is saved until it is fixed (the other fields still save). Texts are read by
`domain.settings_text`; the ranges are the `Settings` model's own.

Changes apply at once: the theme is switched, and the screen underneath (Today) reloads its
plan, so a change of units or plates shows there straight away. Other screens read the
settings each time they open.
"""

from __future__ import annotations

import threading
from typing import Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widget import Widget
from textual.widgets import Header, Input, Label, Select, Static
from textual.worker import Worker

from ...domain.settings import Settings
from ...domain.settings_text import TEXT_FIELDS, SettingsTextError, field_text, with_text
from ...services import app_data
from ...store import StoreError
from ..sections import open_screens
from ..widgets.compact import compact
from ..widgets.footer import Footer
from ..widgets.ordered_input import OrderedInput
from ..widgets.shown_text import show_text
from ..worker_errors import ReportsWorkerErrors
from .base import GymScreen, ScreenHooks
from .settings_rows import CHOICES, KEYS, ROWS, Box, theme_names


class SettingsScreen(ReportsWorkerErrors, GymScreen[None]):
    CSS_PATH = "settings.tcss"  # parsed when the screen first opens, not at start-up
    AUTO_FOCUS = ""  # no field on arrival: the place keys work at once (e, Enter or Tab go in)
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "leave_form", "Leave form"),
        Binding("e,enter", "edit", "Edit", key_display="e"),
        Binding("b", "block_today", "Block starts today"),
        Binding("ctrl+r", "revert", "Undo typing", key_display="^r"),
        Binding("p", "program_editor", "Edit programs", show=False),  # in Help and the palette
    ]

    def __init__(self) -> None:
        super().__init__()
        # The settings as saved, or being saved: each field's change applies on top of them.
        self.saved: Settings | None = None
        self.errors: dict[str, str] = {}
        self.loaded = False
        self._pending: Settings | None = None
        self._save_lock = threading.Lock()

    # -- layout ------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        # Not focusable itself: tab goes from field to field (it still scrolls when small).
        with VerticalScroll(id="settings", can_focus=False):
            yield Static("[b]Settings[/b]  loading...", id="set-title")
            for row in ROWS:
                with Horizontal(classes="set-row"):
                    yield Label(row.label, classes="set-label")
                    with Horizontal(classes="set-boxes"):
                        for box in row.boxes:
                            yield from self._box(box)
                    yield Label(row.hint, classes="set-hint")
            yield Static("", id="set-errors")
            yield Static("", id="set-status")
        yield Footer()

    def _box(self, box: Box) -> ComposeResult:
        if box.prefix:
            yield Label(box.prefix, classes="set-prefix")
        widget: Widget
        if box.key == "program":
            widget = compact(Select(self._program_options(), allow_blank=False, id="set-program",
                                    classes="set-choice"))
        elif box.key in CHOICES or box.key == "theme":
            names = CHOICES.get(box.key) or theme_names(list(self.app.available_themes))
            widget = compact(Select([(name, name) for name in names], allow_blank=False, id=f"set-{box.key}",
                                    classes="set-choice"))
        else:
            widget = OrderedInput("", id=f"set-{box.key}", compact=True, classes="set-input")
        widget.styles.width = box.width + (2 if isinstance(widget, Select) else 0)
        yield widget
        if box.suffix:
            yield Label(box.suffix, classes="set-suffix")

    def _program_options(self, also: str | None = None) -> list[tuple[str, str]]:
        """(name, id) of every program: the shipped ones and the lifter's own."""
        options = [(program.name, pid) for pid, program in self.app.library.programs().items()]
        if also is not None and also not in self.app.library.programs():
            # A program whose file is gone or broken: shown so the form can say so, not crash.
            options.append((f"{also} (not found)", also))
        return options

    def on_mount(self) -> None:
        self.load()
        # The palette's theme picker changes the theme too: keep the form in step with it.
        self.watch(self.app, "theme", self._theme_changed, init=False)

    # -- loading -----------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="settings-load", exit_on_error=False)
    def load(self) -> None:
        self.app.call_from_thread(self.show_settings, app_data.settings(self.app))

    def show_settings(self, settings: Settings) -> None:
        self.saved = settings
        self.errors = {}
        for key in KEYS:
            self._set_widget(key, field_text(settings, key))
        self.loaded = True
        # No field has the cursor on arrival: a place key (t, p, ?) typed at once goes where
        # it says, not into the units. e, Enter, Tab or a click goes into the fields.
        self.query_one("#set-title", Static).update(
            "[b]Settings[/b]  [$text-muted]e or Tab goes into the fields; Enter or Tab saves one, at once[/]"
        )
        self._show_errors()

    def _set_widget(self, key: str, text: str) -> None:
        widget = self.query_one(f"#set-{key}")
        if isinstance(widget, Select):
            if key == "theme" and text not in self.app.available_themes:
                text = self.app.theme
            if key == "program" and text not in self.app.library.programs():
                widget.set_options(self._program_options(also=text))
            widget.value = text
        else:
            assert isinstance(widget, Input)
            widget.value = text
            widget.remove_class("-invalid")

    # -- checking and saving ---------------------------------------------------------------

    @staticmethod
    def _key(widget: Widget) -> str | None:
        key = (widget.id or "").removeprefix("set-")
        return key if key in TEXT_FIELDS else None

    @on(Input.Changed, ".set-input")
    def _typed(self, event: Input.Changed) -> None:
        """Check as the lifter types, so a bad value is flagged before it is left."""
        key = self._key(event.input)
        if key is not None and self.loaded:
            self._check(key, event.value)

    @on(Input.Submitted, ".set-input")
    @on(Input.Blurred, ".set-input")
    def _entered(self, event: Input.Submitted | Input.Blurred) -> None:
        key = self._key(event.input)
        if key is not None:
            self.commit(key, event.value)

    @on(Select.Changed, ".set-choice")
    def _chosen(self, event: Select.Changed) -> None:
        key = self._key(event.select)
        if key is not None and event.value is not Select.NULL:
            self.commit(key, str(event.value))

    def _check(self, key: str, text: str) -> Settings | None:
        """The settings with this field set, or None with the message shown."""
        assert self.saved is not None
        try:
            candidate = with_text(self.saved, key, text)
            if key == "theme" and candidate.theme not in self.app.available_themes:
                raise SettingsTextError("Theme", f"no theme called {candidate.theme!r}")
            if key == "program" and candidate.program not in self.app.library.programs():
                raise SettingsTextError("Program", f"no program called {candidate.program!r}")
        except SettingsTextError as error:
            self.errors[key] = str(error)
            self._mark(key, True)
            self._show_errors()
            return None
        if self.errors.pop(key, None) is not None:
            self._mark(key, False)
            self._show_errors()
        return candidate

    def commit(self, key: str, text: str) -> None:
        """Save one field if it reads as a setting and differs from what is saved."""
        if not self.loaded or self.saved is None:
            return
        candidate = self._check(key, text)
        if candidate is None:
            self._status(f"[$error]Not saved:[/] {TEXT_FIELDS[key].label} keeps "
                         f"{field_text(self.saved, key)} until the value is fixed.")
            return
        if candidate == self.saved:
            return
        self.saved = candidate
        shown = field_text(candidate, key)
        self._set_widget(key, shown)  # the tidy form: "25,20" shows as "25, 20"
        self._status(f"[$warning]saving {TEXT_FIELDS[key].label}...[/]")
        self._pending = candidate
        self.save_pending(f"{TEXT_FIELDS[key].label} {shown}")

    @work(thread=True, group="settings-save", exit_on_error=False)
    def save_pending(self, what: str) -> None:
        # One save at a time, each writing the newest settings: the last change always wins.
        with self._save_lock:
            settings = self._pending
            if settings is None:
                return
            app_data.save_settings(self.app, settings)
            self.app.call_from_thread(self.saved_to_disk, settings, what)

    def saved_to_disk(self, settings: Settings, what: str) -> None:
        self._status(f"[$success]Saved[/] {what}. Every screen uses it from now on.")
        if settings is not self.saved:
            return  # a newer change is on its way; it applies when saved
        if self.app.theme != settings.theme:
            self.app.theme = settings.theme
        self._tell_other_screens(settings)

    def _tell_other_screens(self, settings: Settings) -> None:
        """Every other open screen is told (Today plans again, in the new units; the workout
        applies them to its session)."""
        for screen in open_screens(self.app):
            if screen is not self and isinstance(screen, ScreenHooks):
                screen.settings_changed(settings)

    def store_failed(self, worker: Worker[Any], error: StoreError) -> None:
        self.app.report_store_error(error)
        if worker.group != "settings-save":
            return
        self._status("[$error]Not saved[/]: the form shows the settings on disk again.")
        self.loaded = False
        self.load()

    def _theme_changed(self, theme: str) -> None:
        # A theme picked in the palette is saved by the app; show it here without saving again.
        if self.saved is not None and self.saved.theme != theme and theme in self.app.available_themes:
            self.saved = self.saved.model_copy(update={"theme": theme})
            self._set_widget("theme", theme)

    # -- showing -----------------------------------------------------------------------------

    def _mark(self, key: str, bad: bool) -> None:
        self.query_one(f"#set-{key}").set_class(bad, "-invalid")

    def _show_errors(self) -> None:
        text = "\n".join(self.errors[key] for key in KEYS if key in self.errors)
        show_text(self.query_one("#set-errors", Static), text)

    def _status(self, markup: str) -> None:
        self.query_one("#set-status", Static).update(markup)

    # -- keys --------------------------------------------------------------------------------

    def action_leave_form(self) -> None:
        # Out of the fields, the section keys (t, u, m ...) and ? work again.
        self.set_focus(None)

    def action_edit(self) -> None:
        self.query_one("#set-unit", Select).focus()

    def action_block_today(self) -> None:
        """Week 1 of the block is this week: one key for what is often wanted."""
        today = self.app.now().date()
        self.commit("program_start", today.isoformat())

    def action_revert(self) -> None:
        """Put the saved value back in the field being typed in."""
        focused = self.focused
        key = self._key(focused) if focused is not None else None
        if key is not None and self.saved is not None:
            shown = field_text(self.saved, key)
            self._set_widget(key, shown)
            if self.errors.pop(key, None) is not None:
                self._show_errors()
            self._status(f"{TEXT_FIELDS[key].label} is back to {shown}, as saved.")

    def action_program_editor(self) -> None:
        """The program editor, on the program this form shows as in use."""
        from ..own_training import open_program_editor

        open_program_editor(self.app, self.saved.program if self.saved else None)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("edit", "block_today", "program_editor"):
            return self.focused is None
        if action in ("leave_form", "revert"):
            return self.focused is not None
        return True
