"""The coach around the stand-up prompts: routines, the Today view, the strength plan.

A routine is a long stretch window: from its first second nothing is desk time (the
engine's ``open_stretch``), and finishing it is a stand-up (Done), stopping it a return to
the desk. Its steps go to the log through the player; a walk step also counts as walking.
The weekly strength plan's reminder and the day rollover come from the cron jobs.
The player and the Today window are built the first time they are used: most days one
of them is never opened, and built at start they would hold their widgets all day.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject

from app.coach_notices import CoachNotices
from app.coordinator import DeskCoordinator
from app.core.exercise import Category, Exercise
from app.core.goals import STRENGTH_DAY_ROUTINE_ID
from app.core.model import PromptResponse
from app.core.routine import Routine, RoutinePlan, UnknownExerciseError
from app.prompt_flow import PromptFlow
from app.storage import SittingLog
from app.storage.records import WalkSource

if TYPE_CHECKING:
    from app.ui.routine_controller import RoutineController
    from app.ui.today_controller import TodayController


class CoachFlow(QObject):
    """Starts routines, tells the engine and the log, keeps the Today view current."""

    def __init__(
        self,
        *,
        coordinator: DeskCoordinator,
        prompt_flow: PromptFlow,
        player: Callable[[], RoutineController],
        routines: Mapping[str, Routine],
        library: Mapping[str, Exercise],
        sitting_log: SittingLog,
        today: Callable[[], TodayController],
        notices: CoachNotices,
        tell_user: Callable[[str, str], None],
        parent: QObject | None = None,
    ) -> None:
        """``player`` and ``today`` build the routine player and the Today window, once,
        when first needed; ``tell_user(title, text)`` shows something that needs no answer
        (a notice)."""
        super().__init__(parent)
        self._coordinator = coordinator
        self._prompt_flow = prompt_flow
        self._build_player = player
        self._player: RoutineController | None = None
        self._routines = dict(routines)
        self._library = dict(library)
        self._log = sitting_log
        self._build_today = today
        self._today: TodayController | None = None
        self._notices = notices
        self._tell_user = tell_user
        prompt_flow.exercise_done.connect(self.refresh)

    @property
    def routines(self) -> list[tuple[str, str]]:
        """``(id, name)`` of every routine, for the tray's Routines menu."""
        return [(routine.id, routine.name) for routine in self._routines.values()]

    def start_routine(self, routine_id: str) -> str | None:
        """Open the player on a routine; its name, or None (the user told why) if it cannot."""
        routine = self._routines.get(routine_id)
        if routine is None:
            self._tell_user(
                QCoreApplication.translate("CoachFlow", "Routine not found"),
                QCoreApplication.translate("CoachFlow", 'There is no routine "{id}".').format(
                    id=routine_id
                ),
            )
            return None
        try:
            plan = RoutinePlan(routine, self._library)
        except UnknownExerciseError as exc:
            self._tell_user(
                QCoreApplication.translate("CoachFlow", "The routine cannot start"), str(exc)
            )
            return None
        # One stretch at a time: the exercise on screen or the routine under way gives way
        # (before the engine is told, or their ending would end the new routine's hold).
        self._prompt_flow.hand_over()
        player = self._routine_player()
        if player.running:
            player.stop()
        self._coordinator.open_stretch()
        player.start(plan)
        return routine.name

    def open_today(self) -> None:
        self._today_view().show_today()

    def refresh(self) -> None:
        """Something the Today view counts changed (a new day, new settings, an exercise).

        Only an open view reads the log again; a closed one reads it when it opens."""
        if self._today is not None and self._today.window.isVisible():
            self._today.refresh()

    def strength_day_reached(self) -> None:
        """The strength plan's day and time: a notice whose click starts "Strength day"."""
        routine = self._routines.get(STRENGTH_DAY_ROUTINE_ID)
        body = (
            routine.summary
            if routine is not None
            else QCoreApplication.translate("CoachFlow", "Squats, deadlifts, lunges and more.")
        )
        self._notices.show(
            QCoreApplication.translate("CoachFlow", "Strength day"),
            body,
            open_label=QCoreApplication.translate("CoachFlow", "Start the routine"),
            on_open=lambda: self.start_routine(STRENGTH_DAY_ROUTINE_ID),
        )

    def shutdown(self) -> None:
        """The app is quitting: a routine under way is logged as stopped."""
        if self._player is not None and self._player.running:
            self._player.stop()

    # ------------------------------------------------------------------ built when first used
    def _routine_player(self) -> RoutineController:
        if self._player is None:
            self._player = self._build_player()
            self._player.step_finished.connect(self._on_step_finished)
            self._player.finished.connect(self._on_routine_finished)
        return self._player

    def _today_view(self) -> TodayController:
        if self._today is None:
            self._today = self._build_today()
            self._today.start_routine.connect(self.start_routine)
        return self._today

    # ------------------------------------------------------------------ player events
    def _on_step_finished(self, exercise_id: str, outcome: str, active_s: float) -> None:
        exercise = self._library.get(exercise_id)
        if outcome != "done" or exercise is None or exercise.category is not Category.WALK:
            return
        if active_s <= 0:
            return
        start = self._coordinator.now().wall - timedelta(seconds=active_s)
        self._coordinator.write_later(
            "the walk of the routine",
            lambda: self._log.add_walk(start, active_s, WalkSource.ROUTINE),
        )

    def _on_routine_finished(self, completed: bool, _active_s: float) -> None:
        self._coordinator.close_stretch(PromptResponse.DONE if completed else None)
        self.refresh()
