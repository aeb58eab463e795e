"""The footer every screen shows: Textual's, with its keys wrapping onto rows on a narrow screen,
rebuilt only when the keys it shows change."""

from __future__ import annotations

from collections.abc import Hashable

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer as TextualFooter
from textual.widgets._footer import FooterKey

from ..shape import MEDIUM_FROM


def keys_per_row(width: int) -> int:
    """Under 80 columns: three keys a row from 60 columns, two of about 20 columns each on
    a 40-column phone."""
    return 3 if width >= MEDIUM_FROM else 2


def _compact_from_the_start(key: FooterKey, footer_compact: bool) -> None:
    """The key made with the compact flag and class it would get once mounted: Textual's
    keys start compact and are then bound to the footer's flag (all but the command
    palette's), and each change of the flag after the mount restyles the key. Set before,
    its watcher finds nothing to change, and the key is styled once, as it mounts."""
    bound = "compact" in (key._reactive_connect or {})
    compact = footer_compact if bound else True  # unbound, it keeps FooterKey's default
    key.set_reactive(FooterKey.compact, compact)
    key.set_class(compact, "-compact", update=False)


class Footer(TextualFooter):
    """Under 80 columns (the screen's -medium or -narrow class, see app.tcss) the keys are laid out in
    a grid (keys_per_row), as many rows as they need, instead of running off the edge.

    Textual's footer throws its keys away and mounts new ones whenever the screen says its
    bindings may have changed: on every focus change and after every action that refreshes
    bindings, although the keys shown are most often the same. Mounting and styling a dozen
    keys is a large share of the work of a key press (tabbing through a form, moving in a
    list), on a Raspberry Pi as in the tests; this footer rebuilds only when what it would
    show differs from what it shows."""

    _shown: Hashable = None

    def compose(self) -> ComposeResult:
        self._shown = self._what_it_would_show()
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                _compact_from_the_start(widget, self.compact)
            yield widget
        # Textual sets one grid column per key, inline, which no stylesheet can override;
        # in the wide (horizontal) layout the grid size is not used.
        self.styles.grid_size_columns = keys_per_row(self.app.size.width)

    def _what_it_would_show(self) -> Hashable:
        """Everything Textual's compose reads to draw the keys (a binding is a frozen
        dataclass: its key, action, description, group and show flag compare by value)."""
        if not self._bindings_ready:
            return None
        app = self.app
        return (
            self.show_command_palette,
            app.ENABLE_COMMAND_PALETTE,
            tuple(
                (key, active.binding, active.enabled, active.tooltip, app.get_key_display(active.binding))
                for key, active in self.screen.active_bindings.items()
                if active.binding.show or key == app.COMMAND_PALETTE_BINDING
            ),
        )

    def bindings_changed(self, screen: Screen) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen:
            self.call_after_refresh(self._recompose_if_changed)

    async def _recompose_if_changed(self) -> None:
        if self.is_attached and self._what_it_would_show() != self._shown:
            await self.recompose()

    def on_resize(self) -> None:
        self.styles.grid_size_columns = keys_per_row(self.app.size.width)
