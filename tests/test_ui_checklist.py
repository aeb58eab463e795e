"""Pilot tests of the end-of-day checklist: ticking, saving, the streak over days, editing."""

import pytest
from textual.widgets import Static, TextArea

from app_factory import FROZEN_NOW, settle
from gymtui.domain.library import ChecklistItem
from gymtui.services.editor_text import TextFormatError, parse_checklist
from gymtui.ui.dialogs.editor import EditorDialog
from gymtui.ui.screens.checklist import ChecklistScreen
from gymtui.ui.screens.today import TodayScreen


def text(app, selector):
    return str(app.screen.query_one(selector, Static).render())


async def open_checklist(pilot, app):
    await settle(pilot, app)
    await pilot.press("c")
    await settle(pilot, app)
    assert isinstance(app.screen, ChecklistScreen)


async def test_ticking_with_number_keys_saves_each_tick(new_app):
    app = new_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_checklist(pilot, app)
        items = app.screen.items
        assert len(items) == 6
        assert "Today 0/6" in text(app, "#cl-status")
        await pilot.press("1", "3")
        await settle(pilot, app)
        entry = app.store.checklist(FROZEN_NOW.date())
        assert entry is not None and sorted(entry.ticked) == sorted([items[0].id, items[2].id])
        assert "Today 2/6 saved" in text(app, "#cl-status")
        await pilot.press("3")  # untick
        await settle(pilot, app)
        assert app.store.checklist(FROZEN_NOW.date()).ticked == [items[0].id]
        await pilot.press("9")  # no item 9: nothing happens
        await settle(pilot, app)
        assert app.store.checklist(FROZEN_NOW.date()).ticked == [items[0].id]


async def test_streak_counts_across_days_and_reopening(new_app):
    app = new_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_checklist(pilot, app)
        await pilot.press(*"123456")
        await settle(pilot, app)
        status = text(app, "#cl-status")
        assert "Today 6/6 saved" in status and "all done" in status and "Streak 1 day" in status

    tomorrow = FROZEN_NOW.add(days=1)
    app = new_app(now=tomorrow)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_checklist(pilot, app)
        status = text(app, "#cl-status")
        # Nothing ticked yet today, and yesterday's full day still counts.
        assert "Today 0/6" in status and "Streak 1 day" in status
        assert "1/7 full" in text(app, "#cl-week")
        await pilot.press(*"654321")
        await settle(pilot, app)
        assert "Streak 2 days" in text(app, "#cl-status")
        assert "2/7 full" in text(app, "#cl-week") and "2/30 full" in text(app, "#cl-month")
        assert len(app.store.checklist(tomorrow.date()).ticked) == 6

    two_days_later = FROZEN_NOW.add(days=3)
    app = new_app(now=two_days_later)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_checklist(pilot, app)
        assert "Streak 0 days" in text(app, "#cl-status")  # a day was missed


async def test_editing_the_list_saves_it_and_keeps_ticks_of_unchanged_items(new_app):
    app = new_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_checklist(pilot, app)
        first = app.screen.items[0]
        await pilot.press("1")
        await settle(pilot, app)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, EditorDialog)
        area = app.screen.query_one(TextArea)
        area.text = f"{first.text}\nTen dead hangs\n"
        await pilot.press("ctrl+s")
        await settle(pilot, app)
        assert isinstance(app.screen, ChecklistScreen)
        saved = app.store.checklist_items()
        assert [i.text for i in saved] == [first.text, "Ten dead hangs"]
        assert saved[0].id == first.id
        assert "Today 1/2" in text(app, "#cl-status")
        # An empty list is refused in the dialog, and nothing is stored.
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one(TextArea).text = "  \n"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, EditorDialog)
        assert "at least one item" in str(app.screen.query_one("#editor-error", Static).render())
        await pilot.press("escape")
        await settle(pilot, app)
        assert len(app.store.checklist_items()) == 2


async def test_checklist_command_opens_straight_on_the_checklist(new_app):
    app = new_app(start_section="c")
    store = app.store
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        assert isinstance(app.screen, ChecklistScreen)
        await pilot.press("1")
        await settle(pilot, app)
        assert len(store.checklist(FROZEN_NOW.date()).ticked) == 1
        # Today is underneath: t goes back to it.
        await pilot.press("t")
        await settle(pilot, app)
        assert isinstance(app.screen, TodayScreen)


def test_parse_checklist_keeps_ids_and_refuses_bad_lists():
    old = [ChecklistItem(id="wall-slides", text="10 wall slides")]
    items = parse_checklist("10 wall slides\n\nDead hang 30 s\nDead hang 30 s", old)
    assert [i.id for i in items] == ["wall-slides", "dead-hang-30-s", "dead-hang-30-s-2"]
    with pytest.raises(TextFormatError, match="at most 9"):
        parse_checklist("\n".join(f"item {n}" for n in range(10)), [])
    with pytest.raises(TextFormatError, match="at least one"):
        parse_checklist("", [])
    with pytest.raises(TextFormatError, match="line 2"):
        parse_checklist("ok\n!!!", [])


async def test_a_tick_redraws_only_the_lines_it_changes(new_app, monkeypatch):
    """Ticking item 1 and its save redraw that item, the day's count and the marks of the
    week and month; the other items and the heading, the same as before, are left alone
    (each was a layout of the screen, twice per tick)."""
    app = new_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_checklist(pilot, app)
        updated = []
        update = Static.update

        def counting(self, *args, **kwargs):
            updated.append(self.id)
            return update(self, *args, **kwargs)

        monkeypatch.setattr(Static, "update", counting)
        await pilot.press("1")
        await settle(pilot, app)
        assert "Today 1/6 saved" in text(app, "#cl-status")
        assert set(updated) == {"cl-item-1", "cl-status", "cl-week", "cl-month"}
