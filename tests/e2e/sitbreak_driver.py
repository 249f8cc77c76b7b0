"""Drive the real ``sitbreak`` program as a user would: start it, ask it, read its log.

Nothing here imports the app. Commands run as subprocesses with the test desktop's
environment, and the database is read with the test's own SQL, so a test sees what the
program really did rather than what its objects claim.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.helpers.desktop import (
    HarnessError,
    InputGenerator,
    ManagedProcess,
    X11Display,
    wait_until,
)

REPO_ROOT = Path(__file__).resolve().parents[2]

EXIT_NOT_RUNNING = 3
EXIT_IPC_ERROR = 4
"""The running instance holds the lock but did not answer (yet): still starting up."""


@dataclass(frozen=True)
class Timings:
    """Short settings so a whole bout, window and prompt fit in seconds."""

    window_start_s: int = 20
    window_end_s: int = 30
    lull_s: int = 2
    snooze_s: int = 10
    remind_after_s: int = 10
    max_reminders: int = 1
    away_after_s: int = 3

    def settings_toml(self) -> str:
        return (
            "schema = 1\n"
            "[prompts]\n"
            f'window_start = "{self.window_start_s}s"\n'
            f'window_end = "{self.window_end_s}s"\n'
            f'lull = "{self.lull_s}s"\n'
            f'snooze = "{self.snooze_s}s"\n'
            f'remind_after = "{self.remind_after_s}s"\n'
            f"max_reminders = {self.max_reminders}\n"
            "[presence]\n"
            f'away_after = "{self.away_after_s}s"\n'
        )


PROMPT_TIMINGS = Timings(
    window_start_s=6,
    window_end_s=20,
    lull_s=2,
    snooze_s=5,
    remind_after_s=60,
    max_reminders=1,
    away_after_s=6,
)
"""For the prompt tests. No re-reminder comes within a test (60 s), so every bubble is a
prompt of its own; the window ends late (20 s), so before that only a lull brings a
prompt, which keeps "it came from the snooze" apart from "it came from the window"."""

STRETCH_TITLE = "^Stretch: "
"""The stretch window's title starts so (``Stretch: Glute bridge — Sitbreak``)."""

SCREENSHOTS_DIR = REPO_ROOT / "docs" / "screenshots"


def stretch_window(display: X11Display, *, timeout: float = 5.0) -> int:
    """The stretch window, once it is on screen (exactly one)."""
    windows = wait_until(
        lambda: display.viewable_windows_named(STRETCH_TITLE),
        timeout=timeout,
        what="the stretch window on screen",
    )
    if len(windows) != 1:
        raise AssertionError(f"one stretch window expected, found {windows}")
    return windows[0]


def publish_screenshot(picture: Path, name: str) -> None:
    """With SITBREAK_SCREENSHOTS=1, ``picture`` also replaces ``docs/screenshots/<name>``."""
    if os.environ.get("SITBREAK_SCREENSHOTS") == "1":
        SCREENSHOTS_DIR.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(picture, SCREENSHOTS_DIR / name)


@dataclass(frozen=True)
class Bout:
    """One row of the ``bouts`` table, as the test reads it."""

    id: int
    start_utc: float
    end_utc: float | None
    end_reason: str | None
    desk_s: float
    last_activity_utc: float

    @property
    def is_open(self) -> bool:
        return self.end_utc is None


@dataclass(frozen=True)
class PromptRow:
    """One row of the ``prompts`` table."""

    id: int
    bout_id: int | None
    shown_utc: float
    desk_s: float
    reminders: int
    response: str | None
    response_utc: float | None


@dataclass(frozen=True)
class ShownExercise:
    """One row of the ``prompt_exercises`` table: an exercise the stretch window showed."""

    id: int
    prompt_id: int | None
    shown_utc: float
    exercise_id: str
    exercise_name: str
    muscles: list[str]
    response: str | None
    response_utc: float | None


PROBLEM_MARKERS = ("Traceback", "ERROR", "CRITICAL", "Fatal Python error")
"""What in the app's log or its stderr says something went wrong."""


class SitbreakProcess(ManagedProcess):
    """``python -m app --basedir D``: the tray app, its output kept in log files."""


