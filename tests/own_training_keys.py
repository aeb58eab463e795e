"""Key helpers for the own-training screens' Pilot tests: move to a field with tab, type
into it, choose from a list by typing its first letters, as a lifter at the keyboard does."""

from __future__ import annotations

from textual.widgets import Input, Select

from app_factory import settle, type_keys


async def tab_to(pilot, widget_id: str, limit: int = 30) -> None:
    for _ in range(limit):
        focused = pilot.app.focused
        if focused is not None and focused.id == widget_id:
            return
        await pilot.press("tab")
    raise AssertionError(f"tab never reached #{widget_id} (at {pilot.app.focused!r})")


async def fill(pilot, widget_id: str, text: str, *, key_by_key: bool = False) -> None:
    """Replace what the field holds with `text`, typed quickly (`type_keys`), or with the app
    redrawn after each key (`key_by_key`, as one test of each form does)."""
    await tab_to(pilot, widget_id)
    field = pilot.app.focused
    assert isinstance(field, Input)
    if field.value:
        # Select it all (from the end back to the start): what is typed next replaces it.
        await pilot.press("end", "shift+home")
        if not text:
            await pilot.press("backspace")
    if key_by_key:
        await pilot.press(*text)
    else:
        await type_keys(pilot, *text)


async def choose(pilot, widget_id: str, text: str) -> None:
    """Open the list, type the start of the option, take it with enter."""
    await tab_to(pilot, widget_id)
    assert isinstance(pilot.app.focused, Select)
    await pilot.press("enter")
    await pilot.pause()
    await type_keys(pilot, *text)
    await pilot.press("enter")
    await pilot.pause()


async def palette(pilot, app, command: str) -> None:
    """ctrl+p, the command's name, enter."""
    await pilot.press("ctrl+p")
    await settle(pilot, app)
    await type_keys(pilot, *command)
    await pilot.press("enter")
    await settle(pilot, app)
