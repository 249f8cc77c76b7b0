"""One exercise's dose laid out in time: get ready, each set on each side, the pauses between.

::

    get ready → set 1 left → switch → set 1 right → rest → set 2 left → … → finished

Pure arithmetic on elapsed milliseconds, shared by the stretch window (one exercise) and the
routine player (many in a row), so both take exactly as long as
:attr:`Dose.estimated_s <app.core.exercise.Dose.estimated_s>` promises: the pauses are the
ones it counts.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, StrEnum

from app.core.exercise import REP_S, SET_REST_S, SETUP_S, SIDE_SWITCH_S, Dose


class Side(StrEnum):
    LEFT = "left"
    RIGHT = "right"


@dataclass(frozen=True, slots=True)
class Timing:
    """The pace of the work and the pauses around it, in seconds."""

    get_ready_s: float = SETUP_S
    """Before the first set: time to read the steps and get into position."""
    side_switch_s: float = SIDE_SWITCH_S
    """Between the sides of one set."""
    set_rest_s: float = SET_REST_S
    """Between two sets."""
    rep_s: float = REP_S
    """Suggested time per rep: slow and controlled, there and back."""


@dataclass(frozen=True, slots=True)
class Round:
    """One set on one side (or one set, for an exercise without sides)."""

    set_number: int
    """1-based."""
    side: Side | None
    length_ms: int


class Stage(Enum):
    GET_READY = "get_ready"
    ACTIVE = "active"
    CHANGE = "change"
    """Between two rounds (a side switch or a rest); ``round_index`` is the round to come."""
    FINISHED = "finished"


@dataclass(frozen=True, slots=True)
class Moment:
    """Where the timeline is at one moment."""

    stage: Stage
    round_index: int
    """The round running, or about to start (get ready, change); the last one when finished."""
    stage_elapsed_ms: int
    stage_length_ms: int

    @property
    def stage_remaining_ms(self) -> int:
        return max(0, self.stage_length_ms - self.stage_elapsed_ms)


@dataclass(frozen=True, slots=True)
class Span:
    """One stage of the timeline with its place on it; the routine player chains these."""

    stage: Stage
    """Never ``FINISHED``."""
    round_index: int
    start_ms: int
    length_ms: int

    @property
    def end_ms(self) -> int:
        return self.start_ms + self.length_ms


class ExerciseTimeline:
    """A dose laid out as a timeline: pure arithmetic on elapsed milliseconds."""

    def __init__(self, dose: Dose, timing: Timing) -> None:
        self.dose = dose
        self.rep_s = timing.rep_s
        work_s = dose.hold_s if dose.hold_s is not None else (dose.reps or 0) * timing.rep_s
        sides: tuple[Side | None, ...] = (Side.LEFT, Side.RIGHT) if dose.per_side else (None,)
        self.rounds = tuple(
            Round(set_number=number, side=side, length_ms=round(work_s * 1000))
            for number in range(1, dose.sets + 1)
            for side in sides
        )
        self.get_ready_ms = round(timing.get_ready_s * 1000)
        self.side_switch_ms = round(timing.side_switch_s * 1000)
        self.set_rest_ms = round(timing.set_rest_s * 1000)
        self.spans = self._lay_out()
        self.total_ms = self.spans[-1].end_ms

    @property
    def is_hold(self) -> bool:
        return self.dose.hold_s is not None

    def position_at(self, elapsed_ms: int) -> Moment:
        """Where the timeline is ``elapsed_ms`` after it started (negative counts as 0)."""
        t = max(0, elapsed_ms)
        for span in self.spans:
            if t < span.end_ms:
                return Moment(span.stage, span.round_index, t - span.start_ms, span.length_ms)
        return Moment(Stage.FINISHED, len(self.rounds) - 1, t - self.total_ms, 0)

    def pause_before(self, round_index: int) -> int:
        """The pause leading into round ``round_index`` (> 0): a side switch or a set rest."""
        same_set = self.rounds[round_index].set_number == self.rounds[round_index - 1].set_number
        return self.side_switch_ms if same_set else self.set_rest_ms

    def counts_up(self, position: Moment) -> bool:
        """Reps show the time taken so far; holds and pauses show the time left."""
        return position.stage is Stage.ACTIVE and not self.is_hold

    def ms_to_next_change(self, elapsed_ms: int) -> int | None:
        """Milliseconds until what the stretch window shows changes; None once finished."""
        position = self.position_at(elapsed_ms)
        if position.stage is Stage.FINISHED:
            return None
        remaining = position.stage_remaining_ms
        if self.counts_up(position):
            return min(remaining, 1000 - position.stage_elapsed_ms % 1000)
        return countdown_wait_ms(remaining)

    def _lay_out(self) -> tuple[Span, ...]:
        # Empty stages (a zero get-ready or pause) are left out: nothing is shown for them.
        spans: list[Span] = []
        start = 0

        def add(stage: Stage, round_index: int, length_ms: int) -> None:
            nonlocal start
            if length_ms > 0:
                spans.append(Span(stage, round_index, start, length_ms))
                start += length_ms

        add(Stage.GET_READY, 0, self.get_ready_ms)
        for index, current in enumerate(self.rounds):
            if index > 0:
                add(Stage.CHANGE, index, self.pause_before(index))
            add(Stage.ACTIVE, index, current.length_ms)
        if not spans:  # pragma: no cover - a dose always has work (reps or hold_s >= 1)
            spans.append(Span(Stage.ACTIVE, 0, 0, 0))
        return tuple(spans)


def countdown_wait_ms(remaining_ms: int) -> int:
    """Milliseconds until a countdown showing ``ceil(remaining / 1 s)`` changes."""
    return (max(1, remaining_ms) - 1) % 1000 + 1
