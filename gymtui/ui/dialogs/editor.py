"""A dialog for editing a short list as text (one item per line), with named fields above it.

Used for the checklist and for mobility routines. The caller passes a `parse` function that
turns (fields, text) into the result or raises ValueError; its message is shown in the
dialog and nothing is returned until the text parses, so a typo never reaches the store.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar, Generic, TypeVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Label, Static, TextArea

from ..screens.base import GymDialog
from ..widgets.ordered_input import OrderedInput

T = TypeVar("T")


class EditorDialog(GymDialog[T | None], Generic[T]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save"),
        Binding("escape", "cancel", "Cancel"),
    ]
    DEFAULT_CSS = """
    EditorDialog > #editor {
        width: 78;
        max-height: 22;
    }
    EditorDialog .editor-title {
        text-style: bold;
    }
    EditorDialog .editor-help {
        color: $text-muted;
    }
    EditorDialog .editor-field {
        height: 3;
    }
    EditorDialog .editor-field Label {
        width: 8;
        padding: 1 0;
    }
    EditorDialog .editor-field Input {
        width: 1fr;
    }
    EditorDialog TextArea {
        height: 9;
    }
    EditorDialog #editor-error {
        color: $error;
        height: auto;
    }
    """

    def __init__(
        self,
        title: str,
        help_text: str,
        text: str,
        parse: Callable[[dict[str, str], str], T],
        fields: dict[str, str] | None = None,
        placeholder: str = "",
    ) -> None:
        super().__init__()
        self.title_text = title
        self.help_text = help_text
        self.initial_text = text
        self.parse = parse
        self.fields = dict(fields or {})
        self.placeholder = placeholder

    def compose(self) -> ComposeResult:
        with Vertical(id="editor", classes="dialog-box"):
            yield Static(self.title_text, classes="editor-title")
            for name, value in self.fields.items():
                with Horizontal(classes="editor-field"):
                    yield Label(name.capitalize())
                    yield OrderedInput(value, id=f"field-{name}")
            yield Static(self.help_text, classes="editor-help")
            yield TextArea(self.initial_text, id="editor-text", soft_wrap=False, placeholder=self.placeholder)
            yield Static("", id="editor-error")
            yield Static("[b]ctrl+s[/b] save   [b]esc[/b] cancel", classes="editor-help")

    def on_mount(self) -> None:
        first = self.query(Input).first() if self.fields else self.query_one(TextArea)
        first.focus()

    def unsaved_work(self) -> str | None:
        """What quitting now would lose (asked by the app before it quits)."""
        values = {name: self.query_one(f"#field-{name}", Input).value for name in self.fields}
        if values != self.fields or self.query_one("#editor-text", TextArea).text != self.initial_text:
            return f"{self.title_text}: your changes are not saved (ctrl+s saves them): quitting loses them."
        return None

    def action_save(self) -> None:
        values = {name: self.query_one(f"#field-{name}", Input).value for name in self.fields}
        text = self.query_one("#editor-text", TextArea).text
        try:
            result = self.parse(values, text)
        except ValueError as error:
            self.query_one("#editor-error", Static).update(str(error))
            return
        self.dismiss(result)

    def action_cancel(self) -> None:
        self.dismiss(None)
