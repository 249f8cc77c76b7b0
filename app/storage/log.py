"""``SittingLog``: the only code that writes SQL for the sitting log.

Times go in and come out as aware datetimes; the database keeps UTC epoch seconds plus
the UTC offset in force at that moment, so a day is cut at *local* midnight when queried
and a DST change never reorders anything. Every write is one short ``BEGIN IMMEDIATE``
transaction, which in WAL mode with ``synchronous=NORMAL`` survives a crash of the app.
"""

from __future__ import annotations

import json
import math
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from types import TracebackType
from typing import Final, Self

from app.core.clock import wall_from_utc
from app.core.exercise import Category
from app.core.goals import (
    GLUTE_ACTIVATION_CATEGORIES,
    GLUTE_MUSCLE,
    STRENGTH_DAY_ROUTINE_ID,
    STRETCH_CATEGORIES,
    STRETCH_WINDOW_CAP_S,
    DayActivity,
    DayGoalResult,
)
from app.core.model import BoutEndReason, PromptResponse
from app.storage.errors import (
    BoutAlreadyOpenError,
    CorruptDatabaseError,
    StorageError,
    UnknownRecordError,
)
from app.storage.files import prepare_database_file
from app.storage.migrations import SCHEMA_VERSION, migrate, refuse_newer
from app.storage.records import (
    DaySummary,
    ExerciseResponse,
    OpenBout,
    RoutineOutcome,
    SessionEndReason,
    StepOutcome,
    WalkSource,
)

BUSY_TIMEOUT_S: Final = 2.0
"""How long a write waits for another connection's lock (SQLite's busy_timeout)."""

_CORRUPTION_CODES: Final = frozenset({sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB})


