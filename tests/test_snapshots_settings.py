"""Snapshots at a Pi console's 80x24: the settings form, a refused value, and help over Today."""

import pytest
from textual.widgets import Input

from app_factory import make_app

SIZE = (80, 24)


@pytest.fixture
def app(data_dir):
    app = make_app(data_dir)
    yield app
    app.store.close()


async def _settle(pilot):
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
    await pilot.wait_for_scheduled_animations()


async def _open_settings(pilot):
    await _settle(pilot)
    await pilot.press("s")
    await _settle(pilot)


async def _refused_value(pilot):
    await _open_settings(pilot)
    field = pilot.app.screen.query_one("#set-ramp", Input)
    field.cursor_blink = False  # a blinking cursor makes the picture depend on timing
    field.focus()
    await pilot.pause()
    field.value = ""
    await pilot.press(*"0x10, 40x5, 60-3", "enter")
    await _settle(pilot)


async def _help_over_today(pilot):
    await _settle(pilot)
    await pilot.press("question_mark")
    await _settle(pilot)


def test_settings_80x24(snap_compare, app):
    assert snap_compare(app, terminal_size=SIZE, run_before=_open_settings)


def test_settings_refused_value_80x24(snap_compare, app):
    assert snap_compare(app, terminal_size=SIZE, run_before=_refused_value)


def test_help_over_today_80x24(snap_compare, app):
    assert snap_compare(app, terminal_size=SIZE, run_before=_help_over_today)
