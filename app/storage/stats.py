"""``StatsReader``: the statistics queries over the sitting log, read-only.

Days are cut at *local* midnight when queried (``tz`` knows the DST rules, so a day has
23, 24 or 25 hours). A bout across midnight counts on both days with the share of its
desk time that its wall span has inside each (the rule of ``SittingLog.day_summary``).
Time the app was not running is "not tracked", never a break.

The per-day sums over bouts and prompts are done by SQLite, joining the log with a list of
day boundaries computed here; the timeline (sessions minus bouts) is interval arithmetic
on the few rows one period has. The reader opens the file read-only with its own
connection, so it works while the app writes (WAL) and never creates a database.
"""

from __future__ import annotations

import json
import sqlite3
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from pathlib import Path
from types import TracebackType
from typing import Final, Self

from app.core.exercise import Muscle, MuscleGroup
from app.core.model import BoutEndReason, PromptResponse
from app.core.schedule import WorkingHours
from app.core.stats import (
    LONG_BOUT_S,
    SHORT_BOUT_S,
    ActivityMark,
    DayReport,
    DayTotals,
    PeriodReport,
    PromptMark,
    Span,
    SpanKind,
)
from app.storage.errors import NewerDatabaseError, StorageError
from app.storage.migrations import SCHEMA_VERSION
from app.storage.retention import local_midnight

BUSY_TIMEOUT_S: Final = 2.0

RUNNING_GRACE_S: Final = 5 * 60.0
"""An unclosed app session whose heartbeat is this recent is taken to be running now, so
the day is tracked up to ``now`` rather than up to the last heartbeat."""

EXERCISE_SECONDS_CAP_S: Final = 15 * 60.0
"""A stretch-window exercise counts at most this long (the window may have been left open)."""

STAND_UP_REASONS: Final = (
    BoutEndReason.AWAY,
    BoutEndReason.STAND_UP,
    BoutEndReason.LOCKED,
    BoutEndReason.SUSPENDED,
)
"""Bout ends that mean the user got up (quit and crash say nothing about the user)."""

FOLLOWED_RESPONSES: Final = (PromptResponse.DONE, PromptResponse.NATURAL_BREAK)

STRETCH_CATEGORIES: Final = ("stretch", "mobility")
GLUTE_CATEGORIES: Final = ("activation", "strength")


class NoHistoryError(StorageError):
    """There is no sitting log yet: Sitbreak has never run with this data folder."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"no history yet: there is no sitting log at {path}")
        self.path = path


@dataclass(frozen=True, slots=True)
class BoutRecord:
    """One bout as exported."""

    start: datetime
    end: datetime | None
    """None while the bout is still open."""
    desk_s: float
    end_reason: str | None
    estimated: bool


@dataclass(frozen=True, slots=True)
class PromptRecord:
    """One stand-up prompt as exported."""

    at: datetime
    desk_s: float
    response: str | None
    answered_at: datetime | None
    reminders: int


@dataclass(frozen=True, slots=True)
class ActivityRecord:
    """An exercise, routine or walk done, with what the timeline mark leaves out."""

    start: datetime
    end: datetime
    kind: str
    """"exercise", "routine" or "walk"."""
    name: str
    category: str | None
    """The exercise's category; None for walks, routines and rows logged before version 3."""
    muscles: tuple[str, ...]
    seconds: float
    """Active seconds: capped stretch-window time, a routine's active time, a walk's length."""

    def mark(self) -> ActivityMark:
        return ActivityMark(start=self.start, end=self.end, kind=self.kind, name=self.name)


@dataclass(frozen=True, slots=True)
class _Day:
    day: date
    lo: float
    hi: float


@dataclass(frozen=True, slots=True)
class _Done:
    """One exercise done (stretch window or routine step): what the day's totals need."""

    at: float
    category: str | None
    muscles: tuple[str, ...]
    seconds: float


Interval = tuple[float, float]


