"""The animated picture: it moves through distinct poses on its own time, and holds still
when paused, stopped or hidden (then its loop is not running at all)."""

from __future__ import annotations

import logging
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray
from PySide6.QtGui import QColor, QImage
from PySide6.QtSvg import QSvgRenderer

from app.core.exercise import ANIMATION_REP_S_MIN, Animation
from app.library.loader import load_library
from app.resources import exercises_dir, illustrations_dir
from app.ui.animated_illustration import AnimatedIllustration
from app.ui.illustration import linking_reason

FAST_REP_S = ANIMATION_REP_S_MIN
"""The quickest rep a file may ask for, so tests see a whole rep in two seconds."""
MOVED = 0.03
"""Share of the picture that must change between two poses of a movement."""
WAIT_MS = 5000
PLAIN_ELEMENTS = {"svg", "g", "line", "polyline", "path", "circle", "ellipse"}


def bundled_animation(exercise_id: str) -> Animation:
    library = load_library([exercises_dir()], illustration_dirs=[illustrations_dir()])
    exercise = library.get(exercise_id)
    assert exercise is not None
    assert exercise.animation is not None
    return Animation(frames=exercise.animation.frames, rep_s=FAST_REP_S)


def changed_share(first: QImage, second: QImage) -> float:
    """The share of pixels (every second one) whose colour differs clearly."""
    assert first.size() == second.size()
    changed = total = 0
    for y in range(0, first.height(), 2):
        for x in range(0, first.width(), 2):
            a, b = first.pixelColor(x, y), second.pixelColor(x, y)
            total += 1
            if (
                max(abs(a.red() - b.red()), abs(a.green() - b.green()), abs(a.blue() - b.blue()))
                > 40
            ):
                changed += 1
    return changed / total


def picture(widget: AnimatedIllustration) -> QImage:
    return widget.grab().toImage()


@pytest.fixture
def movement(qtbot):
    widget = AnimatedIllustration()
    qtbot.addWidget(widget)
    return widget


@pytest.mark.parametrize("exercise_id", ["glute-bridge", "bodyweight-squat", "clamshell"])
def test_a_movement_shows_clearly_different_poses_as_it_plays(qtbot, movement, exercise_id):
    assert movement.load(bundled_animation(exercise_id))
    movement.show()
    qtbot.waitExposed(movement)
    movement.start()
    assert movement.is_playing
    start = picture(movement)
    last = movement.frame_count - 1
    qtbot.waitUntil(lambda: movement.current_frame_index == last, timeout=WAIT_MS)
    turned = picture(movement)
    assert changed_share(start, turned) > MOVED
    # ... and back: a rep ends where it started.
    qtbot.waitUntil(lambda: movement.current_frame_index == 0, timeout=WAIT_MS)
    assert changed_share(start, picture(movement)) < changed_share(start, turned)


def test_in_between_poses_are_drawn_on_the_way(qtbot, movement):
    """Not two pictures swapped: the frames in between show up as the movement passes."""
    animation = bundled_animation("glute-bridge")
    movement.load(animation)
    movement.show()
    qtbot.waitExposed(movement)
    movement.start()
    seen: set[int] = set()

    def passed_all() -> bool:
        seen.add(movement.current_frame_index)
        return len(seen) == len(animation.frames)

    qtbot.waitUntil(passed_all, timeout=WAIT_MS)


def test_paused_it_holds_its_pose_while_time_passes(qtbot, movement):
    control = AnimatedIllustration()  # proves time passes: it keeps moving
    qtbot.addWidget(control)
    for widget in (movement, control):
        widget.load(bundled_animation("standing-march"))
        widget.show()
        qtbot.waitExposed(widget)
        widget.start()
    qtbot.waitUntil(lambda: movement.current_frame_index >= 2, timeout=WAIT_MS)
    movement.set_paused(True)
    assert not movement.is_playing
    held_index, held = movement.current_frame_index, picture(movement)
    last = control.frame_count - 1
    qtbot.waitUntil(lambda: control.current_frame_index == last, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: control.current_frame_index == 0, timeout=WAIT_MS)
    assert movement.current_frame_index == held_index
    assert changed_share(held, picture(movement)) == 0.0
    movement.set_paused(False)
    assert movement.is_playing
    qtbot.waitUntil(lambda: movement.current_frame_index != held_index, timeout=WAIT_MS)


