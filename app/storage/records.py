"""The values the sitting log hands out: frozen dataclasses, never database rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from app.core.goals import DayActivity, DayGoalResult

__all__ = [
    "DayActivity",
    "DayGoalResult",
    "DaySummary",
    "ExerciseResponse",
    "OpenBout",
    "RoutineOutcome",
    "SessionEndReason",
    "StepOutcome",
    "WalkSource",
]


class SessionEndReason(StrEnum):
    """Why a run of the app ended."""

    QUIT = "quit"
    CRASH = "crash"
    """Found unclosed at the next start; ended at its last heartbeat."""


class ExerciseResponse(StrEnum):
    """What the user did with one exercise shown in the stretch window."""

    DONE = "done"
    ANOTHER = "another"
    """Asked for a different exercise; the next one shown gets its own row."""
    SNOOZE = "snooze"
    SKIP = "skip"
    CLOSED = "closed"
    """Closed the window without answering."""


@dataclass(frozen=True, slots=True)
class OpenBout:
    """The bout still open in the log: what a restart needs to resume or close it."""

    id: int
    session_id: int
    start: datetime
    estimated: bool
    desk_s: float
    """Desk seconds credited up to the last update."""
    last_activity: datetime
    last_activity_mono: float | None
    """``CLOCK_MONOTONIC`` at the last activity; compares only within ``boot_id``."""
    last_activity_boot: float | None
    """``CLOCK_BOOTTIME`` at the last activity, where the OS has it."""
    boot_id: str | None


@dataclass(frozen=True, slots=True)
class DaySummary:
    """Sitting within one period (usually a local day), for ``sitbreak status`` and stats."""

    desk_s: float
    """Desk seconds inside the period; a bout crossing its edges counts with its share."""
    bouts: int
    """Bouts that overlap the period (one crossing midnight counts on both days)."""
    longest_bout_s: float
    """The largest share of one bout inside the period (never more than ``desk_s``)."""


class RoutineOutcome(StrEnum):
    """How a run of a routine in the guided player ended."""

    COMPLETED = "completed"
    """Played through to the end (steps may have been skipped on the way)."""
    STOPPED = "stopped"
    """The user stopped it (or the app quit) before the end."""


class StepOutcome(StrEnum):
    """What became of one exercise inside a routine run."""

    DONE = "done"
    SKIPPED = "skipped"


class WalkSource(StrEnum):
    """Where a walk in the log came from."""

    MANUAL = "manual"
    """Minutes the user entered in the Today view."""
    BREAK = "break"
    """A walk exercise done in the stretch window."""
    ROUTINE = "routine"
    """A walk step done in a routine."""
