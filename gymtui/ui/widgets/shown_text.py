"""Text put in a `Static` only when it is not what the widget already shows.

`Static.update` lays out the whole screen again (and redraws the widget) even when given the
text it already holds; screens that put their messages back at every key (no error yet, the
same detail for the row) paid a layout of the screen for nothing."""

from __future__ import annotations

from textual.widgets import Static


def show_text(widget: Static, text: str, *, layout: bool = True) -> None:
    """`text` in `widget`, unless it shows that already. `layout=False` for a widget whose
    size the text cannot change."""
    if widget.content != text:
        widget.update(text, layout=layout)
