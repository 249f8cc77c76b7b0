"""What the user does while the disk is full is kept too, not only the bouts and prompts.

The exercise the stretch window showed, the answer to it, the walk it was, and a routine
run with its steps all go through the coordinator's queue: on a real full tmpfs they wait,
in order, and are written with their own times once there is room again.
"""

from __future__ import annotations

import random
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from pytestqt.qtbot import QtBot

from app.core.exercise import Exercise
from app.core.routine import Routine, RoutinePlan, RoutineStep
from app.library.loader import load_library
from app.platform.sound_null import NullSoundPlayer
from app.prompt_flow import PromptFlow
from app.resources import exercises_dir, illustrations_dir
from app.storage import SittingLog
from app.ui.routine_controller import RoutineController
from app.ui.routine_window import RoutineWindow
from app.ui.stretch_controller import StretchController
from app.ui.stretch_window import StretchWindow
from app.ui.toast import Toast
from app.ui.toast_notifier import ToastNotifier
from tests.faults.rig import Desk, running_desk
from tests.helpers.faults import fill_up, small_tmpfs

START = datetime(2026, 3, 2, 9, 0, tzinfo=ZoneInfo("Europe/Berlin"))
LIBRARY = {
    exercise.id: exercise
    for exercise in load_library(
        [exercises_dir()], illustration_dirs=[illustrations_dir()]
    ).exercises
}

pytestmark = pytest.mark.timeout(120)


def _rows(db_path: Path, sql: str) -> list[tuple[Any, ...]]:
    with closing(sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)) as conn:
        return conn.execute(sql).fetchall()


@pytest.fixture
def full_disk_log() -> Iterator[tuple[Path, SittingLog]]:
    folder = small_tmpfs()
    sitting_log = SittingLog.open(folder / "sitbreak.db")
    try:
        yield folder, sitting_log
    finally:
        sitting_log.close()
        shutil.rmtree(folder)


def _prompt_flow(
    desk: Desk, stretch: StretchController, sitting_log: SittingLog, only: Exercise
) -> PromptFlow:
    return PromptFlow(
        coordinator=desk.coordinator,
        notifier=ToastNotifier(Toast),
        stretch=lambda: stretch,
        library=[only],
        sitting_log=sitting_log,
        snooze_minutes=lambda: 10,
        rng=random.Random(1),
    )


def test_an_exercise_shown_and_answered_on_a_full_disk_is_logged_once_there_is_room(
    qtbot: QtBot, tmp_path: Path, full_disk_log: tuple[Path, SittingLog]
) -> None:
    folder, sitting_log = full_disk_log
    db_path = sitting_log.path
    walk = LIBRARY["short-walk"]
    with running_desk(sitting_log, START, tmp_path) as desk:
        stretch = StretchController(StretchWindow(), desk.clock)
        flow = _prompt_flow(desk, stretch, sitting_log, walk)
        desk.type_for(20 * 60)
        filler = fill_up(folder)

        flow.stand_up_now()
        shown_at = desk.clock.now().wall
        assert [stretch.exercise] == [walk]  # on screen
        desk.clock.advance(4 * 60)  # the walk
        stretch.window.done.emit()
        assert [stretch.exercise] == [None]
        assert _rows(db_path, "SELECT count(*) FROM prompt_exercises") == [(0,)]
        assert len(desk.notices) == 1

        filler.unlink()
        desk.type_for(60)

        assert desk.coordinator.log_in_sync
        assert _rows(
            db_path, "SELECT exercise_id, shown_utc, response, category FROM prompt_exercises"
        ) == [("short-walk", shown_at.timestamp(), "done", "walk")]
        assert _rows(db_path, "SELECT start_utc, duration_s, source FROM walks") == [
            (shown_at.timestamp(), pytest.approx(240.0), "break")
        ]
        flow.shutdown()


def test_a_routine_played_on_a_full_disk_is_logged_with_its_steps_once_there_is_room(
    qtbot: QtBot, tmp_path: Path, full_disk_log: tuple[Path, SittingLog]
) -> None:
    folder, sitting_log = full_disk_log
    db_path = sitting_log.path
    routine = Routine(
        "two-moves", "Two moves", "", (RoutineStep("glute-bridge"), RoutineStep("clamshell"))
    )
    with running_desk(sitting_log, START, tmp_path) as desk:
        player = RoutineController(
            RoutineWindow(),
            desk.clock,
            NullSoundPlayer(),
            None,
            sitting_log,
            write_later=desk.coordinator.write_later,
        )
        desk.type_for(5 * 60)
        filler = fill_up(folder)

        player.start(RoutinePlan(routine, LIBRARY))
        started_at = desk.clock.now().wall
        desk.clock.advance(20)
        player.next()  # skips the first step
        desk.clock.advance(20)
        player.stop()  # Esc
        assert not player.running
        assert _rows(db_path, "SELECT count(*) FROM routine_runs") == [(0,)]

        filler.unlink()
        desk.type_for(60)

        assert desk.coordinator.log_in_sync
        runs = _rows(db_path, "SELECT id, routine_id, started_utc, outcome FROM routine_runs")
        assert [run[1:] for run in runs] == [("two-moves", started_at.timestamp(), "stopped")]
        assert _rows(db_path, "SELECT run_id, exercise_id, outcome FROM routine_steps") == [
            (runs[0][0], "glute-bridge", "skipped"),
            (runs[0][0], "clamshell", "skipped"),  # stopped under way
        ]
        assert len(desk.notices) == 1
