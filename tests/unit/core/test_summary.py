"""The end-of-day and weekly summary texts, from report values."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from app.core.stats import DayReport, DayTotals, PeriodReport
from app.core.summary import day_summary_text, week_summary_text

BERLIN = ZoneInfo("Europe/Berlin")
MONDAY = date(2026, 3, 23)
WORKDAY = DayTotals(
    tracked_s=9 * 3600,
    desk_s=5 * 3600 + 10 * 60,
    bouts=6,
    longest_bout_s=95 * 60,
    stand_ups=5,
    walk_s=25 * 60,
    stretch_s=6 * 60 + 40,
)


def _day(totals: DayTotals) -> DayReport:
    start = datetime(2026, 3, 23, tzinfo=BERLIN)
    return DayReport(day=MONDAY, start=start, end=start + timedelta(days=1), totals=totals)


def test_the_day_summary_says_desk_time_longest_stretch_stand_ups_and_movement() -> None:
    text = day_summary_text(_day(WORKDAY))

    assert text is not None
    assert text.title == "Your day: 5 h 10 min at the desk"
    assert text.body.splitlines() == [
        "Longest sitting stretch: 1 h 35 min",
        "Stood up 5 times",
        "Walked 25 min, stretched 6 min",
    ]


def test_a_day_without_getting_up_or_moving_says_so_plainly() -> None:
    text = day_summary_text(
        _day(DayTotals(tracked_s=3600, desk_s=3000, bouts=1, longest_bout_s=3000))
    )

    assert text is not None
    assert "You did not stand up from the desk" in text.body
    assert "Walked 0 min, stretched 0 min" in text.body


def test_an_untracked_day_gets_no_summary() -> None:
    assert day_summary_text(_day(DayTotals())) is None


def test_the_week_summary_adds_up_the_days_goals_and_muscles_left_out() -> None:
    days = tuple((MONDAY + timedelta(days=n), WORKDAY if n < 5 else DayTotals()) for n in range(7))
    report = PeriodReport(
        first_day=MONDAY,
        last_day=MONDAY + timedelta(days=6),
        days=days,
        goals_met={
            MONDAY: True,
            MONDAY + timedelta(days=1): False,
            MONDAY + timedelta(days=2): True,
        },
        muscle_attention={"hamstrings": 4, "glutes": 2, "erector-spinae": 1, "quads": 1},
    )

    text = week_summary_text(report)

    assert text is not None
    assert text.title == "Your week: 25 h 50 min at the desk"
    assert text.body.splitlines() == [
        "Longest sitting stretch: 1 h 35 min (on average 51 min)",
        "Stood up 25 times",
        "Walked 2 h 05 min, stretched 33 min",
        "Daily goals met on 2 of 3 days",
        "Not worked this week: Calves and ankles, Hip flexors",
    ]


def test_the_texts_go_through_the_translator() -> None:
    def marked(context: str, text: str) -> str:
        return f"<{context}|{text}>"

    text = day_summary_text(_day(WORKDAY), marked)

    assert text is not None
    assert text.title == "<summary|Your day: <describe|5 h 10 min> at the desk>"


def test_an_untracked_week_gets_no_summary() -> None:
    days = tuple((MONDAY + timedelta(days=n), DayTotals()) for n in range(7))
    report = PeriodReport(first_day=MONDAY, last_day=MONDAY + timedelta(days=6), days=days)
    assert week_summary_text(report) is None
