"""Decides what the stretch window shows while the user moves: timer, sets, sides, answers.

The window (:class:`~app.ui.stretch_window.StretchWindow`) only lays out; this module follows
the exercise's timeline (:class:`~app.core.timeline.ExerciseTimeline`) on the monotonic clock::

    get ready → set 1 left → switch → set 1 right → rest → set 2 left → … → finished

Holds count down and move on by themselves when they end; reps count up against a suggested
pace and move on when that pace says the set is done, so the user never has to click between
sides. The pauses are the ones :attr:`Dose.estimated_s <app.core.exercise.Dose.estimated_s>`
counts, so the window takes as long as the suggestion promised. Nothing here knows about desk
time: the composition root hears :attr:`StretchController.opened` and
:attr:`StretchController.responded` and tells the engine.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal

from app.core.clock import Clock
from app.core.exercise import Exercise
from app.core.stretch_response import StretchResponse
from app.core.timeline import ExerciseTimeline, Moment, Side, Stage, Timing
from app.ui.stretch_window import StretchViewModel, StretchWindow, TimerDisplay

# The timeline's older names, as the stretch window's tests know them.
Routine = ExerciseTimeline
RoutineTiming = Timing
Position = Moment
__all__ = [
    "Position",
    "Routine",
    "RoutineTiming",
    "Side",
    "Stage",
    "StretchController",
    "StretchResponse",
    "clock_text",
]


def clock_text(seconds: int) -> str:
    """``m:ss``, the way timers show time."""
    minutes, secs = divmod(max(0, seconds), 60)
    return f"{minutes}:{secs:02d}"


# --------------------------------------------------------------------------- the controller
class StretchController(QObject):
    """Shows an exercise in a :class:`StretchWindow`, runs its timer, reports the answer.

    The window's signals hold only weak references to these bound methods, so whoever builds
    the controller keeps it alive as long as the window.
    """

    opened = Signal()
    """The window appeared (not when "Another one" replaced the exercise in it)."""
    responded = Signal(str)
    """A :class:`StretchResponse` value. After "another" the window stays open and waits for
    :meth:`present` with the next exercise; after the others it has gone away."""
    side_switched = Signal(str)
    """A :class:`Side` value: a set on the other side ended, this side comes next."""
    finished = Signal()
    """Every set and side has run its course."""

    def __init__(
        self,
        window: StretchWindow,
        clock: Clock,
        *,
        timing: Timing | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._window = window
        self._clock = clock
        self._timing = timing if timing is not None else Timing()
        self._routine: ExerciseTimeline | None = None
        self._exercise: Exercise | None = None
        self._started_mono = 0.0
        self._shown: Moment | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.tick)
        window.done.connect(self._on_done)
        window.another.connect(self._on_another)
        window.snooze.connect(self._on_snooze)
        window.skip.connect(self._on_skip)
        window.closed_without_answer.connect(self._on_closed)

    @property
    def window(self) -> StretchWindow:
        return self._window

    @property
    def exercise(self) -> Exercise | None:
        """The exercise on screen; None while the window is away."""
        return self._exercise

    @property
    def position(self) -> Moment | None:
        """Where the routine on screen is, as of the last :meth:`tick`; None while away."""
        return self._shown

    def present(self, exercise: Exercise, *, snooze_min: int) -> None:
        """Show ``exercise`` with a fresh timer; open the window near the pointer if closed.

        ``snooze_min`` is what the Snooze button promises (the settings' snooze length).
        """
        self._routine = ExerciseTimeline(exercise.dose, self._timing)
        self._exercise = exercise
        self._started_mono = self._clock.now().mono
        self._shown = None
        self._window.show_exercise(self._view_model(exercise, snooze_min))
        was_open = self._window.isVisible()
        self.tick()
        if not was_open:
            self._window.open_near_pointer()
            self.opened.emit()

    def withdraw(self) -> None:
        """Take the window away without an answer (the app moved on, e.g. it is quitting)."""
        self._stop()
        self._window.put_away()

    def tick(self) -> None:
        """Read the clock, update the timer on screen, and wait for the next visible change.

        The controller's own single-shot timer calls this; tests call it after moving a
        fake clock. There is no fixed tick: the timer wakes when the shown second changes.
        """
        routine = self._routine
        if routine is None:
            return
        elapsed_ms = round((self._clock.now().mono - self._started_mono) * 1000)
        position = routine.position_at(elapsed_ms)
        # The movement plays while the user moves; it holds still in pauses and rests.
        self._window.set_movement_playing(position.stage is Stage.ACTIVE)
        previous, self._shown = self._shown, position
        self._window.show_timer(self._display(routine, position))
        if previous is not None:
            self._announce(routine, previous, position)
        wait_ms = routine.ms_to_next_change(elapsed_ms)
        if wait_ms is None:
            self._timer.stop()
        else:
            self._timer.start(wait_ms)

    # ------------------------------------------------------------------ answers
    def _on_done(self) -> None:
        self._answer(StretchResponse.DONE)

    def _on_snooze(self) -> None:
        self._answer(StretchResponse.SNOOZE)

    def _on_skip(self) -> None:
        self._answer(StretchResponse.SKIP)

    def _on_another(self) -> None:
        if self._routine is not None:
            self.responded.emit(StretchResponse.ANOTHER.value)

    def _on_closed(self) -> None:
        if self._routine is not None:
            self._stop()
            self.responded.emit(StretchResponse.CLOSED.value)

    def _answer(self, response: StretchResponse) -> None:
        if self._routine is None:
            return  # a second key press after the window went away
        self._stop()
        self._window.put_away()
        self.responded.emit(response.value)

    def _stop(self) -> None:
        self._timer.stop()
        self._routine = None
        self._exercise = None
        self._shown = None

    # ------------------------------------------------------------------ internals
    def _announce(self, routine: ExerciseTimeline, before: Moment, now: Moment) -> None:
        """Emit the moments a sound could mark: a side switch, the end."""
        if now.stage is Stage.FINISHED:
            if before.stage is not Stage.FINISHED:
                self.finished.emit()
            return
        # The round index moves on the moment the round before it ends (the pause belongs to
        # the round to come), so a switch is announced as the hold ends, not after the pause.
        side = routine.rounds[now.round_index].side
        if (
            now.round_index != before.round_index
            and side is not None
            and side != routine.rounds[before.round_index].side
        ):
            self.side_switched.emit(side.value)

    def _view_model(self, exercise: Exercise, snooze_min: int) -> StretchViewModel:
        translate = QCoreApplication.translate
        return StretchViewModel(
            name=exercise.name,
            muscles=", ".join(muscle.label(translate) for muscle in exercise.muscles),
            dose=exercise.dose.describe(translate),
            steps=exercise.steps,
            cautions=exercise.cautions,
            illustration=exercise.illustration,
            animation=exercise.animation,
            snooze_label=self.tr("Snooze {minutes} min").format(minutes=snooze_min),
        )

    def _side_text(self, side: Side | None) -> str:
        if side is Side.LEFT:
            return self.tr("Left side")
        if side is Side.RIGHT:
            return self.tr("Right side")
        return ""

    def _set_text(self, routine: ExerciseTimeline, set_number: int) -> str:
        if routine.dose.sets == 1:
            return ""
        return self.tr("Set {number} of {sets}").format(number=set_number, sets=routine.dose.sets)

    def _display(self, routine: ExerciseTimeline, position: Moment) -> TimerDisplay:
        current = routine.rounds[position.round_index]
        seconds_left = math.ceil(position.stage_remaining_ms / 1000)
        side = self._side_text(current.side)
        set_text = self._set_text(routine, current.set_number)
        progress = min(1.0, position.stage_elapsed_ms / max(1, position.stage_length_ms))
        match position.stage:
            case Stage.GET_READY:
                return TimerDisplay(
                    side=side,
                    clock=clock_text(seconds_left),
                    caption=self.tr("Get into position"),
                    detail=set_text,
                    progress=0.0,
                    switching=False,
                )
            case Stage.CHANGE:
                previous = routine.rounds[position.round_index - 1]
                if previous.set_number == current.set_number:  # the other side of this set
                    caption, detail = self.tr("Switch sides"), set_text
                else:  # the side label already says where the next set starts
                    caption, detail = self.tr("Rest"), self.tr("Next: {set}").format(set=set_text)
                return TimerDisplay(
                    side=side,
                    clock=clock_text(seconds_left),
                    caption=caption,
                    detail=detail,
                    progress=0.0,
                    switching=True,
                )
            case Stage.ACTIVE if routine.is_hold:
                return TimerDisplay(
                    side=side,
                    clock=clock_text(seconds_left),
                    caption=self.tr("Hold"),
                    detail=set_text,
                    progress=progress,
                    switching=False,
                )
            case Stage.ACTIVE:
                if routine.dose.reps == 1:
                    caption = self.tr("1 rep · take your time, about {pace} s")
                else:
                    caption = self.tr("{reps} reps · take your time, about {pace} s each")
                return TimerDisplay(
                    side=side,
                    clock=clock_text(position.stage_elapsed_ms // 1000),
                    caption=caption.format(reps=routine.dose.reps, pace=f"{routine.rep_s:g}"),
                    detail=set_text,
                    progress=progress,
                    switching=False,
                )
            case Stage.FINISHED:
                return TimerDisplay(
                    side="",
                    clock=self.tr("Well done"),
                    caption=self.tr("Press Done when you are ready."),
                    detail=self.tr("All sets done") if routine.dose.sets > 1 else "",
                    progress=1.0,
                    switching=False,
                )
