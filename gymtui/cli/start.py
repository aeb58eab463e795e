"""The commands that start the app: in this terminal (`gymtui`, `gymtui checklist`) or
served to a web browser (`gymtui serve`). They import only what the app's first frame
needs: pendulum, pydantic and the store are imported after it, on the app's worker thread."""

from __future__ import annotations

import argparse
import gc
import os
from pathlib import Path


def run_app_command(args: argparse.Namespace, data_dir: Path) -> int:
    paused_gc()
    from ..ui.app import run_app

    return run_app(data_dir, touch=touch_wanted(args))


def checklist_command(args: argparse.Namespace, data_dir: Path) -> int:
    paused_gc()
    from ..ui.app import run_app

    return run_app(data_dir, start_section="c", touch=touch_wanted(args))


def serve_command(args: argparse.Namespace, data_dir: Path) -> int:
    from ..serve import serve

    return serve(data_dir, args.host, args.port)


def touch_wanted(args: argparse.Namespace) -> bool:
    """--touch, or GYMTUI_TOUCH=1 (for a kiosk started by a script)."""
    return bool(args.touch) or os.environ.get("GYMTUI_TOUCH", "").strip().lower() in ("1", "yes", "true", "on")


def paused_gc() -> None:
    """No cycle collection while the app starts: imports and the first plan make hundreds of
    thousands of objects and almost no cyclic garbage, and the collector's passes over them
    were a quarter of the start-up's work. The app turns it on again once Today's plan is
    drawn (GymApp.first_screen_drawn), or as it ends, however it ends (run_app)."""
    gc.disable()
