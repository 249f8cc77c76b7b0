"""The time zone changes while Sitbreak runs (a flight, a new laptop setting).

The coordinator's ``status`` must cut "today" at the new zone's midnight and show times in
the new zone, while the bout that is running goes on without a jump in desk time. Engine
scenarios cover clock jumps, DST and suspend across midnight (tests/scenarios); this is
the zone change, through the real coordinator and the real log.
"""

from __future__ import annotations

from datetime import datetime, timedelta, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from app.core.clock import Instant
from app.core.model import BoutEndReason
from app.storage import SittingLog
from tests.faults.rig import running_desk
from tests.helpers.fake_clock import FakeClock

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")
START = datetime(2026, 3, 2, 10, 0, tzinfo=BERLIN)  # 04:00 in New York


class ZoneSwitchingClock(FakeClock):
    """A fake clock whose local zone the test changes, as the system's setting would."""

    def __init__(self, start: datetime) -> None:
        super().__init__(start)
        self.zone: tzinfo = start.tzinfo or BERLIN

    def now(self) -> Instant:
        instant = super().now()
        return Instant(
            mono=instant.mono, wall=instant.wall.astimezone(self.zone), boot=instant.boot
        )


def test_a_time_zone_change_moves_todays_midnight_and_the_shown_times(tmp_path: Path) -> None:
    with SittingLog.open(tmp_path / "sitbreak.db") as sitting_log:
        # Last night's late bout: 00:30–01:00 in Berlin is 18:30–19:00 yesterday in New York.
        night = datetime(2026, 3, 2, 0, 30, tzinfo=BERLIN)
        session = sitting_log.start_session(night, "scripted", "0.1.0")
        bout = sitting_log.open_bout(session, night, False, night)
        sitting_log.close_bout(bout, night + timedelta(minutes=30), BoutEndReason.AWAY, 1800.0)

        clock = ZoneSwitchingClock(START)
        with running_desk(sitting_log, START, tmp_path, clock=clock) as desk:
            desk.type_for(10 * 60)
            before = desk.coordinator.status()
            assert before["today"]["bouts"] == 2
            assert before["today"]["desk_seconds"] == pytest.approx(1800 + 600, abs=1)
            assert before["bout_start"] == "2026-03-02T10:00:00+01:00"

            clock.zone = NEW_YORK
            desk.type_for(60)
            after = desk.coordinator.status()

            assert after["today"]["bouts"] == 1  # last night's bout was yesterday there
            assert after["today"]["desk_seconds"] == pytest.approx(660, abs=1)
            assert after["bout_start"] == "2026-03-02T04:00:00-05:00"
            assert after["desk_seconds"] == pytest.approx(before["desk_seconds"] + 60, abs=1)
            assert after["state"] == "sitting"
            found = sitting_log.find_open_bout()
            assert found is not None
            assert found.last_activity.utcoffset() == timedelta(hours=-5)  # stored as such
