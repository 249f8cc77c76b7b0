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


@dataclass(frozen=True, slots=True)
class PresenceSettings:
    away_s: int = 3 * 60
    """Idle this long is a natural break."""


@dataclass(frozen=True, slots=True)
class WorkingHoursSettings:
    enabled: bool = False
    days: tuple[int, ...] = (0, 1, 2, 3, 4)
    """Weekdays, 0 = Monday."""
    start: time = time(9, 0)
    end: time = time(17, 0)
    """An end at or before the start runs past midnight."""


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
class Settings:
    schema: int = SCHEMA_VERSION
    """The schema of the file these came from; newer than SCHEMA_VERSION blocks saving."""
    prompts: PromptSettings = field(default_factory=PromptSettings)
    presence: PresenceSettings = field(default_factory=PresenceSettings)
    working_hours: WorkingHoursSettings = field(default_factory=WorkingHoursSettings)
    exercises: ExerciseSettings = field(default_factory=ExerciseSettings)
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
        prompts, hours = self.prompts, self.working_hours
        ranges = {day: (TimeRange(hours.start, hours.end),) for day in hours.days}
        return EngineConfig(
            window_start_s=prompts.window_start_s,
            window_end_s=prompts.window_end_s,
            away_s=self.presence.away_s,
            lull_s=prompts.lull_s,
            snooze_s=prompts.snooze_s,
            remind_after_s=prompts.remind_after_s,
            max_reminders=prompts.max_reminders,
            working_hours=WorkingHours(enabled=hours.enabled, ranges=ranges),
        )
