"""A fullscreen window holds the prompt back and counts as sitting; closing it lets it through.

Real Xvfb, openbox and dunst; the fullscreen window is a Qt window in its own process, made
fullscreen the way a video player does it (``_NET_WM_STATE_FULLSCREEN`` through openbox).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable

import pytest

from app.platform.presence_x11 import X11FullscreenProbe
from tests.e2e.sitbreak_driver import Sitbreak, Timings
from tests.helpers.desktop import (
    Desktop,
    DesktopOptions,
    InputGenerator,
    ManagedProcess,
    TrayHost,
    holds_for,
    wait_until,
)

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(120)]

TIMINGS = Timings(
    window_start_s=6,
    window_end_s=10,
    lull_s=2,
    snooze_s=5,
    remind_after_s=60,
    max_reminders=1,
    away_after_s=5,
)
FILM_S = TIMINGS.window_end_s + TIMINGS.away_after_s + 3
"""Long enough to pass the upper bound and the away threshold without any input."""

FILM = """
import sys
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication(sys.argv)
window = QWidget()
window.setWindowTitle("film")
window.showFullScreen()
app.exec()
"""


def test_a_fullscreen_film_defers_the_prompt_and_keeps_the_bout(
    make_desktop: Callable[[DesktopOptions], Desktop],
    make_sitbreak: Callable[[Desktop], Sitbreak],
) -> None:
    desktop = make_desktop(DesktopOptions(tray=TrayHost.XEMBED, record_notifications=True))
    monitor = desktop.bus_monitor
    assert monitor is not None
    sitbreak = make_sitbreak(desktop)
    sitbreak.write_settings(TIMINGS)
    app = sitbreak.start()
    sitbreak.wait_running(app)
    probe = X11FullscreenProbe(desktop.display.name)
    film_env = {**desktop.env, "PYTHONPATH": os.pathsep.join(sys.path)}
    try:
        with InputGenerator(desktop.display):
            sitbreak.wait_for_status(
                lambda s: s["state"] == "sitting" and s["desk_seconds"] >= 1,
                timeout=10,
                what="a bout to start",
                process=app,
            )
        with ManagedProcess(
            "film", [sys.executable, "-c", FILM], env=film_env, log_dir=desktop.log_dir
        ):
            wait_until(
                lambda: probe.active_window_fullscreen() is True,
                timeout=10,
                what="the film to play fullscreen",
            )
            before = sitbreak.running_status()
            holds_for(
                lambda: (
                    sitbreak.running_status()["state"] in ("sitting", "window")
                    and not monitor.notify_calls()
                ),
                duration=FILM_S,
                what="sitting through the film without a prompt",
            )
            during = sitbreak.running_status()
            assert during["bout_start"] == before["bout_start"]  # the same bout
            assert during["desk_seconds"] >= before["desk_seconds"] + FILM_S - 2
            assert during["desk_seconds"] >= TIMINGS.window_end_s  # the prompt was due
        wait_until(
            lambda: probe.active_window_fullscreen() is not True,
            timeout=10,
            what="the film to close",
        )
        with InputGenerator(desktop.display):
            sitbreak.wait_for_status(
                lambda s: s["state"] == "prompting",
                timeout=10,
                what="the waiting prompt once the user is back at the keys",
                process=app,
            )
            wait_until(monitor.notify_calls, timeout=5, what="the prompt's bubble")
        assert [bout.is_open for bout in sitbreak.bouts()][-1]
    finally:
        probe.close()
