"""The cycle collector around the app's start: paused while it starts (cli/start.py's
paused_gc), on again once Today's plan is drawn, and as it was before once the app ends."""

from __future__ import annotations

import gc

_START_FROZEN = False  # resume_gc froze what start-up made; run_app thaws it as the app ends


def resume_gc() -> None:
    """The cycle collector on again, once the app has started (cli/start.py's paused_gc paused it). What
    start-up made is frozen first: it lives as long as the app, and the collector's first
    pass over all of it took about 100 ms, just as Today's plan was drawn."""
    global _START_FROZEN
    if not gc.isenabled():
        if gc.get_freeze_count() == 0:  # someone else's freeze is theirs to undo
            gc.freeze()
            _START_FROZEN = True
        gc.enable()


def end_gc_pause() -> None:
    """As the app ends: the collector on, and start-up's objects no longer frozen, so a
    process that goes on after the app (a test, `gymtui serve`) is as it was before it."""
    global _START_FROZEN
    resume_gc()
    if _START_FROZEN:
        gc.unfreeze()
        _START_FROZEN = False
