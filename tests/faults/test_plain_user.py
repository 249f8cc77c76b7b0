"""Permission faults, checked as an unprivileged user: root would write through them.

A data folder the user may only read (a wrong ``chmod``, a folder copied from a backup):
the history stays readable and whole, a write fails with an error that the coordinator
treats as passing trouble (it retries and tells the user the folder is read-only), and a
log that cannot be created is refused with a message naming the file.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from app.core.model import BoutEndReason
from app.storage import SittingLog
from tests.helpers.faults import give_to_plain_user, plain_user_folder, run_as_plain_user

START = datetime(2026, 3, 2, 9, 0, tzinfo=ZoneInfo("Europe/Berlin"))

pytestmark = pytest.mark.timeout(120)

_TRY_TO_WRITE = """
import json, sys
from datetime import datetime, timezone
from pathlib import Path
from app.storage import SittingLog
from app.storage.health import describe_storage_trouble, is_storage_trouble

log = SittingLog.open(Path(sys.argv[1]))
result = {"history": log.day_summary(
    datetime(2026, 3, 2, tzinfo=timezone.utc), datetime(2026, 3, 3, tzinfo=timezone.utc),
    datetime(2026, 3, 2, 12, tzinfo=timezone.utc)).bouts}
try:
    log.start_session(datetime(2026, 3, 2, 10, tzinfo=timezone.utc), "scripted", "0.1.0")
    result["written"] = True
except Exception as error:
    result["written"] = False
    result["retry"] = is_storage_trouble(error)
    result["notice"] = describe_storage_trouble(error)
print(json.dumps(result))
"""

_OPEN = """
import sys
from pathlib import Path
from app.storage import SittingLog, StorageError
try:
    SittingLog.open(Path(sys.argv[1]))
except StorageError as error:
    print(error)
    sys.exit(3)
"""


@pytest.fixture
def user_folder() -> Iterator[Path]:
    with plain_user_folder() as folder:
        yield folder


def test_a_read_only_folder_keeps_the_history_and_writes_fail_as_passing_trouble(
    user_folder: Path,
) -> None:
    db_path = user_folder / "sitbreak.db"
    history = SittingLog.open(db_path)  # open: the write-ahead files stay, as after a crash
    try:
        session = history.start_session(START, "x11", "0.1.0")
        bout = history.open_bout(session, START, False, START)
        history.close_bout(bout, START + timedelta(minutes=40), BoutEndReason.AWAY, 2400.0)
        give_to_plain_user(user_folder)
        for item in user_folder.iterdir():
            item.chmod(0o400)
        user_folder.chmod(0o500)

        ran = run_as_plain_user(_TRY_TO_WRITE, str(db_path))

        assert ran.returncode == 0, ran.stderr
        result = json.loads(ran.stdout)
        assert result["history"] == 1
        assert result["written"] is False
        assert result["retry"] is True
        assert "read-only" in result["notice"]
    finally:
        history.close()
        user_folder.chmod(0o700)
    with closing(sqlite3.connect(db_path)) as raw:
        assert raw.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert raw.execute("SELECT desk_s FROM bouts").fetchall() == [(2400.0,)]


def test_a_log_in_a_folder_the_user_cannot_write_is_refused_by_name(user_folder: Path) -> None:
    user_folder.chmod(0o500)
    db_path = user_folder / "sitbreak.db"

    ran = run_as_plain_user(_OPEN, str(db_path))

    assert ran.returncode == 3, ran.stdout + ran.stderr
    assert str(db_path) in ran.stdout
    assert "Traceback" not in ran.stderr
    assert not db_path.exists()
