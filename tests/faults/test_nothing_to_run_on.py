"""No tray, no notification server, no idle source, no session bus: Sitbreak still runs.

The real ``python -m app`` on Qt's offscreen platform, without ``DISPLAY`` or a D-Bus
session: the null backends take over, ``status`` says which and why, desk time is marked
estimated, and a break still opens the stretch window (the status window stands in for
the tray, the in-app toast for the notification server).
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from tests.faults.app_process import cli, quit_app, start_at, wait_running

pytestmark = [pytest.mark.slow, pytest.mark.timeout(120)]


def test_without_tray_notifications_or_idle_source_sitbreak_runs_and_says_why(
    tmp_path: Path, app_env: dict[str, str]
) -> None:
    basedir = tmp_path / "base"
    process = start_at(basedir, app_env, time.monotonic())
    try:
        status = wait_running(basedir, app_env, process)
        assert status["backends"] == {
            "idle": "none",
            "notifier": "toast",
            "session": ["none"],
            "tray": "none",
        }
        assert status["estimated"] is True
        assert status["state"] == "sitting"  # desk time counts, as an estimate
        degraded = " ".join(status["degraded"])
        assert "desk time is estimated" in degraded
        assert "Screen lock is not detected" in degraded
        assert status["suggestion"] is not None

        opened = cli(basedir, app_env, "break-now")
        assert opened.returncode == 0, opened.stderr
        assert "Opening the stretch window." in opened.stdout
        after = json.loads(cli(basedir, app_env, "status", "--json").stdout)
        assert after["state"] == "stretching"
        assert "Traceback" not in (basedir / "log" / "sitbreak.log").read_text(encoding="utf-8")
        quit_app(basedir, app_env, process)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate(timeout=10)