class StatsReader:
    """Read-only statistics over a sitting log file. Use ``StatsReader.open``."""

    def __init__(self, connection: sqlite3.Connection, path: Path) -> None:
        self._conn = connection
        self._path = path
        self._tables = frozenset(
            str(row[0]) for row in connection.execute("SELECT name FROM sqlite_master")
        )
        self._has_category = any(
            str(row[1]) == "category"
            for row in connection.execute("PRAGMA table_info(prompt_exercises)")
        )

    # ------------------------------------------------------------------ lifecycle
    @classmethod
    def open(cls, path: Path) -> Self:
        """Open the log at ``path`` read-only.

        Raises ``NoHistoryError`` when there is no file (nothing is created),
        ``NewerDatabaseError`` when a newer Sitbreak wrote it, ``StorageError`` otherwise.
        """
        if not path.is_file():
            raise NoHistoryError(path)
        try:
            connection = sqlite3.connect(
                f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_S
            )
        except sqlite3.Error as error:
            raise StorageError(f"cannot open the sitting log {path}: {error}") from error
        try:
            found = int(connection.execute("PRAGMA user_version").fetchone()[0])
            if found > SCHEMA_VERSION:
                raise NewerDatabaseError(path, found, SCHEMA_VERSION)
            if found == 0:
                connection.close()
                raise NoHistoryError(path)
            return cls(connection, path)
        except sqlite3.Error as error:
            connection.close()
            raise StorageError(f"cannot read the sitting log {path}: {error}") from error
        except BaseException:
            connection.close()
            raise

    @property
    def path(self) -> Path:
        return self._path

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    # ------------------------------------------------------------------ reports
    def day_report(
        self, day: date, tz: tzinfo, now: datetime, working_hours: WorkingHours | None
    ) -> DayReport:
        """Everything the Today view shows for the local calendar day ``day``."""
        now_utc = _utc(now, "now")
        span = _days(day, day, tz)[0]
        try:
            totals = self._totals((span,), tz, now_utc, working_hours)[day]
            horizon = min(span.hi, now_utc)
            spans = self._timeline(span.lo, horizon, tz, now_utc)
            prompts = tuple(
                PromptMark(
                    at=record.at,
                    desk_s=record.desk_s,
                    response=record.response,
                    reminders=record.reminders,
                )
                for record in self._prompt_rows(span.lo, span.hi, tz)
            )
            activities = tuple(
                record.mark() for record in self.activities_between(span.lo, span.hi, tz)
            )
            goals = self._goals(day, day)
        except sqlite3.Error as error:
            raise StorageError(f"cannot read the sitting log {self._path}: {error}") from error
        return DayReport(
            day=day,
            start=_wall(span.lo, tz),
            end=_wall(span.hi, tz),
            totals=totals,
            spans=spans,
            prompts=prompts,
            activities=activities,
            goals_met=goals.get(day),
        )

    def period_report(
        self,
        first: date,
        last: date,
        tz: tzinfo,
        now: datetime,
        working_hours: WorkingHours | None,
    ) -> PeriodReport:
        """One ``DayTotals`` per local day from ``first`` to ``last`` (inclusive)."""
        if last < first:
            raise ValueError(f"the period must not end before it starts: {first} .. {last}")
        now_utc = _utc(now, "now")
        days = _days(first, last, tz)
        try:
            totals = self._totals(days, tz, now_utc, working_hours)
            goals = self._goals(first, last)
            attention = self._muscle_attention(days[0].lo, days[-1].hi)
        except sqlite3.Error as error:
            raise StorageError(f"cannot read the sitting log {self._path}: {error}") from error
        return PeriodReport(
            first_day=first,
            last_day=last,
            days=tuple((span.day, totals[span.day]) for span in days),
            goals_met=goals,
            muscle_attention=attention,
        )

    def first_day(self, tz: tzinfo) -> date | None:
        """The local day the log starts (the first app session), None for an empty log."""
        row = self._conn.execute("SELECT MIN(started_utc) FROM app_sessions").fetchone()
        return None if row[0] is None else _wall(float(row[0]), tz).date()

    # ------------------------------------------------------------------ records (export)
    def bouts_between(self, lo: float, hi: float, tz: tzinfo) -> list[BoutRecord]:
        """Bouts that started in ``[lo, hi)`` (UTC epoch seconds), in time order."""
        rows = self._conn.execute(
            "SELECT start_utc, end_utc, desk_s, end_reason, estimated FROM bouts"
            " WHERE start_utc >= ? AND start_utc < ? ORDER BY start_utc",
            (lo, hi),
        )
        return [
            BoutRecord(
                start=_wall(float(start), tz),
                end=None if end is None else _wall(float(end), tz),
                desk_s=float(desk_s),
                end_reason=None if reason is None else str(reason),
                estimated=bool(estimated),
            )
            for start, end, desk_s, reason, estimated in rows
        ]

    def prompts_between(self, lo: float, hi: float, tz: tzinfo) -> list[PromptRecord]:
        """Prompts shown in ``[lo, hi)``, in time order."""
        return list(self._prompt_rows(lo, hi, tz))

    def activities_between(self, lo: float, hi: float, tz: tzinfo) -> list[ActivityRecord]:
        """Exercises done in the stretch window and routine runs that finished in
        ``[lo, hi)``, and walks that started in it, in time order (the rule of
        ``SittingLog.day_activity``: each thing belongs to the day it finished)."""
        records: list[ActivityRecord] = []
        category = "category" if self._has_category else "NULL"
        for shown, answered, name, cat, muscles in self._conn.execute(
            f"SELECT shown_utc, response_utc, exercise_name, {category}, muscles"
            " FROM prompt_exercises WHERE response = 'done' AND response_utc >= ?"
            " AND response_utc < ?",
            (lo, hi),
        ):
            records.append(
                ActivityRecord(
                    start=_wall(float(shown), tz),
                    end=_wall(float(answered), tz),
                    kind="exercise",
                    name=str(name),
                    category=None if cat is None else str(cat),
                    muscles=_muscles(muscles),
                    seconds=min(float(answered) - float(shown), EXERCISE_SECONDS_CAP_S),
                )
            )
        if "routine_runs" in self._tables:
            for started, ended, name, active_s in self._conn.execute(
                "SELECT started_utc, ended_utc, routine_name, active_s FROM routine_runs"
                " WHERE ended_utc >= ? AND ended_utc < ?",
                (lo, hi),
            ):
                records.append(
                    ActivityRecord(
                        start=_wall(float(started), tz),
                        end=_wall(float(ended), tz),
                        kind="routine",
                        name=str(name),
                        category=None,
                        muscles=(),
                        seconds=float(active_s),
                    )
                )
        if "walks" in self._tables:
            for start, duration_s in self._conn.execute(
                "SELECT start_utc, duration_s FROM walks WHERE start_utc >= ? AND start_utc < ?",
                (lo, hi),
            ):
                records.append(
                    ActivityRecord(
                        start=_wall(float(start), tz),
                        end=_wall(float(start) + float(duration_s), tz),
                        kind="walk",
                        name="Walk",
                        category=None,
                        muscles=(),
                        seconds=float(duration_s),
                    )
                )
        records.sort(key=lambda record: record.start.timestamp())
        return records

    # ------------------------------------------------------------------ internals
    def _totals(
        self,
        days: Sequence[_Day],
        tz: tzinfo,
        now_utc: float,
        working_hours: WorkingHours | None,
    ) -> dict[date, DayTotals]:
        lo, hi = days[0].lo, days[-1].hi
        day_list = json.dumps([[span.day.isoformat(), span.lo, span.hi] for span in days])
        bout_sums = self._bout_sums(day_list, now_utc)
        prompt_sums = {
            str(day): (int(count), int(followed or 0))
            for day, count, followed in self._conn.execute(
                _DAYS_CTE + "SELECT d.day, COUNT(p.id), SUM(p.response IN (:done, :natural))"
                " FROM days d JOIN prompts p ON p.shown_utc >= d.lo AND p.shown_utc < d.hi"
                " GROUP BY d.day",
                {
                    "days": day_list,
                    "done": FOLLOWED_RESPONSES[0].value,
                    "natural": FOLLOWED_RESPONSES[1].value,
                },
            )
        }
        tracked = self._tracked(lo, min(hi, now_utc), now_utc)
        sitting = [(start, end) for start, end, _ in self._bout_spans(lo, hi, now_utc)]
        not_sitting = _subtract(tracked, sitting)
        walks = self._walk_rows(lo, hi)
        walk_starts = [start for start, _ in walks]
        done = self._done_rows(lo, hi)
        done_times = [row.at for row in done]

        result: dict[date, DayTotals] = {}
        for span in days:
            key = span.day.isoformat()
            sums = bout_sums.get(key)
            prompts, followed = prompt_sums.get(key, (0, 0))
            horizon = min(span.hi, now_utc)
            working = _working_intervals(span, tz, working_hours)
            day_tracked = _clip(tracked, span.lo, horizon)
            day_free = _clip(not_sitting, span.lo, horizon)
            walk_s = sum(
                duration
                for _, duration in walks[
                    bisect_left(walk_starts, span.lo) : bisect_left(walk_starts, span.hi)
                ]
            )
            day_done = done[bisect_left(done_times, span.lo) : bisect_left(done_times, span.hi)]
            result[span.day] = DayTotals(
                tracked_s=_length(day_tracked),
                desk_s=sums.desk_s if sums else 0.0,
                bouts=sums.bouts if sums else 0,
                longest_bout_s=sums.longest_s if sums else 0.0,
                short_s=sums.short_s if sums else 0.0,
                medium_s=sums.medium_s if sums else 0.0,
                long_s=sums.long_s if sums else 0.0,
                stand_ups=sums.stand_ups if sums else 0,
                prompts=prompts,
                prompts_followed=followed,
                working_tracked_s=_length(_intersect(day_tracked, working)),
                up_and_about_s=_length(_intersect(day_free, working)),
                walk_s=walk_s,
                stretch_s=sum(
                    row.seconds for row in day_done if row.category in STRETCH_CATEGORIES
                ),
                exercises_done=len(day_done),
                glute_activation_done=any(
                    row.category in GLUTE_CATEGORIES and MuscleGroup.GLUTES.value in row.muscles
                    for row in day_done
                ),
            )
        return result

    def _bout_sums(self, day_list: str, now_utc: float) -> dict[str, _BoutSums]:
        reach = self._bout_reach(now_utc)
        rows = self._conn.execute(
            _DAYS_CTE + _BOUT_SUMS_SQL,
            {
                "days": day_list,
                "now": now_utc,
                "reach": reach,
                "short": SHORT_BOUT_S,
                "long": LONG_BOUT_S,
                "away": STAND_UP_REASONS[0].value,
                "stand_up": STAND_UP_REASONS[1].value,
                "locked": STAND_UP_REASONS[2].value,
                "suspended": STAND_UP_REASONS[3].value,
            },
        )
        return {
            str(day): _BoutSums(
                desk_s=float(desk or 0.0),
                bouts=int(count),
                longest_s=float(longest or 0.0),
                short_s=float(short or 0.0),
                medium_s=float(medium or 0.0),
                long_s=float(long_ or 0.0),
                stand_ups=int(stand_ups or 0),
            )
            for day, desk, count, longest, short, medium, long_, stand_ups in rows
        }

    def _bout_reach(self, now_utc: float) -> float:
        """How far before a period a bout that reaches into it can have started."""
        closed = self._conn.execute("SELECT MAX(end_utc - start_utc) FROM bouts").fetchone()[0]
        open_row = self._conn.execute(
            "SELECT MAX(start_utc, MIN(last_activity_utc, ?)) - start_utc FROM bouts"
            " WHERE end_utc IS NULL",
            (now_utc,),
        ).fetchone()
        open_span = open_row[0] if open_row is not None else None
        return max(float(closed or 0.0), float(open_span or 0.0))

    def _bout_spans(self, lo: float, hi: float, now_utc: float) -> list[tuple[float, float, float]]:
        """(start, end, desk_s) of bouts reaching into ``[lo, hi)``;
        an open bout ends at its last activity (never past now)."""
        reach = self._bout_reach(now_utc)
        rows = self._conn.execute(
            "SELECT start_utc, COALESCE(end_utc, MAX(start_utc, MIN(last_activity_utc, ?))),"
            " desk_s FROM bouts WHERE start_utc < ? AND start_utc >= ? ORDER BY start_utc",
            (now_utc, hi, lo - reach),
        )
        spans: list[tuple[float, float, float]] = []
        for start, end, desk_s in rows:
            start_f, end_f, desk = float(start), float(end), float(desk_s)
            if end_f < lo or (end_f == lo and end_f > start_f):
                continue
            spans.append((start_f, end_f, desk))
        return spans

    def _tracked(self, lo: float, hi: float, now_utc: float) -> list[Interval]:
        """When the app ran within ``[lo, hi)``, as sorted disjoint intervals."""
        if hi <= lo:
            return []
        span_row = self._conn.execute(
            "SELECT MAX(COALESCE(ended_utc, last_seen_utc) - started_utc) FROM app_sessions"
        ).fetchone()
        reach = float(span_row[0] or 0.0) + RUNNING_GRACE_S
        latest = self._conn.execute("SELECT MAX(id) FROM app_sessions").fetchone()[0]
        intervals: list[Interval] = []
        for session_id, started, ended, last_seen in self._conn.execute(
            "SELECT id, started_utc, ended_utc, last_seen_utc FROM app_sessions"
            " WHERE started_utc < ? AND started_utc >= ? ORDER BY started_utc",
            (hi, lo - reach),
        ):
            end = float(last_seen) if ended is None else float(ended)
            if ended is None and session_id == latest and now_utc - end <= RUNNING_GRACE_S:
                end = max(end, now_utc)
            start, end = max(float(started), lo), min(end, hi, now_utc)
            if end > start:
                intervals.append((start, end))
        return _merge(intervals)

    def _timeline(self, lo: float, horizon: float, tz: tzinfo, now_utc: float) -> tuple[Span, ...]:
        if horizon <= lo:
            return ()
        tracked = self._tracked(lo, horizon, now_utc)
        pieces: list[Span] = []
        covered = lo
        for start, end, desk_s in self._bout_spans(lo, horizon, now_utc):
            if end <= start:
                continue
            piece_start, piece_end = max(start, lo, covered), min(end, horizon)
            if piece_end <= piece_start:
                continue
            pieces.extend(_gaps(covered, piece_start, tracked, tz))
            share = desk_s * (piece_end - piece_start) / (end - start)
            pieces.append(
                Span(
                    start=_wall(piece_start, tz),
                    end=_wall(piece_end, tz),
                    kind=SpanKind.SITTING,
                    desk_s=share,
                    bout_desk_s=desk_s,
                )
            )
            covered = piece_end
        pieces.extend(_gaps(covered, horizon, tracked, tz))
        return tuple(pieces)

    def _prompt_rows(self, lo: float, hi: float, tz: tzinfo) -> Iterator[PromptRecord]:
        for shown, desk_s, response, answered, reminders in self._conn.execute(
            "SELECT shown_utc, desk_s, response, response_utc, reminders FROM prompts"
            " WHERE shown_utc >= ? AND shown_utc < ? ORDER BY shown_utc",
            (lo, hi),
        ):
            yield PromptRecord(
                at=_wall(float(shown), tz),
                desk_s=float(desk_s),
                response=None if response is None else str(response),
                answered_at=None if answered is None else _wall(float(answered), tz),
                reminders=int(reminders),
            )

    def _walk_rows(self, lo: float, hi: float) -> list[tuple[float, float]]:
        if "walks" not in self._tables:
            return []
        return [
            (float(start), float(duration))
            for start, duration in self._conn.execute(
                "SELECT start_utc, duration_s FROM walks WHERE start_utc >= ? AND start_utc < ?"
                " ORDER BY start_utc",
                (lo, hi),
            )
        ]

    def _done_rows(self, lo: float, hi: float) -> list[_Done]:
        """Every exercise done in ``[lo, hi)``, both sources, in time order."""
        category = "category" if self._has_category else "NULL"
        done = [
            _Done(
                at=float(answered),
                category=None if cat is None else str(cat),
                muscles=_muscles(muscles),
                seconds=min(float(answered) - float(shown), EXERCISE_SECONDS_CAP_S),
            )
            for shown, answered, cat, muscles in self._conn.execute(
                f"SELECT shown_utc, response_utc, {category}, muscles"
                " FROM prompt_exercises WHERE response = 'done'"
                " AND response_utc >= ? AND response_utc < ?",
                (lo, hi),
            )
        ]
        if "routine_steps" in self._tables:
            done.extend(
                _Done(
                    at=float(finished),
                    category=str(cat),
                    muscles=_muscles(muscles),
                    seconds=float(active_s),
                )
                for finished, cat, muscles, active_s in self._conn.execute(
                    "SELECT finished_utc, category, muscles, active_s FROM routine_steps"
                    " WHERE outcome = 'done' AND finished_utc >= ? AND finished_utc < ?",
                    (lo, hi),
                )
            )
        done.sort(key=lambda row: row.at)
        return done

    def _muscle_attention(self, lo: float, hi: float) -> dict[str, int]:
        attention: dict[str, int] = {}
        for row in self._done_rows(lo, hi):
            for group in sorted(_groups(row.muscles)):
                attention[group.value] = attention.get(group.value, 0) + 1
        return attention

    def _goals(self, first: date, last: date) -> dict[date, bool]:
        if "daily_goals" not in self._tables:
            return {}
        return {
            date.fromisoformat(str(day)): bool(met)
            for day, met in self._conn.execute(
                "SELECT day, met FROM daily_goals WHERE day >= ? AND day <= ?",
                (first.isoformat(), last.isoformat()),
            )
        }


