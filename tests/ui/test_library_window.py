"""The library window: filters, star, eye and "Start now", with the real window and controller."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from app.core.exercise import (
    Category,
    Dose,
    Equipment,
    Exercise,
    Muscle,
    MuscleGroup,
    Position,
    Preferences,
)
from app.library.loader import load_library
from app.resources import exercises_dir, illustrations_dir
from app.ui.library_controller import LibraryController
from app.ui.library_window import ExerciseCard, LibraryWindow


def exercise(
    exercise_id: str,
    name: str,
    muscles: tuple[Muscle, ...],
    position: Position = Position.STANDING,
    equipment: tuple[Equipment, ...] = (),
    summary: str = "",
) -> Exercise:
    return Exercise(
        id=exercise_id,
        name=name,
        summary=summary,
        category=Category.STRETCH,
        muscles=muscles,
        position=position,
        equipment=equipment,
        dose=Dose(hold_s=30),
        steps=("Do it slowly.",),
    )


LIBRARY = (
    exercise(
        "wall-calf-stretch", "Wall calf stretch", (Muscle.CALVES,), equipment=(Equipment.WALL,)
    ),
    exercise(
        "seated-hamstring-stretch",
        "Seated hamstring stretch",
        (Muscle.HAMSTRINGS, Muscle.CALVES),
        Position.SEATED,
        (Equipment.CHAIR,),
        summary="Straighten one leg from the edge of your chair.",
    ),
    exercise("glute-bridge", "Glute bridge", (Muscle.GLUTES, Muscle.HAMSTRINGS), Position.FLOOR),
    exercise(
        "kettlebell-deadlift",
        "Kettlebell deadlift",
        (Muscle.HAMSTRINGS, Muscle.GLUTES),
        equipment=(Equipment.KETTLEBELL,),
    ),
    exercise("core-brace", "Core brace", (Muscle.CORE,)),
)
ALL_IDS = sorted(e.id for e in LIBRARY)


class SavedPreferences:
    """The composition root's callback, reduced to a record of what it was asked to store."""

    def __init__(self, *, fail_with: Exception | None = None) -> None:
        self.saved: list[Preferences] = []
        self.fail_with = fail_with

    def __call__(self, preferences: Preferences) -> None:
        if self.fail_with is not None:
            raise self.fail_with
        self.saved.append(preferences)


@pytest.fixture
def save() -> SavedPreferences:
    return SavedPreferences()


@pytest.fixture
def window(qtbot):
    widget = LibraryWindow()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def controller(window, save):
    made = LibraryController(window, save)
    made.show_library(LIBRARY, Preferences(favourite_ids=frozenset({"glute-bridge"})))
    return made


def card_of(window: LibraryWindow, exercise_id: str) -> ExerciseCard:
    card = window.card(exercise_id)
    assert card is not None, f"no card for {exercise_id}"
    return card


def starred(card: ExerciseCard) -> bool:
    return card.favourite


def dimmed(card: ExerciseCard) -> bool:
    return card.is_dimmed


def shown(window: LibraryWindow) -> list[str]:
    return sorted(window.shown_ids())


def choose(combo: QComboBox, value: object) -> None:
    combo.setCurrentIndex(combo.findData(value))


# ---------------------------------------------------------------- browsing and filtering
def test_every_exercise_is_listed_under_its_muscle_group(window, controller):
    assert shown(window) == ALL_IDS
    assert window.isVisible()
    assert window.count_label.text() == "5 exercises"
    assert window.shown_ids() == [
        "glute-bridge",  # Glutes
        "kettlebell-deadlift",  # Hamstrings, by name
        "seated-hamstring-stretch",
        "wall-calf-stretch",  # Calves and ankles
        "core-brace",  # outside the posterior chain: last
    ]
    card = card_of(window, "seated-hamstring-stretch")
    assert card.name_label.text() == "Seated hamstring stretch"
    assert card.facts_label.text() == "30 s hold · Seated · Chair"
    assert card.muscles_label.text() == "Hamstrings, Calves"
    assert card.summary_label.text() == "Straighten one leg from the edge of your chair."


def test_the_muscle_group_filter_counts_every_muscle_worked(window, controller):
    choose(window.group_combo, MuscleGroup.HAMSTRINGS)
    assert shown(window) == ["glute-bridge", "kettlebell-deadlift", "seated-hamstring-stretch"]
    assert window.count_label.text() == "Showing 3 of 5"


def test_the_position_filter(window, controller):
    choose(window.position_combo, Position.SEATED)
    assert shown(window) == ["seated-hamstring-stretch"]
    choose(window.position_combo, Position.FLOOR)
    assert shown(window) == ["glute-bridge"]


def test_the_equipment_filter(window, controller):
    choose(window.equipment_combo, Equipment.KETTLEBELL)
    assert shown(window) == ["kettlebell-deadlift"]
    choose(window.equipment_combo, Equipment.WALL)
    assert shown(window) == ["wall-calf-stretch"]


def test_the_favourites_filter(qtbot, window, controller):
    qtbot.mouseClick(window.favourites_check, Qt.MouseButton.LeftButton)
    assert shown(window) == ["glute-bridge"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("HAMSTRING", ["glute-bridge", "kettlebell-deadlift", "seated-hamstring-stretch"]),
        ("calf wall", ["wall-calf-stretch"]),  # every word, anywhere
        ("edge of your chair", ["seated-hamstring-stretch"]),  # the summary
        ("kettlebell", ["kettlebell-deadlift"]),  # the equipment
        ("  ", ALL_IDS),
    ],
)
def test_the_search_matches_names_summaries_muscles_and_equipment(
    qtbot, window, controller, text, expected
):
    qtbot.keyClicks(window.search_edit, text)
    assert shown(window) == expected


