"""Snapshots of the Today screen at a Pi console's 80x24 and a larger terminal."""

import pytest

from app_factory import make_app


@pytest.fixture
def today_app(data_dir):
    app = make_app(data_dir)
    yield app
    app.store.close()


async def _wait_for_plan(pilot):
    for _ in range(50):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        if getattr(pilot.app.screen, "plan", None) is not None:
            break
    for _ in range(3):  # let the table's cursor and the reason line settle under load
        await pilot.pause()
    await pilot.wait_for_scheduled_animations()


def test_today_80x24(snap_compare, today_app):
    assert snap_compare(today_app, terminal_size=(80, 24), run_before=_wait_for_plan)


def test_today_120x40(snap_compare, today_app):
    assert snap_compare(today_app, terminal_size=(120, 40), run_before=_wait_for_plan)


@pytest.fixture
def under_way_app(data_dir):
    from test_ui_today import seed_session_under_way

    app = make_app(data_dir)
    seed_session_under_way(app.store)
    yield app
    app.store.close()


def test_today_under_way_80x24(snap_compare, under_way_app):
    assert snap_compare(under_way_app, terminal_size=(80, 24), run_before=_wait_for_plan)


def test_today_under_way_120x40(snap_compare, under_way_app):
    assert snap_compare(under_way_app, terminal_size=(120, 40), run_before=_wait_for_plan)
