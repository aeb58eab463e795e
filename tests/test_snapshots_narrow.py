"""Today, Warm-up, Checklist and History at a phone's 40 columns, the Pi touchscreen's 66x20
with a big font, the Pi console's 80x24 and a large terminal's 120x40.

Under 80 columns the tables drop or merge columns and the footer's keys wrap onto rows;
80x24 and 120x40 are drawn as they always were.
"""

import pytest

from app_factory import make_app, settle
from history_data import fill_history

SIZES = [(40, 30), (66, 20), (80, 24), (120, 40)]
SIZE_IDS = [f"{w}x{h}" for w, h in SIZES]


@pytest.fixture
def lifter_app(data_dir):
    app = make_app(data_dir)
    fill_history(app.store)
    yield app
    app.store.close()


def _opened(*keys: str):
    async def run_before(pilot) -> None:
        await settle(pilot, animations=True)
        for key in keys:
            await pilot.press(key)
            await settle(pilot, animations=True)

    return run_before


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_today(snap_compare, lifter_app, size):
    assert snap_compare(lifter_app, terminal_size=size, run_before=_opened())


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_warmup(snap_compare, lifter_app, size):
    assert snap_compare(lifter_app, terminal_size=size, run_before=_opened("u", "space", "space"))


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_checklist(snap_compare, lifter_app, size):
    assert snap_compare(lifter_app, terminal_size=size, run_before=_opened("c", "1", "2", "4"))


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_history(snap_compare, lifter_app, size):
    assert snap_compare(lifter_app, terminal_size=size, run_before=_opened("h"))
