"""Importers and exporters: other apps' CSV exports in, Strong CSV and gymtui JSON out.

Plain Python: text in, domain models and a report out. Storage and the CLI call these.
"""

from .export import export_strong_csv
from .importer import import_file, import_text, read_export
from .json_bundle import GymtuiData, export_json, import_json
from .matching import NameMatch
from .result import ImportResult, Problem
from .strong import NO_UNIT_MESSAGE

__all__ = [
    "NO_UNIT_MESSAGE",
    "GymtuiData",
    "ImportResult",
    "NameMatch",
    "Problem",
    "export_json",
    "export_strong_csv",
    "import_file",
    "import_json",
    "import_text",
    "read_export",
]
