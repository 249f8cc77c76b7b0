"""The restart rule: resume the open bout found in the log, or close it where it stopped.

DESIGN.md: a restart within the away threshold and without a suspend resumes the open bout;
otherwise it is closed at its last recorded activity.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from app.core.clock import Instant
from app.core.restart import SavedActivity, decide_restart
from tests.helpers.fake_clock import FakeClock

AWAY_S = 180.0
BERLIN = ZoneInfo("Europe/Berlin")
START = datetime(2026, 3, 2, 9, 0, tzinfo=BERLIN)

Move = Callable[[FakeClock], object]


def advance(seconds: float) -> Move:
    return lambda clock: clock.advance(seconds)


def suspend(seconds: float) -> Move:
    return lambda clock: clock.suspend(seconds)


def jump_wall(seconds: float) -> Move:
    return lambda clock: clock.jump_wall(seconds)


def reboot(seconds_off: float) -> Move:
    return lambda clock: clock.reboot(seconds_off)


def saved_at(clock: FakeClock) -> SavedActivity:
    """What the sitting log keeps about the last activity, read from ``clock`` now."""
    at = clock.now()
    return SavedActivity(wall=at.wall, mono=at.mono, boot=at.boot, boot_id=clock.boot_id)


def decide_after(moves: list[Move], *, has_boottime: bool = True) -> tuple[bool, float, str]:
    clock = FakeClock(START, has_boottime=has_boottime)
    clock.advance(3600)  # the app ran a while before the last activity
    saved = saved_at(clock)
    for move in moves:
        move(clock)
    decision = decide_restart(saved, clock.now(), clock.boot_id, AWAY_S)
    return decision.resume, decision.since_activity_s, decision.why


@pytest.mark.parametrize(
    ("moves", "resume", "why"),
    [
        pytest.param([advance(60)], True, "restarted 60 s after", id="within the threshold"),
        pytest.param([advance(179)], True, "restarted 179 s after", id="just within"),
        pytest.param([advance(180)], False, "180 s passed", id="at the threshold"),
        pytest.param([advance(3600)], False, "3600 s passed", id="beyond the threshold"),
        pytest.param(
            [advance(10), suspend(30), advance(10)], False, "slept 30 s", id="suspended meanwhile"
        ),
        pytest.param([suspend(7200)], False, "slept 7200 s", id="a night's sleep"),
        pytest.param([suspend(0.5)], True, "restarted 0 s after", id="clock jitter is no sleep"),
        pytest.param([reboot(30)], False, "machine was restarted", id="another boot"),
        pytest.param(
            [jump_wall(2 * 3600), advance(60)], True, "60 s after", id="wall clock set forward"
        ),
        pytest.param([jump_wall(-3600), advance(60)], True, "60 s after", id="wall clock set back"),
    ],
)
def test_decision_table_with_boottime(moves: list[Move], resume: bool, why: str) -> None:
    decided, _, reason = decide_after(moves)
    assert decided is resume
    assert why in reason


@pytest.mark.parametrize(
    ("moves", "resume", "why"),
    [
        pytest.param([advance(60)], True, "restarted 60 s after", id="within the threshold"),
        pytest.param([advance(600)], False, "600 s passed", id="beyond the threshold"),
        pytest.param([suspend(30)], False, "slept 30 s", id="suspended: wall time ran on"),
        pytest.param([jump_wall(-3600), advance(60)], True, "60 s after", id="wall set back"),
        # Documented limit: without boottime a forward wall jump looks like a sleep.
        pytest.param([jump_wall(3600), advance(60)], False, "slept 3600 s", id="wall set forward"),
    ],
)
def test_without_boottime_suspend_is_wall_time_minus_monotonic_time(
    moves: list[Move], resume: bool, why: str
) -> None:
    decided, _, reason = decide_after(moves, has_boottime=False)
    assert decided is resume
    assert why in reason


def test_a_resumed_bout_learns_how_long_ago_its_last_activity_was() -> None:
    assert decide_after([advance(42.5)])[:2] == (True, 42.5)


def test_monotonic_time_running_backwards_means_a_new_boot() -> None:
    """Without boot ids (not Linux) a smaller monotonic reading still gives a reboot away."""
    wall = START
    saved = SavedActivity(wall=wall, mono=5000.0, boot=None, boot_id=None)
    now = Instant(mono=30.0, wall=wall + timedelta(minutes=1), boot=None)
    decision = decide_restart(saved, now, None, AWAY_S)
    assert not decision.resume
    assert "machine was restarted" in decision.why


def test_unknown_boot_ids_fall_back_to_the_clocks() -> None:
    saved = SavedActivity(wall=START, mono=5000.0, boot=6000.0, boot_id=None)
    now = Instant(mono=5030.0, wall=START + timedelta(seconds=30), boot=6030.0)
    assert decide_restart(saved, now, "boot-1", AWAY_S).resume


def test_a_bout_without_a_monotonic_reading_is_closed() -> None:
    """A row written before the first progress report (or by an old version)."""
    saved = SavedActivity(wall=START, mono=None, boot=None, boot_id="boot-1")
    now = Instant(mono=1010.0, wall=START + timedelta(seconds=10), boot=1010.0)
    decision = decide_restart(saved, now, "boot-1", AWAY_S)
    assert not decision.resume
    assert "no monotonic reading" in decision.why


def test_without_boottime_a_dst_change_is_no_sleep() -> None:
    """The last activity 01:59 CET, the restart a real minute later at 03:00 CEST."""
    saved = SavedActivity(
        wall=datetime(2026, 3, 29, 1, 59, tzinfo=BERLIN), mono=5000.0, boot=None, boot_id="b"
    )
    now = Instant(mono=5060.0, wall=datetime(2026, 3, 29, 3, 0, tzinfo=BERLIN), boot=None)
    decision = decide_restart(saved, now, "b", AWAY_S)
    assert decision.resume, decision.why


def test_the_stored_offset_and_the_local_zone_compare_as_real_time() -> None:
    """The log gives back UTC plus the offset it stored; the clock gives the local zone."""
    stored = datetime(2026, 3, 29, 1, 59, tzinfo=timezone(timedelta(hours=1)))
    saved = SavedActivity(wall=stored, mono=5000.0, boot=None, boot_id="b")
    now = Instant(mono=5060.0, wall=datetime(2026, 3, 29, 3, 0, tzinfo=BERLIN), boot=None)
    assert decide_restart(saved, now, "b", AWAY_S).resume
