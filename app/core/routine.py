"""Routines: exercises in a row, and a player that guides the user through them.

A :class:`Routine` is data (``resources/routines/*.toml``, format in
``docs/routine-format.md``): exercise ids, each with an optional dose of its own and a rest
after it. :class:`RoutinePlan` resolves the ids against the library and lays every exercise's
timeline (:class:`~app.core.timeline.ExerciseTimeline`) end to end, with the rests between,
as one flat list of :class:`Segment` s, so the whole routine's length is known before it
starts and its remaining time is always known while it runs.

:class:`RoutinePlayer` follows the plan on the monotonic clock the caller passes in as
``now`` (seconds). It has no timer of its own: the caller asks it where it is whenever it
likes and hears, as :data:`PlayerEvent` values, what happened in between (a side switch, an
exercise finished, the routine finished), in the order it happened.

Time counts as *active* while the player runs and is not paused. An exercise's active
seconds are those spent in its own segments (getting ready, the sets, the switches and
rests between its sets), not the rest before it.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from app.core.exercise import Dose, Exercise, is_valid_id
from app.core.timeline import ExerciseTimeline, Side, Stage, Timing, countdown_wait_ms

DEFAULT_REST_S = 15
"""The rest after an exercise when the routine's file names none."""
REST_S_RANGE = range(601)
MAX_STEPS = 30


# ------------------------------------------------------------------------------ the routine
@dataclass(frozen=True, slots=True)
class RoutineStep:
    """One exercise of a routine."""

    exercise_id: str
    dose: Dose | None = None
    """The routine's own dose; None takes the exercise's."""
    rest_s: int = DEFAULT_REST_S
    """Seconds of rest after this exercise, before the next one (none after the last)."""

    def __post_init__(self) -> None:
        if not is_valid_id(self.exercise_id):
            raise ValueError(f"exercise id must be kebab-case, got {self.exercise_id!r}")
        if self.rest_s not in REST_S_RANGE:
            raise ValueError(f"rest_s must be 0–600, got {self.rest_s}")


@dataclass(frozen=True, slots=True)
class Routine:
    """A named sequence of exercises, as its file describes it."""

    id: str
    name: str
    summary: str
    steps: tuple[RoutineStep, ...]
    source: Path | None = None
    """The file it was read from, for messages."""

    def __post_init__(self) -> None:
        if not is_valid_id(self.id):
            raise ValueError(f"routine id must be kebab-case, got {self.id!r}")
        if not self.steps:
            raise ValueError(f"routine {self.id} has no steps")


class UnknownExerciseError(LookupError):
    """A routine names an exercise the library does not have (any more)."""

    def __init__(self, routine_id: str, exercise_id: str) -> None:
        super().__init__(f'routine "{routine_id}" names the unknown exercise "{exercise_id}"')
        self.routine_id = routine_id
        self.exercise_id = exercise_id


# ------------------------------------------------------------------------------ the plan
class SegmentKind(StrEnum):
    GET_READY = "get-ready"
    """Into position for the exercise."""
    WORK = "work"
    """One set on one side."""
    SWITCH_SIDES = "switch-sides"
    """Between the sides of one set."""
    SET_REST = "set-rest"
    """Between two sets of the same exercise."""
    REST = "rest"
    """Between two exercises; belongs to the exercise that comes next."""


@dataclass(frozen=True, slots=True)
class Segment:
    """A stretch of the routine's timeline where one thing is asked of the user."""

    kind: SegmentKind
    exercise_index: int
    set_number: int
    """1-based; the set to come during a get-ready, a switch or a rest."""
    side: Side | None
    """The side working, or to come; None for exercises without sides."""
    start_ms: int
    length_ms: int

    @property
    def end_ms(self) -> int:
        return self.start_ms + self.length_ms


@dataclass(frozen=True, slots=True)
class PlannedExercise:
    exercise: Exercise
    dose: Dose
    """The routine's dose if it has one, else the exercise's."""
    timeline: ExerciseTimeline
    start_ms: int
    """Where its get-ready starts (after the rest before it)."""
    end_ms: int
    """Where its last set ends."""


