"""What the Today window shows: the day's essentials read from the log, judged, in words.

The controller reads the log through the small :class:`CoachLog` protocol (a
``SittingLog`` fits) and the time through the injected clock, so a test drives it with a
real log file and a fixed clock. It reads again whenever the window is shown and when
the composition root calls :meth:`TodayController.refresh` (after something was logged).
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable, Mapping
from datetime import date, datetime, time, timedelta
from typing import Final, Protocol

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QObject, Signal

from app.core.clock import Clock
from app.core.goals import (
    STRENGTH_DAY_ROUTINE_ID,
    DayActivity,
    DayGoalResult,
    GoalTargets,
    evaluate_day,
    streak,
)
from app.ui.today_window import GoalLine, RoutineButton, TodayViewModel, TodayWindow

log = logging.getLogger(__name__)

GLUTE_WAKE_UP_ROUTINE_ID: Final = "glute-wake-up"
DAILY_STRETCH_ROUTINE_ID: Final = "daily-posterior-chain-stretch"
STREAK_READ_DAYS: Final = 366
"""Closed days read per query while counting the streak back (one query for most users)."""


class CoachLog(Protocol):
    """The part of the sitting log the Today view needs (``SittingLog`` has it)."""

    def day_activity(self, start: datetime, end: datetime) -> DayActivity: ...

    def goal_results(self, first: date, last: date) -> Mapping[date, DayGoalResult]: ...

    def add_walk(self, start: datetime, duration_s: float, source: str) -> int: ...


def routine_buttons() -> tuple[RoutineButton, ...]:
    """The bundled routines the Today window offers, in the order of a day."""
    return (
        RoutineButton(
            GLUTE_WAKE_UP_ROUTINE_ID,
            QCoreApplication.translate("TodayController", "Glute wake-up"),
            QCoreApplication.translate(
                "TodayController", "Five minutes that switch the glutes back on after sitting"
            ),
        ),
        RoutineButton(
            DAILY_STRETCH_ROUTINE_ID,
            QCoreApplication.translate("TodayController", "Daily posterior-chain stretch"),
            QCoreApplication.translate(
                "TodayController", "The day's stretches for hamstrings, calves, hips and back"
            ),
        ),
        RoutineButton(
            STRENGTH_DAY_ROUTINE_ID,
            QCoreApplication.translate("TodayController", "Strength day"),
            QCoreApplication.translate(
                "TodayController", "Squats, deadlifts, lunges, band abductions and leg lifts"
            ),
        ),
    )


def local_day_bounds(day: date, zone_of: datetime) -> tuple[datetime, datetime]:
    """Local midnight starting ``day`` and the next one, in ``zone_of``'s time zone.

    With a zone that has DST rules the day is 23 or 25 hours long on the change days.
    """
    zone = zone_of.tzinfo
    return (
        datetime.combine(day, time(0), tzinfo=zone),
        datetime.combine(day + timedelta(days=1), time(0), tzinfo=zone),
    )


class TodayController(QObject):
    """Fills a :class:`TodayWindow` from the log and logs the walks the user enters."""

    start_routine = Signal(str)
    """The user asked to play the routine with this id (connect it to the player)."""
    walk_added = Signal()
    """A manual walk was logged (statistics that are open may want to read again)."""

    def __init__(
        self,
        window: TodayWindow,
        coach_log: CoachLog,
        targets: Callable[[], GoalTargets],
        clock: Clock,
        parent: QObject | None = None,
    ) -> None:
        """``targets`` is called at each refresh, so a change in the settings shows at once."""
        super().__init__(parent)
        self._window = window
        self._log = coach_log
        self._targets = targets
        self._clock = clock
        window.shown.connect(self.refresh)
        window.add_walk_requested.connect(self.add_walk)
        window.start_routine.connect(self.start_routine)

    @property
    def window(self) -> TodayWindow:
        return self._window

    def show_today(self) -> None:
        """Open the window (the tray's "Today"); it reads the log as it shows."""
        if self._window.isVisible():
            self.refresh()
        self._window.present()

    def refresh(self) -> None:
        """Read today's activity and the closed days again and show them."""
        now = self._clock.now().wall
        today = now.date()
        start, end = local_day_bounds(today, now)
        targets = self._targets()
        try:
            activity = self._log.day_activity(start, end)
            result = evaluate_day(today, activity, targets)
            days_in_a_row = self._streak(today, result)
        except Exception:  # a log that cannot be read must not take the window down
            log.exception("Reading today's activity failed")
            self._window.show_problem(
                QCoreApplication.translate(
                    "TodayController", "Today's activity could not be read from the log."
                )
            )
            return
        self._window.show_problem("")
        self._window.show_today(self._model(now, activity, result, days_in_a_row, targets))

    def add_walk(self, minutes: int) -> None:
        """Log a walk of ``minutes`` that ended now (cut at midnight, so it counts today)."""
        if minutes <= 0:
            self._window.show_problem(
                QCoreApplication.translate("TodayController", "A walk needs at least one minute.")
            )
            return
        now = self._clock.now().wall
        midnight, _ = local_day_bounds(now.date(), now)
        start = max(now - timedelta(minutes=minutes), midnight)
        duration_s = (now - start).total_seconds()
        if duration_s <= 0:  # the very first instant of the day: nothing to cut from
            start, duration_s = now, minutes * 60.0
        try:
            self._log.add_walk(start, duration_s, "manual")
        except Exception as error:
            log.exception("Logging a walk of %d min failed", minutes)
            self._window.show_problem(
                QCoreApplication.translate(
                    "TodayController", "The walk could not be saved: {problem}"
                ).format(problem=error)
            )
            return
        self.refresh()
        self.walk_added.emit()

    # ------------------------------------------------------------------ internals
    def _streak(self, today: date, today_result: DayGoalResult) -> int:
        closed: dict[date, DayGoalResult] = {}
        first = today
        while True:
            last, first = first - timedelta(days=1), first - timedelta(days=STREAK_READ_DAYS)
            closed.update(self._log.goal_results(first, last))
            days = streak(closed, today, today_result)
            counted_back = days - (1 if today_result.met else 0)
            if counted_back < (today - first).days:  # the streak ended inside this read
                return days

    def _model(
        self,
        now: datetime,
        activity: DayActivity,
        result: DayGoalResult,
        days_in_a_row: int,
        targets: GoalTargets,
    ) -> TodayViewModel:
        locale = QLocale()
        return TodayViewModel(
            date_text=locale.toString(
                QDate(now.year, now.month, now.day),
                QCoreApplication.translate("TodayController", "dddd, d MMMM"),
            ),
            walk=_goal_line(result.walk_s, result.walk_goal_s),
            stretch=_goal_line(result.stretch_s, result.stretch_goal_s),
            glute_done=result.glute_done,
            glute_text=(
                QCoreApplication.translate("TodayController", "Glutes woken up today")
                if result.glute_done
                else QCoreApplication.translate(
                    "TodayController",
                    "Glutes not woken up yet: a bridge, a clamshell or a march will do",
                )
            ),
            strength_done=result.strength_done,
            strength_text=_strength_text(result, now.date(), targets, locale),
            streak_text=_streak_text(days_in_a_row),
            empty_text=(
                QCoreApplication.translate(
                    "TodayController", "Nothing yet today: a walk or a stretch counts here."
                )
                if activity.is_empty
                else ""
            ),
        )


def _goal_line(done_s: float, goal_s: float) -> GoalLine:
    done_min = math.floor(done_s / 60)
    if goal_s <= 0:
        return GoalLine(
            text=QCoreApplication.translate("TodayController", "{done} min (no goal)").format(
                done=done_min
            ),
            fraction=1.0,
            met=True,
        )
    goal_min = math.ceil(goal_s / 60)
    return GoalLine(
        text=QCoreApplication.translate("TodayController", "{done} of {goal} min").format(
            done=done_min, goal=goal_min
        ),
        fraction=min(done_s / goal_s, 1.0),
        met=done_s >= goal_s,
    )


def _strength_text(
    result: DayGoalResult, today: date, targets: GoalTargets, locale: QLocale
) -> str:
    if result.strength_done:
        return QCoreApplication.translate("TodayController", "Strength work done today")
    if result.strength_planned:
        return QCoreApplication.translate("TodayController", "Strength day today: not done yet")
    next_day = next(
        (
            today + timedelta(days=ahead)
            for ahead in range(1, 8)
            if (today + timedelta(days=ahead)).weekday() in targets.strength_days
        ),
        None,
    )
    if next_day is None:
        return QCoreApplication.translate(
            "TodayController", "No strength days planned (choose them in the settings)"
        )
    weekday = locale.standaloneDayName(next_day.isoweekday(), QLocale.FormatType.LongFormat)
    return QCoreApplication.translate(
        "TodayController", "No strength work planned today; next: {weekday}"
    ).format(weekday=weekday)


def _streak_text(days: int) -> str:
    if days <= 0:
        return QCoreApplication.translate(
            "TodayController", "No streak yet: meet today's goals to start one"
        )
    if days == 1:
        return QCoreApplication.translate("TodayController", "1 day in a row")
    return QCoreApplication.translate("TodayController", "{days} days in a row").format(days=days)
