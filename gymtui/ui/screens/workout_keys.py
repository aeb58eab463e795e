"""The workout screen's keys in the footer's order (which act in each state: workout_states.py)."""

from __future__ import annotations

from textual.binding import Binding, BindingType

WORKOUT_BINDINGS: list[BindingType] = [
    Binding("enter", "start_set", "Start"),
    Binding("l", "log_set", "Log"),
    Binding("1", "rest_more(15)", "+15s"),
    Binding("3", "rest_more(30)", "+30s"),
    Binding("0", "rest_skip", "Skip rest"),
    Binding("right", "exercise(1)", "Exercise", key_display="←→"),
    Binding("left", "exercise(-1)", "Previous exercise", show=False),
    Binding("down", "move_set(1)", "Set", key_display="↑↓"),
    Binding("up", "move_set(-1)", "Previous set", show=False),
    Binding("e", "edit_set", "Edit", show=False),
    Binding("a", "add_set", "Add set", show=False),
    Binding("i", "add_exercise", "Add exercise", show=False),
    Binding("g", "group", "Superset with the next", show=False),
    Binding("G", "ungroup", "Out of the superset", show=False),
    Binding("k", "skip_set", "Skip set", show=False),
    Binding("x", "swap", "Swap", show=False),
    Binding("less_than_sign", "reorder(-1)", "Move up", show=False),
    Binding("greater_than_sign", "reorder(1)", "Move down", show=False),
    Binding("delete,backspace", "delete_set", "Delete", show=False),
    Binding("equals_sign", "tempo", "Tempo", show=False),
    Binding("f", "finish", "Finish", show=False),
    Binding("y", "whole_card", "Whole card: why, last time, every cue", show=False),
    Binding("space", "pause", "Pause/resume"),
    Binding("enter", "stop_set", "Stop & log"),
    Binding("escape", "cancel_timer", "Cancel"),
    Binding("escape", "cancel_log", "Cancel"),
    Binding("n", "new_session", "New session"),
    Binding("enter", "retry", "Try again"),
]
