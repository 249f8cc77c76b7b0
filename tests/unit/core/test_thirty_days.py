"""Thirty simulated days of an office worker through the engine and the working-hours policy.

The days follow a fixed, seeded pattern: workdays from about 09:00 with stretches of
typing between coffee breaks, meetings (away or with the screen locked) and a lunch lock;
some evenings at the desk after hours; a Saturday session; Sundays off; the machine
sleeps every night; the month crosses the spring DST change. Nobody answers a prompt.

The expected prompts are computed here from the pattern and the configuration alone, not
from the engine: every unbroken stretch of desk time inside working hours gets its first
prompt when its desk time reaches the window's upper bound (typing every few seconds never
leaves a lull), then ``max_reminders`` re-reminders ``remind_after`` apart, then "no
answer", and the cycle starts again; walking away ends the stretch and answers a waiting
prompt with the natural break. Nothing is prompted outside working hours.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from app.core.engine import AWAY_SAMPLE_S
from app.core.model import BoutEndReason, EngineConfig, PromptResponse
from app.core.schedule import TimeRange, WorkingHours
from tests.helpers.trace import Activity, PromptRecord, Segment, Step, TraceSetup, run_trace

ZONE = ZoneInfo("Europe/Berlin")
FIRST_DAY = datetime(2026, 3, 9, 0, 0, tzinfo=ZONE)
"""A Monday; the clocks go forward on Sunday 29 March, in the third week."""
DAYS = 30
OFFICE_START = time(9, 0)
OFFICE_END = time(17, 30)
OFFICE = WorkingHours(
    enabled=True, ranges={day: (TimeRange(OFFICE_START, OFFICE_END),) for day in range(5)}
)
CONFIG = EngineConfig(working_hours=OFFICE)  # 45-60 min window, 5 min re-reminders, 2 of them
TYPING_EVERY_S = 4.0
"""Well under the lull (15 s): only the window's upper bound brings a prompt."""

STRETCH_MINUTES = (25, 40, 52, 63, 68, 80, 95, 120, 138, 143, 160)
"""Desk stretches to draw from: each at least 2 minutes from every prompt threshold, more
than the minute a bout's start may be read late."""
BREAKS = (
    (Activity.IDLE, 8),  # coffee
    (Activity.IDLE, 45),  # a meeting in another room
    (Activity.LOCKED, 30),  # a meeting, screen locked
    (Activity.IDLE, 4),  # a word with a colleague: just past the away threshold
)
LUNCH = (Activity.LOCKED, 45)
SAMPLE_SLACK_S = 10.0
"""How far past a threshold (desk seconds) the app's adaptive sampling may see it."""


@dataclass(frozen=True)
class Stretch:
    """One unbroken stretch of typing, on the trace's timeline and the wall clock."""

    start_t: float
    seconds: float
    start: datetime
    in_office: bool

    @property
    def end_t(self) -> float:
        return self.start_t + self.seconds


@dataclass
class Month:
    """The trace being written, and the stretches it holds."""

    now: datetime
    steps: list[Step] = field(default_factory=list)
    t: float = 0.0
    stretches: list[Stretch] = field(default_factory=list)

    def add(self, activity: Activity, seconds: float) -> None:
        self.steps.append(Segment(activity, seconds, every_s=TYPING_EVERY_S))
        self.t += seconds
        self.now = _plus(self.now, seconds)

    def until(self, activity: Activity, wall: datetime) -> None:
        """``activity`` until the local wall time ``wall`` (real seconds, DST included)."""
        seconds = (wall.astimezone(UTC) - self.now.astimezone(UTC)).total_seconds()
        assert seconds > 0, f"the pattern runs backwards at {self.now} -> {wall}"
        self.add(activity, seconds)

    def type_for(self, minutes: float) -> None:
        start, seconds = self.now, minutes * 60
        end = _plus(start, seconds)
        in_office = not OFFICE.is_quiet(start) and not OFFICE.is_quiet(end)
        assert in_office or (OFFICE.is_quiet(start) and OFFICE.is_quiet(end)), (
            f"a stretch from {start} to {end} crosses the office hours' edge"
        )
        self.stretches.append(Stretch(self.t, seconds, start, in_office))
        self.add(Activity.TYPING, seconds)


