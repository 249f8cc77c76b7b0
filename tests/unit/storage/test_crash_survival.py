"""A bout in progress survives ``kill -9``: a real process writes, then is killed outright."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
from contextlib import closing
from datetime import datetime, timedelta, timezone
from pathlib import Path

import app
from app.storage.log import SittingLog
from app.storage.records import OpenBout, SessionEndReason

SUMMER = timezone(timedelta(hours=2))
START = datetime(2024, 6, 3, 9, 0, tzinfo=SUMMER)

# Opens the log, starts a session and a bout, updates the bout once a "minute" for 20
# minutes, then sends itself SIGKILL: no close, no checkpoint, no atexit.
_WRITER = """
import os, signal, sys
from datetime import datetime, timedelta, timezone
from pathlib import Path
from app.core.model import BoutEndReason
from app.storage.log import SittingLog

zone = timezone(timedelta(hours=2))
start = datetime(2024, 6, 3, 9, 0, tzinfo=zone)
log = SittingLog.open(Path(sys.argv[1]))
session = log.start_session(start, "x11-screensaver", "0.1.0")
earlier = log.open_bout(session, start - timedelta(hours=1), False, start - timedelta(hours=1))
log.close_bout(earlier, start - timedelta(minutes=30), BoutEndReason.AWAY, 1800.0)
bout = log.open_bout(session, start, False, start)
for minute in range(1, 21):
    at = start + timedelta(minutes=minute)
    log.update_bout(
        bout,
        start=start,
        desk_s=minute * 60.0,
        estimated=False,
        last_activity=at,
        last_activity_mono=1000.0 + minute * 60,
        last_activity_boot=5000.0 + minute * 60,
        boot_id="boot-a",
    )
    log.touch_session(session, at)
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_a_bout_in_progress_survives_kill_9(db_path: Path) -> None:
    project_root = Path(app.__file__).resolve().parent.parent
    writer = subprocess.run(
        [sys.executable, "-c", _WRITER, str(db_path)],
        cwd=project_root,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert writer.returncode == -signal.SIGKILL, writer.stderr
    wal = Path(f"{db_path}-wal")
    assert wal.stat().st_size > 0  # the updates live only in the write-ahead log
    with closing(sqlite3.connect(db_path)) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchall() == [("ok",)]

    with SittingLog.open(db_path) as log:
        assert log.find_open_bout() == OpenBout(
            id=2,
            session_id=1,
            start=START,
            estimated=False,
            desk_s=1200.0,
            last_activity=START + timedelta(minutes=20),
            last_activity_mono=2200.0,
            last_activity_boot=6200.0,
            boot_id="boot-a",
        )
        assert log.close_stale_sessions() == (1,)
        new_session = log.start_session(START + timedelta(minutes=21), "x11", "0.1.0")
        log.end_session(new_session, START + timedelta(minutes=22), SessionEndReason.QUIT)

    with closing(sqlite3.connect(db_path)) as raw:
        assert raw.execute(
            "SELECT ended_utc, end_reason FROM app_sessions WHERE id = 1"
        ).fetchone() == ((START + timedelta(minutes=20)).timestamp(), "crash")
        assert raw.execute("SELECT count(*) FROM bouts").fetchone() == (2,)
