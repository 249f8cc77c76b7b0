"""Working hours and pauses: when prompts are allowed, in local wall time."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from app.core.schedule import (
    NO_PAUSE,
    Pause,
    PauseChoice,
    TimeRange,
    WorkingHours,
    pause_for,
    tomorrow_start,
)

BERLIN = ZoneInfo("Europe/Berlin")
OFF = WorkingHours()
OFFICE = WorkingHours(
    enabled=True,
    ranges={day: (TimeRange(time(9), time(12)), TimeRange(time(13), time(17))) for day in range(5)},
)
"""Monday to Friday 09:00–12:00 and 13:00–17:00."""
NIGHTS = WorkingHours(enabled=True, ranges={4: (TimeRange(time(22), time(6)),)})
"""Friday night 22:00 to Saturday 06:00."""
ALL_DAY = WorkingHours(enabled=True, ranges={0: (TimeRange(time(0), time(0)),)})


def berlin(
    year: int, month: int, day: int, hour: int, minute: int, second: int = 0, *, fold: int = 0
) -> datetime:
    return datetime(year, month, day, hour, minute, second, tzinfo=BERLIN, fold=fold)


def real_seconds(a: datetime, b: datetime) -> float:
    return b.timestamp() - a.timestamp()


# 2026-03-02 is a Monday, 2026-03-06 a Friday, 2026-03-07 a Saturday.
@pytest.mark.parametrize(
    ("hours", "now", "quiet"),
    [
        pytest.param(OFF, berlin(2026, 3, 7, 3, 0), False, id="off: never quiet"),
        pytest.param(OFFICE, berlin(2026, 3, 2, 8, 59, 59), True, id="before work"),
        pytest.param(OFFICE, berlin(2026, 3, 2, 9, 0), False, id="the start counts"),
        pytest.param(OFFICE, berlin(2026, 3, 2, 12, 30), True, id="lunch between ranges"),
        pytest.param(OFFICE, berlin(2026, 3, 2, 16, 59, 59), False, id="the last second"),
        pytest.param(OFFICE, berlin(2026, 3, 2, 17, 0), True, id="the end is excluded"),
        pytest.param(OFFICE, berlin(2026, 3, 7, 10, 0), True, id="weekend"),
        pytest.param(NIGHTS, berlin(2026, 3, 6, 21, 59), True, id="overnight: before"),
        pytest.param(NIGHTS, berlin(2026, 3, 6, 23, 0), False, id="overnight: evening"),
        pytest.param(NIGHTS, berlin(2026, 3, 7, 3, 0), False, id="overnight: after midnight"),
        pytest.param(NIGHTS, berlin(2026, 3, 7, 6, 0), True, id="overnight: the end"),
        pytest.param(NIGHTS, berlin(2026, 3, 7, 23, 0), True, id="overnight: not Saturday"),
        pytest.param(ALL_DAY, berlin(2026, 3, 2, 23, 59), False, id="00:00-00:00 is all day"),
        pytest.param(ALL_DAY, berlin(2026, 3, 3, 0, 30), True, id="...and that day only"),
    ],
)
def test_quiet_outside_working_hours(hours: WorkingHours, now: datetime, quiet: bool) -> None:
    assert hours.is_quiet(now) is quiet


@pytest.mark.parametrize(
    ("hours", "now", "expected"),
    [
        pytest.param(OFF, berlin(2026, 3, 2, 8, 0), None, id="off"),
        pytest.param(
            WorkingHours(enabled=True), berlin(2026, 3, 2, 8, 0), None, id="on without ranges"
        ),
        pytest.param(OFFICE, berlin(2026, 3, 2, 8, 0), berlin(2026, 3, 2, 9, 0), id="today"),
        pytest.param(
            OFFICE, berlin(2026, 3, 2, 9, 0), berlin(2026, 3, 2, 13, 0), id="strictly after"
        ),
        pytest.param(
            OFFICE, berlin(2026, 3, 6, 18, 0), berlin(2026, 3, 9, 9, 0), id="over the weekend"
        ),
        pytest.param(
            NIGHTS, berlin(2026, 3, 7, 3, 0), berlin(2026, 3, 13, 22, 0), id="a week ahead"
        ),
        pytest.param(
            OFFICE,
            berlin(2026, 3, 27, 18, 0),
            berlin(2026, 3, 30, 9, 0),
            id="across the spring DST change",
        ),
    ],
)
def test_next_start(hours: WorkingHours, now: datetime, expected: datetime | None) -> None:
    found = hours.next_start(now)
    assert found == expected
    if found is not None and expected is not None:
        assert found.utcoffset() == expected.utcoffset()


# ------------------------------------------------------------------------------ pauses
@pytest.mark.parametrize(
    ("choice", "minutes"),
    [(PauseChoice.MIN_30, 30), (PauseChoice.HOUR_1, 60), (PauseChoice.HOUR_2, 120)],
)
def test_timed_pauses_last_that_long(choice: PauseChoice, minutes: int) -> None:
    now = berlin(2026, 3, 2, 10, 0)
    pause = pause_for(choice, now, OFFICE)
    assert pause.until == now + timedelta(minutes=minutes)
    assert not pause.indefinite
    assert pause.active(now + timedelta(minutes=minutes, seconds=-1))
    assert not pause.active(now + timedelta(minutes=minutes))


def test_until_resumed_never_ends_by_itself() -> None:
    pause = pause_for(PauseChoice.INDEFINITELY, berlin(2026, 3, 2, 10, 0), OFF)
    assert pause == Pause(indefinite=True)
    assert pause.active(berlin(2036, 1, 1, 0, 0))
    assert not NO_PAUSE.active(berlin(2026, 3, 2, 10, 0))


@pytest.mark.parametrize(
    ("hours", "now", "until"),
    [
        pytest.param(OFF, berlin(2026, 3, 2, 10, 0), berlin(2026, 3, 3, 4, 0), id="off: 04:00"),
        pytest.param(
            OFF, berlin(2026, 3, 2, 2, 0), berlin(2026, 3, 3, 4, 0), id="off: after midnight"
        ),
        pytest.param(
            OFFICE, berlin(2026, 3, 2, 10, 0), berlin(2026, 3, 3, 9, 0), id="on: next start"
        ),
        pytest.param(
            OFFICE, berlin(2026, 3, 2, 7, 0), berlin(2026, 3, 3, 9, 0), id="on: a later day"
        ),
        pytest.param(
            OFFICE, berlin(2026, 3, 6, 15, 0), berlin(2026, 3, 9, 9, 0), id="on: after a weekend"
        ),
        pytest.param(
            WorkingHours(enabled=True),
            berlin(2026, 3, 2, 10, 0),
            berlin(2026, 3, 3, 4, 0),
            id="on without ranges: 04:00",
        ),
        pytest.param(
            OFF, berlin(2026, 3, 28, 22, 0), berlin(2026, 3, 29, 4, 0), id="off: into spring DST"
        ),
        pytest.param(
            OFFICE,
            berlin(2026, 3, 27, 15, 0),
            berlin(2026, 3, 30, 9, 0),
            id="on: across spring DST",
        ),
        pytest.param(
            OFF, berlin(2026, 10, 24, 23, 0), berlin(2026, 10, 25, 4, 0), id="off: into autumn DST"
        ),
    ],
)
def test_until_tomorrow(hours: WorkingHours, now: datetime, until: datetime) -> None:
    pause = pause_for(PauseChoice.TOMORROW, now, hours)
    assert pause.until == until
    assert pause.until.utcoffset() == until.utcoffset()
    assert tomorrow_start(now, hours) == until


def test_an_hour_is_a_real_hour_on_the_spring_dst_day() -> None:
    """01:30 CET plus one hour is 03:30 CEST: 02:30 does not exist that night."""
    now = berlin(2026, 3, 29, 1, 30)
    pause = pause_for(PauseChoice.HOUR_1, now, OFF)
    assert pause.until is not None
    assert real_seconds(now, pause.until) == 3600
    assert pause.until.utcoffset() == timedelta(hours=2)
    assert pause.active(berlin(2026, 3, 29, 3, 29))
    assert not pause.active(berlin(2026, 3, 29, 3, 30))


def test_a_pause_runs_its_real_length_through_the_repeated_autumn_hour() -> None:
    """02:45 CEST plus 30 min is 02:15 CET, the second time the clock shows 02:15."""
    now = berlin(2026, 10, 25, 2, 45)
    pause = pause_for(PauseChoice.MIN_30, now, OFF)
    assert pause.until is not None
    assert real_seconds(now, pause.until) == 1800
    five_min_later = (now.astimezone(UTC) + timedelta(minutes=5)).astimezone(BERLIN)
    assert five_min_later.fold == 0  # still 02:50 CEST, before the clock goes back
    assert pause.active(five_min_later)
    twenty_nine_min_later = (now.astimezone(UTC) + timedelta(minutes=29)).astimezone(BERLIN)
    assert pause.active(twenty_nine_min_later)
    assert not pause.active(berlin(2026, 10, 25, 2, 15, fold=1))


def test_every_pause_choice_has_a_label_and_a_stable_name() -> None:
    """The names are what the command line and the IPC protocol accept."""
    assert [c.value for c in PauseChoice] == ["30m", "1h", "2h", "tomorrow", "indefinitely"]
    assert all(choice.label for choice in PauseChoice)
