"""`gymtui serve` in a real browser: the system Chromium driven by Playwright, as a phone
(390x844) and as a laptop (1000x700) open it.

The page's screen text is read from xterm.js's own buffer (what the lifter sees, cell by
cell); taps go where that text is. No request may leave this machine: the page must work in
a gym without a connection. Screenshots are kept in a temporary folder and checked not blank.

Skipped, with the reason, where Playwright or Chromium is missing (`.ci/run` installs
Chromium with apt-get when it can).
"""

from __future__ import annotations

import base64
import os
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from served import running_server

pytestmark = pytest.mark.slow

sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed (pip install -e '.[test]')")

CHROMIUM = os.environ.get("GYMTUI_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
# Headless, and quiet: without the background-networking flags Chromium keeps calling home.
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
SCREEN_TIMEOUT_MS = 30_000
PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1000, "height": 700}

# textual-serve keeps its xterm.js terminal to itself; the test hands it to the page so the
# screen text can be read from the terminal's buffer.
TERMINAL_MADE = "const t=new w(e,{ping:r});"
TERMINAL_SHOWN = TERMINAL_MADE + "window.gymtuiTerminal=t.terminal;"

SCREEN_TEXT = """() => {
    const term = window.gymtuiTerminal;
    if (!term) return "";
    const buffer = term.buffer.active;
    const lines = [];
    for (let row = 0; row < term.rows; row++) {
        const line = buffer.getLine(buffer.viewportY + row);
        lines.push(line ? line.translateToString(true) : "");
    }
    return lines.join("\\n");
}"""

# How much the screenshot varies: a blank (or one-colour) page has one colour and no spread.
PIXEL_SPREAD = """async (data) => {
    const image = new Image();
    image.src = "data:image/png;base64," + data;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext("2d");
    context.drawImage(image, 0, 0);
    const pixels = context.getImageData(0, 0, image.width, image.height).data;
    const colours = new Set();
    let sum = 0, squares = 0, count = 0;
    for (let i = 0; i < pixels.length; i += 4) {
        const grey = 0.299 * pixels[i] + 0.587 * pixels[i + 1] + 0.114 * pixels[i + 2];
        sum += grey; squares += grey * grey; count += 1;
        if (colours.size < 5000) colours.add((pixels[i] << 16) | (pixels[i + 1] << 8) | pixels[i + 2]);
    }
    const mean = sum / count;
    return {colours: colours.size, variance: squares / count - mean * mean};
}"""


def _chromium_or_skip() -> str:
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM} (Debian: apt-get install chromium; or set GYMTUI_CHROMIUM)")
    return CHROMIUM


@dataclass
class Page:
    """One browser page on the served app, with what it asked the network for."""

    page: object
    port: int
    touch: bool = False
    requests: list[str] = field(default_factory=list)
    taps: int = 0

    def text(self) -> str:
        return self.page.evaluate(SCREEN_TEXT)  # type: ignore[attr-defined]

    def wait_for_text(self, *wanted: str) -> str:
        """The screen text once every one of `wanted` shows on it (bounded wait)."""
        condition = f"(wanted) => {{ const t = ({SCREEN_TEXT})(); return wanted.every((w) => t.includes(w)); }}"
        try:
            self.page.wait_for_function(condition, arg=list(wanted), timeout=SCREEN_TIMEOUT_MS)  # type: ignore[attr-defined]
        except sync_api.TimeoutError:
            pytest.fail(f"{wanted} never showed; the screen was:\n{self.text()}")
        return self.text()

    def wait_for_steady(self) -> str:
        """The screen text once two looks in a row, half a second apart, find it unchanged:
        a tap goes where a button is, not where it was a frame ago."""
        condition = ("() => { const t = (%s)(); const same = t === window.gymtuiLast;"
                     " window.gymtuiLast = t; return same; }")
        self.page.wait_for_function(condition % SCREEN_TEXT, polling=500, timeout=SCREEN_TIMEOUT_MS)  # type: ignore[attr-defined]
        return self.text()

    def tap(self, label: str, *, after: str | None = None) -> None:
        """Tap (a phone) or click (a laptop) the middle of `label` as shown on the screen; the
        first one on a row below the row holding `after`, when given."""
        lines = self.wait_for_steady().split("\n")
        start = next((n + 1 for n, line in enumerate(lines) if after in line), len(lines)) if after else 0
        pattern = re.compile(re.escape(label) + r"(?![\d.])")
        for row in range(start, len(lines)):
            found = pattern.search(lines[row])
            if found:
                break
        else:
            pytest.fail(f"no {label!r} to tap on the screen:\n" + "\n".join(lines))
        box = self.page.evaluate(  # type: ignore[attr-defined]
            """() => { const r = document.querySelector('.xterm-screen').getBoundingClientRect();
                       return [r.left, r.top, r.width, r.height]; }""")
        columns, rows = self.size()
        x = box[0] + (found.start() + len(label) / 2) * box[2] / columns
        y = box[1] + (row + 0.5) * box[3] / rows
        if self.touch:
            self.page.touchscreen.tap(x, y)  # type: ignore[attr-defined]
        else:
            self.page.mouse.click(x, y)  # type: ignore[attr-defined]
        self.taps += 1

    def size(self) -> tuple[int, int]:
        return self.page.evaluate("() => [window.gymtuiTerminal.cols, window.gymtuiTerminal.rows]")  # type: ignore[attr-defined]

    def screenshot(self, folder: Path, name: str) -> dict:
        """Saves NAME.png and the screen's text beside it (NAME.txt); returns how the pixels vary."""
        (folder / f"{name}.txt").write_text(self.text() + "\n", encoding="utf-8")
        data = self.page.screenshot(path=str(folder / f"{name}.png"))  # type: ignore[attr-defined]
        return self.page.evaluate(PIXEL_SPREAD, base64.b64encode(data).decode())  # type: ignore[attr-defined]


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    executable = _chromium_or_skip()
    with sync_api.sync_playwright() as playwright:
        try:
            launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        except sync_api.Error as error:
            pytest.skip(f"Chromium at {executable} does not start: {str(error).splitlines()[0]}")
        yield launched
        launched.close()


