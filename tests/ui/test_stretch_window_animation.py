"""The stretch window shows a movement done in reps moving, and a hold still."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from app.core.exercise import ANIMATION_REP_S_MIN, Animation
from app.library.loader import load_library
from app.resources import exercises_dir, illustrations_dir
from app.ui.animated_illustration import AnimatedIllustration
from app.ui.stretch_window import StretchViewModel, StretchWindow
from tests.ui.test_animation_widget import MOVED, WAIT_MS, changed_share

LIBRARY = load_library([exercises_dir()], illustration_dirs=[illustrations_dir()])


def view_model(exercise_id: str) -> StretchViewModel:
    exercise = LIBRARY.get(exercise_id)
    assert exercise is not None
    animation = exercise.animation
    if animation is not None:  # the quickest calm pace, so a test sees a rep in 2 s
        animation = Animation(frames=animation.frames, rep_s=ANIMATION_REP_S_MIN)
    return StretchViewModel(
        name=exercise.name,
        muscles="Glutes",
        dose=exercise.dose.describe(),
        steps=exercise.steps,
        cautions=exercise.cautions,
        illustration=exercise.illustration,
        snooze_label="Snooze 10 min",
        animation=animation,
    )


@pytest.fixture
def window(qtbot):
    widget = StretchWindow()
    qtbot.addWidget(widget)
    return widget


def open_with(qtbot, window: StretchWindow, model: StretchViewModel) -> None:
    window.show_exercise(model)
    window.show()
    qtbot.waitExposed(window)


def test_an_exercise_done_in_reps_moves_in_place_of_its_picture(qtbot, window):
    open_with(qtbot, window, view_model("glute-bridge"))
    assert window.movement.isVisible()
    assert not window.illustration.isVisible()
    assert window.movement.is_playing
    before = window.movement.grab().toImage()
    last = window.movement.frame_count - 1
    qtbot.waitUntil(lambda: window.movement.current_frame_index == last, timeout=WAIT_MS)
    assert changed_share(before, window.movement.grab().toImage()) > MOVED


def test_a_hold_stays_still(qtbot, window):
    control = AnimatedIllustration()  # proves time passes while the hold is on screen
    qtbot.addWidget(control)
    control.load(view_model("bodyweight-squat").animation)
    control.show()
    control.start()
    model = view_model("wall-sit")
    assert model.animation is None
    open_with(qtbot, window, model)
    assert window.illustration.isVisible()
    assert not window.movement.isVisible()
    assert not window.movement.is_playing
    before = window.illustration.grab().toImage()
    qtbot.waitUntil(lambda: control.current_frame_index == control.frame_count - 1, timeout=WAIT_MS)
    assert changed_share(before, window.illustration.grab().toImage()) == 0.0


def test_a_hold_after_a_movement_leaves_nothing_running(qtbot, window):
    open_with(qtbot, window, view_model("clamshell"))
    assert window.movement.is_playing
    window.show_exercise(view_model("wall-sit"))
    assert not window.movement.is_playing
    assert window.illustration.isVisible()


def test_the_movement_holds_still_while_the_owner_says_so(qtbot, window):
    open_with(qtbot, window, view_model("standing-march"))
    window.set_movement_playing(False)
    assert not window.movement.is_playing
    window.set_movement_playing(True)
    assert window.movement.is_playing
    qtbot.waitUntil(lambda: window.movement.current_frame_index >= 2, timeout=WAIT_MS)


def test_put_away_the_movement_stops_ticking(qtbot, window):
    open_with(qtbot, window, view_model("kettlebell-deadlift"))
    assert window.movement.is_playing
    window.put_away()
    assert not window.movement.is_playing


def test_a_movement_with_a_missing_frame_shows_the_still_picture(qtbot, window, tmp_path):
    model = view_model("reverse-lunge")
    assert model.animation is not None
    gone = Animation(frames=(*model.animation.frames[:-1], tmp_path / "gone.svg"))
    open_with(qtbot, window, replace(model, animation=gone))
    assert not window.movement.isVisible()
    assert window.illustration.isVisible()
    assert window.illustration.has_picture


def test_the_view_model_still_builds_without_an_animation():
    """Callers written before animations keep working: the field has a default."""
    model = StretchViewModel(
        name="Wall sit",
        muscles="",
        dose="30 s hold",
        steps=("Sit.",),
        cautions=(),
        illustration=Path("wall-sit.svg"),
        snooze_label="Snooze 10 min",
    )
    assert model.animation is None
