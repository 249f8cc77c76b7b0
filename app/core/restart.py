"""The restart rule: resume the open bout found in the log, or close it where it stopped.

A restart within the away threshold and without a suspend resumes the open bout;
otherwise it is closed at its last recorded activity. Monotonic readings compare only
within one boot, and boottime minus monotonic grows exactly by the time spent suspended.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from app.core.clock import Instant

SUSPEND_TOLERANCE_S = 1.0


@dataclass(frozen=True, slots=True)
class SavedActivity:
    """What the log kept about the open bout's last activity."""

    wall: datetime
    mono: float | None
    boot: float | None
    boot_id: str | None


@dataclass(frozen=True, slots=True)
class RestartDecision:
    resume: bool
    since_activity_s: float
    why: str


def decide_restart(
    saved: SavedActivity, now: Instant, boot_id: str | None, away_s: float
) -> RestartDecision:
    """Whether the open bout goes on (pure; ``why`` is for the log file)."""
    if saved.mono is None:
        return RestartDecision(False, 0.0, "no monotonic reading was saved")
    if saved.boot_id is not None and boot_id is not None and saved.boot_id != boot_id:
        return RestartDecision(False, 0.0, "the machine was restarted")
    since = now.mono - saved.mono
    if since < 0:
        return RestartDecision(False, 0.0, "the machine was restarted")
    if saved.boot is not None and now.boot is not None:
        slept = (now.boot - now.mono) - (saved.boot - saved.mono)
    else:
        slept = (now.utc_ts - saved.wall.timestamp()) - since  # real time, across DST too
    if slept > SUSPEND_TOLERANCE_S:
        return RestartDecision(False, since, f"the machine slept {slept:.0f} s meanwhile")
    if since >= away_s:
        return RestartDecision(False, since, f"{since:.0f} s passed (away after {away_s:.0f} s)")
    return RestartDecision(True, since, f"restarted {since:.0f} s after the last activity")
