"""A fork server for the kill storms' children: one process imports what the children need,
once, then forks one child per round, which runs the very code `python tests/kill_children.py
MODE ...` (or `python tests/kill_writer.py ...`) runs.

Importing textual, the app and the screens cost each app child about half its CPU, once per
round, before it did anything the storm tests. What a forked child no longer goes through
is interpreter start-up and those imports; a kill there could interrupt no write (the child
has not opened the data folder yet), and `gymtui log`'s storm, which starts a whole
interpreter every round, still covers it.

Nothing that changes what is tested is made before a fork: the server only imports modules.
It opens no store, builds no app, runs no event loop and starts no thread (forking a process
that has threads is unsafe), and checks so before every fork, along with its open files.
Each child opens the store itself, after the fork.

The test keeps what it had with subprocess.Popen: it makes the child's stdout and stderr
pipes and reads them itself (their writing ends go to the server over a Unix socket, with
SCM_RIGHTS), SIGKILLs the real child by its pid, and learns how it ended from the server,
which reaps it only when asked (so its pid cannot be reused before the test's kill).

    with ForkServer(["kill_children"]) as forks:
        child = forks.spawn(["kill_children", "app", DATA_DIR, "3"])  # a Popen-like Forked

Run by the test as `python tests/fork_server.py SOCKET_FD MODULE...`; a MODULE may be
`package:Name` to import a name a package loads lazily (textual.widgets:DataTable).
"""

from __future__ import annotations

import contextlib
import importlib
import json
import os
import selectors
import signal
import socket
import subprocess
import sys
import threading
import time
import traceback
from collections.abc import Mapping, Sequence
from pathlib import Path

SERVER = Path(__file__).resolve()
MAX_MESSAGE = 65536
REPLY_TIMEOUT = 120  # seconds: the server imports textual under load, or waits for a child the watchdog kills


# == The server ===============================================================================


def preload(names: Sequence[str]) -> None:
    for name in names:
        module_name, _, attribute = name.partition(":")
        module = importlib.import_module(module_name)
        if attribute:
            getattr(module, attribute)


def check_nothing_but_imports(sock: socket.socket, passed: Sequence[int]) -> None:
    """Refuse to fork a server that holds more than its modules: a thread (fork with threads
    is unsafe), an event loop, or an open file (a store's lock or week file, say)."""
    import asyncio

    threads = threading.active_count()
    native = len(os.listdir("/proc/self/task")) if os.path.isdir("/proc/self/task") else 1
    assert threads == 1 and native == 1, f"the fork server has {threads} Python / {native} native threads"
    assert asyncio._get_running_loop() is None, "the fork server runs an event loop"
    if os.path.isdir("/proc/self/fd"):
        allowed = {0, 1, 2, sock.fileno(), *passed}
        extra = []
        for entry in os.listdir("/proc/self/fd"):
            fd = int(entry)
            if fd in allowed:
                continue
            try:
                target = os.readlink(f"/proc/self/fd/{fd}")
            except OSError:
                continue  # the descriptor listdir read the folder with, closed since
            extra.append(f"{fd} -> {target}")
        assert not extra, f"the fork server holds open files: {extra}"


def run_child(argv: Sequence[str]) -> None:
    """In the forked child: run `main(ARGS)` of the module `argv[0]`, as the script would,
    and end the process as the interpreter would at the script's end."""
    code = 0
    try:
        module = importlib.import_module(argv[0])
        sys.argv = [str(module.__file__), *argv[1:]]
        module.main(list(argv[1:]))
    except SystemExit as stop:
        if stop.code is None or isinstance(stop.code, int):
            code = stop.code or 0
        else:
            print(stop.code, file=sys.stderr)
            code = 1
    except BaseException:
        traceback.print_exc()  # to the child's stderr, as the script's would go
        code = 1
    finally:
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(Exception):
                stream.flush()
        os._exit(code)


def send(sock: socket.socket, message: object) -> None:
    sock.send(json.dumps(message).encode())


def serve(sock: socket.socket, modules: Sequence[str]) -> None:
    preload(modules)
    check_nothing_but_imports(sock, [])
    send(sock, {"ready": True})
    children: set[int] = set()
    try:
        while True:
            raw, fds, _flags, _address = socket.recv_fds(sock, MAX_MESSAGE, 2)
            if not raw:
                return  # the test closed its end
            request = json.loads(raw)
            if request["op"] == "fork":
                check_nothing_but_imports(sock, fds)
                sys.stdout.flush()
                sys.stderr.flush()
                pid = os.fork()
                if pid == 0:
                    sock.close()
                    os.dup2(fds[0], 1)
                    os.dup2(fds[1], 2)
                    for fd in fds:
                        os.close(fd)
                    run_child(request["argv"])
                for fd in fds:
                    os.close(fd)
                children.add(pid)
                send(sock, {"pid": pid})
            elif request["op"] == "wait":
                pid = request["pid"]
                done, status, usage = os.wait4(pid, 0 if request["block"] else os.WNOHANG)
                if done == 0:
                    send(sock, {"returncode": None})
                else:
                    children.discard(pid)
                    send(sock, {"returncode": os.waitstatus_to_exitcode(status),
                                "cpu": usage.ru_utime + usage.ru_stime})
            else:
                raise ValueError(f"unknown request {request!r}")
    finally:
        # The test stopped part-way (a failed assertion): no child outlives the server.
        for pid in children:
            try:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
            except OSError:
                pass


