"""History: past sessions (newest first, read a few weeks at a time), one exercise's progress
chart and records, and each week's volume per movement pattern beside checklist, mobility
and recovery. Imports are started from here too.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.markup import escape
from textual.suggester import SuggestFromList
from textual.widgets import DataTable, Header, Input, Label, OptionList, Static, TabbedContent, TabPane
from textual.widgets.option_list import Option

from ...domain.stats import WeekRow, WeekSummary
from ...domain.units import Unit
from ...domain.wording import plural
from ...services import app_data, history
from ..shape import table_shape
from ..widgets.footer import Footer
from ..widgets.ordered_input import OrderedInput
from ..widgets.progress_chart import ProgressChart
from ..worker_errors import ReportsWorkerErrors
from .base import GymScreen
from .history_text import clip, number, percent, records_text, tonnage_text, week_detail

NEAR_END = 10  # rows left below the cursor when the next weeks are read
WEEK_ROWS_PER_ADD = 60
MAIN_PATTERNS = (("horizontal_pull", "HPul"), ("vertical_pull", "VPul"), ("hinge", "Hing"))



def completed(typed: str, names: list[str]) -> str | None:
    """The name the filter field shows for `typed`: the first of `names` it begins, ignoring
    case, as Textual's SuggestFromList completes it (None when it completes nothing)."""
    start = typed.strip().casefold()
    if not start:
        return None
    return next((name for name in names if name.casefold().startswith(start)), None)

