"""Engine scenarios from data files: an input trace in, bouts and prompts with literal times out.

Each ``tests/scenarios/*.toml`` is one story; ``tests/scenarios/README.md`` documents the
format. The trace runs through the real engine the way the app drives it
(``tests/helpers/trace.py``), and every bout and prompt must match, to the second unless
the file allows a sampling tolerance for that value.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import datetime, time, timedelta, tzinfo
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import pytest

from app.core.model import BoutEndReason, EngineConfig, PromptResponse
from app.core.schedule import TimeRange, WorkingHours
from app.settings.durations import parse_duration
from tests.helpers.trace import (
    BoutRecord,
    PromptRecord,
    Step,
    TraceRun,
    TraceSetup,
    parse_steps,
    run_trace,
)

SCENARIOS = Path(__file__).resolve().parents[2] / "scenarios"
TO_THE_SECOND = 1.0
"""Values match when they differ by less than this, unless a tolerance says otherwise."""


# --------------------------------------------------------------------------- the format
class ScenarioError(ValueError):
    """A scenario file that does not follow the format; the message names file and key."""


@dataclass(frozen=True, slots=True)
class ExpectedBout:
    start: datetime
    end: datetime | None
    """None: still open when the trace ends."""
    reason: BoutEndReason | None
    desk_s: float | None
    estimated: bool | None
    start_late_s: float
    end_early_s: float
    desk_short_s: float


@dataclass(frozen=True, slots=True)
class ExpectedPrompt:
    at: datetime
    late_s: float
    desk_s: float | None
    reminders: tuple[datetime, ...]
    response: PromptResponse | None
    """None: still waiting when the trace ends."""
    response_at: datetime | None


@dataclass(frozen=True, slots=True)
class Scenario:
    name: str
    description: str
    setup: TraceSetup
    steps: tuple[Step, ...]
    bouts: tuple[ExpectedBout, ...]
    prompts: tuple[ExpectedPrompt, ...]


_TOP_KEYS = {
    "description",
    "start",
    "timezone",
    "sampling",
    "idle_source",
    "boottime",
    "trace",
    "config",
    "bout",
    "prompt",
}
_CONFIG_DURATIONS = {
    "window_start": "window_start_s",
    "window_end": "window_end_s",
    "away": "away_s",
    "lull": "lull_s",
    "snooze": "snooze_s",
    "remind_after": "remind_after_s",
}
_DAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
_DAY_GROUPS = {"weekdays": range(5), "daily": range(7)}
_BOUT_KEYS = {
    "start",
    "end",
    "reason",
    "desk",
    "estimated",
    "start_late",
    "end_early",
    "desk_short",
}


def load_scenario(path: Path) -> Scenario:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        return _scenario(path.stem, data)
    except (tomllib.TOMLDecodeError, ValueError, KeyError, TypeError) as exc:
        raise ScenarioError(f"{path.name}: {exc}") from exc


def _scenario(name: str, data: dict[str, Any]) -> Scenario:
    unknown = set(data) - _TOP_KEYS
    if unknown:
        raise ScenarioError(f"unknown keys {sorted(unknown)}")
    try:
        zone: tzinfo = ZoneInfo(_text(data, "timezone"))
    except ZoneInfoNotFoundError:
        raise ScenarioError(f"unknown timezone {data['timezone']!r}") from None
    sampling = data.get("sampling", "adaptive")
    setup = TraceSetup(
        start=_moment(data, "start", zone).astimezone(zone),
        config=_config(data.get("config", {})),
        sample_every_s=None if sampling == "adaptive" else _duration(data, "sampling"),
        idle_source=_flag(data, "idle_source"),
        boottime=_flag(data, "boottime"),
    )
    trace = data.get("trace")
    if not isinstance(trace, list) or not all(isinstance(s, str) for s in trace):
        raise ScenarioError("'trace' must be a list of steps such as \"type 45m\"")
    return Scenario(
        name=name,
        description=_text(data, "description"),
        setup=setup,
        steps=parse_steps(trace),
        bouts=tuple(_bout(b, zone) for b in data.get("bout", [])),
        prompts=tuple(_prompt(p, zone) for p in data.get("prompt", [])),
    )


def _config(table: dict[str, Any]) -> EngineConfig:
    values: dict[str, Any] = {}
    for key, value in table.items():
        if key in _CONFIG_DURATIONS:
            values[_CONFIG_DURATIONS[key]] = _duration(table, key)
        elif key == "max_reminders":
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise ScenarioError(f"'max_reminders' must be a whole number, not {value!r}")
            values["max_reminders"] = value
        elif key == "working_hours":
            values["working_hours"] = _working_hours(value)
        else:
            raise ScenarioError(f"unknown config key {key!r}")
    return EngineConfig(**values)


def _working_hours(table: dict[str, Any]) -> WorkingHours:
    ranges: dict[int, tuple[TimeRange, ...]] = {}
    for key, spans in table.items():
        days = _DAY_GROUPS.get(key) or ([_DAYS[key]] if key in _DAYS else None)
        if days is None:
            raise ScenarioError(f"working_hours: {key!r} is not a day (mon..sun, weekdays, daily)")
        parsed = tuple(_time_range(span) for span in spans)
        for day in days:
            ranges[day] = ranges.get(day, ()) + parsed
    return WorkingHours(enabled=True, ranges=ranges)


def _time_range(text: str) -> TimeRange:
    start, _, end = text.partition("-")
    try:
        return TimeRange(time.fromisoformat(start.strip()), time.fromisoformat(end.strip()))
    except ValueError:
        raise ScenarioError(f'working_hours: {text!r} is not like "09:00-17:00"') from None


def _bout(table: dict[str, Any], zone: tzinfo) -> ExpectedBout:
    _only(table, "bout", _BOUT_KEYS)
    has_end = "end" in table
    if has_end != ("reason" in table):
        raise ScenarioError("a [[bout]] has both 'end' and 'reason', or neither (still open)")
    return ExpectedBout(
        start=_moment(table, "start", zone),
        end=_moment(table, "end", zone) if has_end else None,
        reason=BoutEndReason(table["reason"]) if has_end else None,
        desk_s=_duration(table, "desk"),
        estimated=table.get("estimated"),
        start_late_s=_duration(table, "start_late") or 0.0,
        end_early_s=_duration(table, "end_early") or 0.0,
        desk_short_s=_duration(table, "desk_short") or 0.0,
    )


def _prompt(table: dict[str, Any], zone: tzinfo) -> ExpectedPrompt:
    _only(table, "prompt", {"at", "late", "desk", "reminders", "response", "response_at"})
    response = table.get("response")
    if (response is None) != ("response_at" not in table):
        raise ScenarioError("a [[prompt]] has both 'response' and 'response_at', or neither")
    return ExpectedPrompt(
        at=_moment(table, "at", zone),
        late_s=_duration(table, "late") or 0.0,
        desk_s=_duration(table, "desk"),
        reminders=tuple(_as_moment(r, zone) for r in table.get("reminders", [])),
        response=PromptResponse(response) if response is not None else None,
        response_at=_moment(table, "response_at", zone) if response is not None else None,
    )


def _only(table: dict[str, Any], what: str, allowed: set[str]) -> None:
    unknown = set(table) - allowed
    if unknown:
        raise ScenarioError(f"unknown keys in a [[{what}]]: {sorted(unknown)}")


def _text(data: dict[str, Any], key: str) -> str:
    value = data[key]
    if not isinstance(value, str):
        raise ScenarioError(f"{key!r} must be a string")
    return value


def _flag(data: dict[str, Any], key: str) -> bool:
    value = data.get(key, True)
    if not isinstance(value, bool):
        raise ScenarioError(f"{key!r} must be true or false, not {value!r}")
    return value


def _duration(table: dict[str, Any], key: str) -> float | None:
    if key not in table:
        return None
    try:
        return float(parse_duration(table[key]))
    except ValueError as exc:
        raise ScenarioError(f"{key!r}: {exc}") from None


def _moment(table: dict[str, Any], key: str, zone: tzinfo) -> datetime:
    try:
        return _as_moment(table[key], zone)
    except ScenarioError as exc:
        raise ScenarioError(f"{key!r}: {exc}") from None


def _as_moment(value: object, zone: tzinfo) -> datetime:
    """A TOML local date-time is read in the scenario's zone; one with an offset as written."""
    if not isinstance(value, datetime):
        raise ScenarioError(f"{value!r} is not a date-time like 2026-03-02T09:40:15")
    return value if value.tzinfo is not None else value.replace(tzinfo=zone)


