"""While Sitbreak waits it holds only what waiting needs (issue 10, "cost while waiting").

The real ``python -X importtime -m app`` runs on Qt's offscreen platform. ``-X importtime``
makes the interpreter itself write every import to stderr as it completes (unbuffered), so
the stderr file read once the control socket answers ``status`` lists exactly the modules
loaded by the time Sitbreak sits idle, in order. No test-only code path in the app.
"""

from __future__ import annotations

import re
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.ipc import IpcError, NoInstanceError, send_request
from app.paths import AppPaths

PROJECT_ROOT = Path(__file__).resolve().parents[2]
START_DEADLINE_S = 30.0
_IMPORT_LINE = re.compile(r"^import time:\s+\d+ \|\s+\d+ \|\s*(\S+)\s*$")

OPENED_BY_THE_USER = {
    "app.ui.settings_dialog": "the settings dialog",
    "app.ui.settings_controller": "the settings dialog",
    "app.platform.autostart_factory": "the settings dialog's start-at-login switch",
    "app.ui.library_window": "the library window",
    "app.ui.library_controller": "the library window",
    "app.ui.stats_window": "the statistics window",
    "app.ui.stats_controller": "the statistics window",
    "app.ui.charts": "the statistics window",
    "app.ui.about": "the About dialog",
    "app.ui.stretch_window": "the stretch window (a click on a prompt, Stand up now)",
    "app.ui.stretch_controller": "the stretch window (a click on a prompt, Stand up now)",
    "app.ui.illustration": "the stretch and library windows' illustrations",
    "app.ui.animated_illustration": "the stretch window's illustration",
    "PySide6.QtSvg": "the stretch and library windows' illustrations",
    "app.ui.toast": "the toast (a prompt shown on it)",
    "app.ui.today_window": "the Today window",
    "app.ui.today_controller": "the Today window",
    "app.ui.routine_window": "the routine player",
    "app.ui.routine_controller": "the routine player",
    "app.platform.sound": "the routine player's chime",
    "app.export": "exporting history (statistics window, `sitbreak stats --export`)",
    "app.storage.stats": "the statistics queries (statistics window, day and week summaries)",
    "app.core.stats": "the statistics queries (statistics window, day and week summaries)",
    "app.platform.notify_plyer": "the plyer notifier (only when nothing better works)",
    "plyer": "the plyer notifier (only when nothing better works)",
    "html": "one escape of three characters",
    "platformdirs": "the per-user folders, unused with --basedir",
}
"""Modules a waiting Sitbreak must not have loaded, and what loads them when needed."""


class RunningApp:
    """``python -X importtime -m app`` answering on its control socket."""

    def __init__(self, socket_path: Path, stderr_path: Path) -> None:
        self.socket_path = socket_path
        self._stderr_path = stderr_path

    def imported(self) -> list[str]:
        """Every module imported so far, in the order the imports completed."""
        return _imported_modules(self._stderr_path.read_text())


@pytest.fixture
def idle_imports(running_app: RunningApp) -> list[str]:
    """The modules a returning user's Sitbreak has imported once it answers ``status``."""
    return running_app.imported()


@pytest.fixture
def running_app(tmp_path: Path, app_env: dict[str, str]) -> Iterator[RunningApp]:
    """A returning user's Sitbreak, started and answering ``status``; quit at the end."""
    basedir = tmp_path / "base"
    (basedir / "config").mkdir(parents=True)
    (basedir / "config" / "state.toml").write_text("schema = 1\nfirst_run_done = true\n")
    socket_path = AppPaths.under(basedir, app_env).socket_path
    stderr_path = tmp_path / "importtime.txt"
    with stderr_path.open("w") as stderr:
        process = subprocess.Popen(
            [sys.executable, "-X", "importtime", "-m", "app", "--basedir", str(basedir)],
            cwd=PROJECT_ROOT,
            env=app_env,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )
    try:
        _wait_until_it_answers(socket_path, process)
        yield RunningApp(socket_path, stderr_path)
        send_request(socket_path, "quit")
        assert process.wait(timeout=15) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=10)


