"""Export (and later import) between the store and files."""

from __future__ import annotations

from ..domain.journal import LoggedSet, Session
from ..domain.units import Unit
from ..importers.export import export_strong_csv
from ..importers.json_bundle import export_json
from ..store import Store
from .context import load_library


def export_text(store: Store, fmt: str, *, unit: Unit | None = None) -> str:
    records = store.export_records()
    if fmt == "json":
        return export_json(
            {
                **records,
                "settings": store.settings(),
                "exercises": store.custom_exercises(),
                "routines": store.routines(),
            }
        )
    library = load_library(store)
    sessions = [Session.model_validate(d) for d in records["sessions"]]
    sets = [LoggedSet.model_validate(d) for d in records["sets"]]
    return export_strong_csv(sessions, sets, library.exercises(), unit=unit or store.settings().unit)
