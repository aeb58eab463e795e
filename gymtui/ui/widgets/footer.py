"""The footer every screen shows: Textual's, with its keys wrapping onto rows on a narrow screen."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer as TextualFooter

from ..shape import MEDIUM_FROM


def keys_per_row(width: int) -> int:
    """Under 80 columns: three keys a row from 60 columns, two of about 20 columns each on
    a 40-column phone."""
    return 3 if width >= MEDIUM_FROM else 2


class Footer(TextualFooter):
    """Under 80 columns (the screen's -medium or -narrow class, see app.tcss) the keys are laid out in
    a grid (keys_per_row), as many rows as they need, instead of running off the edge."""

    def compose(self) -> ComposeResult:
        yield from super().compose()
        # Textual sets one grid column per key, inline, which no stylesheet can override;
        # in the wide (horizontal) layout the grid size is not used.
        self.styles.grid_size_columns = keys_per_row(self.app.size.width)

    def on_resize(self) -> None:
        self.styles.grid_size_columns = keys_per_row(self.app.size.width)
