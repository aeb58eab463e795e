"""`gymtui serve`: loopback by default, a plain warning for other addresses, one writer per data folder.

The end-to-end tests start the real server on a free loopback port in a subprocess, wait a
bounded time for it, talk to it over 127.0.0.1 only, and always stop it.
"""

from __future__ import annotations

import asyncio
import re
import socket
import subprocess
import time
import urllib.error
import urllib.request

import aiohttp
import pytest

from gymtui import cli, serve_addresses
from gymtui import serve as serve_module
from gymtui.serve import child_command, lock_holder, locked_message
from gymtui.serve_addresses import exposure_lines, is_loopback, is_loopback_literal, same_origin
from gymtui.store import Store
from gymtui.store.doctor import check_data_dir
from gymtui.store.errors import LockedError
from served import free_port, running_server

SCREEN_TIMEOUT = 30.0
ANSI = re.compile(r"\x1b\[[0-9;?<>=$]*[A-Za-z~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][A-Z0-9]|\x1b[=>]")


# -- pieces ----------------------------------------------------------------------------------


def test_loopback_names_and_addresses():
    for host in ("127.0.0.1", "127.1.2.3", "::1", "[::1]", "localhost", "LOCALHOST"):
        assert is_loopback(host) and is_loopback_literal(host), host
    for host in ("0.0.0.0", "::", "192.168.1.20", "10.0.0.7"):
        assert not is_loopback(host), host
    # Names other than localhost are never taken on trust in a request's Host header.
    assert not is_loopback_literal("evil.example")


def test_loopback_host_says_nothing_other_hosts_say_what_they_expose():
    assert exposure_lines("127.0.0.1", 8000) == []
    lines = exposure_lines("0.0.0.0", 8123)
    text = "\n".join(lines)
    assert "0.0.0.0:8123" in text and "every network" in text
    assert "can see and change your training data" in text and "no password" in text


