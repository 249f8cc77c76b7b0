"""The typed settings: what ``settings.toml`` means once it has been read and checked.

Durations are whole seconds. Defaults live here and nowhere else.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import time
from typing import Any

from app.core.exercise import OFFICE_EQUIPMENT, Equipment, Position, Preferences
from app.core.model import EngineConfig
from app.core.schedule import TimeRange, WorkingHours
from app.settings.upgrades import SCHEMA_VERSION

WEEK = range(7)
"""Weekday numbers, 0 = Monday."""
OFFICE_DAY = TimeRange(time(9, 0), time(17, 0))
TRAY_ICON_STYLES = ("auto", "light", "dark")


@dataclass(frozen=True, slots=True)
class PromptSettings:
    window_start_s: int = 45 * 60
    """Desk time after which the prompt window opens (a prompt may fire at the next lull)."""
    window_end_s: int = 60 * 60
    """Desk time at which the prompt is forced; never before ``window_start_s``."""
    lull_s: int = 15
    snooze_s: int = 10 * 60
    remind_after_s: int = 5 * 60
    max_reminders: int = 2
    delivery: str = "notification"
    """How prompts reach the user: "notification" (the toast only when no notification can
    be shown), "toast" (only Sitbreak's own), or "both"."""
    sound: bool = False
    """A soft sound with each prompt."""


@dataclass(frozen=True, slots=True)
class PresenceSettings:
    away_s: int = 3 * 60
    """Idle this long is a natural break."""


def _office_week() -> dict[int, tuple[TimeRange, ...]]:
    return dict.fromkeys(range(5), (OFFICE_DAY,))


@dataclass(frozen=True, slots=True)
class WorkingHoursSettings:
    enabled: bool = False
    ranges: Mapping[int, tuple[TimeRange, ...]] = field(default_factory=_office_week, hash=False)
    """Weekday (0 = Monday) → its ranges, sorted by start; a day without ranges is not a
    working day. A range whose end is at or before its start runs past midnight."""

    def __post_init__(self) -> None:
        # One spelling per meaning, so that equal hours compare equal: days without ranges
        # are left out, ranges are sorted and unique.
        unknown = sorted(day for day in self.ranges if day not in WEEK)
        if unknown:
            raise ValueError(f"weekdays are 0 (Monday) to 6 (Sunday), not {unknown}")
        normal = {
            day: tuple(sorted(set(self.ranges[day]), key=lambda r: (r.start, r.end)))
            for day in WEEK
            if self.ranges.get(day)
        }
        object.__setattr__(self, "ranges", normal)

    def on(self, day: int) -> tuple[TimeRange, ...]:
        """The ranges of weekday ``day`` (0 = Monday); empty on a day off."""
        return tuple(self.ranges.get(day, ()))

    def working_hours(self) -> WorkingHours:
        return WorkingHours(enabled=self.enabled, ranges=dict(self.ranges))


@dataclass(frozen=True, slots=True)
class QuietSettings:
    """When a due prompt waits instead of showing."""

    when_fullscreen: bool = True
    """While the active window is fullscreen (a film, a presentation, a game)."""
    when_do_not_disturb: bool = True
    """While the notification server or GNOME says do-not-disturb."""


@dataclass(frozen=True, slots=True)
class ExerciseSettings:
    """Which exercises may be suggested; the defaults are an office desk."""

    positions: frozenset[str] = frozenset(p.value for p in Position)
    """:class:`~app.core.exercise.Position` values; empty means no exercise is suggested."""
    equipment: frozenset[str] = frozenset(e.value for e in OFFICE_EQUIPMENT)
    """:class:`~app.core.exercise.Equipment` values the user has at hand."""
    favourites: frozenset[str] = frozenset()
    """Exercise ids, suggested more often; ids no loaded file has are kept as they are."""
    hidden: frozenset[str] = frozenset()
    """Exercise ids never suggested (still listed in the library window)."""

    def preferences(self) -> Preferences:
        return Preferences(
            allowed_positions=frozenset(Position(value) for value in self.positions),
            equipment=frozenset(Equipment(value) for value in self.equipment),
            hidden_ids=self.hidden,
            favourite_ids=self.favourites,
        )

    @classmethod
    def from_preferences(cls, preferences: Preferences) -> ExerciseSettings:
        return cls(
            positions=frozenset(p.value for p in preferences.allowed_positions),
            equipment=frozenset(e.value for e in preferences.equipment),
            favourites=preferences.favourite_ids,
            hidden=preferences.hidden_ids,
        )


@dataclass(frozen=True, slots=True)
class GoalSettings:
    """Daily movement goals (the coach uses them)."""

    walk_minutes: int = 30
    stretch_minutes: int = 10
    strength_days: tuple[int, ...] = (0, 2, 4)
    """Weekdays, 0 = Monday, sorted."""
    strength_time: time = time(18, 0)


@dataclass(frozen=True, slots=True)
class SummarySettings:
    """The quiet notifications that sum up a day or a week (issue 6)."""

    daily: bool = True
    """At the end of working hours (18:00 when they are off): the day in a few figures."""
    weekly: bool = True
    """On the last working day of the week, at the same time: the week."""


KEEP_FOREVER = 0
"""``general.keep_days`` meaning that history is never deleted."""
KEEP_DAYS_RANGE = range(30, 3651)
"""The other values ``general.keep_days`` may take: a month to ten years."""


@dataclass(frozen=True, slots=True)
class GeneralSettings:
    tray_icon_style: str = "auto"
    """One of TRAY_ICON_STYLES: "auto" follows the panel's theme."""
    keep_days: int = KEEP_FOREVER
    """History older than this many days is deleted; KEEP_FOREVER keeps all of it."""

    @property
    def keeps_forever(self) -> bool:
        return self.keep_days == KEEP_FOREVER


@dataclass(frozen=True, slots=True)
class Settings:
    schema: int = SCHEMA_VERSION
    """The schema of the file these came from; newer than SCHEMA_VERSION blocks saving."""
    prompts: PromptSettings = field(default_factory=PromptSettings)
    presence: PresenceSettings = field(default_factory=PresenceSettings)
    working_hours: WorkingHoursSettings = field(default_factory=WorkingHoursSettings)
    quiet: QuietSettings = field(default_factory=QuietSettings)
    exercises: ExerciseSettings = field(default_factory=ExerciseSettings)
    goals: GoalSettings = field(default_factory=GoalSettings)
    summary: SummarySettings = field(default_factory=SummarySettings)
    general: GeneralSettings = field(default_factory=GeneralSettings)
    extra: Mapping[str, Any] = field(default_factory=dict, hash=False)
    """Keys this version does not know, kept so that saving never loses them: top-level keys
    as they are, unknown keys of a known section under the section's name."""

    def preferences(self) -> Preferences:
        """What suggestions must respect (``[exercises]``)."""
        return self.exercises.preferences()

    def with_preferences(self, preferences: Preferences) -> Settings:
        """These settings with ``[exercises]`` taken from ``preferences`` (for saving)."""
        return replace(self, exercises=ExerciseSettings.from_preferences(preferences))

    def engine_config(self) -> EngineConfig:
        prompts = self.prompts
        return EngineConfig(
            window_start_s=prompts.window_start_s,
            window_end_s=prompts.window_end_s,
            away_s=self.presence.away_s,
            lull_s=prompts.lull_s,
            snooze_s=prompts.snooze_s,
            remind_after_s=prompts.remind_after_s,
            max_reminders=prompts.max_reminders,
            working_hours=self.working_hours.working_hours(),
        )