class SittingLog:
    """The repository of app sessions, bouts, prompts, the exercises they showed, routine
    runs, walks and the days' goal results.

    Use ``SittingLog.open``, or ``SittingLog.opened_when_possible`` where the app must
    run on while the file cannot be opened yet.
    """

    def __init__(self, connection: sqlite3.Connection | None, path: Path) -> None:
        self._connection = connection
        self._path = path
        self._closed = False

    # ------------------------------------------------------------------ lifecycle
    @classmethod
    def open(cls, path: Path) -> Self:
        """Open (creating or migrating) the log at ``path``.

        Raises ``CorruptDatabaseError`` when the file is not a database or is damaged
        (nothing was written to it), ``NewerDatabaseError`` when a newer Sitbreak wrote it,
        ``MigrationError`` when an upgrade failed, ``StorageError`` for anything else
        (permissions, a locked file).
        """
        return cls(_connect(path), path)

    @classmethod
    def opened_when_possible(cls, path: Path) -> Self:
        """A log whose file cannot be opened now (a read-only or full folder, a lock).

        Every use tries to open it again and raises ``StorageError`` as ``open`` does
        until that works; from then on it is an open log like any other.
        """
        return cls(None, path)

    @property
    def path(self) -> Path:
        return self._path

    def close(self) -> None:
        """Close the connection; the last close folds the write-ahead log into the file."""
        self._closed = True
        if self._connection is not None:
            self._connection.close()  # later uses fail as on any closed connection

    @property
    def _conn(self) -> sqlite3.Connection:
        if self._connection is None:
            if self._closed:
                raise StorageError(f"the sitting log {self._path} is closed")
            self._connection = _connect(self._path)
        return self._connection

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    # ------------------------------------------------------------------ app sessions
    def start_session(self, at: datetime, idle_backend: str, app_version: str) -> int:
        """Record that the app started; returns the session id."""
        utc, offset = _stamp(at, "session start")
        with self._transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO app_sessions (started_utc, started_offset_s, last_seen_utc,"
                " last_seen_offset_s, idle_backend, app_version) VALUES (?, ?, ?, ?, ?, ?)",
                (utc, offset, utc, offset, idle_backend, app_version),
            )
            return _new_id(cursor)

    def touch_session(self, session_id: int, at: datetime) -> None:
        """Heartbeat: the app was running at ``at`` (a crash is dated to the last one)."""
        utc, offset = _stamp(at, "heartbeat")
        with self._transaction() as conn:
            cursor = conn.execute(
                "UPDATE app_sessions SET last_seen_utc = MAX(started_utc, ?),"
                " last_seen_offset_s = ? WHERE id = ? AND ended_utc IS NULL",
                (utc, offset, session_id),
            )
            _expect_one(cursor, f"no running app session with id {session_id}")

    def end_session(self, session_id: int, at: datetime, reason: SessionEndReason) -> None:
        """Record that the app stopped; ``at`` is clamped so it is never before the start."""
        utc, offset = _stamp(at, "session end")
        with self._transaction() as conn:
            cursor = conn.execute(
                "UPDATE app_sessions SET ended_utc = MAX(started_utc, ?), ended_offset_s = ?,"
                " end_reason = ?, last_seen_utc = MAX(started_utc, ?), last_seen_offset_s = ?"
                " WHERE id = ? AND ended_utc IS NULL",
                (utc, offset, SessionEndReason(reason).value, utc, offset, session_id),
            )
            _expect_one(cursor, f"no running app session with id {session_id}")

    def close_stale_sessions(self) -> tuple[int, ...]:
        """End every session left unclosed by a crash, at its last heartbeat, as 'crash'.

        Call it at start-up before ``start_session``. Returns the ids it closed.
        """
        with self._transaction() as conn:
            stale = tuple(
                int(row[0])
                for row in conn.execute(
                    "SELECT id FROM app_sessions WHERE ended_utc IS NULL ORDER BY id"
                )
            )
            conn.execute(
                "UPDATE app_sessions SET ended_utc = last_seen_utc,"
                " ended_offset_s = last_seen_offset_s, end_reason = ? WHERE ended_utc IS NULL",
                (SessionEndReason.CRASH.value,),
            )
        return stale

    # ------------------------------------------------------------------ bouts
    def open_bout(
        self, session_id: int, start: datetime, estimated: bool, last_activity: datetime
    ) -> int:
        """Record a new open bout; returns its id. Only one bout may be open at a time."""
        start_utc, start_offset = _stamp(start, "bout start")
        activity_utc, activity_offset = _stamp(last_activity, "last activity")
        try:
            with self._transaction() as conn:
                cursor = conn.execute(
                    "INSERT INTO bouts (session_id, start_utc, start_offset_s, estimated,"
                    " desk_s, last_activity_utc, last_activity_offset_s)"
                    " VALUES (?, ?, ?, ?, 0, ?, ?)",
                    (
                        session_id,
                        start_utc,
                        start_offset,
                        int(estimated),
                        activity_utc,
                        activity_offset,
                    ),
                )
                return _new_id(cursor)
        except sqlite3.IntegrityError as error:
            if error.sqlite_errorname == "SQLITE_CONSTRAINT_UNIQUE":
                open_bout = self.find_open_bout()
                which = f" (bout {open_bout.id})" if open_bout is not None else ""
                raise BoutAlreadyOpenError(
                    f"a bout is still open{which}; close it before opening another"
                ) from error
            if error.sqlite_errorname == "SQLITE_CONSTRAINT_FOREIGNKEY":
                raise UnknownRecordError(f"no app session with id {session_id}") from error
            raise

    def update_bout(
        self,
        bout_id: int,
        *,
        start: datetime,
        desk_s: float,
        estimated: bool,
        last_activity: datetime,
        last_activity_mono: float | None,
        last_activity_boot: float | None,
        boot_id: str | None,
    ) -> None:
        """Persist the open bout's progress, so a crash or ``kill -9`` loses at most this step.

        ``start`` moves only when the wall clock was set while the bout ran (the engine keeps
        the bout's true length); ``estimated`` turns on once idle detection stopped working.
        """
        _check_desk_s(desk_s)
        start_utc, start_offset = _stamp(start, "bout start")
        utc, offset = _stamp(last_activity, "last activity")
        with self._transaction() as conn:
            cursor = conn.execute(
                "UPDATE bouts SET start_utc = ?, start_offset_s = ?, desk_s = ?,"
                " estimated = ?, last_activity_utc = MAX(?, ?), last_activity_offset_s = ?,"
                " last_activity_mono = ?, last_activity_boot = ?, boot_id = ?"
                " WHERE id = ? AND end_utc IS NULL",
                (
                    start_utc,
                    start_offset,
                    desk_s,
                    int(estimated),
                    utc,
                    start_utc,
                    offset,
                    last_activity_mono,
                    last_activity_boot,
                    boot_id,
                    bout_id,
                ),
            )
            _expect_one(cursor, f"no open bout with id {bout_id}")

    def close_bout(self, bout_id: int, end: datetime, reason: BoutEndReason, desk_s: float) -> None:
        """Close the open bout. ``end`` is clamped so it is never before the bout's start
        (the wall clock may have been set back meanwhile)."""
        _check_desk_s(desk_s)
        utc, offset = _stamp(end, "bout end")
        with self._transaction() as conn:
            cursor = conn.execute(
                "UPDATE bouts SET end_utc = MAX(start_utc, ?), end_offset_s = ?,"
                " end_reason = ?, desk_s = ? WHERE id = ? AND end_utc IS NULL",
                (utc, offset, BoutEndReason(reason).value, desk_s, bout_id),
            )
            _expect_one(cursor, f"no open bout with id {bout_id}")

    def find_open_bout(self) -> OpenBout | None:
        """The bout left open (by a running app or by one that crashed), if any."""
        row = self._conn.execute(
            "SELECT id, session_id, start_utc, start_offset_s, estimated, desk_s,"
            " last_activity_utc, last_activity_offset_s, last_activity_mono,"
            " last_activity_boot, boot_id FROM bouts WHERE end_utc IS NULL"
        ).fetchone()
        if row is None:
            return None
        return OpenBout(
            id=int(row[0]),
            session_id=int(row[1]),
            start=wall_from_utc(float(row[2]), int(row[3])),
            estimated=bool(row[4]),
            desk_s=float(row[5]),
            last_activity=wall_from_utc(float(row[6]), int(row[7])),
            last_activity_mono=_optional_float(row[8]),
            last_activity_boot=_optional_float(row[9]),
            boot_id=None if row[10] is None else str(row[10]),
        )

    def reassign_bout(self, bout_id: int, session_id: int) -> None:
        """Move a resumed open bout to the app session that resumed it."""
        try:
            with self._transaction() as conn:
                cursor = conn.execute(
                    "UPDATE bouts SET session_id = ? WHERE id = ? AND end_utc IS NULL",
                    (session_id, bout_id),
                )
                _expect_one(cursor, f"no open bout with id {bout_id}")
        except sqlite3.IntegrityError as error:
            raise UnknownRecordError(f"no app session with id {session_id}") from error

    # ------------------------------------------------------------------ prompts
    def add_prompt(self, bout_id: int | None, at: datetime, desk_s: float) -> int:
        """Record that a stand-up prompt was shown after ``desk_s`` of desk time; returns its id."""
        _check_desk_s(desk_s)
        utc, offset = _stamp(at, "prompt time")
        try:
            with self._transaction() as conn:
                cursor = conn.execute(
                    "INSERT INTO prompts (bout_id, shown_utc, shown_offset_s, desk_s)"
                    " VALUES (?, ?, ?, ?)",
                    (bout_id, utc, offset, desk_s),
                )
                return _new_id(cursor)
        except sqlite3.IntegrityError as error:
            raise UnknownRecordError(f"no bout with id {bout_id}") from error

    def remind_prompt(self, prompt_id: int, reminders: int) -> None:
        """Record how many re-reminders the unanswered prompt has had so far."""
        if reminders < 0:
            raise ValueError(f"reminders must be 0 or more, got {reminders}")
        with self._transaction() as conn:
            cursor = conn.execute(
                "UPDATE prompts SET reminders = ? WHERE id = ? AND response IS NULL",
                (reminders, prompt_id),
            )
            _expect_one(cursor, f"no unanswered prompt with id {prompt_id}")

    def resolve_prompt(self, prompt_id: int, at: datetime, response: PromptResponse) -> None:
        """Record the prompt's outcome; ``at`` is clamped so it is never before it was shown."""
        utc, offset = _stamp(at, "response time")
        with self._transaction() as conn:
            cursor = conn.execute(
                "UPDATE prompts SET response = ?, response_utc = MAX(shown_utc, ?),"
                " response_offset_s = ? WHERE id = ? AND response IS NULL",
                (PromptResponse(response).value, utc, offset, prompt_id),
            )
            _expect_one(cursor, f"no unanswered prompt with id {prompt_id}")

    # ------------------------------------------------------------------ exercises shown
    def record_exercise_shown(
        self,
        prompt_id: int | None,
        at: datetime,
        exercise_id: str,
        name: str,
        muscles: Sequence[str],
        *,
        category: str | None = None,
    ) -> int:
        """Record that the stretch window showed an exercise; returns the row's id.

        ``prompt_id`` is the prompt being answered, None for "Stand up now". Each "Another
        one" is a new row. Name, muscles and category (a ``Category`` value) are stored as
        copies, because the exercise's file may change or disappear while the log must
        still say what was shown. The category decides whether a done exercise counts as
        stretch minutes or glute activation; None (as in rows older than version 3) counts
        as neither.
        """
        if not exercise_id:
            raise ValueError("an exercise shown needs its id, got an empty one")
        muscle_names = _muscle_list(muscles)
        category_value = None if category is None else _category(category)
        utc, offset = _stamp(at, "time the exercise was shown")
        try:
            with self._transaction() as conn:
                cursor = conn.execute(
                    "INSERT INTO prompt_exercises (prompt_id, shown_utc, shown_offset_s,"
                    " exercise_id, exercise_name, muscles, category)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (
                        prompt_id,
                        utc,
                        offset,
                        exercise_id,
                        name,
                        json.dumps(muscle_names, ensure_ascii=False),
                        category_value,
                    ),
                )
                return _new_id(cursor)
        except sqlite3.IntegrityError as error:
            if error.sqlite_errorname == "SQLITE_CONSTRAINT_FOREIGNKEY":
                raise UnknownRecordError(f"no prompt with id {prompt_id}") from error
            raise

    def resolve_exercise_shown(self, row_id: int, response: str, at: datetime) -> None:
        """Record what the user did with a shown exercise (an ``ExerciseResponse`` value).

        ``at`` is clamped so it is never before the exercise was shown. A row keeps its
        first answer: a second one is refused as a caller's bug.
        """
        try:
            answer = ExerciseResponse(response)
        except ValueError:
            known = ", ".join(value.value for value in ExerciseResponse)
            raise ValueError(
                f"unknown response {response!r} to an exercise shown (known: {known})"
            ) from None
        utc, offset = _stamp(at, "response time")
        with self._transaction() as conn:
            cursor = conn.execute(
                "UPDATE prompt_exercises SET response = ?, response_utc = MAX(shown_utc, ?),"
                " response_offset_s = ? WHERE id = ? AND response IS NULL",
                (answer.value, utc, offset, row_id),
            )
            _expect_one(cursor, f"no unanswered exercise shown with id {row_id}")

    def recent_exercise_ids(self, limit: int = 20) -> list[str]:
        """The ids of the last ``limit`` exercises shown, newest LAST: ``suggest``'s history.

        The order is the order they were shown, even if the wall clock was set back between
        them. Every showing counts, answered or not, so an exercise the user skipped or
        swapped with "Another one" is not offered again at once.
        """
        if limit < 0:
            raise ValueError(f"limit must be 0 or more, got {limit}")
        rows = self._conn.execute(
            "SELECT exercise_id FROM prompt_exercises ORDER BY id DESC LIMIT ?", (limit,)
        ).fetchall()
        return [str(row[0]) for row in reversed(rows)]

    # ------------------------------------------------------------------ routines
    def start_routine_run(self, routine_id: str, name: str, at: datetime) -> int:
        """Record that the guided player started a routine; returns the run's id."""
        if not routine_id:
            raise ValueError("a routine run needs the routine's id, got an empty one")
        utc, offset = _stamp(at, "routine start")
        with self._transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO routine_runs (routine_id, routine_name, started_utc,"
                " started_offset_s) VALUES (?, ?, ?, ?)",
                (routine_id, name, utc, offset),
            )
            return _new_id(cursor)

    def record_routine_step(
        self,
        run_id: int,
        *,
        exercise_id: str,
        name: str,
        category: str,
        muscles: Sequence[str],
        active_s: float,
        outcome: str,
        at: datetime,
    ) -> int:
        """Record one exercise of a routine run, finished at ``at`` (a ``StepOutcome``).

        ``active_s`` is the time the player spent on it (rests excluded): what counts as
        stretch minutes for a done stretch. Returns the step's id.
        """
        if not exercise_id:
            raise ValueError("a routine step needs the exercise's id, got an empty one")
        muscle_names = _muscle_list(muscles)
        category_value = _category(category)
        answer = _enum_value(StepOutcome, outcome, "outcome of a routine step")
        _check_seconds(active_s, "a routine step's active time")
        utc, offset = _stamp(at, "time the step finished")
        try:
            with self._transaction() as conn:
                cursor = conn.execute(
                    "INSERT INTO routine_steps (run_id, exercise_id, exercise_name, category,"
                    " muscles, active_s, outcome, finished_utc, finished_offset_s)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        run_id,
                        exercise_id,
                        name,
                        category_value,
                        json.dumps(muscle_names, ensure_ascii=False),
                        active_s,
                        answer,
                        utc,
                        offset,
                    ),
                )
                return _new_id(cursor)
        except sqlite3.IntegrityError as error:
            if error.sqlite_errorname == "SQLITE_CONSTRAINT_FOREIGNKEY":
                raise UnknownRecordError(f"no routine run with id {run_id}") from error
            raise

    def finish_routine_run(self, run_id: int, at: datetime, outcome: str, active_s: float) -> None:
        """Record how a routine run ended (a ``RoutineOutcome``) and its active seconds.

        ``at`` is clamped so it is never before the start; a run ends once.
        """
        answer = _enum_value(RoutineOutcome, outcome, "outcome of a routine run")
        _check_seconds(active_s, "a routine run's active time")
        utc, offset = _stamp(at, "routine end")
        with self._transaction() as conn:
            cursor = conn.execute(
                "UPDATE routine_runs SET ended_utc = MAX(started_utc, ?), ended_offset_s = ?,"
                " outcome = ?, active_s = ? WHERE id = ? AND ended_utc IS NULL",
                (utc, offset, answer, active_s, run_id),
            )
            _expect_one(cursor, f"no unfinished routine run with id {run_id}")

    # ------------------------------------------------------------------ walks
    def add_walk(self, start: datetime, duration_s: float, source: str) -> int:
        """Record a walk of ``duration_s`` seconds from ``start`` (a ``WalkSource``)."""
        origin = _enum_value(WalkSource, source, "source of a walk")
        if not (math.isfinite(duration_s) and duration_s > 0):
            raise ValueError(f"a walk must last more than 0 seconds, got {duration_s!r}")
        utc, offset = _stamp(start, "walk start")
        with self._transaction() as conn:
            cursor = conn.execute(
                "INSERT INTO walks (start_utc, start_offset_s, duration_s, source)"
                " VALUES (?, ?, ?, ?)",
                (utc, offset, duration_s, origin),
            )
            return _new_id(cursor)

    # ------------------------------------------------------------------ daily goals
    def day_activity(self, start: datetime, end: datetime) -> DayActivity:
        """The goals' raw figures for ``[start, end)``, usually local midnight to midnight.

        Each thing belongs to the period it finished in: a walk to its start, a stretch
        window exercise to its answer, a routine step to its end, a routine run to its end
        (docs/schema.md, "The day's essentials").
        """
        start_utc, _ = _stamp(start, "period start")
        end_utc, _ = _stamp(end, "period end")
        if end_utc <= start_utc:
            raise ValueError(f"the period must end after it starts: {start} .. {end}")
        period = (start_utc, end_utc)
        conn = self._conn
        (walk_s,) = conn.execute(
            "SELECT coalesce(sum(duration_s), 0) FROM walks WHERE start_utc >= ? AND start_utc < ?",
            period,
        ).fetchone()
        stretch_categories = sorted(STRETCH_CATEGORIES)
        marks = ", ".join("?" * len(stretch_categories))
        (window_stretch_s,) = conn.execute(
            "SELECT coalesce(sum(min(response_utc - shown_utc, ?)), 0) FROM prompt_exercises"
            f" WHERE response = 'done' AND category IN ({marks})"
            " AND response_utc >= ? AND response_utc < ?",
            (STRETCH_WINDOW_CAP_S, *stretch_categories, *period),
        ).fetchone()
        (routine_stretch_s,) = conn.execute(
            "SELECT coalesce(sum(active_s), 0) FROM routine_steps"
            f" WHERE outcome = 'done' AND category IN ({marks})"
            " AND finished_utc >= ? AND finished_utc < ?",
            (*stretch_categories, *period),
        ).fetchone()
        (window_done, routine_done) = conn.execute(
            "SELECT (SELECT count(*) FROM prompt_exercises WHERE response = 'done'"
            "   AND response_utc >= ? AND response_utc < ?),"
            " (SELECT count(*) FROM routine_steps WHERE outcome = 'done'"
            "   AND finished_utc >= ? AND finished_utc < ?)",
            (*period, *period),
        ).fetchone()
        return DayActivity(
            walk_s=float(walk_s),
            stretch_s=float(window_stretch_s) + float(routine_stretch_s),
            glute_done=self._glute_done(period),
            strength_done=self._strength_done(period),
            exercises_done=int(window_done) + int(routine_done),
        )

    def _glute_done(self, period: tuple[float, float]) -> bool:
        categories = sorted(GLUTE_ACTIVATION_CATEGORIES)
        marks = ", ".join("?" * len(categories))
        glutes = "EXISTS (SELECT 1 FROM json_each(muscles) WHERE json_each.value = ?)"
        row = self._conn.execute(
            "SELECT EXISTS (SELECT 1 FROM prompt_exercises WHERE response = 'done'"
            f"   AND category IN ({marks}) AND {glutes}"
            "   AND response_utc >= ? AND response_utc < ?)"
            " OR EXISTS (SELECT 1 FROM routine_steps WHERE outcome = 'done'"
            f"   AND category IN ({marks}) AND {glutes}"
            "   AND finished_utc >= ? AND finished_utc < ?)",
            (*categories, GLUTE_MUSCLE, *period, *categories, GLUTE_MUSCLE, *period),
        ).fetchone()
        return bool(row[0])

    def _strength_done(self, period: tuple[float, float]) -> bool:
        """A completed "Strength day", or a completed routine of mostly strength steps;
        either way with most of its steps done (played to the end by skipping is not)."""
        row = self._conn.execute(
            "SELECT EXISTS (SELECT 1 FROM routine_runs AS run"
            " WHERE run.outcome = 'completed' AND run.ended_utc >= ? AND run.ended_utc < ?"
            " AND (SELECT 2 * count(*) FILTER (WHERE step.outcome = 'done') > count(*)"
            "   FROM routine_steps AS step WHERE step.run_id = run.id)"
            " AND (run.routine_id = ? OR ("
            "   SELECT 2 * count(*) FILTER (WHERE step.category = 'strength') > count(*)"
            "   FROM routine_steps AS step WHERE step.run_id = run.id)))",
            (*period, STRENGTH_DAY_ROUTINE_ID),
        ).fetchone()
        return bool(row[0])

    def close_day(self, result: DayGoalResult) -> None:
        """Store a closed day's goal results, replacing an earlier closing of the same day."""
        if result.closed_at is None:
            raise ValueError(f"the goal results of {result.day} say nothing of when it closed")
        for value, what in (
            (result.walk_s, "walking"),
            (result.walk_goal_s, "walking goal"),
            (result.stretch_s, "stretching"),
            (result.stretch_goal_s, "stretching goal"),
        ):
            _check_seconds(value, f"the day's {what}")
        utc, offset = _stamp(result.closed_at, "time the day closed")
        with self._transaction() as conn:
            conn.execute(
                "INSERT INTO daily_goals (day, walk_s, walk_goal_s, stretch_s, stretch_goal_s,"
                " glute_done, strength_planned, strength_done, met, closed_utc,"
                " closed_offset_s) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (day) DO UPDATE SET walk_s = excluded.walk_s,"
                " walk_goal_s = excluded.walk_goal_s, stretch_s = excluded.stretch_s,"
                " stretch_goal_s = excluded.stretch_goal_s, glute_done = excluded.glute_done,"
                " strength_planned = excluded.strength_planned,"
                " strength_done = excluded.strength_done, met = excluded.met,"
                " closed_utc = excluded.closed_utc, closed_offset_s = excluded.closed_offset_s",
                (
                    result.day.isoformat(),
                    result.walk_s,
                    result.walk_goal_s,
                    result.stretch_s,
                    result.stretch_goal_s,
                    int(result.glute_done),
                    int(result.strength_planned),
                    int(result.strength_done),
                    int(result.met),
                    utc,
                    offset,
                ),
            )

    def goal_results(self, first: date, last: date) -> dict[date, DayGoalResult]:
        """The closed days from ``first`` to ``last`` (inclusive); days not closed are absent."""
        rows = self._conn.execute(
            "SELECT day, walk_s, walk_goal_s, stretch_s, stretch_goal_s, glute_done,"
            " strength_planned, strength_done, closed_utc, closed_offset_s FROM daily_goals"
            " WHERE day >= ? AND day <= ? ORDER BY day",
            (first.isoformat(), last.isoformat()),
        ).fetchall()
        return {
            date.fromisoformat(row[0]): DayGoalResult(
                day=date.fromisoformat(row[0]),
                walk_s=float(row[1]),
                walk_goal_s=float(row[2]),
                stretch_s=float(row[3]),
                stretch_goal_s=float(row[4]),
                glute_done=bool(row[5]),
                strength_planned=bool(row[6]),
                strength_done=bool(row[7]),
                closed_at=wall_from_utc(float(row[8]), int(row[9])),
            )
            for row in rows
        }

    def last_closed_day(self) -> date | None:
        """The newest day the rollover closed, or None before the first closing."""
        (day,) = self._conn.execute("SELECT max(day) FROM daily_goals").fetchone()
        return None if day is None else date.fromisoformat(day)

    def active_days(self, since: datetime, until: datetime) -> set[date]:
        """The local days with any walk or done exercise in ``[since, until)``.

        A day is the calendar day of the wall clock when it happened (its stored offset),
        so the rollover finds the days it has to close without knowing the time zone.
        """
        since_utc, _ = _stamp(since, "start")
        until_utc, _ = _stamp(until, "end")
        rows = self._conn.execute(
            "SELECT start_utc, start_offset_s FROM walks WHERE start_utc >= ? AND start_utc < ?"
            " UNION SELECT response_utc, response_offset_s FROM prompt_exercises"
            "   WHERE response = 'done' AND response_utc >= ? AND response_utc < ?"
            " UNION SELECT finished_utc, finished_offset_s FROM routine_steps"
            "   WHERE outcome = 'done' AND finished_utc >= ? AND finished_utc < ?"
            " UNION SELECT ended_utc, ended_offset_s FROM routine_runs"
            "   WHERE outcome = 'completed' AND ended_utc >= ? AND ended_utc < ?",
            (since_utc, until_utc) * 4,
        ).fetchall()
        return {wall_from_utc(float(utc), int(offset)).date() for utc, offset in rows}

    # ------------------------------------------------------------------ retention
    def delete_before(self, cutoff: datetime) -> int:
        """Remove everything that ended before ``cutoff``; returns the rows removed.

        Rows still referenced by a newer row are kept (a bout whose prompt is newer than
        the cutoff keeps its session), so nothing left behind points at a missing row.
        Open rows (a running session, an open bout, a routine still playing) are never
        removed; a prompt or exercise never answered (the app stopped) ended when it was
        shown. Closed days go when their whole day lies before the cutoff's local date.
        """
        cutoff_utc, _ = _stamp(cutoff, "cutoff")
        cutoff_day = cutoff.date().isoformat()
        statements: tuple[tuple[str, tuple[float | str, ...]], ...] = (
            (
                "DELETE FROM prompt_exercises WHERE coalesce(response_utc, shown_utc) < ?",
                (cutoff_utc,),
            ),
            (
                "DELETE FROM prompts WHERE coalesce(response_utc, shown_utc) < ?"
                " AND id NOT IN (SELECT prompt_id FROM prompt_exercises"
                "   WHERE prompt_id IS NOT NULL)",
                (cutoff_utc,),
            ),
            (
                "DELETE FROM bouts WHERE end_utc < ?"
                " AND id NOT IN (SELECT bout_id FROM prompts WHERE bout_id IS NOT NULL)",
                (cutoff_utc,),
            ),
            (
                "DELETE FROM app_sessions WHERE ended_utc < ?"
                " AND id NOT IN (SELECT session_id FROM bouts)",
                (cutoff_utc,),
            ),
            (
                "DELETE FROM routine_steps WHERE run_id IN"
                " (SELECT id FROM routine_runs WHERE ended_utc < ?)",
                (cutoff_utc,),
            ),
            ("DELETE FROM routine_runs WHERE ended_utc < ?", (cutoff_utc,)),
            ("DELETE FROM walks WHERE start_utc + duration_s < ?", (cutoff_utc,)),
            ("DELETE FROM daily_goals WHERE day < ?", (cutoff_day,)),
        )
        removed = 0
        with self._transaction() as conn:
            for statement, parameters in statements:
                removed += conn.execute(statement, parameters).rowcount
        return removed

    # ------------------------------------------------------------------ queries
    def day_summary(self, start: datetime, end: datetime, now: datetime) -> DaySummary:
        """Sitting within ``[start, end)``, usually local midnight to midnight.

        An open bout counts up to its last recorded activity (never past ``now``). A bout
        that crosses an edge counts with the share of its desk time that its wall-clock
        span has inside the period: an approximation, since the log does not record when
        within a bout the idle moments fell.
        """
        start_utc, _ = _stamp(start, "period start")
        end_utc, _ = _stamp(end, "period end")
        now_utc, _ = _stamp(now, "now")
        if end_utc <= start_utc:
            raise ValueError(f"the period must end after it starts: {start} .. {end}")
        rows = self._conn.execute(
            "SELECT start_utc, end_utc, last_activity_utc, desk_s FROM bouts"
            " WHERE start_utc < ? AND (end_utc IS NULL OR end_utc >= ?) ORDER BY start_utc",
            (end_utc, start_utc),
        ).fetchall()
        shares: list[float] = []
        for bout_start, bout_end, last_activity, desk_s in rows:
            span_start = float(bout_start)
            if bout_end is None:
                span_end = max(span_start, min(float(last_activity), now_utc))
            else:
                span_end = float(bout_end)
            share = _share_in_period(span_start, span_end, float(desk_s), start_utc, end_utc)
            if share is not None:
                shares.append(share)
        return DaySummary(
            desk_s=sum(shares), bouts=len(shares), longest_bout_s=max(shares, default=0.0)
        )

    # ------------------------------------------------------------------ internals
    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One short write transaction: taken at once, committed, or rolled back on error."""
        self._conn.execute("BEGIN IMMEDIATE")
        with self._conn:  # commits on success, rolls back on an exception
            yield self._conn


def _connect(path: Path) -> sqlite3.Connection:
    """Create or open the database at ``path``, checked, configured and migrated."""
    try:
        prepare_database_file(path)
    except OSError as error:
        raise StorageError(f"cannot create the sitting log {path}: {error}") from error
    try:
        connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S)
    except sqlite3.Error as error:
        raise StorageError(f"cannot open the sitting log {path}: {error}") from error
    try:
        _prepare_connection(connection, path)
    except BaseException:
        connection.close()
        raise
    return connection


def _prepare_connection(connection: sqlite3.Connection, path: Path) -> None:
    """Check, configure and migrate a fresh connection, writing nothing to a bad file.

    The version and integrity checks come before ``journal_mode=WAL``, which writes the
    file header, so a newer or damaged database is left byte for byte as it was.
    """
    try:
        refuse_newer(connection, SCHEMA_VERSION)
        problems = [str(row[0]) for row in connection.execute("PRAGMA quick_check")]
        if problems != ["ok"]:
            raise CorruptDatabaseError(path, "; ".join(problems[:3]))
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = NORMAL")
        migrate(connection)
        connection.execute("PRAGMA foreign_keys = ON")
    except sqlite3.DatabaseError as error:
        if error.sqlite_errorcode in _CORRUPTION_CODES:
            raise CorruptDatabaseError(path, str(error)) from error
        raise StorageError(f"cannot use the sitting log {path}: {error}") from error


def _share_in_period(
    span_start: float, span_end: float, desk_s: float, period_start: float, period_end: float
) -> float | None:
    """The part of a bout's desk time inside the period, or None when it is not in it."""
    if span_end <= span_start:  # a bout with no wall span belongs where it started
        return desk_s if period_start <= span_start < period_end else None
    overlap = min(span_end, period_end) - max(span_start, period_start)
    if overlap <= 0:
        return None
    return desk_s * overlap / (span_end - span_start)


