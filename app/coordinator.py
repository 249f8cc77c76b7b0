"""Runs the desk-time engine against the real world.

The coordinator samples the platform, feeds the engine, writes what happened to the log,
re-arms the scheduler and hands the tray a fresh snapshot. It decides nothing about
desk time itself: that is the engine's job.

A write the machine refuses (disk full, read-only folder, database locked) never stops
the reminders: the log is then "out of sync", the unwritten events wait in order, and
each later sample tries once to bring the log in line with the engine again. Other parts
that write what the user did (the exercise shown and its answer, a routine's steps, a
walk) send their writes through the same queue (``write_later``), so they are kept too,
in order with the events they belong to.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from app import __version__
from app.core.clock import Clock, Instant
from app.core.describe import status_line
from app.core.engine import DeskEngine, RestoredBout
from app.core.model import (
    BoutEnded,
    BoutEndReason,
    BoutProgressed,
    BoutStarted,
    Event,
    Phase,
    PromptResolved,
    PromptResponse,
    PromptShown,
    Sample,
    Snapshot,
)
from app.core.restart import SavedActivity, decide_restart
from app.core.schedule import NO_PAUSE, PauseChoice, pause_for
from app.platform.base import IdleSource, SessionWatcher
from app.platform.presence import PresenceSource
from app.scheduling.desk_scheduler import DeskScheduler
from app.settings.model import QuietSettings, Settings
from app.settings.state import State, save_state
from app.storage.health import describe_storage_trouble, is_storage_trouble
from app.storage.log import SittingLog
from app.storage.records import SessionEndReason

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class LogWrite:
    """A write from outside the engine, waiting in the coordinator's queue."""

    what: str
    """For the log file when it fails as a bug: "the exercise shown"."""
    write: Callable[[], object]


@dataclass(frozen=True, slots=True)
class Backends:
    """Names of what the app runs on, for ``sitbreak status``."""

    idle: str
    session: tuple[str, ...]
    tray: str
    degraded: tuple[str, ...]


