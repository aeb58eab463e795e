"""Touch mode: big buttons (three rows tall) and tappable items that run the screen's own
actions, so a tap does what the key does. Without touch mode nothing of it takes room."""

import pytest
from textual.widgets import DataTable

from app_factory import settle, wait_until
from gymtui.ui.widgets.touch import TOUCH_CLASS, Tappable, TouchBar, TouchButton
from history_data import fill_history
from screen_text import rows_shown


def _button(app, label: str) -> TouchButton:
    return next(b for b in app.screen.query(TouchButton) if str(b.label) == label)


@pytest.fixture
def touch_app(gym_app):
    gym_app.add_class(TOUCH_CLASS)
    return gym_app


@pytest.fixture
def lifter(touch_app):
    """Touch mode, with weeks of history: every exercise has a planned load."""
    fill_history(touch_app.store)
    return touch_app


async def test_without_touch_mode_the_buttons_take_no_room(gym_app):
    async with gym_app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        bar = gym_app.screen.query_one(TouchBar)
        assert not bar.display and bar.outer_size.height == 0


async def _tap_into_workout(pilot, touch_app):
    """Today's Workout button tapped: the workout screen, settled."""
    from gymtui.ui.screens.workout import WorkoutScreen

    await settle(pilot)
    await pilot.click(_button(touch_app, "Workout"))
    await settle(pilot)
    screen = touch_app.screen
    assert isinstance(screen, WorkoutScreen)
    return screen


async def test_today_start_button_opens_the_workout(touch_app):
    from gymtui.ui.screens.workout import WorkoutScreen

    async with touch_app.run_test(size=(43, 40)) as pilot:
        await settle(pilot)
        button = _button(touch_app, "Workout")
        assert button.display and button.outer_size.height >= 3
        assert not button.can_focus  # a key goes where it went before the tap
        await pilot.click(button)
        await settle(pilot)
        assert isinstance(touch_app.screen, WorkoutScreen)


async def test_warmup_ticks_by_tapping_the_button_or_the_row(touch_app):
    async with touch_app.run_test(size=(43, 40)) as pilot:
        await settle(pilot)
        await pilot.click(_button(touch_app, "Warm-up"))
        await settle(pilot)
        screen = touch_app.screen
        first, second = (key for key, _ in screen.drills[:2])
        await pilot.click(_button(touch_app, "Tick / log"))
        await settle(pilot)
        assert first in screen.ticks
        # A tap on a row ticks that row (the table's own click: enter does what space does).
        table = screen.query_one("#wu-table", DataTable)
        def row_y(row: int) -> int:  # the header, then two-line rows, as scrolled
            return table.region.y + 1 + 2 * row - round(table.scroll_y)

        await pilot.click(offset=(table.region.x + 8, row_y(1)))
        await settle(pilot)
        assert second in screen.ticks
        await pilot.click(_button(touch_app, "Undo"))
        await settle(pilot)
        assert screen.ticks == {first}
        # One tap on a row away from the cursor ticks that row, and only it.
        await pilot.click(offset=(table.region.x + 8, row_y(4)))
        await settle(pilot)
        assert screen.ticks == {first, screen.drills[4][0]}


async def test_checklist_items_are_tapped_and_saved(touch_app):
    async with touch_app.run_test(size=(43, 40)) as pilot:
        await settle(pilot)
        await pilot.click(_button(touch_app, "Checklist"))
        await settle(pilot)
        items = list(touch_app.screen.query(Tappable))
        assert len(items) >= 3 and all(item.outer_size.height >= 3 for item in items)
        await pilot.click(items[1])
        await settle(pilot)
        screen = touch_app.screen
        second = screen.items[1].id
        assert screen.ticked == {second}
        entry = touch_app.store.checklist(touch_app.now().date())
        assert entry is not None and entry.ticked == [second]


@pytest.mark.parametrize("size", [(43, 40), (66, 20), (100, 30)], ids=["phone", "pi-big-font", "pi"])
async def test_a_set_as_prescribed_in_two_taps_then_the_rest(lifter, size):
    """Workout open: Start set, then @8 logs the set as prescribed (load and reps as shown):
    two taps. The rest follows, with +15 s and skip."""
    touch_app = lifter
    async with touch_app.run_test(size=size) as pilot:
        screen = await _tap_into_workout(pilot, touch_app)
        assert screen.state == "ready"
        card = screen.workout.card
        planned = (card.plan.load, card.plan.reps)
        taps = 0
        for label in ("Start set", "@8"):
            button = _button(touch_app, label)
            assert button.display and button.outer_size.height >= 3, label
            await pilot.click(button)
            taps += 1
            await settle(pilot)
        assert taps == 2 and screen.state == "ready"
        sets = touch_app.store.session_sets(screen.workout.session.id)
        assert [(s.exercise, s.load, s.reps, s.rpe) for s in sets] == [(card.exercise.id, *planned, 8.0)]
        assert sets[0].started_at is not None  # the timer's start is kept
        assert touch_app.rest.running
        left = touch_app.rest.timer.remaining()
        await pilot.click(_button(touch_app, "Rest +15s"))
        await settle(pilot)
        assert touch_app.rest.timer.remaining() == pytest.approx(left + 15)
        await pilot.click(_button(touch_app, "Skip rest"))
        await settle(pilot)
        assert not touch_app.rest.running
        assert not _button(touch_app, "Skip rest").display  # shown while a rest runs only


