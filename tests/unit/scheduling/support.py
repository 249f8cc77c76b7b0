"""Helpers for scheduler tests that run on the real Qt event loop with real timers."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from pytestqt.exceptions import TimeoutError as QtBotTimeoutError
from pytestqt.qtbot import QtBot


def became_true(qtbot: QtBot, condition: Callable[[], bool], *, within_ms: int) -> bool:
    """Run the event loop until ``condition()`` holds; False if it still fails at the deadline.

    Lets a test state what it expected in a plain ``assert`` with a useful message.
    """
    try:
        qtbot.waitUntil(condition, timeout=within_ms)
    except QtBotTimeoutError:
        return False
    return True


class ProcessingCounter:
    """Counts a scheduler's job-processing runs by wrapping its ``_process_jobs``.

    Both schedulers look the method up on the instance each time they arm a timer, so the
    wrapper sees every run. ``detach()`` turns runs from timers still pending after a
    test (the stock scheduler cannot cancel them) into no-ops.
    """

    def __init__(self, scheduler: Any) -> None:
        self.times: list[float] = []
        self._process_jobs: Callable[[], None] = scheduler._process_jobs
        self._attached = True
        scheduler._process_jobs = self._count_and_process

    def _count_and_process(self) -> None:
        if not self._attached:
            return
        self.times.append(time.monotonic())
        self._process_jobs()

    def runs_since(self, start: float) -> int:
        return sum(1 for at in self.times if at >= start)

    def detach(self) -> None:
        self._attached = False
