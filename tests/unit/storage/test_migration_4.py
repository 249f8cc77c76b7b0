"""Migration 4 (the statistics' indexes) on a log that version 3 wrote: nothing changes
but the indexes, and the statistics queries use them."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from app.core.model import BoutEndReason
from app.storage.log import SittingLog
from app.storage.migrations import MIGRATIONS, migrate
from app.storage.records import SessionEndReason
from app.storage.stats import StatsReader

BERLIN = ZoneInfo("Europe/Berlin")
START = datetime(2026, 3, 2, 9, 0, tzinfo=BERLIN)
NEW_INDEXES = {
    "bouts_by_span",
    "app_sessions_by_start",
    "app_sessions_by_span",
    "prompt_exercises_by_response",
    "routine_steps_by_finished",
    "routine_runs_by_end",
}


def _write_version_3(path: Path) -> None:
    """An empty log at version 3, the schema package C's release writes."""
    with closing(sqlite3.connect(path)) as raw:
        migrate(raw, MIGRATIONS[:3])


def _indexes(connection: sqlite3.Connection) -> set[str]:
    return {
        str(row[0])
        for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'index'")
    }


def test_version_3_upgrades_to_4_with_the_statistics_indexes(tmp_path: Path) -> None:
    path = tmp_path / "sitbreak.db"
    _write_version_3(path)
    with closing(sqlite3.connect(path)) as raw:
        before = _indexes(raw)
        raw.execute(
            "INSERT INTO app_sessions (started_utc, started_offset_s, last_seen_utc,"
            " last_seen_offset_s, idle_backend, app_version) VALUES (?, 3600, ?, 3600, 'x', '1')",
            (START.timestamp(), START.timestamp() + 3600),
        )
        raw.commit()
    assert not before & NEW_INDEXES

    with SittingLog.open(path) as log:
        sessions = log.close_stale_sessions()
    with closing(sqlite3.connect(path)) as raw:
        assert int(raw.execute("PRAGMA user_version").fetchone()[0]) == 4
        assert _indexes(raw) >= NEW_INDEXES
        assert raw.execute("SELECT COUNT(*) FROM app_sessions").fetchone()[0] == 1
    assert sessions == (1,)


def test_the_day_queries_search_indexes_instead_of_scanning(tmp_path: Path) -> None:
    path = tmp_path / "sitbreak.db"
    with SittingLog.open(path) as log:
        session = log.start_session(START, "test", "0")
        bout = log.open_bout(session, START, estimated=False, last_activity=START)
        log.close_bout(bout, START + timedelta(minutes=40), BoutEndReason.AWAY, 2400)
        log.end_session(session, START + timedelta(hours=2), SessionEndReason.QUIT)
    with closing(sqlite3.connect(path)) as raw:
        plans = {
            sql: " ".join(str(row[3]) for row in raw.execute("EXPLAIN QUERY PLAN " + sql))
            for sql in (
                "SELECT MAX(end_utc - start_utc) FROM bouts",
                "SELECT MAX(COALESCE(ended_utc, last_seen_utc) - started_utc) FROM app_sessions",
                "SELECT id FROM app_sessions WHERE started_utc < 5 AND started_utc >= 1",
                "SELECT id FROM prompt_exercises WHERE response_utc >= 1 AND response_utc < 5",
                "SELECT id FROM routine_steps WHERE finished_utc >= 1 AND finished_utc < 5",
            )
        }
    for sql, plan in plans.items():
        assert "INDEX" in plan, f"{sql}: {plan}"
        assert "SCAN" not in plan, f"{sql}: {plan}"

    with StatsReader.open(path) as reader:
        report = reader.day_report(date(2026, 3, 2), BERLIN, START + timedelta(days=1), None)
    assert report.totals.desk_s == 2400
