"""The real clock: wall times carry the local zone, and follow it when the machine moves."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

from app.core.clock import SystemClock


def test_wall_times_follow_a_new_time_zone_while_monotonic_time_goes_on() -> None:
    clock = SystemClock()
    clock.set_zone(ZoneInfo("Europe/Berlin"))
    before = clock.now()
    clock.set_zone(ZoneInfo("America/New_York"))
    after = clock.now()

    assert clock.zone == ZoneInfo("America/New_York")
    assert before.wall.tzinfo == ZoneInfo("Europe/Berlin")
    assert after.wall.tzinfo == ZoneInfo("America/New_York")
    assert after.mono >= before.mono
    # The same moment, shown on another wall clock: the instant itself did not jump.
    assert timedelta(0) <= after.wall - before.wall < timedelta(seconds=5)
    assert after.wall.utcoffset() != before.wall.utcoffset()
