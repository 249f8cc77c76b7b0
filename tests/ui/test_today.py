"""The Today window with its controller and a real sitting log on a temporary file."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from app.core.goals import DayGoalResult, GoalTargets
from app.storage.log import SittingLog
from app.storage.records import ExerciseResponse
from app.ui.today_controller import TodayController, routine_buttons
from app.ui.today_window import BAR_STEPS, TodayWindow
from tests.helpers.fake_clock import FakeClock

BERLIN = ZoneInfo("Europe/Berlin")
THURSDAY = date(2024, 6, 6)
NOW = datetime(2024, 6, 6, 15, 30, tzinfo=BERLIN)
TARGETS = GoalTargets.from_minutes(walk_minutes=30, stretch_minutes=10, strength_days=(0, 2))
"""Strength on Mondays and Wednesdays: none planned on Thursday the 6th."""


@pytest.fixture(autouse=True)
def english_dates() -> Iterator[None]:
    """Weekday and month names in English whatever the machine's locale."""
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    yield
    QLocale.setDefault(before)


@pytest.fixture
def sitting_log(tmp_path: Path) -> Iterator[SittingLog]:
    with SittingLog.open(tmp_path / "sitbreak.db") as opened:
        yield opened


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(NOW)


@pytest.fixture
def today(qtbot: QtBot, sitting_log: SittingLog, clock: FakeClock) -> TodayController:
    window = TodayWindow(routine_buttons())
    qtbot.addWidget(window)
    return TodayController(window, sitting_log, lambda: TARGETS, clock)


def _bar_fraction(value: int) -> float:
    return value / BAR_STEPS


def _close(log: SittingLog, day: date, *, met: bool) -> None:
    activity_s = 3600.0 if met else 60.0
    result = DayGoalResult(
        day=day,
        walk_s=activity_s,
        walk_goal_s=1800.0,
        stretch_s=activity_s,
        stretch_goal_s=600.0,
        glute_done=True,
        strength_planned=False,
        strength_done=False,
        closed_at=datetime.combine(day + timedelta(days=1), datetime.min.time(), tzinfo=BERLIN),
    )
    log.close_day(result)


def test_an_empty_day_says_what_counts_and_shows_the_goals_at_zero(today):
    today.show_today()

    window = today.window
    assert window.isVisible()
    assert window.empty_label.isVisible()
    assert window.empty_label.text() == "Nothing yet today: a walk or a stretch counts here."
    assert window.walk_text.text() == "0 of 30 min"
    assert window.stretch_text.text() == "0 of 10 min"
    assert window.walk_bar.value() == 0
    assert window.glute_mark.text() == "○"
    assert window.streak_label.text() == "No streak yet: meet today's goals to start one"
    assert window.date_label.text() == "Thursday, 6 June"


def test_adding_a_walk_fills_the_walking_bar_and_is_logged(today, sitting_log, qtbot):
    sitting_log.add_walk(NOW - timedelta(hours=3), 8 * 60.0, "break")
    today.show_today()
    assert today.window.walk_text.text() == "8 of 30 min"

    today.window.walk_minutes.setValue(10)
    with qtbot.waitSignal(today.walk_added, timeout=2000):
        QTest.mouseClick(today.window.add_walk_button, Qt.MouseButton.LeftButton)

    assert today.window.walk_text.text() == "18 of 30 min"
    assert _bar_fraction(today.window.walk_bar.value()) == pytest.approx(18 / 30, abs=0.001)
    assert not today.window.empty_label.isVisible()
    start, end = NOW.replace(hour=0, minute=0), NOW.replace(hour=23, minute=59)
    assert sitting_log.day_activity(start, end).walk_s == 18 * 60.0


def test_a_walk_entered_just_after_midnight_counts_for_the_new_day(qtbot, sitting_log, clock):
    clock.advance((datetime(2024, 6, 7, 0, 10, tzinfo=BERLIN) - NOW).total_seconds())
    window = TodayWindow(routine_buttons())
    qtbot.addWidget(window)
    controller = TodayController(window, sitting_log, lambda: TARGETS, clock)
    controller.show_today()

    controller.add_walk(30)

    assert window.walk_text.text() == "10 of 30 min"  # the 20 minutes before midnight are cut


def test_a_done_glute_exercise_ticks_glute_activation(today, sitting_log):
    today.show_today()
    assert today.window.glute_mark.text() == "○"

    shown = sitting_log.record_exercise_shown(
        None, NOW, "clamshell", "Clamshell", ["glutes", "abductors"], category="activation"
    )
    sitting_log.resolve_exercise_shown(shown, ExerciseResponse.DONE, NOW + timedelta(minutes=2))
    today.refresh()

    assert today.window.glute_mark.text() == "✓"
    assert today.window.glute_text.text() == "Glutes woken up today"


