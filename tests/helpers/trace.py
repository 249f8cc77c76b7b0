"""Run an input trace through the desk-time engine the way the app does.

A trace is a list of steps: what the user and the machine did (typing, idle, presence,
lock, suspend, wall-clock jumps, reboots), what the user clicked (snooze, skip, pause ...)
and what happened to the app (crash, start, quit). The runner turns it into the samples
the coordinator would take:

- ``idle_s`` is what XScreenSaver reports: monotonic seconds since the last input, so
  suspended time is not idle time, and a reboot starts it afresh.
- Samples come from the app's timer (``engine.next_sample_in()`` or a fixed tick, re-armed
  after every sample, monotonic, so it stands still during suspend), from lock changes,
  from sleep and resume, and before every user action (the app feeds a fresh sample, then
  calls ``stand_up``/``respond``/``set_pause``/``quit``).
- Inputs at an instant come before the samples at that instant. A segment that begins
  right after a sample was taken at the same instant (a resume, a click, the app start)
  has its first input a millisecond later, as a real keystroke would.
- ``BoutProgressed`` is persisted like the sitting log does, and ``start`` after a crash
  applies ``decide_restart`` and ``DeskEngine.restore`` exactly like the coordinator.

Time jumps from one interesting moment to the next, so a simulated month takes seconds.
The runner also keeps the truth (what really happened, on a timeline ``t`` of seconds
since the trace began, suspend included) for property tests to compare against.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import UTC, datetime, tzinfo
from enum import StrEnum

from app.core.clock import Instant
from app.core.engine import DeskEngine, RestoredBout
from app.core.model import (
    BoutEnded,
    BoutEndReason,
    BoutProgressed,
    BoutStarted,
    EngineConfig,
    Event,
    PromptResolved,
    PromptResponse,
    PromptShown,
    Sample,
    Snapshot,
)
from app.core.restart import SavedActivity, decide_restart
from app.core.schedule import NO_PAUSE, Pause, PauseChoice, pause_for
from app.settings.durations import parse_duration
from tests.helpers.fake_clock import FakeClock

DEFAULT_TYPING_EVERY_S = 5.0
KEYSTROKE_AFTER_SAMPLE_S = 0.001
"""How long after a sample a segment's first input lands when both share an instant."""
_EPS = 1e-6


# ------------------------------------------------------------------------------ the trace
class Activity(StrEnum):
    """What fills a stretch of time."""

    TYPING = "type"
    """Input every ``every_s`` seconds: the first at the start, the last at the end."""
    IDLE = "idle"
    """No input, screen unlocked, nothing holds presence: reading, or gone."""
    PRESENT = "present"
    """No input, but a presence signal holds (fullscreen video, a call)."""
    LOCKED = "lock"
    SUSPENDED = "suspend"
    """The machine sleeps; the lock state stays as it was."""


@dataclass(frozen=True, slots=True)
class Segment:
    activity: Activity
    seconds: float
    every_s: float = DEFAULT_TYPING_EVERY_S
    frozen: bool = False
    """The app's process is stalled: no sample is taken until the segment ends."""
    quiet: bool = False
    """Prompts wait (a fullscreen window, do-not-disturb): readings say ``quiet``."""


@dataclass(frozen=True, slots=True)
class WallJump:
    """The wall clock is set (NTP, DST by hand, the user): no time passes."""

    seconds: float


@dataclass(frozen=True, slots=True)
class Reboot:
    """The machine is off for a while and boots again (the app must not be running)."""

    seconds_off: float


class Click(StrEnum):
    """What the user does through the app."""

    SNOOZE = "snooze"
    SKIP = "skip"
    DISMISS = "dismiss"
    DONE = "done"
    STAND_UP = "stand up"
    OPEN_STRETCH = "open stretch"
    """The user clicked the prompt (or "Stand up now"): the stretch window opens."""
    STRETCH_DONE = "stretch done"
    STRETCH_SKIP = "stretch skip"
    STRETCH_SNOOZE = "stretch snooze"
    STRETCH_CLOSE = "stretch close"
    """Esc: the window closes without an answer."""
    RESUME = "resume"
    QUIT = "quit"


