"""A barbell drawn in three lines with the plates on each side, for the warm-up screen.

Plates are drawn tall, medium or small by their weight against the heaviest plate the
lifter owns, largest next to the collar, each labelled with its weight, so the picture reads
like the bar on the floor. `draw_bar` is plain text maths; `PlateBar` shows it.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.widgets import Static

from ...domain.units import Unit
from .shown_text import show_text

_TALL = 0.5  # at least half the heaviest plate: full height
_MEDIUM = 0.2  # at least a fifth: two thirds


def _label(plate: float) -> str:
    return f"{plate:g}"


def draw_bar(plates: Sequence[float], bar: float, unit: Unit, heaviest: float, width: int = 78) -> list[str]:
    """Three lines of markup: the bar with `plates` (one side, largest first) on both ends.

    Falls back to one line of text when the drawing would be wider than `width`.
    """
    middle = f" {bar:g} {unit} bar "
    if not plates:
        return ["", f"[$text-muted]━━━━━━{middle}(no plates)━━━━━━[/]", ""]
    blocks = []
    for plate in plates:
        label = _label(plate)
        w = max(3, len(label) + 2)
        share = plate / heaviest if heaviest > 0 else 1
        top, bottom = ("█", "█") if share >= _TALL else ("▄", "▀") if share >= _MEDIUM else (" ", " ")
        blocks.append((top * w, label.center(w), bottom * w))
    # Outside in on the left, inside out on the right; one column of bar between plates.
    left, right = list(reversed(blocks)), blocks
    side_width = sum(len(b[0]) + 1 for b in blocks)
    total = 2 * side_width + len(middle) + 8
    if total > width:
        text = " + ".join(_label(p) for p in plates)
        return ["", f"per side: [b]{text}[/b] on the {bar:g} {unit} bar", ""]

    def row(part: int) -> str:
        bar_char = "━" if part == 1 else " "
        pieces = [f"[$text-muted]{bar_char * 2}[/]"]
        for block in left:
            cell = f"[reverse $primary]{block[1]}[/]" if part == 1 else f"[$primary]{block[part]}[/]"
            pieces.append(cell + f"[$text-muted]{bar_char}[/]")
        centre = f"━━{middle}━━" if part == 1 else " " * (len(middle) + 4)
        pieces.append(f"[$text-muted]{centre}[/]")
        for block in right:
            cell = f"[reverse $primary]{block[1]}[/]" if part == 1 else f"[$primary]{block[part]}[/]"
            pieces.append(f"[$text-muted]{bar_char}[/]" + cell)
        pieces.append(f"[$text-muted]{bar_char * 2}[/]")
        return "".join(pieces)

    return [row(0), row(1), row(2)]


class PlateBar(Static):
    """Shows the plates for one barbell load; empty for other equipment."""

    DEFAULT_CSS = """
    PlateBar {
        height: 3;
        width: 100%;
        content-align: center middle;
        text-align: center;
    }
    """

    def show(self, plates: Sequence[float] | None, bar: float, unit: Unit, heaviest: float) -> None:
        # Its size is set (3 lines, the whole width): no new text needs the screen laid out again.
        if plates is None:
            show_text(self, "", layout=False)
            return
        width = self.size.width or 78
        show_text(self, "\n".join(draw_bar(plates, bar, unit, heaviest, width)), layout=False)
