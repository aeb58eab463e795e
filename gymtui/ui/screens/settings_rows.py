"""The settings form's rows: each field's box, its width and the words around it, and the order of themes."""

from __future__ import annotations

from dataclasses import dataclass

from ..themes import DEFAULT_THEME

# Shipped themes first in the theme list, then the user's and Textual's own.
SHIPPED_THEMES = (DEFAULT_THEME, "night", "daylight")
CHOICES: dict[str, list[str]] = {"unit": ["kg", "lb"], "bell": ["on", "off"]}


@dataclass(frozen=True)
class Box:
    """One input in a row: the setting it edits, its width, and a word before it."""

    key: str
    width: int = 8
    prefix: str = ""
    suffix: str = ""


@dataclass(frozen=True)
class Row:
    label: str
    boxes: tuple[Box, ...]
    hint: str = ""


ROWS: tuple[Row, ...] = (
    Row("Units", (Box("unit", 6),), "unit of loads on all screens"),
    Row("Theme", (Box("theme", 22),), "gym-floor = high contrast"),
    Row("Bar", (Box("bar_kg", 6, "kg"), Box("bar_lb", 6, "lb")), "the empty barbell"),
    Row("Plates kg", (Box("plates_kg", 31),), "sizes you own, any order"),
    Row("Plates lb", (Box("plates_lb", 31),), "sizes you own, any order"),
    Row(
        "Dumbbell step",
        (Box("dumbbell_step_kg", 6, "kg"), Box("dumbbell_step_lb", 6, "lb")),
        "from one bell to the next",
    ),
    Row("Machine step", (Box("machine_step_kg", 6, "kg"), Box("machine_step_lb", 6, "lb")), "from one pin to the next"),
    Row("Max change", (Box("max_change", 6, suffix="%"),), "largest load jump per session"),
    Row("Ramp sets", (Box("ramp", 31),), "percent x reps; 0 is the bar"),
    Row("Default rest", (Box("default_rest_seconds", 6, suffix="m:ss"),), "for an exercise swapped in"),
    Row("Bell", (Box("bell", 6),), "when a rest or a hold ends"),
    Row("Tempo lead-in", (Box("lead_in_seconds", 6, suffix="s"),), "count-in before the first rep"),
    Row("X-phase cue", (Box("x_cue_seconds", 6, suffix="s"),), "length of an explosive X cue"),
    Row("Backups kept", (Box("backups_kept", 6),), "daily copies in backups/"),
    Row("Bodyweight", (Box("bodyweight_kg", 6, suffix="kg"),), "counts in weighted pull-ups"),
    Row("Program", (Box("program", 31),), "what Today plans"),
    Row("Block start", (Box("program_start", 11),), "week 1; b: this week"),
)
KEYS: tuple[str, ...] = tuple(box.key for row in ROWS for box in row.boxes)


def theme_names(available: list[str]) -> list[str]:
    shipped = [name for name in SHIPPED_THEMES if name in available]
    return shipped + sorted(name for name in available if name not in shipped)
