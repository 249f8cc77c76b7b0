"""The summary jobs with APScheduler's real triggers over simulated weeks, and one real
firing on a running ``SafeQtScheduler``."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from pytestqt.qtbot import QtBot

from app.core.schedule import TimeRange, WorkingHours
from app.scheduling.qt_scheduler import SafeQtScheduler
from app.scheduling.summary_jobs import WEEK_JOB_ID, SummaryJobs, summarised_day
from tests.unit.scheduling.support import became_true

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")
MONDAY = datetime(2026, 3, 23, 0, 0, tzinfo=BERLIN)
"""The two weeks from here include the change to summer time (29 March)."""
OFFICE = WorkingHours(
    enabled=True,
    ranges={
        **{day: (TimeRange(time(9), time(17)),) for day in range(4)},
        4: (TimeRange(time(8), time(12)), TimeRange(time(13), time(15, 30))),
    },
)


def _fire_times(trigger: object, start: datetime, end: datetime) -> list[datetime]:
    """Every time APScheduler's trigger would fire in ``[start, end)``, as the scheduler asks."""
    times: list[datetime] = []
    previous = None
    now = start
    while True:
        fire = trigger.get_next_fire_time(previous, now)  # type: ignore[attr-defined]
        if fire is None or fire >= end:
            return times
        times.append(fire)
        previous, now = fire, fire + timedelta(microseconds=1)


def _planned(jobs: SummaryJobs, scheduler: SafeQtScheduler, days: int) -> list[str]:
    """Every summary firing over ``days`` from MONDAY, as "job Day HH:MM +offset"."""
    fires = [
        (fire, job_id)
        for job_id in jobs.next_fire_times()
        for fire in _fire_times(
            scheduler.get_job(job_id).trigger, MONDAY, MONDAY + timedelta(days=days)
        )
    ]
    return [
        f"{job_id} {fire:%a %d %H:%M} {fire.utcoffset()}"
        for fire, job_id in sorted(fires, key=lambda item: (item[0], item[1]))
    ]


@pytest.fixture
def scheduler(qtbot: QtBot) -> Iterator[SafeQtScheduler]:
    running = SafeQtScheduler(timezone=UTC)
    running.start()
    yield running
    running.remove_all_jobs()
    running.shutdown(wait=False)


def _jobs(scheduler: SafeQtScheduler) -> tuple[SummaryJobs, list[date], list[tuple[date, date]]]:
    days: list[date] = []
    weeks: list[tuple[date, date]] = []
    jobs = SummaryJobs(
        scheduler, on_day_end=days.append, on_week_end=lambda a, b: weeks.append((a, b))
    )
    return jobs, days, weeks


def test_summaries_come_when_each_working_day_ends_and_weekly_after_the_last(
    scheduler: SafeQtScheduler,
) -> None:
    jobs, _, _ = _jobs(scheduler)
    jobs.rebuild(OFFICE, BERLIN, daily=True, weekly=True)

    planned = _planned(jobs, scheduler, 14)

    assert planned[:6] == [
        "summary-day-mon Mon 23 17:00 1:00:00",
        "summary-day-tue Tue 24 17:00 1:00:00",
        "summary-day-wed Wed 25 17:00 1:00:00",
        "summary-day-thu Thu 26 17:00 1:00:00",
        "summary-day-fri Fri 27 15:30 1:00:00",
        "summary-week Fri 27 15:31 1:00:00",
    ]
    # After the change to summer time: the same wall times, an hour further from UTC.
    assert planned[6:] == [
        "summary-day-mon Mon 30 17:00 2:00:00",
        "summary-day-tue Tue 31 17:00 2:00:00",
        "summary-day-wed Wed 01 17:00 2:00:00",
        "summary-day-thu Thu 02 17:00 2:00:00",
        "summary-day-fri Fri 03 15:30 2:00:00",
        "summary-week Fri 03 15:31 2:00:00",
    ]


def test_without_working_hours_every_day_ends_at_18_and_the_week_on_friday(
    scheduler: SafeQtScheduler,
) -> None:
    jobs, _, _ = _jobs(scheduler)
    jobs.rebuild(WorkingHours(enabled=False), BERLIN, daily=True, weekly=True)

    planned = _planned(jobs, scheduler, 7)

    assert [line.split()[1:3] for line in planned] == [
        ["Mon", "23"], ["Tue", "24"], ["Wed", "25"], ["Thu", "26"], ["Fri", "27"],
        ["Fri", "27"], ["Sat", "28"], ["Sun", "29"],
    ]  # fmt: skip
    assert {line.split()[3] for line in planned if "day" in line} == {"18:00"}
    assert [line for line in planned if "week" in line] == ["summary-week Fri 27 18:01 1:00:00"]


