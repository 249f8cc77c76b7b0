"""The day's essentials judged against the goals, and the streak of days meeting them."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from app.core.goals import (
    DayActivity,
    DayGoalResult,
    GoalTargets,
    days_to_close,
    evaluate_day,
    streak,
)

MONDAY = date(2024, 6, 3)
TUESDAY = date(2024, 6, 4)
TARGETS = GoalTargets.from_minutes(walk_minutes=30, stretch_minutes=10, strength_days=(0, 3))
"""Strength on Mondays and Thursdays."""
EVERYTHING = DayActivity(
    walk_s=1800.0, stretch_s=600.0, glute_done=True, strength_done=True, exercises_done=4
)


def _met(day: date) -> DayGoalResult:
    return evaluate_day(day, EVERYTHING, TARGETS)


def _missed(day: date) -> DayGoalResult:
    return evaluate_day(day, DayActivity(walk_s=60.0, exercises_done=1), TARGETS)


# ---------------------------------------------------------------------- one day
def test_a_day_with_every_essential_done_meets_its_goals():
    result = evaluate_day(TUESDAY, EVERYTHING, TARGETS)

    assert (result.walk_met, result.stretch_met, result.glute_done, result.strength_met) == (
        True,
        True,
        True,
        True,
    )
    assert result.met


@pytest.mark.parametrize(
    ("activity", "unmet"),
    [
        (DayActivity(walk_s=1799.0, stretch_s=600.0, glute_done=True), "walk"),
        (DayActivity(walk_s=1800.0, stretch_s=599.0, glute_done=True), "stretch"),
        (DayActivity(walk_s=1800.0, stretch_s=600.0, glute_done=False), "glutes"),
    ],
)
def test_missing_any_one_essential_misses_the_day(activity, unmet):
    result = evaluate_day(TUESDAY, activity, TARGETS)

    assert {
        "walk": not result.walk_met,
        "stretch": not result.stretch_met,
        "glutes": not result.glute_done,
    } == {name: name == unmet for name in ("walk", "stretch", "glutes")}
    assert not result.met


def test_strength_counts_only_on_the_planned_weekdays():
    no_strength = DayActivity(walk_s=1800.0, stretch_s=600.0, glute_done=True)

    on_monday = evaluate_day(MONDAY, no_strength, TARGETS)
    on_tuesday = evaluate_day(TUESDAY, no_strength, TARGETS)

    assert (on_monday.strength_planned, on_monday.strength_met, on_monday.met) == (
        True,
        False,
        False,
    )
    assert (on_tuesday.strength_planned, on_tuesday.strength_met, on_tuesday.met) == (
        False,
        True,
        True,
    )


def test_a_goal_of_zero_is_always_met():
    lazy = GoalTargets.from_minutes(walk_minutes=0, stretch_minutes=0, strength_days=())

    result = evaluate_day(MONDAY, DayActivity(glute_done=True), lazy)

    assert (result.walk_met, result.stretch_met, result.strength_met) == (True, True, True)
    assert result.met


def test_the_goals_in_force_are_kept_with_the_result():
    result = evaluate_day(TUESDAY, DayActivity(walk_s=900.0), TARGETS)

    assert (result.walk_s, result.walk_goal_s, result.stretch_goal_s) == (900.0, 1800.0, 600.0)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"walk_s": -1.0}, "walk_s goal must be 0 seconds or more"),
        ({"stretch_s": float("nan")}, "stretch_s goal must be 0 seconds or more"),
        ({"strength_days": frozenset({2, 7})}, r"weekdays 0 \(Monday\) to 6, got \[7\]"),
    ],
)
def test_impossible_targets_are_refused_by_name(kwargs, message):
    with pytest.raises(ValueError, match=message):
        GoalTargets(**kwargs)


def test_a_day_with_nothing_done_is_empty():
    assert DayActivity().is_empty
    assert not DayActivity(walk_s=60.0).is_empty
    assert not DayActivity(exercises_done=1).is_empty


# ---------------------------------------------------------------------- the streak
def test_the_streak_counts_closed_days_met_up_to_yesterday():
    today = date(2024, 6, 10)
    closed = {day: _met(day) for day in (date(2024, 6, d) for d in (5, 6, 7, 8, 9))}
    closed[date(2024, 6, 4)] = _missed(date(2024, 6, 4))

    assert streak(closed, today) == 5


def test_today_adds_to_the_streak_once_its_goals_are_met():
    today = date(2024, 6, 10)
    closed = {date(2024, 6, 9): _met(date(2024, 6, 9))}

    assert streak(closed, today, today_result=_missed(today)) == 1  # today is not over yet
    assert streak(closed, today, today_result=_met(today)) == 2


def test_a_missed_day_yesterday_breaks_the_streak():
    today = date(2024, 6, 10)
    closed = {date(2024, 6, 8): _met(date(2024, 6, 8)), date(2024, 6, 9): _missed(today)}

    assert streak(closed, today) == 0
    assert streak(closed, today, today_result=_met(today)) == 1


def test_a_day_never_closed_breaks_the_streak():
    """Nothing was done that day (or the app never ran): the streak does not jump it."""
    today = date(2024, 6, 10)
    closed = {day: _met(day) for day in (date(2024, 6, 6), date(2024, 6, 7), date(2024, 6, 9))}

    assert streak(closed, today) == 1


def test_the_streak_runs_across_a_month_and_a_year_end():
    today = date(2025, 1, 2)
    closed = {today - timedelta(days=n): _met(today - timedelta(days=n)) for n in range(1, 41)}

    assert streak(closed, today) == 40


def test_no_history_is_no_streak():
    assert streak({}, TUESDAY) == 0


# ---------------------------------------------------------------------- the rollover's list
def test_days_to_close_are_the_active_days_after_the_last_closed_one_before_today():
    active = {date(2024, 6, d) for d in (1, 3, 4, 6, 8, 10)}

    assert days_to_close(date(2024, 6, 3), active, today=date(2024, 6, 8)) == [
        date(2024, 6, 4),
        date(2024, 6, 6),
    ]


def test_with_nothing_closed_yet_every_active_day_before_today_is_closed():
    active = {date(2024, 6, 2), date(2024, 6, 1), date(2024, 6, 5)}

    assert days_to_close(None, active, today=date(2024, 6, 5)) == [
        date(2024, 6, 1),
        date(2024, 6, 2),
    ]
