"""Snapshots of the history screen at 80x24: the session list and one exercise chart."""

from app_factory import make_app, settle
from history_data import fill_history


def snapshot(snap_compare, data_dir, *keys: str) -> bool:
    app = make_app(data_dir)
    fill_history(app.store)

    async def run_before(pilot) -> None:
        await settle(pilot, app)
        for key in keys:
            await pilot.press(key)
            await settle(pilot, app)

    try:
        return snap_compare(app, terminal_size=(80, 24), run_before=run_before)
    finally:
        app.store.close()


def test_history_sessions(snap_compare, data_dir):
    assert snapshot(snap_compare, data_dir, "h")


def test_history_deadlift_chart(snap_compare, data_dir):
    # The filter picks the exercise; '2' shows its chart, records and recent sessions.
    assert snapshot(snap_compare, data_dir, "h", "f", *"deadlift", "enter", "2")