def test_a_shift_past_midnight_is_summed_up_next_morning_for_the_day_it_began(
    scheduler: SafeQtScheduler,
) -> None:
    nights = WorkingHours(enabled=True, ranges={5: (TimeRange(time(22), time(2)),)})
    jobs, _, _ = _jobs(scheduler)
    jobs.rebuild(nights, BERLIN, daily=True, weekly=True)

    # 02:00 does not exist that night (summer time starts): the jobs fire at the switch.
    assert _planned(jobs, scheduler, 7) == [
        "summary-day-sat Sun 29 02:00 1:00:00",
        "summary-week Sun 29 02:01 1:00:00",
    ]
    assert summarised_day(datetime(2026, 3, 29, 2, 0, tzinfo=BERLIN), time(2), 1) == date(
        2026, 3, 28
    )


def test_a_summary_delayed_past_midnight_is_still_about_the_day_that_ended() -> None:
    late = datetime(2026, 3, 24, 0, 40, tzinfo=BERLIN)  # the machine slept through 23:30
    assert summarised_day(late, time(23, 30), 0) == date(2026, 3, 23)
    on_time = datetime(2026, 3, 23, 23, 30, tzinfo=BERLIN)
    assert summarised_day(on_time, time(23, 30), 0) == date(2026, 3, 23)


def test_turning_one_off_and_changing_the_zone_rebuilds_the_jobs(
    scheduler: SafeQtScheduler,
) -> None:
    jobs, _, _ = _jobs(scheduler)
    jobs.rebuild(OFFICE, BERLIN, daily=True, weekly=True)
    assert len(jobs.next_fire_times()) == 6

    jobs.rebuild(OFFICE, NEW_YORK, daily=False, weekly=True)

    assert list(jobs.next_fire_times()) == [WEEK_JOB_ID]
    week = scheduler.get_job(WEEK_JOB_ID).trigger
    fire = _fire_times(week, MONDAY, MONDAY + timedelta(days=7))[0]
    assert (fire.strftime("%a %H:%M"), fire.tzinfo) == ("Fri 15:31", NEW_YORK)

    jobs.stop()
    assert jobs.next_fire_times() == {}


def test_the_day_summary_really_fires_at_the_end_of_todays_hours(
    qtbot: QtBot, scheduler: SafeQtScheduler
) -> None:
    zone = datetime.now().astimezone().tzinfo
    assert zone is not None
    due = (datetime.now(zone) + timedelta(seconds=2)).replace(microsecond=0)
    start = (due - timedelta(hours=1)).time() if due.hour >= 1 else time(0)
    today_only = WorkingHours(enabled=True, ranges={due.weekday(): (TimeRange(start, due.time()),)})
    jobs, days, weeks = _jobs(scheduler)

    jobs.rebuild(today_only, zone, daily=True, weekly=False)

    assert became_true(qtbot, lambda: days == [due.date()], within_ms=6000), days
    assert weeks == []


def test_a_failing_summary_is_logged_and_the_jobs_go_on(
    qtbot: QtBot, scheduler: SafeQtScheduler, caplog: pytest.LogCaptureFixture
) -> None:
    zone = datetime.now().astimezone().tzinfo
    assert zone is not None
    due = (datetime.now(zone) + timedelta(seconds=2)).replace(microsecond=0)
    start = (due - timedelta(hours=1)).time() if due.hour >= 1 else time(0)
    today_only = WorkingHours(enabled=True, ranges={due.weekday(): (TimeRange(start, due.time()),)})

    def broken(day: date) -> None:
        raise RuntimeError("no notification server")

    jobs = SummaryJobs(scheduler, on_day_end=broken, on_week_end=lambda a, b: None)
    jobs.rebuild(today_only, zone, daily=True, weekly=False)

    assert became_true(qtbot, lambda: "summary for" in caplog.text, within_ms=6000)
    assert "Showing the day summary for" in caplog.text
    next_fire = jobs.next_fire_times()[f"summary-day-{due.strftime('%a').lower()}"]
    assert next_fire is not None
    assert next_fire - due == timedelta(days=7)
