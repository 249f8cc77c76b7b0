"""Generate years of realistic sitting history, written through ``SittingLog``.

An office worker in Berlin: on most weekdays the app runs from about 08:30 to 18:00, with
bouts of 10 to 100 minutes between short breaks, a prompt in most long bouts (followed
about half the time, often with a stretch), a lunch walk on most days, a routine twice a
week and the day-rollover's goal verdict. Weekends have a short session now and then.
The same seed gives the same history, so tests can reuse it and benchmarks compare.

    python -m benchmarks.history OUT.db --years 10 --seed 1
"""

from __future__ import annotations

import argparse
import random
import sys
import time as clock
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from pathlib import Path
from typing import TypeVar
from zoneinfo import ZoneInfo

from app.core.goals import DayGoalResult
from app.core.model import BoutEndReason, PromptResponse
from app.storage.log import SittingLog
from app.storage.records import SessionEndReason

BERLIN = ZoneInfo("Europe/Berlin")
T = TypeVar("T")

_EXERCISES = (
    ("standing-hamstring", "Standing hamstring stretch", "stretch", ("hamstrings",)),
    ("hip-flexor-lunge", "Hip flexor lunge", "stretch", ("hip-flexors", "quads")),
    ("glute-squeeze", "Standing glute squeeze", "activation", ("glutes",)),
    ("calf-raise", "Calf raises", "strength", ("calves", "ankles")),
    ("cat-cow", "Standing cat-cow", "mobility", ("erector-spinae", "core")),
    ("quad-stretch", "Standing quad stretch", "stretch", ("quads",)),
)
_PROMPT_OUTCOMES = (
    (PromptResponse.DONE, 0.45),
    (PromptResponse.NATURAL_BREAK, 0.15),
    (PromptResponse.SNOOZE, 0.15),
    (PromptResponse.SKIP, 0.15),
    (PromptResponse.NO_ANSWER, 0.10),
)
_BREAK_REASONS = (
    (BoutEndReason.AWAY, 0.6),
    (BoutEndReason.STAND_UP, 0.25),
    (BoutEndReason.LOCKED, 0.15),
)


@dataclass(frozen=True, slots=True)
class HistoryStats:
    first_day: date
    last_day: date
    sessions: int
    bouts: int
    prompts: int
    seconds: float
    """How long writing took."""


def build_history(
    path: Path,
    years: float,
    seed: int,
    *,
    last_day: date | None = None,
    tz: tzinfo = BERLIN,
) -> HistoryStats:
    """Write ``years`` of history ending on ``last_day`` (default: yesterday) to ``path``."""
    started = clock.perf_counter()
    rng = random.Random(seed)
    end = last_day or (date.today() - timedelta(days=1))
    first = end - timedelta(days=round(years * 365.25) - 1)
    counts = [0, 0, 0]
    with SittingLog.open(path) as log:
        day = first
        while day <= end:
            _write_day(log, rng, day, tz, counts)
            day += timedelta(days=1)
    return HistoryStats(
        first_day=first,
        last_day=end,
        sessions=counts[0],
        bouts=counts[1],
        prompts=counts[2],
        seconds=clock.perf_counter() - started,
    )


