"""Snapshots of the history screen at 80x24: the session list and one exercise chart."""

from app_factory import settle
from history_data import fill_history


def snapshot(snap_compare, new_app, *keys: str) -> bool:
    app = new_app()
    fill_history(app.store)

    async def run_before(pilot) -> None:
        await settle(pilot, app)
        for key in keys:
            await pilot.press(key)
            await settle(pilot, app)

    return snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_history_sessions(snap_compare, new_app):
    assert snapshot(snap_compare, new_app, "h")


def test_history_deadlift_chart(snap_compare, new_app):
    # The filter picks the exercise; '2' shows its chart, records and recent sessions.
    assert snapshot(snap_compare, new_app, "h", "f", *"deadlift", "enter", "2")
