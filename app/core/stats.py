"""What the statistics show: plain values, computed from the log, drawn by the window.

The storage layer fills these (``app/storage/stats.py``); the statistics window, the
``sitbreak stats`` command, the exports and the end-of-day summary read them. Days are
local calendar days, cut at local midnight when the log is queried, never stored.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Final

SHORT_BOUT_S: Final = 30 * 60
"""Bouts shorter than this are the healthy kind (the "under 30 min" bar segment)."""
LONG_BOUT_S: Final = 60 * 60
"""Bouts longer than this are the ones to break up (the "over 60 min" segment)."""

UP_AND_ABOUT_FIRST_GOAL_S: Final = 2 * 3600
"""Buckley et al., "The sedentary office" (Br J Sports Med 2015): build up to 2 h a day of
standing and light activity during working hours ...
"""
UP_AND_ABOUT_FULL_GOAL_S: Final = 4 * 3600
"""... and then progress to 4 h."""


class SpanKind(StrEnum):
    """What a stretch of the day's timeline was."""

    SITTING = "sitting"
    """A bout: desk time without a break."""
    BREAK = "break"
    """The app ran and the user was away from the desk (a natural break or a stand-up)."""
    NOT_TRACKED = "not_tracked"
    """The app was not running: unknown, never counted as a break."""


class BoutLength(StrEnum):
    """The three bands of the week and month bars."""

    SHORT = "short"
    """Under 30 minutes."""
    MEDIUM = "medium"
    """30 to 60 minutes."""
    LONG = "long"
    """Over 60 minutes."""

    @classmethod
    def of(cls, desk_s: float) -> BoutLength:
        if desk_s < SHORT_BOUT_S:
            return cls.SHORT
        if desk_s <= LONG_BOUT_S:
            return cls.MEDIUM
        return cls.LONG


@dataclass(frozen=True, slots=True)
class Span:
    """One piece of the day's timeline ribbon, inside the day."""

    start: datetime
    end: datetime
    kind: SpanKind
    desk_s: float = 0.0
    """For SITTING: the desk seconds of this piece (the bout's share inside the day)."""
    bout_desk_s: float = 0.0
    """For SITTING: the desk seconds of the whole bout (its colour follows its length)."""


@dataclass(frozen=True, slots=True)
class PromptMark:
    """A stand-up prompt on the timeline, and what became of it."""

    at: datetime
    desk_s: float
    """How long the user had been sitting when it came."""
    response: str | None
    """A ``PromptResponse`` value; None while it waits (or if the app stopped first)."""
    reminders: int = 0


@dataclass(frozen=True, slots=True)
class ActivityMark:
    """An exercise, routine or walk done on the day (the timeline's activity row)."""

    start: datetime
    end: datetime
    kind: str
    """"exercise", "routine" or "walk"."""
    name: str
    """The exercise's or routine's name as logged; "Walk" for walks."""


@dataclass(frozen=True, slots=True)
class DayTotals:
    """The figures under the Today ribbon (and one row of an export)."""

    tracked_s: float = 0.0
    """Seconds the app was running during the day."""
    desk_s: float = 0.0
    bouts: int = 0
    longest_bout_s: float = 0.0
    short_s: float = 0.0
    """Desk seconds in bouts under 30 minutes."""
    medium_s: float = 0.0
    long_s: float = 0.0
    stand_ups: int = 0
    """Bouts that ended with the user getting up (away, stand-up, locked, suspended)."""
    prompts: int = 0
    prompts_followed: int = 0
    """Prompts answered with "done" or by a natural break."""
    working_tracked_s: float = 0.0
    """Tracked seconds inside working hours."""
    up_and_about_s: float = 0.0
    """Tracked seconds inside working hours when the user was not sitting: breaks,
    walks, exercises (the Buckley et al. guideline's "standing and light activity")."""
    walk_s: float = 0.0
    stretch_s: float = 0.0
    exercises_done: int = 0
    glute_activation_done: bool = False

    @property
    def stand_ups_per_hour(self) -> float:
        """Stand-ups per hour of desk time; 0 with no desk time."""
        return self.stand_ups / (self.desk_s / 3600) if self.desk_s > 0 else 0.0

    @property
    def average_bout_s(self) -> float:
        return self.desk_s / self.bouts if self.bouts else 0.0

    def seconds_in(self, band: BoutLength) -> float:
        return {
            BoutLength.SHORT: self.short_s,
            BoutLength.MEDIUM: self.medium_s,
            BoutLength.LONG: self.long_s,
        }[band]


@dataclass(frozen=True, slots=True)
class DayReport:
    """Everything the Today view shows for one local day."""

    day: date
    start: datetime
    """Local midnight starting the day (aware)."""
    end: datetime
    """The next local midnight (23 or 25 hours later on a DST change day)."""
    totals: DayTotals
    spans: tuple[Span, ...] = ()
    """In time order, covering [start, min(end, now)] without gaps."""
    prompts: tuple[PromptMark, ...] = ()
    activities: tuple[ActivityMark, ...] = ()
    goals_met: bool | None = None
    """The day-rollover's verdict; None when the day is not closed (today) or no record."""

    @property
    def is_empty(self) -> bool:
        """Nothing was tracked: the view explains instead of drawing zeros."""
        return self.totals.tracked_s <= 0 and not self.activities


@dataclass(frozen=True, slots=True)
class PeriodReport:
    """A week or a month: one ``DayTotals`` per day, and what the period adds up to."""

    first_day: date
    last_day: date
    """Inclusive."""
    days: tuple[tuple[date, DayTotals], ...]
    goals_met: Mapping[date, bool] = field(default_factory=dict)
    """Closed days and whether they met the daily goals (days not closed are absent)."""
    muscle_attention: Mapping[str, int] = field(default_factory=dict)
    """Muscle group value (``MuscleGroup``) -> exercises done that worked it."""

    @property
    def is_empty(self) -> bool:
        return all(totals.tracked_s <= 0 for _, totals in self.days)

    @property
    def desk_s(self) -> float:
        return sum(totals.desk_s for _, totals in self.days)

    @property
    def longest_bout_s(self) -> float:
        return max((totals.longest_bout_s for _, totals in self.days), default=0.0)

    @property
    def days_meeting_goals(self) -> int:
        return sum(1 for met in self.goals_met.values() if met)
