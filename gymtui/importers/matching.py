"""Matching imported exercise names to the library, and making custom exercises for the rest.

A name is matched only when it clearly means the same exercise: the same words once case,
punctuation and spacing are ignored ('Pull-up' = 'pull up'), an alias of the library
exercise, the same name with its equipment in parentheses when that equipment agrees
('Deadlift (Barbell)' = a barbell 'Deadlift'), or a well-known synonym ('Bent Over Row
(Barbell)' = 'Barbell row'). A variant in parentheses that is not equipment ('Pull Up
(Assisted)') keeps the names apart: an assisted pull-up's load means something else.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass

from gymtui.domain.common import Equipment, Pattern
from gymtui.domain.library import Exercise

NAME_LIMIT = 120  # Exercise.name's limit
_PAREN = re.compile(r"^(.*?)\s*\(([^()]*)\)\s*$")
_PAREN_EQUIPMENT: dict[str, Equipment] = {
    "barbell": "barbell", "dumbbell": "dumbbell", "dumbbells": "dumbbell",
    "kettlebell": "kettlebell", "cable": "cable", "machine": "machine",
    "band": "band", "bands": "band", "bodyweight": "bodyweight", "body weight": "bodyweight",
}
# Names that mean the same lift (compared after `name_key`); equipment must still agree.
_SYNONYMS: tuple[tuple[str, ...], ...] = (
    ("bent over row", "barbell row", "bent over barbell row", "barbell bent over row"),
    ("deadlift", "conventional deadlift"),
    ("romanian deadlift", "rdl"),
    ("seated cable row", "cable row"),
    ("face pull", "cable face pull"),
    ("farmers walk", "farmer carry", "farmers carry", "farmer walk"),
    ("suitcase carry", "suitcase walk"),
    ("back extension", "hyperextension", "hyperextensions"),
    ("bent over one arm row", "single arm dumbbell row", "one arm dumbbell row", "single arm row", "one arm row"),
    ("band pull apart", "pull apart", "banded pull apart"),
    ("lat pulldown", "pulldown"),
)


def clean_name(name: str) -> str:
    """The name as gymtui keeps it: single spaces, at most 120 characters."""
    return " ".join(name.split())[:NAME_LIMIT].strip()


def name_key(text: str) -> str:
    """Case, accents of compatibility forms, punctuation and spaces do not count."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return "".join(ch for ch in folded if ch.isalnum())


_SYNONYM_OF: dict[str, tuple[str, ...]] = {
    name_key(word): tuple(name_key(w) for w in group) for group in _SYNONYMS for word in group
}


def split_equipment(name: str) -> tuple[str, Equipment | None]:
    """'Deadlift (Barbell)' -> ('Deadlift', 'barbell'); other parentheses stay in the name."""
    match = _PAREN.match(name)
    if match:
        equipment = _PAREN_EQUIPMENT.get(" ".join(match.group(2).lower().split()))
        if equipment is not None and match.group(1).strip():
            return match.group(1).strip(), equipment
    return name, None


@dataclass(frozen=True, slots=True)
class NameMatch:
    imported: str
    exercise_id: str
    exercise_name: str
    how: str  # 'same name', 'alias', 'same name without (Barbell)', 'synonym'


class Matcher:
    """Index of the library by name key; answers 'which exercise is this name?'."""

    def __init__(self, exercises: list[Exercise]) -> None:
        self.by_key: dict[str, list[tuple[Exercise, str]]] = {}
        self.ids = {exercise.id for exercise in exercises}
        for exercise in exercises:
            self._add(name_key(exercise.name), exercise, "same name")
            base, equipment = split_equipment(exercise.name)
            if equipment is not None:
                self._add(name_key(base), exercise, "same name")
            for alias in exercise.aliases:
                self._add(name_key(alias), exercise, "alias")
            self._add(name_key(exercise.id), exercise, "same name")

    def add(self, exercise: Exercise) -> None:
        """Make a newly created exercise findable, so 'Curl - Cable' joins 'Curl (Cable)'."""
        self.ids.add(exercise.id)
        self._add(name_key(exercise.name), exercise, "same name")

    def _add(self, key: str, exercise: Exercise, how: str) -> None:
        if not key:
            return
        entries = self.by_key.setdefault(key, [])
        if all(known.id != exercise.id for known, _ in entries):
            entries.append((exercise, how))

    def match(self, name: str) -> NameMatch | None:
        if not name_key(name):
            return None  # a name of punctuation only ('?', '--') means nothing to compare
        exact = self.by_key.get(name_key(name), [])
        if len(exact) > 1:
            # 'Spider curl' is both the full name of one exercise and 'Spider Curl (Barbell)'
            # without its equipment: the exercise whose whole name it is wins.
            whole = [(ex, how) for ex, how in exact if name_key(ex.name) == name_key(name)]
            if len(whole) == 1:
                exact = whole
        if len(exact) == 1:
            exercise, how = exact[0]
            return NameMatch(name, exercise.id, exercise.name, how)
        base, equipment = split_equipment(name)
        if equipment is None and exact:
            return None  # two library exercises share this name: do not guess
        bare = name_key(base)
        candidates: list[tuple[str, str]] = [(bare, f"same name without ({equipment})" if equipment else "same name")]
        if equipment:
            candidates += [
                (name_key(f"{equipment} {base}"), "same name"),
                (name_key(f"{base} {equipment}"), "same name"),
            ]
        candidates += [(synonym, "synonym") for synonym in _SYNONYM_OF.get(bare, ()) if synonym != bare]
        for key, how in candidates:
            found = [ex for ex, _ in self.by_key.get(key, []) if equipment is None or ex.equipment == equipment]
            if len(found) == 1:
                return NameMatch(name, found[0].id, found[0].name, how)
        return None


