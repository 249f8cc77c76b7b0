"""Statistics over a hand-built week with known answers, written through ``SittingLog``.

The week (Europe/Berlin, working hours Monday to Friday 09:00-17:00):

* Mon 2026-03-23: the app runs 08:00-18:00 with three bouts (20, 45 and 90 min), a prompt
  followed, a hamstring stretch done and a 20 min walk.
* Tue 2026-03-24: empty: the app never ran.
* Wed 2026-03-25 22:00 to Thu 02:00: one run of the app with a 2 h bout across midnight and
  a routine (a glute bridge, a cat-cow, one step skipped).
* Sun 2026-03-29: summer time starts (a 23 h day); the app runs 01:00-04:00 and 05:00-06:00,
  so 04:00-05:00 is not tracked.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from app.core.goals import DayGoalResult
from app.core.model import BoutEndReason, PromptResponse
from app.core.schedule import TimeRange, WorkingHours
from app.core.stats import DayTotals, SpanKind
from app.storage.errors import NewerDatabaseError
from app.storage.log import SittingLog
from app.storage.records import SessionEndReason
from app.storage.retention import retention_cutoff
from app.storage.stats import NoHistoryError, StatsReader

BERLIN = ZoneInfo("Europe/Berlin")
OFFICE = WorkingHours(
    enabled=True, ranges={day: (TimeRange(time(9), time(17)),) for day in range(5)}
)
MONDAY = date(2026, 3, 23)
AFTER_THE_WEEK = datetime(2026, 4, 1, 12, 0, tzinfo=BERLIN)
MIN = 60.0
HOUR = 3600.0


def at(day: date, hour: int, minute: int = 0, fold: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=BERLIN, fold=fold)


def sit(
    log: SittingLog,
    session: int,
    start: datetime,
    end: datetime,
    desk_s: float,
    reason: BoutEndReason = BoutEndReason.AWAY,
) -> int:
    bout = log.open_bout(session, start, estimated=False, last_activity=start)
    log.close_bout(bout, end, reason, desk_s)
    return bout


def run_app(log: SittingLog, start: datetime, end: datetime) -> int:
    session = log.start_session(start, "test", "0")
    log.end_session(session, end, SessionEndReason.QUIT)
    return session


def build_week(log: SittingLog) -> None:
    monday = MONDAY
    session = log.start_session(at(monday, 8), "test", "0")
    sit(log, session, at(monday, 9), at(monday, 9, 20), 20 * MIN)
    sit(log, session, at(monday, 9, 30), at(monday, 10, 15), 45 * MIN, BoutEndReason.STAND_UP)
    prompt = log.add_prompt(None, at(monday, 10, 10), 40 * MIN)
    log.resolve_prompt(prompt, at(monday, 10, 15), PromptResponse.DONE)
    shown = log.record_exercise_shown(
        prompt,
        at(monday, 10, 15),
        "standing-hamstring",
        "Hamstring stretch",
        ["hamstrings"],
        category="stretch",
    )
    log.resolve_exercise_shown(shown, "done", at(monday, 10, 17))
    log.add_walk(at(monday, 12), 20 * MIN, "manual")
    sit(log, session, at(monday, 13), at(monday, 14, 30), 90 * MIN)
    log.end_session(session, at(monday, 18), SessionEndReason.QUIT)

    wednesday, thursday = monday + timedelta(days=2), monday + timedelta(days=3)
    session = log.start_session(at(wednesday, 22), "test", "0")
    run = log.start_routine_run("desk-reset", "Desk reset", at(wednesday, 22, 10))
    log.record_routine_step(
        run,
        exercise_id="glute-bridge",
        name="Glute bridge",
        category="activation",
        muscles=["glutes", "hamstrings"],
        active_s=120,
        outcome="done",
        at=at(wednesday, 22, 13),
    )
    log.record_routine_step(
        run,
        exercise_id="cat-cow",
        name="Cat-cow",
        category="mobility",
        muscles=["erector-spinae"],
        active_s=90,
        outcome="done",
        at=at(wednesday, 22, 16),
    )
    log.record_routine_step(
        run,
        exercise_id="calf-raise",
        name="Calf raise",
        category="strength",
        muscles=["calves"],
        active_s=10,
        outcome="skipped",
        at=at(wednesday, 22, 17),
    )
    log.finish_routine_run(run, at(wednesday, 22, 20), "completed", 220)
    sit(log, session, at(wednesday, 23), at(thursday, 1), 100 * MIN)
    log.end_session(session, at(thursday, 2), SessionEndReason.QUIT)
    for day, met in ((wednesday, True), (thursday, False)):
        log.close_day(
            DayGoalResult(
                day=day,
                walk_s=0,
                walk_goal_s=0,
                stretch_s=0,
                stretch_goal_s=0,
                glute_done=met,
                strength_planned=False,
                strength_done=False,
                closed_at=at(day + timedelta(days=1), 0, 5),
            )
        )

    sunday = monday + timedelta(days=6)  # 02:00 CET becomes 03:00 CEST
    session = log.start_session(at(sunday, 1), "test", "0")
    sit(log, session, at(sunday, 1, 30), at(sunday, 3, 30), 55 * MIN)
    log.end_session(session, at(sunday, 4), SessionEndReason.QUIT)
    run_app(log, at(sunday, 5), at(sunday, 6))


@pytest.fixture
def week(db_path: Path) -> Iterator[StatsReader]:
    with SittingLog.open(db_path) as log:
        build_week(log)
    with StatsReader.open(db_path) as reader:
        yield reader


def test_a_working_day_adds_up_bouts_prompts_exercises_and_walks(week: StatsReader) -> None:
    report = week.day_report(MONDAY, BERLIN, AFTER_THE_WEEK, OFFICE)

    assert report.totals == DayTotals(
        tracked_s=10 * HOUR,
        desk_s=155 * MIN,
        bouts=3,
        longest_bout_s=90 * MIN,
        short_s=20 * MIN,
        medium_s=45 * MIN,
        long_s=90 * MIN,
        stand_ups=3,
        prompts=1,
        prompts_followed=1,
        working_tracked_s=8 * HOUR,
        up_and_about_s=8 * HOUR - 155 * MIN,
        walk_s=20 * MIN,
        stretch_s=2 * MIN,
        exercises_done=1,
        glute_activation_done=False,
    )
    assert report.totals.stand_ups_per_hour == pytest.approx(3 / (155 / 60))
    assert [(p.at, p.response) for p in report.prompts] == [(at(MONDAY, 10, 10), "done")]
    assert [(a.kind, a.name, a.start, a.end) for a in report.activities] == [
        ("exercise", "Hamstring stretch", at(MONDAY, 10, 15), at(MONDAY, 10, 17)),
        ("walk", "Walk", at(MONDAY, 12), at(MONDAY, 12, 20)),
    ]
    assert report.goals_met is None  # the rollover never closed Monday


def test_the_timeline_covers_the_day_and_never_calls_untracked_time_a_break(
    week: StatsReader,
) -> None:
    report = week.day_report(MONDAY, BERLIN, AFTER_THE_WEEK, OFFICE)

    assert [(s.kind, s.start.time(), s.end.time()) for s in report.spans] == [
        (SpanKind.NOT_TRACKED, time(0), time(8)),
        (SpanKind.BREAK, time(8), time(9)),
        (SpanKind.SITTING, time(9), time(9, 20)),
        (SpanKind.BREAK, time(9, 20), time(9, 30)),
        (SpanKind.SITTING, time(9, 30), time(10, 15)),
        (SpanKind.BREAK, time(10, 15), time(13)),
        (SpanKind.SITTING, time(13), time(14, 30)),
        (SpanKind.BREAK, time(14, 30), time(18)),
        (SpanKind.NOT_TRACKED, time(18), time(0)),
    ]
    assert report.spans[0].start == report.start
    assert report.spans[-1].end == report.end


def test_a_bout_across_midnight_counts_its_share_on_both_days(
    week: StatsReader, db_path: Path
) -> None:
    wednesday, thursday = MONDAY + timedelta(days=2), MONDAY + timedelta(days=3)
    period = week.period_report(wednesday, thursday, BERLIN, AFTER_THE_WEEK, OFFICE)
    totals = dict(period.days)

    assert totals[wednesday].desk_s == pytest.approx(50 * MIN)
    assert totals[thursday].desk_s == pytest.approx(50 * MIN)
    assert totals[wednesday].bouts == totals[thursday].bouts == 1
    # The band follows the whole bout (100 min: long), the longest piece the day's share.
    assert totals[wednesday].long_s == pytest.approx(50 * MIN)
    assert totals[thursday].longest_bout_s == pytest.approx(50 * MIN)
    assert (totals[wednesday].stand_ups, totals[thursday].stand_ups) == (0, 1)
    assert totals[wednesday].tracked_s == totals[thursday].tracked_s == 2 * HOUR
    assert totals[wednesday].up_and_about_s == 0  # outside working hours
    with SittingLog.open(db_path) as log:
        for day in (wednesday, thursday):
            start = datetime.combine(day, time(0), tzinfo=BERLIN)
            summary = log.day_summary(start, start + timedelta(days=1), AFTER_THE_WEEK)
            assert (summary.desk_s, summary.bouts) == pytest.approx(
                (totals[day].desk_s, totals[day].bouts)
            )


def test_routines_count_done_steps_for_stretching_glutes_and_muscle_attention(
    week: StatsReader,
) -> None:
    wednesday = MONDAY + timedelta(days=2)
    report = week.day_report(wednesday, BERLIN, AFTER_THE_WEEK, OFFICE)
    period = week.period_report(MONDAY, MONDAY + timedelta(days=6), BERLIN, AFTER_THE_WEEK, None)

    assert report.totals.exercises_done == 2
    assert report.totals.stretch_s == 90  # the cat-cow (mobility); the bridge is activation
    assert report.totals.glute_activation_done
    assert [(a.kind, a.name) for a in report.activities] == [("routine", "Desk reset")]
    assert period.muscle_attention == {"hamstrings": 2, "glutes": 1, "erector-spinae": 1}
    assert period.goals_met == {wednesday: True, wednesday + timedelta(days=1): False}
    assert period.days_meeting_goals == 1


def test_an_empty_day_is_empty_and_wholly_untracked(week: StatsReader) -> None:
    tuesday = MONDAY + timedelta(days=1)
    report = week.day_report(tuesday, BERLIN, AFTER_THE_WEEK, OFFICE)

    assert report.is_empty
    assert report.totals == DayTotals()
    assert [(s.kind, s.start, s.end) for s in report.spans] == [
        (SpanKind.NOT_TRACKED, report.start, report.end)
    ]


def test_the_spring_dst_day_has_23_hours_and_a_gap_not_tracked(week: StatsReader) -> None:
    sunday = MONDAY + timedelta(days=6)
    report = week.day_report(sunday, BERLIN, AFTER_THE_WEEK, None)

    assert report.end.timestamp() - report.start.timestamp() == 23 * HOUR
    assert report.totals.tracked_s == 3 * HOUR  # 01:00-04:00 is 2 real hours, then 1 more
    assert report.totals.desk_s == 55 * MIN
    # Without working hours all tracked time is working time; the bout lasted 1 real hour.
    assert report.totals.up_and_about_s == 2 * HOUR
    kinds = [(s.kind, s.start.strftime("%H:%M")) for s in report.spans]
    assert kinds == [
        (SpanKind.NOT_TRACKED, "00:00"),
        (SpanKind.BREAK, "01:00"),
        (SpanKind.SITTING, "01:30"),
        (SpanKind.BREAK, "03:30"),
        (SpanKind.NOT_TRACKED, "04:00"),
        (SpanKind.BREAK, "05:00"),
        (SpanKind.NOT_TRACKED, "06:00"),
    ]
    covered = sum(s.end.timestamp() - s.start.timestamp() for s in report.spans)
    assert covered == 23 * HOUR


def test_the_autumn_dst_day_has_25_hours_and_counts_the_repeated_hour(db_path: Path) -> None:
    sunday = date(2026, 10, 25)  # 03:00 CEST becomes 02:00 CET
    with SittingLog.open(db_path) as log:
        session = log.start_session(at(sunday, 0, 30), "test", "0")
        sit(log, session, at(sunday, 2, 30), at(sunday, 2, 30, fold=1), 50 * MIN)
        log.end_session(session, at(sunday, 3, 30), SessionEndReason.QUIT)
    with StatsReader.open(db_path) as reader:
        report = reader.day_report(sunday, BERLIN, datetime(2026, 11, 1, tzinfo=BERLIN), None)
        week = reader.period_report(
            sunday - timedelta(days=6), sunday, BERLIN, datetime(2026, 11, 1, tzinfo=BERLIN), None
        )

    assert report.end.timestamp() - report.start.timestamp() == 25 * HOUR
    assert report.totals.tracked_s == 4 * HOUR
    assert report.totals.desk_s == 50 * MIN
    assert report.totals.longest_bout_s == 50 * MIN
    assert [s.kind for s in report.spans] == [
        SpanKind.NOT_TRACKED,
        SpanKind.BREAK,
        SpanKind.SITTING,
        SpanKind.BREAK,
        SpanKind.NOT_TRACKED,
    ]
    assert week.desk_s == 50 * MIN
    assert dict(week.days)[sunday].tracked_s == 4 * HOUR


def test_today_runs_up_to_now_with_the_open_bout_and_the_running_app(db_path: Path) -> None:
    today = date(2026, 5, 6)
    now = at(today, 10, 30)
    with SittingLog.open(db_path) as log:
        session = log.start_session(at(today, 9), "test", "0")
        bout = log.open_bout(
            session, at(today, 9, 30), estimated=False, last_activity=at(today, 9, 30)
        )
        log.update_bout(
            bout,
            start=at(today, 9, 30),
            desk_s=58 * MIN,
            estimated=False,
            last_activity=at(today, 10, 28),
            last_activity_mono=None,
            last_activity_boot=None,
            boot_id=None,
        )
        log.touch_session(session, at(today, 10, 29))
    with StatsReader.open(db_path) as reader:
        report = reader.day_report(today, BERLIN, now, OFFICE)
        tomorrow = reader.day_report(today + timedelta(days=1), BERLIN, now, OFFICE)

    assert report.totals.tracked_s == 90 * MIN  # the app runs: tracked up to now
    assert report.totals.desk_s == 58 * MIN
    assert report.totals.stand_ups == 0
    assert [(s.kind, s.end.strftime("%H:%M")) for s in report.spans][-2:] == [
        (SpanKind.SITTING, "10:28"),
        (SpanKind.BREAK, "10:30"),
    ]
    assert report.spans[-1].end == now
    assert tomorrow.spans == ()
    assert tomorrow.is_empty


def test_a_period_lists_every_day_and_sums_the_week(week: StatsReader) -> None:
    period = week.period_report(MONDAY, MONDAY + timedelta(days=6), BERLIN, AFTER_THE_WEEK, OFFICE)

    assert [day for day, _ in period.days] == [MONDAY + timedelta(days=n) for n in range(7)]
    assert period.desk_s == pytest.approx(155 * MIN + 100 * MIN + 55 * MIN)
    assert period.longest_bout_s == 90 * MIN
    for day, totals in period.days:  # the period and the day view agree
        assert week.day_report(day, BERLIN, AFTER_THE_WEEK, OFFICE).totals == totals


def test_a_missing_log_is_no_history_and_is_not_created(tmp_path: Path) -> None:
    missing = tmp_path / "sitbreak.db"
    with pytest.raises(NoHistoryError, match="no history yet"):
        StatsReader.open(missing)
    assert not missing.exists()


def test_a_log_from_a_newer_sitbreak_is_refused(db_path: Path) -> None:
    SittingLog.open(db_path).close()
    import sqlite3

    with sqlite3.connect(db_path) as raw:
        raw.execute("PRAGMA user_version = 99")
    with pytest.raises(NewerDatabaseError):
        StatsReader.open(db_path)


def test_a_backwards_period_is_refused(week: StatsReader) -> None:
    with pytest.raises(ValueError, match="must not end before it starts"):
        week.period_report(MONDAY, MONDAY - timedelta(days=1), BERLIN, AFTER_THE_WEEK, None)


def test_retention_keeps_the_last_days_and_the_statistics_show_only_those(db_path: Path) -> None:
    with SittingLog.open(db_path) as log:
        build_week(log)
        thursday = MONDAY + timedelta(days=3)
        cutoff = retention_cutoff(30, thursday + timedelta(days=29), BERLIN)
        assert cutoff == at(thursday, 0)
        assert log.delete_before(cutoff) > 0
    with StatsReader.open(db_path) as reader:
        week = reader.period_report(
            MONDAY, MONDAY + timedelta(days=6), BERLIN, AFTER_THE_WEEK, None
        )
    totals = dict(week.days)

    assert totals[MONDAY] == DayTotals()  # gone
    # The bout across midnight ended on the first day kept: it stays, with its share.
    assert totals[thursday].desk_s == pytest.approx(50 * MIN)
    assert totals[MONDAY + timedelta(days=6)].desk_s == 55 * MIN


def test_keeping_forever_deletes_nothing_and_odd_values_are_refused() -> None:
    assert retention_cutoff(0, MONDAY, BERLIN) is None
    with pytest.raises(ValueError, match="got 7"):
        retention_cutoff(7, MONDAY, BERLIN)


def test_the_reader_sees_what_the_running_app_writes_meanwhile(db_path: Path) -> None:
    today = date(2026, 5, 6)
    with SittingLog.open(db_path) as log, StatsReader.open(db_path) as reader:
        session = log.start_session(at(today, 9), "test", "0")
        before = reader.day_report(today, BERLIN, at(today, 12), None)
        sit(log, session, at(today, 9, 10), at(today, 9, 50), 40 * MIN)
        log.touch_session(session, at(today, 12))
        after = reader.day_report(today, BERLIN, at(today, 12), None)

    assert before.totals.desk_s == 0
    assert after.totals.desk_s == 40 * MIN
    assert after.totals.tracked_s == 3 * HOUR
