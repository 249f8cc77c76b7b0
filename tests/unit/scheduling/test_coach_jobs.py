"""The coach's cron jobs with APScheduler's real triggers, a real scheduler and a real log."""

from __future__ import annotations

import time as wall_time
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from apscheduler.triggers.cron import CronTrigger
from pytestqt.qtbot import QtBot

from app.core.goals import GoalTargets
from app.scheduling.coach_jobs import (
    ROLLOVER_JOB_ID,
    STRENGTH_JOB_ID,
    CoachJobs,
    DayRollover,
    TimeZoneWatcher,
    goal_targets,
    rollover_trigger,
    strength_trigger,
)
from app.scheduling.qt_scheduler import SafeQtScheduler
from app.settings.model import GoalSettings
from app.storage.log import SittingLog
from app.storage.records import ExerciseResponse
from tests.helpers.fake_clock import FakeClock
from tests.unit.scheduling.support import became_true

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")
MONDAY_WEDNESDAY_18H = GoalSettings(strength_days=(0, 2), strength_time=time(18, 0))
TWO_WEEKS_FROM = datetime(2024, 3, 18, 0, 0, tzinfo=BERLIN)
"""A Monday; the two weeks after it include the change to summer time (31 March)."""


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


# ---------------------------------------------------------------------- (1) weekdays only
def test_the_strength_reminder_fires_on_the_chosen_weekdays_only_over_two_weeks():
    trigger = strength_trigger(MONDAY_WEDNESDAY_18H, BERLIN)
    assert trigger is not None

    fires = _fire_times(trigger, TWO_WEEKS_FROM, TWO_WEEKS_FROM + timedelta(days=14))

    assert [(fire.date(), fire.strftime("%a %H:%M"), fire.utcoffset()) for fire in fires] == [
        (date(2024, 3, 18), "Mon 18:00", timedelta(hours=1)),
        (date(2024, 3, 20), "Wed 18:00", timedelta(hours=1)),
        (date(2024, 3, 25), "Mon 18:00", timedelta(hours=1)),
        (date(2024, 3, 27), "Wed 18:00", timedelta(hours=1)),
    ]
    after_dst = _fire_times(
        trigger, datetime(2024, 4, 1, tzinfo=BERLIN), datetime(2024, 4, 2, tzinfo=BERLIN)
    )
    assert [(fire.hour, fire.utcoffset()) for fire in after_dst] == [(18, timedelta(hours=2))]


def test_the_jobs_on_the_scheduler_carry_those_triggers(qtbot: QtBot):
    scheduler = SafeQtScheduler(timezone=UTC)
    jobs = CoachJobs(scheduler, on_strength_day=lambda: None, on_rollover=lambda: None)
    jobs.rebuild(GoalSettings(strength_days=(1, 3, 5), strength_time=time(7, 30)), BERLIN)

    strength = scheduler.get_job(STRENGTH_JOB_ID)
    fires = _fire_times(strength.trigger, TWO_WEEKS_FROM, TWO_WEEKS_FROM + timedelta(days=14))

    assert {fire.strftime("%a") for fire in fires} == {"Tue", "Thu", "Sat"}
    assert len(fires) == 6
    assert {fire.strftime("%H:%M") for fire in fires} == {"07:30"}
    rollovers = _fire_times(
        scheduler.get_job(ROLLOVER_JOB_ID).trigger,
        TWO_WEEKS_FROM,
        TWO_WEEKS_FROM + timedelta(days=14),
    )
    assert len(rollovers) == 14
    assert {fire.strftime("%H:%M:%S") for fire in rollovers} == {"00:00:05"}


def test_no_strength_days_means_no_reminder_but_the_rollover_stays(qtbot: QtBot):
    scheduler = SafeQtScheduler(timezone=UTC)
    jobs = CoachJobs(scheduler, on_strength_day=lambda: None, on_rollover=lambda: None)
    jobs.rebuild(MONDAY_WEDNESDAY_18H, BERLIN)

    jobs.rebuild(GoalSettings(strength_days=()), BERLIN)

    assert scheduler.get_job(STRENGTH_JOB_ID) is None
    assert scheduler.get_job(ROLLOVER_JOB_ID) is not None


@pytest.fixture
def running_scheduler(qtbot: QtBot) -> Iterator[SafeQtScheduler]:
    scheduler = SafeQtScheduler(timezone=UTC)
    scheduler.start()
    yield scheduler
    scheduler.remove_all_jobs()
    scheduler.shutdown(wait=False)


def test_a_strength_reminder_really_fires_on_todays_weekday(qtbot: QtBot, running_scheduler):
    zone = datetime.now().astimezone().tzinfo
    assert zone is not None
    due = (datetime.now(zone) + timedelta(seconds=2)).replace(microsecond=0)
    reminded: list[float] = []
    jobs = CoachJobs(
        running_scheduler,
        on_strength_day=lambda: reminded.append(wall_time.monotonic()),
        on_rollover=lambda: None,
    )

    jobs.rebuild(GoalSettings(strength_days=(due.weekday(),), strength_time=due.time()), zone)

    assert jobs.next_fire_times()[STRENGTH_JOB_ID] == due
    assert became_true(qtbot, lambda: len(reminded) == 1, within_ms=6000), "no reminder came"
    next_fire = jobs.next_fire_times()[STRENGTH_JOB_ID]
    assert next_fire is not None
    assert next_fire - due == timedelta(days=7)  # one weekday chosen: next week