# ------------------------------------------------------------------------- comparison
def mismatches(scenario: Scenario, run: TraceRun) -> list[str]:
    """Every way the run differs from what the scenario expects, in words."""
    found: list[str] = []
    if len(run.bouts) != len(scenario.bouts):
        found.append(f"expected {len(scenario.bouts)} bouts, got {len(run.bouts)}")
    for i, (want, got) in enumerate(zip(scenario.bouts, run.bouts, strict=False), 1):
        found.extend(f"bout {i}: {problem}" for problem in _bout_mismatches(want, got))
    if len(run.prompts) != len(scenario.prompts):
        found.append(f"expected {len(scenario.prompts)} prompts, got {len(run.prompts)}")
    for i, (want_p, got_p) in enumerate(zip(scenario.prompts, run.prompts, strict=False), 1):
        found.extend(f"prompt {i}: {problem}" for problem in _prompt_mismatches(want_p, got_p))
    return found


def _bout_mismatches(want: ExpectedBout, got: BoutRecord) -> list[str]:
    found = _time_problems("start", want.start, got.start, late=want.start_late_s)
    if want.end is None:
        if got.end is not None:
            found.append(f"expected still open, ended {_show(got.end)} ({got.reason})")
    elif got.end is None:
        found.append(f"expected to end {_show(want.end)} ({want.reason}), still open")
    else:
        found += _time_problems("end", want.end, got.end, early=want.end_early_s)
        if got.reason != want.reason:
            found.append(f"reason: expected {want.reason}, got {got.reason}")
    if want.desk_s is not None and not (
        want.desk_s - want.desk_short_s - TO_THE_SECOND < got.desk_s < want.desk_s + TO_THE_SECOND
    ):
        found.append(f"desk: expected {_span(want.desk_s)}, got {_span(got.desk_s)}")
    if want.estimated is not None and got.estimated != want.estimated:
        found.append(f"estimated: expected {want.estimated}, got {got.estimated}")
    return found


