"""Help (? or F1): every key of the screen underneath, grouped, with what it does.

The keys are read from Textual's active bindings of that screen (its own, the focused
widget's and the app's), so the list is always the one the screen really answers to,
including keys the footer has no room for. The same bindings feed the command palette
(`screen_commands`), so every action of a screen can also be found by name with ctrl+p.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult, SystemCommand
from textual.binding import ActiveBinding, Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Static

from ..sections import SECTIONS
from .base import GymDialog, ScreenHooks

# Textual's own screen and app keys (focus moves, copy, palette, ctrl+q) go under "General".
_GENERAL_ACTIONS = {"app.focus_next", "app.focus_previous", "screen.copy_text", "quit", "command_palette", "help"}
# Clearer words for Textual's own keys than its built-in descriptions.
_DESCRIPTIONS = {
    "app.focus_next": "Next field or panel",
    "app.focus_previous": "Previous field or panel",
    "command_palette": "Command palette",
}
# Key symbols a Raspberry Pi console font may lack, as words.
_KEY_WORDS = {"⏎": "enter", "⌫": "backspace"}
_WIDGET_NAMES = {
    "DataTable": "table", "Input": "field", "Select": "choice list", "SelectOverlay": "choice list",
    "OptionList": "list", "ListView": "list", "Tabs": "tabs", "TabbedContent": "tabs", "TextArea": "text box",
    "VerticalScroll": "scrolling area", "Button": "button", "Checkbox": "checkbox",
}


@dataclass
class KeyGroup:
    title: str
    rows: list[tuple[str, str]] = field(default_factory=list)  # (keys, what they do)


def screen_title(screen: Screen) -> str:
    """The section's name for a section's own screen; else the screen's class, shortened."""
    for section in SECTIONS:
        try:
            stack = screen.app.get_screen_stack(section.mode)
        except KeyError:
            continue  # that section is not open
        if stack and stack[0] is screen:
            return section.name
    if isinstance(screen, ScreenHooks) and screen.HELP_NAME is not None:
        return screen.HELP_NAME  # a screen that is no section's own names itself
    name = type(screen).__name__
    return name.removesuffix("Screen") or name


def _base(action: str) -> str:
    return action.partition("(")[0]


def _is_section(action: str) -> bool:
    return _base(action).removeprefix("app.") in ("open_section", "today")


# A focused table's or field's dozen movement and editing keys, as a few lines. Textual's
# own actions (8.x names); anything not listed here keeps its own line.
_WIDGET_SUMMARIES: tuple[tuple[frozenset[str], str], ...] = tuple(
    (frozenset(actions), what)
    for actions, what in [
        (("cursor_up", "cursor_down", "cursor_left", "cursor_right"), "Move the cursor"),
        (("cursor_left_word", "cursor_right_word"), "A word left or right"),
        (("home", "end"), "Start or end of the field"),
        (("scroll_up", "scroll_down", "scroll_left", "scroll_right"), "Scroll"),
        (("page_up", "page_down", "page_left", "page_right"), "A page up, down, left or right"),
        (("scroll_home", "scroll_end", "scroll_top", "scroll_bottom"), "First or last column, top or bottom"),
        (("delete_left", "delete_right"), "Delete a character"),
        (
            ("delete_left_word", "delete_right_word", "delete_left_all", "delete_right_all"),
            "Delete a word, or all to one side",
        ),
        (("cut", "copy", "paste"), "Cut, copy, paste"),
        (("submit",), "Enter the value"),
        (("select_cursor",), "Choose the row"),
    ]
)
# Text selection variants: real keys, but noise in a list read from across the room.
_LEFT_OUT = ("shift+", "super+")


def widget_kind(widget: Widget) -> str:
    """The kind a lifter knows a widget by, from its own class or the Textual class it extends
    (a table made tappable is still a table)."""
    for cls in type(widget).__mro__:
        if cls.__name__ in _WIDGET_NAMES:
            return _WIDGET_NAMES[cls.__name__]
    return type(widget).__name__


def key_groups(screen: Screen) -> list[KeyGroup]:
    """The screen's keys in groups: its own, sections, general, the focused widget's."""
    app = screen.app
    own = KeyGroup(f"{screen_title(screen)} keys")
    sections = KeyGroup("Sections: open from any screen")
    general = KeyGroup("General")
    focused = screen.focused
    kind = widget_kind(focused) if focused else ""
    widget = KeyGroup(f"In the {kind} (it has the focus)")
    chosen: dict[int, list[ActiveBinding]] = {}
    for active in screen.active_bindings.values():
        binding, node = active.binding, active.node
        if binding.system:
            continue
        if _is_section(binding.action):
            group = sections
        elif binding.action in _GENERAL_ACTIONS or (node is app and binding.action != "today"):
            group = general
        elif node is screen:
            group = own
        else:
            group = widget
        chosen.setdefault(id(group), []).append(active)
    for group in (own, sections, general):
        group.rows = _rows(chosen.get(id(group), []), app)
    widget.rows = _widget_rows(chosen.get(id(widget), []), app)
    if not sections.rows:
        # A field takes letters as typing: the section keys work once it is left.
        sections.title = "Sections: esc leaves the field, then"
        sections.rows = [("t", "Today")] + [(s.key, s.name) for s in SECTIONS]
    return [group for group in (own, sections, general, widget) if group.rows]


