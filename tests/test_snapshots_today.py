"""Snapshots of the Today screen at a Pi console's 80x24 and a larger terminal."""

import pytest

from app_factory import settle
from screen_text import on_screen


@pytest.fixture
def today_app(gym_app):
    return gym_app


async def _wait_for_plan(pilot):
    await settle(pilot, animations=True)
    assert getattr(pilot.app.screen, "plan", None) is not None
    for _ in range(3):  # let the table's cursor and the reason line settle under load
        await pilot.pause()


def test_today_80x24(snap_compare, today_app):
    assert snap_compare(today_app, terminal_size=(80, 24), run_before=_wait_for_plan)


def test_today_120x40(snap_compare, today_app):
    assert snap_compare(today_app, terminal_size=(120, 40), run_before=_wait_for_plan)


@pytest.fixture
def under_way_app(gym_app):
    from test_ui_today import seed_session_under_way

    seed_session_under_way(gym_app.store)
    return gym_app


async def _wait_for_the_resume_hint(pilot):
    # The hint comes from a worker started once the plan is drawn, so waiting for the plan's
    # workers can end before it has begun: under load the picture was taken without it.
    await _wait_for_plan(pilot)
    for _ in range(50):
        if on_screen(pilot.app, "w resumes at"):
            break
        await settle(pilot)
    assert on_screen(pilot.app, "w resumes at")


def test_today_under_way_80x24(snap_compare, under_way_app):
    assert snap_compare(under_way_app, terminal_size=(80, 24), run_before=_wait_for_the_resume_hint)


def test_today_under_way_120x40(snap_compare, under_way_app):
    assert snap_compare(under_way_app, terminal_size=(120, 40), run_before=_wait_for_the_resume_hint)
