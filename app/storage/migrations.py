"""Numbered schema migrations; the database's version lives in ``PRAGMA user_version``.

``MIGRATIONS[n - 1]`` is the SQL script that takes a database from version ``n - 1`` to
``n``. A released migration is history and never changes: a later schema change is a new
script appended to ``MIGRATIONS`` (docs/schema.md says how). In particular the CHECK
lists below are literal on purpose; they must not follow the enums in ``app.core.model``,
or an old database and a new one would disagree about what version 1 means.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Final

from app.storage.errors import MigrationError, NewerDatabaseError

_V1_FOUNDATION: Final = """
-- One row per run of the app. last_seen_utc is a heartbeat: time between the end of one
-- session and the start of the next was not tracked, which is never shown as a break.
CREATE TABLE app_sessions (
    id                  INTEGER PRIMARY KEY,
    started_utc         REAL    NOT NULL,
    started_offset_s    INTEGER NOT NULL,
    last_seen_utc       REAL    NOT NULL,
    last_seen_offset_s  INTEGER NOT NULL,
    ended_utc           REAL,
    ended_offset_s      INTEGER,
    end_reason          TEXT    CHECK (end_reason IN ('quit', 'crash')),
    idle_backend        TEXT    NOT NULL,
    app_version         TEXT    NOT NULL,
    CHECK (last_seen_utc >= started_utc),
    CHECK (ended_utc >= started_utc),
    CHECK ((ended_utc IS NULL) = (ended_offset_s IS NULL)),
    CHECK ((ended_utc IS NULL) = (end_reason IS NULL))
);

-- One row per uninterrupted stretch of sitting. The last_activity_* columns let a restart
-- decide whether to resume the open bout (same boot, short gap) or close it.
CREATE TABLE bouts (
    id                      INTEGER PRIMARY KEY,
    session_id              INTEGER NOT NULL REFERENCES app_sessions (id),
    start_utc               REAL    NOT NULL,
    start_offset_s          INTEGER NOT NULL,
    end_utc                 REAL,
    end_offset_s            INTEGER,
    end_reason              TEXT    CHECK (end_reason IN
                                ('away', 'locked', 'suspended', 'stand_up', 'quit', 'crash')),
    desk_s                  REAL    NOT NULL DEFAULT 0 CHECK (desk_s >= 0),
    estimated               INTEGER NOT NULL CHECK (estimated IN (0, 1)),
    last_activity_utc       REAL    NOT NULL,
    last_activity_offset_s  INTEGER NOT NULL,
    last_activity_mono      REAL,
    last_activity_boot      REAL,
    boot_id                 TEXT,
    CHECK (end_utc >= start_utc),
    CHECK ((end_utc IS NULL) = (end_offset_s IS NULL)),
    CHECK ((end_utc IS NULL) = (end_reason IS NULL))
);
CREATE INDEX bouts_by_start ON bouts (start_utc);
-- Every open bout has the same key (1), so a second open bout breaks uniqueness.
CREATE UNIQUE INDEX bouts_single_open ON bouts ((end_utc IS NULL)) WHERE end_utc IS NULL;

-- One row per stand-up prompt; re-reminders update the same row.
CREATE TABLE prompts (
    id                  INTEGER PRIMARY KEY,
    bout_id             INTEGER REFERENCES bouts (id),
    shown_utc           REAL    NOT NULL,
    shown_offset_s      INTEGER NOT NULL,
    desk_s              REAL    NOT NULL CHECK (desk_s >= 0),
    reminders           INTEGER NOT NULL DEFAULT 0 CHECK (reminders >= 0),
    response            TEXT    CHECK (response IN ('done', 'snooze', 'skip', 'dismissed',
                                    'natural_break', 'no_answer', 'paused', 'quit')),
    response_utc        REAL,
    response_offset_s   INTEGER,
    CHECK (response_utc >= shown_utc),
    CHECK ((response IS NULL) = (response_utc IS NULL)),
    CHECK ((response IS NULL) = (response_offset_s IS NULL))
);
CREATE INDEX prompts_by_shown ON prompts (shown_utc);
"""

_V2_EXERCISES_SHOWN: Final = """
-- One row per exercise shown: a prompt shows one and "Another one" shows more; "Stand up
-- now" shows one without a prompt. Name and muscles are copies, because the user's own
-- exercise files change and the log must still say what was shown.
CREATE TABLE prompt_exercises (
    id                  INTEGER PRIMARY KEY,
    prompt_id           INTEGER REFERENCES prompts (id),
    shown_utc           REAL    NOT NULL,
    shown_offset_s      INTEGER NOT NULL,
    exercise_id         TEXT    NOT NULL CHECK (exercise_id <> ''),
    exercise_name       TEXT    NOT NULL,
    muscles             TEXT    NOT NULL
                                CHECK (json_valid(muscles) AND json_type(muscles) = 'array'),
    response            TEXT    CHECK (response IN ('done', 'another', 'snooze', 'skip', 'closed')),
    response_utc        REAL,
    response_offset_s   INTEGER,
    CHECK (response_utc >= shown_utc),
    CHECK ((response IS NULL) = (response_utc IS NULL)),
    CHECK ((response IS NULL) = (response_offset_s IS NULL))
);
CREATE INDEX prompt_exercises_by_shown ON prompt_exercises (shown_utc);
"""

_V3_COACH: Final = """
-- The stretch window's exercises now keep their category (NULL in older rows).
ALTER TABLE prompt_exercises ADD COLUMN category TEXT;

