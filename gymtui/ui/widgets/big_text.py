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


def render_rows(text: str, scale: int = 1) -> list[str]:
    """Rows of block characters for the text at `scale` (1: five rows, 2: ten rows)."""
    out = []
    for row in pixel_rows(text):
        line = "".join(("█" if p == "#" else " ") * (2 * scale) for p in row)
        out.extend([line] * scale)
    return out


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
        self._key: tuple[str, int, int] | None = None

    @property
    def text(self) -> str:
        return self._text

    def update(self, text: str) -> None:
        if text != self._text:
            self._text = text
            self.refresh()

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return text_width(self._text)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return HEIGHT

    def _layout(self) -> list[str]:
        width, height = self.content_size
        key = (self._text, width, height)
        if key != self._key:
            rows = render_rows(self._text)
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