def test_stretches_from_the_window_and_a_routine_add_up(today, sitting_log):
    shown = sitting_log.record_exercise_shown(
        None, NOW - timedelta(hours=2), "calf", "Calf stretch", ["calves"], category="stretch"
    )
    sitting_log.resolve_exercise_shown(
        shown, ExerciseResponse.DONE, NOW - timedelta(hours=2) + timedelta(minutes=2)
    )
    run = sitting_log.start_routine_run("daily-posterior-chain-stretch", "Daily", NOW)
    sitting_log.record_routine_step(
        run,
        exercise_id="hamstring",
        name="Hamstring stretch",
        category="stretch",
        muscles=["hamstrings"],
        active_s=5 * 60.0,
        outcome="done",
        at=NOW + timedelta(minutes=5),
    )

    today.show_today()

    assert today.window.stretch_text.text() == "7 of 10 min"


def test_the_streak_counts_closed_days_and_today_once_met(today, sitting_log):
    for days_ago in (1, 2, 3):
        _close(sitting_log, THURSDAY - timedelta(days=days_ago), met=True)
    _close(sitting_log, THURSDAY - timedelta(days=4), met=False)
    _close(sitting_log, THURSDAY - timedelta(days=5), met=True)

    today.show_today()
    assert today.window.streak_label.text() == "3 days in a row"

    sitting_log.add_walk(NOW - timedelta(hours=1), 1800.0, "manual")
    run = sitting_log.start_routine_run("glute-wake-up", "Glute wake-up", NOW)
    for step, (category, muscles) in enumerate(
        [("activation", ["glutes"]), ("stretch", ["hamstrings"])]
    ):
        sitting_log.record_routine_step(
            run,
            exercise_id=f"step-{step}",
            name=f"Step {step}",
            category=category,
            muscles=muscles,
            active_s=600.0,
            outcome="done",
            at=NOW + timedelta(minutes=10 * (step + 1)),
        )
    today.refresh()

    assert today.window.streak_label.text() == "4 days in a row"
    assert today.window.walk_text.font().bold()  # a goal met stands out


def test_a_long_streak_is_counted_beyond_one_year(today, sitting_log):
    for days_ago in range(1, 401):
        _close(sitting_log, THURSDAY - timedelta(days=days_ago), met=True)

    today.show_today()

    assert today.window.streak_label.text() == "400 days in a row"


def test_strength_words_follow_the_plan(qtbot, sitting_log, clock):
    window = TodayWindow(routine_buttons())
    qtbot.addWidget(window)
    targets = TARGETS
    controller = TodayController(window, sitting_log, lambda: targets, clock)

    controller.show_today()
    assert window.strength_text.text() == "No strength work planned today; next: Monday"

    targets = GoalTargets.from_minutes(30, 10, strength_days=(3,))  # Thursday: today
    controller.refresh()
    assert window.strength_text.text() == "Strength day today: not done yet"
    assert window.strength_mark.text() == "○"

    run = sitting_log.start_routine_run("strength-day", "Strength day", NOW)
    sitting_log.record_routine_step(
        run,
        exercise_id="squat",
        name="Squat",
        category="strength",
        muscles=["glutes", "quads"],
        active_s=1400.0,
        outcome="done",
        at=NOW + timedelta(minutes=25),
    )
    sitting_log.finish_routine_run(run, NOW + timedelta(minutes=25), "completed", 1400.0)
    controller.refresh()
    assert window.strength_text.text() == "Strength work done today"
    assert window.strength_mark.text() == "✓"


def test_the_routine_buttons_ask_for_their_routine(today, qtbot):
    today.show_today()

    for routine_id in ("glute-wake-up", "daily-posterior-chain-stretch", "strength-day"):
        with qtbot.waitSignal(today.start_routine, timeout=2000) as asked:
            QTest.mouseClick(today.window.routine_buttons[routine_id], Qt.MouseButton.LeftButton)
        assert asked.args == [routine_id]


def test_showing_the_window_again_reads_the_log_again(today, sitting_log):
    today.show_today()
    today.window.hide()
    sitting_log.add_walk(NOW - timedelta(minutes=30), 1200.0, "break")

    today.window.show()  # e.g. from the tray menu

    assert today.window.walk_text.text() == "20 of 30 min"


def test_a_walk_that_cannot_be_saved_is_reported_and_nothing_changes(today, sitting_log):
    today.show_today()
    sitting_log.close()  # the log went away under the window

    today.add_walk(15)

    assert today.window.problem_label.isVisible()
    assert today.window.problem_label.text().startswith("The walk could not be saved:")
