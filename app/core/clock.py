"""Time as the domain sees it: one reading of every clock at the same moment.

Durations come from the monotonic clock; wall time is only for what is shown and stored.
On Linux ``CLOCK_BOOTTIME`` keeps counting through suspend while ``CLOCK_MONOTONIC`` does
not, so the difference between two readings tells how long the machine slept.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from pathlib import Path
from typing import Protocol


@dataclass(frozen=True, slots=True)
class Instant:
    """Every clock read at (nearly) the same moment."""

    mono: float
    """``CLOCK_MONOTONIC`` seconds: durations, never shown."""
    wall: datetime
    """Aware local wall time: shown and stored (as UTC plus the offset)."""
    boot: float | None = None
    """``CLOCK_BOOTTIME`` seconds where the OS has it (Linux), else None."""

    @property
    def utc_ts(self) -> float:
        return self.wall.timestamp()

    @property
    def utc_offset_s(self) -> int:
        offset = self.wall.utcoffset()
        return int(offset.total_seconds()) if offset is not None else 0

    def wall_at(self, mono: float) -> datetime:
        """Wall time of an earlier (or later) monotonic reading, using this instant's mapping."""
        shifted = self.wall.astimezone(UTC) + timedelta(seconds=mono - self.mono)
        return shifted.astimezone(self.wall.tzinfo)


class Clock(Protocol):
    """Where the core gets ``now``; injected everywhere so whole days simulate in milliseconds."""

    def now(self) -> Instant: ...

    @property
    def boot_id(self) -> str | None:
        """Identifies this boot of the machine (monotonic readings compare only within one)."""
        ...


def wall_from_utc(utc_ts: float, utc_offset_s: int) -> datetime:
    """Rebuild an aware wall time from what the log stores."""
    return datetime.fromtimestamp(utc_ts, tz=timezone(timedelta(seconds=utc_offset_s)))


class SystemClock:
    """The real clocks of this machine."""

    def __init__(self) -> None:
        self._boot_id = _read_boot_id()
        self._has_boottime = hasattr(time, "CLOCK_BOOTTIME")
        self._zone = local_zone()

    @property
    def boot_id(self) -> str | None:
        return self._boot_id

    @property
    def zone(self) -> tzinfo:
        """The local time zone wall times are given in."""
        return self._zone

    def set_zone(self, zone: tzinfo) -> None:
        """The machine moved to another time zone: wall times follow it from now on."""
        self._zone = zone

    def now(self) -> Instant:
        mono = time.monotonic()
        boot = time.clock_gettime(time.CLOCK_BOOTTIME) if self._has_boottime else None
        wall = datetime.now(self._zone)
        return Instant(mono=mono, wall=wall, boot=boot)


def local_zone() -> tzinfo:
    """The local time zone with its DST rules (a fixed offset only as a last resort)."""
    try:
        import tzlocal

        zone: tzinfo = tzlocal.get_localzone()
    except Exception:  # no zone database, odd /etc/localtime: keep today's offset
        zone = datetime.now(UTC).astimezone().tzinfo or UTC
    return zone


def _read_boot_id() -> str | None:
    try:
        return Path("/proc/sys/kernel/random/boot_id").read_text(encoding="ascii").strip()
    except OSError:
        return None