class HistoryScreen(ReportsWorkerErrors, GymScreen[None]):
    CSS_PATH = "history.tcss"  # parsed when the screen first opens, not at start-up
    BINDINGS: ClassVar[list[BindingType]] = [
        # The tab labels show these keys, so the footer keeps its room for the other actions.
        Binding("1", "tab('sessions')", "Sessions", show=False),
        Binding("2", "tab('exercise')", "Exercise", show=False),
        Binding("3", "tab('weeks')", "Weeks", show=False),
        Binding("f", "filter", "Filter"),
        Binding("i", "import_file", "Import"),
        Binding("escape", "clear_filter", "Clear", show=False),
        # Help and the palette list these; the footer keeps its room for the history keys.
        Binding("a", "add_exercise", "Add exercise", show=False),
        Binding("l", "exercise_library", "Exercise library", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.unit: Unit = "kg"
        self.exercise: str | None = None  # the filter, and the exercise charted
        self.weeks: dict[str, WeekSummary] | None = None  # every week: read when first needed
        self.next_after: str | None = None
        self.more = True
        self.loading_page = False
        self.generation = 0  # bumped on every reset, so a late page for an old list is dropped
        self.session_ids: list[str] = []
        self.session_rows: list[history.SessionRow] = []  # as read, to draw again at another width
        self.clips = (16, 24)  # name and exercises columns, set for the terminal's width
        self.shape = ""  # the session table's columns as last set (table_shape)
        self.week_list: list[WeekRow] = []
        self.exercise_shown: str | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="history-filter"):
            yield Label("Exercise ")
            yield OrderedInput(placeholder="all (f to filter, Enter to apply)", id="history-exercise",
                               suggester=SuggestFromList(self._names(),
                                                         case_sensitive=False))
        with TabbedContent(id="history-tabs"):
            with TabPane("1 Sessions", id="sessions"):
                yield DataTable(id="history-sessions", cursor_type="row", zebra_stripes=True)
                yield Static("Reading sessions...", id="history-sessions-status")
            with TabPane("2 Exercise", id="exercise"), Horizontal():
                yield OptionList(id="history-exercises")
                with Vertical(id="history-progress"):
                    yield ProgressChart(id="history-chart")
                    yield Static("", id="history-records")
            with TabPane("3 Weeks", id="weeks"):
                yield DataTable(id="history-weeks", cursor_type="row", zebra_stripes=True)
                yield Static("", id="history-week-detail")
        yield Footer()

    def action_add_exercise(self) -> None:
        from ..own_training import open_exercise_form

        open_exercise_form(self.app)

    def action_exercise_library(self) -> None:
        from ..own_training import open_library

        open_library(self.app)

    def on_mount(self) -> None:
        sessions = self.query_one("#history-sessions", DataTable)
        self._session_columns(sessions)
        weeks = self.query_one("#history-weeks", DataTable)
        weeks.add_columns("Week", "Sets", "Tonnage", *(short for _, short in MAIN_PATTERNS), "Oth", "Chk", "Mob",
                          "Sleep", "Sore")
        self.reset_sessions()
        sessions.focus()

    # -- the session list, a page of weeks at a time ------------------------------------------

    def reset_sessions(self) -> None:
        self.generation += 1
        self.next_after, self.more, self.session_ids, self.session_rows = None, True, [], []
        self.query_one("#history-sessions", DataTable).clear()
        self.query_one("#history-sessions-status", Static).update("Reading sessions...")
        self.loading_page = True
        self.load_page(self.generation, None, self.exercise)

    @work(thread=True, exclusive=True, group="history-sessions", exit_on_error=False)
    def load_page(self, generation: int, after: str | None, exercise: str | None) -> None:
        page, unit = app_data.session_page(self.app, after=after, exercise=exercise)
        self.app.call_from_thread(self.show_page, generation, page, unit)

    def show_page(self, generation: int, page: history.SessionPage, unit: Unit) -> None:
        if generation != self.generation:
            return
        self.loading_page = False
        self.unit = unit
        table = self.query_one("#history-sessions", DataTable)
        for row in page.rows:
            if row.id in self.session_ids:
                continue
            self.session_ids.append(row.id)
            self.session_rows.append(row)
            self._add_session_row(table, row)
        self.next_after, self.more = page.next_after, page.next_after is not None
        shown = len(self.session_ids)
        which = f" with {escape(history.exercise_name(self.app.library, self.exercise))}" if self.exercise else ""
        if not shown:
            text = f"No sessions{which}. Log one, or press i to import another app's export."
        elif self.more:
            oldest = f"{self.session_rows[-1].day:%Y-%m-%d}"
            text = f"{plural(shown, 'session')}{which} back to {oldest}; scroll for older ones."
        else:
            every = "All " if shown > 1 else ""
            text = f"{every}{plural(shown, 'session')}{which}. Enter: every set. Tonnage in {self.unit}."
        self.query_one("#history-sessions-status", Static).update(text)
        if self.more and table.cursor_row >= shown - NEAR_END:
            self.load_more()

    def _session_columns(self, table: DataTable) -> None:
        """Under 80 columns the exercises go (medium), or each session takes two lines (narrow)."""
        self.shape = table_shape(self.size.width)
        table.clear(columns=True)
        if self.shape == "narrow":
            table.add_column("Session")
        elif self.shape == "medium":
            table.add_columns("Date", "Day", "Name", "Sets", "Tonnage")
        else:
            table.add_columns("Date", "Day", "Name", "Exercises", "Sets", "Tonnage")

    def _add_session_row(self, table: DataTable, row: history.SessionRow) -> None:
        name, exercises = self.clips
        tonnage = tonnage_text(row.tonnage) if row.tonnage else "-"
        if self.shape == "narrow":
            # Date and name, then the sets, the tonnage and the exercises as far as they go.
            room = max(8, self.size.width - 6)
            first = f"{row.day:%Y-%m-%d} {row.day:%a}  {row.name}"
            parts = [plural(row.sets, "set"), f"{tonnage} {self.unit}" if row.tonnage else "", ", ".join(row.exercises)]
            second = "  ".join(part for part in parts if part)
            table.add_row(Text(f"{clip(first, room)}\n  {clip(second, room - 2)}"), key=row.id, height=2)
            return
        cells = [f"{row.day:%Y-%m-%d}", f"{row.day:%a}", Text(clip(row.name, name))]
        if self.shape == "wide":
            cells.append(Text(clip(", ".join(row.exercises), exercises)))
        table.add_row(*cells, str(row.sets), tonnage, key=row.id)

    def on_resize(self) -> None:
        """A wider terminal gives the name and the exercises the room (80 columns: 16 and 24)."""
        if not self.query("#history-sessions"):
            return  # not composed yet, or already taken down as its mode closes: nothing to lay out
        extra = max(0, self.size.width - 80)
        clips = (16 + extra // 4, 24 + extra - extra // 4)
        shape = table_shape(self.size.width)
        if clips == self.clips and shape == self.shape:
            return
        self.clips = clips
        table = self.query_one("#history-sessions", DataTable)
        row = table.cursor_row
        if shape != self.shape:
            self._session_columns(table)
        else:
            table.clear()
        for session in self.session_rows:
            self._add_session_row(table, session)
        if self.session_rows:
            table.move_cursor(row=min(row, len(self.session_rows) - 1))

    def load_more(self) -> None:
        if self.more and not self.loading_page:
            self.loading_page = True
            self.load_page(self.generation, self.next_after, self.exercise)

    @on(DataTable.RowHighlighted, "#history-sessions")
    def _session_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.cursor_row >= len(self.session_ids) - NEAR_END:
            self.load_more()

    @on(DataTable.RowSelected, "#history-sessions")
    def _session_selected(self, event: DataTable.RowSelected) -> None:
        from .session_sets import SessionSetsScreen

        def chosen(exercise: str | None) -> None:
            if exercise:
                self.show_exercise(exercise)

        self.app.push_screen(SessionSetsScreen(str(event.row_key.value)), chosen)

    # -- every week: exercise list, chart and weekly rows -------------------------------------

    def ensure_weeks(self) -> None:
        if self.weeks is None:
            self.query_one("#history-records", Static).update("Reading your history...")
            self.load_weeks()

    @work(thread=True, exclusive=True, group="history-weeks", exit_on_error=False)
    def load_weeks(self) -> None:
        weeks, rows, unit = app_data.weeks(self.app, self.app.now().date())
        trained = history.trained_exercises(weeks)
        self.app.call_from_thread(self.show_weeks, weeks, trained, rows, unit)

    def show_weeks(self, weeks: dict[str, WeekSummary], trained: dict[str, int], rows: list[WeekRow],
                   unit: Unit) -> None:
        self.weeks, self.unit, self.week_list = weeks, unit, rows
        options = self.query_one("#history-exercises", OptionList)
        options.clear_options()
        options.add_options(
            Option(Text(f"{clip(history.exercise_name(self.app.library, e), 21)} {n}"), id=e)
            for e, n in trained.items()
        )
        self.query_one("#history-weeks", DataTable).clear()
        if self.query_one(TabbedContent).active == "weeks":
            self.add_week_rows()
        if not rows:
            self.query_one("#history-week-detail", Static).update("No weeks with data yet.")
        exercise = self.exercise or next(iter(trained), None)
        if exercise is None:
            self.query_one("#history-records", Static).update("No sets yet: nothing to chart.")
            self.query_one("#history-chart", ProgressChart).show(None, "no sets yet")
        else:
            self.show_exercise(exercise, switch=False)

    def add_week_rows(self) -> None:
        """Rows are measured as they are added: add a screenful or two at a time, not ten years."""
        table = self.query_one("#history-weeks", DataTable)
        start = table.row_count
        for row in self.week_list[start:start + WEEK_ROWS_PER_ADD]:
            main = [row.patterns[p].sets if p in row.patterns else 0 for p, _ in MAIN_PATTERNS]
            table.add_row(
                row.key, str(row.sets), tonnage_text(row.tonnage), *map(str, main), str(row.sets - sum(main)),
                percent(row.checklist), "-" if row.mobility_days is None else str(row.mobility_days),
                number(row.sleep_hours), number(row.soreness), key=row.key,
            )
        if start == 0 and self.week_list:
            self._show_week(0)

    def show_exercise(self, exercise: str, *, switch: bool = True) -> None:
        """Chart `exercise` (reading every week first if needed) and, if asked, show its tab."""
        if switch:
            self.query_one(TabbedContent).active = "exercise"
        self.exercise_shown = exercise
        if self.weeks is None:
            self.exercise = self.exercise or exercise
            self.ensure_weeks()
            return
        options = self.query_one("#history-exercises", OptionList)
        try:
            index = options.get_option_index(exercise)
        except Exception:  # an exercise with no sets (a filter on an untrained lift)
            index = None
        if index is not None and options.highlighted != index:
            options.highlighted = index
        self.load_progress(exercise)

    @work(thread=True, exclusive=True, group="history-chart")
    def load_progress(self, exercise: str) -> None:
        weeks = self.weeks or {}
        progress = app_data.exercise_progress(self.app, weeks, exercise, self.unit)
        self.app.call_from_thread(self.show_progress, progress)

    def show_progress(self, progress: history.ExerciseProgress) -> None:
        self.query_one("#history-chart", ProgressChart).show(progress)
        self.query_one("#history-records", Static).update(records_text(progress))

    @on(OptionList.OptionHighlighted, "#history-exercises")
    def _exercise_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id and event.option.id != self.exercise_shown:
            self.exercise_shown = event.option.id
            self.load_progress(event.option.id)

    @on(DataTable.RowHighlighted, "#history-weeks")
    def _week_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_week(event.cursor_row)
        if event.cursor_row >= event.data_table.row_count - NEAR_END:
            self.add_week_rows()

    def _show_week(self, index: int) -> None:
        rows = self.week_list
        if 0 <= index < len(rows):
            self.query_one("#history-week-detail", Static).update(week_detail(rows[index], self.unit))

    @on(TabbedContent.TabActivated)
    def _tab_activated(self, event: TabbedContent.TabActivated) -> None:
        if event.pane.id in ("exercise", "weeks"):
            self.ensure_weeks()
        weeks_table = self.query_one("#history-weeks", DataTable)
        if event.pane.id == "weeks" and self.weeks is not None and not weeks_table.row_count:
            self.add_week_rows()

    # -- actions ------------------------------------------------------------------------------

    def action_tab(self, tab: str) -> None:
        self.query_one(TabbedContent).active = tab
        target = {"sessions": "#history-sessions", "exercise": "#history-exercises", "weeks": "#history-weeks"}[tab]
        self.query_one(target).focus()

    def action_filter(self) -> None:
        self.query_one("#history-exercise", Input).focus()

    def action_clear_filter(self) -> None:
        field = self.query_one("#history-exercise", Input)
        if field.value or self.exercise:
            field.value = ""
            self.apply_filter("")

    @on(Input.Submitted, "#history-exercise")
    def _filter_submitted(self, event: Input.Submitted) -> None:
        # Enter takes the name the field shows completed ("deadl" shows "Deadlift"), as the
        # lifter reads it, not only the part typed.
        self.apply_filter(completed(event.value, self._names()) or event.value)

    def _names(self) -> list[str]:
        return sorted(e.name for e in self.app.library.exercises())

    def apply_filter(self, text: str) -> None:
        text = text.strip()
        if not text:
            self.exercise = None
            self.reset_sessions()
            self.query_one("#history-sessions").focus()
            return
        found = self.app.library.find(text)
        if found is None:
            near = self.app.library.suggest(text)
            hint = f" Did you mean: {', '.join(near)}?" if near else ""
            self.notify(escape(f"No exercise called {text!r}.{hint}"), severity="warning")
            return
        self.exercise = found.id
        self.query_one("#history-exercise", Input).value = found.name
        self.reset_sessions()
        if self.query_one(TabbedContent).active == "sessions":
            self.query_one("#history-sessions").focus()
        else:
            self.show_exercise(found.id, switch=False)

    def action_import_file(self) -> None:
        from ..dialogs.import_file import ImportDialog

        def done(stored: bool | None) -> None:
            if stored:
                self.reload()

        self.app.push_screen(ImportDialog(), done)

    def reload(self) -> None:
        """After an import: read the list again, and every week when next needed."""
        self.weeks = None
        suggester = SuggestFromList(self._names(), case_sensitive=False)
        self.query_one("#history-exercise", Input).suggester = suggester
        self.reset_sessions()
        if self.query_one(TabbedContent).active != "sessions":
            self.ensure_weeks()