@dataclass(frozen=True, slots=True)
class _BoutSums:
    desk_s: float
    bouts: int
    longest_s: float
    short_s: float
    medium_s: float
    long_s: float
    stand_ups: int


_DAYS_CTE: Final = """
WITH days (day, lo, hi) AS (
    SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]')
    FROM json_each(:days)
)
"""

_BOUT_SUMS_SQL: Final = """
, pieces (day, desk_s, share, stood_up) AS (
    SELECT d.day, b.desk_s,
        CASE
            WHEN b.span_end <= b.start_utc THEN
                CASE WHEN b.start_utc >= d.lo AND b.start_utc < d.hi THEN b.desk_s END
            WHEN MIN(b.span_end, d.hi) - MAX(b.start_utc, d.lo) > 0 THEN
                b.desk_s * (MIN(b.span_end, d.hi) - MAX(b.start_utc, d.lo))
                    / (b.span_end - b.start_utc)
        END,
        b.end_utc >= d.lo AND b.end_utc < d.hi
            AND b.end_reason IN (:away, :stand_up, :locked, :suspended)
    FROM days d
    JOIN (
        SELECT start_utc, end_utc, end_reason, desk_s,
            COALESCE(end_utc, MAX(start_utc, MIN(last_activity_utc, :now))) AS span_end
        FROM bouts
    ) b ON b.start_utc < d.hi AND b.start_utc >= d.lo - :reach
)
SELECT day,
    SUM(share),
    COUNT(share),
    MAX(share),
    SUM(CASE WHEN desk_s < :short THEN share END),
    SUM(CASE WHEN desk_s >= :short AND desk_s <= :long THEN share END),
    SUM(CASE WHEN desk_s > :long THEN share END),
    SUM(stood_up)
FROM pieces
GROUP BY day
"""