def _stamp(moment: datetime, what: str) -> tuple[float, int]:
    """UTC epoch seconds and the UTC offset in seconds: what the log stores for a time."""
    offset = moment.utcoffset()
    if offset is None:
        raise ValueError(f"the {what} must be an aware datetime, got {moment.isoformat()}")
    return moment.timestamp(), int(offset.total_seconds())


def _muscle_list(muscles: Sequence[str]) -> list[str]:
    if isinstance(muscles, str):  # a str is a Sequence[str] too: "glutes" is not a list
        raise TypeError(f"muscles must be a sequence of names, not the string {muscles!r}")
    muscle_names = list(muscles)
    if not all(isinstance(muscle, str) for muscle in muscle_names):
        raise TypeError(f"muscles must be names (strings), got {muscle_names!r}")
    return muscle_names


def _category(category: str) -> str:
    return _enum_value(Category, category, "exercise category")


def _enum_value(kind: type[StrEnum], value: str, what: str) -> str:
    """``value`` as a member of ``kind``, or a ValueError listing the known values."""
    try:
        return kind(value).value
    except ValueError:
        known = ", ".join(member.value for member in kind)
        raise ValueError(f"unknown {what} {value!r} (known: {known})") from None


def _check_seconds(seconds: float, what: str) -> None:
    if not (math.isfinite(seconds) and seconds >= 0):
        raise ValueError(f"{what} must be 0 seconds or more, got {seconds!r}")


def _check_desk_s(desk_s: float) -> None:
    if not desk_s >= 0:  # also rejects NaN
        raise ValueError(f"desk time must be 0 seconds or more, got {desk_s}")


def _optional_float(value: float | None) -> float | None:
    return None if value is None else float(value)


def _new_id(cursor: sqlite3.Cursor) -> int:
    if cursor.lastrowid is None:
        raise StorageError("SQLite did not report the id of the new row")
    return cursor.lastrowid


def _expect_one(cursor: sqlite3.Cursor, problem: str) -> None:
    if cursor.rowcount != 1:
        raise UnknownRecordError(problem)
