"""`gymtui serve`: the same app in a web browser, e.g. a phone propped by the rack.

textual-serve runs a web server; every browser tab that opens the page gets its own
gymtui process, on the one data folder chosen here. The store's lock lets one process
write at a time: a second tab gets a short screen saying who holds the folder, and stops
without opening a single file for writing, so nothing can be half-written by two writers.

The server listens on 127.0.0.1 unless told otherwise. Another address is the lifter's
choice and the command says plainly what that exposes: there is no password, so anyone who
can reach HOST:PORT can see and change the training data.

This module is also the child each browser runs (`python -m gymtui.serve --data-dir DIR`),
which is why textual-serve is imported only by the server half.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import io
import os
import shlex
import signal
import subprocess
import sys
from pathlib import Path
from typing import ClassVar
from urllib.parse import urlsplit

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Static

from .serve_addresses import address_lines, exposure_lines, host_allowed, own_names, same_origin
from .store.errors import LockedError, ReadOnlyFolderError
from .store.lock import DataLock

# textual-serve's page with a title and its font served from here (nothing from the internet).
PAGE_FOLDER = Path(__file__).resolve().parent / "serve_page"


def child_command(data_dir: Path) -> str:
    """The shell command textual-serve runs for each browser (it starts it through a shell)."""
    args = [sys.executable, "-m", "gymtui.serve", "--data-dir", str(data_dir)]
    return subprocess.list2cmdline(args) if os.name == "nt" else shlex.join(args)


def lock_holder(data_dir: Path) -> str | None:
    """Who holds the data folder now, or None if it is free (the lock is let go at once)."""
    if not data_dir.is_dir():
        return None
    lock = DataLock(data_dir)
    try:
        lock.acquire("gymtui serve check")
    except LockedError as error:
        return error.holder
    except ReadOnlyFolderError:
        return None  # no writer can hold it; each browser's app opens it to read
    lock.release()
    return None


def serve(data_dir: Path, host: str = "127.0.0.1", port: int = 8000) -> int:
    if not 1 <= port <= 65535:
        print(f"gymtui serve: --port {port}: use a port from 1 to 65535", file=sys.stderr)
        return 2
    for line in exposure_lines(host, port):
        print(line, flush=True)
    holder = lock_holder(data_dir)
    if holder is not None:
        print(f"Note: another gymtui ({holder}) is using {data_dir} now; browsers are told so until it closes.",
              flush=True)
    server = make_server(data_dir, host, port)
    try:
        server.serve()
    except OSError as error:
        print(f"gymtui serve: cannot listen on {host}:{port}: {error.strerror or error}"
              " (another server on that port? try --port 8001)", file=sys.stderr)
        return 1
    return 0


def make_server(data_dir: Path, host: str, port: int):
    """textual-serve's Server, with the page's addresses taken from the request and other
    sites kept out. Built here so the per-browser child never imports the web stack."""
    import aiohttp_jinja2
    from aiohttp import web
    from textual_serve.server import Server, to_int

    names = own_names(host)

    class GymServer(Server):
        async def _make_app(self) -> web.Application:
            app = await super()._make_app()
            app.middlewares.append(check_host)
            return app

        async def on_startup(self, app: web.Application) -> None:
            pass  # said by `listening`, once the port is really open

        def listening(self, *_: object) -> None:
            for line in address_lines(host, port, data_dir):
                print(line, flush=True)

        def serve(self, debug: bool = False) -> None:
            # textual-serve's own serve(), with a fresh event loop and a line once listening.
            self.debug = debug
            self.initialize_logging()
            loop = asyncio.new_event_loop()
            with contextlib.suppress(NotImplementedError):  # Windows has no signal handlers
                loop.add_signal_handler(signal.SIGINT, self.request_exit)
                loop.add_signal_handler(signal.SIGTERM, self.request_exit)
            web.run_app(self._make_app(), host=host, port=port, handle_signals=False, loop=loop,
                        print=self.listening)

        @aiohttp_jinja2.template("app_index.html")
        async def handle_index(self, request: web.Request) -> dict:
            # The address the browser used (a phone uses the machine's LAN address, not 0.0.0.0).
            router = request.app.router
            static = str(router["static"].url_for(filename="/")).rstrip("/") + "/"
            socket_scheme = "wss" if request.scheme == "https" else "ws"
            return {
                "font_size": to_int(request.query.get("fontsize", "16"), 16),
                "app_websocket_url": f"{socket_scheme}://{request.host}{router['websocket'].url_for()}",
                "config": {"static": {"url": f"{request.scheme}://{request.host}{static}"}},
                "application": {"name": self.title},
            }

        async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
            if not same_origin(request.headers.get("Origin"), request.host):
                raise web.HTTPForbidden(text="gymtui: this page may only be driven from its own address")
            return await super().handle_websocket(request)

    @web.middleware
    async def check_host(request: web.Request, handler):
        # Only this machine's own names and addresses are answered, never a name looked up
        # in DNS: a web page cannot reach the app by pointing a name of its own at this
        # machine (DNS rebinding), whatever address the server listens on.
        sockname = request.transport.get_extra_info("sockname") if request.transport else None
        local_address = sockname[0] if isinstance(sockname, tuple) and sockname else None
        try:
            requested = urlsplit(f"//{request.host}").hostname or ""
        except ValueError:  # e.g. an unclosed '[': no name of this machine
            requested = ""
        if not host_allowed(requested, names, local_address):
            raise web.HTTPForbidden(text=f"gymtui: this server answers to this machine's own names and addresses,"
                                         f" not {requested or 'an empty Host'}")
        return await handler(request)

    return GymServer(child_command(data_dir), host=host, port=port, title="gymtui", templates_path=PAGE_FOLDER)


# -- the child: one per browser --------------------------------------------------------------


class NoticeApp(App[None]):
    """A few lines that stay in the browser until read (the app could not open)."""

    CSS = """
    Screen { align: center middle; }
    #notice { width: 72; max-width: 100%; height: auto; border: thick $warning; padding: 1 2; }
    #notice-title { text-style: bold; color: $warning; margin-bottom: 1; }
    #notice-keys { color: $text-muted; margin-top: 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("q,escape,enter", "quit", "Close")]

    def __init__(self, title: str, message: str) -> None:
        super().__init__()
        self.notice_title = title
        self.message = message

    def compose(self) -> ComposeResult:
        with Vertical(id="notice"):
            yield Static(self.notice_title, id="notice-title", markup=False)
            yield Static(self.message, id="notice-message", markup=False)
            yield Static("Press q or enter to close this page's session.", id="notice-keys")


