"""Run-time state in ``state.toml``: what the app remembers between runs but nobody edits.

Kept apart from ``settings.toml`` so that pausing never rewrites the user's settings file.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import tomli_w

from app.core.schedule import NO_PAUSE, Pause
from app.settings.atomic import atomic_write_text
from app.settings.kinds import show_raw
from app.settings.tomlfile import read_toml

STATE_SCHEMA = 1


@dataclass(frozen=True, slots=True)
class State:
    pause: Pause = NO_PAUSE
    first_run_done: bool = False


@dataclass(frozen=True, slots=True)
class StateLoad:
    state: State
    problems: list[str]
    broken_copy: Path | None


def load_state(path: Path, now: datetime) -> StateLoad:
    """The saved state; a pause that ended before ``now`` (aware local time) is no pause."""
    read = read_toml(path, now, fallback="Sitbreak starts without a saved pause")
    if read.document is None:
        return StateLoad(State(), [read.problem] if read.problem else [], read.broken_copy)
    problems: list[str] = []
    first_run_done = read.document.get("first_run_done", False)
    if not isinstance(first_run_done, bool):
        problems.append(f"first_run_done = {show_raw(first_run_done)}: expected true or false")
        first_run_done = False
    pause = _pause(read.document.get("pause", {}), now, problems)
    named = [f"{path}: {problem}" for problem in problems]  # the user never opens this file
    return StateLoad(State(pause=pause, first_run_done=first_run_done), named, None)


def save_state(path: Path, state: State) -> None:
    """Write ``state`` atomically with owner-only permissions."""
    document: dict[str, Any] = {"schema": STATE_SCHEMA, "first_run_done": state.first_run_done}
    if state.pause.indefinite:
        document["pause"] = {"indefinite": True}
    elif state.pause.until is not None:
        document["pause"] = {"until": state.pause.until}
    atomic_write_text(path, tomli_w.dumps(document))


def _pause(raw: object, now: datetime, problems: list[str]) -> Pause:
    if not isinstance(raw, dict):
        problems.append(f"pause = {show_raw(raw)}: expected a table [pause]; not paused")
        return NO_PAUSE
    indefinite = raw.get("indefinite", False)
    if not isinstance(indefinite, bool):
        problems.append(f"pause.indefinite = {show_raw(indefinite)}: expected true or false")
    elif indefinite:
        return Pause(indefinite=True)
    until = raw.get("until")
    if until is None:
        return NO_PAUSE
    if not isinstance(until, datetime) or until.utcoffset() is None:
        problems.append(
            f"pause.until = {show_raw(until)}: expected a date and time with a UTC offset; "
            "not paused"
        )
        return NO_PAUSE
    if until <= now:
        return NO_PAUSE
    try:
        local_until = until.astimezone(now.tzinfo)  # shown in the local zone, DST included
    except OverflowError:  # 9999-12-31T23:00-05:00 is in year 10000 anywhere east of it
        problems.append(f"pause.until = {show_raw(until)}: later than any date; not paused")
        return NO_PAUSE
    return Pause(until=local_until)
