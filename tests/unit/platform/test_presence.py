"""Presence and quiet against a real desktop: Xvfb, openbox, dunst and a fullscreen window."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.platform.base import Environment
from app.platform.presence import Presence, open_presence_source
from app.platform.presence_x11 import X11FullscreenProbe
from tests.helpers.desktop import (
    Desktop,
    DesktopOptions,
    ManagedProcess,
    TrayHost,
    desktop_session,
    wait_until,
)
from tests.helpers.require import require_binaries

FULLSCREEN_WINDOW = """
import sys
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication(sys.argv)
window = QWidget()
window.setWindowTitle("film")
window.showFullScreen() if sys.argv[1] == "fullscreen" else window.show()
app.exec()
"""


@pytest.fixture
def desktop(tmp_path: Path) -> Iterator[Desktop]:
    require_binaries("Xvfb", "openbox", "dbus-daemon", "dunst", "dunstctl")
    options = DesktopOptions(tray=TrayHost.NONE, notification_server=True, window_manager=True)
    with desktop_session(tmp_path / "desktop", options) as running:
        yield running


def _window(desktop: Desktop, mode: str) -> ManagedProcess:
    env = {**desktop.env, "PYTHONPATH": os.pathsep.join(sys.path)}
    return ManagedProcess(
        f"{mode}-window",
        [sys.executable, "-c", FULLSCREEN_WINDOW, mode],
        env=env,
        log_dir=desktop.log_dir,
    )


def test_a_fullscreen_window_is_seen_and_its_closing_too(desktop: Desktop) -> None:
    probe = X11FullscreenProbe(desktop.display.name)
    try:
        with _window(desktop, "normal"):
            wait_until(
                lambda: desktop.display.viewable_windows_named("film") != [],
                timeout=10,
                what="the window",
            )
            assert probe.active_window_fullscreen() is False
        with _window(desktop, "fullscreen"):
            wait_until(
                lambda: probe.active_window_fullscreen() is True, timeout=10, what="fullscreen"
            )
        wait_until(
            lambda: probe.active_window_fullscreen() is False, timeout=10, what="its closing"
        )
    finally:
        probe.close()
    assert probe.active_window_fullscreen() is None


def test_without_a_window_manager_fullscreen_is_unknown(tmp_path: Path) -> None:
    require_binaries("Xvfb", "dbus-daemon")
    options = DesktopOptions(tray=TrayHost.NONE, notification_server=False, window_manager=False)
    with desktop_session(tmp_path / "bare", options) as bare:
        probe = X11FullscreenProbe(bare.display.name)
        try:
            assert probe.active_window_fullscreen() is None
        finally:
            probe.close()


def test_pausing_dunst_is_do_not_disturb(desktop: Desktop, qapp: object) -> None:
    env = Environment.from_os(desktop.env, "linux")
    source = open_presence_source(env)
    try:
        assert source.name == "x11-ewmh+dbus"
        assert source.presence() == Presence()
        subprocess.run(["dunstctl", "set-paused", "true"], env=desktop.env, check=True, timeout=10)
        assert source.presence() == Presence(do_not_disturb=True)
        assert source.presence().quiet_for(when_fullscreen=True, when_do_not_disturb=True)
        assert not source.presence().quiet_for(when_fullscreen=True, when_do_not_disturb=False)
        subprocess.run(["dunstctl", "set-paused", "false"], env=desktop.env, check=True, timeout=10)
        assert source.presence() == Presence()
    finally:
        source.close()
