"""Migration 3 (routines, walks, daily goals) on a log that version 2 wrote: nothing is lost.

The version-2 file is the foundation release's file (``data/foundation-v1.sqlite``)
upgraded by migrations 1-2 only, with a day of exercises shown written by version 2's SQL:
the file a user of the exercise-library release has when they upgrade.
"""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from app.storage.log import SittingLog
from app.storage.migrations import MIGRATIONS, SCHEMA_VERSION, migrate
from app.storage.records import ExerciseResponse
from tests.unit.storage.conftest import BERLIN

FOUNDATION_V1 = Path(__file__).parent / "data" / "foundation-v1.sqlite"
V2_TABLES = ("app_sessions", "bouts", "prompts", "prompt_exercises")
V3_TABLES = ("routine_runs", "routine_steps", "walks", "daily_goals")
MONDAY = datetime(2024, 6, 3, 8, 0, tzinfo=BERLIN)
"""The foundation fixture's day."""

V2_EXERCISE_ROWS = (
    # prompt, shown (min after 08:00), id, name, muscles, response, answered (min)
    (1, 53.0, "glute-bridge", "Glute bridge", '["glutes","hamstrings"]', "done", 55.0),
    (
        2,
        140.5,
        "seated-hamstring-stretch",
        "Seated hamstring stretch",
        '["hamstrings"]',
        "another",
        141.0,
    ),
    (2, 141.0, "calf-raise", "Calf raise", '["calves"]', "snooze", 141.5),
    (None, 300.0, "standing-march", "Standing march", "[]", None, None),
)


def _version(connection: sqlite3.Connection) -> int:
    return int(connection.execute("PRAGMA user_version").fetchone()[0])


def _schema(connection: sqlite3.Connection, tables: tuple[str, ...]) -> list[tuple[str, str]]:
    marks = ", ".join("?" * len(tables))
    return connection.execute(
        f"SELECT name, sql FROM sqlite_master WHERE tbl_name IN ({marks}) ORDER BY name", tables
    ).fetchall()


def _rows(connection: sqlite3.Connection, table: str) -> list[tuple[object, ...]]:
    return connection.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()


def _epoch(minutes: float) -> float:
    return (MONDAY + timedelta(minutes=minutes)).timestamp()


@pytest.fixture
def version_2_log(db_path: Path) -> Path:
    """A version-2 log with sessions, bouts, prompts and answered exercises in it."""
    db_path.parent.mkdir(mode=0o700, parents=True)
    shutil.copyfile(FOUNDATION_V1, db_path)
    with closing(sqlite3.connect(db_path)) as raw:
        assert migrate(raw, MIGRATIONS[:2]) == 2
        with raw:
            raw.executemany(
                "INSERT INTO prompt_exercises (prompt_id, shown_utc, shown_offset_s, exercise_id,"
                " exercise_name, muscles, response, response_utc, response_offset_s)"
                " VALUES (?, ?, 7200, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        prompt,
                        _epoch(shown),
                        exercise_id,
                        name,
                        muscles,
                        response,
                        None if answered is None else _epoch(answered),
                        None if answered is None else 7200,
                    )
                    for prompt, shown, exercise_id, name, muscles, response, answered in (
                        V2_EXERCISE_ROWS
                    )
                ],
            )
    return db_path


def test_a_version_2_log_upgrades_and_keeps_every_row_and_definition(version_2_log):
    with closing(sqlite3.connect(version_2_log)) as before:
        assert _version(before) == 2
        rows_before = {table: _rows(before, table) for table in V2_TABLES}
        schema_before = _schema(before, V2_TABLES[:3])

    SittingLog.open(version_2_log).close()

    with closing(sqlite3.connect(version_2_log)) as after:
        assert _version(after) == SCHEMA_VERSION >= 3
        # Not rebuilt (a later migration may add indexes to them, never change these).
        assert set(schema_before) <= set(_schema(after, V2_TABLES[:3]))
        for table in ("app_sessions", "bouts", "prompts"):
            assert _rows(after, table) == rows_before[table]
        # prompt_exercises gained one column at the end, NULL (unknown) in the old rows.
        exercises_after = _rows(after, "prompt_exercises")
        assert [row[:-1] for row in exercises_after] == rows_before["prompt_exercises"]
        assert [row[-1] for row in exercises_after] == [None] * len(V2_EXERCISE_ROWS)
        assert {name for (name,) in after.execute("SELECT name FROM sqlite_master")} >= set(
            V3_TABLES
        )
        for table in V3_TABLES:
            assert after.execute(f"SELECT count(*) FROM {table}").fetchone() == (0,)
        assert after.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert after.execute("PRAGMA foreign_key_check").fetchall() == []


def test_old_exercises_without_a_category_count_as_done_but_not_as_stretch_or_glutes(
    version_2_log,
):
    """Version 2 did not keep categories; guessing them would invent stretch minutes."""
    with SittingLog.open(version_2_log) as log:
        activity = log.day_activity(MONDAY, MONDAY + timedelta(days=1))

    assert activity.exercises_done == 1  # the glute bridge
    assert activity.stretch_s == 0.0
    assert activity.glute_done is False


def test_the_upgraded_log_takes_new_rows_next_to_the_old_ones(version_2_log, db_path):
    later = MONDAY + timedelta(hours=6)
    with SittingLog.open(version_2_log) as log:
        shown = log.record_exercise_shown(
            None, later, "clamshell", "Clamshell", ["glutes", "abductors"], category="activation"
        )
        log.resolve_exercise_shown(shown, ExerciseResponse.DONE, later + timedelta(minutes=2))
        log.add_walk(later, 600.0, "manual")

        assert log.recent_exercise_ids(limit=3) == ["calf-raise", "standing-march", "clamshell"]
        activity = log.day_activity(MONDAY, MONDAY + timedelta(days=1))

    assert (activity.exercises_done, activity.glute_done, activity.walk_s) == (2, True, 600.0)
    with closing(sqlite3.connect(db_path)) as raw:
        assert raw.execute(
            "SELECT exercise_id, category FROM prompt_exercises ORDER BY id DESC LIMIT 2"
        ).fetchall() == [("clamshell", "activation"), ("standing-march", None)]


def test_migration_3_alone_adds_its_tables_to_an_empty_version_2_log(db_path):
    db_path.parent.mkdir(parents=True)
    with closing(sqlite3.connect(db_path)) as raw:
        assert migrate(raw, MIGRATIONS[:2]) == 2
        assert migrate(raw, MIGRATIONS[:3]) == 3
        columns = [row[1] for row in raw.execute("PRAGMA table_info(prompt_exercises)")]
        assert columns[-1] == "category"
        indexes = {
            name
            for (name,) in raw.execute(
                "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN (?, ?, ?)",
                ("routine_runs", "routine_steps", "walks"),
            )
        }
        assert indexes == {"routine_runs_by_start", "routine_steps_by_run", "walks_by_start"}