-- One row per run of a routine in the guided player.
CREATE TABLE routine_runs (
    id                 INTEGER PRIMARY KEY,
    routine_id         TEXT    NOT NULL CHECK (routine_id <> ''),
    routine_name       TEXT    NOT NULL,
    started_utc        REAL    NOT NULL,
    started_offset_s   INTEGER NOT NULL,
    ended_utc          REAL,
    ended_offset_s     INTEGER,
    outcome            TEXT    CHECK (outcome IN ('completed', 'stopped')),
    active_s           REAL    NOT NULL DEFAULT 0 CHECK (active_s >= 0),
    CHECK (ended_utc >= started_utc),
    CHECK ((ended_utc IS NULL) = (ended_offset_s IS NULL)),
    CHECK ((ended_utc IS NULL) = (outcome IS NULL))
);
CREATE INDEX routine_runs_by_start ON routine_runs (started_utc);

-- One row per exercise finished (done or skipped) inside a routine run.
CREATE TABLE routine_steps (
    id                 INTEGER PRIMARY KEY,
    run_id             INTEGER NOT NULL REFERENCES routine_runs (id),
    exercise_id        TEXT    NOT NULL CHECK (exercise_id <> ''),
    exercise_name      TEXT    NOT NULL,
    category           TEXT    NOT NULL,
    muscles            TEXT    NOT NULL
                               CHECK (json_valid(muscles) AND json_type(muscles) = 'array'),
    active_s           REAL    NOT NULL CHECK (active_s >= 0),
    outcome            TEXT    NOT NULL CHECK (outcome IN ('done', 'skipped')),
    finished_utc       REAL    NOT NULL,
    finished_offset_s  INTEGER NOT NULL
);
CREATE INDEX routine_steps_by_run ON routine_steps (run_id);

-- Walking: a walk exercise done (stretch window or routine) or minutes the user entered.
CREATE TABLE walks (
    id                 INTEGER PRIMARY KEY,
    start_utc          REAL    NOT NULL,
    start_offset_s     INTEGER NOT NULL,
    duration_s         REAL    NOT NULL CHECK (duration_s > 0),
    source             TEXT    NOT NULL CHECK (source IN ('manual', 'break', 'routine'))
);
CREATE INDEX walks_by_start ON walks (start_utc);

-- The day's essentials as the day-rollover job closed them (local calendar day).
CREATE TABLE daily_goals (
    day                TEXT    PRIMARY KEY
                               CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    walk_s             REAL    NOT NULL CHECK (walk_s >= 0),
    walk_goal_s        REAL    NOT NULL CHECK (walk_goal_s >= 0),
    stretch_s          REAL    NOT NULL CHECK (stretch_s >= 0),
    stretch_goal_s     REAL    NOT NULL CHECK (stretch_goal_s >= 0),
    glute_done         INTEGER NOT NULL CHECK (glute_done IN (0, 1)),
    strength_planned   INTEGER NOT NULL CHECK (strength_planned IN (0, 1)),
    strength_done      INTEGER NOT NULL CHECK (strength_done IN (0, 1)),
    met                INTEGER NOT NULL CHECK (met IN (0, 1)),
    closed_utc         REAL    NOT NULL,
    closed_offset_s    INTEGER NOT NULL
);
"""

_V4_STATISTICS: Final = """
-- Statistics cut the log into local days at query time. A day's bouts and sessions are
-- found by start time, bounded below by the longest span any of them has: these
-- expression indexes make that longest span (MAX(...)) a single index lookup.
CREATE INDEX bouts_by_span ON bouts ((end_utc - start_utc));
CREATE INDEX app_sessions_by_start ON app_sessions (started_utc);
CREATE INDEX app_sessions_by_span
    ON app_sessions ((COALESCE(ended_utc, last_seen_utc) - started_utc));
