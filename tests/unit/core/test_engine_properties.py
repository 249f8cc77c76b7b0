"""Invariants of the desk-time engine over random traces (hypothesis).

Each trace is a list of steps in the scenario language (tests/scenarios/README.md), so a
falsifying example can be pasted into a scenario file as it is. The runner keeps the truth
(what the user and the machine really did) next to what the engine logged, and every
property compares the two. The ``ci`` profile (tests/conftest.py) fixes the example count
and derandomizes.
"""

from __future__ import annotations

import bisect
import itertools
import math
from dataclasses import replace
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from app.core.engine import AWAY_SAMPLE_S, MAX_SAMPLE_S, MIN_SAMPLE_S
from app.core.model import BoutStarted, EngineConfig, PromptShown
from app.core.schedule import NO_PAUSE, Pause, TimeRange, WorkingHours
from tests.helpers.trace import (
    Action,
    Activity,
    Click,
    Span,
    TraceRun,
    TraceSetup,
    parse_steps,
    run_trace,
)

ZONE = ZoneInfo("Europe/Berlin")
FIRST_START = datetime(2026, 3, 27, 0, 0, tzinfo=ZONE)
"""Starts fall in the four days from here, so some traces cross the spring DST change."""
EPS = 1e-3
OFFICE = WorkingHours(enabled=True, ranges={d: (TimeRange(time(9), time(17)),) for d in range(5)})
NIGHT_SHIFT = WorkingHours(
    enabled=True, ranges={d: (TimeRange(time(22), time(6)),) for d in range(7)}
)
ANSWERS = ["snooze", "skip", "dismiss", "done", "stand up"]
PAUSE_MENU = ["pause 30m", "pause 1h", "pause 2h", "pause tomorrow", "pause indefinitely", "resume"]


# ------------------------------------------------------------------------- strategies
@st.composite
def configs(draw: st.DrawFn) -> EngineConfig:
    """Shorter windows than the defaults, so that short traces reach prompts."""
    window_start_min = draw(st.integers(2, 15))
    return EngineConfig(
        window_start_s=window_start_min * 60.0,
        window_end_s=(window_start_min + draw(st.integers(0, 15))) * 60.0,
        away_s=float(draw(st.integers(60, 300))),
        lull_s=float(draw(st.integers(5, 30))),
        snooze_s=float(draw(st.integers(60, 900))),
        remind_after_s=float(draw(st.integers(60, 600))),
        max_reminders=draw(st.integers(0, 3)),
        working_hours=draw(st.sampled_from([WorkingHours(), WorkingHours(), OFFICE, NIGHT_SHIFT])),
    )


starts = st.integers(0, 4 * 24 * 60).map(
    lambda minutes: (FIRST_START.astimezone(UTC) + timedelta(minutes=minutes)).astimezone(ZONE)
)


def _typing(longest_s: int, shortest_s: int = 1) -> st.SearchStrategy[list[str]]:
    return st.builds(
        lambda d, every: [f"type {d}s every {every}s"],
        st.integers(shortest_s, longest_s),
        st.integers(1, 30),
    )


def _segment(verb: str, lo: int, hi: int) -> st.SearchStrategy[list[str]]:
    return st.integers(lo, hi).map(lambda d: [f"{verb} {d}s"])


_jumps = st.builds(
    lambda sign, d: [f"jump {sign}{d}s"], st.sampled_from("+-"), st.integers(1, 10800)
)
_clicks = st.one_of(
    st.sampled_from(ANSWERS), st.sampled_from(ANSWERS), st.sampled_from(PAUSE_MENU)
).map(lambda click: [click])
_restarts = st.integers(1, 600).map(lambda d: [f"restart after {d}s"])
_reboots = st.integers(1, 7200).map(lambda d: ["crash", f"reboot {d}s", "start"])


def _flatten(pieces: list[list[str]]) -> list[str]:
    return [step for piece in pieces for step in piece]


