"""The day's essentials: what was done, what the goals ask, and the streak of days meeting them.

The seed advice asks for a daily practice (walk, stretch, wake the glutes up) and strength
work on a few chosen weekdays. This module only judges: the log measures a day
(``DayActivity``), the settings give the targets (``GoalTargets``), and ``evaluate_day``
says which goals were met. The same rules are written down in docs/schema.md so the
statistics compute them alike.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Final

STRENGTH_DAY_ROUTINE_ID: Final = "strength-day"
"""The bundled "Strength day" routine: completing it is the day's strength work."""

STRETCH_CATEGORIES: Final = frozenset({"stretch", "mobility"})
"""Categories (``Category`` values) whose done exercises count as stretch minutes."""
GLUTE_ACTIVATION_CATEGORIES: Final = frozenset({"activation", "strength"})
"""Categories whose done exercises wake the glutes up, when they work the glutes."""
GLUTE_MUSCLE: Final = "glutes"
STRETCH_WINDOW_CAP_S: Final = 15 * 60.0
"""A stretch-window exercise counts at most this long: a window left open over lunch is
not an hour of stretching."""

WEEKDAYS: Final = range(7)
"""0 = Monday ... 6 = Sunday, as ``date.weekday()``."""


@dataclass(frozen=True, slots=True)
class DayActivity:
    """What the log holds for one local day (or any period): the goals' raw figures."""

    walk_s: float = 0.0
    stretch_s: float = 0.0
    """Active seconds of done stretch and mobility exercises, from either source."""
    glute_done: bool = False
    """A done activation or strength exercise that works the glutes."""
    strength_done: bool = False
    """A completed "Strength day" (or a completed routine of mostly strength steps)."""
    exercises_done: int = 0
    """Exercises done in the stretch window and in routines."""

    @property
    def is_empty(self) -> bool:
        """Nothing was done: such a day is never closed (the app may not even have run)."""
        return self.walk_s <= 0 and self.stretch_s <= 0 and self.exercises_done == 0


@dataclass(frozen=True, slots=True)
class GoalTargets:
    """The daily goals in seconds and the strength weekdays (from ``[goals]`` settings)."""

    walk_s: float = 30 * 60.0
    stretch_s: float = 10 * 60.0
    strength_days: frozenset[int] = frozenset({0, 2, 4})
    """Weekdays with strength work planned, 0 = Monday."""

    def __post_init__(self) -> None:
        for name, seconds in (("walk_s", self.walk_s), ("stretch_s", self.stretch_s)):
            if not (math.isfinite(seconds) and seconds >= 0):
                raise ValueError(f"the {name} goal must be 0 seconds or more, got {seconds!r}")
        stray = sorted(day for day in self.strength_days if day not in WEEKDAYS)
        if stray:
            raise ValueError(f"strength days must be weekdays 0 (Monday) to 6, got {stray}")

    @classmethod
    def from_minutes(
        cls, walk_minutes: float, stretch_minutes: float, strength_days: Iterable[int]
    ) -> GoalTargets:
        """Targets from the settings' units (``GoalSettings``: minutes and weekday numbers)."""
        return cls(
            walk_s=walk_minutes * 60.0,
            stretch_s=stretch_minutes * 60.0,
            strength_days=frozenset(strength_days),
        )

    def strength_planned_on(self, day: date) -> bool:
        return day.weekday() in self.strength_days


@dataclass(frozen=True, slots=True)
class DayGoalResult:
    """One day measured against its goals; what the day-rollover job stores.

    The goals are kept with the result, so a later change of the settings does not rewrite
    whether an old day met them.
    """

    day: date
    walk_s: float
    walk_goal_s: float
    stretch_s: float
    stretch_goal_s: float
    glute_done: bool
    strength_planned: bool
    strength_done: bool
    closed_at: datetime | None = None
    """When the day was closed; None while it is still going on (today)."""

    @property
    def walk_met(self) -> bool:
        return self.walk_s >= self.walk_goal_s

    @property
    def stretch_met(self) -> bool:
        return self.stretch_s >= self.stretch_goal_s

    @property
    def strength_met(self) -> bool:
        """Strength is met when it was done, or when none was planned for the day."""
        return self.strength_done or not self.strength_planned

    @property
    def met(self) -> bool:
        """Every essential of the day was met (a goal of 0 always is)."""
        return self.walk_met and self.stretch_met and self.glute_done and self.strength_met


def evaluate_day(
    day: date,
    activity: DayActivity,
    targets: GoalTargets,
    *,
    closed_at: datetime | None = None,
) -> DayGoalResult:
    """Measure ``day``'s activity against the targets in force."""
    return DayGoalResult(
        day=day,
        walk_s=max(activity.walk_s, 0.0),
        walk_goal_s=targets.walk_s,
        stretch_s=max(activity.stretch_s, 0.0),
        stretch_goal_s=targets.stretch_s,
        glute_done=activity.glute_done,
        strength_planned=targets.strength_planned_on(day),
        strength_done=activity.strength_done,
        closed_at=closed_at,
    )


def streak(
    closed: Mapping[date, DayGoalResult],
    today: date,
    today_result: DayGoalResult | None = None,
) -> int:
    """Days in a row meeting the goals: closed days ending yesterday, plus today once met.

    Today does not break the streak while it is still going on; a day that was never closed
    (no activity, or the app never ran) does, since nothing was done on it.
    """
    days = 1 if today_result is not None and today_result.met else 0
    day = today - timedelta(days=1)
    while (result := closed.get(day)) is not None and result.met:
        days += 1
        day -= timedelta(days=1)
    return days


def days_to_close(last_closed: date | None, active_days: Iterable[date], today: date) -> list[date]:
    """The days the rollover still has to close, oldest first.

    Every day after ``last_closed`` with any activity, never today (it is still going on).
    ``active_days`` are the local days the log has activity on.
    """
    return sorted(
        {day for day in active_days if day < today and (last_closed is None or day > last_closed)}
    )