class Sitbreak:
    """One Sitbreak installation (a basedir) inside a test desktop."""

    def __init__(self, basedir: Path, env: Mapping[str, str], log_dir: Path) -> None:
        self.basedir = basedir
        self._env = dict(env)
        self._log_dir = log_dir
        self.processes: list[SitbreakProcess] = []

    @property
    def database(self) -> Path:
        return self.basedir / "data" / "sitbreak.db"

    @property
    def app_log(self) -> Path:
        return self.basedir / "log" / "sitbreak.log"

    def command(self, *args: str) -> list[str]:
        return [sys.executable, "-m", "app", "--basedir", str(self.basedir), *args]

    # -------------------------------------------------------------- files
    def write_settings(self, timings: Timings) -> None:
        config = self.basedir / "config"
        config.mkdir(parents=True, exist_ok=True)
        (config / "settings.toml").write_text(timings.settings_toml())
        state = config / "state.toml"
        if not state.exists():
            # A returning user: the first-run safety notice (unit-tested) stays out of the way.
            state.write_text("schema = 1\nfirst_run_done = true\n")

    def write_indefinite_pause(self) -> None:
        """The state a user leaves behind with Pause ▸ Until resumed."""
        config = self.basedir / "config"
        config.mkdir(parents=True, exist_ok=True)
        (config / "state.toml").write_text(
            "schema = 1\nfirst_run_done = true\n[pause]\nindefinite = true\n"
        )

    # -------------------------------------------------------------- the program
    def start(self) -> SitbreakProcess:
        process = SitbreakProcess(
            f"sitbreak-{len(self.processes) + 1}",
            self.command(),
            env=self._env,
            log_dir=self._log_dir,
            cwd=REPO_ROOT,
        )
        self.processes.append(process)
        return process

    def cli(self, *args: str, timeout: float = 15.0) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            self.command(*args),
            env=self._env,
            cwd=REPO_ROOT,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )

    def status(self) -> dict[str, Any] | None:
        """``status --json``; None while no instance answers (not running, starting up)."""
        result = self.cli("status", "--json")
        if result.returncode in (EXIT_NOT_RUNNING, EXIT_IPC_ERROR):
            return None
        if result.returncode != 0:
            raise HarnessError(
                f"status --json exited {result.returncode}\n{result.stdout}\n{result.stderr}"
            )
        document = json.loads(result.stdout)
        if not isinstance(document, dict):
            raise HarnessError(f"status --json printed {result.stdout!r}, not an object")
        return document

    def running_status(self) -> dict[str, Any]:
        """``status --json`` of an instance that must be running."""
        status = self.status()
        if status is None:
            raise HarnessError("sitbreak is not running (status --json found no instance)")
        return status

    def wait_for_status(
        self,
        accept: Callable[[dict[str, Any]], bool],
        *,
        timeout: float,
        what: str,
        process: ManagedProcess | None = None,
    ) -> dict[str, Any]:
        """Poll ``status --json`` until ``accept`` likes it; fail early if ``process`` dies."""

        def check() -> dict[str, Any] | None:
            if process is not None:
                process.ensure_running()
            status = self.status()
            return status if status is not None and accept(status) else None

        return wait_until(check, timeout=timeout, what=what, interval=0.2)

    def wait_running(self, process: SitbreakProcess, timeout: float = 20.0) -> dict[str, Any]:
        return self.wait_for_status(
            lambda status: status.get("pid") == process.pid,
            timeout=timeout,
            what=f"{process.name} to answer status",
            process=process,
        )

    def prompt_after_lull(
        self, typing: InputGenerator, timings: Timings, *, process: ManagedProcess
    ) -> dict[str, Any]:
        """Type until the stand-up window opens, pause for a lull, type on: the prompt shows.

        Returns the first status that shows it (state "prompting").
        """
        self.wait_for_status(
            lambda status: status["state"] == "window",
            timeout=timings.window_start_s + 8,
            what="the stand-up window to open",
            process=process,
        )
        typing.rest(timings.lull_s + 1)
        return self.wait_for_status(
            lambda status: status["state"] == "prompting",
            timeout=8,
            what="a prompt once typing resumed after a lull",
            process=process,
        )

    def logs(self) -> str:
        parts = [process.output_tail() for process in self.processes]
        if self.app_log.exists():
            parts.append(
                f"--- {self.app_log} ---\n{self.app_log.read_text(errors='replace')[-8000:]}"
            )
        return "\n".join(parts)

    def problems(self) -> list[str]:
        """Lines of the log file and of every run's stderr that report an error."""
        texts = [process.stderr_text() for process in self.processes]
        if self.app_log.exists():
            texts.append(self.app_log.read_text(errors="replace"))
        return [
            line
            for text in texts
            for line in text.splitlines()
            if any(marker in line for marker in PROBLEM_MARKERS)
        ]

    def stop_all(self) -> None:
        for process in self.processes:
            process.stop(grace=5.0)

    # -------------------------------------------------------------- the log
    def query(self, sql: str, parameters: Sequence[object] = ()) -> list[dict[str, Any]]:
        return read_db(self.basedir, sql, parameters)

    def bouts(self) -> list[Bout]:
        if not self.database.exists():
            return []
        rows = self.query(
            "SELECT id, start_utc, end_utc, end_reason, desk_s, last_activity_utc"
            " FROM bouts ORDER BY id"
        )
        return [Bout(**row) for row in rows]

    def prompts(self) -> list[PromptRow]:
        rows = self.query(
            "SELECT id, bout_id, shown_utc, desk_s, reminders, response, response_utc"
            " FROM prompts ORDER BY id"
        )
        return [PromptRow(**row) for row in rows]

    def shown_exercises(self) -> list[ShownExercise]:
        rows = self.query(
            "SELECT id, prompt_id, shown_utc, exercise_id, exercise_name, muscles, response,"
            " response_utc FROM prompt_exercises ORDER BY id"
        )
        return [ShownExercise(**(row | {"muscles": json.loads(row["muscles"])})) for row in rows]


def read_db(basedir: Path, sql: str, parameters: Sequence[object] = ()) -> list[dict[str, Any]]:
    """Rows of ``sql`` against ``<basedir>/data/sitbreak.db``; never creates the file."""
    path = basedir / "data" / "sitbreak.db"
    if not path.exists():
        raise HarnessError(f"{path} does not exist")
    # Read-write mode (not ro) so the WAL the running app keeps is readable; the test only
    # ever runs SELECTs, and mode=rw refuses to create a missing database.
    connection = sqlite3.connect(f"file:{path}?mode=rw", uri=True, timeout=5.0)
    try:
        connection.row_factory = sqlite3.Row
        return [dict(row) for row in connection.execute(sql, tuple(parameters))]
    finally:
        connection.close()
