"""Textual's compact style (no borders) given to a field before it is mounted, at no cost.

Passing `compact=True` to an `Input` or a `Select` sets their `-textual-compact` class at
once, and a class change restyles a widget even when it is not mounted yet; mounting then
styles it again. Given this way, the class is there when the widget is first styled, on mount."""

from __future__ import annotations

from typing import TypeVar

from textual.widgets import Input, Select

Field = TypeVar("Field", Input, Select)


def compact(widget: Field) -> Field:
    """`widget`, unmounted, in its compact style (what `compact=True` gives)."""
    widget.set_reactive(type(widget).compact, True)
    widget.set_class(True, "-textual-compact", update=False)
    return widget