# ---------------------------------------------------------------------- (2) the rollover
@pytest.fixture
def sitting_log(tmp_path: Path) -> Iterator[SittingLog]:
    with SittingLog.open(tmp_path / "sitbreak.db") as opened:
        yield opened


TARGETS = GoalTargets.from_minutes(walk_minutes=30, stretch_minutes=10, strength_days=(0, 2))


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=BERLIN)


def _done_exercise(
    log: SittingLog, at: datetime, minutes: float, category: str, muscles: list[str]
) -> None:
    shown = log.record_exercise_shown(
        None, at, f"{category}-x", category.title(), muscles, category=category
    )
    log.resolve_exercise_shown(shown, ExerciseResponse.DONE, at + timedelta(minutes=minutes))


def test_the_rollover_closes_a_day_with_the_right_goal_results(sitting_log):
    tuesday = date(2024, 6, 4)
    sitting_log.add_walk(_at(tuesday, 8, 10), 12 * 60.0, "manual")
    sitting_log.add_walk(_at(tuesday, 12, 30), 20 * 60.0, "break")
    _done_exercise(sitting_log, _at(tuesday, 10), 4, "stretch", ["hamstrings"])
    _done_exercise(sitting_log, _at(tuesday, 15), 2, "activation", ["glutes"])
    run = sitting_log.start_routine_run("daily-posterior-chain-stretch", "Daily", _at(tuesday, 17))
    sitting_log.record_routine_step(
        run,
        exercise_id="calf",
        name="Calf stretch",
        category="mobility",
        muscles=["calves"],
        active_s=6 * 60.0,
        outcome="done",
        at=_at(tuesday, 17, 7),
    )
    sitting_log.finish_routine_run(run, _at(tuesday, 17, 8), "completed", 360.0)
    clock = FakeClock(_at(tuesday + timedelta(days=1), 0, 0) + timedelta(seconds=5))
    rollover = DayRollover(sitting_log, lambda: TARGETS, clock)

    closed = rollover.close_due_days()

    stored = sitting_log.goal_results(tuesday, tuesday)[tuesday]
    assert closed == [stored]
    assert (stored.walk_s, stored.stretch_s) == (32 * 60.0, 10 * 60.0)
    assert (stored.walk_goal_s, stored.stretch_goal_s) == (30 * 60.0, 10 * 60.0)
    assert (stored.glute_done, stored.strength_planned, stored.strength_done) == (
        True,
        False,
        False,
    )
    assert stored.met
    assert stored.closed_at == clock.now().wall


def test_the_rollover_catches_up_missed_days_and_never_closes_today(sitting_log):
    monday, tuesday, thursday, friday = (date(2024, 6, d) for d in (3, 4, 6, 7))
    sitting_log.add_walk(_at(monday, 9), 40 * 60.0, "manual")  # Monday: strength planned
    sitting_log.add_walk(_at(tuesday, 9), 5 * 60.0, "manual")
    # Wednesday: nothing done (the app was not running).
    sitting_log.add_walk(_at(thursday, 23, 50), 5 * 60.0, "manual")
    sitting_log.add_walk(_at(friday, 9), 45 * 60.0, "manual")  # today
    clock = FakeClock(_at(friday, 9, 50))  # the machine slept from Monday until now
    rollover = DayRollover(sitting_log, lambda: TARGETS, clock)

    closed = rollover.close_due_days()

    assert [result.day for result in closed] == [monday, tuesday, thursday]
    results = sitting_log.goal_results(monday, friday)
    assert sorted(results) == [monday, tuesday, thursday]
    assert results[monday].strength_planned is True
    assert results[monday].met is False  # no strength day, no glutes
    assert results[thursday].walk_s == 5 * 60.0  # the walk before midnight is Thursday's
    assert rollover.close_due_days() == []  # nothing left to close


def test_the_rollover_job_runs_the_catch_up_from_the_event_loop(qtbot, running_scheduler):
    rolled: list[str] = []
    jobs = CoachJobs(
        running_scheduler, on_strength_day=lambda: None, on_rollover=lambda: rolled.append("x")
    )
    jobs.rebuild(GoalSettings(), BERLIN)

    running_scheduler.modify_job(ROLLOVER_JOB_ID, next_run_time=datetime.now(UTC))

    assert became_true(qtbot, lambda: rolled == ["x"], within_ms=3000)
    next_run = running_scheduler.get_job(ROLLOVER_JOB_ID).next_run_time
    assert next_run.astimezone(BERLIN).time() == time(0, 0, 5)  # back on its cron schedule


