"""Key helpers for the own-training screens' Pilot tests: move to a field with tab, type
into it, choose from a list by typing its first letters, as a lifter at the keyboard does."""

from __future__ import annotations

from textual.widgets import Input, Select

from app_factory import settle


async def tab_to(pilot, widget_id: str, limit: int = 30) -> None:
    for _ in range(limit):
        focused = pilot.app.focused
        if focused is not None and focused.id == widget_id:
            return
        await pilot.press("tab")
    raise AssertionError(f"tab never reached #{widget_id} (at {pilot.app.focused!r})")


async def fill(pilot, widget_id: str, text: str) -> None:
    """Replace what the field holds with `text`."""
    await tab_to(pilot, widget_id)
    field = pilot.app.focused
    assert isinstance(field, Input)
    await pilot.press("ctrl+u" if False else "end")
    await pilot.press(*["backspace"] * len(field.value))
    if text:
        await pilot.press(*text)


async def choose(pilot, widget_id: str, text: str) -> None:
    """Open the list, type the start of the option, take it with enter."""
    await tab_to(pilot, widget_id)
    assert isinstance(pilot.app.focused, Select)
    await pilot.press("enter")
    await pilot.pause()
    await pilot.press(*text)
    await pilot.press("enter")
    await pilot.pause()


async def palette(pilot, app, command: str) -> None:
    """ctrl+p, the command's name, enter."""
    await pilot.press("ctrl+p")
    await settle(pilot, app)
    await pilot.press(*command)
    await settle(pilot, app)
    await pilot.press("enter")
    await settle(pilot, app)