@st.composite
def cases(draw: st.DrawFn) -> tuple[TraceSetup, list[str]]:
    """A set-up and a trace for it.

    Sleeps last at least 2 s: suspend is detected to the second, so a shorter one is
    indistinguishable from a late timer. Wall-clock jumps come only with boottime: without
    it a forward jump *is* a suspend to the engine (DESIGN.md), which no truth can judge.
    """
    setup = TraceSetup(
        start=draw(starts),
        config=draw(configs()),
        sample_every_s=draw(st.sampled_from([None, 15.0])),
        idle_source=draw(st.booleans()),
        boottime=draw(st.booleans()),
    )
    typing = _typing(1200, shortest_s=60)
    pauses = _segment("idle", 1, 90)  # lulls, reading, and just too long for a lull
    pieces = [typing, typing, typing, typing, typing, pauses, pauses, pauses]
    pieces += [_segment("idle", 1, 900), _segment("present", 1, 1800)]
    pieces += [_segment("lock", 1, 900), _segment("suspend", 2, 10800)]
    pieces += [_clicks, _clicks, st.one_of(_restarts, _reboots)]
    if setup.boottime:
        pieces.append(_jumps)
    steps = draw(st.lists(st.one_of(pieces), min_size=4, max_size=30).map(_flatten))
    return setup, steps


# Short traces for the 1 s run. A presence signal is only seen at readings, so when it
# ends the user goes back to the keys: otherwise where a 15 s run puts the bout's end could
# decide whether the next pause reaches the away threshold at all.
short_traces = st.lists(
    st.one_of(
        _typing(240),
        _typing(240),
        _segment("idle", 1, 400),
        st.builds(
            lambda d, t: [f"present {d}s", f"type {t}s"], st.integers(15, 240), st.integers(1, 60)
        ),
        _segment("lock", 1, 400),
        _segment("suspend", 2, 7200),
        _jumps,
        _clicks,
    ),
    min_size=1,
    max_size=12,
).map(_flatten)


# ------------------------------------------------------------------------------ truth
def _activity(setup: TraceSetup, run: TraceRun) -> list[tuple[float, float]]:
    """When the user acted (input, presence), merged into intervals on the true timeline.

    Inside one typing span inputs are at most 30 s apart, less than any away threshold
    drawn here, so a span counts as one interval. The last input as each app start saw it
    counts too: a fresh app cannot know of a sleep before it started.
    """
    found = [(-setup.initial_idle_s, -setup.initial_idle_s)]
    found += [(t, t) for t in run.reported_inputs]
    for span in run.spans:
        if span.activity is Activity.TYPING:
            found.append((span.first_input_t, span.t1))
        elif span.activity is Activity.PRESENT:
            found.append((span.t0, span.t1))
    found.sort()
    merged = [found[0]]
    for a, b in found[1:]:
        if a <= merged[-1][1] + EPS:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return merged


def _gaps(intervals: list[tuple[float, float]], at_least: float) -> list[tuple[float, float]]:
    pairs = itertools.pairwise(intervals)
    return [(a[1], b[0]) for a, b in pairs if b[0] - a[1] >= at_least - EPS]


def _blocked(span: Span) -> bool:
    """No desk time can be credited: locked, asleep or switched off."""
    return span.activity in (Activity.LOCKED, Activity.SUSPENDED, None)


def _dark_stretches(run: TraceRun) -> list[tuple[float, float]]:
    """Stretches without a single awake, unlocked moment: a lock with the sleeps taken
    while locked, a sleep, the machine off. Without an idle source an unlocked reading is
    all the engine knows of presence, so this is what must end an estimated bout."""
    stretches: list[tuple[float, float]] = []
    locked = False
    for span in run.spans:
        continues = locked and span.activity in (Activity.LOCKED, Activity.SUSPENDED)
        if continues and abs(stretches[-1][1] - span.t0) < EPS:
            stretches[-1] = (stretches[-1][0], span.t1)
        elif _blocked(span):
            stretches.append((span.t0, span.t1))
        locked = span.activity is Activity.LOCKED or continues
    return stretches


