"""The desk-time engine: samples in, bouts and prompts out.

Time runs on one internal *elapsed* line: monotonic seconds plus detected suspend (on
Linux exactly ``CLOCK_BOOTTIME``). Wall clock changes never move it; wall times are
derived from the newest sample only when an event is emitted, so a bout keeps its true
length when the clock is set while it runs.

A bout's desk time is the credited time between its start and its last activity. Idle
below the away threshold is credited (reading is sitting); once idle reaches it the bout
ends *at the last activity*, taking back the idle credited after it. Lock, suspend and a
stalled process are never credited; they end the bout only when the idle before them
plus their length reaches the away threshold.

A prompt only ever fires at a reading that saw the user act (input or presence) since the
reading before: inside the window when that input ended a lull (a pause of at least the
lull length but under a minute), at the upper bound, after a snooze or for a re-reminder
as soon as input shows the user is there. An empty chair gets no prompt. While the platform
says quiet (a fullscreen window, do-not-disturb) no prompt shows; the one that came due
meanwhile waits for the next input.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from app.core.clock import Instant
from app.core.model import (
    BoutEnded,
    BoutEndReason,
    BoutProgressed,
    BoutStarted,
    EngineConfig,
    Event,
    Phase,
    PromptResolved,
    PromptResponse,
    PromptShown,
    Sample,
    Snapshot,
)
from app.core.schedule import NO_PAUSE, Pause

LULL_MAX_S = 60.0
"""A pause in input this long is not a lull: the chair may be empty."""
LULL_WATCH_S = 5.0
"""While a due prompt waits for input (the end of a lull), how often to look: its delay."""
STALL_S = 150.0
"""A monotonic step this long without suspend means the process stalled: not sitting."""
MIN_SAMPLE_S = 0.5
MAX_SAMPLE_S = 60.0
AWAY_SAMPLE_S = 60.0
"""While nobody sits, one sample a minute is enough to notice the return."""
_SAME_INSTANT_S = 1e-6
"""Rounding on the elapsed line: points this close are the same instant."""


@dataclass(slots=True)
class _Prompt:
    """The prompt cycle of one bout. Desk-second thresholds, relative to the bout."""

    window_base_s: float = 0.0
    """The window opens at base + window_start; Skip and a lifted pause move the base."""
    shown_desk_s: float | None = None
    """Desk time when the waiting prompt (or its last re-reminder) was shown."""
    shown_e: float = 0.0
    reminders: int = 0
    snooze_until_s: float | None = None

    @property
    def pending(self) -> bool:
        return self.shown_desk_s is not None


@dataclass(slots=True)
class _Bout:
    start_e: float
    last_activity_e: float
    desk_s: float = 0.0
    """Credited up to the newest sample."""
    desk_at_activity_s: float = 0.0
    estimated: bool = False


@dataclass(slots=True)
class _Hold:
    """The stretch window is open: nothing is desk time until it closes."""

    start_e: float
    last_input_e: float
    """The newest input seen while it is open (clicks in the window say the user is near)."""


@dataclass(frozen=True, slots=True)
class RestoredBout:
    """An open bout found in the log that the restart rule says to resume."""

    start: datetime
    last_activity: datetime
    since_activity_s: float
    """Monotonic seconds from its last activity to now (same boot, no suspend)."""
    desk_s: float
    estimated: bool


class DeskEngine:
    """Pure state machine of DESIGN.md's time, bout and prompt rules."""

    def __init__(self, config: EngineConfig, *, pause: Pause = NO_PAUSE) -> None:
        self._config = config
        self._pause = pause
        self._last: Sample | None = None
        self._e = 0.0
        self._bout: _Bout | None = None
        self._prompt = _Prompt()
        self._break_mark_e = float("-inf")
        """Input must come after this to start a new bout (the end of the last one)."""
        self._was_suppressed = False
        self._input_seen = False
        """The newest reading saw input or presence since the one before it."""
        self._lull_ended = False
        """...and that input ended a lull: the reading before saw a pause in the lull range."""
        self._hold: _Hold | None = None

    # ------------------------------------------------------------------ inputs
    def feed(self, sample: Sample) -> list[Event]:
        """Take one reading of the platform; returns what it changed."""
        events: list[Event] = []
        prev = self._last
        self._last = sample
        if prev is None:
            self._e = _elapsed_origin(sample.at)
            self._input_seen = self._lull_ended = False
            # Only input this recent says who sits there: older idle may already be a break
            # in the making, and the next input starts the bout then. The bout starts with
            # the app; the away threshold counts from the input.
            if self._bout is None and _at_keys(sample, self._config.lull_s):
                started = self._start_bout(self._e, sample, events)
                if not sample.present and sample.idle_s is not None:
                    started.last_activity_e -= sample.idle_s
        else:
            self._step(prev, sample, events)
        self._evaluate_prompt(sample, events)
        bout = self._bout
        # Nothing is persisted as activity until the bout has some of its own: a crash
        # before that closes it where it started.
        if bout is not None and bout.last_activity_e >= bout.start_e:
            events.append(self._progress(sample.at))
        return events

    def restore(self, bout: RestoredBout, at: Instant) -> None:
        """Resume a bout from the log (call before the first ``feed``)."""
        self._last = Sample(at=at, idle_s=None)
        self._e = _elapsed_origin(at)
        last_activity_e = self._e - bout.since_activity_s
        # Real seconds between them (a start can follow the last input: see ``feed``).
        span = bout.last_activity.timestamp() - bout.start.timestamp()
        self._bout = _Bout(
            start_e=last_activity_e - span,
            last_activity_e=last_activity_e,
            desk_s=bout.desk_s,
            desk_at_activity_s=bout.desk_s,
            estimated=bout.estimated,
        )
        self._prompt = _Prompt()

    def stand_up(self, at: Instant) -> list[Event]:
        """The user stood up through Sitbreak: the bout ends now and the prompt is done."""
        events: list[Event] = []
        e = self._e_of(at)
        if self._bout is not None:
            bout = self._bout
            bout.desk_s += max(0.0, e - self._e) if not self._last_locked else 0.0
            self._end_bout(e, bout.desk_s, BoutEndReason.STAND_UP, at, events)
        self._break_mark_e = e
        return events

    def open_stretch(self, at: Instant) -> list[Event]:
        """The stretch window opened (a click on the prompt, the toast, "Stand up now").

        From now on nothing is desk time, clicks in the window included. The bout ends at
        this moment if the user answers Done or walks away while it is open.
        """
        if self._hold is not None:
            return []
        e = self._e_of(at)
        bout = self._bout
        if bout is not None and not self._last_locked:
            # The click that opened the window is input: credit up to it.
            bout.desk_s += max(0.0, e - self._e)
            bout.last_activity_e = max(bout.last_activity_e, e)
            bout.desk_at_activity_s = bout.desk_s
        self._hold = _Hold(start_e=e, last_input_e=e)
        return []

    def close_stretch(self, response: PromptResponse | None, at: Instant) -> list[Event]:
        """The stretch window closed with an answer (None: closed without answering)."""
        hold = self._hold
        if hold is None:
            return self.respond(response, at) if response is not None else []
        self._hold = None
        events: list[Event] = []
        e = self._e_of(at)
        bout = self._bout
        if response is PromptResponse.DONE:
            if bout is not None:
                self._end_bout(
                    hold.start_e, bout.desk_at_activity_s, BoutEndReason.STAND_UP, at, events
                )
            self._break_mark_e = e
            return events
        if bout is not None:
            # Back at the desk: the bout goes on from here, without the time in the window.
            bout.last_activity_e = max(bout.last_activity_e, e)
            bout.desk_at_activity_s = bout.desk_s
        if response is not None:
            events += self.respond(response, at)
        return events

    def respond(
        self, response: PromptResponse, at: Instant, *, snooze_s: float | None = None
    ) -> list[Event]:
        """The user answered the waiting prompt (from a bubble, window or the CLI).

        ``snooze_s`` overrides the configured snooze length (``sitbreak snooze 20``).
        """
        events: list[Event] = []
        if response is PromptResponse.DONE:
            return self.stand_up(at)
        prompt = self._prompt
        bout = self._bout
        if bout is None or (not prompt.pending and response is not PromptResponse.SNOOZE):
            return events
        if prompt.pending:
            events.append(PromptResolved(at=at.wall, response=response))
        prompt.shown_desk_s = None
        prompt.reminders = 0
        if response is PromptResponse.SNOOZE:
            length = self._config.snooze_s if snooze_s is None else snooze_s
            # A snooze never brings the prompt before the window would have opened.
            window_start = prompt.window_base_s + self._config.window_start_s
            prompt.snooze_until_s = max(bout.desk_s + length, window_start)
        else:  # Skip, Dismissed: the next prompt a full window later
            prompt.snooze_until_s = None
            prompt.window_base_s = bout.desk_s
        return events

    def set_pause(self, pause: Pause, at: Instant) -> list[Event]:
        """Pause or resume prompts. The log goes on either way."""
        events: list[Event] = []
        self._pause = pause
        if pause.active(at.wall):
            self._was_suppressed = True
            if self._prompt.pending:
                events.append(PromptResolved(at=at.wall, response=PromptResponse.PAUSED))
                self._prompt.shown_desk_s = None
                self._prompt.reminders = 0
        return events

    def quit(self, at: Instant) -> list[Event]:
        """The app is closing: the open bout ends now."""
        events: list[Event] = []
        if self._bout is not None:
            if self._prompt.pending:
                events.append(PromptResolved(at=at.wall, response=PromptResponse.QUIT))
                self._prompt.shown_desk_s = None
            if self._hold is not None:
                end_e, desk = self._hold.start_e, self._bout.desk_at_activity_s
            else:
                end_e, desk = self._e, self._bout.desk_s
            self._end_bout(end_e, desk, BoutEndReason.QUIT, at, events)
        self._hold = None
        return events

    def reconfigure(self, config: EngineConfig) -> None:
        """New timings apply at once, to the open bout too."""
        self._config = config

    # ------------------------------------------------------------------ outputs
    @property
    def config(self) -> EngineConfig:
        return self._config

    @property
    def pause(self) -> Pause:
        return self._pause

    def snapshot(self) -> Snapshot:
        bout = self._bout
        cfg = self._config
        base = self._prompt.window_base_s
        wall = self._last.at.wall if self._last is not None else None
        paused = wall is not None and self._pause.active(wall)
        return Snapshot(
            phase=self._phase(),
            desk_s=bout.desk_s if bout is not None else 0.0,
            window_start_s=base + cfg.window_start_s,
            window_end_s=base + cfg.window_end_s,
            bout_start=self._wall_of(bout.start_e) if bout is not None else None,
            paused_until=self._pause.until if paused and not self._pause.indefinite else None,
            paused_indefinitely=paused and self._pause.indefinite,
            estimated=self._last is not None and self._last.idle_s is None,
        )

    def next_sample_in(self) -> float:
        """Seconds until the next threshold could be crossed (clamped to 0.5–60 s)."""
        last = self._last
        bout = self._bout
        if last is None:
            return MIN_SAMPLE_S
        if self._hold is not None and bout is not None:
            return _clamp(self._config.away_s - (self._e - self._hold.last_input_e))
        if bout is None:
            return AWAY_SAMPLE_S
        cfg = self._config
        idle = self._e - bout.last_activity_e
        candidates = [cfg.away_s - idle]
        if last.locked:
            return _clamp(min(candidates))
        prompt = self._prompt
        if self._suppressed(last.at.wall):
            if self._pause.until is not None and not self._pause.indefinite:
                candidates.append(self._pause.until.timestamp() - last.at.utc_ts)
            return _clamp(min(candidates))
        threshold = self._threshold()
        upper = prompt.window_base_s + cfg.window_end_s
        if bout.desk_s < threshold:
            candidates.append(threshold - bout.desk_s)
        elif not prompt.pending and prompt.snooze_until_s is None and bout.desk_s < upper:
            candidates += [self._user_wait_in(idle), upper - bout.desk_s]  # waits for a lull
        else:
            candidates += [self._user_wait_in(idle), LULL_WATCH_S]  # fires at the next input
        return _clamp(min(candidates))

    def _user_wait_in(self, idle: float) -> float:
        """Seconds to the next reading while a due prompt waits for input or a lull's end."""
        lull = self._config.lull_s
        if idle < lull:
            return lull - idle  # a lull could begin to show then
        if idle < LULL_MAX_S:
            return min(LULL_WATCH_S, LULL_MAX_S - idle)  # a lull: catch the input ending it
        return lull  # nobody at the keys: notice the return

    def prompt_due_in(self) -> float | None:
        """Wall seconds until a prompt could first fire, if one can at all."""
        bout = self._bout
        last = self._last
        if bout is None or last is None or self._hold is not None:
            return None
        if self._suppressed(last.at.wall) or last.quiet:
            return None  # the sample timer notices when the quiet ends
        return max(0.0, self._threshold() - bout.desk_s)

    def _threshold(self) -> float:
        """Desk time at which the next prompt (or re-reminder) may first fire."""
        cfg = self._config
        prompt = self._prompt
        if prompt.pending:
            assert prompt.shown_desk_s is not None
            return prompt.shown_desk_s + cfg.remind_after_s
        if prompt.snooze_until_s is not None:
            return prompt.snooze_until_s
        return prompt.window_base_s + cfg.window_start_s

    # ------------------------------------------------------------------ the rules
    def _step(self, prev: Sample, sample: Sample, events: list[Event]) -> None:
        cfg = self._config
        awake = max(0.0, sample.at.mono - prev.at.mono)
        suspended = _suspended_s(prev.at, sample.at)
        stalled = awake > STALL_S
        e_prev = self._e
        self._e += awake + suspended
        e_now = self._e
        # A suspend is placed at the start of the step: only the awake part after it counts.
        credit = 0.0 if (stalled or prev.locked) else awake
        new_input_e = _new_input_e(prev, sample, awake, e_now)
        self._input_seen = new_input_e is not None
        self._lull_ended = False

        if self._hold is not None:
            self._step_holding(self._hold, new_input_e, sample, events)
            return
        bout = self._bout
        if bout is not None:
            idle_before = e_prev - bout.last_activity_e
            self._lull_ended = (
                self._input_seen
                and cfg.lull_s <= idle_before < LULL_MAX_S
                and not (prev.locked or suspended > 0.0 or stalled)
            )
            gap_reason = _gap_reason(prev, sample, suspended, stalled)
            # Readings show only the newest input. One taken by the threshold that sees input
            # proves a return in time; a later one can only go by the newest input.
            in_time = e_now - bout.last_activity_e <= cfg.away_s + _SAME_INSTANT_S
            gone_until = new_input_e if new_input_e is not None else e_now
            if gone_until - bout.last_activity_e >= cfg.away_s and not (
                new_input_e is not None and in_time
            ):
                self._end_bout(
                    bout.last_activity_e, bout.desk_at_activity_s, gap_reason, sample.at, events
                )
                bout = None
            else:
                credit_from = e_now - credit
                bout.desk_s += credit
                if new_input_e is not None and new_input_e > bout.last_activity_e:
                    bout.last_activity_e = new_input_e
                    bout.desk_at_activity_s = (
                        bout.desk_s
                        - credit
                        + _clamp_between(new_input_e - credit_from, 0.0, credit)
                    )
                if sample.idle_s is None:
                    bout.estimated = True
        if self._bout is None and new_input_e is not None and new_input_e > self._break_mark_e:
            self._start_bout(new_input_e, sample, events, desk_s=min(credit, e_now - new_input_e))

    def _step_holding(
        self, hold: _Hold, new_input_e: float | None, sample: Sample, events: list[Event]
    ) -> None:
        """Nothing is credited; walking away from the open window is a natural break."""
        if new_input_e is not None:
            hold.last_input_e = max(hold.last_input_e, new_input_e)
        bout = self._bout
        if bout is not None and self._e - hold.last_input_e >= self._config.away_s:
            # They stood up when the window opened, and went.
            self._end_bout(
                hold.start_e, bout.desk_at_activity_s, BoutEndReason.AWAY, sample.at, events
            )
            self._break_mark_e = self._e

    def _evaluate_prompt(self, sample: Sample, events: list[Event]) -> None:
        bout = self._bout
        if bout is None or self._hold is not None:
            return
        cfg = self._config
        prompt = self._prompt
        wall = sample.at.wall
        suppressed = self._suppressed(wall)
        desk = bout.desk_s
        lifted = self._was_suppressed and not suppressed
        if lifted and desk >= prompt.window_base_s + cfg.window_start_s and not prompt.pending:
            # A lifted pause or the start of working hours: fire at the next lull.
            prompt.window_base_s = desk - cfg.window_start_s
            prompt.snooze_until_s = None
        self._was_suppressed = suppressed
        if suppressed or sample.locked or sample.quiet:
            # Quiet: nothing shows, not even a re-reminder; the next reading after it ends
            # applies the usual rules, so the waiting prompt comes with the next input.
            return
        estimated = sample.idle_s is None
        here = self._input_seen
        if prompt.pending:
            assert prompt.shown_desk_s is not None
            if desk >= prompt.shown_desk_s + cfg.remind_after_s and here:
                if prompt.reminders < cfg.max_reminders:
                    prompt.reminders += 1
                    prompt.shown_desk_s = desk
                    events.append(PromptShown(at=wall, desk_s=desk, reminder=prompt.reminders))
                else:
                    events.append(PromptResolved(at=wall, response=PromptResponse.NO_ANSWER))
                    prompt.shown_desk_s = None
                    prompt.reminders = 0
                    prompt.window_base_s = desk
            return
        if prompt.snooze_until_s is not None:
            due = desk >= prompt.snooze_until_s and here
        else:
            start = prompt.window_base_s + cfg.window_start_s
            end = prompt.window_base_s + cfg.window_end_s
            if desk < start:
                due = False
            elif desk >= end or estimated:
                due = here
            else:
                due = self._lull_ended
        if due:
            prompt.snooze_until_s = None
            prompt.shown_desk_s = desk
            prompt.shown_e = self._e
            prompt.reminders = 0
            events.append(PromptShown(at=wall, desk_s=desk, reminder=0))

    # ------------------------------------------------------------------ helpers
    def _start_bout(
        self, start_e: float, sample: Sample, events: list[Event], desk_s: float = 0.0
    ) -> _Bout:
        bout = _Bout(
            start_e=start_e,
            last_activity_e=start_e,
            desk_s=desk_s,
            estimated=sample.idle_s is None,
        )
        self._bout = bout
        self._prompt = _Prompt()
        events.append(BoutStarted(start=self._wall_of(start_e), estimated=sample.idle_s is None))
        return bout

    def _end_bout(
        self, end_e: float, desk_s: float, reason: BoutEndReason, at: Instant, events: list[Event]
    ) -> None:
        bout = self._bout
        assert bout is not None
        end_e = max(end_e, bout.start_e)
        if self._prompt.pending:
            response = (
                PromptResponse.DONE
                if reason is BoutEndReason.STAND_UP
                else PromptResponse.NATURAL_BREAK
            )
            resolved_e = max(end_e, self._prompt.shown_e)
            events.append(PromptResolved(at=self._wall_of(resolved_e), response=response))
        # The start as told by the clock of the end: the wall clock may have been set since
        # the last progress report, and the log must never hold an end before its start.
        events.append(self._progress(at))
        events.append(BoutEnded(end=self._wall_of(end_e), reason=reason, desk_s=max(0.0, desk_s)))
        self._bout = None
        self._prompt = _Prompt()
        self._break_mark_e = end_e

    def _progress(self, at: Instant) -> BoutProgressed:
        bout = self._bout
        assert bout is not None
        since_activity = self._e - max(bout.last_activity_e, bout.start_e)
        boot = at.boot - since_activity if at.boot is not None else None
        return BoutProgressed(
            start=self._wall_of(bout.start_e),
            desk_s=bout.desk_at_activity_s,
            estimated=bout.estimated,
            last_activity=self._wall_of(self._e - since_activity),
            last_activity_mono=at.mono - since_activity,
            last_activity_boot=boot,
        )

    def _phase(self) -> Phase:
        last = self._last
        if last is not None and self._pause.active(last.at.wall):
            return Phase.PAUSED
        if last is not None and self._config.working_hours.is_quiet(last.at.wall):
            return Phase.QUIET
        if self._hold is not None:
            return Phase.STRETCHING
        bout = self._bout
        if bout is None:
            return Phase.AWAY
        prompt = self._prompt
        if prompt.pending:
            return Phase.PROMPTING
        if prompt.snooze_until_s is not None:
            return Phase.SNOOZED
        if bout.desk_s >= prompt.window_base_s + self._config.window_start_s:
            return Phase.WINDOW
        return Phase.SITTING

    def _suppressed(self, wall: datetime) -> bool:
        return self._pause.active(wall) or self._config.working_hours.is_quiet(wall)

    @property
    def _last_locked(self) -> bool:
        return self._last is not None and self._last.locked

    def _wall_of(self, e: float) -> datetime:
        """Wall time of a point on the elapsed line, in the newest sample's clock."""
        assert self._last is not None
        return _shifted(self._last.at.wall, e - self._e)

    def _e_of(self, at: Instant) -> float:
        if self._last is None:
            return _elapsed_origin(at)
        return self._e + max(0.0, at.mono - self._last.at.mono)