def _widget_rows(bindings: list[ActiveBinding], app) -> list[tuple[str, str]]:
    kept = [a for a in bindings if not any(part in a.binding.key for part in _LEFT_OUT)]
    rows = []
    summarised: set[str] = set()
    for actions, what in _WIDGET_SUMMARIES:
        found = [a for a in kept if _base(a.binding.action) in actions and "(" not in a.binding.action]
        if found:
            rows.append((" ".join(keys for _, keys, _ in _merged(found, app)), what))
            summarised |= {a.binding.action for a in found}
    rest = [a for a in kept if a.binding.action not in summarised and "(" not in a.binding.action]
    return rows + _rows(rest, app)


def _merged(bindings: list[ActiveBinding], app, *, twins: bool = False) -> list[tuple[Binding, str, bool]]:
    """One entry per action with its keys together, e.g. (binding, "escape q", True).

    Hidden twins of a shown key (2-9 under '1-9 Tick') are left out, as the shown key names
    them, unless `twins`: then each keeps its own entry and its own key (the palette's way).
    """
    shown_bases = {_base(a.binding.action) for a in bindings if a.binding.show and a.binding.key_display}
    by_action: dict[str, tuple[Binding, list[str], bool]] = {}
    for active in bindings:
        binding = active.binding
        if not twins and not binding.show and _base(binding.action) in shown_bases:
            continue
        _, keys, _ = by_action.setdefault(binding.action, (binding, [], active.enabled))
        display = app.get_key_display(replace(binding, key_display=None) if twins else binding)
        if display in keys:  # "question_mark,f1" shown as "?": name the second key itself
            display = app.get_key_display(replace(binding, key_display=None))
        for symbol, word in _KEY_WORDS.items():
            display = display.replace(symbol, word)
        if display not in keys:
            keys.append(display)
    return [(binding, " ".join(keys), enabled) for binding, keys, enabled in by_action.values()]


def _what(binding: Binding) -> str:
    if _base(binding.action).endswith("open_section"):
        # Today's footer may use a short label; help has room for the section's name.
        key = binding.action.partition("(")[2].strip("')\"")
        return next((s.name for s in SECTIONS if s.key == key), binding.description)
    return _DESCRIPTIONS.get(binding.action) or binding.description or _base(binding.action).replace("_", " ")


def _rows(bindings: list[ActiveBinding], app) -> list[tuple[str, str]]:
    return [(keys, _what(binding) if enabled else f"{_what(binding)} (not now)")
            for binding, keys, enabled in _merged(bindings, app)]


def screen_commands(screen: Screen) -> Iterator[SystemCommand]:
    """Palette entries for the screen's own actions (the app lists sections and general keys)."""
    own = [a for a in screen.active_bindings.values()
           if a.node is screen and a.enabled and not a.binding.system
           and not _is_section(a.binding.action) and a.binding.action not in _GENERAL_ACTIONS]
    for binding, keys, _ in _merged(own, screen.app, twins=True):
        yield SystemCommand(f"{screen_title(screen)}: {_what(binding)}", f"key {keys}",
                            lambda action=binding.action: screen.run_action(action))


def render_group(group: KeyGroup, width: int) -> Table:
    """Two key/description pairs a line when the group has more than four short keys and room."""
    longest_keys = max(len(keys) for keys, _ in group.rows)
    pairs = 2 if len(group.rows) > 4 and width >= 70 and longest_keys <= 10 else 1
    table = Table.grid(padding=(0, 1), expand=True)
    for _ in range(pairs):
        table.add_column(justify="right", style="bold", no_wrap=True, min_width=7)
        table.add_column(ratio=1)
    rows = group.rows
    per_column = -(-len(rows) // pairs)
    for i in range(per_column):
        cells: list[Text | str] = []
        for column in range(pairs):
            index = column * per_column + i
            if index < len(rows):
                keys, what = rows[index]
                cells += [Text(keys), Text(what)]
            else:
                cells += ["", ""]
        table.add_row(*cells)
    return table


class HelpScreen(GymDialog[None]):
    """The keys of `screen`, read when help opens."""
    CSS_PATH = "help.tcss"  # parsed when the screen first opens, not at start-up

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,f1", "close", "Close", key_display="esc"),
    ]

    def __init__(self, screen: Screen) -> None:
        super().__init__()
        self.title_text = f"Keys: {screen_title(screen)}"
        self.groups = key_groups(screen)

    def compose(self) -> ComposeResult:
        with Vertical(id="help", classes="dialog-box"):
            with VerticalScroll(id="help-keys"):
                for group in self.groups:
                    yield Static(group.title, classes="help-title")
                    yield Static("", classes="help-table")
            yield Static("esc closes; up, down, page up, page down scroll", id="help-foot")

    def on_mount(self) -> None:
        box = self.query_one("#help")
        box.border_title = self.title_text
        self.query_one("#help-keys").focus()
        self._render_tables()

    def on_resize(self) -> None:
        self._render_tables()

    _width_drawn = 0

    def _render_tables(self) -> None:
        # The box is at most 100 wide; border and padding take 4 columns.
        width = min(self.app.size.width, 100) - 4
        if width == self._width_drawn:
            return  # the screen's first resize comes as it opens, at the width just drawn
        self._width_drawn = width
        for group, table in zip(self.groups, self.query(".help-table").results(Static), strict=True):
            table.update(render_group(group, width))

    def action_close(self) -> None:
        self.dismiss()