@dataclass(frozen=True, slots=True)
class Action:
    click: Click


@dataclass(frozen=True, slots=True)
class PauseAction:
    choice: PauseChoice


class Lifecycle(StrEnum):
    CRASH = "crash"
    """The app dies without closing anything (kill -9, power loss)."""
    START = "start"


@dataclass(frozen=True, slots=True)
class AppStep:
    lifecycle: Lifecycle


Step = Segment | WallJump | Reboot | Action | PauseAction | AppStep


class TraceError(ValueError):
    """A step the runner cannot read or cannot do; the message names it."""


def parse_steps(lines: list[str] | tuple[str, ...]) -> tuple[Step, ...]:
    """Steps from the scenario language, one step per string (see tests/scenarios/README.md)."""
    steps: list[Step] = []
    for line in lines:
        steps.extend(parse_step(line))
    return tuple(steps)


def parse_step(text: str) -> list[Step]:
    """One line of the scenario language; ``restart after D`` stands for three steps."""
    words = text.split()
    if not words:
        raise TraceError("an empty trace step")
    verb, args = words[0].lower(), words[1:]
    try:
        return _parse_words(verb, args)
    except (TraceError, ValueError) as exc:
        raise TraceError(f"trace step {text!r}: {exc}") from None


_SEGMENT_VERBS = {
    "type": Activity.TYPING,
    "mouse": Activity.TYPING,
    "idle": Activity.IDLE,
    "present": Activity.PRESENT,
    "lock": Activity.LOCKED,
    "suspend": Activity.SUSPENDED,
}
_CLICKS = {c.value: c for c in Click}


def _parse_words(verb: str, args: list[str]) -> list[Step]:
    if verb in _SEGMENT_VERBS:
        return [_parse_segment(_SEGMENT_VERBS[verb], args)]
    if verb == "jump" and len(args) == 1 and args[0][:1] in "+-" and len(args[0]) > 1:
        sign = -1.0 if args[0][0] == "-" else 1.0
        return [WallJump(sign * _seconds(args[0][1:]))]
    if verb == "reboot" and len(args) == 1:
        return [Reboot(_seconds(args[0]))]
    if verb == "restart" and len(args) == 2 and args[0] == "after":
        return [
            AppStep(Lifecycle.CRASH),
            Segment(Activity.IDLE, _seconds(args[1])),
            AppStep(Lifecycle.START),
        ]
    if verb in ("crash", "start") and not args:
        return [AppStep(Lifecycle(verb))]
    if verb == "pause" and len(args) == 1:
        try:
            return [PauseAction(PauseChoice(args[0]))]
        except ValueError:
            choices = ", ".join(c.value for c in PauseChoice)
            raise TraceError(f"pause takes one of {choices}") from None
    phrase = " ".join([verb, *args])
    if phrase in _CLICKS:
        return [Action(_CLICKS[phrase])]
    raise TraceError("unknown step")


def _parse_segment(activity: Activity, args: list[str]) -> Segment:
    if not args:
        raise TraceError(f"{activity.value} needs a duration such as 5m")
    seconds = _seconds(args[0])
    rest = args[1:]
    frozen = bool(rest) and rest[-1] == "frozen"
    if frozen:
        rest = rest[:-1]
    quiet = bool(rest) and rest[-1] == "quiet"
    if quiet:
        rest = rest[:-1]
    every = DEFAULT_TYPING_EVERY_S
    if rest:
        if activity is not Activity.TYPING or len(rest) != 2 or rest[0] != "every":
            raise TraceError("expected 'every DURATION', 'quiet' or 'frozen' after the duration")
        every = _seconds(rest[1])
        if every <= 0:
            raise TraceError("'every' must be at least 1s")
    if activity is Activity.SUSPENDED and (frozen or quiet):
        raise TraceError("a suspended machine cannot also be frozen or quiet")
    return Segment(activity, seconds, every, frozen, quiet)