# ---- New custom exercises -------------------------------------------------------------

_PATTERN_WORDS: tuple[tuple[Pattern, tuple[str, ...]], ...] = (
    # Checked in order: the first hit wins ('leg press' is a squat pattern, not a press).
    ("rotator_cuff", ("external rotation", "internal rotation", "rotator cuff")),
    ("scapular", ("face pull", "pull apart", "reverse fly", "rear delt", "shrug", "scapula", "y raise")),
    ("vertical_pull", ("pull up", "pullup", "chin up", "chinup", "pulldown", "pull down")),
    ("horizontal_pull", ("row",)),
    ("carry", ("carry", "farmer", "suitcase", "yoke")),
    ("hinge", ("deadlift", "rdl", "good morning", "hip thrust", "hyperextension", "back extension",
               "swing", "glute bridge", "pull through")),
    ("squat", ("squat", "lunge", "leg press", "step up", "split squat")),
    ("core", ("plank", "crunch", "sit up", "situp", "leg raise", "pallof", "dead bug", "russian twist",
              "ab wheel", "rollout", "hollow")),
    ("press", ("bench press", "overhead press", "shoulder press", "military press", "push up", "pushup",
               "dip", "floor press", "press")),
)
_EQUIPMENT_WORDS: tuple[tuple[Equipment, tuple[str, ...]], ...] = (
    ("machine", ("smith machine", "machine")),
    ("barbell", ("barbell", "ez bar", "trap bar", "hex bar")),
    ("dumbbell", ("dumbbell",)),
    ("kettlebell", ("kettlebell",)),
    ("cable", ("cable",)),
    ("band", ("band",)),
    ("bodyweight", ("bodyweight", "body weight", "pull up", "pullup", "chin up", "push up", "pushup",
                    "dip", "plank", "sit up", "hanging")),
)
_UNILATERAL_WORDS = ("single arm", "one arm", "single leg", "one leg", "unilateral", "single-arm")
# Reps that start with the lift, not the lowering: the flag the tempo timer needs.
_CONCENTRIC_FIRST = ("deadlift", "pendlay row", "curl", "clean", "snatch", "power row")


def _words(name: str) -> str:
    """Lower case, punctuation as spaces, padded so ' row ' finds whole words only."""
    folded = unicodedata.normalize("NFKC", name).casefold().replace("-", " ")
    return " " + " ".join(re.sub(r"[^\w]+", " ", folded).split()) + " "


def _has(words: str, phrase: str) -> bool:
    return f" {phrase} " in words or f" {phrase}s " in words


def guess_pattern(name: str) -> Pattern:
    words = _words(name)
    if "romanian" in words or "stiff leg" in words:
        return "hinge"
    if _has(words, "upright row"):
        return "other"  # a shoulder raise, not a horizontal pull
    for pattern, phrases in _PATTERN_WORDS:
        if any(_has(words, phrase) for phrase in phrases):
            return pattern
    return "other"


def guess_equipment(name: str) -> Equipment:
    _, in_parens = split_equipment(name)
    if in_parens is not None:
        return in_parens
    words = _words(name)
    if " assisted " in words:
        return "other"  # a machine or a band: the name does not say which
    for equipment, phrases in _EQUIPMENT_WORDS:
        if any(_has(words, phrase) for phrase in phrases):
            return equipment
    return "other"


def _digest(text: str, size: int) -> str:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()[:size]


def slugify(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii").lower()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name).strip("-")[:60].rstrip("-")
    # A name in another script leaves nothing: name it by a hash of the name, still stable.
    return slug or f"exercise-{_digest(name, 8)}"


def new_exercise(name: str, app_label: str, taken_ids: set[str]) -> Exercise:
    """A custom exercise for a name the library does not have; its id never clashes."""
    base = slug = slugify(name)
    attempt = 0
    while slug in taken_ids:  # a suffix from the name, so the same name gets the same id
        attempt += 1
        slug = f"{base[:60]}-{_digest(name if attempt == 1 else f'{name}#{attempt}', 6)}"
    words = _words(name)
    exercise = Exercise(
        id=slug,
        name=name,
        pattern=guess_pattern(name),
        equipment=guess_equipment(name),
        unilateral=any(phrase in words for phrase in _UNILATERAL_WORDS),
        starts_concentric=any(_has(words, phrase) for phrase in _CONCENTRIC_FIRST)
        and "romanian" not in words,
        cues=[f"Imported from {app_label}: add your own technique cues."],
        custom=True,
    )
    taken_ids.add(slug)
    return exercise