def test_filters_combine(window, controller):
    choose(window.group_combo, MuscleGroup.HAMSTRINGS)
    choose(window.position_combo, Position.STANDING)
    assert shown(window) == ["kettlebell-deadlift"]


def test_an_empty_result_says_so_and_offers_the_way_back(qtbot, window, controller):
    assert window.empty_state.isHidden()
    qtbot.keyClicks(window.search_edit, "trampoline")
    assert shown(window) == []
    assert not window.empty_state.isHidden()
    assert window.empty_label.text() == "No exercise matches these filters."
    assert window.count_label.text() == "Showing 0 of 5"

    qtbot.mouseClick(window.clear_button, Qt.MouseButton.LeftButton)
    assert shown(window) == ALL_IDS
    assert window.search_edit.text() == ""
    assert window.empty_state.isHidden()


def test_a_heading_without_matching_exercises_is_hidden(window, controller):
    choose(window.position_combo, Position.FLOOR)
    headings = [label.text() for label, _ in window._sections if not label.isHidden()]
    assert headings == ["Glutes"]


# ---------------------------------------------------------------- star, eye, start
def test_a_star_marks_a_favourite_and_saves_it(qtbot, window, controller, save):
    card = card_of(window, "wall-calf-stretch")
    assert not starred(card)
    qtbot.mouseClick(card.favourite_button, Qt.MouseButton.LeftButton)
    assert save.saved == [
        Preferences(favourite_ids=frozenset({"glute-bridge", "wall-calf-stretch"}))
    ]
    assert starred(card)
    assert controller.preferences == save.saved[-1]


def test_a_second_click_on_the_star_takes_the_favourite_back(qtbot, window, controller, save):
    card = card_of(window, "glute-bridge")
    assert starred(card)
    qtbot.mouseClick(card.favourite_button, Qt.MouseButton.LeftButton)
    assert save.saved == [Preferences(favourite_ids=frozenset())]
    assert not starred(card)


def test_hiding_keeps_the_exercise_listed_but_dimmed(qtbot, window, controller, save):
    card = card_of(window, "kettlebell-deadlift")
    assert not dimmed(card)
    qtbot.mouseClick(card.hide_button, Qt.MouseButton.LeftButton)
    assert save.saved[-1].hidden_ids == {"kettlebell-deadlift"}
    assert save.saved[-1].favourite_ids == {"glute-bridge"}
    assert dimmed(card)
    assert not card.hidden_tag.isHidden()
    assert "kettlebell-deadlift" in window.shown_ids()

    qtbot.mouseClick(card.hide_button, Qt.MouseButton.LeftButton)
    assert save.saved[-1].hidden_ids == frozenset()
    assert not dimmed(card)


def test_ids_the_library_does_not_have_are_kept_when_saving(qtbot, window, save):
    controller = LibraryController(window, save)
    given = Preferences(
        hidden_ids=frozenset({"my-own-stretch"}),
        favourite_ids=frozenset({"not-loaded-yet"}),
        allowed_positions=frozenset({Position.SEATED}),
        equipment=frozenset({Equipment.CHAIR}),
    )
    controller.show_library(LIBRARY, given)
    card = card_of(window, "core-brace")
    qtbot.mouseClick(card.favourite_button, Qt.MouseButton.LeftButton)
    assert save.saved == [
        Preferences(
            hidden_ids=frozenset({"my-own-stretch"}),
            favourite_ids=frozenset({"not-loaded-yet", "core-brace"}),
            allowed_positions=frozenset({Position.SEATED}),
            equipment=frozenset({Equipment.CHAIR}),
        )
    ]


def test_a_failed_save_is_said_and_the_card_keeps_its_stored_state(qtbot, window):
    failing = SavedPreferences(fail_with=OSError("No space left on device"))
    controller = LibraryController(window, failing)
    controller.show_library(LIBRARY, Preferences())
    card = card_of(window, "glute-bridge")
    qtbot.mouseClick(card.favourite_button, Qt.MouseButton.LeftButton)
    assert not starred(card)
    assert controller.preferences == Preferences()
    assert not window.problem_label.isHidden()
    assert "No space left on device" in window.problem_label.text()


def test_start_now_asks_for_that_exercise(qtbot, window, controller):
    card = card_of(window, "seated-hamstring-stretch")
    with qtbot.waitSignal(controller.start_requested, timeout=1000) as blocker:
        qtbot.mouseClick(card.start_button, Qt.MouseButton.LeftButton)
    assert blocker.args == ["seated-hamstring-stretch"]


def test_closing_only_hides_the_window(qtbot, window, controller):
    qtbot.waitExposed(window)
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not window.isVisible()
    controller.show_library(LIBRARY, controller.preferences)
    assert window.isVisible()


# ---------------------------------------------------------------- the bundled library
def test_the_bundled_library_shows_with_its_pictures(window, save):
    library = load_library([exercises_dir()], illustration_dirs=[illustrations_dir()])
    LibraryController(window, save).show_library(library.exercises, Preferences())
    assert len(window.shown_ids()) == len(library.exercises)
    for exercise_id in window.shown_ids():
        card = card_of(window, exercise_id)
        assert card.thumbnail.has_picture, exercise_id


def test_a_missing_picture_leaves_an_empty_frame(window, save, tmp_path: Path):
    lonely = exercise("core-brace", "Core brace", (Muscle.CORE,))
    LibraryController(window, save).show_library(
        (replace(lonely, illustration=tmp_path / "gone.svg"),), Preferences()
    )
    card = card_of(window, "core-brace")
    assert not card.thumbnail.has_picture
