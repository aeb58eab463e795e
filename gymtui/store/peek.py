"""A look at the profile without opening the store: the app's theme before its first frame.

The app chooses its theme before its first stylesheet parse (a later change parses all the
CSS again), and it draws that frame before the store is open. So the theme's name is read
here from profile.json as it is, unvalidated: only a name to look up among the themes. The
store validates the file when it opens, and the app follows what it says then.
"""

from __future__ import annotations

import json
from pathlib import Path

from .layout import PROFILE_FILE


def saved_theme(data_dir: Path) -> str | None:
    """The theme the profile names, or None (no profile, none named, or unreadable)."""
    try:
        profile = json.loads((Path(data_dir) / PROFILE_FILE).read_bytes())
        documents = profile["settings"].values()
    except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
        return None
    for document in documents:
        theme = document.get("theme") if isinstance(document, dict) else None
        return theme if isinstance(theme, str) else None
    return None
