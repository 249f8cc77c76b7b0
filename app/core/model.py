"""The vocabulary shared by the engine and everything that listens to it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from app.core.clock import Instant
from app.core.schedule import WorkingHours


@dataclass(frozen=True, slots=True)
class Sample:
    """What the platform said about the user at one instant."""

    at: Instant
    idle_s: float | None
    """Seconds since the last keyboard or pointer input; None when no idle source works."""
    locked: bool = False
    present: bool = False
    """A presence signal holds (fullscreen window, idle inhibitor): sitting even without input."""
    quiet: bool = False
    """Prompts wait now (a fullscreen window, do-not-disturb); they show when it ends."""


@dataclass(frozen=True, slots=True)
class EngineConfig:
    """The timings of the rules, in seconds. Built from the settings by the composition root."""

    window_start_s: float = 45 * 60
    window_end_s: float = 60 * 60
    away_s: float = 3 * 60
    lull_s: float = 15.0
    snooze_s: float = 10 * 60
    remind_after_s: float = 5 * 60
    max_reminders: int = 2
    working_hours: WorkingHours = field(default_factory=WorkingHours)


class BoutEndReason(StrEnum):
    AWAY = "away"
    """A natural break: idle reached the away threshold."""
    LOCKED = "locked"
    """Idle before a screen lock plus the lock reached the away threshold."""
    SUSPENDED = "suspended"
    """Idle before a suspend (or a stalled process) plus its length reached the threshold."""
    STAND_UP = "stand_up"
    """The user stood up through Sitbreak ("Stand up now", or Done in the stretch window)."""
    QUIT = "quit"
    CRASH = "crash"
    """Found open after the app stopped without closing it; closed at its last activity."""


NATURAL_BREAKS = frozenset({BoutEndReason.AWAY, BoutEndReason.LOCKED, BoutEndReason.SUSPENDED})


class PromptResponse(StrEnum):
    DONE = "done"
    SNOOZE = "snooze"
    SKIP = "skip"
    DISMISSED = "dismissed"
    """The user closed the bubble: treated like Skip."""
    NATURAL_BREAK = "natural_break"
    """Not answered, but the user went away: the prompt was followed."""
    NO_ANSWER = "no_answer"
    """Not answered through every re-reminder: treated like Skip."""
    PAUSED = "paused"
    """The user paused reminders while the prompt waited."""
    QUIT = "quit"


class Phase(StrEnum):
    AWAY = "away"
    SITTING = "sitting"
    WINDOW = "window"
    """Inside the prompt window, waiting for a lull."""
    PROMPTING = "prompting"
    """A prompt is shown and waits for an answer."""
    SNOOZED = "snoozed"
    STRETCHING = "stretching"
    """The stretch window is open: time in it is never desk time."""
    PAUSED = "paused"
    QUIET = "quiet"
    """Outside working hours: prompts are suppressed, the log goes on."""


# ------------------------------------------------------------------------------ events
@dataclass(frozen=True, slots=True)
class BoutStarted:
    start: datetime
    estimated: bool


@dataclass(frozen=True, slots=True)
class BoutProgressed:
    """The open bout moved on: persist it so it survives a crash.

    ``desk_s`` is the desk time up to the last activity, which is what a crash leaves
    standing. ``start`` can move when the wall clock is set while the bout runs: the bout
    keeps its real length rather than ending before it started.
    """

    start: datetime
    desk_s: float
    estimated: bool
    last_activity: datetime
    last_activity_mono: float
    last_activity_boot: float | None


@dataclass(frozen=True, slots=True)
class BoutEnded:
    end: datetime
    reason: BoutEndReason
    desk_s: float


@dataclass(frozen=True, slots=True)
class PromptShown:
    at: datetime
    desk_s: float
    reminder: int
    """0 for the first showing; 1.. for re-reminders, which replace the earlier bubble."""


@dataclass(frozen=True, slots=True)
class PromptResolved:
    at: datetime
    response: PromptResponse


Event = BoutStarted | BoutProgressed | BoutEnded | PromptShown | PromptResolved


@dataclass(frozen=True, slots=True)
class Snapshot:
    """Everything the tray, the status window and ``sitbreak status`` show. Immutable."""

    phase: Phase
    desk_s: float
    """Desk time of the open bout (0 when away)."""
    window_start_s: float
    window_end_s: float
    bout_start: datetime | None
    paused_until: datetime | None
    paused_indefinitely: bool
    estimated: bool
    """No idle source works: desk time is an estimate."""

    @property
    def seconds_to_window(self) -> float | None:
        """Desk seconds until the prompt window opens; None when away, 0 inside it."""
        if self.phase is Phase.AWAY:
            return None
        return max(0.0, self.window_start_s - self.desk_s)

    @property
    def paused(self) -> bool:
        return self.paused_indefinitely or self.paused_until is not None
