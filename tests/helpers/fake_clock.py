"""A clock the test moves by hand: monotonic, boottime and wall time stay consistent."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from app.core.clock import Instant


class FakeClock:
    """Starts at ``start`` (an aware local time); nothing moves unless the test says so."""

    def __init__(
        self, start: datetime, *, boot_id: str | None = "boot-1", has_boottime: bool = True
    ):
        if start.tzinfo is None:
            raise ValueError("FakeClock needs an aware start time")
        self._mono = 1000.0
        self._boot: float | None = 1000.0 if has_boottime else None
        self._wall = start
        self._boot_id = boot_id

    @property
    def boot_id(self) -> str | None:
        return self._boot_id

    def now(self) -> Instant:
        return Instant(mono=self._mono, wall=self._wall, boot=self._boot)

    def advance(self, seconds: float) -> Instant:
        """Time passes normally (the machine is awake)."""
        self._mono += seconds
        if self._boot is not None:
            self._boot += seconds
        self._wall = _plus(self._wall, seconds)
        return self.now()

    def suspend(self, seconds: float) -> Instant:
        """The machine sleeps: boottime and wall time move, monotonic time does not."""
        if self._boot is not None:
            self._boot += seconds
        self._wall = _plus(self._wall, seconds)
        return self.now()

    def jump_wall(self, seconds: float) -> Instant:
        """The wall clock is set (NTP, by hand): no time passes."""
        self._wall = _plus(self._wall, seconds)
        return self.now()

    def reboot(self, seconds_off: float, boot_id: str = "boot-2") -> Instant:
        """The machine was off for ``seconds_off`` and booted again."""
        self._mono = 10.0
        self._boot = 10.0 if self._boot is not None else None
        self._wall = _plus(self._wall, seconds_off)
        self._boot_id = boot_id
        return self.now()


def _plus(wall: datetime, seconds: float) -> datetime:
    """Add real seconds to a local wall time (UTC arithmetic, so DST days come out right)."""
    return (wall.astimezone(UTC) + timedelta(seconds=seconds)).astimezone(wall.tzinfo)
