"""Runs the desk-time engine against the real world.

The coordinator samples the platform, feeds the engine, writes what happened to the log,
re-arms the scheduler and hands the tray a fresh snapshot. It decides nothing about
desk time itself: that is the engine's job.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

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
from app.storage.log import SittingLog
from app.storage.records import SessionEndReason

log = logging.getLogger(__name__)


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

    # ------------------------------------------------------------------ lifecycle
    def start(self) -> None:
        """Open the log session, resume or close a bout left open, take the first sample."""
        now = self._clock.now()
        self._log.close_stale_sessions()
        self._session_id = self._log.start_session(now.wall, self._backends.idle, __version__)
        self._recover_open_bout(now)
        self._session.lock_changed.connect(self._on_lock_changed)
        self._session.sleep_changed.connect(self._on_sleep_changed)
        self.sample()

    def attach_scheduler(self, scheduler: DeskScheduler) -> None:
        self._scheduler = scheduler
        self._rearm()

    def forget(self) -> None:
        """All data is being deleted: write nothing more, sample nothing more."""
        self._stopped = True
        if self._scheduler is not None:
            self._scheduler.stop()

    def stop(self) -> None:
        """Close the bout as 'quit' and the session; safe to call twice."""
        if self._stopped:
            return
        self._stopped = True
        at = self._feed_sample()
        self._apply(self._engine.quit(at))
        if self._session_id is not None:
            self._log.end_session(self._session_id, at.wall, SessionEndReason.QUIT)
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

    def _feed_sample(self) -> Instant:
        at = self._clock.now()
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
        if self._session_id is not None:
            self._log.touch_session(self._session_id, at.wall)
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
        day = self._log.day_summary(day_start, day_start + timedelta(days=1), now)
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
            "today": {
                "desk_seconds": round(day.desk_s, 1),
                "bouts": day.bouts,
                "longest_bout_seconds": round(day.longest_bout_s, 1),
            },
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
            try:
                self._record(event)
            except Exception:  # the log must never stop the reminders
                log.exception("could not record %s", type(event).__name__)
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

    def _record(self, event: Event) -> None:
        match event:
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

    def _recover_open_bout(self, now: Instant) -> None:
        found = self._log.find_open_bout()
        if found is None:
            return
        saved = SavedActivity(
            wall=found.last_activity,
            mono=found.last_activity_mono,
            boot=found.last_activity_boot,
            boot_id=found.boot_id,
        )
        decision = decide_restart(saved, now, self._clock.boot_id, self._engine.config.away_s)
        log.info("open bout %d from the last run: %s", found.id, decision.why)
        if decision.resume and self._session_id is not None:
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
