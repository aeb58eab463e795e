"""Counts read right everywhere: '1 set', never '1 sets'; names the same in footer and Help."""

import pendulum

from gymtui.domain.journal import LoggedSet
from gymtui.domain.library import Drill
from gymtui.domain.progression import Plan
from gymtui.domain.session_model import Card, build_slots
from gymtui.domain.wording import plural
from gymtui.services.daily import drill_amount
from gymtui.store.catalog_files import load_catalog
from gymtui.ui.screens import workout_text
from gymtui.ui.screens.history_text import week_detail
from gymtui.ui.screens.today import TodayScreen
from gymtui.ui.sections import SECTIONS

NOW = pendulum.datetime(2026, 11, 16, 18, 30, tz="Europe/Paris")
CATALOG = load_catalog()


def test_plural_says_one_once_and_everything_else_in_the_plural():
    assert [plural(n, "set") for n in (0, 1, 2)] == ["0 sets", "1 set", "2 sets"]
    assert plural(1, "planned set") == "1 planned set"
    assert plural(2, "entry", "entries") == "2 entries" and plural(1.0, "rep") == "1 rep"
    assert plural(2.5, "kilo") == "2.5 kilos"


def test_a_drill_of_one_rep_says_rep():
    assert drill_amount(Drill(id="d", name="Wall slide", kind="reps", reps=1)) == "1 rep"
    assert drill_amount(Drill(id="d", name="Wall slide", kind="reps", reps=8, per_side=True)) == "8 reps each side"


def test_a_sided_set_names_its_side_once_in_the_set_strip():
    row = CATALOG.exercises["single-arm-dumbbell-row"]
    done = LoggedSet(session_id="s", exercise=row.id, side="left", load=20.0, reps=10, logged_at=NOW)
    plan = Plan(exercise=row.id, pattern=row.pattern, equipment=row.equipment, sets=2, reps=10, reps_min=8,
                reps_max=12, load=20.0, unit="kg", tempo="2-0-1-1", target_rpe=8.0, rest_seconds=60)
    card = Card(exercise=row, plan=plan, slots=build_slots(row, 2, [done]), tempo="2-0-1-1")
    strip = workout_text.set_strip(card, None)
    assert "✓1L 20×10" in strip and "1L L" not in strip


def test_history_texts_count_one_session_and_one_set_in_the_singular():
    from gymtui.services.history import WeekRow

    row = WeekRow(key="2026-W46", monday=NOW.date(), sessions=1, sets=1, tonnage=100.0, patterns={},
                  checklist=None, mobility_days=None, days_counted=7, sleep_hours=None, soreness=None)
    detail = week_detail(row, "kg")
    assert "1 session, 1 set." in detail and "1 sets" not in detail


def test_today_footer_uses_the_names_help_and_the_readme_use():
    shown = {b.key: b.description for b in TodayScreen.BINDINGS if b.show and b.key in {s.key for s in SECTIONS}}
    names = {s.key: s.name for s in SECTIONS}
    assert shown and all(names[key] == description for key, description in shown.items())
    assert shown["c"] == "Checklist"
    # Every section fits the 80-column footer with Help: 'key name ' each, and '? Help'.
    assert sum(len(f"{key} {name} ") for key, name in shown.items()) + len("? Help") <= 79


def test_the_finish_question_counts_one_planned_set_in_the_singular():
    assert workout_text.not_logged(1) == "\n1 planned set is not logged."
    assert workout_text.not_logged(3) == "\n3 planned sets are not logged."
    assert workout_text.not_logged(0) == ""


def test_deleting_a_routine_of_one_item_says_item():
    from gymtui.ui.screens.mobility_editing import delete_message

    assert delete_message("Desk break", 1) == "Desk break is deleted, with its 1 item."
    assert delete_message("Desk break", 3) == "Desk break is deleted, with its 3 items."