def _plus(wall: datetime, seconds: float) -> datetime:
    return (wall.astimezone(UTC) + timedelta(seconds=seconds)).astimezone(ZONE)


def _at(day: datetime, clock: time) -> datetime:
    return datetime.combine(day.date(), clock, tzinfo=ZONE)


def build_month(seed: int = 10) -> Month:
    rng = random.Random(seed)
    month = Month(now=FIRST_DAY)
    month.until(Activity.SUSPENDED, _at(FIRST_DAY, time(8, 55)))
    for index in range(DAYS):
        day = FIRST_DAY + timedelta(days=index)
        weekday = day.weekday()
        if weekday < 5:
            _workday(month, day, rng, evening=weekday in (1, 3))
        elif weekday == 5:
            month.until(Activity.IDLE, _at(day, time(10, 0)))
            month.type_for(130)  # the tax return: after hours, no prompts
        month.until(Activity.SUSPENDED, _at(day + timedelta(days=1), time(8, 55)))
    return month


def _workday(month: Month, day: datetime, rng: random.Random, *, evening: bool) -> None:
    month.until(Activity.IDLE, _at(day, time(9, rng.randint(2, 12))))
    lunch_at = _at(day, time(12, 30))
    last_end = _at(day, time(17, 20))
    had_lunch = False
    while True:
        minutes = rng.choice(STRETCH_MINUTES)
        if _plus(month.now, minutes * 60) > last_end:
            break
        month.type_for(minutes)
        if not had_lunch and month.now >= lunch_at:
            activity, break_minutes = LUNCH
            had_lunch = True
        else:
            activity, break_minutes = rng.choice(BREAKS)
        month.add(activity, break_minutes * 60)
    if evening:
        month.until(Activity.IDLE, _at(day, time(20, 0)))
        month.type_for(95)


# ------------------------------------------------------------------------------ the rules
@dataclass(frozen=True)
class Expected:
    prompts: int
    reminders: int
    no_answers: int
    natural_breaks: int


def expected_for(stretch: Stretch, config: EngineConfig) -> Expected:
    """The prompt cycle of one stretch, from the configuration alone."""
    if not stretch.in_office:
        return Expected(0, 0, 0, 0)
    cycle_s = config.window_end_s + (config.max_reminders + 1) * config.remind_after_s
    prompts = reminders = no_answers = natural_breaks = 0
    base = 0.0
    while base + config.window_end_s < stretch.seconds:
        prompts += 1
        shown = base + config.window_end_s
        for reminder in range(1, config.max_reminders + 1):
            if shown + reminder * config.remind_after_s < stretch.seconds:
                reminders += 1
        if base + cycle_s < stretch.seconds:
            no_answers += 1
        else:
            natural_breaks += 1  # still waiting when the user walks away
        base += cycle_s
    return Expected(prompts, reminders, no_answers, natural_breaks)


def thresholds(config: EngineConfig, up_to_s: float) -> list[float]:
    """Desk seconds at which a stretch's prompt cycle does something."""
    cycle_s = config.window_end_s + (config.max_reminders + 1) * config.remind_after_s
    points: list[float] = []
    base = 0.0
    while base < up_to_s:
        points += [base + config.window_end_s + k * config.remind_after_s for k in range(3)]
        points.append(base + cycle_s)
        base += cycle_s
    return points