def _write_day(
    log: SittingLog, rng: random.Random, day: date, tz: tzinfo, counts: list[int]
) -> None:
    workday = day.weekday() < 5 and rng.random() > 0.08  # holidays and sick days off
    if workday:
        start = _local(day, time(8), tz) + timedelta(minutes=rng.uniform(0, 75))
        stop = _local(day, time(17), tz) + timedelta(minutes=rng.uniform(0, 120))
    elif rng.random() < 0.3:
        start = _local(day, time(10), tz) + timedelta(minutes=rng.uniform(0, 240))
        stop = start + timedelta(minutes=rng.uniform(30, 150))
    else:
        return
    session = log.start_session(start, "generated", "history")
    counts[0] += 1
    moment = start + timedelta(minutes=rng.uniform(2, 15))
    walked = stretched = 0.0
    glutes = False
    lunch_done = False
    while moment < stop - timedelta(minutes=15):
        length = min(rng.lognormvariate(3.4, 0.55) * 60, 110 * 60)
        bout_end = min(moment + timedelta(seconds=length), stop)
        desk_s = (bout_end - moment).total_seconds() * rng.uniform(0.85, 1.0)
        bout = log.open_bout(session, moment, estimated=False, last_activity=moment)
        counts[1] += 1
        reason = _pick(rng, _BREAK_REASONS)
        if desk_s > 45 * 60:
            shown = moment + timedelta(seconds=45 * 60 + rng.uniform(0, 600))
            if shown < bout_end:
                prompt = log.add_prompt(bout, shown, (shown - moment).total_seconds() * 0.9)
                counts[2] += 1
                outcome = _pick(rng, _PROMPT_OUTCOMES)
                answered = min(shown + timedelta(seconds=rng.uniform(5, 300)), bout_end)
                log.resolve_prompt(prompt, answered, outcome)
                if outcome is PromptResponse.DONE:
                    bout_end, reason = answered, BoutEndReason.STAND_UP
                    desk_s = min(desk_s, (bout_end - moment).total_seconds())
                    exercise_id, name, category, muscles = rng.choice(_EXERCISES)
                    row = log.record_exercise_shown(
                        prompt, answered, exercise_id, name, muscles, category=category
                    )
                    took = rng.uniform(40, 150)
                    log.resolve_exercise_shown(row, "done", answered + timedelta(seconds=took))
                    if category in ("stretch", "mobility"):
                        stretched += took
                    glutes = glutes or "glutes" in muscles
        log.close_bout(bout, bout_end, reason, max(desk_s, 0.0))
        pause = timedelta(minutes=rng.uniform(3, 15))
        if not lunch_done and bout_end.hour >= 12 and workday:
            lunch_done = True
            if rng.random() < 0.6:
                walk_s = rng.uniform(10, 35) * 60
                log.add_walk(bout_end + timedelta(minutes=2), walk_s, "manual")
                walked += walk_s
            pause = timedelta(minutes=rng.uniform(35, 60))
        moment = bout_end + pause
    if workday and day.weekday() in (1, 3) and rng.random() < 0.7:
        glutes = _routine(log, rng, min(moment, stop - timedelta(minutes=10))) or glutes
    log.end_session(session, max(stop, moment), SessionEndReason.QUIT)
    log.close_day(
        DayGoalResult(
            day=day,
            walk_s=walked,
            walk_goal_s=30 * 60,
            stretch_s=stretched,
            stretch_goal_s=10 * 60,
            glute_done=glutes,
            strength_planned=day.weekday() in (0, 2, 4),
            strength_done=False,
            closed_at=_local(day + timedelta(days=1), time(0, 5), tz),
        )
    )


def _routine(log: SittingLog, rng: random.Random, start: datetime) -> bool:
    run = log.start_routine_run("desk-reset", "Desk reset", start)
    moment = start
    glutes = False
    for exercise_id, name, category, muscles in rng.sample(_EXERCISES, 3):
        active = rng.uniform(45, 120)
        moment += timedelta(seconds=active + 15)
        log.record_routine_step(
            run,
            exercise_id=exercise_id,
            name=name,
            category=category,
            muscles=muscles,
            active_s=active,
            outcome="done",
            at=moment,
        )
        glutes = glutes or "glutes" in muscles
    log.finish_routine_run(run, moment, "completed", (moment - start).total_seconds())
    return glutes


def _pick(rng: random.Random, weighted: tuple[tuple[T, float], ...]) -> T:
    return rng.choices([value for value, _ in weighted], [weight for _, weight in weighted])[0]


def _local(day: date, at: time, tz: tzinfo) -> datetime:
    return datetime.combine(day, at, tzinfo=tz)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("output", type=Path, help="the database file to write (must not exist)")
    parser.add_argument("--years", type=float, default=10.0)
    parser.add_argument("--seed", type=int, default=1)
    options = parser.parse_args(argv)
    if options.output.exists():
        print(f"{options.output} exists; give a new file", file=sys.stderr)
        return 2
    stats = build_history(options.output, options.years, options.seed)
    print(
        f"{stats.first_day} .. {stats.last_day}: {stats.sessions} sessions, {stats.bouts} bouts,"
        f" {stats.prompts} prompts, written in {stats.seconds:.1f} s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
