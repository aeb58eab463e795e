"""The reference for the start-up figure: a bare Textual app with Today's widgets and no data.

Header, the same DataTable (same columns, six rows of fixed text, as many as a program day
has), three Static lines and a Footer with a few bindings, laid out like the Today screen.
No store, no library, no theme files, no history: what any Textual app of this shape costs
to start, so gymtui's own start-up work shows as the ratio between the two.

    python bench/bare_app.py          # run it in the terminal (q quits)

bench/probe.py imports `BareApp` and times it exactly as it times gymtui.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Footer, Header, Static

COLUMNS = ("Exercise", "Sets x reps", "Load", "Tempo", "RPE", "Rest")
ROWS = [
    ("Bent Over Row", "4 x 6-8", "80 kg", "3-1-1-0", "@8", "2:30"),
    ("Chest-Supported Row", "3 x 8-10", "30 kg", "3-1-1-1", "@8", "2:00"),
    ("Romanian Deadlift", "3 x 6-8", "100 kg", "3-1-1-0", "@7.5", "2:30"),
    ("Face Pull", "3 x 12-15", "20 kg", "2-0-1-2", "@8", "1:30"),
    ("Farmer Carry", "3 x 40 m", "32 kg", "-", "@8", "1:30"),
    ("Dead Hang", "3 x 30 s", "bw", "-", "@8", "1:00"),
]

CSS = """
#today { height: 1fr; padding: 0 1; }
#today-top { height: 1; }
#plan-title { width: 1fr; }
#readiness { width: auto; color: $text-muted; }
#plan-table { height: auto; max-height: 1fr; margin-top: 1; }
#why { height: auto; margin-top: 1; }
#block-why { height: auto; color: $text-muted; }
"""


class BareApp(App[None]):
    CSS = CSS
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "quit", "Quit"),
        Binding("u", "bell", "Warm-up"),
        Binding("m", "bell", "Mobility"),
        Binding("c", "bell", "Checklist"),
        Binding("r", "bell", "Recovery"),
        Binding("h", "bell", "History"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="today"):
            with Horizontal(id="today-top"):
                yield Static("[b]Horizontal pull[/b]  week 1/4  [b]STRENGTH[/b]", id="plan-title")
                yield Static("readiness 80 good", id="readiness")
            yield DataTable(id="plan-table", cursor_type="row", zebra_stripes=True)
            yield Static("[b]Why:[/b] as prescribed\n[b]Cue:[/b] brace, then pull to the lower ribs", id="why")
            yield Static("week 1 of the block", id="block-why")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#plan-table", DataTable)
        table.add_columns(*COLUMNS)
        self.fill_table(table)

    def fill_table(self, table: DataTable) -> None:
        for row in ROWS:
            table.add_row(*row, key=row[0])
        table.move_cursor(row=0)


if __name__ == "__main__":
    BareApp().run()