def _observed(prompts: list[PromptRecord], stretch: Stretch) -> Expected:
    mine = [p for p in prompts if stretch.start_t <= p.at_t <= stretch.end_t + 1.0]
    return Expected(
        prompts=len(mine),
        reminders=sum(len(p.reminders) for p in mine),
        no_answers=sum(p.response is PromptResponse.NO_ANSWER for p in mine),
        natural_breaks=sum(p.response is PromptResponse.NATURAL_BREAK for p in mine),
    )


# ------------------------------------------------------------------------------ the tests
@pytest.fixture(scope="module")
def month() -> Month:
    return build_month()


def test_the_pattern_is_a_plausible_month(month: Month) -> None:
    """The generator itself: office stretches on weekdays, free time on evenings and
    Saturdays, every stretch clear of the thresholds so sampling cannot tip a count."""
    office = [s for s in month.stretches if s.in_office]
    after_hours = [s for s in month.stretches if not s.in_office]
    assert len(office) >= 4 * 22, "about five stretches a workday"
    assert {s.start.weekday() for s in office} == {0, 1, 2, 3, 4}
    assert {s.start.weekday() for s in after_hours} == {1, 3, 5}
    assert any(s.seconds > 2 * 3600 for s in office), "some stretches go round the cycle"
    for stretch in month.stretches:
        near = [p for p in thresholds(CONFIG, stretch.seconds) if abs(p - stretch.seconds) < 120]
        assert near == [], f"{stretch} ends within 2 min of a threshold"
    assert month.now.date() == (FIRST_DAY + timedelta(days=DAYS)).date()
    assert month.now.utcoffset() != FIRST_DAY.utcoffset(), "the month crosses the DST change"


def test_thirty_days_bring_the_prompts_the_rules_call_for_and_none_after_hours(
    month: Month,
) -> None:
    # The app starts at midnight, long after the evening's last keystroke.
    setup = TraceSetup(start=FIRST_DAY, config=CONFIG, initial_idle_s=6 * 3600)
    run = run_trace(setup, month.steps)

    assert run.end_t == pytest.approx(month.t)
    # One bout per stretch of typing: every break in the pattern is a natural break.
    assert len(run.bouts) == len(month.stretches)
    assert all(bout.reason in _NATURAL_BREAK_REASONS for bout in run.bouts[:-1])
    # A reading shows only the newest input, and nobody at the desk is read once a minute:
    # a bout starts at the input the first reading after the return sees.
    for bout, stretch in zip(run.bouts, month.stretches, strict=True):
        assert stretch.start_t <= bout.start_t <= stretch.start_t + AWAY_SAMPLE_S + 1.0
        assert stretch.seconds - AWAY_SAMPLE_S - 1.0 <= bout.desk_s <= stretch.seconds + 1.0

    # Per stretch: exactly the prompts, re-reminders and answers the rules give.
    for stretch in month.stretches:
        expected = expected_for(stretch, CONFIG)
        assert _observed(run.prompts, stretch) == expected, f"stretch {stretch}"
    total = sum((expected_for(s, CONFIG).prompts for s in month.stretches), 0)
    assert len(run.prompts) == total
    assert total >= 40, "the month has plenty of prompts to check"

    # Each prompt at the window's upper bound of its cycle, all inside office hours.
    cycle_s = CONFIG.window_end_s + (CONFIG.max_reminders + 1) * CONFIG.remind_after_s
    for prompt in run.prompts:
        assert prompt.at.weekday() < 5
        assert OFFICE_START <= prompt.at.time() < OFFICE_END, prompt
        for reminder in prompt.reminders:
            assert OFFICE_START <= reminder.astimezone(ZONE).time() < OFFICE_END
        cycle_offset = (prompt.desk_s - CONFIG.window_end_s) % cycle_s
        assert cycle_offset <= SAMPLE_SLACK_S, (
            f"prompt at {prompt.desk_s:.0f} desk seconds is not at a cycle's upper bound"
        )


_NATURAL_BREAK_REASONS = {BoutEndReason.AWAY, BoutEndReason.LOCKED, BoutEndReason.SUSPENDED}
