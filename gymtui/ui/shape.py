"""How much a screen's width has room for, so tables can drop or merge columns."""

from __future__ import annotations

from typing import Literal

Shape = Literal["wide", "medium", "narrow"]

WIDE_FROM = 80  # the Pi console and up: every column, as the layouts were drawn
MEDIUM_FROM = 60  # the Pi touchscreen with a big font (66x20): the main columns only


def table_shape(width: int) -> Shape:
    """'wide' from 80 columns; 'medium' from 60: the main columns; 'narrow' below (a phone,
    about 40 columns): each row on two lines, its name then the rest."""
    return "wide" if width >= WIDE_FROM else "medium" if width >= MEDIUM_FROM else "narrow"

SHORT_BELOW = 24  # rows: the Pi touchscreen with a big font has 20, so blank rows go
