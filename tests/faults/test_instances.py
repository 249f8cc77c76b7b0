"""Two starts at the same instant leave one Sitbreak; a socket left by ``kill -9`` is taken over.

Real ``python -m app`` processes on Qt's offscreen platform (no desktop needed: what is
tested is the instance lock and the control socket). The desktop version of the race is
``tests/e2e/test_single_instance.py``; this one repeats it many times with both processes
released at the same monotonic moment.
"""

from __future__ import annotations

import signal
import subprocess
import time
from pathlib import Path

import pytest

from app.paths import AppPaths
from tests.faults.app_process import cli, quit_app, start_at, wait_running

ROUNDS = 6

pytestmark = [pytest.mark.slow, pytest.mark.timeout(240)]


def _first_to_exit(pair: tuple[subprocess.Popen[str], ...]) -> subprocess.Popen[str]:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        exited = [process for process in pair if process.poll() is not None]
        if exited:
            return exited[0]
        time.sleep(0.05)
    raise AssertionError("neither of the two instances gave way within 30 s")


def test_two_instances_started_at_the_same_instant_leave_exactly_one(
    tmp_path: Path, app_env: dict[str, str]
) -> None:
    basedir = tmp_path / "base"
    for round_number in range(ROUNDS):
        at = time.monotonic() + 1.0
        pair = (start_at(basedir, app_env, at), start_at(basedir, app_env, at))
        try:
            loser = _first_to_exit(pair)
            winner = pair[1] if loser is pair[0] else pair[0]
            out, err = loser.communicate(timeout=10)
            assert loser.returncode == 0, f"round {round_number}: {err}"
            assert "Sitbreak is already running" in err, f"round {round_number}: {out}{err}"
            status = wait_running(basedir, app_env, winner)
            assert status["pid"] == winner.pid
            assert winner.poll() is None
            quit_app(basedir, app_env, winner)
        finally:
            for process in pair:
                if process.poll() is None:
                    process.kill()
                    process.communicate(timeout=10)


def test_a_socket_left_by_a_killed_instance_is_taken_over(
    tmp_path: Path, app_env: dict[str, str]
) -> None:
    basedir = tmp_path / "base"
    socket_path = AppPaths.under(basedir, app_env).socket_path
    first = start_at(basedir, app_env, time.monotonic())
    try:
        wait_running(basedir, app_env, first)
        first.send_signal(signal.SIGKILL)
        assert first.wait(timeout=10) == -signal.SIGKILL
        first.communicate()
        assert socket_path.is_socket()  # left behind, nobody listening

        gone = cli(basedir, app_env, "status")
        assert gone.returncode != 0
        assert "not running" in (gone.stdout + gone.stderr).lower()

        second = start_at(basedir, app_env, time.monotonic())
        try:
            status = wait_running(basedir, app_env, second)
            assert status["pid"] == second.pid
            quit_app(basedir, app_env, second)
        finally:
            if second.poll() is None:
                second.kill()
                second.communicate(timeout=10)
    finally:
        if first.poll() is None:
            first.kill()
            first.communicate(timeout=10)