def test_stopped_it_stands_on_the_first_pose(qtbot, movement):
    animation = bundled_animation("bodyweight-squat")
    movement.load(animation)
    movement.show()
    qtbot.waitExposed(movement)
    first = picture(movement)
    movement.start()
    qtbot.waitUntil(lambda: movement.current_frame_index >= 3, timeout=WAIT_MS)
    movement.stop()
    assert not movement.is_playing
    assert movement.current_frame_index == 0
    assert changed_share(first, picture(movement)) == 0.0


def test_hidden_it_stops_its_loop_and_carries_on_when_shown(qtbot, movement):
    movement.load(bundled_animation("clamshell"))
    movement.show()
    qtbot.waitExposed(movement)
    movement.start()
    assert movement.is_playing
    movement.hide()
    assert not movement.is_playing  # nothing ticks while nobody can see it
    movement.show()
    qtbot.waitExposed(movement)
    assert movement.is_playing


def test_a_paused_movement_stays_paused_when_shown_again(qtbot, movement):
    movement.load(bundled_animation("clamshell"))
    movement.show()
    qtbot.waitExposed(movement)
    movement.start()
    movement.set_paused(True)
    movement.hide()
    movement.show()
    qtbot.waitExposed(movement)
    assert not movement.is_playing


def test_the_pace_is_the_animation_s_rep(movement):
    animation = bundled_animation("glute-bridge")
    movement.load(Animation(frames=animation.frames, rep_s=6))
    movement.seek(0.5)
    assert movement.current_frame_index == len(animation.frames) - 1
    movement.seek(0.999)
    assert movement.current_frame_index == 0


def test_a_broken_frame_means_no_movement(qtbot, movement, tmp_path, caplog):
    good = bundled_animation("glute-bridge").frames[0]
    broken = tmp_path / "broken.svg"
    broken.write_text("<svg", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        assert not movement.load(Animation(frames=(good, broken)))
    assert not movement.has_animation
    assert any(str(broken) in record.getMessage() for record in caplog.records)
    movement.start()
    assert not movement.is_playing


@pytest.mark.parametrize(
    "extra",
    [
        '<image x="0" y="0" width="240" height="240" xlink:href="{outside}"/>',
        '<script>alert(1)</script><rect width="240" height="240" fill="url({outside})"/>',
    ],
    ids=["image", "script"],
)
def test_a_frame_that_links_outside_itself_is_not_drawn(qtbot, movement, tmp_path, caplog, extra):
    """Pictures may come from the user's folder: nothing in them is followed or run.

    (Qt itself would draw an ``<image>`` from a local path: the red square would show.)
    """
    outside = tmp_path / "outside.png"
    red = QImage(8, 8, QImage.Format.Format_ARGB32)
    red.fill(QColor("#ff0000"))
    assert red.save(str(outside))
    sneaky = tmp_path / "sneaky.svg"
    sneaky.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" '
        f'viewBox="0 0 240 240">{extra.format(outside=outside)}'
        '<circle cx="120" cy="120" r="40" fill="#5a6b7b"/></svg>',
        encoding="utf-8",
    )
    plain = bundled_animation("glute-bridge").frames[0]
    with caplog.at_level(logging.WARNING):
        assert not movement.load(Animation(frames=(sneaky, plain)))
    assert any("not drawn" in record.getMessage() for record in caplog.records)
    movement.show()
    qtbot.waitExposed(movement)
    image = picture(movement)
    reds = sum(
        1
        for y in range(0, image.height(), 4)
        for x in range(0, image.width(), 4)
        if image.pixelColor(x, y).red() > 200 and image.pixelColor(x, y).green() < 80
    )
    assert reds == 0


def bundled_frames() -> list[Path]:
    library = load_library([exercises_dir()], illustration_dirs=[illustrations_dir()])
    return [f for e in library.exercises if e.animation is not None for f in e.animation.frames]


@pytest.mark.parametrize("frame", bundled_frames(), ids=lambda path: path.stem)
def test_every_bundled_frame_is_a_plain_picture_qt_draws(frame):
    data = frame.read_bytes()
    assert linking_reason(data) is None
    root = ET.fromstring(data)
    assert root.get("viewBox") == "0 0 240 240"
    assert {element.tag.rpartition("}")[2] for element in root.iter()} <= PLAIN_ELEMENTS
    assert QSvgRenderer(QByteArray(data)).isValid()