class RoutinePlan:
    """A routine's exercises resolved and laid end to end on one timeline."""

    def __init__(
        self, routine: Routine, library: Mapping[str, Exercise], timing: Timing | None = None
    ) -> None:
        """Raises :class:`UnknownExerciseError` if a step names no exercise of ``library``."""
        timing = timing if timing is not None else Timing()
        self.routine = routine
        segments: list[Segment] = []
        planned: list[PlannedExercise] = []
        start = 0
        for index, step in enumerate(routine.steps):
            exercise = library.get(step.exercise_id)
            if exercise is None:
                raise UnknownExerciseError(routine.id, step.exercise_id)
            dose = step.dose if step.dose is not None else exercise.dose
            timeline = ExerciseTimeline(dose, timing)
            rest_ms = routine.steps[index - 1].rest_s * 1000 if index > 0 else 0
            if rest_ms > 0:
                first = timeline.rounds[0]
                segments.append(Segment(SegmentKind.REST, index, 1, first.side, start, rest_ms))
                start += rest_ms
            for span in timeline.spans:
                current = timeline.rounds[span.round_index]
                segments.append(
                    Segment(
                        _kind(timeline, span.stage, span.round_index),
                        index,
                        current.set_number,
                        current.side,
                        start + span.start_ms,
                        span.length_ms,
                    )
                )
            planned.append(
                PlannedExercise(exercise, dose, timeline, start, start + timeline.total_ms)
            )
            start += timeline.total_ms
        self.exercises = tuple(planned)
        self.segments = tuple(segments)
        self.total_ms = start
        self._starts = [segment.start_ms for segment in self.segments]

    def segment_index_at(self, elapsed_ms: int) -> int | None:
        """The segment running ``elapsed_ms`` into the routine; None at or past the end."""
        if elapsed_ms >= self.total_ms:
            return None
        return max(0, bisect.bisect_right(self._starts, elapsed_ms) - 1)


def _kind(timeline: ExerciseTimeline, stage: Stage, round_index: int) -> SegmentKind:
    if stage is Stage.GET_READY:
        return SegmentKind.GET_READY
    if stage is Stage.ACTIVE:
        return SegmentKind.WORK
    same_set = (
        timeline.rounds[round_index].set_number == timeline.rounds[round_index - 1].set_number
    )
    return SegmentKind.SWITCH_SIDES if same_set else SegmentKind.SET_REST


# ------------------------------------------------------------------------------ the player
class StepOutcome(StrEnum):
    DONE = "done"
    """Its last set ran to the end."""
    SKIPPED = "skipped"
    """Left by Next, or by Stop, before its last set ended."""


@dataclass(frozen=True, slots=True)
class SideSwitched:
    """A set on one side ended and the other side comes next: the moment for a chime."""

    exercise_index: int
    side: Side
    """The side to come."""


@dataclass(frozen=True, slots=True)
class ExerciseFinished:
    exercise_index: int
    exercise: Exercise
    outcome: StepOutcome
    active_s: float


@dataclass(frozen=True, slots=True)
class RoutineFinished:
    completed: bool
    """True when the end was reached (every exercise done or skipped); False on Stop."""
    active_s: float
    """Every second the routine ran unpaused, rests between exercises included."""


PlayerEvent = SideSwitched | ExerciseFinished | RoutineFinished


@dataclass(frozen=True, slots=True)
class PlayerState:
    """Where the player was at its last reading of the clock."""

    segment: Segment | None
    """None once the routine has finished."""
    exercise_index: int
    """The exercise on screen (the next one during a rest; the last one when finished)."""
    elapsed_ms: int
    """How far along the routine's timeline (a skip jumps ahead on it)."""
    segment_remaining_ms: int
    routine_remaining_ms: int
    paused: bool
    finished: bool


