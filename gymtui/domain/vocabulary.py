"""The words of the training library: movement patterns, equipment, block emphases.

Plain data with no pydantic, so the command line can name them in its help (and the app
draw its first frame) without importing the models.
"""

from __future__ import annotations

from typing import Any, Literal, get_args

Pattern = Literal[
    "horizontal_pull",
    "vertical_pull",
    "hinge",
    "carry",
    "scapular",
    "rotator_cuff",
    "press",
    "squat",
    "core",
    "other",
]
PATTERN_LABELS: dict[str, str] = {
    "horizontal_pull": "horizontal pull",
    "vertical_pull": "vertical pull",
    "hinge": "hinge",
    "carry": "carry",
    "scapular": "scapular",
    "rotator_cuff": "rotator cuff",
    "press": "press",
    "squat": "squat",
    "core": "core",
    "other": "other",
}
Equipment = Literal["barbell", "dumbbell", "kettlebell", "cable", "machine", "band", "bodyweight", "other"]
Emphasis = Literal["strength", "hypertrophy", "technique", "deload"]

PATTERNS: tuple[str, ...] = get_args(Pattern)
# The kinds of equipment a lifter chooses from, and how each is kept. Dumbbell loads are per
# hand. A weighted bodyweight exercise logs the load added (a belt, a vest) and counts the
# bodyweight with it; a carry is timed or walked, with whatever implement is at hand.
KINDS: dict[str, tuple[Equipment, dict[str, Any]]] = {
    "barbell": ("barbell", {}),
    "dumbbell": ("dumbbell", {}),
    "kettlebell": ("kettlebell", {}),
    "machine": ("machine", {}),
    "cable": ("cable", {}),
    "bodyweight": ("bodyweight", {"bodyweight_share": 0.0}),
    "weighted-bodyweight": ("bodyweight", {"bodyweight_share": 1.0}),
    "band": ("band", {}),
    "carry": ("other", {"timed": True}),
    "other": ("other", {}),
}
