"""The workout screen restyles what a change of state changes, once: a class set on a node
restyles it and every widget under it, so each class is set on the smallest node its rules
need, and the classes of one redraw are set together (one restyle, not one a class).
Restyling is most of what a key costs on a small machine. Counted, not timed."""

import pytest
from textual.widgets import Header

from app_factory import settle
from gymtui.ui.widgets.touch import TOUCH_CLASS, TouchButton
from gymtui.ui.widgets.workout_touch import WorkoutTouch
from test_ui_styled_once import styled as styled_fixture
from test_ui_workout import open_workout, seed_history

styled = styled_fixture


async def test_a_change_of_state_restyles_each_touch_button_once(gym_app, styled):
    app = gym_app
    seed_history(app.store)
    app.add_class(TOUCH_CLASS)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_workout(pilot, app)
        buttons = list(screen.query(TouchButton))
        assert len(buttons) > 15
        for keys, state in ((["enter"], "timer"), (["enter"], "log"), (["8", "enter"], "ready")):
            styled.clear()
            await pilot.press(*keys)
            await settle(pilot, app)
            assert screen.state == state
            # The rows of the state shown, the others hidden: each button styled once.
            assert {styled[button] for button in buttons} == {1}, state


async def test_without_touch_mode_the_workout_makes_no_touch_button(gym_app, styled):
    # Touch mode is chosen before the app starts: without it the buttons would never show.
    app = gym_app
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_workout(pilot, app)
        touch = screen.query_one(WorkoutTouch)
        assert not touch.display and list(touch.children) == []
        assert list(screen.query(TouchButton)) == []


async def test_a_set_started_leaves_the_set_form_alone(gym_app, styled):
    # -timing hides the set strip (and the card under 80 columns): nothing else changes.
    app = gym_app
    seed_history(app.store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_workout(pilot, app)
        styled.clear()
        await pilot.press("enter")
        await settle(pilot, app)
        assert screen.state == "timer" and screen.query_one("#workout").has_class("-timing")
        form = screen.query_one("#wo-log")
        assert [node for node in form.walk_children(with_self=True) if styled[node]] == []
        assert styled[screen.query_one("#wo-sets")] == 1


async def test_a_rest_starting_leaves_the_header_alone(gym_app, styled):
    app = gym_app
    seed_history(app.store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_workout(pilot, app)
        await pilot.press("l")
        await settle(pilot, app)
        styled.clear()
        await pilot.press("8", "enter")  # logged: the rest starts
        await settle(pilot, app)
        assert screen.state == "ready" and app.rest.running
        header = screen.query_one(Header)
        assert [node for node in header.walk_children(with_self=True) if styled[node]] == []
        assert screen.query_one("#workout").has_class("-resting")  # what the rest's rules read


def _styles(screen) -> dict:
    """Every node's styles from the stylesheet, with its component classes'. Not those of a
    node styled by its place among the siblings shown (:last-child...), which Textual works
    out anew whenever it restyles the node (tests above count those restyles), nor those
    of a node inside a hidden one (the touch buttons without touch mode): restyled when
    they are shown."""
    return {
        node: (node.styles.base.get_rules(),
               {name: styles.base.get_rules() for name, styles in node._component_styles.items()})
        for node in screen.walk_children(with_self=True)
        if not node._has_order_style and all(above.display for above in node.ancestors if above is not node.app)
    }


@pytest.mark.parametrize(("size", "touch"), [((80, 24), False), ((66, 20), True), ((40, 30), True), ((120, 40), True)],
                         ids=["80x24", "66x20-touch", "40x30-touch", "120x40-touch"])
async def test_what_is_not_restyled_is_styled_as_a_full_restyle_would(gym_app, size, touch):
    # Restyling only the widgets the rules of a changed class name leaves every widget as
    # Textual's restyle of everything would.
    app = gym_app
    seed_history(app.store)
    if touch:
        app.add_class(TOUCH_CLASS)
    async with app.run_test(size=size) as pilot:
        screen = await open_workout(pilot, app)
        for keys, state, resting in ((["enter"], "timer", False), (["enter"], "log", False),
                                     (["8", "enter"], "ready", True), (["l"], "log", False),
                                     (["escape"], "ready", True), (["0"], "ready", False),
                                     (["enter"], "timer", False)):
            await pilot.press(*keys)
            await settle(pilot, app)
            assert screen.state == state
            assert screen.query_one("#workout").has_class("-resting") == resting
            _assert_styled_as_by_a_full_restyle(app, screen, keys)
        for other in ((120, 40), (66, 20), size):  # -large on and off, the width classes
            await pilot.resize_terminal(*other)
            await settle(pilot, app)
            _assert_styled_as_by_a_full_restyle(app, screen, other)


def _assert_styled_as_by_a_full_restyle(app, screen, step) -> None:
    as_left = _styles(screen)
    app.stylesheet.update(screen)
    fresh = _styles(screen)
    differ = {(str(node), key, str(as_left[node][0].get(key)), str(fresh[node][0].get(key)))
              for node in fresh if as_left[node] != fresh[node]
              for key in set(fresh[node][0]) | set(as_left[node][0])
              if as_left[node][0].get(key) != fresh[node][0].get(key)}
    assert not differ, (step, sorted(differ)[:6])


async def test_a_new_phase_restyles_the_timer_band_once(gym_app, styled):
    app = gym_app
    seed_history(app.store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_workout(pilot, app)
        await pilot.press("enter")
        await settle(pilot, app)
        band = screen.query_one("#tp-band")
        looks = []
        while len(looks) < 4 and screen.state == "timer":
            styled.clear()
            look = set(band.classes)
            app.clock.advance(0.5)
            screen.tick()
            await settle(pilot, app)
            if set(band.classes) != look:
                looks.append(set(band.classes))
                # The look taken off and the new one put on: one restyle, not two.
                assert [styled[node] for node in band.walk_children(with_self=True)] == [1] * 4
        assert len(looks) == 4
