"""DeskScheduler on a real SafeQtScheduler, with real Qt timers.

The prompt rule "both wake-ups overdue after a suspend produce no prompt" belongs to the
engine, which decides whether a prompt is due when ``on_due`` asks; it is tested there.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from typing import Any

import pytest
from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.jobstores.memory import MemoryJobStore
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.scheduling.desk_scheduler import DeskScheduler, JobKind
from app.scheduling.qt_scheduler import SafeQtScheduler
from tests.unit.scheduling.support import ProcessingCounter, became_true


class DueLog:
    """Records each ``on_due`` call: which wake-up, and whether it came on the GUI thread."""

    def __init__(self) -> None:
        self.kinds: list[JobKind] = []
        self.on_gui_thread: list[bool] = []
        self.also: Callable[[JobKind], None] = lambda kind: None

    def __call__(self, kind: JobKind) -> None:
        self.kinds.append(kind)
        self.on_gui_thread.append(threading.current_thread() is threading.main_thread())
        self.also(kind)


@pytest.fixture
def scheduler(qtbot: QtBot) -> Iterator[SafeQtScheduler]:
    scheduler = SafeQtScheduler()
    scheduler.start()
    yield scheduler
    scheduler.shutdown()


@pytest.fixture
def due_log() -> DueLog:
    return DueLog()


@pytest.fixture
def desk(scheduler: SafeQtScheduler, due_log: DueLog) -> DeskScheduler:
    return DeskScheduler(scheduler, due_log)


def run_until_no_job_is_left(qtbot: QtBot, qapp: QApplication, scheduler: Any) -> None:
    """Wait until every armed wake-up has run, then deliver the calls they posted."""
    assert became_true(qtbot, lambda: not scheduler.get_jobs(), within_ms=3000), (
        f"jobs still waiting: {scheduler.get_jobs()}"
    )
    qapp.processEvents()


def test_arming_again_replaces_each_job_instead_of_adding_one(
    qtbot: QtBot,
    qapp: QApplication,
    scheduler: SafeQtScheduler,
    desk: DeskScheduler,
    due_log: DueLog,
) -> None:
    for _ in range(50):
        desk.arm(sample_in=3600, prompt_in=3600)
    for _ in range(50):
        desk.arm(sample_in=0.05, prompt_in=0.1)

    assert sorted(job.id for job in scheduler.get_jobs()) == ["prompt", "sample"]
    run_until_no_job_is_left(qtbot, qapp, scheduler)
    assert sorted(due_log.kinds) == ["prompt", "sample"]


def test_arming_later_moves_a_due_time_back(
    scheduler: SafeQtScheduler, desk: DeskScheduler
) -> None:
    desk.arm(sample_in=0.05, prompt_in=0.05)
    desk.arm(sample_in=30, prompt_in=1800)

    now = datetime.now(scheduler.timezone)
    sample_job, prompt_job = scheduler.get_job("sample"), scheduler.get_job("prompt")
    assert sample_job.next_run_time - now == pytest.approx(
        timedelta(seconds=30), abs=timedelta(seconds=2)
    )
    assert prompt_job.next_run_time - now == pytest.approx(
        timedelta(seconds=1800), abs=timedelta(seconds=2)
    )


def test_no_prompt_time_removes_the_prompt_job(
    qtbot: QtBot,
    qapp: QApplication,
    scheduler: SafeQtScheduler,
    desk: DeskScheduler,
    due_log: DueLog,
) -> None:
    desk.arm(sample_in=3600, prompt_in=0.1)
    assert scheduler.get_job("prompt") is not None

    desk.arm(sample_in=0.05, prompt_in=None)

    assert scheduler.get_job("prompt") is None
    run_until_no_job_is_left(qtbot, qapp, scheduler)
    assert due_log.kinds == ["sample"]


@pytest.mark.parametrize(
    "executor",
    [pytest.param(None, id="default-executor"), pytest.param("thread-pool", id="thread-pool")],
)
def test_on_due_is_called_on_the_gui_thread(
    qtbot: QtBot, qapp: QApplication, executor: str | None, due_log: DueLog
) -> None:
    options: dict[str, Any] = {}
    if executor == "thread-pool":
        options["executors"] = {"default": ThreadPoolExecutor(max_workers=2)}
    scheduler = SafeQtScheduler(**options)
    scheduler.start()
    try:
        desk = DeskScheduler(scheduler, due_log)
        desk.arm(sample_in=0.01, prompt_in=0.02)
        assert became_true(qtbot, lambda: len(due_log.kinds) == 2, within_ms=3000)
    finally:
        scheduler.shutdown()
    assert due_log.on_gui_thread == [True, True]


@pytest.mark.parametrize(
    "job_defaults",
    [
        pytest.param({}, id="SafeQtScheduler-defaults"),
        pytest.param({"misfire_grace_time": 1}, id="stock-grace-1s"),
    ],
)
def test_overdue_wake_ups_still_run_once(
    qtbot: QtBot, qapp: QApplication, due_log: DueLog, job_defaults: dict[str, Any]
) -> None:
    """Due long ago, as after a suspend; DeskScheduler sets its own grace, whatever the default."""
    scheduler = SafeQtScheduler(job_defaults=job_defaults)
    scheduler.start()
    try:
        desk = DeskScheduler(scheduler, due_log)
        desk.arm(sample_in=-120, prompt_in=-7200)
        run_until_no_job_is_left(qtbot, qapp, scheduler)
    finally:
        scheduler.shutdown()
    assert sorted(due_log.kinds) == ["prompt", "sample"]


def test_on_resume_runs_what_came_due_while_the_timer_slept(qtbot: QtBot, due_log: DueLog) -> None:
    store = MemoryJobStore()
    scheduler = SafeQtScheduler(jobstores={"default": store})
    scheduler.start()
    try:
        runs = ProcessingCounter(scheduler)
        desk = DeskScheduler(scheduler, due_log)
        desk.arm(sample_in=3600, prompt_in=None)
        # Let the scheduler take in the new job (its wake-up is queued): its timer then
        # waits an hour, and only a wake-up can make it look at the job sooner.
        assert became_true(qtbot, lambda: runs.runs_since(0.0) >= 1, within_ms=2000)
        # A suspend, as the scheduler sees it: the wall clock moved past the due time but
        # the (monotonic) Qt timer still waits most of an hour. No wake-up is requested.
        job = scheduler.get_job("sample")
        job._modify(next_run_time=datetime.now(scheduler.timezone) - timedelta(minutes=5))
        store.update_job(job)

        desk.on_resume()

        assert became_true(qtbot, lambda: due_log.kinds == ["sample"], within_ms=2000)
    finally:
        scheduler.shutdown()


def test_an_error_in_on_due_is_logged_and_sampling_goes_on(
    qtbot: QtBot,
    scheduler: SafeQtScheduler,
    due_log: DueLog,
    caplog: pytest.LogCaptureFixture,
) -> None:
    def fail_the_first_time(kind: JobKind) -> None:
        if len(due_log.kinds) == 1:
            raise RuntimeError("the idle source broke")

    due_log.also = fail_the_first_time
    desk = DeskScheduler(scheduler, due_log, sample_again_after_error_s=0.05)

    with (
        caplog.at_level(logging.ERROR, logger="app.scheduling.desk_scheduler"),
        qtbot.captureExceptions() as escaped_into_qt,
    ):
        desk.arm(sample_in=0.01, prompt_in=None)
        assert became_true(qtbot, lambda: len(due_log.kinds) == 2, within_ms=3000)

    assert due_log.kinds == ["sample", "sample"]
    assert escaped_into_qt == []
    assert [r.getMessage() for r in caplog.records] == ["Handling the 'sample' wake-up failed"]


def test_on_due_can_re_arm_the_wake_up_that_called_it(
    qtbot: QtBot, scheduler: SafeQtScheduler, desk: DeskScheduler, due_log: DueLog
) -> None:
    """What the app does on every sample: the engine says when to sample next."""
    due_log.also = lambda kind: desk.arm(sample_in=0.01, prompt_in=None)

    desk.arm(sample_in=0.01, prompt_in=None)

    assert became_true(qtbot, lambda: len(due_log.kinds) >= 5, within_ms=3000), (
        f"sampling stopped after {len(due_log.kinds)} wake-up(s)"
    )


def test_on_due_can_cancel_the_wake_up_that_called_it(
    qtbot: QtBot,
    qapp: QApplication,
    scheduler: SafeQtScheduler,
    desk: DeskScheduler,
    due_log: DueLog,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The engine answers a prompt check with "no prompt can come now"."""
    due_log.also = lambda kind: desk.arm(sample_in=3600, prompt_in=None)

    with caplog.at_level(logging.WARNING):
        desk.arm(sample_in=3600, prompt_in=0.01)
        assert became_true(qtbot, lambda: due_log.kinds == ["prompt"], within_ms=3000)
        qapp.processEvents()

    assert [job.id for job in scheduler.get_jobs()] == ["sample"]
    assert caplog.records == [], "the scheduler reported a problem"