def _days(first: date, last: date, tz: tzinfo) -> list[_Day]:
    """Local midnights from ``first`` to the day after ``last``, as UTC epoch seconds."""
    count = (last - first).days + 1
    edges = [local_midnight(first + timedelta(days=n), tz).timestamp() for n in range(count + 1)]
    return [_Day(day=first + timedelta(days=n), lo=edges[n], hi=edges[n + 1]) for n in range(count)]


def _working_intervals(
    span: _Day, tz: tzinfo, working_hours: WorkingHours | None
) -> list[Interval]:
    """Working time inside the day; the whole day when working hours are off."""
    if working_hours is None or not working_hours.enabled:
        return [(span.lo, span.hi)]
    intervals: list[Interval] = []
    for day in (span.day - timedelta(days=1), span.day):
        for working in working_hours.ranges.get(day.weekday(), ()):
            start = datetime.combine(day, working.start, tzinfo=tz).timestamp()
            end_day = day + timedelta(days=1) if working.overnight else day
            end = datetime.combine(end_day, working.end, tzinfo=tz).timestamp()
            start, end = max(start, span.lo), min(end, span.hi)
            if end > start:
                intervals.append((start, end))
    return _merge(intervals)


def _gaps(lo: float, hi: float, tracked: list[Interval], tz: tzinfo) -> list[Span]:
    """``[lo, hi)`` outside any bout: breaks where the app ran, not tracked elsewhere."""
    if hi <= lo:
        return []
    spans: list[Span] = []
    cursor = lo
    for start, end in _clip(tracked, lo, hi):
        if start > cursor:
            spans.append(Span(_wall(cursor, tz), _wall(start, tz), SpanKind.NOT_TRACKED))
        spans.append(Span(_wall(start, tz), _wall(end, tz), SpanKind.BREAK))
        cursor = end
    if cursor < hi:
        spans.append(Span(_wall(cursor, tz), _wall(hi, tz), SpanKind.NOT_TRACKED))
    return spans


