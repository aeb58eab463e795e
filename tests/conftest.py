import os

import pendulum
import pytest

from gymtui.paths import DATA_DIR_ENV


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path, monkeypatch):
    """No test may reach the real user's data or config folders."""
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "data-from-env"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    yield


@pytest.fixture
def fixed_now():
    return pendulum.datetime(2026, 11, 16, 18, 30, tz="Europe/Paris")


@pytest.fixture
def data_dir(tmp_path):
    path = tmp_path / "gymdata"
    path.mkdir()
    return path


def pytest_configure(config):
    os.environ.setdefault("TZ", "UTC")
