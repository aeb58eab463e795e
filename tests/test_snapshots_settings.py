"""Snapshots at a Pi console's 80x24: the settings form, a refused value, and help over Today."""

import pytest
from textual.widgets import Input

from app_factory import settle

SIZE = (80, 24)


@pytest.fixture
def app(gym_app):
    return gym_app


async def _open_settings(pilot):
    await settle(pilot, animations=True)
    await pilot.press("s")
    await settle(pilot, animations=True)


async def _refused_value(pilot):
    await _open_settings(pilot)
    field = pilot.app.screen.query_one("#set-ramp", Input)
    field.focus()
    await pilot.pause()
    field.value = ""
    await pilot.press(*"0x10, 40x5, 60-3", "enter")
    await settle(pilot, animations=True)


async def _help_over_today(pilot):
    await settle(pilot, animations=True)
    await pilot.press("question_mark")
    await settle(pilot, animations=True)


def test_settings_80x24(snap_compare, app):
    assert snap_compare(app, terminal_size=SIZE, run_before=_open_settings)


def test_settings_refused_value_80x24(snap_compare, app):
    assert snap_compare(app, terminal_size=SIZE, run_before=_refused_value)


def test_help_over_today_80x24(snap_compare, app):
    assert snap_compare(app, terminal_size=SIZE, run_before=_help_over_today)
