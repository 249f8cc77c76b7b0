"""The prompt job never trusts the calendar: overdue jobs after a suspend ask the engine.

A laptop that sleeps through the due time of both jobs wakes up with them overdue; they
run at once (misfire_grace_time=None), sample the clock, and the engine sees the suspend:
the bout ended before it, so nobody is greeted with a prompt. The real coordinator,
scheduler and SQLite log are used; only time (and the idle reading that follows it) is
faked.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from pytestqt.qtbot import QtBot

from app.core.engine import DeskEngine
from app.core.model import EngineConfig, PromptShown
from app.platform.session_null import NullSessionWatcher
from app.scheduling.desk_scheduler import DeskScheduler
from app.scheduling.qt_scheduler import SafeQtScheduler
from app.storage import SittingLog
from tests.helpers.desk import IdleSinceLastInput, scripted_coordinator
from tests.helpers.fake_clock import FakeClock

START = datetime(2026, 3, 2, 9, 0, tzinfo=ZoneInfo("Europe/Berlin"))


@pytest.fixture
def desk(qtbot, tmp_path):
    clock = FakeClock(START)
    idle = IdleSinceLastInput(clock)
    sitting_log = SittingLog.open(tmp_path / "sitbreak.db")
    watcher = NullSessionWatcher()
    coordinator = scripted_coordinator(
        clock=clock,
        engine=DeskEngine(EngineConfig()),
        idle=idle,
        sitting_log=sitting_log,
        watcher=watcher,
        state_dir=tmp_path,
    )
    prompts: list[PromptShown] = []
    coordinator.prompt_shown.connect(prompts.append)
    coordinator.start()
    # 50 minutes of typing: inside the 45–60 min window, no lull yet. A prompt fires
    # when a lull of 15-60 s ends with input.
    for _ in range(50 * 4):
        clock.advance(15)
        idle.touch()
        coordinator.sample()
    assert coordinator.status()["state"] == "window"
    clock.advance(20)  # a lull begins, and a reading sees it
    coordinator.sample()
    assert prompts == []

    scheduler = SafeQtScheduler()
    scheduler.start()
    due: list[str] = []

    def on_due(kind: str) -> None:
        due.append(kind)
        coordinator.sample(kind)

    jobs = DeskScheduler(scheduler, on_due)
    yield clock, idle, jobs, due, prompts, sitting_log
    jobs.stop()
    scheduler.shutdown(wait=False)
    coordinator.stop()
    sitting_log.close()
    watcher.close()


def _run_both_overdue_jobs(qtbot: QtBot, jobs: DeskScheduler, due: list[str]) -> None:
    jobs.arm(sample_in=-30.0, prompt_in=-30.0)
    qtbot.waitUntil(lambda: {"sample", "prompt"} <= set(due), timeout=5000)


def test_both_jobs_overdue_after_a_suspend_produce_no_prompt(qtbot, desk):
    clock, idle, jobs, due, prompts, sitting_log = desk
    clock.suspend(2 * 3600)  # the lid closes during the lull, for two hours
    clock.advance(1)
    idle.touch()  # the user opens it and types: the same input as in the control case

    _run_both_overdue_jobs(qtbot, jobs, due)

    assert prompts == []
    rows = sitting_log._conn.execute("SELECT end_reason, desk_s FROM bouts ORDER BY id").fetchall()
    assert rows[0][0] == "suspended"
    assert rows[0][1] == pytest.approx(50 * 60, abs=1)
    assert rows[1] == (None, pytest.approx(0, abs=1))  # a new bout, at the desk again


def test_the_same_overdue_jobs_without_a_suspend_do_prompt(qtbot, desk):
    """The control case: it is the suspend, not the setup, that holds the prompt back."""
    clock, idle, jobs, due, prompts, _ = desk
    clock.advance(1)  # the same lull, no suspend...
    idle.touch()  # ...and the user is back at the keys

    _run_both_overdue_jobs(qtbot, jobs, due)

    assert [p.reminder for p in prompts] == [0]