def _wait_until_it_answers(socket_path: Path, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + START_DEADLINE_S
    while True:
        assert process.poll() is None, f"Sitbreak exited with {process.returncode}"
        try:
            send_request(socket_path, "status")
            return
        except (NoInstanceError, IpcError):
            if time.monotonic() >= deadline:
                raise
        time.sleep(0.05)  # polling interval, not a wait for a result


def _imported_modules(importtime_output: str) -> list[str]:
    """Module names in the order their import completed (the header line has no numbers)."""
    return [
        match.group(1)
        for line in importtime_output.splitlines()
        if (match := _IMPORT_LINE.match(line)) is not None
    ]


def test_windows_and_helpers_nobody_opened_are_not_loaded_while_waiting(
    idle_imports: list[str],
) -> None:
    loaded = set(idle_imports)
    assert "app.coordinator" in loaded, "the app did not get as far as its services"

    unexpected = {name: why for name, why in OPENED_BY_THE_USER.items() if name in loaded}

    assert unexpected == {}


def test_the_control_socket_and_scheduler_load_after_the_app_is_wired(
    idle_imports: list[str],
) -> None:
    """``app.bootstrap`` completes before the icon is built; what comes after it waits for
    the icon. QtNetwork (the control socket) and APScheduler are not needed before it."""
    shown_from = idle_imports.index("app.bootstrap")
    before_icon = set(idle_imports[:shown_from])

    assert "app.instance_lock" in before_icon  # the lock is taken before anything else
    assert {"PySide6.QtNetwork", "app.ipc", "apscheduler"} & before_icon == set()
    assert "PySide6.QtNetwork" in idle_imports[shown_from:]


def test_the_settings_dialog_is_built_the_first_time_it_is_asked_for(
    running_app: RunningApp,
) -> None:
    assert "app.ui.settings_dialog" not in running_app.imported()

    send_request(running_app.socket_path, "settings")  # raises IpcError if opening failed

    assert "app.ui.settings_dialog" in running_app.imported()
    send_request(running_app.socket_path, "settings")  # the second time: the same dialog


def test_the_stretch_window_routine_player_and_today_are_built_when_first_used(
    running_app: RunningApp,
) -> None:
    """Each works the first time it is asked for, and only then loads its modules."""
    stretch = {"app.ui.stretch_window", "app.ui.stretch_controller"}
    player = {"app.ui.routine_window", "app.ui.routine_controller"}
    today = {"app.ui.today_window", "app.ui.today_controller"}
    assert (stretch | player | today) & set(running_app.imported()) == set()

    answer = send_request(running_app.socket_path, "break-now")
    assert answer["suggestion"] is not None  # the next exercise, picked afresh
    assert stretch <= set(running_app.imported())
    assert (player | today) & set(running_app.imported()) == set()

    answer = send_request(running_app.socket_path, "routine", {"id": "glute-wake-up"})
    assert answer["routine"] == "Glute wake-up"
    assert player <= set(running_app.imported())
    assert today & set(running_app.imported()) == set()

    send_request(running_app.socket_path, "today")
    assert today <= set(running_app.imported())
    send_request(running_app.socket_path, "today")  # the second time: the same window


def test_the_exercise_library_checker_loads_only_for_the_command_that_uses_it(
    tmp_path: Path, app_env: dict[str, str]
) -> None:
    """``sitbreak status`` talks to the socket; it needs no exercise files or statistics."""
    answer = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "app", "--basedir", str(tmp_path), "status"],
        cwd=PROJECT_ROOT,
        env=app_env,
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )

    assert answer.returncode == 3  # nobody runs there: "Sitbreak is not running."
    loaded = set(_imported_modules(answer.stderr))
    assert "app.ipc" in loaded
    assert {"app.library.loader", "app.library.listing", "app.resources"} & loaded == set()
