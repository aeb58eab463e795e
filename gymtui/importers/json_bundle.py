"""gymtui's own JSON export: everything the store holds, re-imported without loss.

    {"format": "gymtui", "version": 1,
     "sessions": [...], "sets": [...], "checklist": [...], "recovery": [...],
     "settings": {...} or null, "exercises": [...], "routines": [...], "programs": [...],
     "checklist_items": [...] (the lifter's own checklist; empty: the library's default)}

Each item is the model's `model_dump(mode="json")`, so the file is exactly what the models
validate; reading it back goes through the same validation, item by item.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ValidationError

from gymtui.domain.common import describe_error
from gymtui.domain.daily import ChecklistEntry, MobilityDone, RecoveryNote
from gymtui.domain.journal import LoggedSet, Session
from gymtui.domain.jsontext import JsonTextError, load_json
from gymtui.domain.library import ChecklistItem, Exercise, Program, Routine
from gymtui.domain.settings import Settings

FORMAT_NAME = "gymtui"
VERSION = 1
# Section name -> the model of its items, in the order they are written.
SECTIONS: dict[str, type[BaseModel]] = {
    "sessions": Session,
    "sets": LoggedSet,
    "checklist": ChecklistEntry,
    "recovery": RecoveryNote,
    "mobility": MobilityDone,
    "exercises": Exercise,
    "routines": Routine,
    "programs": Program,
    "checklist_items": ChecklistItem,
}


@dataclass
class GymtuiData:
    """The contents of a gymtui JSON file. Items that failed validation are left out and
    named in `problems`; a file that cannot be read at all sets `error` instead."""

    sessions: list[Session] = field(default_factory=list)
    sets: list[LoggedSet] = field(default_factory=list)
    checklist: list[ChecklistEntry] = field(default_factory=list)
    recovery: list[RecoveryNote] = field(default_factory=list)
    mobility: list[MobilityDone] = field(default_factory=list)
    exercises: list[Exercise] = field(default_factory=list)
    routines: list[Routine] = field(default_factory=list)
    programs: list[Program] = field(default_factory=list)
    checklist_items: list[ChecklistItem] = field(default_factory=list)
    settings: Settings | None = None
    problems: list[str] = field(default_factory=list)
    error: str | None = None

    def as_dict(self) -> dict[str, Any]:
        """The same shape `export_json` takes."""
        data: dict[str, Any] = {name: list(getattr(self, name)) for name in SECTIONS}
        data["settings"] = self.settings
        return data


def _dump(model: type[BaseModel], item: Any) -> dict[str, Any]:
    if isinstance(item, model):
        return item.model_dump(mode="json")
    if isinstance(item, Mapping):
        return model.model_validate(item).model_dump(mode="json")
    raise TypeError(f"expected a {model.__name__} or a dict, got {type(item).__name__}")


def export_json(everything: Mapping[str, Any]) -> str:
    """Write sessions, sets, checklist, recovery, settings, exercises, routines and programs
    (missing sections are written empty; settings None is written null)."""
    unknown = set(everything) - set(SECTIONS) - {"settings"}
    if unknown:
        raise ValueError(f"unknown sections: {', '.join(sorted(unknown))}")
    document: dict[str, Any] = {"format": FORMAT_NAME, "version": VERSION}
    for name, model in SECTIONS.items():
        document[name] = [_dump(model, item) for item in everything.get(name) or []]
    settings = everything.get("settings")
    document["settings"] = None if settings is None else _dump(Settings, settings)
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def import_json(text: str) -> GymtuiData:
    """Read a gymtui JSON export; every item is validated by its model."""
    try:
        document = load_json(text.removeprefix("\ufeff"))
    except JsonTextError as error:
        return GymtuiData(error=str(error).removeprefix("is "))
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        return GymtuiData(error='not a gymtui export: the file should start with {"format": "gymtui", ...}')
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        return GymtuiData(error=f"version {version!r} is not a gymtui export version")
    if version > VERSION:
        return GymtuiData(
            error=f"this file is version {version}, newer than this gymtui reads ({VERSION}): update gymtui"
        )
    data = GymtuiData()
    for name in sorted(set(document) - set(SECTIONS) - {"format", "version", "settings"}):
        data.problems.append(f"{name}: unknown section, ignored")
    for name, model in SECTIONS.items():
        items = document.get(name) or []
        if not isinstance(items, list):
            data.problems.append(f"{name}: should be a list, ignored")
            continue
        kept = getattr(data, name)
        for position, item in enumerate(items):
            try:
                kept.append(model.model_validate(item))
            except ValidationError as error:
                data.problems.append(f"{name}[{position}]: {describe_error(error)}")
    settings = document.get("settings")
    if settings is not None:
        try:
            data.settings = Settings.model_validate(settings)
        except ValidationError as error:
            data.problems.append(f"settings: {describe_error(error)}")
    return data
