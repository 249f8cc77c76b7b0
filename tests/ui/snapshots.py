"""Snapshots for UI tests: one call per state, with the engine's default 45-minute window."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta, timezone

from app.core.model import Phase, Snapshot

NOW = datetime(2025, 6, 13, 11, 0, tzinfo=timezone(timedelta(hours=2)))
WINDOW_START_S = 45 * 60


def snapshot(phase: Phase, desk_s: float = 0.0, **changes: object) -> Snapshot:
    base = Snapshot(
        phase=phase,
        desk_s=desk_s,
        window_start_s=WINDOW_START_S,
        window_end_s=60 * 60,
        bout_start=NOW - timedelta(seconds=desk_s) if desk_s else None,
        paused_until=None,
        paused_indefinitely=False,
        estimated=False,
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def paused(desk_s: float = 20 * 60) -> Snapshot:
    return snapshot(Phase.PAUSED, desk_s, paused_until=NOW + timedelta(hours=1))
