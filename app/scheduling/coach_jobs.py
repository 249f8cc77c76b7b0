"""The coach's calendar jobs: the weekly strength reminder and the day-rollover.

Both are APScheduler 3 cron jobs on the app's scheduler, in the *local* time zone: the
strength reminder on the chosen weekdays at the chosen time, the rollover just after
local midnight. A cron trigger keeps the zone it was built with, so when the zone changes
(travel, a changed system setting) :meth:`CoachJobs.rebuild` replaces both jobs;
:class:`TimeZoneWatcher` tells when.

The rollover trusts the log, not the calendar: whenever it runs (at midnight, at start-up,
after a long sleep) it closes every day with activity since the last closed one, and
never today. A missed midnight therefore costs nothing.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Mapping
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Final, Protocol

from apscheduler.jobstores.base import JobLookupError
from apscheduler.schedulers.base import BaseScheduler
from apscheduler.triggers.cron import CronTrigger

from app.core.clock import Clock
from app.core.goals import (
    DayActivity,
    DayGoalResult,
    GoalTargets,
    days_to_close,
    evaluate_day,
)
from app.scheduling.gui_thread import GuiThreadPoster
from app.settings.model import GoalSettings

_log = logging.getLogger(__name__)

STRENGTH_JOB_ID: Final = "coach-strength-reminder"
ROLLOVER_JOB_ID: Final = "coach-day-rollover"
ROLLOVER_AT: Final = time(0, 0, 5)
"""A few seconds past midnight, so the day that ended is surely over on every clock."""
STRENGTH_REMINDER_GRACE_S: Final = 2 * 3600
"""A strength reminder delayed by a suspend still comes up to this late; later it is stale."""
_CRON_WEEKDAYS: Final = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_EPOCH: Final = datetime(1970, 1, 2, tzinfo=UTC)
"""Where the search for unclosed days starts before the first day was ever closed."""


class LocalCronTrigger(CronTrigger):  # type: ignore[misc]  # APScheduler has no type hints
    """A ``CronTrigger`` that does not skip the day after a change to summer time.

    APScheduler 3.11.3 steps from one fire time to the next by adding the *wall-clock*
    difference in UTC. From a fire time before the change on the 23-hour day (00:00:05 on
    the last Sunday of March in Berlin) that lands an hour late on the next day, past the
    fire time, and the next day is skipped (``test_coach_jobs.py`` shows it). When the UTC
    offset differs between the previous fire time and the one found, this looks again from
    the local midnight after the previous fire time and takes the earlier match.
    """

    def get_next_fire_time(
        self, previous_fire_time: datetime | None, now: datetime
    ) -> datetime | None:
        found: datetime | None = super().get_next_fire_time(previous_fire_time, now)
        if found is None or previous_fire_time is None:
            return found
        if previous_fire_time.utcoffset() == found.utcoffset():
            return found
        local_previous = previous_fire_time.astimezone(self.timezone)
        next_midnight = datetime.combine(
            local_previous.date() + timedelta(days=1), time(0), tzinfo=self.timezone
        )
        earlier: datetime | None = super().get_next_fire_time(None, next_midnight)
        if earlier is not None and previous_fire_time < earlier < found:
            return earlier
        return found


def goal_targets(goals: GoalSettings) -> GoalTargets:
    """The targets the core judges by, from the ``[goals]`` settings."""
    return GoalTargets.from_minutes(goals.walk_minutes, goals.stretch_minutes, goals.strength_days)


def strength_trigger(goals: GoalSettings, zone: tzinfo) -> LocalCronTrigger | None:
    """The strength reminder's trigger: the chosen weekdays at ``strength_time`` in ``zone``.

    None when no weekday is chosen (no reminder at all).
    """
    if not goals.strength_days:
        return None
    at = goals.strength_time
    weekdays = ",".join(_CRON_WEEKDAYS[day] for day in sorted(set(goals.strength_days)))
    return LocalCronTrigger(
        day_of_week=weekdays, hour=at.hour, minute=at.minute, second=at.second, timezone=zone
    )


def rollover_trigger(zone: tzinfo) -> LocalCronTrigger:
    """Every day at ``ROLLOVER_AT`` local time in ``zone``."""
    return LocalCronTrigger(
        hour=ROLLOVER_AT.hour, minute=ROLLOVER_AT.minute, second=ROLLOVER_AT.second, timezone=zone
    )


# --------------------------------------------------------------------------- the rollover
class RolloverLog(Protocol):
    """The part of the sitting log the rollover needs (``SittingLog`` has it)."""

    def day_activity(self, start: datetime, end: datetime) -> DayActivity: ...

    def close_day(self, result: DayGoalResult) -> None: ...

    def last_closed_day(self) -> date | None: ...

    def active_days(self, since: datetime, until: datetime) -> set[date]: ...


class DayRollover:
    """Closes finished days' goals in the log (``daily_goals``); no Qt, no scheduler."""

    def __init__(self, log: RolloverLog, targets: Callable[[], GoalTargets], clock: Clock) -> None:
        """``targets`` is read at each closing: the goals in force when the day is closed."""
        self._log = log
        self._targets = targets
        self._clock = clock

    def close_due_days(self) -> list[DayGoalResult]:
        """Close every day with activity since the last closed one, never today.

        Call it at start-up (the app was not running at midnight, or the machine slept)
        and from the midnight job. Returns the results it stored, oldest first.
        """
        now = self._clock.now().wall
        today = now.date()
        last_closed = self._log.last_closed_day()
        since = _EPOCH if last_closed is None else _midnight(last_closed + timedelta(days=1), now)
        until = _midnight(today, now)
        if since >= until:
            return []
        due = days_to_close(last_closed, self._log.active_days(since, until), today)
        return [self.close_day(day) for day in due]

    def close_day(self, day: date) -> DayGoalResult:
        """Measure ``day`` (a local calendar day) against the goals and store the result."""
        now = self._clock.now().wall
        start, end = _midnight(day, now), _midnight(day + timedelta(days=1), now)
        result = evaluate_day(
            day, self._log.day_activity(start, end), self._targets(), closed_at=now
        )
        self._log.close_day(result)
        _log.info("Closed %s: goals %s", day.isoformat(), "met" if result.met else "not met")
        return result


