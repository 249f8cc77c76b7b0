"""The end-of-day and end-of-week summary jobs: APScheduler 3 cron jobs in local time.

The day's summary comes when the day's working hours end (the end of its last range; a
range past midnight ends the next morning), or at 18:00 every day when working hours are
off. The week's summary comes a minute after the day's on the last working day of the
week (Friday at 18:00 when working hours are off), so the two notifications do not land
on top of each other. A cron trigger keeps the zone it was built with: call
:meth:`SummaryJobs.rebuild` when the settings or the local time zone change.

A summary delayed by a suspend still comes up to ``SUMMARY_GRACE_S`` late and is about
the day that ended; later it is stale and skipped (the Today window still has it).
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Mapping
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Final

from apscheduler.jobstores.base import JobLookupError
from apscheduler.schedulers.base import BaseScheduler
from apscheduler.triggers.cron import CronTrigger

from app.core.schedule import WorkingHours
from app.scheduling.gui_thread import GuiThreadPoster

_log = logging.getLogger(__name__)

DAY_END_WITHOUT_HOURS: Final = time(18, 0)
"""When the day's summary comes while working hours are off."""
LAST_DAY_WITHOUT_HOURS: Final = 4
"""Friday: the week's summary while working hours are off."""
WEEK_AFTER_DAY: Final = timedelta(minutes=1)
"""The week's summary follows the day's by this much."""
SUMMARY_GRACE_S: Final = 2 * 3600
_CRON_WEEKDAYS: Final = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DAY_JOB_PREFIX: Final = "summary-day-"
WEEK_JOB_ID: Final = "summary-week"


def day_ends(working_hours: WorkingHours) -> dict[int, tuple[time, int]]:
    """Weekday (0 = Monday) -> when that day's work ends: (local time, days later).

    "Days later" is 1 when the day's last range runs past midnight. Weekdays without
    ranges are absent (no summary on a day off); with working hours off, every day ends
    at ``DAY_END_WITHOUT_HOURS``.
    """
    if not working_hours.enabled:
        return dict.fromkeys(range(7), (DAY_END_WITHOUT_HOURS, 0))
    ends: dict[int, tuple[time, int]] = {}
    for weekday, ranges in working_hours.ranges.items():
        if ranges:
            last = max(ranges, key=lambda r: r.start)
            ends[weekday] = (last.end, 1 if last.overnight else 0)
    return ends


def last_working_day(working_hours: WorkingHours) -> int | None:
    """The weekday of the week's summary; None when working hours have no day at all."""
    if not working_hours.enabled:
        return LAST_DAY_WITHOUT_HOURS
    days = [day for day, ranges in working_hours.ranges.items() if ranges]
    return max(days) if days else None


def day_trigger(weekday: int, end: time, days_later: int, zone: tzinfo) -> CronTrigger:
    """Fires when the work of ``weekday`` ends, ``days_later`` days on, in ``zone``."""
    fire_day = _CRON_WEEKDAYS[(weekday + days_later) % 7]
    return CronTrigger(
        day_of_week=fire_day, hour=end.hour, minute=end.minute, second=end.second, timezone=zone
    )


def week_end(working_hours: WorkingHours) -> tuple[int, time, int] | None:
    """When the week's summary comes: (last working weekday, local time, days later)."""
    weekday = last_working_day(working_hours)
    if weekday is None:
        return None
    end, days_later = day_ends(working_hours)[weekday]
    monday = date(2000, 1, 3)
    later = datetime.combine(monday, end) + WEEK_AFTER_DAY
    return weekday, later.time(), days_later + (later.date() - monday).days


def week_trigger(working_hours: WorkingHours, zone: tzinfo) -> CronTrigger | None:
    """Fires ``WEEK_AFTER_DAY`` after the last working day's work ends."""
    when = week_end(working_hours)
    return None if when is None else day_trigger(*when, zone)


def summarised_day(now: datetime, end: time, days_later: int) -> date:
    """The day a summary firing at ``now`` is about: the last one whose end has passed.

    A firing delayed past midnight by a suspend is still about the day that ended.
    """
    fire_day = now.date()
    if datetime.combine(fire_day, end, tzinfo=now.tzinfo) > now:
        fire_day -= timedelta(days=1)
    return fire_day - timedelta(days=days_later)


class SummaryJobs:
    """Keeps the summary cron jobs on ``scheduler`` (one per working weekday, one weekly).

    Create it on the GUI thread; the callbacks run there, posted to the event loop after
    the scheduler's processing run, so they may show notifications. An exception in one is
    logged and the jobs go on.
    """

    def __init__(
        self,
        scheduler: BaseScheduler,
        *,
        on_day_end: Callable[[date], None],
        on_week_end: Callable[[date, date], None],
    ) -> None:
        """``on_day_end(day)``: show the day's summary (``day_summary_text``), click opens
        Today. ``on_week_end(first, last)``: the week's, Monday to the last working day."""
        self._scheduler = scheduler
        self._on_day_end = on_day_end
        self._on_week_end = on_week_end
        self._poster = GuiThreadPoster()
        self._zone: tzinfo | None = None

    def rebuild(
        self, working_hours: WorkingHours, zone: tzinfo, *, daily: bool, weekly: bool
    ) -> None:
        """Replace every summary job for these settings in this zone.

        Call it at start-up, when the working hours or the ``[summary]`` settings change,
        and when the local time zone changes.
        """
        self.stop()
        self._zone = zone
        ends = day_ends(working_hours)
        if daily:
            for weekday, (end, days_later) in sorted(ends.items()):
                self._add(
                    f"{DAY_JOB_PREFIX}{_CRON_WEEKDAYS[weekday]}",
                    day_trigger(weekday, end, days_later, zone),
                    ("day", end, days_later),
                )
        when = week_end(working_hours)
        if weekly and when is not None:
            weekday, at, days_later = when
            self._add(
                WEEK_JOB_ID, day_trigger(weekday, at, days_later, zone), ("week", at, days_later)
            )

    def next_fire_times(self) -> Mapping[str, datetime | None]:
        """Each summary job's next run time, by job id (for status and tests)."""
        return {
            job.id: getattr(job, "next_run_time", None)
            for job in self._scheduler.get_jobs()
            if job.id == WEEK_JOB_ID or job.id.startswith(DAY_JOB_PREFIX)
        }

    def stop(self) -> None:
        """Remove every summary job; the scheduler runs on."""
        for job_id in list(self.next_fire_times()):
            with contextlib.suppress(JobLookupError):
                self._scheduler.remove_job(job_id)

    def _add(self, job_id: str, trigger: CronTrigger, args: tuple[str, time, int]) -> None:
        self._scheduler.add_job(
            self._came_due,
            trigger=trigger,
            args=args,
            id=job_id,
            name=f"sitbreak {job_id}",
            replace_existing=True,
            misfire_grace_time=SUMMARY_GRACE_S,
            coalesce=True,
            max_instances=1,
        )

    def _came_due(self, kind: str, end: time, days_later: int) -> None:
        # Runs inside the scheduler's processing (on whatever thread its executor uses).
        zone = self._zone
        now = datetime.now(zone)
        self._poster.post(lambda: self._deliver(kind, summarised_day(now, end, days_later)))

    def _deliver(self, kind: str, day: date) -> None:
        try:
            if kind == "week":
                self._on_week_end(day - timedelta(days=day.weekday()), day)
            else:
                self._on_day_end(day)
        except Exception:
            _log.exception("Showing the %s summary for %s failed", kind, day.isoformat())
