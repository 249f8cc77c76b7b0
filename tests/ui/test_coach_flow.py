"""The coach flow as the app wires it: a routine holds desk time from its first second and
its end is a stand-up; an exercise on screen gives way to it; a walk step counts as walking;
the strength-day notice's click starts "Strength day". Real coordinator, engine, SQLite log,
routine player, Today view and toast; only time and typing are scripted."""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from app.coach_flow import CoachFlow
from app.coach_notices import CoachNotices
from app.coordinator import DeskCoordinator
from app.core.engine import DeskEngine
from app.core.model import EngineConfig, Phase
from app.core.routine import Routine, RoutineStep
from app.library.loader import load_library
from app.library.routines import load_routines
from app.platform.session_null import NullSessionWatcher
from app.platform.sound_null import NullSoundPlayer
from app.prompt_flow import PromptFlow
from app.resources import exercises_dir, illustrations_dir, routines_dir
from app.scheduling.coach_jobs import goal_targets
from app.settings.model import GoalSettings
from app.settings.state import State
from app.storage import SittingLog
from app.ui.routine_controller import RoutineController
from app.ui.routine_window import RoutineWindow
from app.ui.stretch_controller import StretchController
from app.ui.stretch_window import StretchWindow
from app.ui.toast import Toast
from app.ui.toast_notifier import ToastNotifier
from app.ui.today_controller import TodayController, routine_buttons
from app.ui.today_window import TodayWindow
from tests.helpers.desk import AlwaysTyping, scripted_coordinator
from tests.helpers.fake_clock import FakeClock

START = datetime(2026, 3, 2, 9, 0, tzinfo=ZoneInfo("Europe/Berlin"))


@dataclass
class Coach:
    clock: FakeClock
    engine: DeskEngine
    coordinator: DeskCoordinator
    flow: CoachFlow
    prompts: PromptFlow
    player: RoutineController
    stretch: StretchController
    notice_toast: Toast
    database: Path
    told: list[tuple[str, str]]


@pytest.fixture
def coach(qtbot: QtBot, tmp_path: Path) -> Iterator[Coach]:
    clock = FakeClock(START)
    engine = DeskEngine(EngineConfig())
    database = tmp_path / "sitbreak.db"
    sitting_log = SittingLog.open(database)
    watcher = NullSessionWatcher()
    coordinator = scripted_coordinator(
        clock=clock,
        engine=engine,
        idle=AlwaysTyping(),
        sitting_log=sitting_log,
        watcher=watcher,
        state_dir=tmp_path,
        state=State(first_run_done=True),
    )
    library = load_library([exercises_dir()], illustration_dirs=[illustrations_dir()]).exercises
    extra = Routine(
        "walk-and-bridge",
        "Walk and bridge",
        "",
        (RoutineStep("short-walk"), RoutineStep("glute-bridge")),
    )
    routines = {r.id: r for r in load_routines([routines_dir()], {e.id for e in library}).routines}
    routines[extra.id] = extra
    stretch = StretchController(StretchWindow(), clock)
    prompts = PromptFlow(
        coordinator=coordinator,
        notifier=ToastNotifier(Toast),
        stretch=lambda: stretch,
        library=library,
        sitting_log=sitting_log,
        snooze_minutes=lambda: 10,
        rng=random.Random(3),
    )
    player = RoutineController(RoutineWindow(), clock, NullSoundPlayer(), None, sitting_log)
    today = TodayController(
        TodayWindow(routine_buttons()),
        sitting_log,
        lambda: goal_targets(GoalSettings()),
        clock,
    )
    notice_toast = Toast()
    told: list[tuple[str, str]] = []
    flow = CoachFlow(
        coordinator=coordinator,
        prompt_flow=prompts,
        player=lambda: player,
        routines=routines,
        library={exercise.id: exercise for exercise in library},
        sitting_log=sitting_log,
        today=lambda: today,
        notices=CoachNotices(ToastNotifier(lambda: notice_toast)),
        tell_user=lambda title, text: told.append((title, text)),
    )
    coordinator.start()
    clock.advance(30)
    coordinator.sample()
    yield Coach(
        clock, engine, coordinator, flow, prompts, player, stretch, notice_toast, database, told
    )
    flow.shutdown()
    prompts.shutdown()
    coordinator.stop()
    sitting_log.close()
    watcher.close()


def _rows(coach: Coach, sql: str) -> list[tuple[object, ...]]:
    with closing(sqlite3.connect(coach.database)) as connection:
        return connection.execute(sql).fetchall()


def _exercise_on_screen(coach: Coach) -> bool:
    return coach.stretch.exercise is not None


def _playing(coach: Coach) -> bool:
    return coach.player.running


def _play_to_the_end(coach: Coach) -> None:
    for _ in range(10_000):
        if not coach.player.running:
            return
        coach.clock.advance(5)
        coach.player.tick()
    raise AssertionError("the routine never finished")


def test_a_routine_holds_desk_time_and_finishing_it_is_a_stand_up(coach: Coach) -> None:
    assert coach.engine.snapshot().phase is Phase.SITTING
    sitting = coach.engine.snapshot().desk_s

    assert coach.flow.start_routine("glute-wake-up") == "Glute wake-up"
    assert coach.player.window.isVisible()
    coach.clock.advance(120)
    coach.coordinator.sample()  # typing all along: still no desk time
    assert coach.engine.snapshot().phase is Phase.STRETCHING
    assert coach.engine.snapshot().desk_s == pytest.approx(sitting, abs=0.5)

    _play_to_the_end(coach)

    (bout,) = _rows(coach, "SELECT end_reason FROM bouts")
    assert bout == ("stand_up",)
    (run,) = _rows(coach, "SELECT routine_id, outcome FROM routine_runs")
    assert run == ("glute-wake-up", "completed")


def test_an_exercise_on_screen_gives_way_and_a_walk_step_counts_as_walking(
    coach: Coach,
) -> None:
    coach.prompts.stand_up_now()
    assert _exercise_on_screen(coach)

    coach.flow.start_routine("walk-and-bridge")
    assert not _exercise_on_screen(coach), "the stretch window gave way to the routine"
    _play_to_the_end(coach)

    assert coach.engine.snapshot().phase is not Phase.STRETCHING
    answers = _rows(coach, "SELECT response FROM prompt_exercises")
    assert answers == [("closed",)]
    ((source, duration_s),) = _rows(coach, "SELECT source, duration_s FROM walks")
    assert source == "routine"
    assert isinstance(duration_s, float)
    assert duration_s > 60


def test_the_strength_day_notice_starts_the_strength_routine_when_clicked(
    coach: Coach,
) -> None:
    coach.flow.strength_day_reached()
    assert coach.notice_toast.isVisible()
    assert coach.notice_toast.show_button.text() == "Start the routine"
    assert not _playing(coach)

    QTest.mouseClick(coach.notice_toast.show_button, Qt.MouseButton.LeftButton)

    assert _playing(coach)
    assert coach.player.window.windowTitle() == "Strength day — Sitbreak"


def test_an_unknown_routine_is_named_to_the_user_and_nothing_starts(coach: Coach) -> None:
    assert coach.flow.start_routine("no-such-routine") is None
    assert not coach.player.running
    assert coach.told == [("Routine not found", 'There is no routine "no-such-routine".')]
    assert coach.engine.snapshot().phase is Phase.SITTING
