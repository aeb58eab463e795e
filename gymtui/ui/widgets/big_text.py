"""Block letters and figures five cells tall, to be read from across the gym.

Textual's `Digits` draws figures three rows tall in thin box lines; from two or three metres
on a small console those blur. This font is made of solid blocks, each pixel two cells wide
and one row tall (terminal cells are about twice as tall as wide, so the pixels are square),
and it has the letters of the timer's words and a few big symbols (▼ ▲ ■ ● ◆ ○).

The widget only draws the text it is given; colours come from CSS (`color`, `background`).
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.geometry import Size
from textual.strip import Strip
from textual.widget import Widget

HEIGHT = 5

# Each glyph: five rows of '#' (ink) and '.' (paper); rows of one glyph have the same width.
_GLYPHS: dict[str, tuple[str, ...]] = {
    "0": ("###", "#.#", "#.#", "#.#", "###"),
    "1": (".#.", "##.", ".#.", ".#.", "###"),
    "2": ("###", "..#", "###", "#..", "###"),
    "3": ("###", "..#", ".##", "..#", "###"),
    "4": ("#.#", "#.#", "###", "..#", "..#"),
    "5": ("###", "#..", "###", "..#", "###"),
    "6": ("###", "#..", "###", "#.#", "###"),
    "7": ("###", "..#", "..#", "..#", "..#"),
    "8": ("###", "#.#", "###", "#.#", "###"),
    "9": ("###", "#.#", "###", "..#", "###"),
    ":": (".", "#", ".", "#", "."),
    ".": (".", ".", ".", ".", "#"),
    "/": ("..#", "..#", ".#.", "#..", "#.."),
    "+": ("...", ".#.", "###", ".#.", "..."),
    "-": ("...", "...", "###", "...", "..."),
    " ": ("..", "..", "..", "..", ".."),
    "A": ("###", "#.#", "###", "#.#", "#.#"),
    "C": ("###", "#..", "#..", "#..", "###"),
    "D": ("##.", "#.#", "#.#", "#.#", "##."),
    "E": ("###", "#..", "##.", "#..", "###"),
    "F": ("###", "#..", "##.", "#..", "#.."),
    "G": ("###", "#..", "#.#", "#.#", "###"),
    "H": ("#.#", "#.#", "###", "#.#", "#.#"),
    "I": ("###", ".#.", ".#.", ".#.", "###"),
    "K": ("#.#", "##.", "#..", "##.", "#.#"),
    "L": ("#..", "#..", "#..", "#..", "###"),
    "M": ("#...#", "##.##", "#.#.#", "#...#", "#...#"),
    "N": ("#..#", "##.#", "#.##", "#..#", "#..#"),
    "O": ("###", "#.#", "#.#", "#.#", "###"),
    "P": ("###", "#.#", "###", "#..", "#.."),
    "R": ("###", "#.#", "##.", "#.#", "#.#"),
    "S": ("###", "#..", "###", "..#", "###"),
    "T": ("###", ".#.", ".#.", ".#.", ".#."),
    "U": ("#.#", "#.#", "#.#", "#.#", "###"),
    "V": ("#.#", "#.#", "#.#", "#.#", ".#."),
    "W": ("#...#", "#...#", "#.#.#", "#.#.#", ".#.#."),
    "X": ("#.#", "#.#", ".#.", "#.#", "#.#"),
    "Y": ("#.#", "#.#", ".#.", ".#.", ".#."),
    # Symbols: one per phase, so a phase never rests on colour alone.
    "▼": (".......", "#######", ".#####.", "..###..", "...#..."),
    "▲": ("...#...", "..###..", ".#####.", "#######", "......."),
    "■": ("#####", "#####", "#####", "#####", "#####"),
    "●": (".###.", "#####", "#####", "#####", ".###."),
    "◆": ("..#..", ".###.", "#####", ".###.", "..#.."),
    "○": (".###.", "#...#", "#...#", "#...#", ".###."),
    "»": ("#..#..", ".#..#.", "..#..#", ".#..#.", "#..#.."),
}
_UNKNOWN = ("###", "#.#", "#.#", "#.#", "###")


def glyph(char: str) -> tuple[str, ...]:
    return _GLYPHS.get(char.upper(), _UNKNOWN)


def pixel_rows(text: str) -> list[str]:
    """The text as five rows of '#'/'.', one pixel column gap between glyphs."""
    rows = [""] * HEIGHT
    for index, char in enumerate(text):
        shape = glyph(char)
        for row in range(HEIGHT):
            rows[row] += ("." if index else "") + shape[row]
    return rows


def pixel_width(text: str) -> int:
    return len(pixel_rows(text)[0]) if text else 0


def text_width(text: str, scale: int = 1) -> int:
    """Cells wide at `scale` (each pixel is 2 x scale cells wide)."""
    return pixel_width(text) * 2 * scale


def render_rows(text: str, scale: int = 1, *, cells: int | None = None) -> list[str]:
    """Rows of block characters for the text at `scale` (1: five rows, 2: ten rows); each
    pixel is `cells` wide (2 x scale unless given)."""
    wide = 2 * scale if cells is None else cells
    out = []
    for row in pixel_rows(text):
        line = "".join(("█" if p == "#" else " ") * wide for p in row)
        out.extend([line] * scale)
    return out


# The large size, for a tall terminal: pixels three cells wide and two rows tall (ten rows in
# all). Not quite square, but a timer band ("▲ PAUSED 10") fits in 120 columns, which square
# pixels (four cells) would not.
LARGE_CELLS, LARGE_ROWS = 3, 2


def large_width(text: str) -> int:
    return pixel_width(text) * LARGE_CELLS


class BigText(Widget):
    """Block text, centred in the widget."""

    DEFAULT_CSS = """
    BigText {
        height: 5;
        width: 1fr;
    }
    """

    def __init__(self, text: str = "", *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._text = text
        self._lines: list[str] = []
        self._key: tuple[str, int, int, bool] | None = None
        self.large = False  # drawn ten rows tall when the widget has the room (set_large)

    def set_large(self, large: bool) -> None:
        """Draw large when the widget is tall enough (its CSS height) and the text fits."""
        if large != self.large:
            self.large = large
            self._key = None
            self.refresh(layout=True)

    @property
    def text(self) -> str:
        return self._text

    def update(self, text: str) -> None:
        if text != self._text:
            # A wider or narrower text needs a new layout when the width is the text's own
            # (the timer's symbol sized for the lead-in's ○ cut the wider ▼ of the lowering).
            relayout = pixel_width(text) != pixel_width(self._text)
            self._text = text
            self.refresh(layout=relayout)

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return large_width(self._text) if self.large else text_width(self._text)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return HEIGHT * LARGE_ROWS if self.large else HEIGHT

    def _layout(self) -> list[str]:
        width, height = self.content_size
        key = (self._text, width, height, self.large)
        if key != self._key:
            fits_large = height >= HEIGHT * LARGE_ROWS and large_width(self._text) <= width
            if self.large and fits_large:
                rows = render_rows(self._text, LARGE_ROWS, cells=LARGE_CELLS)
            elif text_width(self._text) <= width:
                rows = render_rows(self._text)
            else:
                # A phone's 40 columns: pixels one cell wide (tall and thin, but whole) before
                # anything is cut off, so 'SET 1/2' keeps its '/2'.
                rows = render_rows(self._text, cells=1)
            drawn = len(rows[0]) if rows and rows[0] else 0
            if drawn > width:  # too wide: cut on the right, never wrap
                rows = [row[:width] for row in rows]
                drawn = width
            left = (width - drawn) // 2
            top = max(0, (height - len(rows)) // 2)
            self._lines = [""] * top + [" " * left + row + " " * (width - drawn - left) for row in rows]
            self._key = key
        return self._lines

    def render_line(self, y: int) -> Strip:
        lines = self._layout()
        width = self.content_size.width
        style = self.rich_style
        text = lines[y] if y < len(lines) and lines[y] else " " * width
        text = text.ljust(width)
        return Strip([Segment(text, Style.from_color(style.color, style.bgcolor))], width)
