"""Short messages are one line in the header row: they cover no content, the next key or a
change of screen takes them away, and the newest replaces the one shown."""

from textual.widgets import Static
from textual.widgets._toast import Toast

from app_factory import FROZEN_NOW, seed_session, settle, wait_until
from gymtui.ui.status_line import one_line


def information(app) -> list[str]:
    return [n.message for n in app._notifications if n.severity == "information"]


def laid_out_toasts(app) -> list[Toast]:
    """The toasts on screen once laid out: the rack mounts one a few messages after its
    notification, and it has a place one refresh later (more on a busy machine)."""
    return [toast for toast in app.screen.query(Toast) if toast.region.height]


def seed_session_in_progress(store) -> None:
    seed_session(store, [("face-pull", 20, 15, None)], when=FROZEN_NOW, name="Horizontal pull",
                 program_day="horizontal-pull", order=["face-pull", "deadlift"], position=(1, 0))


async def test_the_start_message_is_a_header_line_gone_with_the_next_screen(new_app):
    app = new_app()
    seed_session_in_progress(app.store)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot, app)
        assert "w resumes at Deadlift, set 1 (1 set logged)." in information(app)
        await wait_until(pilot, lambda: laid_out_toasts(app))
        toasts = laid_out_toasts(app)
        assert len(toasts) == 1
        assert toasts[0].region.y == 0 and toasts[0].region.height == 1  # the header row only
        assert toasts[0].region.right <= 80 - 1

        await pilot.press("h")  # History: the message was about Today
        await settle(pilot, app)
        await wait_until(pilot, lambda: information(app) == [] and not app.screen.query(Toast))


async def test_the_next_key_dismisses_a_message_and_the_newest_replaces_it(new_app):
    app = new_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot, app)
        app.notify("Face Pull done. Next: Deadlift.")
        app.notify("Every set is logged.", title="All done")
        await wait_until(pilot, lambda: information(app) == ["All done: Every set is logged."])
        await pilot.press("down")
        await wait_until(pilot, lambda: information(app) == [])
        # While a rest runs, the badge keeps its place at the right end of the row.
        app.rest.start(90, "Deadlift")
        app.notify("Saved 80×5")
        await wait_until(pilot, lambda: [t.region.right <= 80 - 14 for t in laid_out_toasts(app)] == [True])
        # Warnings and errors keep their box until they time out.
        app.notify("Disk full", title="Could not save", severity="error")
        await pilot.press("down")
        await wait_until(pilot, lambda: [n.message for n in app._notifications] == ["Disk full"])
        assert "Exercise" in str(app.screen.query_one("#plan-table").render_line(0).text)
        assert isinstance(app.screen.query_one("#plan-title"), Static)


def test_one_line_puts_the_title_first_and_joins_the_lines():
    assert one_line("Rest over.\nNext: Deadlift", "Go") == "Go: Rest over. Next: Deadlift"
    assert one_line("Saved 80×5") == "Saved 80×5"


async def test_messages_after_a_dismissed_one_stay_on_the_header_row(new_app):
    # Textual takes a dismissed message's toast away but left its holder in the rack: the
    # next message came two rows lower, over the workout's heading ("Dead Bug added" over
    # "Dead Bug  SET 1 OF 3"), the one after that over the card.
    from screen_text import on_screen

    app = new_app()
    async with app.run_test(size=(40, 30), notifications=True) as pilot:
        await settle(pilot, app)
        app.action_open_section("w")
        await settle(pilot, app)
        for name in ("plank", "dead bug", "pallof"):
            await pilot.press("i")
            await settle(pilot, app)
            await pilot.press(*("space" if c == " " else c for c in name), "enter")
            await settle(pilot, app)
            await wait_until(pilot, lambda: [t.region.y for t in laid_out_toasts(app)] == [0])
            heading = app.screen.query_one("#wo-heading")
            toasts = list(app.screen.query(Toast))
            assert len(toasts) == 1 and toasts[0].region.y == 0, (name, [t.region for t in toasts])
            assert not toasts[0].region.overlaps(heading.region)
            card = app.screen.workout.card
            assert on_screen(app, f"{card.exercise.name} SET 1 OF {card.sets}")


async def test_the_status_line_scheduled_at_start_does_nothing_once_the_app_has_closed(gym_app):
    # The app starts watching screen changes after its first refresh; on a busy machine a
    # quick quit (or a short test) closes the app before that runs, and subscribing then
    # raised SignalError.
    async with gym_app.run_test(size=(80, 24)):
        pass
    gym_app.watch_status()