def _creditable_s(run: TraceRun, a: float, b: float) -> float:
    blocked = sum(
        max(0.0, min(b, s.t1) - max(a, s.t0)) for s in run.spans if _blocked(s) and s.t1 > a
    )
    return (b - a) - blocked


def _away_inside(stretch: tuple[float, float], away_s: float, a: float, b: float) -> bool:
    """Whether some instant of ``(a, b)`` lies at least ``away_s`` into ``stretch``."""
    return max(a, stretch[0] + away_s) < min(b, stretch[1]) - EPS


def _span_at(run: TraceRun, t: float) -> Span | None:
    return next((s for s in run.spans if s.t0 + EPS < t < s.t1 - EPS), None)


# ------------------------------------------------------------------------- invariants
def assert_invariants(setup: TraceSetup, run: TraceRun) -> None:
    cfg = setup.config
    assert all(MIN_SAMPLE_S <= d <= MAX_SAMPLE_S for d in run.sample_delays), "next_sample_in"
    bouts = run.bouts
    assert all(b.end is not None for b in bouts), "the trace ends with quit: all bouts closed"
    assert sum(b.desk_s for b in bouts) <= run.awake_s + EPS, "more desk time than awake time"
    gaps = _gaps(_activity(setup, run), cfg.away_s)
    dark = [s for s in _dark_stretches(run) if s[1] - s[0] >= cfg.away_s - EPS]
    for i, bout in enumerate(bouts, 1):
        assert bout.end is not None
        assert bout.end_t is not None
        s, e = bout.start_t, bout.end_t
        assert e >= s - EPS, f"bout {i} ends before it starts on the true timeline"
        assert bout.end >= bout.start, f"bout {i}: the log holds an end before its start"
        assert bout.desk_s <= e - s + EPS, f"bout {i}: more desk time than its length"
        assert bout.desk_s <= _creditable_s(run, s, e) + EPS, (
            f"bout {i}: credited locked, suspended or switched-off time"
        )
        if not bout.estimated:
            assert not [g for g in gaps if _away_inside(g, cfg.away_s, s, e)], (
                f"bout {i} goes on after the user was idle for the away threshold"
            )
        else:
            assert not [d for d in dark if _away_inside(d, cfg.away_s, s, e)], (
                f"estimated bout {i} spans a lock or suspend of at least the away threshold"
            )
    for earlier, later in itertools.pairwise(bouts):
        assert earlier.end_t is not None
        assert earlier.end_t <= later.start_t + EPS, "bouts overlap"
    _assert_prompt_invariants(setup, run)


def _assert_prompt_invariants(setup: TraceSetup, run: TraceRun) -> None:
    cfg = setup.config
    intervals = _activity(setup, run)
    pause: Pause = NO_PAUSE
    snoozed = False
    for entry in run.journal:
        match entry.item:
            case Pause():
                pause = entry.item
            case BoutStarted():
                snoozed = False
            case Action(click=Click.SNOOZE):
                snoozed = True
            case PromptShown() as shown:
                where = f"prompt at {shown.at:%Y-%m-%d %H:%M:%S%z}"
                assert not pause.active(shown.at), f"{where}: while paused"
                assert not cfg.working_hours.is_quiet(shown.at), f"{where}: outside working hours"
                if shown.reminder == 0:
                    assert shown.desk_s >= cfg.window_start_s - EPS or snoozed, (
                        f"{where}: before the window opened, without a snooze"
                    )
                span = _span_at(run, entry.t)
                assert span is None or span.activity is not Activity.LOCKED, f"{where}: locked"
                if setup.idle_source:
                    earlier = bisect.bisect_left(run.readings, entry.t - EPS)
                    before = run.readings[earlier - 1] if earlier else -math.inf
                    assert any(a <= entry.t + EPS and b >= before for a, b in intervals), (
                        f"{where}: nobody acted since the reading before (an empty chair)"
                    )
            case _:
                pass


