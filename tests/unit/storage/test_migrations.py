"""Migrations by PRAGMA user_version: applied once, all or nothing, never on a newer file."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from app.core.model import BoutEndReason
from app.storage.errors import MigrationError, NewerDatabaseError
from app.storage.log import SittingLog
from app.storage.migrations import MIGRATIONS, SCHEMA_VERSION, migrate, split_statements
from tests.unit.storage.conftest import BERLIN

MORNING = datetime(2024, 6, 3, 9, 0, tzinfo=BERLIN)
TABLES = {
    "app_sessions",
    "bouts",
    "prompts",
    "prompt_exercises",
    "routine_runs",
    "routine_steps",
    "walks",
    "daily_goals",
}


@pytest.fixture
def raw_connection(db_path: Path) -> Iterator[sqlite3.Connection]:
    db_path.parent.mkdir(parents=True, exist_ok=True)
    connection = sqlite3.connect(db_path)
    yield connection
    connection.close()


def _version(connection: sqlite3.Connection) -> int:
    return int(connection.execute("PRAGMA user_version").fetchone()[0])


def _schema(connection: sqlite3.Connection) -> list[tuple[str, str, str]]:
    return connection.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name"
    ).fetchall()


def _tables(connection: sqlite3.Connection) -> set[str]:
    return {name for kind, name, _ in _schema(connection) if kind == "table"}


def _fill_log(db_path: Path) -> None:
    """A current log with a closed bout, its prompt and exercise, and a bout still open."""
    with SittingLog.open(db_path) as log:
        session = log.start_session(MORNING, "x11-screensaver", "0.1.0")
        bout = log.open_bout(session, MORNING, estimated=False, last_activity=MORNING)
        prompt = log.add_prompt(bout, MORNING + timedelta(minutes=46), 2760.0)
        log.record_exercise_shown(
            prompt, MORNING + timedelta(minutes=47), "glute-bridge", "Glute bridge", ["glutes"]
        )
        log.close_bout(bout, MORNING + timedelta(minutes=50), BoutEndReason.STAND_UP, 3000.0)
        later = MORNING + timedelta(hours=1)
        log.open_bout(session, later, estimated=True, last_activity=later)


def _rows(connection: sqlite3.Connection) -> dict[str, list[tuple[object, ...]]]:
    return {
        table: connection.execute(f"SELECT * FROM {table} ORDER BY rowid").fetchall()
        for table in sorted(TABLES)
    }


def _add_manual_end_reason(connection: sqlite3.Connection) -> str:
    """A realistic future migration: widen a CHECK by SQLite's table-rebuild recipe."""
    (bouts_sql,) = connection.execute(
        "SELECT sql FROM sqlite_master WHERE name = 'bouts'"
    ).fetchone()
    widened = bouts_sql.replace("CREATE TABLE bouts", "CREATE TABLE bouts_new").replace(
        "'crash')", "'crash', 'manual')"
    )
    assert widened.count("bouts_new") == 1
    assert "'manual'" in widened
    return f"""
        {widened};
        INSERT INTO bouts_new SELECT * FROM bouts;
        DROP TABLE bouts;
        ALTER TABLE bouts_new RENAME TO bouts;
        CREATE INDEX bouts_by_start ON bouts (start_utc);
        CREATE UNIQUE INDEX bouts_single_open ON bouts ((end_utc IS NULL)) WHERE end_utc IS NULL;
        ALTER TABLE prompts ADD COLUMN exercise TEXT;  -- and a plain new column; done.
    """


# ---------------------------------------------------------------------- the current version
def test_an_empty_database_is_migrated_to_the_current_version(raw_connection):
    assert migrate(raw_connection) == SCHEMA_VERSION == len(MIGRATIONS)

    assert _version(raw_connection) == SCHEMA_VERSION
    assert _tables(raw_connection) == TABLES
    index_names = {name for kind, name, _ in _schema(raw_connection) if kind == "index"}
    assert index_names == {
        "bouts_by_start",
        "bouts_single_open",
        "prompts_by_shown",
        "prompt_exercises_by_shown",
        "routine_runs_by_start",
        "routine_steps_by_run",
        "walks_by_start",
        "bouts_by_span",
        "app_sessions_by_start",
        "app_sessions_by_span",
        "prompt_exercises_by_response",
        "routine_steps_by_finished",
        "routine_runs_by_end",
    }


def test_reopening_the_log_changes_neither_schema_nor_data(db_path):
    _fill_log(db_path)
    with closing(sqlite3.connect(db_path)) as first_look:
        schema, rows = _schema(first_look), _rows(first_look)

    for _ in range(2):
        SittingLog.open(db_path).close()

    with closing(sqlite3.connect(db_path)) as second_look:
        assert _version(second_look) == SCHEMA_VERSION
        assert _schema(second_look) == schema
        assert _rows(second_look) == rows


