"""The workout screen restyles what a change of state changes, once: a class set on a node
restyles it and every widget under it, so each class is set on the smallest node its rules
need, and the classes of one redraw are set together (one restyle, not one a class).
Restyling is most of what a key costs on a small machine. Counted, not timed."""

from textual.widgets import Header

from app_factory import settle
from gymtui.ui.widgets.touch import TOUCH_CLASS, TouchButton
from test_ui_styled_once import styled as styled_fixture
from test_ui_workout import open_workout, seed_history

styled = styled_fixture


async def test_a_set_started_restyles_each_touch_button_once(gym_app, styled):
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
