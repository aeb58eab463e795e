"""History: past sessions (newest first, read a few weeks at a time), one exercise's progress
chart and records, and each week's volume per movement pattern beside checklist, mobility
and recovery. Imports are started from here too.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.suggester import SuggestFromList
from textual.widgets import DataTable, Header, Input, Label, OptionList, Static, TabbedContent, TabPane

from ...domain.stats import WeekSummary
from ...domain.units import Unit
from ...domain.week_rows import WeekRow
from ...services import app_data, history
from ..widgets.footer import Footer
from ..widgets.ordered_input import OrderedInput
from ..widgets.shown_text import show_text
from ..worker_errors import ReportsWorkerErrors
from .base import GymScreen
from .history_parts import ExerciseList, ProgressPane, SessionTable, WeekTable
from .history_text import completed, no_exercise_text, sessions_status, week_detail

NEAR_END = 10  # rows left below the cursor when the next weeks are read


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
                yield SessionTable(id="history-sessions", cursor_type="row", zebra_stripes=True)
                yield Static("Reading sessions...", id="history-sessions-status")
            with TabPane("2 Exercise", id="exercise"), Horizontal():
                yield ExerciseList(id="history-exercises")
                yield ProgressPane(id="history-progress")
            with TabPane("3 Weeks", id="weeks"):
                yield WeekTable(id="history-weeks", cursor_type="row", zebra_stripes=True)
                yield Static("", id="history-week-detail")
        yield Footer()

    def action_add_exercise(self) -> None:
        from ..own_training import open_exercise_form

        open_exercise_form(self.app)

    def action_exercise_library(self) -> None:
        from ..own_training import open_library

        open_library(self.app)

    def on_mount(self) -> None:
        sessions = self.query_one("#history-sessions", SessionTable)
        sessions.set_columns(self.size.width)
        self.query_one("#history-weeks", WeekTable).set_columns()
        self.reset_sessions()
        sessions.focus()

    # -- the session list, a page of weeks at a time ------------------------------------------

    def reset_sessions(self) -> None:
        self.generation += 1
        self.next_after, self.more, self.session_ids, self.session_rows = None, True, [], []
        self.query_one("#history-sessions", DataTable).clear()
        show_text(self.query_one("#history-sessions-status", Static), "Reading sessions...")
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
        table = self.query_one("#history-sessions", SessionTable)
        for row in page.rows:
            if row.id in self.session_ids:
                continue
            self.session_ids.append(row.id)
            self.session_rows.append(row)
            table.add_session(row, self.size.width, self.unit)
        self.next_after, self.more = page.next_after, page.next_after is not None
        shown = len(self.session_ids)
        name = history.exercise_name(self.app.library, self.exercise) if self.exercise else None
        text = sessions_status(self.session_rows, name, more=self.more, unit=self.unit)
        self.query_one("#history-sessions-status", Static).update(text)
        if self.more and table.cursor_row >= shown - NEAR_END:
            self.load_more()

    def on_resize(self) -> None:
        if not self.query("#history-sessions"):
            return  # not composed yet, or already taken down as its mode closes: nothing to lay out
        self.query_one("#history-sessions", SessionTable).fit(self.size.width, self.session_rows, self.unit)

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
        library = self.app.library
        self.query_one("#history-exercises", ExerciseList).list_trained(
            trained, lambda exercise: history.exercise_name(library, exercise))
        self.query_one("#history-weeks", DataTable).clear()
        if self.query_one(TabbedContent).active == "weeks":
            self.add_week_rows()
        if not rows:
            self.query_one("#history-week-detail", Static).update("No weeks with data yet.")
        exercise = self.exercise or next(iter(trained), None)
        if exercise is None:
            self.query_one("#history-progress", ProgressPane).show_none()
        else:
            self.show_exercise(exercise, switch=False)

    def add_week_rows(self) -> None:
        table = self.query_one("#history-weeks", WeekTable)
        start = table.row_count
        table.add_weeks(self.week_list)
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
        self.query_one("#history-exercises", ExerciseList).point_at(exercise)
        self.load_progress(exercise)

    @work(thread=True, exclusive=True, group="history-chart")
    def load_progress(self, exercise: str) -> None:
        weeks = self.weeks or {}
        progress = app_data.exercise_progress(self.app, weeks, exercise, self.unit)
        self.app.call_from_thread(self.show_progress, progress)

    def show_progress(self, progress: history.ExerciseProgress) -> None:
        self.query_one("#history-progress", ProgressPane).show(progress)

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
            self.notify(no_exercise_text(text, self.app.library.suggest(text)), severity="warning")
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