# ---------------------------------------------------------------------- pure helpers
def _elapsed_origin(at: Instant) -> float:
    return at.boot if at.boot is not None else at.mono


def _suspended_s(prev: Instant, now: Instant) -> float:
    """Seconds the machine slept between two readings (detected, not guessed)."""
    d_mono = now.mono - prev.mono
    if now.boot is not None and prev.boot is not None:
        slept = (now.boot - prev.boot) - d_mono
    else:  # no boottime: a forward wall jump looks like a suspend (documented limit)
        slept = (now.utc_ts - prev.utc_ts) - d_mono
    return slept if slept > 1.0 else 0.0


def _shifted(wall: datetime, seconds: float) -> datetime:
    """``wall`` moved by real seconds, in UTC so that a DST change in between counts."""
    if wall.tzinfo is None:
        return wall + timedelta(seconds=seconds)
    return (wall.astimezone(UTC) + timedelta(seconds=seconds)).astimezone(wall.tzinfo)


def _new_input_e(prev: Sample, sample: Sample, awake: float, e_now: float) -> float | None:
    """When input (or presence) last happened during this step, on the elapsed line."""
    if sample.locked:
        # The reading taken as the lock begins still reports the keystrokes before it; later
        # readings see the password typed on the lock screen, which is not desk time.
        if prev.locked or sample.idle_s is None:
            return None
    elif sample.present or sample.idle_s is None:
        return e_now
    if sample.idle_s < awake:
        return e_now - sample.idle_s
    return None


def _at_keys(sample: Sample, lull_s: float) -> bool:
    """Whether one reading alone shows the user at the computer."""
    if sample.locked:
        return False
    return sample.present or sample.idle_s is None or sample.idle_s < lull_s


def _gap_reason(prev: Sample, sample: Sample, suspended: float, stalled: bool) -> BoutEndReason:
    if suspended > 0.0 or stalled:
        return BoutEndReason.SUSPENDED
    if prev.locked or sample.locked:
        return BoutEndReason.LOCKED
    return BoutEndReason.AWAY


def _clamp(seconds: float) -> float:
    return _clamp_between(seconds, MIN_SAMPLE_S, MAX_SAMPLE_S)


def _clamp_between(value: float, low: float, high: float) -> float:
    return max(low, min(high, value))
