"""A reader that stops early (`gymtui next --json | head`) ends gymtui quietly."""

import os
import signal
import subprocess
import sys

from gymtui.store import Store


def test_a_closed_pipe_ends_quietly(data_dir, tmp_path):
    Store.open(data_dir).close()
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before gymtui writes a byte, as `head` once it has read enough
    try:
        done = subprocess.run([sys.executable, "-m", "gymtui", "--data-dir", str(data_dir), "next", "--json"],
                              stdout=write_end, stderr=subprocess.PIPE, timeout=120)
    finally:
        os.close(write_end)
    assert done.stderr.decode() == ""
    # As a tool ended by SIGPIPE reads to the shell (seq 1000000 | head: 141).
    assert done.returncode == 128 + signal.SIGPIPE
