"""A terminal chart of one exercise's progress: best e1RM and best set per session.

Drawn with textual-plotext in braille dots, so a 50-column chart still shows a ten-year
trend (the service thins long histories to their best figures first). Colours come from
the app theme, so the chart follows the theme the lifter picked.
"""

from __future__ import annotations

from textual.color import Color
from textual_plotext import PlotextPlot

from ...domain.units import format_load
from ...services.history import ExerciseProgress


class ProgressChart(PlotextPlot):
    """Call `show(progress)`; `show(None)` leaves an empty frame with a hint."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.progress: ExerciseProgress | None = None
        self._message = "choose an exercise"

    def on_mount(self) -> None:
        super().on_mount()
        self._draw()

    def show(self, progress: ExerciseProgress | None, message: str = "choose an exercise") -> None:
        self.progress = progress
        self._message = message
        self._draw()

    def _colour(self, variable: str) -> tuple[int, int, int]:
        return Color.parse(self.app.theme_variables.get(variable, "white")).rgb

    def _draw(self) -> None:
        plt = self.plt
        plt.clear_figure()
        progress = self.progress
        if progress is None or not progress.points:
            plt.title(self._message if progress is None else f"{progress.name}: no sets with reps yet")
            self.refresh()
            return
        points = progress.points
        if len({p.day for p in points}) == 1:
            # One day gives a date axis with nothing to read on it: the figures in words instead.
            plt.title(progress.name)
            plt.xfrequency(0)
            plt.yfrequency(0)
            plt.frame(False)
            plt.xlim(0, 1)
            plt.ylim(0, 1)
            for row, line in enumerate(one_session_lines(progress)):
                plt.text(line, 0.0, 0.8 - 0.2 * row, alignment="left", color=self._colour("foreground"))
            self.refresh()
            return
        span = (points[-1].day - points[0].day).days
        # Short date labels keep four of them readable in 50 columns.
        plt.date_form("Y-m-d", "Y-m" if span > 180 else "d/m")
        unit = progress.unit
        if progress.loaded:
            e1rm = [(p.day.isoformat(), p.e1rm) for p in points if p.e1rm is not None]
            best = [(p.day.isoformat(), p.best_load) for p in points if p.best_load is not None]
            series = [(e1rm, f"e1RM {unit}", "primary"), (best, f"best set {unit}", "warning")]
        else:
            series = [([(p.day.isoformat(), p.best_reps) for p in points], "most reps", "primary")]
        for values, label, colour in series:
            if values:
                xs, ys = zip(*values, strict=True)
                plt.plot(list(xs), list(ys), marker="braille", color=self._colour(colour), label=label)
        best_e1rm = progress.records.best_e1rm
        peak = f"  best e1RM {format_load(round(best_e1rm.value, 1), unit)}" if best_e1rm else ""
        plt.title(f"{progress.name}{peak}")
        self.refresh()


def one_session_lines(progress: ExerciseProgress) -> list[str]:
    """What a chart of a single session would show, in words, and when the chart starts."""
    point = progress.points[-1]
    unit = progress.unit
    if progress.loaded:
        figures = [f"best set {format_load(point.best_load, unit)}" if point.best_load is not None else "",
                   f"e1RM {format_load(round(point.e1rm, 1), unit)}" if point.e1rm is not None else ""]
    else:
        figures = [f"most reps {point.best_reps}"]
    lines = [f"One session so far: {point.day:%d %b %Y}"]
    shown = ", ".join(f for f in figures if f)
    if shown:
        lines.append(shown)
    lines.append("The chart starts with the second.")
    return lines
