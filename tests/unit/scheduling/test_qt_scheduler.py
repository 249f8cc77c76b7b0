"""SafeQtScheduler against the stock QtScheduler, on the real Qt event loop with real timers.

Each trap test runs on both: it passes on ``SafeQtScheduler`` and must fail on the stock
``QtScheduler`` (strict xfail), which proves the trap is real here and that the subclass is
what fixes it. Both get the same configuration (jobs inline on the GUI thread, the same
job defaults), so the stock one fails for its trap, not for a setup difference.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from typing import Any

import pytest
from apscheduler.executors.debug import DebugExecutor
from apscheduler.jobstores.base import JobLookupError
from apscheduler.schedulers.qt import QtScheduler
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.scheduling.qt_scheduler import JOB_DEFAULTS, SafeQtScheduler
from tests.unit.scheduling.support import ProcessingCounter, became_true

MakeScheduler = Callable[[type[Any]], tuple[Any, ProcessingCounter]]


def safe_and_stock(stock_fails_because: str) -> list[Any]:
    return [
        pytest.param(SafeQtScheduler, id="SafeQtScheduler"),
        pytest.param(
            QtScheduler,
            id="stock-QtScheduler",
            marks=pytest.mark.xfail(strict=True, raises=AssertionError, reason=stock_fails_because),
        ),
    ]


@pytest.fixture
def make_scheduler(qtbot: QtBot) -> Iterator[MakeScheduler]:
    """Builds started schedulers of either class, configured alike, and cleans them up."""
    made: list[tuple[Any, ProcessingCounter]] = []

    def make(scheduler_class: type[Any]) -> tuple[Any, ProcessingCounter]:
        scheduler = scheduler_class(
            executors={"default": DebugExecutor()}, job_defaults=dict(JOB_DEFAULTS)
        )
        processing = ProcessingCounter(scheduler)
        made.append((scheduler, processing))
        return scheduler, processing

    yield make
    for scheduler, processing in made:
        processing.detach()
        if scheduler.running:
            scheduler.remove_all_jobs()
            scheduler.shutdown(wait=False)


def start_and_settle(qtbot: QtBot, scheduler: Any, processing: ProcessingCounter) -> None:
    """Start, and let the start-up wake-up run on an empty job store."""
    scheduler.start()
    assert became_true(qtbot, lambda: len(processing.times) >= 1, within_ms=2000)


@pytest.mark.parametrize(
    "scheduler_class",
    safe_and_stock(
        "QTimer.singleShot returns None, so the stock scheduler never cancels a timer: "
        "every wakeup() starts one more timer chain"
    ),
)
def test_after_100_changes_a_job_due_in_300_ms_runs_once_and_processing_stays_rare(
    qtbot: QtBot, make_scheduler: MakeScheduler, scheduler_class: type[Any]
) -> None:
    scheduler, processing = make_scheduler(scheduler_class)
    start_and_settle(qtbot, scheduler, processing)
    runs: list[float] = []

    def target() -> None:
        runs.append(time.monotonic())

    def an_hour_from_now() -> datetime:
        return datetime.now(scheduler.timezone) + timedelta(hours=1)

    def three_changes(round_number: int) -> None:
        scheduler.add_job(
            target, "date", run_date=an_hour_from_now(), id="target", replace_existing=True
        )
        scheduler.modify_job("target", name=f"target, round {round_number}")
        scheduler.reschedule_job("target", trigger="date", run_date=an_hour_from_now())

    for round_number in range(30):  # 90 calls from the GUI thread
        three_changes(round_number)

    def from_a_worker_thread() -> None:  # 10 calls; the last one makes the job due soon
        for round_number in range(3):
            three_changes(round_number)
        due_at = datetime.now(scheduler.timezone) + timedelta(milliseconds=300)
        scheduler.reschedule_job("target", trigger="date", run_date=due_at)

    worker = threading.Thread(target=from_a_worker_thread)
    worker.start()
    worker.join()

    window_start = time.monotonic()
    qtbot.wait(1000)  # the acceptance's "next second": a measuring window, not a sleep

    assert len(runs) == 1, f"the job due in 300 ms ran {len(runs)} times in the next second"
    assert processing.runs_since(window_start) <= 3, (
        f"job processing ran {processing.runs_since(window_start)} times in one second "
        "for a single due job"
    )


@pytest.mark.parametrize(
    "scheduler_class",
    safe_and_stock(
        "every wakeup() of the stock scheduler starts a timer chain that is never "
        "cancelled, and each chain processes the jobs again at the next due time"
    ),
)
def test_changes_spread_over_many_loop_turns_still_cost_one_timer(
    qtbot: QtBot, qapp: QApplication, make_scheduler: MakeScheduler, scheduler_class: type[Any]
) -> None:
    """As in the app: the engine re-arms a job each time the event loop has run a little."""
    scheduler, processing = make_scheduler(scheduler_class)
    start_and_settle(qtbot, scheduler, processing)
    runs: list[float] = []
    due_at = datetime.now(scheduler.timezone) + timedelta(milliseconds=500)
    scheduler.add_job(lambda: runs.append(time.monotonic()), "date", run_date=due_at, id="job")
    for change in range(20):
        scheduler.modify_job("job", name=f"job, change {change}")
        qapp.processEvents()

    window_start = time.monotonic()
    qtbot.wait(1000)  # the acceptance's "next second", as in the test above

    assert len(runs) == 1, f"the job ran {len(runs)} times"
    assert processing.runs_since(window_start) <= 3, (
        f"job processing ran {processing.runs_since(window_start)} times in one second "
        "for a single due job"
    )


@pytest.mark.parametrize(
    "scheduler_class",
    safe_and_stock(
        "an error escaping the stock scheduler's job processing ends its only timer chain"
    ),
)
def test_failing_jobs_do_not_stop_another_job_from_running_5_times(
    qtbot: QtBot, make_scheduler: MakeScheduler, scheduler_class: type[Any]
) -> None:
    scheduler, _ = make_scheduler(scheduler_class)
    healthy_runs: list[float] = []

    def healthy() -> None:
        healthy_runs.append(time.monotonic())

    def always_fails() -> None:
        raise RuntimeError("this job always fails")

    def cancels_itself_then_fails() -> None:
        # What a job does when it cancels its own wake-up: APScheduler then fails on its
        # own bookkeeping (JobLookupError), outside the job, inside job processing.
        scheduler.remove_job("cancels-itself")
        raise RuntimeError("this job cancels itself and fails")

    soon = datetime.now(scheduler.timezone) + timedelta(milliseconds=100)
    # Added before start(), as an app does, so the stock scheduler has one timer chain.
    scheduler.add_job(healthy, "interval", seconds=0.05, id="healthy")
    scheduler.add_job(always_fails, "interval", seconds=0.05, id="always-fails")
    scheduler.add_job(cancels_itself_then_fails, "date", run_date=soon, id="cancels-itself")

    with qtbot.captureExceptions() as escaped_into_qt:
        scheduler.start()
        reached = became_true(qtbot, lambda: len(healthy_runs) >= 5, within_ms=3000)

    assert reached, f"the healthy job ran only {len(healthy_runs)} times, then stopped"
    assert escaped_into_qt == [], "an error escaped into the Qt event loop"


@pytest.mark.parametrize(
    "scheduler_class",
    safe_and_stock(
        "the stock scheduler arms its wake-up timer on the calling thread, "
        "which has no event loop, so it never fires"
    ),
)
def test_a_job_added_from_a_worker_thread_runs(
    qtbot: QtBot, make_scheduler: MakeScheduler, scheduler_class: type[Any]
) -> None:
    scheduler, processing = make_scheduler(scheduler_class)
    start_and_settle(qtbot, scheduler, processing)  # idle: no timer armed, no wake-up queued
    ran_on: list[threading.Thread] = []

    def from_a_worker_thread() -> None:
        scheduler.add_job(lambda: ran_on.append(threading.current_thread()), id="from-worker")

    worker = threading.Thread(target=from_a_worker_thread)
    worker.start()
    worker.join()

    assert became_true(qtbot, lambda: bool(ran_on), within_ms=2000), "the job never ran"
    assert ran_on == [threading.main_thread()]


def test_jobs_run_on_the_gui_thread_by_default(qtbot: QtBot) -> None:
    scheduler = SafeQtScheduler()
    ran_on: list[threading.Thread] = []
    scheduler.add_job(lambda: ran_on.append(threading.current_thread()))
    scheduler.start()
    try:
        assert became_true(qtbot, lambda: bool(ran_on), within_ms=2000), "the job never ran"
    finally:
        scheduler.shutdown()
    assert ran_on == [threading.main_thread()]


def test_a_job_due_long_ago_still_runs_once(qtbot: QtBot) -> None:
    """As after a suspend: the timer slept, the wall clock did not (stock grace: 1 s)."""
    scheduler = SafeQtScheduler()
    runs: list[float] = []
    two_hours_ago = datetime.now(scheduler.timezone) - timedelta(hours=2)
    scheduler.add_job(lambda: runs.append(time.monotonic()), "date", run_date=two_hours_ago)
    scheduler.start()
    try:
        assert became_true(qtbot, lambda: not scheduler.get_jobs(), within_ms=2000)
    finally:
        scheduler.shutdown()
    assert len(runs) == 1


def test_a_processing_error_is_logged_and_processing_retries(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    scheduler = SafeQtScheduler(retry_after_error_s=0.05)
    later_runs: list[float] = []

    def cancels_itself() -> None:
        scheduler.remove_job("cancels-itself")

    scheduler.add_job(cancels_itself, id="cancels-itself")
    # Due in the same processing run as the failure, so only the retry can run it.
    scheduler.add_job(lambda: later_runs.append(time.monotonic()), id="later")
    with caplog.at_level(logging.ERROR, logger="app.scheduling.qt_scheduler"):
        scheduler.start()
        try:
            assert became_true(qtbot, lambda: bool(later_runs), within_ms=2000)
        finally:
            scheduler.shutdown()

    failures = [r for r in caplog.records if r.name == "app.scheduling.qt_scheduler"]
    assert len(failures) == 1
    assert failures[0].exc_info is not None
    assert isinstance(failures[0].exc_info[1], JobLookupError)


def test_after_shutdown_a_due_job_does_not_run(qtbot: QtBot) -> None:
    scheduler = SafeQtScheduler()
    processing = ProcessingCounter(scheduler)
    start_and_settle(qtbot, scheduler, processing)
    runs: list[float] = []
    due_soon = datetime.now(scheduler.timezone) + timedelta(milliseconds=100)
    scheduler.add_job(lambda: runs.append(time.monotonic()), "date", run_date=due_soon)
    processed_before_shutdown = len(processing.times)

    scheduler.shutdown()
    past_the_due_time = QTimer()
    past_the_due_time.setSingleShot(True)
    with qtbot.waitSignal(past_the_due_time.timeout, timeout=2000):
        past_the_due_time.start(300)

    assert runs == []
    assert len(processing.times) == processed_before_shutdown


@pytest.mark.parametrize("retry_after_error_s", [0.0, -1.0, float("nan"), float("inf")])
def test_a_retry_delay_that_is_not_a_positive_number_is_refused(
    retry_after_error_s: float,
) -> None:
    with pytest.raises(ValueError, match="retry_after_error_s must be a positive number"):
        SafeQtScheduler(retry_after_error_s=retry_after_error_s)