def _prompt_mismatches(want: ExpectedPrompt, got: PromptRecord) -> list[str]:
    found = _time_problems("shown", want.at, got.at, late=want.late_s)
    if want.desk_s is not None and abs(got.desk_s - want.desk_s) >= TO_THE_SECOND + want.late_s:
        found.append(f"desk: expected {_span(want.desk_s)}, got {_span(got.desk_s)}")
    if len(got.reminders) != len(want.reminders):
        shown = ", ".join(_show(r) for r in got.reminders) or "none"
        found.append(f"expected {len(want.reminders)} reminders, got {shown}")
    else:
        for i, (w, g) in enumerate(zip(want.reminders, got.reminders, strict=True), 1):
            found += _time_problems(f"reminder {i}", w, g, late=want.late_s)
    if got.response != want.response:
        found.append(f"response: expected {want.response}, got {got.response}")
    elif want.response_at is not None and got.response_at is not None:
        found += _time_problems("response", want.response_at, got.response_at, late=want.late_s)
    return found


def _time_problems(
    what: str, want: datetime, got: datetime, *, late: float = 0.0, early: float = 0.0
) -> list[str]:
    """Times match within a second (or the allowed lateness/earliness) and in UTC offset."""
    diff = (got - want).total_seconds()
    if not (-early - TO_THE_SECOND < diff < late + TO_THE_SECOND):
        return [f"{what}: expected {_show(want)}, got {_show(got)} ({diff:+.1f} s)"]
    if got.utcoffset() != want.utcoffset():
        return [f"{what}: expected offset {_show(want)}, got {_show(got)}"]
    return []


