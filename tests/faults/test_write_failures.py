"""A log that cannot be written never stops the reminders, and loses nothing it had.

Real SittingLog files on a real full tmpfs, behind a real exclusive lock held by another
process, and through a real read-only bind mount; the real coordinator samples them with
a fake clock. The user must see: the prompt on time, one warning (not one per sample),
the history still there, and once writing works again, the log caught up with what
happened meanwhile.
"""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from app.core.model import BoutEndReason
from app.storage import SittingLog
from tests.faults.rig import Desk, running_desk
from tests.helpers.faults import exclusive_lock_held, fill_up, read_only_view, small_tmpfs

START = datetime(2026, 3, 2, 9, 0, tzinfo=ZoneInfo("Europe/Berlin"))

pytestmark = pytest.mark.timeout(120)


def _rows(db_path: Path, sql: str) -> list[tuple[Any, ...]]:
    """Read with a connection of its own, as another program (or the next start) would."""
    with closing(sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)) as conn:
        return conn.execute(sql).fetchall()


def _bouts(db_path: Path) -> list[tuple[Any, ...]]:
    return _rows(db_path, "SELECT id, start_utc, end_utc, desk_s FROM bouts ORDER BY id")


def _assert_intact(db_path: Path) -> None:
    assert _rows(db_path, "PRAGMA integrity_check") == [("ok",)]


def _prompt_during_trouble(desk: Desk) -> None:
    """Sit on into the stand-up window; the prompt must come although nothing is written."""
    desk.type_for(39 * 60)
    desk.pause_then_type()
    assert [prompt.reminder for prompt in desk.prompts] == [0], "the reminder did not come"


def _assert_caught_up(desk: Desk, db_path: Path, first_bout: tuple[Any, ...]) -> None:
    """The log now holds the bout as the engine has it and the prompt shown meanwhile."""
    assert desk.coordinator.log_in_sync
    desk_seconds = desk.desk_seconds
    bouts = _bouts(db_path)
    assert [row[:3] for row in bouts] == [first_bout[:3]]  # the same bout, still open
    assert bouts[0][3] == pytest.approx(desk_seconds, abs=61)
    assert bouts[0][3] > first_bout[3] + 30 * 60
    prompt = desk.prompts[0]
    assert _rows(db_path, "SELECT bout_id, shown_utc, desk_s FROM prompts") == [
        (first_bout[0], prompt.at.timestamp(), pytest.approx(prompt.desk_s))
    ]
    _assert_intact(db_path)


def test_a_full_disk_keeps_reminding_warns_once_and_the_log_catches_up(tmp_path: Path) -> None:
    folder = small_tmpfs()
    db_path = folder / "sitbreak.db"
    sitting_log = SittingLog.open(db_path)
    try:
        with running_desk(sitting_log, START, tmp_path) as desk:
            desk.type_for(10 * 60)
            before = _bouts(db_path)
            assert len(before) == 1
            assert before[0][3] >= 9 * 60
            filler = fill_up(folder)

            _prompt_during_trouble(desk)

            assert len(desk.notices) == 1, desk.notices
            assert "disk is full" in desk.notices[0]
            assert "Reminders go on" in desk.notices[0]
            assert not desk.coordinator.log_in_sync
            assert _bouts(db_path) == before  # what it had is untouched
            _assert_intact(db_path)

            filler.unlink()  # the user makes room
            desk.type_for(60)

            _assert_caught_up(desk, db_path, before[0])
            assert len(desk.notices) == 1
    finally:
        sitting_log.close()
        shutil.rmtree(folder)


def test_a_database_locked_by_another_process_keeps_reminding_and_catches_up(
    tmp_path: Path,
) -> None:
    db_path = tmp_path / "sitbreak.db"
    with (
        SittingLog.open(db_path) as sitting_log,
        running_desk(sitting_log, START, tmp_path) as desk,
    ):
        desk.type_for(10 * 60)
        before = _bouts(db_path)
        desk.type_for(39 * 60)

        with exclusive_lock_held(db_path):  # longer than the 2 s busy timeout
            desk.pause_then_type()
            assert [prompt.reminder for prompt in desk.prompts] == [0]
            desk.type_for(60)
            assert len(desk.notices) == 1, desk.notices
            assert "another program holds the database locked" in desk.notices[0]
            assert not desk.coordinator.log_in_sync

        assert _bouts(db_path)[0][3] < desk.desk_seconds - 60  # not written while locked
        desk.type_for(60)

        _assert_caught_up(desk, db_path, before[0])
        assert len(desk.notices) == 1


def test_a_bout_ended_while_the_disk_is_full_is_closed_in_the_log_later(tmp_path: Path) -> None:
    """Nothing that happens during the trouble is lost: a whole bout ends and a new starts."""
    folder = small_tmpfs()
    db_path = folder / "sitbreak.db"
    sitting_log = SittingLog.open(db_path)
    try:
        with running_desk(sitting_log, START, tmp_path) as desk:
            desk.type_for(5 * 60)
            filler = fill_up(folder)
            desk.type_for(10 * 60)
            desk.coordinator.stand_up_now()  # the user takes a break: the bout ends
            desk.clock.advance(10 * 60)
            desk.type_for(5 * 60)  # and sits down again
            assert len(_bouts(db_path)) == 1

            filler.unlink()
            desk.type_for(60)

            assert desk.coordinator.log_in_sync
            rows = _rows(db_path, "SELECT end_reason, desk_s FROM bouts ORDER BY id")
            assert [reason for reason, _ in rows] == [BoutEndReason.STAND_UP.value, None]
            assert rows[0][1] == pytest.approx(15 * 60, abs=61)
            assert rows[1][1] == pytest.approx(desk.desk_seconds, abs=61)
            assert len(desk.notices) == 1
            _assert_intact(db_path)
    finally:
        sitting_log.close()
        shutil.rmtree(folder)


def test_a_read_only_data_folder_keeps_reminding_warns_once_and_keeps_the_history(
    tmp_path: Path,
) -> None:
    view = read_only_view()
    # The history, written while the folder was writable; an open connection keeps the
    # write-ahead files in place, as a crash would have left them.
    history = SittingLog.open(view.writable / "sitbreak.db")
    try:
        session = history.start_session(START - timedelta(hours=1), "x11", "0.1.0")
        earlier = history.open_bout(
            session, START - timedelta(hours=1), False, START - timedelta(hours=1)
        )
        history.close_bout(earlier, START - timedelta(minutes=30), BoutEndReason.AWAY, 1800.0)
        before = _bouts(view.writable / "sitbreak.db")

        read_only_log = SittingLog.open(view.read_only / "sitbreak.db")
        with read_only_log, running_desk(read_only_log, START, tmp_path) as desk:
            assert len(desk.notices) == 1, desk.notices
            assert "read-only" in desk.notices[0]
            desk.type_for(10 * 60)
            _prompt_during_trouble(desk)
            status = desk.coordinator.status()
            assert status["today"]["bouts"] == 1  # the history is still shown
            assert status["today"]["desk_seconds"] == pytest.approx(1800.0)
            assert len(desk.notices) == 1

        assert _bouts(view.writable / "sitbreak.db") == before
        _assert_intact(view.writable / "sitbreak.db")
    finally:
        history.close()
        shutil.rmtree(view.writable)