def _seconds(text: str) -> float:
    return float(parse_duration(text))


# ---------------------------------------------------------------------------- the set-up
@dataclass(frozen=True, slots=True)
class TraceSetup:
    start: datetime
    """Aware start time in the zone the user lives in (a ``ZoneInfo`` for DST)."""
    config: EngineConfig = field(default_factory=EngineConfig)
    sample_every_s: float | None = None
    """None: adaptive, like the app (``next_sample_in()``); else a fixed tick."""
    idle_source: bool = True
    boottime: bool = True
    initial_idle_s: float = 0.0
    """Seconds since the last input when the trace begins (the app starts with it)."""


# ------------------------------------------------------------------------------- results
@dataclass(slots=True)
class BoutRecord:
    """A bout as the sitting log holds it, plus where it lies on the true timeline."""

    start: datetime
    start_t: float
    estimated: bool
    end: datetime | None = None
    end_t: float | None = None
    reason: BoutEndReason | None = None
    desk_s: float = 0.0


@dataclass(slots=True)
class PromptRecord:
    at: datetime
    at_t: float
    desk_s: float
    reminders: list[datetime] = field(default_factory=list)
    response: PromptResponse | None = None
    response_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Span:
    """What really happened between ``t0`` and ``t1`` (seconds since the trace began)."""

    t0: float
    t1: float
    activity: Activity | None
    """None while the machine is off."""
    first_input_t: float = 0.0
    every_s: float = DEFAULT_TYPING_EVERY_S


@dataclass(frozen=True, slots=True)
class Journal:
    """One thing that happened, in order: an engine event, a step, or a pause set."""

    t: float
    item: Event | Step | Pause


@dataclass(slots=True)
class TraceRun:
    bouts: list[BoutRecord] = field(default_factory=list)
    prompts: list[PromptRecord] = field(default_factory=list)
    journal: list[Journal] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    reported_inputs: list[float] = field(default_factory=list)
    """Where each app start's first reading put the last input (``t`` minus ``idle_s``).

    A freshly started app cannot know of a sleep since that input (idle time leaves it
    out), so after a sleep this is later than the true input."""
    readings: list[float] = field(default_factory=list)
    """When the app took each reading (``t``), in order."""
    sample_delays: list[float] = field(default_factory=list)
    """Every ``next_sample_in()`` the engine answered (adaptive and fixed runs alike)."""
    awake_s: float = 0.0
    end_t: float = 0.0
    snapshot: Snapshot | None = None
    """The last snapshot, when the app was running at the end of the trace."""


# --------------------------------------------------------------------------------- clock
class ZonedClock:
    """A ``FakeClock`` kept in UTC and read in the user's zone.

    Wall arithmetic on aware local datetimes ignores DST changes; doing it in UTC and
    converting on each reading keeps wall time right on DST days, like the real clock.
    """

    def __init__(self, start: datetime, *, has_boottime: bool) -> None:
        if start.tzinfo is None:
            raise TraceError("the start time needs a time zone")
        self._zone: tzinfo = start.tzinfo
        self._clock = FakeClock(start.astimezone(UTC), has_boottime=has_boottime)

    @property
    def boot_id(self) -> str | None:
        return self._clock.boot_id

    def now(self) -> Instant:
        at = self._clock.now()
        return Instant(mono=at.mono, wall=at.wall.astimezone(self._zone), boot=at.boot)

    def advance(self, seconds: float) -> None:
        self._clock.advance(seconds)

    def suspend(self, seconds: float) -> None:
        self._clock.suspend(seconds)

    def jump_wall(self, seconds: float) -> None:
        self._clock.jump_wall(seconds)

    def reboot(self, seconds_off: float, boot_id: str) -> None:
        self._clock.reboot(seconds_off, boot_id=boot_id)


