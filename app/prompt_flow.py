"""From a due prompt to the user's answer: suggestion, notification, stretch window, log.

The engine decides *when* (through the coordinator's ``prompt_shown`` and
``prompt_resolved``); this module decides *what the user sees*: which exercise is
suggested, how the prompt reaches them, and what each answer means for the engine.
The stretch window is built the first time an exercise is shown: most of a waiting day
needs neither its widgets nor their modules.
"""

from __future__ import annotations

import logging
import random
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from app.coordinator import DeskCoordinator
from app.core.clock import Instant
from app.core.exercise import Category, Exercise, Preferences, suggest
from app.core.model import PromptResolved, PromptResponse, PromptShown
from app.core.stretch_response import StretchResponse
from app.platform.notify_base import DeliveryFailed, Notifier, PromptNotice
from app.storage import SittingLog
from app.storage.pending import RowId
from app.storage.records import WalkSource

if TYPE_CHECKING:
    from app.ui.stretch_controller import StretchController

log = logging.getLogger(__name__)

_ANSWERS = {
    StretchResponse.DONE: PromptResponse.DONE,
    StretchResponse.SNOOZE: PromptResponse.SNOOZE,
    StretchResponse.SKIP: PromptResponse.SKIP,
}


WALK_CAP_S = 60 * 60
"""A walk exercise counts at most this long: a window left open is not an hour's walk."""


