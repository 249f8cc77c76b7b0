"""APScheduler 3 on the Qt event loop, with the stock ``QtScheduler``'s traps fixed.

The stock scheduler, under PySide6, has four problems (see DESIGN.md):

* ``QTimer.singleShot`` returns None, so its timer is never cancelled and every
  ``wakeup()`` (each add, modify, reschedule and resume) starts one more chain of timers;
* a ``wakeup()`` from a thread other than the GUI thread arms a timer on a thread with no
  event loop, so it never fires;
* one exception escaping job processing ends the timer chain, and the scheduler stops
  without a word;
* jobs run on a thread pool, where they must not touch Qt objects.

``SafeQtScheduler`` owns one re-armable timer, wakes through a queued signal, logs a
processing error and tries again, and runs jobs inline on the GUI thread.
"""

from __future__ import annotations

import logging
import math
import threading
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any, Final

from apscheduler.executors.debug import DebugExecutor
from apscheduler.schedulers.base import STATE_STOPPED, BaseScheduler
from apscheduler.schedulers.qt import QtScheduler
from PySide6.QtCore import Qt, QTimer

from app.scheduling.gui_thread import GuiThreadPoster

_log = logging.getLogger(__name__)

_QTIMER_MAX_MS: Final = 2**31 - 1
"""``QTimer`` takes a signed 32-bit interval (about 24.8 days); longer waits wake up early
and simply re-arm."""

_RETRY_BACKOFF_LIMIT_S: Final = 60.0
"""A processing error that keeps happening is retried at most this far apart, so a
persistent fault logs once a minute rather than flooding the log."""

JOB_DEFAULTS: Final[Mapping[str, Any]] = MappingProxyType(
    {
        # The Qt timer runs on the monotonic clock, which stops while the machine is
        # suspended, while APScheduler compares due times with the wall clock. A job due during
        # a suspend therefore runs late by the time slept. With the stock grace of 1 s it
        # would be skipped as "missed" (and a date job would vanish); None runs it however late.
        "misfire_grace_time": None,
        # If a repeating job missed several run times during a suspend, run it once on resume,
        # not once per missed time.
        "coalesce": True,
        # Never run a job again while it is still running (a job that spins the event loop).
        "max_instances": 1,
    }
)
"""Job options a scheduler for the desktop needs; a caller's ``job_defaults`` override them."""


class SafeQtScheduler(QtScheduler):  # type: ignore[misc]  # APScheduler has no type hints
    """A ``QtScheduler`` with one timer, thread-safe wake-ups and error recovery.

    Create and start it on the GUI thread, after the ``QApplication``. Jobs run inline on
    the GUI thread (``DebugExecutor`` unless another default executor is configured), so a
    job that removes or replaces its own job while running confuses APScheduler's
    bookkeeping: such a job should post its work to the event loop instead
    (``GuiThreadPoster``). If it does not, the error is logged and processing goes on.
    """

    def __init__(
        self,
        gconfig: Mapping[str, Any] | None = None,
        *,
        retry_after_error_s: float = 1.0,
        **options: Any,
    ) -> None:
        if not (math.isfinite(retry_after_error_s) and retry_after_error_s > 0):
            raise ValueError(
                "retry_after_error_s must be a positive number of seconds, "
                f"got {retry_after_error_s!r}"
            )
        self._retry_after_error_s = retry_after_error_s
        self._failures_in_a_row = 0
        self._poster = GuiThreadPoster()
        self._timer = QTimer(self._poster)
        self._timer.setSingleShot(True)
        # A coarse timer may fire up to 5 % early, finding nothing due and re-polling.
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._on_timeout)
        self._wake_lock = threading.Lock()
        self._wake_posted = False
        super().__init__(dict(gconfig or {}), **options)

    def wakeup(self) -> None:
        """Ask for the jobs to be processed soon; safe from any thread.

        Many wake-ups before the event loop gets to them cost one processing run.
        """
        with self._wake_lock:
            if self._wake_posted:
                return
            self._wake_posted = True
        self._poster.post(self._on_wakeup_posted)

    def _on_wakeup_posted(self) -> None:
        with self._wake_lock:
            self._wake_posted = False
        # Through the timer, so a wake-up and a due timer coalesce into one run.
        self._start_timer(0)

    def _on_timeout(self) -> None:
        # Looked up on each call so the instance attribute can be wrapped (tests count runs).
        self._process_jobs()

    def _process_jobs(self) -> None:
        if self.state == STATE_STOPPED:
            return
        try:
            wait_seconds: float | None = BaseScheduler._process_jobs(self)
        except Exception:
            self._failures_in_a_row += 1
            wait_seconds = min(
                self._retry_after_error_s * 2.0 ** min(self._failures_in_a_row - 1, 16),
                _RETRY_BACKOFF_LIMIT_S,
            )
            _log.exception(
                "Processing scheduled jobs failed (%d time(s) in a row); trying again in %.1f s",
                self._failures_in_a_row,
                wait_seconds,
            )
        else:
            self._failures_in_a_row = 0
        self._start_timer(wait_seconds)

    def _start_timer(self, wait_seconds: float | None) -> None:
        """(Re-)arm the one timer; None leaves it stopped (nothing is scheduled)."""
        self._timer.stop()
        if wait_seconds is None or self.state == STATE_STOPPED:
            return
        # Round up so the timer never fires before the job is due (which would only
        # find nothing to do and poll again).
        bounded_s = min(max(wait_seconds, 0.0), _QTIMER_MAX_MS / 1000)
        self._timer.start(min(math.ceil(bounded_s * 1000), _QTIMER_MAX_MS))

    def _stop_timer(self) -> None:
        # The stock shutdown() calls this, so shutting down stops the one timer.
        self._timer.stop()

    def _configure(self, config: dict[str, Any]) -> None:
        config["job_defaults"] = {**JOB_DEFAULTS, **config.get("job_defaults", {})}
        super()._configure(config)

    def _create_default_executor(self) -> DebugExecutor:
        # Jobs run inline on the GUI thread, where they may touch Qt objects.
        return DebugExecutor()
