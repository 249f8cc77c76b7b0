"""Two starts at the same instant leave one Sitbreak; a socket left by ``kill -9`` is taken over.

Real ``python -m app`` processes on Qt's offscreen platform (no desktop needed: what is
tested is the instance lock and the control socket). The desktop version of the race is
``tests/e2e/test_single_instance.py``; this one repeats it many times with both processes
released at the same monotonic moment.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.paths import AppPaths
from tests.helpers.faults import PROJECT_ROOT

ROUNDS = 6

pytestmark = [pytest.mark.slow, pytest.mark.timeout(240)]

# Sleeps until the shared moment, then becomes ``python -m app run`` (exec keeps the pid).
_START_AT = """
import os, sys, time
time.sleep(max(0.0, float(sys.argv[1]) - time.monotonic()))
os.execv(sys.executable, [sys.executable, "-m", "app", *sys.argv[2:]])
"""


@pytest.fixture
def app_env() -> Iterator[dict[str, str]]:
    """An environment of its own: offscreen Qt, a short private runtime folder, no buses."""
    runtime = Path(tempfile.mkdtemp(prefix="sbf-"))
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DISPLAY", "WAYLAND_DISPLAY", "DBUS_SESSION_BUS_ADDRESS"}
    }
    env |= {"QT_QPA_PLATFORM": "offscreen", "XDG_RUNTIME_DIR": str(runtime)}
    yield env
    shutil.rmtree(runtime, ignore_errors=True)


def _start(basedir: Path, env: dict[str, str], at: float) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", _START_AT, str(at), "--basedir", str(basedir)],
        cwd=PROJECT_ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _cli(basedir: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", "--basedir", str(basedir), *args],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )


def _wait_running(basedir: Path, env: dict[str, str], process: subprocess.Popen[str]) -> Any:
    """Poll ``sitbreak status --json`` until the instance answers; its answer."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        assert process.poll() is None, f"the instance exited: {process.communicate()}"
        answer = _cli(basedir, env, "status", "--json")
        if answer.returncode == 0:
            return json.loads(answer.stdout)
        time.sleep(0.1)  # polling interval, not a wait for a result
    raise AssertionError(f"no answer from the instance within 30 s: {answer.stderr}")


def _quit(basedir: Path, env: dict[str, str], process: subprocess.Popen[str]) -> None:
    assert _cli(basedir, env, "quit").returncode == 0
    assert process.wait(timeout=15) == 0
    process.communicate()


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
        pair = (_start(basedir, app_env, at), _start(basedir, app_env, at))
        try:
            loser = _first_to_exit(pair)
            winner = pair[1] if loser is pair[0] else pair[0]
            out, err = loser.communicate(timeout=10)
            assert loser.returncode == 0, f"round {round_number}: {err}"
            assert "Sitbreak is already running" in err, f"round {round_number}: {out}{err}"
            status = _wait_running(basedir, app_env, winner)
            assert status["pid"] == winner.pid
            assert winner.poll() is None
            _quit(basedir, app_env, winner)
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
    first = _start(basedir, app_env, time.monotonic())
    try:
        _wait_running(basedir, app_env, first)
        first.send_signal(signal.SIGKILL)
        assert first.wait(timeout=10) == -signal.SIGKILL
        first.communicate()
        assert socket_path.is_socket()  # left behind, nobody listening

        gone = _cli(basedir, app_env, "status")
        assert gone.returncode != 0
        assert "not running" in (gone.stdout + gone.stderr).lower()

        second = _start(basedir, app_env, time.monotonic())
        try:
            status = _wait_running(basedir, app_env, second)
            assert status["pid"] == second.pid
            _quit(basedir, app_env, second)
        finally:
            if second.poll() is None:
                second.kill()
                second.communicate(timeout=10)
    finally:
        if first.poll() is None:
            first.kill()
            first.communicate(timeout=10)