# == The test's side ==========================================================================


class Forked:
    """A child forked by the server, used as the tests used subprocess.Popen: `pid`, the
    unbuffered pipes `stdout` and `stderr`, `poll`, `wait`, `send_signal`, `kill`,
    `communicate` and `returncode` (negative: the signal that ended it)."""

    def __init__(self, server: ForkServer, argv: Sequence[str], pid: int, stdout: int, stderr: int) -> None:
        self.server, self.args, self.pid = server, list(argv), pid
        self.stdout = os.fdopen(stdout, "rb", buffering=0)
        self.stderr = os.fdopen(stderr, "rb", buffering=0)
        self.returncode: int | None = None

    def _status(self, block: bool) -> int | None:
        if self.returncode is None:
            reply = self.server.ask({"op": "wait", "pid": self.pid, "block": block})
            if reply["returncode"] is not None:
                self.returncode = reply["returncode"]
                self.server.children_cpu += reply["cpu"]
        return self.returncode

    def poll(self) -> int | None:
        return self._status(block=False)

    def wait(self) -> int:
        code = self._status(block=True)
        assert code is not None
        return code

    def send_signal(self, signum: int) -> None:
        # Not reaped until the server is asked: until then the pid is still this child's.
        if self.returncode is None:
            os.kill(self.pid, signum)

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)

    def communicate(self, timeout: float | None = None) -> tuple[bytes, bytes]:
        """Everything left on both pipes until the child closes them (it ends), then its end."""
        chunks: dict[int, list[bytes]] = {self.stdout.fileno(): [], self.stderr.fileno(): []}
        with selectors.DefaultSelector() as selector:
            for stream in (self.stdout, self.stderr):
                selector.register(stream, selectors.EVENT_READ)
            deadline = None if timeout is None else time.monotonic() + timeout
            while selector.get_map():
                left = None if deadline is None else deadline - time.monotonic()
                if left is not None and left <= 0:
                    raise subprocess.TimeoutExpired(self.args, timeout or 0.0)
                for key, _events in selector.select(left):
                    data = os.read(key.fd, 65536)
                    if data:
                        chunks[key.fd].append(data)
                    else:
                        selector.unregister(key.fileobj)
        out, err = b"".join(chunks[self.stdout.fileno()]), b"".join(chunks[self.stderr.fileno()])
        self.stdout.close()
        self.stderr.close()
        self.wait()
        return out, err


class ForkServer:
    """Starts the server with `modules` imported; `spawn(argv)` forks a child running
    `argv[0]`'s `main(argv[1:])`. `children_cpu` sums the CPU seconds (user + system) of the
    children reaped so far: a parent's RUSAGE_CHILDREN sees them only once the server ends."""

    def __init__(self, modules: Sequence[str], *, env: Mapping[str, str] | None = None,
                 cwd: str | Path | None = None) -> None:
        self.children_cpu = 0.0
        self.sock, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        self.sock.settimeout(REPLY_TIMEOUT)
        with theirs:
            self.process = subprocess.Popen(
                [sys.executable, str(SERVER), str(theirs.fileno()), *modules], pass_fds=[theirs.fileno()],
                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, env=env, cwd=cwd)
        try:
            self._receive()
        except BaseException:
            self.close()
            raise

    def _receive(self) -> dict:
        raw = self.sock.recv(MAX_MESSAGE)
        if not raw:
            raise RuntimeError(f"the fork server stopped (exit status {self.process.wait()}): its stderr says why")
        return json.loads(raw)

    def ask(self, request: dict, fds: Sequence[int] = ()) -> dict:
        socket.send_fds(self.sock, [json.dumps(request).encode()], list(fds))
        return self._receive()

    def spawn(self, argv: Sequence[str]) -> Forked:
        out_read, out_write = os.pipe()
        err_read, err_write = os.pipe()
        try:
            reply = self.ask({"op": "fork", "argv": list(argv)}, [out_write, err_write])
        finally:
            # The child holds the writing ends now: the pipes end when it does.
            os.close(out_write)
            os.close(err_write)
        return Forked(self, argv, reply["pid"], out_read, err_read)

    def close(self) -> None:
        self.sock.close()
        self.process.wait(timeout=REPLY_TIMEOUT)

    def __enter__(self) -> ForkServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


if __name__ == "__main__":
    fd, *names = sys.argv[1:]
    serve(socket.socket(fileno=int(fd)), names)
