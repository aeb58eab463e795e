"""The kill storms' fork server (tests/fork_server.py): a child talks through its own pipes,
dies by the test's SIGKILL, and the server refuses to fork while it holds more than modules."""

from __future__ import annotations

import os
import signal
import sys

import pytest

from fork_server import ForkServer

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")


def server_with(tmp_path, **modules: str) -> ForkServer:
    for name, source in modules.items():
        (tmp_path / f"{name}.py").write_text(source)
    return ForkServer(list(modules), env=dict(os.environ, PYTHONPATH=os.pathsep.join([str(tmp_path), *sys.path])))


def test_a_forked_child_speaks_through_its_own_pipes_and_dies_by_the_tests_kill(tmp_path):
    child_source = (
        "import os, sys, time\n"
        "def main(argv):\n"
        "    os.write(1, f'out {argv[0]} {os.getpid()}\\n'.encode())\n"
        "    print('ready', file=sys.stderr, flush=True)\n"
        "    time.sleep(60)\n"
    )
    with server_with(tmp_path, waits=child_source) as forks:
        first, second = forks.spawn(["waits", "a"]), forks.spawn(["waits", "b"])
        assert first.stderr.readline() == b"ready\n" and second.stderr.readline() == b"ready\n"
        assert first.poll() is None
        first.kill()
        out, err = first.communicate(timeout=30)
        assert out == f"out a {first.pid}\n".encode() and err == b""
        assert first.returncode == -signal.SIGKILL
        assert second.poll() is None, "killing one child touched another"
        second.kill()
        assert second.communicate(timeout=30)[0] == f"out b {second.pid}\n".encode()
        assert forks.children_cpu > 0


def test_a_child_that_fails_ends_as_the_script_would(tmp_path):
    with server_with(tmp_path, fails="def main(argv):\n    raise SystemExit(f'unknown mode {argv[0]}')\n") as forks:
        child = forks.spawn(["fails", "bogus"])
        assert child.communicate(timeout=30) == (b"", b"unknown mode bogus\n")
        assert child.returncode == 1


@pytest.mark.parametrize(("source", "refusal"), [
    ("import threading, time\nthreading.Thread(target=time.sleep, args=(30,), daemon=True).start()\n", "threads"),
    (f"HELD = open({__file__!r})\n", "open files"),
], ids=["a thread", "an open file"])
def test_the_server_refuses_to_fork_holding_more_than_modules(tmp_path, capfd, source, refusal):
    with pytest.raises(RuntimeError, match="the fork server stopped"):
        server_with(tmp_path, holds=source)
    assert refusal in capfd.readouterr().err
