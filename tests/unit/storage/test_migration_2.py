"""Migration 2 (the exercises shown) on logs that version 1 wrote: nothing is lost.

``data/foundation-v1.sqlite`` was written by the foundation release's own code (see
``data/make_foundation_v1.py``): the file a user has when they upgrade.
"""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from app.core.model import BoutEndReason, PromptResponse
from app.storage.log import SittingLog
from app.storage.migrations import MIGRATIONS, SCHEMA_VERSION, migrate
from app.storage.records import ExerciseResponse, OpenBout

FOUNDATION_V1 = Path(__file__).parent / "data" / "foundation-v1.sqlite"
V1_TABLES = ("app_sessions", "bouts", "prompts")
BERLIN = ZoneInfo("Europe/Berlin")
MONDAY = datetime(2024, 6, 3, 8, 0, tzinfo=BERLIN)
"""The fixture's day starts here; its times are given below in minutes after it."""


def _at(minutes: float) -> datetime:
    return MONDAY + timedelta(minutes=minutes)


def _version(connection: sqlite3.Connection) -> int:
    return int(connection.execute("PRAGMA user_version").fetchone()[0])


def _v1_schema(connection: sqlite3.Connection) -> list[tuple[str, str]]:
    """The definitions of version 1's tables and indexes, as SQLite stores them."""
    return connection.execute(
        "SELECT name, sql FROM sqlite_master WHERE tbl_name IN (?, ?, ?) ORDER BY name",
        V1_TABLES,
    ).fetchall()


def _v1_rows(connection: sqlite3.Connection) -> dict[str, list[tuple[object, ...]]]:
    return {
        table: connection.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()
        for table in V1_TABLES
    }


@pytest.fixture
def foundation_log(db_path: Path) -> Path:
    """A copy of the foundation's file where the user keeps it; the original stays as it is."""
    db_path.parent.mkdir(mode=0o700, parents=True)
    shutil.copyfile(FOUNDATION_V1, db_path)
    return db_path


def test_the_fixture_is_a_version_1_log_with_a_day_in_it(foundation_log):
    with closing(sqlite3.connect(foundation_log)) as raw:
        assert _version(raw) == 1
        counts = {table: len(rows) for table, rows in _v1_rows(raw).items()}
    assert counts == {"app_sessions": 3, "bouts": 3, "prompts": 5}


def test_a_log_from_the_foundation_release_upgrades_and_keeps_every_row(foundation_log):
    with closing(sqlite3.connect(foundation_log)) as before:
        schema_before, rows_before = _v1_schema(before), _v1_rows(before)

    SittingLog.open(foundation_log).close()

    with closing(sqlite3.connect(foundation_log)) as after:
        assert _version(after) == SCHEMA_VERSION
        # version 1's tables are not rebuilt (later migrations may add indexes to them)
        assert set(schema_before) <= set(_v1_schema(after))
        assert _v1_rows(after) == rows_before
        assert after.execute("SELECT count(*) FROM prompt_exercises").fetchone() == (0,)
        assert after.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert after.execute("PRAGMA foreign_key_check").fetchall() == []
        assert after.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_the_upgraded_log_goes_on_where_the_foundation_release_stopped(foundation_log, db_path):
    """The app was killed mid-bout with a prompt waiting, then the new version started."""
    with SittingLog.open(foundation_log) as log:
        assert log.find_open_bout() == OpenBout(
            id=3,
            session_id=3,
            start=_at(241),
            estimated=False,
            desk_s=2880.0,
            last_activity=_at(289),
            last_activity_mono=12_345.5,
            last_activity_boot=23_456.25,
            boot_id="0d9c6a4e-foundation",
        )
        assert log.close_stale_sessions() == (3,)
        assert log.recent_exercise_ids() == []

        waiting_prompt = 5
        shown = log.record_exercise_shown(
            waiting_prompt, _at(300), "glute-bridge", "Glute bridge", ["glutes", "hamstrings"]
        )
        log.resolve_exercise_shown(shown, ExerciseResponse.DONE, _at(302))
        log.resolve_prompt(waiting_prompt, _at(302), PromptResponse.DONE)
        log.close_bout(3, _at(300), BoutEndReason.STAND_UP, 2880.0)

        assert log.recent_exercise_ids() == ["glute-bridge"]

    with closing(sqlite3.connect(db_path)) as raw:
        assert raw.execute(
            "SELECT p.response, e.exercise_id, e.response FROM prompt_exercises AS e"
            " JOIN prompts AS p ON p.id = e.prompt_id"
        ).fetchall() == [("done", "glute-bridge", "done")]


def test_migration_2_alone_adds_its_table_to_a_version_1_log_with_data(db_path):
    db_path.parent.mkdir(parents=True)
    with closing(sqlite3.connect(db_path)) as raw:
        assert migrate(raw, MIGRATIONS[:1]) == 1
        with raw:
            raw.execute(
                "INSERT INTO app_sessions (started_utc, started_offset_s, last_seen_utc,"
                " last_seen_offset_s, idle_backend, app_version) VALUES (1e9, 0, 1e9, 0, 'x', '0')"
            )
            raw.execute(
                "INSERT INTO prompts (shown_utc, shown_offset_s, desk_s) VALUES (1e9, 0, 0)"
            )
        schema_before, rows_before = _v1_schema(raw), _v1_rows(raw)

        assert migrate(raw, MIGRATIONS[:2]) == 2

        assert _v1_schema(raw) == schema_before
        assert _v1_rows(raw) == rows_before
        columns = [row[1] for row in raw.execute("PRAGMA table_info(prompt_exercises)")]
        assert columns == [
            "id",
            "prompt_id",
            "shown_utc",
            "shown_offset_s",
            "exercise_id",
            "exercise_name",
            "muscles",
            "response",
            "response_utc",
            "response_offset_s",
        ]
