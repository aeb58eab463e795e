"""TZ values pendulum cannot read (a POSIX rule, an unknown name) are followed as the system
follows them, or said: never UTC without a word."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pendulum
import pytest

from gymtui.domain.local_zone import settle_local_timezone

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _local_zone_restored():
    yield
    pendulum.set_local_timezone()  # back to what TZ says, for the tests after this one


def gymtui(data_dir: Path, tz: str, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT), TZ=tz)
    return subprocess.run([sys.executable, "-m", "gymtui", "--data-dir", str(data_dir), *args],
                          capture_output=True, text=True, env=env, cwd=ROOT, timeout=60)


def logged_offsets(data_dir: Path, tz: str) -> list[str]:
    done = gymtui(data_dir, "UTC", "export", "--format", "json")
    return [s["logged_at"][-6:] for s in json.loads(done.stdout)["sets"]]


def test_a_posix_rule_is_followed_at_its_offset_and_said(data_dir):
    done = gymtui(data_dir, "CET-1CEST,M3.5.0,M10.5.0/3", "log", "deadlift", "100x5")
    assert done.returncode == 0, done.stderr
    # December: the rule's winter offset, as `date` would give, not UTC.
    expected = "+01:00" if time.gmtime().tm_mon in (1, 2, 11, 12) else None
    offsets = logged_offsets(data_dir, "UTC")
    assert offsets == [expected] if expected else offsets[0] in ("+01:00", "+02:00")
    assert done.stderr.startswith("gymtui: warning: TZ='CET-1CEST,M3.5.0,M10.5.0/3' is a POSIX rule")
    assert "set TZ to a name such as Europe/Paris" in done.stderr and done.stderr.count("\n") == 1


def test_an_unknown_zone_name_is_said(data_dir):
    done = gymtui(data_dir, "Mars/Olympus", "log", "deadlift", "100x5")
    assert done.returncode == 0, done.stderr
    assert done.stderr == ("gymtui: warning: TZ='Mars/Olympus' is not a time zone gymtui knows: times are in UTC;"
                           " set TZ to a name such as Europe/Paris\n")


@pytest.mark.parametrize("tz", ["Europe/Paris", ":Europe/Paris", "UTC", "EST5EDT"])
def test_a_zone_name_says_nothing(data_dir, tz):
    done = gymtui(data_dir, tz, "log", "deadlift", "100x5")
    assert done.returncode == 0 and done.stderr == ""


def test_settle_uses_the_system_offset_for_a_rule():
    class Summer:
        tm_gmtoff = 7200

    note = settle_local_timezone({"TZ": "CET-1CEST,M3.5.0,M10.5.0/3"}, lambda: Summer)
    assert "UTC+02:00" in note and pendulum.now().utcoffset().total_seconds() == 7200
    assert settle_local_timezone({"TZ": "<+0530>-5:30"}, lambda: type("T", (), {"tm_gmtoff": 19800})) is not None
    assert pendulum.now().utcoffset().total_seconds() == 19800
    assert settle_local_timezone({}) is None


async def test_the_app_says_what_it_did_with_tz(new_app):
    from app_factory import settle

    app = new_app()
    app.timezone_note = "TZ='Mars/Olympus' is not a time zone gymtui knows: times are in UTC"
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        assert [n.message for n in app._notifications if n.title == "Time zone"] == [app.timezone_note]