def locked_message(error: LockedError) -> str:
    return (
        f"Another gymtui ({error.holder}) is using the training data in {error.data_dir}.\n\n"
        "Only one can write at a time, so no set is lost. Close the other one (another"
        " browser tab, or gymtui in a terminal), then reload this page.\n\n"
        "Nothing was opened for writing here; your data is as it was."
    )


def run_child(data_dir: Path) -> int:
    from .ui.app import run_app

    problems = io.StringIO()
    try:
        # run_app prints start-up problems (a damaged file, a broken library) on stderr,
        # which a browser never shows: keep them and show them in the page instead.
        with contextlib.redirect_stderr(problems):
            # A phone or a tablet: big buttons to tap. The folder is opened before the app is
            # shown: the browser's session ends with the first app, so a notice after it is lost.
            code = run_app(data_dir, touch=True, open_first=True)
    except LockedError as error:
        NoticeApp("The training data is in use", locked_message(error)).run()
        return 1
    if code != 0:
        NoticeApp("gymtui could not start", problems.getvalue().strip() or f"exit code {code}").run()
    return code


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m gymtui.serve", description="one browser's gymtui")
    parser.add_argument("--data-dir", required=True)
    args = parser.parse_args(argv)
    return run_child(Path(args.data_dir))


if __name__ == "__main__":  # pragma: no cover - run by textual-serve for each browser
    sys.exit(main())