def test_a_database_from_a_newer_sitbreak_is_refused_and_not_touched(db_path, raw_connection):
    raw_connection.execute("CREATE TABLE from_the_future (x)")
    raw_connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    raw_connection.commit()
    raw_connection.close()
    before = {path.name: path.read_bytes() for path in db_path.parent.iterdir()}

    with pytest.raises(NewerDatabaseError) as info:
        SittingLog.open(db_path)

    assert str(db_path) in str(info.value)
    assert f"schema version {SCHEMA_VERSION + 5}" in str(info.value)
    assert (info.value.found, info.value.known) == (SCHEMA_VERSION + 5, SCHEMA_VERSION)
    assert {path.name: path.read_bytes() for path in db_path.parent.iterdir()} == before


# ---------------------------------------------------------------------- the mechanism
def test_a_future_migration_applies_on_top_of_the_current_one_and_keeps_every_row(db_path):
    _fill_log(db_path)
    connection = sqlite3.connect(db_path)
    connection.execute("PRAGMA foreign_keys = ON")
    rows_before = _rows(connection)
    future = SCHEMA_VERSION + 1

    assert migrate(connection, (*MIGRATIONS, _add_manual_end_reason(connection))) == future

    assert _version(connection) == future
    assert connection.execute("PRAGMA foreign_keys").fetchone() == (1,)  # restored
    assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert _rows(connection)["bouts"] == rows_before["bouts"]
    assert [row[:-1] for row in _rows(connection)["prompts"]] == rows_before["prompts"]
    assert _rows(connection)["prompt_exercises"] == rows_before["prompt_exercises"]
    with connection:  # the widened CHECK takes the new reason
        connection.execute(
            "UPDATE bouts SET end_utc = start_utc + 60, end_offset_s = 7200,"
            " end_reason = 'manual' WHERE end_utc IS NULL"
        )
    with pytest.raises(sqlite3.IntegrityError, match="UNIQUE"), connection:
        connection.executemany(  # the rebuilt table still allows one open bout only
            "INSERT INTO bouts (session_id, start_utc, start_offset_s, estimated,"
            " last_activity_utc, last_activity_offset_s) VALUES (1, ?, 0, 0, ?, 0)",
            [(2e9, 2e9), (2e9 + 1, 2e9 + 1)],
        )
    connection.close()


def test_this_version_refuses_the_log_once_a_future_migration_ran(db_path):
    _fill_log(db_path)
    connection = sqlite3.connect(db_path)
    migrate(connection, (*MIGRATIONS, "ALTER TABLE prompts ADD COLUMN exercise TEXT;"))
    connection.close()
    before = db_path.read_bytes()

    with pytest.raises(
        NewerDatabaseError,
        match=f"version {SCHEMA_VERSION + 1}, but this Sitbreak knows only up to",
    ):
        SittingLog.open(db_path)

    assert db_path.read_bytes() == before


def test_a_fresh_database_runs_every_migration_in_order(raw_connection):
    future = (
        "CREATE TABLE exercises (id INTEGER PRIMARY KEY, name TEXT NOT NULL);",
        "ALTER TABLE exercises ADD COLUMN muscle TEXT NOT NULL DEFAULT 'glutes';",
    )

    assert migrate(raw_connection, (*MIGRATIONS, *future)) == SCHEMA_VERSION + 2

    columns = [row[1] for row in raw_connection.execute("PRAGMA table_info(exercises)")]
    assert columns == ["id", "name", "muscle"]


def test_a_failing_migration_leaves_the_database_at_the_previous_version(db_path):
    _fill_log(db_path)
    connection = sqlite3.connect(db_path)
    broken = "CREATE TABLE notes (text TEXT); INSERT INTO no_such_table VALUES (1);"

    with pytest.raises(MigrationError, match="no such table") as info:
        migrate(connection, (*MIGRATIONS, broken))

    assert f"unchanged at version {SCHEMA_VERSION}" in str(info.value)
    assert str(db_path) in str(info.value)
    assert _version(connection) == SCHEMA_VERSION
    assert "notes" not in _tables(connection)
    assert not connection.in_transaction
    connection.close()


def test_a_migration_that_would_orphan_rows_is_rolled_back(db_path):
    _fill_log(db_path)
    connection = sqlite3.connect(db_path)
    rows_before = _rows(connection)

    with pytest.raises(MigrationError, match="break foreign keys"):
        migrate(connection, (*MIGRATIONS, "DELETE FROM app_sessions;"))

    assert _version(connection) == SCHEMA_VERSION
    assert _rows(connection) == rows_before
    connection.close()


def test_scripts_split_only_where_a_statement_really_ends():
    script = """
        CREATE TABLE notes (text TEXT DEFAULT 'a; b');  -- a comment; with a semicolon
        CREATE TRIGGER notes_stamp AFTER INSERT ON notes BEGIN
            UPDATE notes SET text = text || ';' WHERE rowid = new.rowid;
        END;
        INSERT INTO notes DEFAULT VALUES
    """

    statements = split_statements(script)

    assert len(statements) == 3
    assert statements[1].startswith("-- a comment; with a semicolon\n")
    assert statements[1].endswith("END;")
    connection = sqlite3.connect(":memory:")
    for statement in statements:
        connection.execute(statement)
    assert connection.execute("SELECT text FROM notes").fetchall() == [("a; b;",)]
    connection.close()
