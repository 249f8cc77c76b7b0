"""A data folder that is read-only when Sitbreak starts: it runs, reminds, and catches up.

The real ``python -m app`` starts with ``data/`` pointing at a read-only bind mount (a
folder restored from a backup, a full or remounted disk). It must not refuse to start:
it answers, warns once in its log, and writes nothing. When the folder becomes writable
(here: ``data/`` is pointed at the writable side of the same folder, as a remount would),
the log is created and what happened since the start is in it, from the start.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import time
from contextlib import closing
from datetime import datetime
from pathlib import Path

import pytest

from tests.faults.app_process import cli, quit_app, start_at, wait_running
from tests.helpers.faults import read_only_view

pytestmark = [pytest.mark.slow, pytest.mark.timeout(120)]


def _point(link: Path, target: Path) -> None:
    """Re-point the symlink ``link`` at ``target`` in one step (rename over it)."""
    fresh = link.with_name(link.name + ".new")
    fresh.symlink_to(target, target_is_directory=True)
    os.replace(fresh, link)


def test_a_data_folder_read_only_at_start_keeps_sitbreak_running_and_the_log_catches_up(
    tmp_path: Path, app_env: dict[str, str]
) -> None:
    view = read_only_view()
    basedir = tmp_path / "base"
    basedir.mkdir()
    data = basedir / "data"
    data.symlink_to(view.read_only, target_is_directory=True)
    process = start_at(basedir, app_env, time.monotonic())
    try:
        status = wait_running(basedir, app_env, process)
        assert status["pid"] == process.pid
        assert status["state"]  # the engine runs: it reminds as usual
        assert status["today"] is None  # no history to show yet
        assert status["log_in_sync"] is False
        assert not (view.writable / "sitbreak.db").exists()
        said = cli(basedir, app_env, "status")
        assert "Log: cannot be written now" in " ".join(said.stdout.split()), said.stdout
        log_text = (basedir / "log" / "sitbreak.log").read_text(encoding="utf-8")
        assert log_text.count("cannot write the sitting log") == 1, log_text
        assert "read-only" in log_text.lower()

        _point(data, view.writable)
        caught_up = wait_running(basedir, app_env, process, until="log_in_sync")
        assert caught_up["today"] is not None

        database = view.writable / "sitbreak.db"
        with closing(sqlite3.connect(database)) as connection:
            ((started,),) = connection.execute("SELECT started_utc FROM app_sessions").fetchall()
        started_at = datetime.fromtimestamp(started).astimezone()
        # The session is dated to the start, not to the moment the folder became writable.
        assert started_at <= datetime.now().astimezone()
        assert (datetime.now().astimezone() - started_at).total_seconds() < 120
        quit_app(basedir, app_env, process)
        with closing(sqlite3.connect(database)) as connection:
            ((ended,),) = connection.execute("SELECT ended_utc FROM app_sessions").fetchall()
        assert ended is not None
        assert ended >= started
        assert (basedir / "log" / "sitbreak.log").read_text(encoding="utf-8").count(
            "cannot write the sitting log"
        ) == 1
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate(timeout=10)
        shutil.rmtree(view.writable)
