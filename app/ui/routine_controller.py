"""Drives the routine player: the core's :class:`RoutinePlayer` on a timer, shown in a window.

The controller reads the injected clock whenever the shown seconds change (a single-shot
timer, no fixed tick), turns the player's state into text for the
:class:`~app.ui.routine_window.RoutineWindow`, chimes at each side switch and at the end, and
writes the run to the log as it goes: the run when it starts, each exercise when it is done
or skipped, the outcome at the end. The composition root hears :attr:`started` and
:attr:`finished` and tells the engine: time in a routine is never desk time.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal

from app.core.clock import Clock
from app.core.routine import (
    ExerciseFinished,
    PlayerEvent,
    PlayerState,
    RoutineFinished,
    RoutinePlan,
    RoutinePlayer,
    Segment,
    SegmentKind,
    SideSwitched,
)
from app.core.timeline import Side
from app.platform.sound import SoundPlayer
from app.storage.pending import RowId, WriteLater, write_now
from app.ui.routine_window import ExerciseView, RoutineWindow, TimerView
from app.ui.stretch_controller import clock_text

log = logging.getLogger(__name__)


class RoutineLog(Protocol):
    """What the controller writes; :class:`app.storage.log.SittingLog` has these methods."""

    def start_routine_run(self, routine_id: str, name: str, at: datetime) -> int: ...

    def record_routine_step(
        self,
        run_id: int,
        *,
        exercise_id: str,
        name: str,
        category: str,
        muscles: Sequence[str],
        active_s: float,
        outcome: str,
        at: datetime,
    ) -> int: ...

    def finish_routine_run(
        self, run_id: int, at: datetime, outcome: str, active_s: float
    ) -> None: ...


class RoutineController(QObject):
    """Plays one routine at a time in a :class:`RoutineWindow`.

    The window's signals hold only weak references to these bound methods, so whoever builds
    the controller keeps it alive as long as the window.
    """

    started = Signal(str)
    """The routine's id: a run began (the window is open)."""
    step_finished = Signal(str, str, float)
    """Exercise id, ``"done"`` or ``"skipped"``, active seconds."""
    side_switched = Signal(str)
    """A :class:`~app.core.timeline.Side` value: the side to come."""
    finished = Signal(bool, float)
    """Completed (the end was reached) or stopped, and the routine's active seconds."""

    def __init__(
        self,
        window: RoutineWindow,
        clock: Clock,
        sound: SoundPlayer,
        chime: Path | None,
        log: RoutineLog | None = None,
        write_later: WriteLater = write_now,
        parent: QObject | None = None,
    ) -> None:
        """``chime`` is the sound of a switch and of the end (None: silent).

        ``write_later`` carries the log writes (the coordinator's queue keeps them while
        the disk refuses them); by default a refused write is reported and lost.
        """
        super().__init__(parent)
        self._window = window
        self._clock = clock
        self._sound = sound
        self._chime = chime
        self._log = log
        self._write_later = write_later
        self._player: RoutinePlayer | None = None
        self._run_id: RowId | None = None
        self._shown_exercise: int | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.tick)
        window.previous_requested.connect(self.previous)
        window.pause_toggled.connect(self.toggle_pause)
        window.next_requested.connect(self.next)
        window.stop_requested.connect(self.stop)

    @property
    def window(self) -> RoutineWindow:
        return self._window

    @property
    def player(self) -> RoutinePlayer | None:
        """The run on screen; None before the first and after the window was put away."""
        return self._player

    @property
    def running(self) -> bool:
        """A routine is under way (not finished, not stopped)."""
        return self._player is not None and not self._player.finished

    # ------------------------------------------------------------------ commands
    def start(self, plan: RoutinePlan) -> None:
        """Play ``plan`` from its start; a routine still under way is stopped first."""
        if self.running:
            self.stop()
        now = self._clock.now()
        self._player = RoutinePlayer(plan, now.mono)
        self._shown_exercise = None
        self._run_id = self._start_run(plan, now.wall)
        self._window.set_paused(False)
        self._window.set_finished(False)
        self._refresh([])
        self._window.open()
        self.started.emit(plan.routine.id)

    def tick(self) -> None:
        """Catch up with the clock and show it; the timer calls this, tests too."""
        if self._player is not None:
            self._refresh(self._player.update(self._clock.now().mono))

    def toggle_pause(self) -> None:
        player = self._player
        if player is None or player.finished:
            return
        now = self._clock.now().mono
        events = player.resume(now) if player.paused else player.pause(now)
        self._window.set_paused(player.paused)
        self._refresh(events)

    def next(self) -> None:
        if self._player is not None:
            self._refresh(self._player.next(self._clock.now().mono))

    def previous(self) -> None:
        if self._player is not None:
            self._refresh(self._player.previous(self._clock.now().mono))

    def stop(self) -> None:
        """Stop a routine under way (logged as stopped), or close the finished one."""
        player = self._player
        if player is not None and not player.finished:
            self._refresh(player.stop(self._clock.now().mono))
        self._timer.stop()
        self._player = None
        self._window.put_away()

    # ------------------------------------------------------------------ internals
    def _refresh(self, events: list[PlayerEvent]) -> None:
        player = self._player
        if player is None:
            return
        for event in events:
            self._handle(event)
        state = player.state
        if state.exercise_index != self._shown_exercise:
            self._shown_exercise = state.exercise_index
            self._window.show_exercise(self._exercise_view(player.plan, state.exercise_index))
        self._window.show_timer(self._timer_view(player.plan, state, player.active_s))
        wait_ms = player.ms_to_next_change()
        if wait_ms is None:
            self._timer.stop()
        else:
            self._timer.start(wait_ms)

    def _handle(self, event: PlayerEvent) -> None:
        match event:
            case SideSwitched(side=side):
                self._chime_now()
                self.side_switched.emit(side.value)
            case ExerciseFinished():
                self._record_step(event)
                self.step_finished.emit(event.exercise.id, event.outcome.value, event.active_s)
            case RoutineFinished(completed=completed, active_s=active_s):
                if completed:
                    self._chime_now()
                self._window.set_finished(True)
                outcome = "completed" if completed else "stopped"
                run_id = self._run_id
                if run_id is not None:
                    wall = self._clock.now().wall
                    self._write(
                        "the routine's finish",
                        run_id,
                        lambda log, run: log.finish_routine_run(run, wall, outcome, active_s),
                    )
                self._run_id = None
                self.finished.emit(completed, active_s)

    def _record_step(self, event: ExerciseFinished) -> None:
        run_id = self._run_id
        if run_id is None:
            return
        exercise = event.exercise
        wall = self._clock.now().wall
        self._write(
            "the routine's step",
            run_id,
            lambda log, run: log.record_routine_step(
                run,
                exercise_id=exercise.id,
                name=exercise.name,
                category=exercise.category.value,
                muscles=[muscle.value for muscle in exercise.muscles],
                active_s=event.active_s,
                outcome=event.outcome.value,
                at=wall,
            ),
        )

    def _start_run(self, plan: RoutinePlan, at: datetime) -> RowId | None:
        """Log the run's start (its id arrives once the write has gone through)."""
        sitting_log = self._log
        if sitting_log is None:
            return None
        run = RowId()

        def write() -> None:
            run.value = sitting_log.start_routine_run(plan.routine.id, plan.routine.name, at)

        self._write_later("the routine's start", write)
        return run

    def _write(self, what: str, run: RowId, write: Callable[[RoutineLog, int], object]) -> None:
        """Log something of the run; a failing log costs the row, never the routine."""
        sitting_log = self._log
        if sitting_log is None:
            return

        def write_once_started() -> None:
            if run.value is not None:
                write(sitting_log, run.value)

        self._write_later(what, write_once_started)

    def _chime_now(self) -> None:
        if self._chime is not None:
            self._sound.play(self._chime)

    # ------------------------------------------------------------------ words
    def _exercise_view(self, plan: RoutinePlan, index: int) -> ExerciseView:
        planned = plan.exercises[index]
        return ExerciseView(
            routine_name=plan.routine.name,
            name=planned.exercise.name,
            place=self.tr("Exercise {number} of {count}").format(
                number=index + 1, count=len(plan.exercises)
            ),
            dose=planned.dose.describe(QCoreApplication.translate),
            summary=planned.exercise.summary,
            illustration=planned.exercise.illustration,
        )

    def _timer_view(self, plan: RoutinePlan, state: PlayerState, active_s: float) -> TimerView:
        routine_left = self.tr("{time} left in the routine").format(
            time=clock_text(math.ceil(state.routine_remaining_ms / 1000))
        )
        progress = state.elapsed_ms / max(1, plan.total_ms)
        segment = state.segment
        if segment is None:
            minutes = max(1, round(active_s / 60))
            return TimerView(
                caption=self.tr("Routine complete"),
                detail=self.tr("{minutes} min of movement").format(minutes=minutes),
                clock=self.tr("Well done"),
                routine_left=self.tr("All done"),
                progress=1.0,
                highlight=True,
            )
        caption, detail = self._words(plan, segment)
        if state.paused:
            caption = self.tr("Paused · press Space to go on")
        return TimerView(
            caption=caption,
            detail=detail,
            clock=clock_text(math.ceil(state.segment_remaining_ms / 1000)),
            routine_left=routine_left,
            progress=progress,
            highlight=segment.kind
            in (SegmentKind.SWITCH_SIDES, SegmentKind.SET_REST, SegmentKind.REST),
        )

    def _words(self, plan: RoutinePlan, segment: Segment) -> tuple[str, str]:
        """The caption and the detail line for one segment."""
        planned = plan.exercises[segment.exercise_index]
        where = self._where(planned.dose.sets, segment.set_number, segment.side)
        match segment.kind:
            case SegmentKind.REST:
                return self.tr("Rest"), self.tr("Next up: {name}").format(
                    name=planned.exercise.name
                )
            case SegmentKind.GET_READY:
                return self.tr("Get into position"), where
            case SegmentKind.SWITCH_SIDES:
                return self.tr("Switch sides"), self.tr("Next: {where}").format(where=where)
            case SegmentKind.SET_REST:
                return self.tr("Rest"), self.tr("Next: {where}").format(where=where)
            case SegmentKind.WORK if planned.dose.hold_s is not None:
                return self.tr("Hold"), where
            case SegmentKind.WORK:
                reps = planned.dose.reps or 0
                pace = f"{planned.timeline.rep_s:g}"
                if reps == 1:
                    caption = self.tr("1 rep · slowly, about {pace} s").format(pace=pace)
                else:
                    caption = self.tr("{reps} reps · about {pace} s each").format(
                        reps=reps, pace=pace
                    )
                return caption, where

    def _where(self, sets: int, set_number: int, side: Side | None) -> str:
        """ "Set 1 of 2 · Left side", leaving out what does not apply."""
        parts = []
        if sets > 1:
            parts.append(self.tr("Set {number} of {sets}").format(number=set_number, sets=sets))
        if side is Side.LEFT:
            parts.append(self.tr("Left side"))
        elif side is Side.RIGHT:
            parts.append(self.tr("Right side"))
        return " · ".join(parts)
