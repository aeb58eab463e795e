"""The workout at 80 columns keeps what matters on screen: the footer's way out while
resting, the RPE of a long exercise's target in the set form."""

from textual.widgets import Static
from textual.widgets._footer import FooterKey

from app_factory import settle
from gymtui.domain.clock import FakeClock
from test_ui_workout import open_workout, seed_history

SIZE = (80, 24)


def drawn_lines(widget) -> list[str]:
    return [widget.render_line(y).text for y in range(widget.size.height)]


def footer_keys(screen) -> dict[str, FooterKey]:
    return {key.description: key for key in screen.query(FooterKey)}


async def test_while_resting_the_footer_still_shows_today_and_help(new_app):
    app = new_app(clock=FakeClock())
    seed_history(app.store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_workout(pilot, app)
        await pilot.press("l", "8", "enter")  # face pulls at last week's load: the rest starts
        await settle(pilot, app)
        assert app.rest.running and screen.state == "ready"
        keys = footer_keys(screen)
        for wanted in ("+15s", "+30s", "Skip rest", "Today", "Help"):
            key = keys[wanted]
            assert key.region.width > 0 and key.region.right <= SIZE[0], wanted


async def test_the_set_form_shows_the_whole_target_of_a_long_exercise_name(new_app):
    app = new_app(clock=FakeClock())
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_workout(pilot, app)
        await pilot.press("right", "right", "right", "right")
        await settle(pilot, app)
        assert screen.workout.card.exercise.name == "Single Arm Dumbbell Row"
        await pilot.press("l")
        await settle(pilot, app)
        title = screen.query_one("#se-title", Static)
        shown = " ".join(line.strip() for line in drawn_lines(title))
        assert "Log Single Arm Dumbbell Row, set 1 of 2, left" in shown
        assert "target pick a load × 10 (10-12) @8" in shown


def inked_rows(widget) -> int:
    return sum(1 for line in drawn_lines(widget) if "█" in line)


async def test_a_tall_terminal_gets_large_figures_and_every_cue(new_app):
    app = new_app(clock=FakeClock())
    async with app.run_test(size=(120, 33)) as pilot:
        screen = await open_workout(pilot, app)
        big = screen.query_one("#wo-next-big")
        assert big.text == "SET 1/2" and inked_rows(big) == 10
        card = str(screen.query_one("#wo-card", Static).render())
        assert card.count("Cue:") == len(screen.workout.card.exercise.cues) == 3
        await pilot.press("enter")  # the timer: its band and rep count are large too
        await pilot.pause()
        assert inked_rows(screen.query_one("#tp-word")) == 10
        assert inked_rows(screen.query_one("#tp-rep")) == 10
        await pilot.press("escape")
        await pilot.resize_terminal(80, 24)
        await settle(pilot, app)
        assert inked_rows(big) == 5
