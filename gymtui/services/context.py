"""Loading what every entry point needs: the library joined with the user's own additions."""

from __future__ import annotations

from ..store import Store
from ..store.catalog_files import load_catalog
from .library import Library


def load_library(store: Store) -> Library:
    return Library.from_store(load_catalog(), store)
