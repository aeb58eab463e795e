"""`gymtui serve` started for real in a subprocess on a free loopback port, and always stopped.

Waits are bounded and wait on the server's own output, never on a clock.
"""

from __future__ import annotations

import contextlib
import os
import selectors
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
START_TIMEOUT = 30.0


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_line(proc: subprocess.Popen, needle: str, timeout: float) -> str:
    """Read the server's output until `needle` shows (or the deadline passes, or it exits)."""
    assert proc.stdout is not None
    seen = ""
    deadline = time.monotonic() + timeout
    with selectors.DefaultSelector() as selector:
        selector.register(proc.stdout, selectors.EVENT_READ)
        while needle not in seen:
            left = deadline - time.monotonic()
            if left <= 0 or proc.poll() is not None:
                break
            if selector.select(timeout=left):
                chunk = os.read(proc.stdout.fileno(), 4096).decode("utf-8", "replace")
                if not chunk:
                    break
                seen += chunk
    return seen


@contextlib.contextmanager
def running_server(data_dir: Path, *extra: str) -> Iterator[tuple[int, str]]:
    """The port and what the server said on start."""
    port = free_port()
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "COLUMNS": "200"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "gymtui", "--data-dir", str(data_dir), "serve", "--port", str(port), *extra],
        cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
    )
    try:
        output = wait_for_line(proc, f"http://127.0.0.1:{port}\n", START_TIMEOUT)
        assert f"\n  http://127.0.0.1:{port}\n" in output, output
        yield port, output
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)
        assert proc.stdout is not None
        proc.stdout.close()
