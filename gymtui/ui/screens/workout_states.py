"""The workout screen's states and which keys act in each (the screen's check_action, and so
the footer): plain data and one function, tested without an app."""

from __future__ import annotations

from typing import Literal

# empty: a freestyle session before its first exercise (only adding one acts then).
State = Literal["loading", "ready", "timer", "log", "finished", "problem", "empty"]

# Keys by the state they act in (check_action); the others act in every state.
READY_ACTIONS = frozenset({
    "start_set", "log_set", "exercise", "move_set", "rest_more", "rest_skip", "add_set", "skip_set",
    "swap", "reorder", "edit_set", "delete_set", "tempo", "finish", "group", "ungroup", "whole_card",
})
TIMER_ACTIONS = frozenset({"pause", "stop_set", "cancel_timer"})
STATE_ACTIONS: dict[str, State] = {"cancel_log": "log", "new_session": "finished", "retry": "problem"}


def action_allowed(action: str, state: State, *, resting: bool) -> bool:
    """Whether a key acts in `state` (and so shows in the footer)."""
    if action == "add_exercise":
        return state in ("ready", "empty")
    if action in READY_ACTIONS:
        if action in ("rest_more", "rest_skip"):
            return state == "ready" and resting
        return state == "ready"
    if action in TIMER_ACTIONS:
        return state == "timer"
    if action in STATE_ACTIONS:
        return state == STATE_ACTIONS[action]
    return True