-- What was done belongs to the day it finished: an exercise to its answer, a routine
-- step and a routine run to their end.
CREATE INDEX prompt_exercises_by_response ON prompt_exercises (response_utc);
CREATE INDEX routine_steps_by_finished ON routine_steps (finished_utc);
CREATE INDEX routine_runs_by_end ON routine_runs (ended_utc);
"""

MIGRATIONS: Final[tuple[str, ...]] = (
    _V1_FOUNDATION,
    _V2_EXERCISES_SHOWN,
    _V3_COACH,
    _V4_STATISTICS,
    # Append new migrations here, never edit one above (see docs/schema.md).
)
"""Migration n (1-based) is ``MIGRATIONS[n - 1]``."""

SCHEMA_VERSION: Final = len(MIGRATIONS)
"""The schema version this code reads and writes."""


def database_version(conn: sqlite3.Connection) -> int:
    """The schema version recorded in the database (0 for a new, empty one)."""
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def refuse_newer(conn: sqlite3.Connection, known: int = SCHEMA_VERSION) -> None:
    """Raise ``NewerDatabaseError`` when a newer Sitbreak wrote this database."""
    found = database_version(conn)
    if found > known:
        raise NewerDatabaseError(database_file(conn), found, known)


def migrate(conn: sqlite3.Connection, migrations: Sequence[str] = MIGRATIONS) -> int:
    """Apply the migrations the database lacks; return the version it is now at.

    Each migration runs in its own ``BEGIN IMMEDIATE`` transaction together with its
    ``user_version`` bump, so a failure leaves the database at the previous version and
    two processes starting at once apply each migration exactly once. Foreign keys are off
    while migrating, because SQLite's table-rebuild recipe (the only way to change a
    CHECK) drops and renames tables; ``PRAGMA foreign_key_check`` runs before each commit.
    """
    target = len(migrations)
    refuse_newer(conn, target)
    current = database_version(conn)
    if current == target:
        return current
    if conn.in_transaction:
        raise RuntimeError("migrate() needs a connection with no open transaction")
    foreign_keys_were_on = bool(conn.execute("PRAGMA foreign_keys").fetchone()[0])
    conn.execute("PRAGMA foreign_keys = OFF")
    try:
        for version in range(current + 1, target + 1):
            _apply(conn, version, migrations[version - 1])
    finally:
        conn.execute(f"PRAGMA foreign_keys = {'ON' if foreign_keys_were_on else 'OFF'}")
    return database_version(conn)


def _apply(conn: sqlite3.Connection, version: int, script: str) -> None:
    conn.execute("BEGIN IMMEDIATE")
    try:
        if database_version(conn) >= version:  # another process applied it meanwhile
            conn.rollback()
            return
        for statement in split_statements(script):
            conn.execute(statement)
        broken = conn.execute("PRAGMA foreign_key_check").fetchall()
        if broken:
            raise MigrationError(
                database_file(conn), version, f"{len(broken)} rows break foreign keys"
            )
        conn.execute(f"PRAGMA user_version = {int(version)}")
        conn.commit()
    except sqlite3.Error as error:
        conn.rollback()
        raise MigrationError(database_file(conn), version, str(error)) from error
    except BaseException:
        conn.rollback()
        raise


def split_statements(script: str) -> list[str]:
    """Split an SQL script into single statements (``execute`` runs only one at a time).

    ``sqlite3.complete_statement`` decides where a statement ends, so semicolons inside
    strings, comments and trigger bodies do not split.
    """
    statements: list[str] = []
    start = 0
    for index, char in enumerate(script):
        if char == ";" and sqlite3.complete_statement(script[start : index + 1]):
            statements.append(script[start : index + 1].strip())
            start = index + 1
    rest = script[start:].strip()
    if rest:
        statements.append(rest)
    return statements


def database_file(conn: sqlite3.Connection) -> Path | None:
    """The file behind the connection's main database, for messages (None in memory)."""
    for _seq, name, file in conn.execute("PRAGMA database_list"):
        if name == "main" and file:
            return Path(file)
    return None