# -------------------------------------------------------------------------------- runner
@dataclass(frozen=True, slots=True)
class _Saved:
    """The open bout as the sitting log last stored it."""

    start: datetime
    last_activity: datetime
    last_activity_t: float
    desk_s: float
    estimated: bool
    mono: float | None
    """None until the first ``BoutProgressed``: the row then has its start only."""
    boot: float | None
    boot_id: str | None


def run_trace(setup: TraceSetup, steps: tuple[Step, ...] | list[Step]) -> TraceRun:
    """Play ``steps`` from ``setup.start`` with the app running from the first instant."""
    runner = _Runner(setup)
    for step in steps:
        runner.play(step)
    return runner.finish()


class _Runner:
    def __init__(self, setup: TraceSetup) -> None:
        self._setup = setup
        self._clock = ZonedClock(setup.start, has_boottime=setup.boottime)
        self._mono = self._clock.now().mono
        self._t = 0.0
        self._last_input_mono = self._mono - setup.initial_idle_s
        self._typing: tuple[float, float, float] | None = None
        """(first input, last input, every) on the monotonic clock."""
        self._locked = False
        self._present = False
        self._quiet = False
        self._frozen = False
        self._last_sample_mono: float | None = None
        self._next_sample_mono = math.inf
        self._engine: DeskEngine | None = None
        self._pause = NO_PAUSE
        """What ``state.toml`` holds: survives a restart of the app."""
        self._saved: _Saved | None = None
        self._boots = 1
        self._wall_minus_t = 0.0
        self._run = TraceRun()
        self._start_app()

    # ------------------------------------------------------------------ steps
    def play(self, step: Step) -> None:
        if not isinstance(step, Action | PauseAction):  # those after their fresh reading
            self._run.journal.append(Journal(self._t, step))
        match step:
            case Segment(activity=Activity.SUSPENDED):
                self._suspend(step.seconds)
            case Segment():
                self._awake(step)
            case WallJump():
                self._clock.jump_wall(step.seconds)
            case Reboot():
                self._reboot(step.seconds_off)
            case Action():
                self._click(step.click)
            case PauseAction():
                self._set_pause(step.choice)
            case AppStep(lifecycle=Lifecycle.CRASH):
                self._require_running("crash")
                self._engine = None
            case AppStep(lifecycle=Lifecycle.START):
                if self._engine is not None:
                    raise TraceError("'start': the app is already running")
                self._start_app()

    def finish(self) -> TraceRun:
        run = self._run
        run.end_t = self._t
        run.snapshot = self._engine.snapshot() if self._engine is not None else None
        return run

    # ------------------------------------------------------------------ time passing
    def _awake(self, segment: Segment) -> None:
        t0 = self._t
        self._begin(segment)
        end_mono = self._mono + segment.seconds
        while True:
            target = end_mono
            sampling = self._engine is not None and not self._frozen
            if sampling and self._next_sample_mono < end_mono:
                target = self._next_sample_mono
            self._advance_to(target)
            if sampling and self._next_sample_mono <= self._mono + _EPS:
                self._sample()
            if self._mono >= end_mono - _EPS:
                break
        if self._frozen:
            self._frozen = False
            if self._engine is not None:
                self._sample()  # the stalled timer fires at last
        self._add_span(t0, segment)
        self._run.awake_s += segment.seconds

    def _begin(self, segment: Segment) -> None:
        """The new segment's state, then the samples its changes trigger in the app."""
        activity = segment.activity
        self._present = activity is Activity.PRESENT
        self._quiet = segment.quiet
        self._frozen = segment.frozen
        self._typing = None
        if activity is Activity.TYPING:
            first = self._mono
            if self._last_sample_mono is not None and self._last_sample_mono >= first - _EPS:
                first += KEYSTROKE_AFTER_SAMPLE_S
            self._typing = (first, self._mono + segment.seconds, segment.every_s)
            self._note_inputs()
        locked = activity is Activity.LOCKED
        if locked != self._locked:
            self._locked = locked
            if self._engine is not None and not self._frozen:
                self._sample()  # lock_changed

    def _suspend(self, seconds: float) -> None:
        self._present = False
        self._quiet = False
        self._typing = None
        if self._engine is not None:
            self._sample()  # PrepareForSleep(True)
        self._clock.suspend(seconds)
        self._run.spans.append(Span(self._t, self._t + seconds, Activity.SUSPENDED))
        self._t += seconds
        if self._engine is not None:
            self._sample()  # PrepareForSleep(False)

    def _reboot(self, seconds_off: float) -> None:
        if self._engine is not None:
            raise TraceError("'reboot': quit or crash the app first")
        self._boots += 1
        self._clock.reboot(seconds_off, boot_id=f"boot-{self._boots}")
        self._run.spans.append(Span(self._t, self._t + seconds_off, None))
        self._t += seconds_off
        self._mono = self._clock.now().mono
        # Logging in on the fresh boot is input, and the new X server's idle counts from it.
        self._last_input_mono = self._mono
        self._run.spans.append(Span(self._t, self._t, Activity.TYPING, first_input_t=self._t))
        self._typing = None
        self._locked = False
        self._present = False
        self._quiet = False
        self._last_sample_mono = None

    def _advance_to(self, mono: float) -> None:
        step = mono - self._mono
        if step > 0:
            self._clock.advance(step)
            self._t += step
            self._mono = mono
        self._note_inputs()

    def _note_inputs(self) -> None:
        if self._typing is None:
            return
        first, last, every = self._typing
        if self._mono < first - _EPS:
            return
        if self._mono >= last - _EPS:
            newest = last
        else:
            newest = first + math.floor((self._mono - first) / every + _EPS) * every
        self._last_input_mono = max(self._last_input_mono, newest)

    def _add_span(self, t0: float, segment: Segment) -> None:
        first_t = t0
        if self._typing is not None:
            first_t = t0 + (self._typing[0] - (self._typing[1] - segment.seconds))
        self._run.spans.append(
            Span(t0, self._t, segment.activity, first_input_t=first_t, every_s=segment.every_s)
        )

    # ------------------------------------------------------------------ the app
    def _start_app(self) -> None:
        engine = DeskEngine(self._setup.config, pause=self._pause)
        self._engine = engine
        now = self._clock.now()
        saved = self._saved
        if saved is not None:
            self._saved = None
            self._recover(engine, saved, now)
        if self._setup.idle_source:
            self._run.reported_inputs.append(self._t - (now.mono - self._last_input_mono))
        self._sample()

    def _recover(self, engine: DeskEngine, saved: _Saved, now: Instant) -> None:
        activity = SavedActivity(
            wall=saved.last_activity, mono=saved.mono, boot=saved.boot, boot_id=saved.boot_id
        )
        decision = decide_restart(activity, now, self._clock.boot_id, engine.config.away_s)
        if decision.resume:
            engine.restore(
                RestoredBout(
                    start=saved.start,
                    last_activity=saved.last_activity,
                    since_activity_s=decision.since_activity_s,
                    desk_s=saved.desk_s,
                    estimated=saved.estimated,
                ),
                now,
            )
            return
        bout = self._run.bouts[-1]
        bout.end = saved.last_activity
        bout.end_t = saved.last_activity_t
        bout.reason = BoutEndReason.CRASH
        bout.desk_s = saved.desk_s

    def _require_running(self, what: str) -> DeskEngine:
        if self._engine is None:
            raise TraceError(f"{what!r}: the app is not running")
        return self._engine

    def _click(self, click: Click) -> None:
        engine = self._require_running(click.value)
        at = self._sample()
        self._run.journal.append(Journal(self._t, Action(click)))
        match click:
            case Click.STAND_UP:
                events = engine.stand_up(at)
            case Click.OPEN_STRETCH:
                events = engine.open_stretch(at)
            case Click.STRETCH_DONE | Click.STRETCH_SKIP | Click.STRETCH_SNOOZE:
                events = engine.close_stretch(_STRETCH_RESPONSES[click], at)
            case Click.STRETCH_CLOSE:
                events = engine.close_stretch(None, at)
            case Click.QUIT:
                events = engine.quit(at)
            case Click.RESUME:
                self._pause = NO_PAUSE
                self._run.journal.append(Journal(self._t, NO_PAUSE))
                events = engine.set_pause(NO_PAUSE, at)
            case _:
                events = engine.respond(_RESPONSES[click], at)
        self._record(events, at)
        if click is Click.QUIT:
            self._engine = None
            self._saved = None
        else:
            self._rearm(engine, at)

    def _set_pause(self, choice: PauseChoice) -> None:
        engine = self._require_running(f"pause {choice.value}")
        at = self._sample()
        self._run.journal.append(Journal(self._t, PauseAction(choice)))
        self._pause = pause_for(choice, at.wall, engine.config.working_hours)
        self._run.journal.append(Journal(self._t, self._pause))
        self._record(engine.set_pause(self._pause, at), at)
        self._rearm(engine, at)

    def _sample(self) -> Instant:
        engine = self._engine
        assert engine is not None
        at = self._clock.now()
        idle = at.mono - self._last_input_mono if self._setup.idle_source else None
        sample = Sample(
            at=at, idle_s=idle, locked=self._locked, present=self._present, quiet=self._quiet
        )
        self._run.readings.append(self._t)
        self._last_sample_mono = at.mono
        self._record(engine.feed(sample), at)
        self._rearm(engine, at)
        return at

    def _rearm(self, engine: DeskEngine, at: Instant) -> None:
        delay = engine.next_sample_in()
        self._run.sample_delays.append(delay)
        every = self._setup.sample_every_s
        self._next_sample_mono = at.mono + (delay if every is None else every)

    # ------------------------------------------------------------------ the log
    def _record(self, events: list[Event], at: Instant) -> None:
        if not events:
            return
        self._wall_minus_t = at.utc_ts - self._t
        run = self._run
        for event in events:
            run.journal.append(Journal(self._t, event))
            match event:
                case BoutStarted():
                    start_t = self._t_of(event.start)
                    run.bouts.append(BoutRecord(event.start, start_t, event.estimated))
                    # The coordinator opens the row with the start as its last activity.
                    self._saved = _Saved(
                        event.start, event.start, start_t, 0.0, event.estimated, None, None, None
                    )
                case BoutProgressed():
                    bout = run.bouts[-1]
                    bout.start = event.start
                    bout.desk_s = event.desk_s
                    bout.estimated = event.estimated
                    self._saved = _Saved(
                        start=event.start,
                        last_activity=event.last_activity,
                        last_activity_t=self._t_of(event.last_activity),
                        desk_s=event.desk_s,
                        estimated=event.estimated,
                        mono=event.last_activity_mono,
                        boot=event.last_activity_boot,
                        boot_id=self._clock.boot_id,
                    )
                case BoutEnded():
                    bout = run.bouts[-1]
                    bout.end = event.end
                    bout.end_t = self._t_of(event.end)
                    bout.reason = event.reason
                    bout.desk_s = event.desk_s
                    self._saved = None
                case PromptShown(reminder=0):
                    run.prompts.append(PromptRecord(event.at, self._t_of(event.at), event.desk_s))
                case PromptShown():
                    run.prompts[-1].reminders.append(event.at)
                case PromptResolved():
                    prompt = run.prompts[-1]
                    prompt.response = event.response
                    prompt.response_at = event.at

    def _t_of(self, wall: datetime) -> float:
        """Where a wall time the engine just reported lies on the true timeline."""
        return wall.timestamp() - self._wall_minus_t


_STRETCH_RESPONSES = {
    Click.STRETCH_DONE: PromptResponse.DONE,
    Click.STRETCH_SKIP: PromptResponse.SKIP,
    Click.STRETCH_SNOOZE: PromptResponse.SNOOZE,
}
_RESPONSES = {
    Click.SNOOZE: PromptResponse.SNOOZE,
    Click.SKIP: PromptResponse.SKIP,
    Click.DISMISS: PromptResponse.DISMISSED,
    Click.DONE: PromptResponse.DONE,
}