class DeskCoordinator(QObject):
    """The app's controller: platform readings in, log rows and tray states out."""

    snapshot_changed = Signal(object)
    """A new ``Snapshot`` (with the wall time it was taken at) for the views."""
    prompt_shown = Signal(object)
    """A ``PromptShown`` event: show (or replace) the stand-up prompt."""
    prompt_resolved = Signal(object)
    """A ``PromptResolved`` event: close the prompt and clear the tray's attention state."""
    quit_requested = Signal()
    storage_trouble = Signal(str)
    """The log cannot be written (said once per run): a sentence for the user's notice."""

    def __init__(
        self,
        *,
        clock: Clock,
        engine: DeskEngine,
        idle_source: IdleSource,
        session_watcher: SessionWatcher,
        sitting_log: SittingLog,
        presence_source: PresenceSource,
        quiet: QuietSettings,
        state: State,
        state_file: Path,
        backends: Backends,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._engine = engine
        self._idle = idle_source
        self._session = session_watcher
        self._log = sitting_log
        self._presence = presence_source
        self._quiet = quiet
        self._scheduler: DeskScheduler | None = None
        self._state = state
        self._state_file = state_file
        self._backends = backends
        self._session_id: int | None = None
        self._bout_id: int | None = None
        self._prompt_id: int | None = None
        self._last_snapshot: Snapshot | None = None
        self._stopped = False
        self._prompt_info: dict[str, Any] | None = None
        """The waiting prompt, for ``status``: first shown, re-reminders, desk time then."""
        self._started_at: datetime | None = None
        self._session_ready = False
        """The session row exists and the bout left by the last run was dealt with."""
        self._unwritten: list[Event | LogWrite] = []
        """Events the log has not taken yet, oldest first: the log is out of sync."""
        self._in_trouble = False
        self._warned = False

    # ------------------------------------------------------------------ lifecycle
    def start(self) -> None:
        """Open the log session, resume or close a bout left open, take the first sample."""
        now = self._clock.now()
        self._started_at = now.wall
        try:
            self._open_session(now, may_resume=True)
        except Exception as error:
            if not is_storage_trouble(error):
                raise
            self._note_trouble(error)
        self._session.lock_changed.connect(self._on_lock_changed)
        self._session.sleep_changed.connect(self._on_sleep_changed)
        self.sample()

    def attach_scheduler(self, scheduler: DeskScheduler) -> None:
        self._scheduler = scheduler
        self._rearm()

    def forget(self) -> None:
        """All data is being deleted: write nothing more, sample nothing more."""
        self._stopped = True
        self._unwritten.clear()
        if self._scheduler is not None:
            self._scheduler.stop()

    def stop(self) -> None:
        """Close the bout as 'quit' and the session; safe to call twice."""
        if self._stopped:
            return
        self._stopped = True
        at = self._feed_sample()
        self._apply(self._engine.quit(at))
        self._write_log(heartbeat=None)  # one last try, even in trouble
        if self._session_id is not None and not self._unwritten:
            try:
                self._log.end_session(self._session_id, at.wall, SessionEndReason.QUIT)
            except Exception as error:
                if not is_storage_trouble(error):
                    raise
                log.warning("could not close the session on quit: %s", error)
        if self._unwritten:
            log.warning("quitting with %d events the log could not take", len(self._unwritten))
        if self._scheduler is not None:
            self._scheduler.stop()

    @property
    def current_prompt_id(self) -> int | None:
        """The log row of the waiting prompt, if one waits."""
        return self._prompt_id

    def now(self) -> Instant:
        return self._clock.now()

    # ------------------------------------------------------------------ sampling
    def sample(self, _kind: str = "sample") -> None:
        """Take a reading now (scheduler jobs, lock/sleep signals, status requests)."""
        if self._stopped:
            return
        self._feed_sample()
        self._after_action()

    def write_later(self, what: str, write: Callable[[], object]) -> None:
        """Write to the log now if it takes writes, else keep ``write`` and retry it later.

        A ``WriteLater`` (``app.storage.pending``): ``write`` runs in order with the desk
        events (a prompt's row exists before the exercise it showed is written); storage
        trouble keeps it queued, warned once.
        """
        if self._stopped:
            return
        self._unwritten.append(LogWrite(what, write))
        if not self._in_trouble:
            self._write_log(heartbeat=None)

    @property
    def log_in_sync(self) -> bool:
        """Everything that happened is in the log (False while writes fail)."""
        return not self._in_trouble and not self._unwritten

    def _feed_sample(self) -> Instant:
        at = self._clock.now()
        if self._in_trouble:
            self._write_log(heartbeat=at.wall)  # the retry: at most one failed write a sample
        idle = self._idle.idle_seconds()
        reading = self._presence.presence()
        sample = Sample(
            at=at,
            idle_s=idle,
            locked=self._session.locked,
            present=reading.present,
            quiet=reading.quiet_for(
                when_fullscreen=self._quiet.when_fullscreen,
                when_do_not_disturb=self._quiet.when_do_not_disturb,
            ),
        )
        self._apply(self._engine.feed(sample))
        if not self._in_trouble:
            self._write_log(heartbeat=at.wall)
        return at

    def _rearm(self) -> None:
        if self._scheduler is not None and not self._stopped:
            self._scheduler.arm(self._engine.next_sample_in(), self._engine.prompt_due_in())

    def _publish(self) -> None:
        snapshot = self._engine.snapshot()
        if snapshot != self._last_snapshot:
            self._last_snapshot = snapshot
            self.snapshot_changed.emit(snapshot)

    def _on_lock_changed(self, locked: bool) -> None:
        log.info("screen %s", "locked" if locked else "unlocked")
        self.sample()

    def _on_sleep_changed(self, sleeping: bool) -> None:
        log.info("system %s", "going to sleep" if sleeping else "resumed")
        self.sample()
        if not sleeping and self._scheduler is not None:
            self._scheduler.on_resume()

    # ------------------------------------------------------------------ user actions
    def stand_up_now(self) -> None:
        """The user stands up now: the bout ends (a waiting prompt counts as done)."""
        at = self._feed_sample()
        self._apply(self._engine.stand_up(at))
        self._after_action()

    def open_stretch(self) -> None:
        """The stretch window opened: from now on nothing is desk time until it closes."""
        at = self._feed_sample()
        self._apply(self._engine.open_stretch(at))
        self._after_action()

    def close_stretch(self, response: PromptResponse | None) -> None:
        """The stretch window closed, with the user's answer (None: closed without one)."""
        at = self._feed_sample()
        self._apply(self._engine.close_stretch(response, at))
        self._after_action()

    def respond(self, response: PromptResponse, snooze_s: float | None = None) -> None:
        """An answer from the notification bubble, the toast or the command line."""
        at = self._feed_sample()
        self._apply(self._engine.respond(response, at, snooze_s=snooze_s))
        self._after_action()

    def snooze(self, snooze_s: float | None = None) -> float | None:
        """Snooze (``sitbreak snooze``); the desk seconds until the prompt may return.

        None when nobody sits at the desk: there is nothing to snooze.
        """
        self.respond(PromptResponse.SNOOZE, snooze_s)
        if self._engine.snapshot().phase is not Phase.SNOOZED:
            return None
        return self._engine.prompt_due_in()

    def apply_settings(self, settings: Settings) -> None:
        """New settings from the dialog: the engine and the jobs pick them up now."""
        self._quiet = settings.quiet
        self._engine.reconfigure(settings.engine_config())
        self.sample("settings")

    def _after_action(self) -> None:
        self._rearm()
        self._publish()

    def pause(self, choice: PauseChoice) -> None:
        at = self._feed_sample()
        pause = pause_for(choice, at.wall, self._engine.config.working_hours)
        self._apply(self._engine.set_pause(pause, at))
        self._save_pause()
        self._after_action()

    def resume(self) -> None:
        at = self._feed_sample()
        self._apply(self._engine.set_pause(NO_PAUSE, at))
        self._save_pause()
        self._after_action()

    def quit(self) -> None:
        """Ask the app to quit; the bout is closed on the way out (see ``stop``)."""
        self.quit_requested.emit()

    def refresh(self) -> None:
        """The user is about to read the status: sample now."""
        self.sample("refresh")

    @property
    def first_run(self) -> bool:
        return not self._state.first_run_done

    def first_run_noticed(self) -> None:
        """The first-run notice was shown: never again."""
        self._state = State(pause=self._state.pause, first_run_done=True)
        self._save_state()

    def _save_pause(self) -> None:
        self._state = State(pause=self._engine.pause, first_run_done=self._state.first_run_done)
        self._save_state()

    def _save_state(self) -> None:
        try:
            save_state(self._state_file, self._state)
        except OSError as exc:
            log.warning("could not save %s: %s", self._state_file, exc)

    # ------------------------------------------------------------------ status
    def status(self) -> dict[str, Any]:
        """The ``sitbreak status --json`` result (documented in docs/cli.md)."""
        self.sample()
        snapshot = self._engine.snapshot()
        now = self._clock.now().wall
        day_start = now.replace(hour=0, minute=0, second=0, microsecond=0)
        try:
            day = self._log.day_summary(day_start, day_start + timedelta(days=1), now)
        except Exception as error:  # a log that cannot be opened yet: no totals, no failure
            if not is_storage_trouble(error):
                raise
            day = None
        return {
            "state": snapshot.phase.value,
            "summary": status_line(snapshot, now),
            "desk_seconds": round(snapshot.desk_s, 1),
            "seconds_to_window": _round(snapshot.seconds_to_window),
            "window_start_seconds": snapshot.window_start_s,
            "window_end_seconds": snapshot.window_end_s,
            "bout_start": _iso(snapshot.bout_start),
            "paused_until": _iso(snapshot.paused_until),
            "paused_indefinitely": snapshot.paused_indefinitely,
            "estimated": snapshot.estimated,
            "today": None
            if day is None
            else {
                "desk_seconds": round(day.desk_s, 1),
                "bouts": day.bouts,
                "longest_bout_seconds": round(day.longest_bout_s, 1),
            },
            "log_in_sync": self.log_in_sync,
            "backends": {
                "idle": self._backends.idle,
                "session": list(self._backends.session),
                "tray": self._backends.tray,
            },
            "degraded": list(self._backends.degraded),
            "prompt": self._prompt_info,
            "version": __version__,
            "pid": os.getpid(),
        }

    # ------------------------------------------------------------------ events → log
    def _apply(self, events: list[Event]) -> None:
        for event in events:
            self._queue(event)
            if not self._in_trouble:  # written before the views hear of it (prompt ids)
                self._write_log(heartbeat=None)
            if isinstance(event, PromptShown):
                self._note_prompt(event)
                self.prompt_shown.emit(event)
            elif isinstance(event, PromptResolved):
                self._prompt_info = None
                self.prompt_resolved.emit(event)

    def _note_prompt(self, event: PromptShown) -> None:
        if event.reminder == 0 or self._prompt_info is None:
            self._prompt_info = {
                "shown_at": _iso(event.at),
                "reminders": event.reminder,
                "desk_seconds": round(event.desk_s, 1),
            }
        else:
            self._prompt_info["reminders"] = event.reminder

    def _queue(self, event: Event) -> None:
        """Add an event for the log; progress replaces unwritten progress (only the last counts)."""
        last = self._unwritten[-1] if self._unwritten else None
        replaces = (isinstance(event, BoutProgressed) and isinstance(last, BoutProgressed)) or (
            isinstance(event, PromptShown)
            and event.reminder > 0
            and isinstance(last, PromptShown)
            and last.reminder > 0
        )
        if replaces:
            self._unwritten[-1] = event
        else:
            self._unwritten.append(event)

    def _write_log(self, *, heartbeat: datetime | None) -> None:
        """Bring the log in line with the engine, oldest event first.

        Stops at the first write the machine refuses (the rest waits for the next sample);
        an event refused as a bug is logged and dropped, as retrying would only repeat it.
        """
        try:
            if not self._session_ready:
                self._open_session(self._clock.now(), may_resume=False)
            while self._unwritten:
                event = self._unwritten[0]
                try:
                    self._record(event)
                except Exception as error:
                    if is_storage_trouble(error):
                        raise
                    what = event.what if isinstance(event, LogWrite) else type(event).__name__
                    log.exception("could not record %s", what)
                del self._unwritten[0]
            if heartbeat is not None and self._session_id is not None:
                self._log.touch_session(self._session_id, heartbeat)
        except Exception as error:
            if not is_storage_trouble(error):
                log.exception("could not write the sitting log")
                return
            self._note_trouble(error)
            return
        if self._in_trouble:
            self._in_trouble = False
            log.warning("the sitting log can be written again; it is up to date")

    def _note_trouble(self, error: BaseException) -> None:
        if not self._in_trouble:
            log.warning("cannot write the sitting log (%s); retrying on later samples", error)
        self._in_trouble = True
        if not self._warned:
            self._warned = True
            self.storage_trouble.emit(describe_storage_trouble(error, QCoreApplication.translate))

    def _open_session(self, now: Instant, *, may_resume: bool) -> None:
        """Start the session row and deal with the bout a crashed run left open.

        Resuming that bout is only possible before the engine's first sample; once start-up
        writes failed, the bout found later is closed where its activity stopped.
        """
        if self._session_id is None:
            assert self._started_at is not None
            self._log.close_stale_sessions()
            self._session_id = self._log.start_session(
                self._started_at, self._backends.idle, __version__
            )
        self._recover_open_bout(now, may_resume=may_resume)
        self._session_ready = True

    def _record(self, event: Event | LogWrite) -> None:
        match event:
            case LogWrite():
                event.write()
            case BoutStarted():
                assert self._session_id is not None
                self._bout_id = self._log.open_bout(
                    self._session_id, event.start, event.estimated, event.start
                )
            case BoutProgressed() if self._bout_id is not None:
                self._log.update_bout(
                    self._bout_id,
                    start=event.start,
                    desk_s=event.desk_s,
                    estimated=event.estimated,
                    last_activity=event.last_activity,
                    last_activity_mono=event.last_activity_mono,
                    last_activity_boot=event.last_activity_boot,
                    boot_id=self._clock.boot_id,
                )
            case BoutEnded() if self._bout_id is not None:
                self._log.close_bout(self._bout_id, event.end, event.reason, event.desk_s)
                self._bout_id = None
            case PromptShown() if event.reminder == 0:
                self._prompt_id = self._log.add_prompt(self._bout_id, event.at, event.desk_s)
            case PromptShown() if self._prompt_id is not None:
                self._log.remind_prompt(self._prompt_id, event.reminder)
            case PromptResolved() if self._prompt_id is not None:
                self._log.resolve_prompt(self._prompt_id, event.at, event.response)
                self._prompt_id = None
            case _:
                pass

    def _recover_open_bout(self, now: Instant, *, may_resume: bool) -> None:
        found = self._log.find_open_bout()
        if found is None or found.id == self._bout_id:
            return
        saved = SavedActivity(
            wall=found.last_activity,
            mono=found.last_activity_mono,
            boot=found.last_activity_boot,
            boot_id=found.boot_id,
        )
        decision = decide_restart(saved, now, self._clock.boot_id, self._engine.config.away_s)
        log.info("open bout %d from the last run: %s", found.id, decision.why)
        if decision.resume and may_resume and self._session_id is not None:
            self._log.reassign_bout(found.id, self._session_id)
            self._bout_id = found.id
            self._engine.restore(
                RestoredBout(
                    start=found.start,
                    last_activity=found.last_activity,
                    since_activity_s=decision.since_activity_s,
                    desk_s=found.desk_s,
                    estimated=found.estimated,
                ),
                now,
            )
        else:
            self._log.close_bout(found.id, found.last_activity, BoutEndReason.CRASH, found.desk_s)


def _iso(value: datetime | None) -> str | None:
    return value.isoformat(timespec="seconds") if value is not None else None


def _round(value: float | None) -> float | None:
    return round(value, 1) if value is not None else None
