"""Keys typed in one burst (a fast typist, a key macro, a slow machine) reach a text field in
the order they were typed: an editing key (backspace, left, home, delete) is applied before
the characters typed after it, and every field the app builds is such a field."""

import ast
from pathlib import Path
from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Input

import gymtui.ui
from app_factory import _key_event, settle, wait_until
from gymtui.domain.clock import FakeClock
from gymtui.ui.widgets.ordered_input import OrderedInput
from test_ui_workout import open_workout


async def burst(pilot, *keys: str) -> None:
    """Every key posted to the app at once, as a terminal's driver posts the keys of one read,
    then wait until no widget has anything left queued (counting refreshes, not seconds)."""
    app = pilot.app
    for key in keys:
        event = _key_event(key)
        event.set_sender(app)
        app.post_message(event)

    def drained() -> bool:
        return not any(node.message_queue_size for node in (app, *app.screen.walk_children(with_self=True)))

    await wait_until(pilot, drained, tries=100)


async def test_backspaces_in_a_burst_edit_the_load_as_typed(new_app):
    app = new_app(clock=FakeClock())  # no history: the form opens on Load
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_workout(pilot, app)
        await pilot.press("l")
        load = screen.query_one("#se-load", Input)
        assert app.focused is load and load.value == ""
        await burst(pilot, "1", "2", "3", "backspace", "backspace", "5")
        assert load.value == "15"


class OneField(App[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("ctrl+c", "note('ctrl+c')"), Binding("f2", "note('f2')")]

    def __init__(self) -> None:
        super().__init__()
        self.submitted: list[str] = []
        self.notes: list[str] = []

    def action_note(self, key: str) -> None:
        self.notes.append(key)

    def compose(self) -> ComposeResult:
        yield OrderedInput()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.submitted.append(event.value)


async def test_moving_keys_and_enter_in_a_burst_act_in_order():
    app = OneField()
    async with app.run_test() as pilot:
        field = app.query_one(OrderedInput)
        # "123", back two places, delete the "1" on the left, then "9" where the cursor is.
        await burst(pilot, "1", "2", "3", "left", "left", "backspace", "9")
        assert field.value == "923"
        await burst(pilot, "home", "delete", "end", "4", "enter", "0")
        assert field.value == "2340" and app.submitted == ["234"]


async def test_keys_the_field_does_not_take_still_reach_the_app():
    app = OneField()
    async with app.run_test() as pilot:
        # f2 is not the field's; ctrl+c is its copy, which declines with nothing selected.
        await burst(pilot, "1", "f2", "ctrl+c")
        await settle(pilot, app)
        assert app.query_one(OrderedInput).value == "1" and app.notes == ["f2", "ctrl+c"]


def test_every_text_field_the_app_builds_keeps_the_order():
    """A plain Input in a form would bring the reordering back."""
    plain = []
    for path in Path(gymtui.ui.__file__).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                name = getattr(node.func, "id", getattr(node.func, "attr", ""))
                if name == "Input":
                    plain.append(f"{path.name}:{node.lineno}")
    assert plain == []
