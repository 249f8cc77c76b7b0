"""The routine player plays a routine through: steps, switches, pause, skip, and the log.

Time is a fake clock the test moves; :meth:`RoutineController.tick` is what the controller's
own timer calls when a shown second changes. The log is a real SittingLog on a file; the
sound goes to a recording player (the Linux player itself is tested in
``tests/unit/platform/test_sound.py``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.core.exercise import Dose
from app.core.routine import Routine, RoutinePlan, RoutineStep
from app.library.loader import load_library
from app.resources import exercises_dir, illustrations_dir, resources_dir
from app.storage.log import SittingLog
from app.ui.routine_controller import RoutineController
from app.ui.routine_window import RoutineWindow
from tests.helpers.fake_clock import FakeClock

START = datetime(2025, 6, 13, 11, 0, tzinfo=timezone(timedelta(hours=2)))
CHIME = resources_dir() / "sounds" / "chime.wav"
LIBRARY = {
    e.id: e
    for e in load_library([exercises_dir()], illustration_dirs=[illustrations_dir()]).exercises
}
ROUTINE = Routine(
    id="test-mix",
    name="Test mix",
    summary="Four moves.",
    steps=(
        RoutineStep("glute-bridge", Dose(reps=3), rest_s=10),  # 10 + 3 × 4 = 22 s
        RoutineStep("seated-hamstring-stretch", Dose(hold_s=20, per_side=True), rest_s=10),
        # 10 + 20 + 5 + 20 = 55 s
        RoutineStep("clamshell"),
        RoutineStep("standing-quad-stretch"),  # 10 + 30 + 5 + 30 = 75 s
    ),
)


class RecordingSound:
    def __init__(self) -> None:
        self.played: list[Path] = []

    def play(self, path: Path) -> None:
        self.played.append(path)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(START)


@pytest.fixture
def sound() -> RecordingSound:
    return RecordingSound()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "sitbreak.db"


@pytest.fixture
def sitting_log(db_path: Path) -> Iterator[SittingLog]:
    log = SittingLog.open(db_path)
    yield log
    log.close()


@pytest.fixture
def window(qtbot) -> RoutineWindow:
    routine_window = RoutineWindow()
    qtbot.addWidget(routine_window)
    return routine_window


@pytest.fixture
def controller(window, clock, sound, sitting_log) -> Iterator[RoutineController]:
    routine_controller = RoutineController(window, clock, sound, CHIME, sitting_log)
    yield routine_controller
    routine_controller.stop()


def advance(clock: FakeClock, controller: RoutineController, seconds: float) -> None:
    clock.advance(seconds)
    controller.tick()


def shown(window: RoutineWindow) -> tuple[str, str, str]:
    """The exercise's name, its place in the routine, and what to do now."""
    return (
        window.name_label.text(),
        window.place_label.text().split(" · ")[0],
        window.countdown.caption_label.text(),
    )


