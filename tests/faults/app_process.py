"""The real ``python -m app`` on Qt's offscreen platform, started and driven from outside.

No desktop is needed: the fault tests that use it look at the instance lock, the control
socket and the sitting log, through ``sitbreak status --json`` and the files.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from tests.helpers.faults import PROJECT_ROOT

# Sleeps until the shared moment, then becomes ``python -m app run`` (exec keeps the pid).
_START_AT = """
import os, sys, time
time.sleep(max(0.0, float(sys.argv[1]) - time.monotonic()))
os.execv(sys.executable, [sys.executable, "-m", "app", *sys.argv[2:]])
"""


def start_at(basedir: Path, env: dict[str, str], at: float) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", _START_AT, str(at), "--basedir", str(basedir)],
        cwd=PROJECT_ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def cli(basedir: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", "--basedir", str(basedir), *args],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )


def wait_running(
    basedir: Path, env: dict[str, str], process: subprocess.Popen[str], until: str | None = None
) -> Any:
    """Poll ``sitbreak status --json`` until the instance answers (and, with ``until``, until
    that key of its answer is true: each answer takes a sample); that answer."""
    deadline = time.monotonic() + 30
    said = "nothing"
    while time.monotonic() < deadline:
        assert process.poll() is None, f"the instance exited: {process.communicate()}"
        answer = cli(basedir, env, "status", "--json")
        said = answer.stdout or answer.stderr
        if answer.returncode == 0:
            status = json.loads(answer.stdout)
            if until is None or status[until]:
                return status
        time.sleep(0.1)  # polling interval, not a wait for a result
    raise AssertionError(f"no answer{f' with {until}' if until else ''} within 30 s: {said}")


def quit_app(basedir: Path, env: dict[str, str], process: subprocess.Popen[str]) -> None:
    assert cli(basedir, env, "quit").returncode == 0
    assert process.wait(timeout=15) == 0
    process.communicate()