def test_stop_removes_both_jobs(scheduler: SafeQtScheduler, desk: DeskScheduler) -> None:
    desk.arm(sample_in=3600, prompt_in=3600)

    desk.stop()

    assert scheduler.get_jobs() == []


def test_after_stop_a_wake_up_already_on_its_way_is_dropped(
    qtbot: QtBot,
    qapp: QApplication,
    scheduler: SafeQtScheduler,
    desk: DeskScheduler,
    due_log: DueLog,
) -> None:
    due_log.also = lambda kind: desk.stop()
    # Both overdue, so they run in one processing run and both calls are posted at once.
    desk.arm(sample_in=-1, prompt_in=-2)

    run_until_no_job_is_left(qtbot, qapp, scheduler)

    assert due_log.kinds == ["prompt"]


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), -float("inf"), 400 * 86400.0])
def test_an_impossible_delay_is_refused_naming_it_and_the_armed_jobs_stay(
    scheduler: SafeQtScheduler, desk: DeskScheduler, bad: float
) -> None:
    desk.arm(sample_in=30, prompt_in=1800)
    armed = {job.id: job.next_run_time for job in scheduler.get_jobs()}

    with pytest.raises(ValueError, match=r"sample_in must be a number of seconds .* got"):
        desk.arm(sample_in=bad, prompt_in=None)
    with pytest.raises(ValueError, match=r"prompt_in must be a number of seconds .* got"):
        desk.arm(sample_in=1, prompt_in=bad)

    assert {job.id: job.next_run_time for job in scheduler.get_jobs()} == armed
