"""Changing the prompt window in the dialog and pressing Apply re-arms the prompt job.

The real dialog, controller, coordinator, engine, SQLite log and APScheduler adapter; only
time (and the idle reading that follows it) is faked. No restart: the job on the running
scheduler moves.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt

from app.core.engine import DeskEngine
from app.core.schedule import Pause, PauseChoice
from app.platform.session_null import NullSessionWatcher
from app.scheduling.desk_scheduler import DeskScheduler
from app.scheduling.qt_scheduler import SafeQtScheduler
from app.settings.model import Settings
from app.settings.state import State
from app.storage import SittingLog
from app.ui.settings_controller import SettingsController
from app.ui.settings_dialog import SettingsDialog
from tests.helpers.desk import AlwaysTyping, scripted_coordinator
from tests.helpers.fake_clock import FakeClock

START = datetime(2026, 3, 2, 9, 0, tzinfo=ZoneInfo("Europe/Berlin"))


class NoAutostart:
    def is_enabled(self) -> bool:
        return False

    def set_enabled(self, enabled: bool) -> None:
        raise AssertionError("the test never touches start at login")


@pytest.fixture
def running(qtbot, tmp_path):
    clock = FakeClock(START)
    settings = Settings()
    engine = DeskEngine(settings.engine_config(), pause=Pause(indefinite=True))
    sitting_log = SittingLog.open(tmp_path / "sitbreak.db")
    watcher = NullSessionWatcher()
    coordinator = scripted_coordinator(
        clock=clock,
        engine=engine,
        idle=AlwaysTyping(),
        sitting_log=sitting_log,
        watcher=watcher,
        state_dir=tmp_path,
        state=State(pause=Pause(indefinite=True)),
        quiet=settings.quiet,
    )
    scheduler = SafeQtScheduler()
    scheduler.start()
    coordinator.start()
    coordinator.attach_scheduler(DeskScheduler(scheduler, coordinator.sample))
    coordinator.resume()  # the pause is run-time state: the dialog must leave it alone
    clock.advance(10 * 60)  # ten minutes of typing
    coordinator.sample()
    applied: list[Settings] = []

    def apply(new: Settings) -> None:
        applied.append(new)
        coordinator.apply_settings(new)

    controller = SettingsController(
        SettingsDialog(),
        apply=apply,
        autostart=NoAutostart(),
        data_folder=tmp_path,
        delete_all_data=lambda: None,
        exercise_names={},
    )
    qtbot.addWidget(controller.dialog)
    yield controller, scheduler, applied, coordinator, settings
    coordinator.stop()
    scheduler.shutdown(wait=False)
    sitting_log.close()
    watcher.close()


def _prompt_due(scheduler: SafeQtScheduler) -> datetime:
    job = scheduler.get_job("prompt")
    assert job is not None
    due: datetime = job.next_run_time
    return due


def test_apply_re_arms_the_prompt_job_with_the_new_due_time(qtbot, running):
    controller, scheduler, applied, coordinator, settings = running
    before = _prompt_due(scheduler)  # 45 min window, 10 min sat: due in about 35 min

    controller.open(settings)
    controller.dialog.window_start_spin.setValue(20)
    controller.dialog.window_end_spin.setValue(30)
    qtbot.mouseClick(controller.dialog.apply_button, Qt.MouseButton.LeftButton)

    assert applied[-1].prompts.window_start_s == 20 * 60
    after = _prompt_due(scheduler)
    # The window now opens after 20 min of desk time: 25 minutes earlier than before.
    assert (before - after).total_seconds() == pytest.approx(25 * 60, abs=5)
    assert coordinator.status()["window_start_seconds"] == 20 * 60


def test_cancel_leaves_the_job_where_it_was(qtbot, running):
    controller, scheduler, applied, _coordinator, settings = running
    before = _prompt_due(scheduler)

    controller.open(replace(settings))
    controller.dialog.window_start_spin.setValue(20)
    controller.dialog.reject()

    assert applied == []
    assert _prompt_due(scheduler) == before


def test_restore_defaults_and_ok_keep_a_pause_in_force(qtbot, running):
    """The dialog never writes run-time state: an open dialog cannot undo a pause."""
    controller, _scheduler, applied, coordinator, settings = running
    coordinator.pause(PauseChoice.INDEFINITELY)
    odd = replace(settings, prompts=replace(settings.prompts, window_start_s=30 * 60))

    controller.open(odd)
    qtbot.mouseClick(controller.dialog.defaults_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(controller.dialog.ok_button, Qt.MouseButton.LeftButton)

    assert applied[-1].prompts.window_start_s == Settings().prompts.window_start_s
    status = coordinator.status()
    assert status["state"] == "paused"
    assert status["paused_indefinitely"] is True
