"""Import another app's export (or a gymtui JSON export) from inside the app.

The same service as `gymtui import`, run in a worker; the summary is shown in the dialog.
Dismissed with True when anything was stored, so the screen below can read its data again.
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.markup import escape
from textual.widgets import Button, Input, Label, Select, Static
from textual.worker import Worker

from ...domain.units import Unit
from ...importers import NO_UNIT_MESSAGE
from ...services import app_data
from ...services.import_outcome import ImportOutcome
from ...services.library import Library
from ...services.transfer import IMPORT_FORMATS
from ...store import StoreError
from ..screens.base import GymDialog
from ..widgets.ordered_input import OrderedInput
from ..worker_errors import ReportsWorkerErrors

FORMAT_CHOICES = [("Format: auto", "auto"), ("Format: Strong", "strong"), ("Format: Hevy", "hevy"),
                  ("Format: FitNotes", "fitnotes")]
UNIT_CHOICES = [("Unit: from file", "file"), ("Unit: kg", "kg"), ("Unit: lb", "lb")]


class ImportDialog(ReportsWorkerErrors, GymDialog[bool]):
    DEFAULT_CSS = """
    #import-dialog {
        width: 78;
        max-height: 22;
    }
    #import-dialog .title {
        text-style: bold;
    }
    #import-options {
        height: 3;
    }
    #import-format {
        width: 24;
    }
    #import-unit {
        width: 23;
    }
    #import-options Button {
        min-width: 9;
        margin-left: 1;
    }
    #import-summary-box {
        height: auto;
        max-height: 12;
    }
    #import-summary.-error {
        color: $error;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "close", "Close")]

    def __init__(self, path: str = "") -> None:
        super().__init__()
        self.path = path
        self.stored = False
        self.running = False

    def compose(self) -> ComposeResult:
        with Vertical(id="import-dialog", classes="dialog-box"):
            yield Label("Import an export from Strong, Hevy, FitNotes or gymtui", classes="title")
            yield OrderedInput(self.path, placeholder="path of the exported file, e.g. ~/Downloads/strong.csv",
                               id="import-path")
            with Horizontal(id="import-options"):
                yield Select(FORMAT_CHOICES, value="auto", allow_blank=False, id="import-format")
                yield Select(UNIT_CHOICES, value="file", allow_blank=False, id="import-unit")
                yield Button("Import", variant="primary", id="import-run")
                yield Button("Close", id="import-close")
            with VerticalScroll(id="import-summary-box"):
                yield Static("Strong's comma file has no unit column: choose kg or lb for it. Importing the same"
                             " file again adds nothing.", id="import-summary")

    def on_mount(self) -> None:
        self.query_one("#import-path", Input).focus()

    @on(Input.Submitted, "#import-path")
    @on(Button.Pressed, "#import-run")
    def start(self) -> None:
        path = self.query_one("#import-path", Input).value.strip()
        if not path:
            self.show_text("Type the path of the file to import.")
            return
        if self.running:
            return
        fmt = str(self.query_one("#import-format", Select).value)
        unit = str(self.query_one("#import-unit", Select).value)
        assert fmt in IMPORT_FORMATS
        self.running = True
        self.query_one("#import-run", Button).disabled = True
        self.show_text(f"Importing {escape(path)}...")
        chosen: Unit | None = "kg" if unit == "kg" else "lb" if unit == "lb" else None  # "file": what it says
        self.run_import(path, fmt, chosen)

    @work(thread=True, exclusive=True, group="import", exit_on_error=False)
    def run_import(self, path: str, fmt: str, unit: Unit | None) -> None:
        outcome, library = app_data.import_file(self.app, path, fmt, unit)
        self.app.call_from_thread(self.finished, outcome, library)

    def store_failed(self, worker: Worker[Any], error: StoreError) -> None:
        self.finished(None, None)  # the dialog says the import stopped; the app says why
        super().store_failed(worker, error)

    def finished(self, outcome: ImportOutcome | None, library: Library | None) -> None:
        self.running = False
        self.query_one("#import-run", Button).disabled = False
        if library is not None:
            self.app.library = library  # imported exercises are known everywhere from now on
        if outcome is None:
            self.show_text("The import stopped: your data could not be read or written (see the message).")
            return
        self.stored = self.stored or outcome.stored_anything
        if outcome.error == NO_UNIT_MESSAGE:  # the CLI's wording names a flag; here it is a choice
            self.show_text("Nothing imported: Strong's comma file has no unit column: choose kg or lb under Unit.",
                           error=True)
            return
        self.show_text(escape(outcome.summary()), error=not outcome.ok)

    def show_text(self, text: str, *, error: bool = False) -> None:
        summary = self.query_one("#import-summary", Static)
        summary.set_class(error, "-error")
        summary.update(text)
        self.query_one("#import-summary-box").scroll_home(animate=False)

    @on(Button.Pressed, "#import-close")
    def action_close(self) -> None:
        if not self.running:
            self.dismiss(self.stored)
