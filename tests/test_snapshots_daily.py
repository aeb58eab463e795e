"""Snapshots of the daily screens at a Pi console's 80x24: warm-up, mobility, checklist, recovery."""

import pytest
from textual.widgets import DataTable

from app_factory import FROZEN_NOW, seed_session, settle
from gymtui.domain.clock import FakeClock
from gymtui.domain.daily import ChecklistEntry, RecoveryNote

SIZE = (80, 24)


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def daily_app(new_app, clock):
    app = new_app(clock=clock)
    store = app.store
    seed_session(store, [("bent-over-row", 80, 5, 7.5)] * 4, status="done", program_day="vertical-pull", block_week=1)
    items = [item.id for item in app.library.catalog.checklist]
    for days_ago, count in [(1, 6), (2, 6), (3, 2), (5, 6), (8, 6), (9, 4)]:
        day = FROZEN_NOW.subtract(days=days_ago)
        store.save_checklist(ChecklistEntry(date=day.date(), ticked=items[:count], updated_at=day))
    return app


async def _open(pilot, key):
    await settle(pilot, animations=True)
    pilot.app.action_open_section(key)
    await settle(pilot, animations=True)


def test_warmup_80x24(snap_compare, daily_app):
    async def run_before(pilot):
        await _open(pilot, "u")
        await pilot.press("space", "space")
        table = pilot.app.screen.query_one("#wu-table", DataTable)
        table.move_cursor(row=table.get_row_index("r:2"))
        await settle(pilot, animations=True)

    assert snap_compare(daily_app, terminal_size=SIZE, run_before=run_before)


def test_mobility_list_80x24(snap_compare, daily_app):
    async def run_before(pilot):
        await _open(pilot, "m")

    assert snap_compare(daily_app, terminal_size=SIZE, run_before=run_before)


def test_mobility_run_80x24(snap_compare, daily_app, clock):
    async def run_before(pilot):
        await _open(pilot, "m")
        await pilot.press("enter")
        clock.advance(3 + 7.5)  # get ready, then 7.5 s into the first item
        pilot.app.screen.tick()
        await settle(pilot, animations=True)

    assert snap_compare(daily_app, terminal_size=SIZE, run_before=run_before)


def test_checklist_80x24(snap_compare, daily_app):
    async def run_before(pilot):
        await _open(pilot, "c")
        await pilot.press("1", "2", "4")
        await settle(pilot, animations=True)

    assert snap_compare(daily_app, terminal_size=SIZE, run_before=run_before)


def test_recovery_80x24(snap_compare, daily_app):
    daily_app.store.save_recovery(
        RecoveryNote(
            date=FROZEN_NOW.date(), sleep_hours=6.5, sleep_quality=3, soreness={"hamstrings": 2, "neck": 1},
            stress=2, energy=4, grip=48, text="Hamstrings tight from Saturday", updated_at=FROZEN_NOW,
        )
    )

    async def run_before(pilot):
        await _open(pilot, "r")
        await pilot.press("escape")  # out of the form: no blinking cursor in the picture
        await settle(pilot, animations=True)

    assert snap_compare(daily_app, terminal_size=SIZE, run_before=run_before)
