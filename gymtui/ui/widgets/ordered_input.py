"""A text field that applies every key in the order it was typed, however fast.

Textual's `Input` inserts a character in its own key handler, but its editing keys
(backspace, delete, left/right, home/end, ctrl+u...) are bindings: such a key bubbles up,
queue by queue, to the app, which only then runs the field's action. A key typed after it
is already waiting in the field's queue and is inserted first, so `1 2 3 backspace
backspace 5` typed in one burst (a fast typist, a key macro, a slow machine) left "12", not
"15". `OrderedInput` runs its own bindings in its key handler instead, in the order the keys
reached it. It is what the app would run anyway: the focused widget is the first in the
binding chain, and priority bindings were already tried before the key reached the field.

Keys bound further up (Tab, Escape, a screen's keys) still go round through the app as
before: their actions may move the focus or close the form, which is the app's to do.
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual.widgets import Input

from .compact import compact as compact_style


class OrderedInput(Input):
    """An `Input` whose editing keys take effect in order with the characters typed."""

    def __init__(self, *args: Any, compact: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if compact:
            compact_style(self)
        # A field with no validators is valid whatever it holds: Textual says so with -valid on
        # its first value, a class change that restyles the field. Set now, it costs nothing.
        self.set_class(not self.validators, "-valid", update=False)

    async def _on_key(self, event: events.Key) -> None:
        if event.is_printable:
            return  # Input inserts it, in order, in its own handler
        active = self.screen.active_bindings.get(event.key)
        if active is None or active.node is not self or active.binding.priority:
            return  # not the field's own key: it goes up to the app as before
        # False when the action declined (copy with nothing selected): the key then goes up
        # to the app, which tries the bindings above the field, as it always did.
        if await self.app.run_action(active.binding.action, self):
            event.stop()