def _merge(intervals: Iterable[Interval]) -> list[Interval]:
    merged: list[Interval] = []
    for start, end in sorted(intervals):
        if end <= start:
            continue
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _clip(intervals: list[Interval], lo: float, hi: float) -> list[Interval]:
    """The parts of sorted disjoint ``intervals`` inside ``[lo, hi)``."""
    if hi <= lo:
        return []
    first = max(bisect_right(intervals, (lo, lo)) - 1, 0)
    result: list[Interval] = []
    for start, end in intervals[first:]:
        if start >= hi:
            break
        start, end = max(start, lo), min(end, hi)
        if end > start:
            result.append((start, end))
    return result


def _intersect(left: list[Interval], right: list[Interval]) -> list[Interval]:
    result: list[Interval] = []
    for start, end in right:
        result.extend(_clip(left, start, end))
    return result


def _subtract(base: list[Interval], cut: list[Interval]) -> list[Interval]:
    """``base`` minus the union of ``cut`` (both sorted; ``cut`` may overlap itself)."""
    result: list[Interval] = []
    cuts = _merge(cut)
    index = 0
    for start, end in base:
        cursor = start
        while index < len(cuts) and cuts[index][1] <= cursor:
            index += 1
        probe = index
        while probe < len(cuts) and cuts[probe][0] < end:
            cut_start, cut_end = cuts[probe]
            if cut_start > cursor:
                result.append((cursor, cut_start))
            cursor = max(cursor, cut_end)
            probe += 1
        if cursor < end:
            result.append((cursor, end))
    return result


def _length(intervals: Iterable[Interval]) -> float:
    return sum(end - start for start, end in intervals)


def _groups(muscles: Iterable[str]) -> set[MuscleGroup]:
    groups: set[MuscleGroup] = set()
    for name in muscles:
        try:
            group = Muscle(name).group
        except ValueError:  # a muscle a newer or hand-edited exercise file named
            continue
        if group is not None:
            groups.add(group)
    return groups


def _muscles(value: object) -> tuple[str, ...]:
    try:
        parsed = json.loads(str(value))
    except ValueError:
        return ()
    return tuple(str(item) for item in parsed) if isinstance(parsed, list) else ()


def _wall(utc_ts: float, tz: tzinfo) -> datetime:
    return datetime.fromtimestamp(utc_ts, tz=tz)


def _utc(moment: datetime, what: str) -> float:
    if moment.utcoffset() is None:
        raise ValueError(f"{what} must be an aware datetime, got {moment.isoformat()}")
    return moment.timestamp()