def _midnight(day: date, zone_of: datetime) -> datetime:
    return datetime.combine(day, time(0), tzinfo=zone_of.tzinfo)


# --------------------------------------------------------------------------- the jobs
class CoachJobs:
    """Keeps the strength reminder and the day-rollover cron jobs on ``scheduler``.

    Create it on the GUI thread. The callbacks run there, posted to the event loop after
    the scheduler's processing run (as ``DeskScheduler`` does), so they may show windows
    and notifications; an exception in one is logged and the jobs go on.
    """

    def __init__(
        self,
        scheduler: BaseScheduler,
        *,
        on_strength_day: Callable[[], None],
        on_rollover: Callable[[], object],
    ) -> None:
        """``on_strength_day``: show the "Strength day" notification (a click opens the routine).

        ``on_rollover``: close the finished days, normally ``DayRollover.close_due_days``
        followed by a refresh of an open Today window.
        """
        self._scheduler = scheduler
        self._on_strength_day = on_strength_day
        self._on_rollover = on_rollover
        self._poster = GuiThreadPoster()

    def rebuild(self, goals: GoalSettings, zone: tzinfo) -> None:
        """(Re)place both jobs for these settings in this time zone.

        Call it at start-up, whenever the ``[goals]`` settings change and whenever the
        local time zone changes: a cron trigger keeps the zone it was built with.
        """
        trigger = strength_trigger(goals, zone)
        if trigger is None:
            self._remove(STRENGTH_JOB_ID)
        else:
            self._scheduler.add_job(
                self._came_due,
                trigger=trigger,
                args=(STRENGTH_JOB_ID,),
                id=STRENGTH_JOB_ID,
                name="sitbreak strength reminder",
                replace_existing=True,
                misfire_grace_time=STRENGTH_REMINDER_GRACE_S,
                coalesce=True,
                max_instances=1,
            )
        self._scheduler.add_job(
            self._came_due,
            trigger=rollover_trigger(zone),
            args=(ROLLOVER_JOB_ID,),
            id=ROLLOVER_JOB_ID,
            name="sitbreak day rollover",
            replace_existing=True,
            # However late (the machine slept through midnight), run it once.
            misfire_grace_time=None,
            coalesce=True,
            max_instances=1,
        )

    def next_fire_times(self) -> Mapping[str, datetime | None]:
        """Each job's next run time (None while the scheduler is not started): for status."""
        return {
            job_id: getattr(self._scheduler.get_job(job_id), "next_run_time", None)
            for job_id in (STRENGTH_JOB_ID, ROLLOVER_JOB_ID)
        }

    def stop(self) -> None:
        """Remove both jobs; the scheduler runs on."""
        self._remove(STRENGTH_JOB_ID)
        self._remove(ROLLOVER_JOB_ID)

    def _remove(self, job_id: str) -> None:
        with contextlib.suppress(JobLookupError):  # not scheduled: nothing to remove
            self._scheduler.remove_job(job_id)

    def _came_due(self, job_id: str) -> None:
        # Runs inside the scheduler's processing (on whatever thread its executor uses).
        self._poster.post(lambda: self._deliver(job_id))

    def _deliver(self, job_id: str) -> None:
        action = self._on_strength_day if job_id == STRENGTH_JOB_ID else self._on_rollover
        try:
            action()
        except Exception:
            _log.exception("The %r job failed", job_id)


# --------------------------------------------------------------------------- the time zone
class TimeZoneWatcher:
    """Tells when the local time zone changed, so the cron jobs can be rebuilt.

    ``read_zone`` reads the system's zone afresh each time (the default asks ``tzlocal``
    to reload it, which reads ``/etc/localtime`` or ``TZ``). A change of the zone's name,
    or of its UTC offset now, counts; a DST change inside one zone is not a change (the
    zone's rules already know it).
    """

    def __init__(self, zone: tzinfo, read_zone: Callable[[], tzinfo] | None = None) -> None:
        self._zone = zone
        self._read_zone = read_zone if read_zone is not None else _reload_local_zone

    @property
    def zone(self) -> tzinfo:
        return self._zone

    def changed(self, now_utc: datetime) -> tzinfo | None:
        """The new zone if it differs from the last one seen, else None."""
        try:
            current = self._read_zone()
        except Exception:  # an odd /etc/localtime: keep the zone we have
            _log.exception("Reading the local time zone failed")
            return None
        if _zone_signature(current, now_utc) == _zone_signature(self._zone, now_utc):
            return None
        _log.info("The local time zone changed from %s to %s", self._zone, current)
        self._zone = current
        return current


def _zone_signature(zone: tzinfo, now_utc: datetime) -> tuple[str, timedelta | None]:
    return str(zone), now_utc.astimezone(zone).utcoffset()


def _reload_local_zone() -> tzinfo:
    import tzlocal  # an APScheduler dependency

    zone: tzinfo = tzlocal.reload_localzone()
    return zone