async def test_load_and_reps_buttons_change_the_set_before_its_rpe(lifter):
    touch_app = lifter

    async with touch_app.run_test(size=(43, 40)) as pilot:
        screen = await _tap_into_workout(pilot, touch_app)
        card = screen.workout.card
        await pilot.press("l")  # the form as prescribed: its +/- buttons show
        await settle(pilot)
        for label in ("Load +", "Load +", "Reps -"):
            await pilot.click(_button(touch_app, label))
            await settle(pilot)
        assert screen.state == "log"
        await pilot.click(_button(touch_app, "@7.5"))
        await settle(pilot)
        sets = touch_app.store.session_sets(screen.workout.session.id)
        assert [(s.load, s.reps, s.rpe) for s in sets] == [(card.plan.load + 5, card.plan.reps - 1, 7.5)]


async def test_without_the_timer_a_set_as_prescribed_is_one_tap(lifter):
    touch_app = lifter
    async with touch_app.run_test(size=(43, 40)) as pilot:
        screen = await _tap_into_workout(pilot, touch_app)
        assert screen.state == "ready"
        card = screen.workout.card
        await pilot.click(_button(touch_app, "@9"))
        await settle(pilot)
        sets = touch_app.store.session_sets(screen.workout.session.id)
        assert [(s.load, s.reps, s.rpe, s.started_at) for s in sets] == [(card.plan.load, card.plan.reps, 9.0, None)]
        assert screen.state == "ready" and touch_app.rest.running


async def test_fast_taps_on_load_plus_each_count(lifter):
    # Textual's button drops a second tap within its 0.2 s press effect: two quick taps on
    # Load + gave one step. The +/- and rest buttons count every tap.
    touch_app = lifter
    async with touch_app.run_test(size=(43, 40)) as pilot:
        screen = await _tap_into_workout(pilot, touch_app)
        card = screen.workout.card
        await pilot.press("l")
        await settle(pilot)
        plus = _button(touch_app, "Load +")
        await pilot.click(plus)
        await pilot.click(plus)  # at once, inside the press effect of the first
        await settle(pilot)
        await pilot.click(_button(touch_app, "@8"))
        await settle(pilot)
        sets = touch_app.store.session_sets(screen.workout.session.id)
        assert [s.load for s in sets] == [card.plan.load + 5]


@pytest.mark.parametrize("size", [(40, 30), (43, 40), (66, 20), (80, 24), (100, 30)],
                         ids=["phone", "tall-phone", "pi-big-font", "console", "pi"])
async def test_the_whole_rest_figure_shows_above_the_buttons(lifter, size):
    """A lifter a few metres away reads the rest left from the big figure: all its rows (five,
    ten on a tall screen) show with the touch buttons and the footer on screen."""
    from gymtui.ui.widgets.big_text import BigText

    touch_app = lifter
    async with touch_app.run_test(size=size) as pilot:
        screen = await _tap_into_workout(pilot, touch_app)
        await pilot.click(_button(touch_app, "@8"))
        await settle(pilot)
        assert touch_app.rest.running and screen.state == "ready"
        big = screen.query_one("#rest-big", BigText)
        await wait_until(pilot, lambda: big.region.height in (5, 10))  # laid out a refresh or two after the tap
        await pilot.pause()
        assert rows_shown(touch_app, big) == big.region.height
        assert _button(touch_app, "Skip rest").display


async def test_a_question_is_answered_by_tapping(lifter):
    """Esc's question on a typed set form has buttons: a touchscreen has no y or n."""
    from gymtui.ui.dialogs.confirm import ConfirmDialog

    async with lifter.run_test(size=(80, 30)) as pilot:
        screen = await _tap_into_workout(pilot, lifter)
        await pilot.press("l", "1")
        await wait_until(pilot, lambda: screen.state == "log")
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(lifter.screen, ConfirmDialog))
        await pilot.click(_button(lifter, "Keep it"))
        await wait_until(pilot, lambda: lifter.screen is screen)
        assert screen.state == "log"
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(lifter.screen, ConfirmDialog))
        await pilot.click(_button(lifter, "Leave it"))
        await wait_until(pilot, lambda: screen.state == "ready")
        assert lifter.screen is screen


async def test_a_touch_button_is_styled_when_it_is_added_not_as_it_is_made(touch_app, monkeypatch):
    # Button's constructor sets its variant's and its look's classes: each restyled the
    # button there and then, before it was in the app.
    from textual.css.stylesheet import Stylesheet

    styled = []
    apply = Stylesheet.apply
    monkeypatch.setattr(Stylesheet, "apply", lambda self, node, *args, **kwargs: (
        styled.append(node), apply(self, node, *args, **kwargs))[1])
    async with touch_app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        styled.clear()
        buttons = [TouchButton("Go", "start_set", variant=variant) for variant in ("primary", "default")]
        assert [node for node in styled if node in buttons] == []
        await touch_app.screen.mount_all(buttons)
        await settle(pilot)
        assert all(button in styled for button in buttons)
