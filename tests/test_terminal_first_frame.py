"""gymtui in a real (pseudo) terminal of 80x24: the first frame it writes is the whole screen.

Headless runs never show this: a mode's screen is mounted a turn of the message loop later
than an app's default screen, and in a terminal its first frame was then only the widgets
drawn so far (the header's title, the footer's keys) on a blank screen, the whole screen
following a refresh later."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def terminal_output(data_dir: Path, home: Path, until: list[bytes], limit: float = 60) -> bytes:
    """What `gymtui --data-dir DATA_DIR` writes to an 80x24 terminal until each of `until`
    has shown (then it is sent q, and ended if it does not end by itself)."""
    main, child = pty.openpty()
    fcntl.ioctl(child, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    env = dict(os.environ, PYTHONPATH=str(ROOT), TERM="xterm-256color", HOME=str(home),
               XDG_CONFIG_HOME=str(home / "config"), XDG_DATA_HOME=str(home / "data"), COLUMNS="80", LINES="24")
    app = subprocess.Popen([sys.executable, "-m", "gymtui", "--data-dir", str(data_dir)], stdin=child,
                           stdout=child, stderr=child, env=env, cwd=ROOT, start_new_session=True)
    os.close(child)
    output = b""
    # The whole start (interpreter, imports, first frame) under a busy CI: generous, never slept on.
    deadline = time.monotonic() + limit
    try:
        while not all(text in output for text in until) and time.monotonic() < deadline and app.poll() is None:
            ready, _, _ = select.select([main], [], [], 1)
            if ready:
                try:
                    output += os.read(main, 65536)
                except OSError:
                    break
        os.write(main, b"q")
        app.wait(timeout=30)
    finally:
        if app.poll() is None:
            app.kill()
            app.wait()
        os.close(main)
    return output


def test_the_first_frame_written_to_a_terminal_is_the_whole_screen(data_dir, tmp_path):
    output = terminal_output(data_dir, tmp_path / "home", until=[b"Loading today's plan", b"Workout", "⭘".encode()])
    assert b"Loading today's plan" in output, output[-2000:]
    icon, footer = output.find("⭘".encode()), output.find(b"Workout")
    # The header's icon is drawn only with the whole screen; the footer's keys were drawn
    # before it when the first frame was only part of the screen.
    assert 0 <= icon < footer, output[:3000]