class RoutinePlayer:
    """Plays a :class:`RoutinePlan` on the monotonic seconds given as ``now``.

    Every method that takes ``now`` first catches up to it, so the events it returns are
    everything since the previous call, in order. ``now`` never going backwards is assumed;
    a reading earlier than the last one is taken as no time passing.
    """

    def __init__(self, plan: RoutinePlan, now: float) -> None:
        self.plan = plan
        self._position_ms = 0
        self._anchor_mono: float | None = now
        """The reading at which the clock last lined up with the timeline; None: paused."""
        self._anchor_ms = 0
        self._active_ms = 0
        self._exercise_ms = [0] * len(plan.exercises)
        self._finished = False

    # ------------------------------------------------------------------ reading
    @property
    def paused(self) -> bool:
        return not self._finished and self._anchor_mono is None

    @property
    def finished(self) -> bool:
        return self._finished

    @property
    def state(self) -> PlayerState:
        index = self.plan.segment_index_at(self._position_ms)
        segment = None if self._finished or index is None else self.plan.segments[index]
        if segment is None:
            return PlayerState(
                None, len(self.plan.exercises) - 1, self._position_ms, 0, 0, self.paused, True
            )
        return PlayerState(
            segment=segment,
            exercise_index=segment.exercise_index,
            elapsed_ms=self._position_ms,
            segment_remaining_ms=segment.end_ms - self._position_ms,
            routine_remaining_ms=self.plan.total_ms - self._position_ms,
            paused=self.paused,
            finished=False,
        )

    @property
    def active_s(self) -> float:
        return self._active_ms / 1000

    def ms_to_next_change(self) -> int | None:
        """Milliseconds until a shown countdown (step or routine) changes; None: nothing will."""
        state = self.state
        if state.finished or state.paused:
            return None
        return min(
            countdown_wait_ms(state.segment_remaining_ms),
            countdown_wait_ms(state.routine_remaining_ms),
        )

    # ------------------------------------------------------------------ driving
    def update(self, now: float) -> list[PlayerEvent]:
        """Catch up to ``now``."""
        if self._finished or self._anchor_mono is None:
            return []
        target = self._anchor_ms + round((now - self._anchor_mono) * 1000)
        return self._run_to(min(max(target, self._position_ms), self.plan.total_ms))

    def pause(self, now: float) -> list[PlayerEvent]:
        events = self.update(now)
        self._anchor_mono = None
        return events

    def resume(self, now: float) -> list[PlayerEvent]:
        if not self._finished and self._anchor_mono is None:
            self._set_anchor(now)
        return []

    def next(self, now: float) -> list[PlayerEvent]:
        """Skip ahead: past the rest to the exercise, or past the exercise to the next one."""
        events = self.update(now)
        state = self.state
        if state.segment is None:
            return events
        index = state.exercise_index
        if state.segment.kind is SegmentKind.REST:
            return [*events, *self._jump(self.plan.exercises[index].start_ms, now)]
        events.append(self._finish_exercise(index, StepOutcome.SKIPPED))
        following = index + 1
        if following == len(self.plan.exercises):
            self._position_ms = self.plan.total_ms
            return [*events, self._finish_routine(completed=True)]
        return [*events, *self._jump(self.plan.exercises[following].start_ms, now)]

    def previous(self, now: float) -> list[PlayerEvent]:
        """Back to the start of the exercise before this one (the first one: its start)."""
        events = self.update(now)
        if self._finished:
            return events
        target = max(0, self.state.exercise_index - 1)
        return [*events, *self._jump(self.plan.exercises[target].start_ms, now)]

    def stop(self, now: float) -> list[PlayerEvent]:
        """End early: the exercise under way counts as skipped (one not begun is left out)."""
        events = self.update(now)
        state = self.state
        if state.segment is None:
            return events
        if state.segment.kind is not SegmentKind.REST:
            events.append(self._finish_exercise(state.exercise_index, StepOutcome.SKIPPED))
        return [*events, self._finish_routine(completed=False)]

    # ------------------------------------------------------------------ internals
    def _set_anchor(self, now: float) -> None:
        self._anchor_mono = now
        self._anchor_ms = self._position_ms

    def _jump(self, target_ms: int, now: float) -> list[PlayerEvent]:
        self._position_ms = target_ms
        if self._anchor_mono is not None:
            self._set_anchor(now)
        else:
            self._anchor_ms = target_ms
        return []

    def _run_to(self, target_ms: int) -> list[PlayerEvent]:
        events: list[PlayerEvent] = []
        while self._position_ms < target_ms:
            index = self.plan.segment_index_at(self._position_ms)
            if index is None:  # pragma: no cover - target never passes the end
                break
            segment = self.plan.segments[index]
            step_end = min(segment.end_ms, target_ms)
            self._credit(segment, step_end - self._position_ms)
            self._position_ms = step_end
            if step_end == segment.end_ms:
                events.extend(self._leave(index))
        return events

    def _credit(self, segment: Segment, ms: int) -> None:
        self._active_ms += ms
        if segment.kind is not SegmentKind.REST:
            self._exercise_ms[segment.exercise_index] += ms

    def _leave(self, index: int) -> list[PlayerEvent]:
        """The events of running off the end of segment ``index``."""
        segment = self.plan.segments[index]
        planned = self.plan.exercises[segment.exercise_index]
        events: list[PlayerEvent] = []
        if segment.end_ms == planned.end_ms and segment.kind is not SegmentKind.REST:
            events.append(self._finish_exercise(segment.exercise_index, StepOutcome.DONE))
        if index + 1 == len(self.plan.segments):
            events.append(self._finish_routine(completed=True))
            return events
        following = self.plan.segments[index + 1]
        if (
            segment.kind is SegmentKind.WORK
            and following.exercise_index == segment.exercise_index
            and following.side is not None
            and following.side != segment.side
        ):
            events.append(SideSwitched(segment.exercise_index, following.side))
        return events

    def _finish_exercise(self, index: int, outcome: StepOutcome) -> ExerciseFinished:
        active_ms, self._exercise_ms[index] = self._exercise_ms[index], 0
        return ExerciseFinished(
            index, self.plan.exercises[index].exercise, outcome, active_ms / 1000
        )

    def _finish_routine(self, *, completed: bool) -> RoutineFinished:
        self._finished = True
        self._anchor_mono = None
        return RoutineFinished(completed, self.active_s)
