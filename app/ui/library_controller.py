"""What the library window shows and what its star, eye and "Start now" mean.

The window (:class:`~app.ui.library_window.LibraryWindow`) only lays out. This module turns
exercises into cards grouped by muscle group, decides which cards a filter lets through,
and keeps the user's :class:`~app.core.exercise.Preferences`: a star or an eye changes them
and hands them to ``save_preferences`` (the composition root writes ``settings.toml``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QObject, Signal

from app.core.exercise import Exercise, MuscleGroup, Preferences
from app.core.i18n import Translate
from app.ui.library_window import (
    ExerciseCardModel,
    LibraryFilter,
    LibrarySection,
    LibraryWindow,
)

log = logging.getLogger(__name__)

SavePreferences = Callable[[Preferences], None]
"""Stores the preferences for good; raises (OSError, NewerSchemaError, …) when it cannot."""


class LibraryController(QObject):
    """Connects a :class:`LibraryWindow` to the library and the user's preferences."""

    start_requested = Signal(str)
    """The id of the exercise the user wants to do now (open it in the stretch window)."""

    def __init__(
        self,
        window: LibraryWindow,
        save_preferences: SavePreferences,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._window = window
        self._save = save_preferences
        self._exercises: dict[str, Exercise] = {}
        self._preferences = Preferences()
        self._translate: Translate = QCoreApplication.translate
        window.filter_changed.connect(self._on_filter_changed)
        window.favourite_toggled.connect(self._on_favourite_toggled)
        window.hidden_toggled.connect(self._on_hidden_toggled)
        window.start_requested.connect(self._on_start_requested)

    @property
    def window(self) -> LibraryWindow:
        return self._window

    @property
    def preferences(self) -> Preferences:
        """The preferences as last saved (or as given, before any change)."""
        return self._preferences

    def show_library(self, exercises: Sequence[Exercise], preferences: Preferences) -> None:
        """Fill the window with ``exercises`` marked as ``preferences`` say, and show it."""
        self._exercises = {exercise.id: exercise for exercise in exercises}
        self._preferences = preferences
        self._window.show_problem("")
        self._window.show_sections(self._sections())
        self._apply_filter(self._window.current_filter())
        self._window.present()

    # ------------------------------------------------------------------ cards
    def _sections(self) -> tuple[LibrarySection, ...]:
        """One section per muscle group in rotation order, then the rest; names sorted."""
        translate = self._translate
        groups: list[MuscleGroup | None] = [*MuscleGroup, None]
        sections = []
        for group in groups:
            members = sorted(
                (e for e in self._exercises.values() if e.rotation_group == group),
                key=lambda e: e.name.casefold(),
            )
            if not members:
                continue
            title = (
                group.label(translate)
                if group is not None
                else translate("LibraryController", "More movements")
            )
            sections.append(LibrarySection(title, tuple(self._card(e) for e in members)))
        return tuple(sections)

    def _card(self, exercise: Exercise) -> ExerciseCardModel:
        translate = self._translate
        facts = [exercise.dose.describe(translate), exercise.position.label(translate)]
        if exercise.equipment:
            facts.append(", ".join(item.label(translate) for item in exercise.equipment))
        else:
            facts.append(translate("LibraryController", "No equipment"))
        return ExerciseCardModel(
            exercise_id=exercise.id,
            name=exercise.name,
            facts=" · ".join(facts),
            muscles=", ".join(muscle.label(translate) for muscle in exercise.muscles),
            summary=exercise.summary,
            illustration=exercise.illustration,
            favourite=exercise.id in self._preferences.favourite_ids,
            hidden=exercise.id in self._preferences.hidden_ids,
        )

    # ------------------------------------------------------------------ filtering
    def _on_filter_changed(self, chosen: object) -> None:
        if isinstance(chosen, LibraryFilter):
            self._apply_filter(chosen)

    def _apply_filter(self, chosen: LibraryFilter) -> None:
        self._window.show_matches(
            frozenset(
                exercise.id
                for exercise in self._exercises.values()
                if matches(exercise, chosen, self._preferences, self._translate)
            )
        )

    # ------------------------------------------------------------------ star and eye
    def _on_favourite_toggled(self, exercise_id: str, favourite: bool) -> None:
        ids = self._preferences.favourite_ids
        ids = ids | {exercise_id} if favourite else ids - {exercise_id}
        self._change(replace(self._preferences, favourite_ids=ids))

    def _on_hidden_toggled(self, exercise_id: str, hidden: bool) -> None:
        ids = self._preferences.hidden_ids
        ids = ids | {exercise_id} if hidden else ids - {exercise_id}
        self._change(replace(self._preferences, hidden_ids=ids))

    def _change(self, preferences: Preferences) -> None:
        """Save first; the cards show the new state only once it is stored."""
        try:
            self._save(preferences)
        except Exception as error:  # a full disk must not take the window down
            log.exception("could not save the exercise preferences")
            self._window.show_problem(
                self._translate(
                    "LibraryController", "Your change could not be saved: {error}"
                ).format(error=error)
            )
            return
        self._preferences = preferences
        self._window.show_problem("")
        for exercise_id in self._exercises:
            self._window.set_card_state(
                exercise_id,
                favourite=exercise_id in preferences.favourite_ids,
                hidden=exercise_id in preferences.hidden_ids,
            )
        self._apply_filter(self._window.current_filter())

    def _on_start_requested(self, exercise_id: str) -> None:
        if exercise_id in self._exercises:
            self.start_requested.emit(exercise_id)


def matches(
    exercise: Exercise,
    chosen: LibraryFilter,
    preferences: Preferences,
    translate: Translate,
) -> bool:
    """Whether the filter lets ``exercise`` through.

    The muscle group matches any muscle the exercise works, not only its main target; the
    equipment matches exercises that use it. Every word of the search must appear in the
    name, the summary, or a muscle, position or equipment label (case does not matter).
    """
    if chosen.group is not None and chosen.group not in exercise.groups:
        return False
    if chosen.position is not None and exercise.position != chosen.position:
        return False
    if chosen.equipment is not None and chosen.equipment not in exercise.equipment:
        return False
    if chosen.favourites_only and exercise.id not in preferences.favourite_ids:
        return False
    words = chosen.text.casefold().split()
    if not words:
        return True
    haystack = " ".join(
        [
            exercise.name,
            exercise.summary,
            exercise.position.label(translate),
            *(muscle.label(translate) for muscle in exercise.muscles),
            *(group.label(translate) for group in exercise.groups),
            *(item.label(translate) for item in exercise.equipment),
        ]
    ).casefold()
    return all(word in haystack for word in words)
