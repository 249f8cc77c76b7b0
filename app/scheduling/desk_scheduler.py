"""The app's two wake-ups: when to sample the idle source next, and when a prompt could fire.

It decides nothing. The engine says how long to wait; when a wake-up comes due,
``on_due(kind)`` samples the platform, feeds the engine and lets the engine decide.
"""

from __future__ import annotations

import contextlib
import logging
import math
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Final, Literal

from apscheduler.jobstores.base import JobLookupError
from apscheduler.schedulers.base import BaseScheduler
from apscheduler.triggers.date import DateTrigger

from app.scheduling.gui_thread import GuiThreadPoster

_log = logging.getLogger(__name__)

JobKind = Literal["sample", "prompt"]

_LONGEST_DELAY: Final = timedelta(days=366)
"""Further away than this is a bug upstream, not a schedule."""


class DeskScheduler:
    """Keeps at most one ``"sample"`` and one ``"prompt"`` date job on ``scheduler``.

    Create it on the GUI thread: ``on_due`` is called there, from the event loop, after
    the scheduler has finished its processing run. That is why the job itself only posts
    the call: ``on_due`` re-arms the jobs through ``arm()``, and replacing or removing the
    job that is running, from inside it, would make APScheduler drop the replacement.
    """

    def __init__(
        self,
        scheduler: BaseScheduler,
        on_due: Callable[[JobKind], None],
        *,
        sample_again_after_error_s: float = 60.0,
    ) -> None:
        """``scheduler``: an APScheduler 3 scheduler, started or not (a ``SafeQtScheduler``).

        ``sample_again_after_error_s``: when ``on_due`` fails before it re-armed the sample
        job, sample again after this long rather than never again.
        """
        self._scheduler = scheduler
        self._on_due = on_due
        if not (math.isfinite(sample_again_after_error_s) and sample_again_after_error_s > 0):
            raise ValueError(
                "sample_again_after_error_s must be a positive number of seconds, "
                f"got {sample_again_after_error_s!r}"
            )
        self._sample_again_after_error = timedelta(seconds=sample_again_after_error_s)
        self._poster = GuiThreadPoster()
        self._stopped = False

    def arm(self, sample_in: float, prompt_in: float | None) -> None:
        """Schedule the next sample and prompt check, replacing the previous ones.

        Delays are seconds from now on the wall clock; zero or negative means as soon as
        possible. ``prompt_in=None`` means no prompt can come, and removes the prompt job.
        """
        sample_delay = _checked_delay("sample_in", sample_in)
        prompt_delay = None if prompt_in is None else _checked_delay("prompt_in", prompt_in)
        self._stopped = False
        self._schedule("sample", sample_delay)
        if prompt_delay is None:
            self._cancel("prompt")
        else:
            self._schedule("prompt", prompt_delay)

    def on_resume(self) -> None:
        """After a suspend: the timer slept too, so check now for jobs that came due."""
        self._scheduler.wakeup()

    def stop(self) -> None:
        """Remove both jobs and drop a call already on its way; the scheduler runs on."""
        self._stopped = True
        self._cancel("sample")
        self._cancel("prompt")

    def _schedule(self, kind: JobKind, delay: timedelta) -> None:
        run_date = datetime.now(self._scheduler.timezone) + delay
        self._scheduler.add_job(
            self._job_came_due,
            trigger=DateTrigger(run_date=run_date),
            args=(kind,),
            id=kind,
            name=f"sitbreak {kind}",
            replace_existing=True,
            # Set here as well as in SafeQtScheduler's defaults, so they hold on any
            # scheduler: a wake-up late after a suspend still runs, once.
            misfire_grace_time=None,
            coalesce=True,
            max_instances=1,
        )

    def _cancel(self, kind: JobKind) -> None:
        with contextlib.suppress(JobLookupError):  # already gone: nothing to cancel
            self._scheduler.remove_job(kind)

    def _job_came_due(self, kind: JobKind) -> None:
        # Runs inside the scheduler's processing (on whatever thread its executor uses).
        self._poster.post(lambda: self._deliver(kind))

    def _deliver(self, kind: JobKind) -> None:
        if self._stopped:
            return
        try:
            self._on_due(kind)
        except Exception:
            # An error must not escape into the event loop, nor end the sampling for good.
            _log.exception("Handling the %r wake-up failed", kind)
            self._keep_sampling()

    def _keep_sampling(self) -> None:
        if not self._stopped and self._scheduler.get_job("sample") is None:
            self._schedule("sample", self._sample_again_after_error)


def _checked_delay(name: str, seconds: float) -> timedelta:
    if not math.isfinite(seconds) or abs(seconds) > _LONGEST_DELAY.total_seconds():
        raise ValueError(
            f"{name} must be a number of seconds between "
            f"-{_LONGEST_DELAY.total_seconds():.0f} and {_LONGEST_DELAY.total_seconds():.0f}, "
            f"got {seconds!r}"
        )
    return timedelta(seconds=seconds)
