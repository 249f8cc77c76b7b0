"""The APScheduler adapter under load, with real sub-second Qt timers.

``test_qt_scheduler.py`` pins each trap of the stock scheduler and ``test_desk_scheduler.py``
each rule of the desk wake-ups one at a time. Here they run long and crowded, as weeks of
sampling do: hundreds of re-arms from inside the wake-ups, jobs due a few milliseconds
apart, added out of order and from other threads, some of them failing. Nothing may be
lost, run twice, run early or run out of order.
"""

from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.scheduling.desk_scheduler import DeskScheduler, JobKind
from app.scheduling.qt_scheduler import SafeQtScheduler
from tests.unit.scheduling.support import became_true

EARLY_SLACK_S = 0.002
"""Rounding between APScheduler's wall-clock due times and the test's clock."""


@pytest.fixture
def scheduler(qtbot: QtBot) -> Iterator[SafeQtScheduler]:
    scheduler = SafeQtScheduler()
    scheduler.start()
    yield scheduler
    if scheduler.running:
        scheduler.remove_all_jobs()
        scheduler.shutdown(wait=False)


@dataclass(frozen=True)
class Wake:
    kind: JobKind
    at: float
    """``time.time()`` when ``on_due`` was called."""
    due: float
    """The wall time the wake-up was armed for."""


class SelfRearmingSampler:
    """Plays the coordinator: every sample re-arms the next one a few milliseconds later and
    pushes the prompt check back, until ``samples`` have run; then it leaves the prompt be."""

    def __init__(self, samples: int, seed: int = 7) -> None:
        self.samples = samples
        self.wakes: list[Wake] = []
        self._rng = random.Random(seed)
        self._sample_due = 0.0
        self._prompt_due = 0.0
        self.desk: DeskScheduler | None = None

    def arm(self) -> None:
        assert self.desk is not None
        sample_in = self._rng.uniform(0.001, 0.02)
        prompt_in = 0.25  # always further away than the next sample: never reached
        now = time.time()
        self._sample_due, self._prompt_due = now + sample_in, now + prompt_in
        self.desk.arm(sample_in, prompt_in)

    def __call__(self, kind: JobKind) -> None:
        due = self._sample_due if kind == "sample" else self._prompt_due
        self.wakes.append(Wake(kind, time.time(), due))
        samples = sum(wake.kind == "sample" for wake in self.wakes)
        if kind == "sample" and samples < self.samples:
            self.arm()


def test_hundreds_of_re_arms_from_inside_the_wake_ups_lose_none_and_never_fire_early(
    qtbot: QtBot, qapp: QApplication, scheduler: SafeQtScheduler
) -> None:
    sampler = SelfRearmingSampler(samples=250)
    sampler.desk = DeskScheduler(scheduler, sampler)
    sampler.arm()

    assert became_true(
        qtbot, lambda: any(wake.kind == "prompt" for wake in sampler.wakes), within_ms=20_000
    ), f"only {len(sampler.wakes)} wake-ups arrived"
    assert scheduler.get_jobs() == [], "nothing left armed"
    qapp.processEvents()  # a wake-up already posted would be delivered now

    kinds = [wake.kind for wake in sampler.wakes]
    assert kinds == ["sample"] * 250 + ["prompt"], "every sample once, the prompt last and once"
    early = [wake for wake in sampler.wakes if wake.at < wake.due - EARLY_SLACK_S]
    assert early == [], f"{len(early)} wake-up(s) came before they were due: {early[:3]}"


def test_jobs_due_milliseconds_apart_run_once_each_in_due_order_whoever_added_them(
    qtbot: QtBot, qapp: QApplication, scheduler: SafeQtScheduler
) -> None:
    """Added shuffled, half from worker threads: order is by due time, nothing lost."""
    rng = random.Random(3)
    start = datetime.now(scheduler.timezone) + timedelta(milliseconds=300)
    due = {f"job-{index:03d}": start + timedelta(milliseconds=7 * index) for index in range(120)}
    ran: list[tuple[str, datetime]] = []
    on_gui_thread: list[bool] = []

    def run(name: str) -> None:
        ran.append((name, datetime.now(scheduler.timezone)))
        on_gui_thread.append(threading.current_thread() is threading.main_thread())

    names = list(due)
    rng.shuffle(names)
    from_threads, from_here = names[::2], names[1::2]

    def add(chosen: list[str]) -> None:
        for name in chosen:
            scheduler.add_job(run, "date", run_date=due[name], args=(name,), id=name)

    workers = [threading.Thread(target=add, args=(from_threads[i::3],)) for i in range(3)]
    for worker in workers:
        worker.start()
    add(from_here)
    for worker in workers:
        worker.join(timeout=10)

    assert became_true(qtbot, lambda: len(ran) >= len(due), within_ms=10_000), (
        f"{len(due) - len(ran)} job(s) never ran"
    )
    assert scheduler.get_jobs() == []
    qapp.processEvents()
    assert [name for name, _ in ran] == sorted(due), "in due order, each once"
    assert all(at >= due[name] - timedelta(seconds=EARLY_SLACK_S) for name, at in ran)
    assert all(on_gui_thread)


def test_failing_jobs_among_many_sub_second_ones_are_logged_and_take_none_down(
    qtbot: QtBot, scheduler: SafeQtScheduler, caplog: pytest.LogCaptureFixture
) -> None:
    start = datetime.now(scheduler.timezone) + timedelta(milliseconds=200)
    ran: list[int] = []

    def job(index: int) -> None:
        ran.append(index)
        if index % 4 == 0:
            raise RuntimeError(f"job {index} broke")

    with caplog.at_level(logging.ERROR):
        for index in range(80):
            run_date = start + timedelta(milliseconds=5 * index)
            scheduler.add_job(job, "date", run_date=run_date, args=(index,), id=f"j{index}")
        assert became_true(qtbot, lambda: len(ran) >= 80, within_ms=10_000), (
            f"stopped after {len(ran)} jobs"
        )
    assert ran == list(range(80))
    broke = [record for record in caplog.records if "raised an exception" in record.getMessage()]
    assert len(broke) == 20, "each failure is logged, once"

    # And the scheduler still takes new work afterwards.
    later: list[str] = []
    soon = datetime.now(scheduler.timezone) + timedelta(milliseconds=50)
    scheduler.add_job(lambda: later.append("ran"), "date", run_date=soon)
    assert became_true(qtbot, lambda: later == ["ran"], within_ms=3000)