class PromptFlow(QObject):
    """Wires the prompt's moving parts; holds the current suggestion."""

    exercise_done = Signal()
    """An exercise was answered Done (the Today view counts it)."""

    def __init__(
        self,
        *,
        coordinator: DeskCoordinator,
        notifier: Notifier,
        stretch: Callable[[], StretchController],
        library: Sequence[Exercise],
        sitting_log: SittingLog,
        snooze_minutes: Callable[[], int],
        preferences: Preferences | None = None,
        rng: random.Random | None = None,
        parent: QObject | None = None,
    ) -> None:
        """``stretch`` builds the stretch window's controller, once, when first needed."""
        super().__init__(parent)
        self._coordinator = coordinator
        self._notifier = notifier
        self._connect(notifier)
        self._build_stretch = stretch
        self._stretch: StretchController | None = None
        self._library = tuple(library)
        self._log = sitting_log
        self._snooze_minutes = snooze_minutes
        self._preferences = preferences or Preferences()
        self._rng = rng or random.Random()
        self._suggestion: Exercise | None = None
        self._shown_row: RowId | None = None
        """The log row of the exercise on screen in the stretch window."""
        self._shown: tuple[Exercise, Instant] | None = None
        """The exercise on screen and when it was shown (a walk's length runs from it)."""
        coordinator.prompt_shown.connect(self._on_prompt_shown)
        coordinator.prompt_resolved.connect(self._on_prompt_resolved)

    # ------------------------------------------------------------------ what is shown
    @property
    def suggestion(self) -> Exercise | None:
        """The exercise the next prompt (or ``break-now``) will show; picked once, kept."""
        if self._suggestion is None:
            try:
                history = self._log.recent_exercise_ids()
            except Exception:  # a log that cannot be read: suggest without the history
                log.exception("could not read the exercises shown lately")
                history = []
            self._suggestion = suggest(self._library, history, self._preferences, self._rng)
        return self._suggestion

    def replace_notifier(self, notifier: Notifier) -> None:
        """A new delivery mode (from the settings): the old notifier's bubble goes with it."""
        old, self._notifier = self._notifier, notifier
        old.shutdown()
        for signal in (old.clicked, old.snooze_requested, old.dismissed):
            signal.disconnect()
        self._connect(notifier)

    def _connect(self, notifier: Notifier) -> None:
        notifier.clicked.connect(self.open_stretch)
        notifier.snooze_requested.connect(self._on_snooze_requested)
        notifier.dismissed.connect(self._on_dismissed)

    @property
    def notifier_name(self) -> str:
        """How prompts reach the user (``backends.notifier`` in ``sitbreak status``)."""
        return self._notifier.name

    def status_extras(self) -> dict[str, Any]:
        """The ``suggestion`` key of ``sitbreak status --json``."""
        exercise = self.suggestion
        if exercise is None:
            return {"suggestion": None}
        return {
            "suggestion": {
                "id": exercise.id,
                "name": exercise.name,
                "dose": exercise.dose.describe(),
                "muscles": [muscle.value for muscle in exercise.muscles],
            }
        }

    def set_preferences(self, preferences: Preferences) -> None:
        """New exercise preferences (from the library window): suggest afresh."""
        self._preferences = preferences
        self._suggestion = None

    # ------------------------------------------------------------------ the prompt
    def _on_prompt_shown(self, event: PromptShown) -> None:
        exercise = self.suggestion
        notice = PromptNotice(
            title=_title(exercise),
            body=_body(exercise),
            snooze_minutes=self._snooze_minutes(),
            replaces_previous=event.reminder > 0,
        )
        try:
            self._notifier.show(notice)
        except DeliveryFailed as exc:  # the chain falls back to the toast itself
            log.warning("the prompt could not be shown: %s", exc)

    def _on_prompt_resolved(self, _event: PromptResolved) -> None:
        # Answered elsewhere, or a natural break: take the bubble back.
        self._notifier.close()

    def _on_snooze_requested(self) -> None:
        self._coordinator.respond(PromptResponse.SNOOZE)

    def _on_dismissed(self) -> None:
        self._coordinator.respond(PromptResponse.DISMISSED)

    # ------------------------------------------------------------------ the stretch window
    def stand_up_now(self) -> None:
        """ "Stand up now" and ``sitbreak break-now``: the bout ends here, then the stretch."""
        if self._shown_row is None:
            self._coordinator.stand_up_now()
        self.open_stretch()

    def open_stretch(self) -> None:
        """A click on the prompt or the toast: the bout ends only on Done or a walk away."""
        self._notifier.close()
        stretch = self._stretch
        if stretch is not None and stretch.exercise is not None and self._shown_row is not None:
            stretch.present(stretch.exercise, snooze_min=self._snooze_minutes())
            return  # already open: bring it forward
        exercise = self.suggestion
        if exercise is None:
            log.warning("no exercise fits the preferences: nothing to show")
            return
        self._coordinator.open_stretch()
        self._present(exercise)

    def open_exercise(self, exercise_id: str) -> None:
        """ "Start now" in the library window: this exercise, in the stretch window."""
        exercise = next((e for e in self._library if e.id == exercise_id), None)
        if exercise is None:
            log.warning("no exercise %r in the library", exercise_id)
            return
        self._notifier.close()
        if self._shown_row is not None:
            self._resolve_shown(StretchResponse.ANOTHER)  # replaced by the user's choice
        else:
            self._coordinator.open_stretch()
        self._present(exercise)

    def hand_over(self) -> None:
        """A routine starts: the exercise on screen closes unanswered, the engine's hold stays."""
        if self._stretch is None or self._stretch.exercise is None:
            return
        self._resolve_shown(StretchResponse.CLOSED)
        self._stretch.withdraw()

    def _present(self, exercise: Exercise) -> None:
        self._shown = (exercise, self._coordinator.now())
        self._shown_row = self._record_shown(exercise)
        self._suggestion = None  # the next prompt suggests afresh (history has this one)
        self._stretch_window().present(exercise, snooze_min=self._snooze_minutes())

    def _stretch_window(self) -> StretchController:
        """The stretch window's controller, built and connected the first time."""
        if self._stretch is None:
            self._stretch = self._build_stretch()
            self._stretch.responded.connect(self._on_stretch_response)
        return self._stretch

    def _on_stretch_response(self, value: str) -> None:
        response = StretchResponse(value)
        self._resolve_shown(response)
        if response is StretchResponse.ANOTHER:
            following = self.suggestion
            if following is not None:
                self._present(following)
            return
        self._coordinator.close_stretch(_ANSWERS.get(response))

    def shutdown(self) -> None:
        """The app is quitting: an exercise still on screen was closed without an answer."""
        self._resolve_shown(StretchResponse.CLOSED)
        if self._stretch is not None:
            self._stretch.withdraw()
        self._notifier.shutdown()

    # ------------------------------------------------------------------ the log
    def _record_shown(self, exercise: Exercise) -> RowId:
        """Log the exercise shown through the coordinator's queue: a full disk delays it."""
        row = RowId()
        at = self._coordinator.now().wall

        def write() -> None:
            row.value = self._log.record_exercise_shown(
                self._coordinator.current_prompt_id,
                at,
                exercise.id,
                exercise.name,
                [muscle.value for muscle in exercise.muscles],
                category=exercise.category.value,
            )

        self._coordinator.write_later("the exercise shown", write)
        return row

    def _resolve_shown(self, response: StretchResponse) -> None:
        row, self._shown_row = self._shown_row, None
        shown, self._shown = self._shown, None
        now = self._coordinator.now()
        if row is not None:

            def write() -> None:
                if row.value is not None:
                    self._log.resolve_exercise_shown(row.value, response.value, now.wall)

            self._coordinator.write_later("the answer to the exercise shown", write)
        if response is StretchResponse.DONE and shown is not None:
            exercise, shown_at = shown
            if exercise.category is Category.WALK:
                self._log_walk(shown_at, now)
            self.exercise_done.emit()

    def _log_walk(self, start: Instant, end: Instant) -> None:
        walked_s = min(WALK_CAP_S, end.mono - start.mono)
        if walked_s > 0:
            self._coordinator.write_later(
                "the walk", lambda: self._log.add_walk(start.wall, walked_s, WalkSource.BREAK)
            )


def _title(exercise: Exercise | None) -> str:
    base = QCoreApplication.translate("PromptFlow", "Time to stand up")
    if exercise is None:
        return base
    return f"{base} — {exercise.name}, {exercise.dose.describe(QCoreApplication.translate)}"


def _body(exercise: Exercise | None) -> str:
    if exercise is None:
        return QCoreApplication.translate("PromptFlow", "Stand up, walk a few steps, stretch.")
    return exercise.summary
