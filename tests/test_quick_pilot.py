"""The tests' Pilot waits as Textual's does (for a widget handling a message, for one still
mounting) without waking the widgets that have nothing to do (tests/quick_pilot.py)."""

import asyncio

from textual import events
from textual.app import App, ComposeResult
from textual.widgets import Label, Static

from app_factory import settle
from gymtui.ui.screens.settings import SettingsScreen


async def test_a_pause_on_the_settings_screen_wakes_only_the_app_and_the_screen(gym_app, monkeypatch):
    app = gym_app
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        await pilot.press("s")
        await settle(pilot, app)
        assert isinstance(app.screen, SettingsScreen)
        woken = []
        real_call_later = type(app.screen).call_later

        def call_later(node, callback, *args, **kwargs):
            woken.append(node)
            return real_call_later(node, callback, *args, **kwargs)

        for cls in {type(node) for node in (app, *app.screen.walk_children(with_self=True))}:
            monkeypatch.setattr(cls, "call_later", call_later, raising=False)
        await pilot.pause()
        assert len(list(app.screen.walk_children())) > 100
        assert set(woken) == {app, app.screen}


class Slow(Static):
    """Its handler for a click and its mount each take several turns of the loop."""

    done = False
    mounted = False

    async def on_mount(self) -> None:
        for _ in range(20):
            await asyncio.sleep(0)
        self.mounted = True

    async def on_click(self, event: events.Click) -> None:
        for _ in range(20):
            await asyncio.sleep(0)
        self.done = True


class TwoWidgets(App):
    def compose(self) -> ComposeResult:
        yield Label("idle")
        yield Slow("slow", id="slow")


async def test_a_pause_still_waits_for_a_widget_handling_a_message_or_mounting():
    app = TwoWidgets()
    async with app.run_test() as pilot:
        slow = app.query_one(Slow)
        assert slow.mounted
        slow.post_message(events.Click(slow, 0, 0, 0, 0, 1, False, False, False))
        await pilot.pause()
        assert slow.done
        late = Slow("late")
        app.screen.mount(late)
        await pilot.pause()
        assert late.mounted
