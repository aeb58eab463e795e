"""The shared test helpers do what the tests rely on: stores closed, no blinking cursor, one
seeding helper, one settle."""

from __future__ import annotations

import pytest
from textual.widgets import Input, TextArea

import hypothesis_profiles
from app_factory import FROZEN_NOW, LAST_WEEK, apps_closed_after, seed_session, settle, type_keys
from gymtui.store import LockedError, Store
from hypothesis_profiles import examples, storm_rounds


def test_apps_made_by_the_helper_have_their_store_closed_even_after_a_failure(data_dir, tmp_path):
    other = tmp_path / "other"
    other.mkdir()
    with pytest.raises(RuntimeError), apps_closed_after(data_dir) as new:
        new()
        new(other)
        with pytest.raises(LockedError):
            Store.open(data_dir)
        raise RuntimeError("a failing test")
    Store.open(data_dir).close()
    Store.open(other).close()


def test_a_new_app_on_a_folder_closes_the_earlier_apps_store_there_as_quitting_does(new_app, tmp_path):
    other = tmp_path / "other"
    other.mkdir()
    first, elsewhere = new_app(), new_app(other)
    second = new_app()
    assert not first.store._lock.held and second.store._lock.held and elsewhere.store._lock.held


def test_the_gym_app_fixture_is_made_on_the_data_dir(gym_app, data_dir):
    assert gym_app.store.data_dir == data_dir


def test_no_input_or_text_area_blinks_in_tests():
    assert Input().cursor_blink is False
    assert TextArea().cursor_blink is False


def test_seed_session_saves_the_session_and_its_sets_in_order(data_dir):
    with Store.open(data_dir, now=lambda: FROZEN_NOW) as store:
        session = seed_session(store, [("face-pull", 20, 15, 7), ("face-pull", 22.5, 12, None)],
                               status="done", program_day="vertical-pull")
        assert session.date == LAST_WEEK.date() and session.status == "done"
        assert [(s.load, s.reps, s.rpe) for s in store.session_sets(session.id)] == [(20, 15, 7), (22.5, 12, None)]


async def test_settle_waits_for_a_worker_started_by_another(gym_app):
    finished = []

    async def second():
        finished.append("second")

    async def first():
        gym_app.run_worker(second())

    async with gym_app.run_test(size=(80, 24)) as pilot:
        gym_app.run_worker(first())
        await settle(pilot)
        assert finished == ["second"]


async def test_type_keys_types_every_character_in_order_and_waits_for_the_screen_to_see_it(gym_app):
    from gymtui.ui.screens.settings import SettingsScreen

    async with gym_app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        assert isinstance(gym_app.screen, SettingsScreen)
        field = gym_app.screen.query_one("#set-bar_kg", Input)
        field.focus()
        await settle(pilot)
        field.value = ""
        await type_keys(pilot, *"17.5 kg, then 20")
        assert field.value == "17.5 kg, then 20"
        assert gym_app.focused is field
        with pytest.raises(AssertionError, match=r"pilot\.press"):
            await type_keys(pilot, "backspace")  # a binding's key, acted on out of order: refused


def test_the_ci_profile_runs_a_third_of_the_examples_and_storm_rounds(monkeypatch):
    monkeypatch.setattr(hypothesis_profiles, "PROFILE", "dev")
    assert (examples(150), storm_rounds(60)) == (150, 60)
    monkeypatch.setattr(hypothesis_profiles, "PROFILE", "ci")
    assert (examples(150), storm_rounds(60)) == (50, 20)
    assert (examples(20), storm_rounds(6)) == (10, 4)  # never fewer than these