def test_cli_serve_prints_the_warning_before_serving(monkeypatch, tmp_path, capsys):
    started = {}

    class FakeServer:
        def serve(self):
            started["served"] = True

    monkeypatch.setattr(serve_module, "make_server", lambda data_dir, host, port: started.update(
        data_dir=data_dir, host=host, port=port) or FakeServer())
    assert cli.main(["--data-dir", str(tmp_path), "serve", "--host", "0.0.0.0", "--port", "8124"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("WARNING: listening on 0.0.0.0:8124") and "no password" in out
    assert started == {"data_dir": tmp_path, "host": "0.0.0.0", "port": 8124, "served": True}
    # The default is loopback, and says nothing alarming.
    assert cli.main(["--data-dir", str(tmp_path), "serve"]) == 0
    assert started["host"] == "127.0.0.1" and started["port"] == 8000
    assert "WARNING" not in capsys.readouterr().out


def test_the_address_stands_alone_on_a_short_line(tmp_path, monkeypatch):
    lines = serve_addresses.address_lines("127.0.0.1", 8000, tmp_path)
    assert "  http://127.0.0.1:8000" in lines and len("  http://127.0.0.1:8000") <= 40
    # Served on every address: this machine's network addresses, which a phone can open.
    monkeypatch.setattr(serve_addresses.socket, "getaddrinfo", lambda *_a, **_k: [
        (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("192.168.1.20", 0)),
        (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.1.1", 0))])
    lines = serve_addresses.address_lines("0.0.0.0", 8123, tmp_path)
    assert lines[1] == "Open one of these in a browser:"
    assert lines[2:4] == ["  http://192.168.1.20:8123", "  http://127.0.0.1:8123"]
    assert serve_addresses.page_addresses("::1", 8000) == ["http://[::1]:8000"]


def test_bad_port_is_refused(tmp_path, capsys):
    assert cli.main(["--data-dir", str(tmp_path), "serve", "--port", "70000"]) == 2
    assert "use a port from 1 to 65535" in capsys.readouterr().err


def test_child_command_quotes_the_data_folder(tmp_path):
    folder = tmp_path / "my gym's data"
    command = child_command(folder)
    assert "-m gymtui.serve --data-dir" in command
    assert subprocess.run(  # the shell hands the folder back as one argument
        f"{command.split(' -m ')[0]} -c 'import sys; print(sys.argv[1])' {command.split('--data-dir ')[1]}",
        shell=True, capture_output=True, text=True, check=True,
    ).stdout.strip() == str(folder)


def test_same_origin_only():
    assert same_origin(None, "127.0.0.1:8000")
    assert same_origin("http://127.0.0.1:8000", "127.0.0.1:8000")
    assert not same_origin("http://evil.example", "127.0.0.1:8000")


def test_lock_holder_and_message(data_dir):
    assert lock_holder(data_dir) is None
    with Store.open(data_dir, purpose="app test"):
        holder = lock_holder(data_dir)
        assert holder is not None and "app test" in holder
    message = locked_message(LockedError(data_dir, "pid 42 app 1.0"))
    assert "pid 42 app 1.0" in message and "reload this page" in message and "as it was" in message


# -- the real server ---------------------------------------------------------------------------


@pytest.fixture
def server(data_dir):
    with running_server(data_dir) as (port, _output):
        yield port


def test_serve_answers_the_page_on_loopback(server):
    port = server
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=10) as response:
        assert response.status == 200
        page = response.read().decode()
    assert f"ws://127.0.0.1:{port}/ws" in page and "textual.js" in page
    assert "<title>gymtui</title>" in page and 'name="viewport"' in page
    # Nothing from the internet: the font is served from here, like the script.
    external = [url for url in re.findall(r"""(?:https?|wss?)://[^"'\s)]+""", page)
                if not re.match(rf"(http|ws)://127\.0\.0\.1:{port}/", url)]
    assert external == [], external
    assert f"http://127.0.0.1:{port}/static/fonts/RobotoMono-VariableFont_wght.ttf" in page
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/static/fonts/RobotoMono-VariableFont_wght.ttf",
                                timeout=10) as font:
        assert font.status == 200 and len(font.read()) > 10_000
    # A page asked for under another name (DNS rebinding) is refused.
    request = urllib.request.Request(f"http://127.0.0.1:{port}/", headers={"Host": f"evil.example:{port}"})
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=10)
    assert refused.value.code == 403


async def _screen_text(ws, wanted: str, timeout: float) -> str:
    """What the app drew, escape codes removed, once `wanted` shows (or at the deadline)."""
    raw = ""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while wanted not in ANSI.sub("", raw).replace("\xa0", " "):
        left = deadline - loop.time()
        if left <= 0:
            break
        try:
            message = await asyncio.wait_for(ws.receive(), timeout=left)
        except TimeoutError:
            break
        if message.type == aiohttp.WSMsgType.BINARY:
            raw += message.data.decode("utf-8", "replace")
        elif message.type != aiohttp.WSMsgType.TEXT:
            break
    return ANSI.sub("", raw).replace("\xa0", " ")


async def test_two_browsers_one_writer_and_a_clear_message(server, data_dir):
    port = server
    url = f"http://127.0.0.1:{port}/ws"
    async with aiohttp.ClientSession() as session:
        first = await session.ws_connect(url, origin=f"http://127.0.0.1:{port}")
        await first.send_json(["resize", {"width": 80, "height": 24}])
        assert "Exercise" in await _screen_text(first, "Exercise", SCREEN_TIMEOUT)
        second = await session.ws_connect(url)
        await second.send_json(["resize", {"width": 80, "height": 24}])
        text = await _screen_text(second, "Press q or enter", SCREEN_TIMEOUT)
        assert "The training data is in use" in text and "Only one can write at a time" in text, text
        # Another site's page cannot open the app through the browser.
        with pytest.raises(aiohttp.WSServerHandshakeError):
            await session.ws_connect(url, origin="http://evil.example")
        await second.close()
        await first.close()
    # Both app processes end when their browsers go; the folder is free and whole.
    deadline = time.monotonic() + 20
    while lock_holder(data_dir) is not None and time.monotonic() < deadline:
        await asyncio.sleep(0.1)  # waiting on other processes, not on a clock under test
    assert lock_holder(data_dir) is None
    assert [f for f in check_data_dir(data_dir) if f.level == "error"] == []


async def _status(client, host_header: str) -> int:
    async with client.get("/", headers={"Host": host_header}) as response:
        return response.status


async def test_served_on_every_address_the_app_still_answers_only_its_own_names(data_dir):
    """--host 0.0.0.0: a page of another site whose name was pointed at this machine (DNS
    rebinding) is refused; the machine's own addresses and names are answered. The server
    under test listens on 127.0.0.1 only: the allow-list is the same whatever it listens on."""
    from aiohttp.test_utils import TestClient, TestServer

    port = free_port()
    app = await serve_module.make_server(data_dir, "0.0.0.0", port)._make_app()
    async with TestClient(TestServer(app, host="127.0.0.1", port=port)) as client:
        assert await _status(client, f"evil.example:{port}") == 403
        assert await _status(client, "evil.example") == 403
        assert await _status(client, "[broken") == 403
        assert await _status(client, f"127.0.0.1:{port}") == 200  # the address this request reached
        assert await _status(client, f"localhost:{port}") == 200
        assert await _status(client, f"{socket.gethostname()}:{port}") == 200
        assert await _status(client, f"{socket.gethostname()}.local:{port}") == 200
        # An address of this machine other than the one reached is not one a browser used.
        assert await _status(client, f"8.8.8.8:{port}") == 403


def test_the_allow_list_holds_the_machine_names_and_the_address_reached():
    names = serve_addresses.own_names("0.0.0.0")
    assert {"localhost", socket.gethostname().lower()} <= names
    assert serve_addresses.host_allowed("192.168.1.20", names, local_address="192.168.1.20")
    assert serve_addresses.host_allowed("[fe80::1]", names, local_address="fe80::1%eth0")
    assert not serve_addresses.host_allowed("192.168.1.21", names, local_address="192.168.1.20")
    assert not serve_addresses.host_allowed("attacker.example", names, local_address="192.168.1.20")
    assert not serve_addresses.host_allowed("", names, local_address="192.168.1.20")
    # Served on loopback, only loopback names, as before.
    assert serve_addresses.own_names("127.0.0.1") == serve_addresses.LOOPBACK_HOSTS