# ------------------------------------------------------------------------------ tests
@given(case=cases())
def test_invariants_hold_on_any_trace(case: tuple[TraceSetup, list[str]]) -> None:
    setup, steps = case
    run = run_trace(setup, parse_steps([*steps, "quit"]))
    assert_invariants(setup, run)


def _bout_times(run: TraceRun) -> list[tuple[float, float]]:
    return [(b.start_t, b.end_t if b.end_t is not None else math.inf) for b in run.bouts]


def _assert_close(a: TraceRun, b: TraceRun, *, ends_within: float, starts_within: float) -> None:
    assert len(a.bouts) == len(b.bouts), f"{_bout_times(a)} vs {_bout_times(b)}"
    for (a_start, a_end), (b_start, b_end) in zip(_bout_times(a), _bout_times(b), strict=True):
        assert abs(a_end - b_end) <= ends_within + EPS, f"ends {a_end} vs {b_end}"
        assert abs(a_start - b_start) <= starts_within + EPS, f"starts {a_start} vs {b_start}"


@given(start=starts, config=configs(), steps=short_traces)
def test_bout_ends_barely_depend_on_the_sampling(
    start: datetime, config: EngineConfig, steps: list[str]
) -> None:
    """Retroactive ends: every 1 s or every 15 s, bout ends differ by one interval at most;
    the app's adaptive sampling, which reads exactly at the thresholds, ends bouts where the
    1 s run does (it reads once a minute while nobody sits, so starts may be later).

    A 15 s tick cannot tell a return a few seconds before the away threshold from one
    after it (it sees the newest input, not the first), nor one exactly at it: traces with
    a pause in that band are left to the adaptive comparison.
    """
    setup = TraceSetup(start=start, config=config)
    parsed = parse_steps([*steps, "quit"])
    runs = {
        every: run_trace(replace(setup, sample_every_s=every), parsed)
        for every in (1.0, 15.0, None)
    }
    for every, run in runs.items():
        assert_invariants(replace(setup, sample_every_s=every), run)
    _assert_close(runs[None], runs[1.0], ends_within=1.0, starts_within=AWAY_SAMPLE_S)
    pauses = _gaps(_activity(setup, runs[1.0]), at_least=0.0)
    if all(not (config.away_s - 15.0 <= b - a <= config.away_s + 1.0) for a, b in pauses):
        _assert_close(runs[15.0], runs[1.0], ends_within=15.0, starts_within=15.0)


def test_a_month_of_work_days_keeps_every_invariant() -> None:
    """Thirty simulated days through the app's own sampling, in well under a second."""
    day = [
        "type 50m",
        "idle 22s",  # a lull inside the window: the prompt
        "type 10m",
        "snooze",
        "type 15m",  # the snooze comes back after 10 min of desk time
        "done",
        "idle 5m",
        "type 2h every 3s",
        "lock 30m",  # lunch
        "type 1h",
        "present 40m",  # a call
        "type 30m",
        "idle 10m",
        "type 1h",
        "suspend 16h49m38s",  # the night: the day is 24 h in all
    ]
    setup = TraceSetup(start=datetime(2026, 3, 2, 8, 0, tzinfo=ZONE))
    run = run_trace(setup, parse_steps(day * 30 + ["quit"]))
    assert_invariants(setup, run)
    assert run.end_t == 30 * 24 * 3600
    # Every day: the morning ends with Done, the next bout with the lunch lock, the one
    # after it with the 10-minute break at 14:00, the last with the night's suspend.
    reasons = [b.reason for b in run.bouts]
    assert reasons == ["stand_up", "locked", "away", "suspended"] * 30
    # The lull prompt is snoozed and its return answered with Done; the 2 h bouts get a
    # prompt at the upper bound that no one answers through its re-reminders.
    responses = [p.response for p in run.prompts]
    assert responses == ["snooze", "done", "no_answer", "no_answer"] * 30
