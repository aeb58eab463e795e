"""Loading what every entry point needs: the library joined with the user's own additions."""

from __future__ import annotations

from ..domain.catalog import load_catalog
from ..store import Store
from .library import Library


def load_library(store: Store) -> Library:
    return Library.from_store(load_catalog(), store)