@pytest.fixture
def open_page(browser, data_dir):
    """Opens the served app in a new page of the given size; closes all at the end."""
    contexts = []

    with running_server(data_dir) as (port, _output):
        def opener(viewport: dict, *, touch: bool = False) -> Page:
            context = browser.new_context(viewport=viewport, has_touch=touch, is_mobile=touch,  # type: ignore[attr-defined]
                                          device_scale_factor=1)
            contexts.append(context)
            page = Page(context.new_page(), port, touch)

            def route(request_route):
                url = request_route.request.url
                page.requests.append(url)
                if not _on_this_machine(url, port):
                    request_route.abort()  # noted, and never sent
                elif url.endswith("/static/js/textual.js"):
                    response = request_route.fetch()
                    body = response.text()
                    assert TERMINAL_MADE in body, "textual-serve's page script changed: update TERMINAL_MADE"
                    request_route.fulfill(response=response, body=body.replace(TERMINAL_MADE, TERMINAL_SHOWN))
                else:
                    request_route.continue_()

            context.route("**/*", route)
            page.page.on("websocket", lambda socket: page.requests.append(socket.url))
            page.page.goto(f"http://127.0.0.1:{port}/")
            return page

        yield opener
        for context in contexts:
            context.close()


def _on_this_machine(url: str, port: int) -> bool:
    parts = urlsplit(url)
    if parts.scheme in ("data", "blob"):
        return True
    return parts.hostname == "127.0.0.1" and parts.port == port


def _check_offline(page: Page) -> None:
    outside = [url for url in page.requests if not _on_this_machine(url, page.port)]
    assert outside == [], f"the page asked the network for {outside}"
    assert any(urlsplit(url).path == "/ws" for url in page.requests), page.requests


@pytest.mark.parametrize(("viewport", "touch"), [(PHONE, True), (LAPTOP, False)], ids=["phone", "laptop"])
def test_the_served_page_shows_today(open_page, viewport, touch, tmp_path, data_dir):
    page = open_page(viewport, touch=touch)
    assert page.page.title() == "gymtui"  # type: ignore[attr-defined]
    text = page.wait_for_text("readiness", "Face Pull")
    columns, rows = page.size()
    # The terminal fills the page: a phone's width gives about 40 columns.
    if viewport is PHONE:
        assert 38 <= columns <= 48 and rows >= 40, (columns, rows)
    else:
        assert columns >= 100 and rows >= 30, (columns, rows)
    from gymtui.store import Store

    # The first start set up the program in the store the page uses (read beside the app).
    store = Store.open_read_only(data_dir, "read by the browser test")
    try:
        assert store.settings().program_start is not None
    finally:
        store.close()
    spread = page.screenshot(tmp_path, f"today-{viewport['width']}x{viewport['height']}")
    assert spread["colours"] > 8 and spread["variance"] > 50, spread
    assert re.search(r"\S", text)
    _check_offline(page)


@pytest.mark.parametrize(("viewport", "touch"), [(PHONE, True), (LAPTOP, False)], ids=["phone", "laptop"])
def test_a_set_logged_by_touch_in_the_browser(open_page, viewport, touch, tmp_path, data_dir):
    """Today -> Workout -> start the set -> RPE 8 -> the rest, by taps only; the set is in
    the store as prescribed."""
    from gymtui.store import Store
    from history_data import fill_history

    with Store.open(data_dir, purpose="browser test set-up") as store:
        fill_history(store)  # weeks of sets: every exercise has a planned load
    page = open_page(viewport, touch=touch)
    name = f"{viewport['width']}x{viewport['height']}"
    page.wait_for_text("readiness", "Workout", "Checklist")
    page.screenshot(tmp_path, f"today-{name}")
    page.tap("Workout")
    text = page.wait_for_text("Start set", "Tap its RPE")
    planned = re.search(r"(\d+(?:\.\d+)?) kg × (\d+)", text)
    assert planned, text
    page.screenshot(tmp_path, f"workout-{name}")
    set_taps = page.taps
    page.tap("Start set")
    page.wait_for_text("Stop & log")
    page.screenshot(tmp_path, f"timer-{name}")
    page.tap("@8", after="Tap its RPE")
    text = page.wait_for_text("Skip rest", "Rest +15s")
    assert page.taps - set_taps == 2  # a set as prescribed: start it, then its RPE
    spread = page.screenshot(tmp_path, f"rest-{name}")
    assert spread["colours"] > 8 and spread["variance"] > 50, spread
    page.tap("Rest +15s")
    store = Store.open_read_only(data_dir, "read by the browser test")
    try:
        session = next(store.iter_sessions())
        sets = store.session_sets(session.id)
    finally:
        store.close()
    assert [(s.load, s.reps, s.rpe) for s in sets] == [(float(planned[1]), int(planned[2]), 8.0)], sets
    _check_offline(page)
