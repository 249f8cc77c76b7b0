"""Working hours and pauses: when prompts are allowed, in local wall time."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta
from enum import StrEnum

from app.core.i18n import QT_TRANSLATE_NOOP

NIGHT_RESET = time(4, 0)
""""Until tomorrow" without working hours ends at 04:00."""


@dataclass(frozen=True, slots=True)
class TimeRange:
    start: time
    end: time
    """Exclusive; an end at or before the start runs past midnight into the next day."""

    @property
    def overnight(self) -> bool:
        return self.end <= self.start


@dataclass(frozen=True, slots=True)
class WorkingHours:
    """Ranges per weekday (0 = Monday). Prompts are quiet outside them while enabled."""

    enabled: bool = False
    ranges: Mapping[int, tuple[TimeRange, ...]] = field(default_factory=dict)

    def is_quiet(self, now: datetime) -> bool:
        return self.enabled and not self._working_at(now)

    def _working_at(self, now: datetime) -> bool:
        t = now.time()
        for r in self.ranges.get(now.weekday(), ()):
            if (r.start <= t < r.end) or (r.overnight and t >= r.start):
                return True
        yesterday = self.ranges.get((now.weekday() - 1) % 7, ())
        return any(r.overnight and t < r.end for r in yesterday)

    def next_start(self, now: datetime) -> datetime | None:
        """The first range start strictly after ``now`` (local time), within a week."""
        if not self.enabled:
            return None
        day = now.replace(hour=0, minute=0, second=0, microsecond=0)
        for offset in range(8):
            date = day + timedelta(days=offset)
            starts = sorted(r.start for r in self.ranges.get(date.weekday(), ()))
            for start in starts:
                candidate = _at(date, start)
                if candidate > now:
                    return candidate
        return None


class PauseChoice(StrEnum):
    """One set of pause choices everywhere: tray menu, command line, IPC."""

    MIN_30 = "30m"
    HOUR_1 = "1h"
    HOUR_2 = "2h"
    TOMORROW = "tomorrow"
    INDEFINITELY = "indefinitely"

    @property
    def label(self) -> str:
        return _PAUSE_LABELS[self]


_PAUSE_LABELS = {
    PauseChoice.MIN_30: QT_TRANSLATE_NOOP("PauseChoice", "30 minutes"),
    PauseChoice.HOUR_1: QT_TRANSLATE_NOOP("PauseChoice", "1 hour"),
    PauseChoice.HOUR_2: QT_TRANSLATE_NOOP("PauseChoice", "2 hours"),
    PauseChoice.TOMORROW: QT_TRANSLATE_NOOP("PauseChoice", "Until tomorrow"),
    PauseChoice.INDEFINITELY: QT_TRANSLATE_NOOP("PauseChoice", "Until resumed"),
}


@dataclass(frozen=True, slots=True)
class Pause:
    """Prompts are suppressed until ``until`` (aware wall time), or until resumed."""

    until: datetime | None = None
    indefinite: bool = False

    def active(self, now: datetime) -> bool:
        # Compared as real time: aware datetimes sharing a zone compare by their clock
        # reading, which is wrong in the hour the clock repeats when DST ends.
        return self.indefinite or (
            self.until is not None and now.timestamp() < self.until.timestamp()
        )


NO_PAUSE = Pause()


def pause_for(choice: PauseChoice, now: datetime, hours: WorkingHours) -> Pause:
    """What a pause choice means at ``now`` (aware local time)."""
    if choice is PauseChoice.INDEFINITELY:
        return Pause(indefinite=True)
    if choice is PauseChoice.TOMORROW:
        return Pause(until=tomorrow_start(now, hours))
    minutes = {PauseChoice.MIN_30: 30, PauseChoice.HOUR_1: 60, PauseChoice.HOUR_2: 120}[choice]
    return Pause(until=_later(now, timedelta(minutes=minutes)))


def tomorrow_start(now: datetime, hours: WorkingHours) -> datetime:
    """The next working-hours start on a later day, or 04:00 tomorrow when hours are off."""
    if hours.enabled:
        midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
        start = hours.next_start(midnight + timedelta(days=1) - timedelta(microseconds=1))
        if start is not None:
            return start
    return _at(now + timedelta(days=1), NIGHT_RESET)


def _later(now: datetime, delta: timedelta) -> datetime:
    """``now`` plus a real duration, in ``now``'s zone (local arithmetic would skip DST)."""
    if now.tzinfo is None:
        return now + delta
    return (now.astimezone(UTC) + delta).astimezone(now.tzinfo)


def _at(day: datetime, t: time) -> datetime:
    """``day``'s date at local time ``t``, with the UTC offset that applies then (DST-safe)."""
    naive = datetime.combine(day.date(), t)
    tz = day.tzinfo
    if tz is None:
        return naive
    # For zoneinfo zones this picks the right offset on DST days; fixed offsets stay fixed.
    return naive.replace(tzinfo=tz)
