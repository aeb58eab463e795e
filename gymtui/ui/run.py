"""Running the app on a data folder (`gymtui`, `gymtui checklist`, `gymtui serve`) and
closing the store cleanly however it ends. `GymApp` is imported when the app runs, so
`ui/app.py` can name these as its own."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from .. import __version__
from .gc_pause import end_gc_pause
from .widgets.touch import TOUCH_CLASS

if TYPE_CHECKING:
    from ..store import Store


def run_app(data_dir: Path, start_section: str | None = None, *, touch: bool = False,
            open_first: bool = False) -> int:
    """Run the app on `data_dir` (it opens the folder itself, after its first frame) and
    close the store cleanly. A folder that cannot be opened ends the app with status 1 and
    its one-line reason on stderr, printed once the terminal is restored; the folder locked
    by another gymtui raises LockedError, as opening it would. `touch`: show the big
    buttons of a touchscreen or a phone (ui/widgets/touch.py). `open_first`: open the
    folder before the app starts (gymtui serve: a browser's session ends with its first
    app, so a folder that cannot be opened must be known before one is shown)."""
    if open_first:
        return _run_opened(data_dir, start_section, touch)
    from .app import GymApp

    app = GymApp(data_dir=data_dir, start_section=start_section)
    if touch:
        app.add_class(TOUCH_CLASS)
    try:
        app.run()
    finally:
        end_gc_pause()
        app.close_data()
    error = app.start_error
    if error is not None:
        from ..services.startup import StartupFailure

        if not isinstance(error, StartupFailure):
            raise error  # the CLI prints it as every store error (gymtui serve shows a lock held)
        print(error, file=sys.stderr)
        return 1
    # Textual prints a crash's traceback and sets a non-zero return code; pass it on.
    return app.return_code or 0


def _run_opened(data_dir: Path, start_section: str | None, touch: bool) -> int:
    from ..services.startup import StartupFailure, open_app_data
    from .app import GymApp

    try:
        opened = open_app_data(data_dir, purpose=f"app {__version__}")
    except StartupFailure as failure:
        print(failure, file=sys.stderr)
        return 1
    try:
        app = GymApp(opened.store, opened.library, start_section=start_section, timezone_note=opened.timezone_note)
        if touch:
            app.add_class(TOUCH_CLASS)
        app.run()
    finally:
        end_gc_pause()
        opened.store.close()
    return app.return_code or 0


def first_run_setup(store: Store, today: date | None = None) -> None:
    """A first start sets up the default program without questions (services/startup.py)."""
    from ..services.startup import first_run_setup as set_up

    set_up(store, today)
