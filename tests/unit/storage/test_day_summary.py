"""day_summary: a local day's sitting, from a hand-built log, split at local midnight."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from app.core.model import BoutEndReason
from app.storage.log import SittingLog
from app.storage.records import DaySummary
from tests.unit.storage.conftest import BERLIN


def _local(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=BERLIN)


def _day(log: SittingLog, day: date, now: datetime) -> DaySummary:
    """What ``sitbreak status`` asks for: local midnight to the next local midnight."""
    return log.day_summary(_local(day, 0), _local(day + timedelta(days=1), 0), now)


def _closed_bout(
    log: SittingLog, session: int, start: datetime, end: datetime, desk_s: float
) -> None:
    bout = log.open_bout(session, start, estimated=False, last_activity=start)
    log.close_bout(bout, end, BoutEndReason.AWAY, desk_s)


MONDAY = date(2024, 3, 11)
TUESDAY = date(2024, 3, 12)


@pytest.fixture
def built_log(log: SittingLog) -> SittingLog:
    """Monday afternoon, one bout across midnight, Tuesday's work, and a bout still open."""
    session = log.start_session(_local(MONDAY, 14), "x11-screensaver", "0.1.0")
    _closed_bout(log, session, _local(MONDAY, 15), _local(MONDAY, 16), 3000.0)
    _closed_bout(log, session, _local(MONDAY, 23), _local(TUESDAY, 1), 3600.0)
    _closed_bout(log, session, _local(TUESDAY, 9), _local(TUESDAY, 9, 50), 2700.0)
    _closed_bout(log, session, _local(TUESDAY, 10), _local(TUESDAY, 10, 30), 1500.0)
    open_bout = log.open_bout(session, _local(TUESDAY, 23), False, _local(TUESDAY, 23))
    _progress(log, open_bout, _local(TUESDAY, 23), 1000.0, _local(TUESDAY, 23, 20))
    return log


def test_a_day_adds_its_bouts_with_its_share_of_the_one_across_midnight(built_log):
    summary = _day(built_log, TUESDAY, now=_local(TUESDAY, 23, 30))

    # half of the 23:00-01:00 bout, 09:00, 10:00, and the open bout up to its last activity
    assert summary == DaySummary(desk_s=1800 + 2700 + 1500 + 1000, bouts=4, longest_bout_s=2700)


def test_the_day_before_gets_the_other_share_of_the_bout_across_midnight(built_log):
    summary = _day(built_log, MONDAY, now=_local(TUESDAY, 23, 30))

    assert summary == DaySummary(desk_s=3000 + 1800, bouts=2, longest_bout_s=3000)


def test_a_day_without_bouts_is_all_zero(built_log):
    assert _day(built_log, date(2024, 3, 5), now=_local(TUESDAY, 23, 30)) == DaySummary(
        desk_s=0.0, bouts=0, longest_bout_s=0.0
    )


def test_an_open_bout_across_midnight_is_split_by_its_span_up_to_the_last_activity(log):
    session = log.start_session(_local(MONDAY, 22), "x11-screensaver", "0.1.0")
    bout = log.open_bout(session, _local(MONDAY, 23), False, _local(MONDAY, 23))
    _progress(log, bout, _local(MONDAY, 23), 5400.0, _local(TUESDAY, 0, 30))
    now = _local(TUESDAY, 8)  # the app was not running overnight: not counted as sitting

    assert _day(log, MONDAY, now) == DaySummary(desk_s=3600.0, bouts=1, longest_bout_s=3600.0)
    assert _day(log, TUESDAY, now) == DaySummary(desk_s=1800.0, bouts=1, longest_bout_s=1800.0)


def test_an_open_bout_is_not_counted_past_now(log):
    """After the clock was set back, the last activity can lie in the future."""
    session = log.start_session(_local(TUESDAY, 8), "x11-screensaver", "0.1.0")
    bout = log.open_bout(session, _local(TUESDAY, 9), False, _local(TUESDAY, 9))
    _progress(log, bout, _local(TUESDAY, 9), 3600.0, _local(TUESDAY, 10))

    summary = log.day_summary(_local(TUESDAY, 9), _local(TUESDAY, 12), now=_local(TUESDAY, 9, 30))

    assert summary == DaySummary(desk_s=3600.0, bouts=1, longest_bout_s=3600.0)
    assert log.day_summary(
        _local(TUESDAY, 9, 30), _local(TUESDAY, 12), now=_local(TUESDAY, 9, 30)
    ) == DaySummary(desk_s=0.0, bouts=0, longest_bout_s=0.0)


def test_the_short_day_when_summer_time_starts_counts_a_bout_across_the_gap_once(log):
    """On 31 March 2024 Berlin skips 02:00-03:00: the local day is 23 hours long."""
    day = date(2024, 3, 31)
    session = log.start_session(_local(day, 1), "x11-screensaver", "0.1.0")
    _closed_bout(log, session, _local(day, 1, 30), _local(day, 3, 30), 3600.0)  # 1 real hour

    assert _day(log, day, now=_local(day, 12)) == DaySummary(
        desk_s=3600.0, bouts=1, longest_bout_s=3600.0
    )


def test_a_period_that_does_not_move_forward_is_refused(log):
    with pytest.raises(ValueError, match="the period must end after it starts"):
        log.day_summary(_local(TUESDAY, 0), _local(TUESDAY, 0), now=_local(TUESDAY, 12))


def _progress(
    log: SittingLog, bout: int, start: datetime, desk_s: float, last_activity: datetime
) -> None:
    log.update_bout(
        bout,
        start=start,
        desk_s=desk_s,
        estimated=False,
        last_activity=last_activity,
        last_activity_mono=1.0,
        last_activity_boot=1.0,
        boot_id="boot-a",
    )