def test_a_failing_callback_is_logged_and_the_jobs_go_on(qtbot, running_scheduler, caplog):
    def broken() -> None:
        raise RuntimeError("the log is gone")

    jobs = CoachJobs(running_scheduler, on_strength_day=lambda: None, on_rollover=broken)
    jobs.rebuild(GoalSettings(), BERLIN)

    running_scheduler.modify_job(ROLLOVER_JOB_ID, next_run_time=datetime.now(UTC))

    assert became_true(
        qtbot, lambda: "The 'coach-day-rollover' job failed" in caplog.text, within_ms=3000
    )
    assert running_scheduler.get_job(ROLLOVER_JOB_ID) is not None


# ---------------------------------------------------------------------- (3) time zones
def test_a_time_zone_change_rebuilds_the_jobs_to_follow_the_new_zone(qtbot, running_scheduler):
    jobs = CoachJobs(running_scheduler, on_strength_day=lambda: None, on_rollover=lambda: None)
    every_day_18h = GoalSettings(strength_days=tuple(range(7)), strength_time=time(18, 0))
    jobs.rebuild(every_day_18h, BERLIN)
    before = jobs.next_fire_times()
    assert before[STRENGTH_JOB_ID] is not None
    assert before[STRENGTH_JOB_ID].astimezone(BERLIN).hour == 18

    watcher = TimeZoneWatcher(BERLIN, read_zone=lambda: NEW_YORK)  # the user flew over
    new_zone = watcher.changed(datetime.now(UTC))
    assert new_zone is NEW_YORK
    jobs.rebuild(every_day_18h, new_zone)

    after = jobs.next_fire_times()
    strength, rollover = after[STRENGTH_JOB_ID], after[ROLLOVER_JOB_ID]
    assert strength is not None
    assert rollover is not None
    assert strength.astimezone(NEW_YORK).time() == time(18, 0)
    assert rollover.astimezone(NEW_YORK).time() == time(0, 0, 5)
    assert strength.astimezone(BERLIN).hour != 18
    assert watcher.changed(datetime.now(UTC)) is None  # told once


def test_the_zone_watcher_ignores_dst_and_sees_a_new_offset():
    zones: list[tzinfo] = [BERLIN]
    watcher = TimeZoneWatcher(BERLIN, read_zone=lambda: zones[0])
    winter, summer = datetime(2024, 1, 10, tzinfo=UTC), datetime(2024, 7, 10, tzinfo=UTC)

    assert watcher.changed(winter) is None
    assert watcher.changed(summer) is None  # summer time is Berlin's own rule

    zones[0] = ZoneInfo("Europe/London")
    assert watcher.changed(summer) == ZoneInfo("Europe/London")
    assert watcher.zone == ZoneInfo("Europe/London")


def test_goal_settings_become_targets_in_seconds():
    targets = goal_targets(GoalSettings(walk_minutes=25, stretch_minutes=15, strength_days=(1, 4)))

    assert targets == GoalTargets(walk_s=1500.0, stretch_s=900.0, strength_days=frozenset({1, 4}))


def test_stock_apscheduler_skips_the_day_after_the_change_to_summer_time():
    """Why ``LocalCronTrigger`` exists: if this starts failing, APScheduler fixed it."""
    stock = CronTrigger(hour=0, minute=0, second=5, timezone=NEW_YORK)

    fires = _fire_times(
        stock, datetime(2024, 3, 9, tzinfo=NEW_YORK), datetime(2024, 3, 12, tzinfo=NEW_YORK)
    )

    assert [fire.day for fire in fires] == [9, 10]  # the 11th is missing


@pytest.mark.parametrize("zone", [NEW_YORK, BERLIN, ZoneInfo("Australia/Sydney")])
def test_the_rollover_runs_every_night_through_a_year_of_dst_changes(zone):
    start = datetime(2024, 1, 1, tzinfo=zone)

    fires = _fire_times(rollover_trigger(zone), start, datetime(2025, 1, 1, tzinfo=zone))

    assert [fire.date() for fire in fires] == [
        date(2024, 1, 1) + timedelta(days=n) for n in range(366)
    ]
    assert {fire.strftime("%H:%M:%S") for fire in fires} == {"00:00:05"}


def test_a_weekly_reminder_early_on_the_dst_sunday_does_not_lose_a_week():
    goals = GoalSettings(strength_days=(6, 0), strength_time=time(0, 30))  # Sun, Mon 00:30
    trigger = strength_trigger(goals, BERLIN)

    fires = _fire_times(
        trigger, datetime(2024, 3, 30, tzinfo=BERLIN), datetime(2024, 4, 9, tzinfo=BERLIN)
    )

    assert [fire.strftime("%m-%d %H:%M") for fire in fires] == [
        "03-31 00:30",
        "04-01 00:30",
        "04-07 00:30",
        "04-08 00:30",
    ]


def test_the_rollover_trigger_is_just_after_local_midnight_every_day():
    fires = _fire_times(
        rollover_trigger(NEW_YORK),
        datetime(2024, 3, 9, tzinfo=NEW_YORK),
        datetime(2024, 3, 12, tzinfo=NEW_YORK),
    )

    assert [fire.strftime("%Y-%m-%d %H:%M:%S") for fire in fires] == [
        "2024-03-09 00:00:05",
        "2024-03-10 00:00:05",  # the DST change day (at 02:00)
        "2024-03-11 00:00:05",
    ]