def test_a_routine_plays_through_and_the_log_has_what_was_done(
    qtbot, window, clock, sound, controller, db_path, sitting_log
):
    steps, ends = [], []
    controller.step_finished.connect(lambda *args: steps.append(args))
    controller.finished.connect(lambda *args: ends.append(args))
    with qtbot.waitSignal(controller.started) as started:
        controller.start(RoutinePlan(ROUTINE, LIBRARY))
    assert started.args == ["test-mix"]
    qtbot.waitExposed(window)
    assert shown(window) == ("Glute bridge", "Exercise 1 of 4", "Get into position")
    assert window.routine_left_label.text() == "4:58 left in the routine"  # 22+10+55+10+111+15+75 s

    # The bridges run out by themselves; the rest names what comes next.
    advance(clock, controller, 23)
    assert shown(window)[1:] == ("Exercise 2 of 4", "Rest")
    assert window.countdown.detail_label.text() == "Next up: Seated hamstring stretch"
    assert steps == [("glute-bridge", "done", 22.0)]

    # Left side held, then the switch: a chime and the words say so.
    advance(clock, controller, 9 + 10 + 20)
    assert shown(window)[2] == "Switch sides"
    assert window.countdown.detail_label.text() == "Next: Right side"
    assert sound.played == [CHIME]

    # Space pauses: the countdown and the routine's time left stand still.
    advance(clock, controller, 3)
    qtbot.keyClick(window, Qt.Key.Key_Space)
    paused = (window.countdown.clock_label.text(), window.routine_left_label.text())
    assert paused == ("0:02", "3:53 left in the routine")
    advance(clock, controller, 60)
    assert (window.countdown.clock_label.text(), window.routine_left_label.text()) == paused
    assert window.pause_button.text() == "Resume"
    qtbot.mouseClick(window.pause_button, Qt.MouseButton.LeftButton)
    advance(clock, controller, 2)
    assert shown(window)[2] == "Hold"
    assert window.countdown.detail_label.text() == "Right side"

    # The stretch ends; 3 s into the clamshells' get-ready, Next skips them.
    advance(clock, controller, 20 + 10 + 3)
    assert shown(window) == ("Clamshell", "Exercise 3 of 4", "Get into position")
    qtbot.keyClick(window, Qt.Key.Key_Right)
    assert shown(window) == ("Standing quad stretch", "Exercise 4 of 4", "Get into position")
    assert steps[1:] == [("seated-hamstring-stretch", "done", 55.0), ("clamshell", "skipped", 3.0)]

    # The last one runs to the end: a chime at its switch, and one at the end.
    advance(clock, controller, 75)
    assert shown(window)[2] == "Routine complete"
    assert window.stop_button.text() == "Close"
    assert sound.played == [CHIME] * 3
    assert ends == [(True, 175.0)]

    run = sqlite3.connect(db_path)
    try:
        assert run.execute(
            "SELECT routine_id, routine_name, outcome, active_s FROM routine_runs"
        ).fetchall() == [("test-mix", "Test mix", "completed", 175.0)]
        assert run.execute(
            "SELECT exercise_id, category, outcome, active_s FROM routine_steps ORDER BY id"
        ).fetchall() == [
            ("glute-bridge", "strength", "done", 22.0),
            ("seated-hamstring-stretch", "stretch", "done", 55.0),
            ("clamshell", "activation", "skipped", 3.0),
            ("standing-quad-stretch", "stretch", "done", 75.0),
        ]
    finally:
        run.close()
    day = sitting_log.day_activity(START.replace(hour=0), START.replace(hour=0) + timedelta(days=1))
    assert day.stretch_s == 55 + 75
    assert day.glute_done

    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert not window.isVisible()
    assert ends == [(True, 175.0)]  # closing the finished routine is not a second ending


def test_stopping_logs_the_run_as_stopped_with_the_exercise_under_way_skipped(
    qtbot, window, clock, controller, db_path
):
    controller.start(RoutinePlan(ROUTINE, LIBRARY))
    with qtbot.waitSignal(controller.finished) as finished:
        advance(clock, controller, 15)
        qtbot.mouseClick(window.stop_button, Qt.MouseButton.LeftButton)
    assert finished.args == [False, 15.0]
    assert not window.isVisible()
    run = sqlite3.connect(db_path)
    try:
        assert run.execute("SELECT outcome, active_s FROM routine_runs").fetchall() == [
            ("stopped", 15.0)
        ]
        assert run.execute("SELECT exercise_id, outcome FROM routine_steps").fetchall() == [
            ("glute-bridge", "skipped")
        ]
    finally:
        run.close()


def test_previous_goes_back_to_the_exercise_before(qtbot, window, clock, controller):
    controller.start(RoutinePlan(ROUTINE, LIBRARY))
    qtbot.keyClick(window, Qt.Key.Key_Right)
    assert shown(window)[1] == "Exercise 2 of 4"
    qtbot.mouseClick(window.previous_button, Qt.MouseButton.LeftButton)
    assert shown(window)[:2] == ("Glute bridge", "Exercise 1 of 4")
    assert window.routine_left_label.text() == "4:58 left in the routine"


def test_the_title_bar_close_button_stops(qtbot, window, controller):
    controller.start(RoutinePlan(ROUTINE, LIBRARY))
    qtbot.waitExposed(window)
    with qtbot.waitSignal(controller.finished) as finished:
        window.close()
    assert finished.args == [False, 0.0]
    assert not window.isVisible()
    assert not controller.running


def test_the_timer_runs_by_itself(qtbot, window, sound, sitting_log):
    """The real clock and the controller's own timer, no ticks by hand."""
    from app.core.clock import SystemClock
    from app.core.timeline import Timing

    quick = Routine("quick", "Quick", "One.", (RoutineStep("clamshell", Dose(reps=1)),))
    controller = RoutineController(window, SystemClock(), sound, CHIME, sitting_log)
    plan = RoutinePlan(quick, LIBRARY, Timing(get_ready_s=0.3, rep_s=0.3))
    with qtbot.waitSignal(controller.finished, timeout=5000) as finished:
        controller.start(plan)
    assert finished.args[0] is True
    assert shown(window)[2] == "Routine complete"