def _show(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


def _span(seconds: float) -> str:
    return str(timedelta(seconds=round(seconds, 1)))


def describe_run(run: TraceRun) -> str:
    """The run as a reader would write it in the scenario file."""
    lines = ["actual bouts:"]
    for b in run.bouts:
        end = f"{_show(b.end)} {b.reason}" if b.end is not None else "open"
        flag = " estimated" if b.estimated else ""
        lines.append(f"  {_show(b.start)} → {end}, desk {_span(b.desk_s)}{flag}")
    lines.append("actual prompts:")
    for p in run.prompts:
        reminders = ", ".join(_show(r) for r in p.reminders)
        answer = f"{p.response} at {_show(p.response_at)}" if p.response_at else "waiting"
        lines.append(f"  {_show(p.at)} desk {_span(p.desk_s)} reminders [{reminders}] → {answer}")
    return "\n".join(lines)


# ------------------------------------------------------------------------------- tests
SCENARIO_FILES = sorted(SCENARIOS.glob("*.toml"))


@pytest.mark.parametrize("path", SCENARIO_FILES, ids=[p.stem for p in SCENARIO_FILES])
def test_scenario(path: Path) -> None:
    scenario = load_scenario(path)
    run = run_trace(scenario.setup, scenario.steps)
    problems = mismatches(scenario, run)
    assert not problems, (
        f"{scenario.name}: {scenario.description.strip()}\n"
        + "\n".join(problems)
        + "\n"
        + describe_run(run)
    )


def test_every_rule_has_its_scenario() -> None:
    """The issue's acceptance list, one file each: a missing story fails loudly."""
    required = {
        "prompt_at_lull",
        "empty_chair",
        "forced_at_upper_bound",
        "away_ends_bout_at_last_input",
        "lock_1min_keeps_bout",
        "suspend_2h_in_window",
        "wall_clock_jumps",
        "suspend_across_midnight",
        "restart_within_threshold",
        "restart_beyond_threshold",
        "snooze_reprompt",
        "snooze_cancelled_by_break",
        "skip",
        "dismissed",
        "reremind_cap",
        "pause_30m_ends_past_upper_bound",
        "working_hours",
        "present_20min_one_bout",
        "no_idle_source",
        "reflexive_lock",
        "midnight_never_splits",
        "every_n_minutes",
    }
    assert required <= {p.stem for p in SCENARIO_FILES}


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "broken.toml"
    path.write_text(text, encoding="utf-8")
    return path


_MINIMAL = """
description = "x"
start = 2026-03-02T09:00:00
timezone = "Europe/Berlin"
trace = [{step}]
"""


@pytest.mark.parametrize(
    ("step", "message"),
    [
        ('"typo 5m"', "'typo 5m': unknown step"),
        ('"type"', "type needs a duration"),
        ('"type 5m every 0s"', "'every' must be at least 1s"),
        ('"pause 3h"', "pause takes one of 30m, 1h, 2h, tomorrow, indefinitely"),
        ('"idle five"', "expected a duration"),
    ],
)
def test_a_bad_trace_step_is_named(tmp_path: Path, step: str, message: str) -> None:
    with pytest.raises(ScenarioError, match=message):
        load_scenario(_write(tmp_path, _MINIMAL.format(step=step)))


def test_a_bad_scenario_file_names_file_and_key(tmp_path: Path) -> None:
    text = _MINIMAL.format(step='"type 5m"') + '\n[config]\nwindow = "45m"\n'
    with pytest.raises(ScenarioError, match=r"broken.toml: unknown config key 'window'"):
        load_scenario(_write(tmp_path, text))
    text = _MINIMAL.format(step='"type 5m"').replace("Europe/Berlin", "Mars/Olympus")
    with pytest.raises(ScenarioError, match="unknown timezone 'Mars/Olympus'"):
        load_scenario(_write(tmp_path, text))
    text = 'idle_source = "false"\n' + _MINIMAL.format(step='"type 5m"')
    with pytest.raises(ScenarioError, match="'idle_source' must be true or false"):
        load_scenario(_write(tmp_path, text))
    text = _MINIMAL.format(step='"type 5m"') + '\n[config]\naway = "three minutes"\n'
    with pytest.raises(ScenarioError, match="'away': expected a duration"):
        load_scenario(_write(tmp_path, text))


def test_a_wrong_expectation_is_reported_in_words(tmp_path: Path) -> None:
    """The comparison itself can fail: a bout ending a minute late is caught and explained."""
    text = _MINIMAL.format(step='"type 10m", "idle 5m"') + (
        "\n[[bout]]\nstart = 2026-03-02T09:00:00\nend = 2026-03-02T09:11:00\n"
        'reason = "away"\ndesk = "10m"\n'
    )
    scenario = load_scenario(_write(tmp_path, text))
    problems = mismatches(scenario, run_trace(scenario.setup, scenario.steps))
    assert problems == [
        "bout 1: end: expected 2026-03-02T09:11:00+01:00, got 2026-03-02T09:10:00+01:00 (-60.0 s)"
    ]
