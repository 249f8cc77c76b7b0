"""``kill -9`` at random moments while bouts and prompts are written: nothing committed is lost.

A real process writes through SittingLog as fast as it can and reports each commit; it is
killed with SIGKILL at a random point, five times over, each run going on from the bout
the last one left open. After each kill the file must pass ``integrity_check`` and hold
every reported write; at the end the real coordinator's restart rule resumes the bout.
"""

from __future__ import annotations

import random
import signal
import sqlite3
import subprocess
import sys
from contextlib import closing
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from app.storage import SittingLog
from tests.faults.rig import running_desk
from tests.helpers.fake_clock import FakeClock
from tests.helpers.faults import PROJECT_ROOT

START = datetime(2026, 3, 2, 9, 0, tzinfo=ZoneInfo("Europe/Berlin"))
STEP_S = 0.5
"""Desk seconds per write of the writer; its monotonic and boot clocks move with them."""

pytestmark = pytest.mark.timeout(180)

# Goes on from the open bout (or opens one), then loops: progress, heartbeat, and every
# 10 steps a prompt shown and answered. Prints each committed step; never stops by itself.
_WRITER = """
import sys
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo
from app.core.model import PromptResponse
from app.storage.log import SittingLog

step_s = float(sys.argv[2])
start = datetime(2026, 3, 2, 9, 0, tzinfo=ZoneInfo("Europe/Berlin"))
log = SittingLog.open(Path(sys.argv[1]))
log.close_stale_sessions()
found = log.find_open_bout()
step = 0 if found is None else round(found.desk_s / step_s)
session = log.start_session(start + timedelta(seconds=step * step_s), "scripted", "0.1.0")
if found is None:
    bout = log.open_bout(session, start, False, start)
else:
    bout = found.id
    log.reassign_bout(bout, session)
print("ready", flush=True)
while True:
    step += 1
    at = start + timedelta(seconds=step * step_s)
    log.update_bout(
        bout, start=start, desk_s=step * step_s, estimated=False, last_activity=at,
        last_activity_mono=1000.0 + step * step_s, last_activity_boot=1000.0 + step * step_s,
        boot_id="boot-1",
    )
    log.touch_session(session, at)
    if step % 10 == 0:
        prompt = log.add_prompt(bout, at, step * step_s)
        log.resolve_prompt(prompt, at, PromptResponse.SNOOZE)
    print(step, flush=True)
"""


def _write_until_killed(db_path: Path, commits: int) -> list[int]:
    """Run the writer until it reported ``commits`` steps, SIGKILL it; the steps it
    reported as committed (it may have committed a little more before the kill landed)."""
    writer = subprocess.Popen(
        [sys.executable, "-c", _WRITER, str(db_path), str(STEP_S)],
        cwd=PROJECT_ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert writer.stdout is not None
    try:
        if writer.stdout.readline().strip() != "ready":
            writer.wait(timeout=10)
            assert writer.stderr is not None
            raise AssertionError(f"the writer did not start: {writer.stderr.read()}")
        reported = [int(writer.stdout.readline()) for _ in range(commits)]
        writer.send_signal(signal.SIGKILL)
        assert writer.wait(timeout=10) == -signal.SIGKILL
    finally:
        if writer.poll() is None:
            writer.kill()
            writer.wait(timeout=10)
        writer.stdout.close()
        assert writer.stderr is not None
        writer.stderr.close()
    return reported


def test_kill_9_mid_write_keeps_the_log_whole_and_the_bout_resumes(tmp_path: Path) -> None:
    db_path = tmp_path / "sitbreak.db"
    chance = random.Random(20260302)
    reported: list[int] = []
    for _ in range(5):
        reported += _write_until_killed(db_path, chance.randint(5, 120))

        with closing(sqlite3.connect(db_path)) as raw:
            assert raw.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            open_bouts = raw.execute("SELECT id, desk_s FROM bouts WHERE end_utc IS NULL")
            (bout_id, desk_s), *others = open_bouts.fetchall()
            assert others == []
            assert bout_id == 1  # every run went on with the same bout
            assert desk_s >= reported[-1] * STEP_S  # every reported commit is there...
            answered = {
                round(prompt_desk_s / STEP_S)
                for (prompt_desk_s,) in raw.execute(
                    "SELECT desk_s FROM prompts WHERE response = 'snooze'"
                )
            }
            assert {step for step in reported if step % 10 == 0} <= answered  # ...prompts too

    with SittingLog.open(db_path) as sitting_log:
        found = sitting_log.find_open_bout()
        assert found is not None
        assert found.last_activity_mono is not None
        # The app starts 30 s after the last write, same boot, no suspend: within the
        # away time, so the restart rule resumes the bout rather than closing it.
        clock = FakeClock(START)
        clock.advance(found.last_activity_mono - 1000.0 + 30)
        with running_desk(sitting_log, START, tmp_path, clock=clock) as desk:
            status = desk.coordinator.status()
            assert status["state"] == "sitting"
            assert status["desk_seconds"] >= found.desk_s
            assert datetime.fromisoformat(status["bout_start"]) == START
            resumed = sitting_log.find_open_bout()
            assert resumed is not None
            assert (resumed.id, resumed.start) == (found.id, found.start)  # the same bout
            assert resumed.session_id == 6  # now this run's (5 runs were killed before)
    with closing(sqlite3.connect(db_path)) as raw:
        assert raw.execute("SELECT count(*) FROM bouts").fetchone() == (1,)
        sessions = raw.execute("SELECT end_reason FROM app_sessions ORDER BY id").fetchall()
        assert sessions == [("crash",)] * 5 + [("quit",)]
