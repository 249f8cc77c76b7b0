"""Run-time state in state.toml: the pause and the first-run flag survive a restart."""

from __future__ import annotations

import stat
import tomllib
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from app.core.schedule import NO_PAUSE, Pause
from app.settings.state import State, load_state, save_state
from tests.unit.settings.files import write

BERLIN = ZoneInfo("Europe/Berlin")
NOW = datetime(2024, 5, 1, 12, 34, 56, tzinfo=BERLIN)


@pytest.fixture
def state_path(tmp_path: Path) -> Path:
    return tmp_path / "config" / "state.toml"


def test_a_missing_file_means_no_pause_and_first_run(state_path: Path) -> None:
    load = load_state(state_path, NOW)
    assert load.state == State(pause=NO_PAUSE, first_run_done=False)
    assert (load.problems, load.broken_copy) == ([], None)
    assert not state_path.exists()


@pytest.mark.parametrize(
    "state",
    [
        State(pause=Pause(until=NOW + timedelta(hours=2)), first_run_done=True),
        State(pause=Pause(indefinite=True), first_run_done=True),
        State(pause=NO_PAUSE, first_run_done=True),
        State(),
    ],
    ids=["until", "indefinite", "none", "fresh"],
)
def test_saved_state_loads_back(state_path: Path, state: State) -> None:
    save_state(state_path, state)
    load = load_state(state_path, NOW)
    assert load.problems == []
    assert load.state == state


def test_the_file_stores_an_offset_datetime(state_path: Path) -> None:
    until = datetime(2024, 5, 1, 14, 30, tzinfo=BERLIN)
    save_state(state_path, State(pause=Pause(until=until), first_run_done=True))
    document = tomllib.loads(state_path.read_text(encoding="utf-8"))
    assert document["schema"] == 1
    assert document["first_run_done"] is True
    assert document["pause"]["until"].utcoffset() == timedelta(hours=2)
    assert document["pause"]["until"] == until


def test_a_loaded_pause_end_is_shown_in_the_local_zone(state_path: Path) -> None:
    write(state_path, "[pause]\nuntil = 2024-05-01T13:00:00Z\n")
    until = load_state(state_path, NOW).state.pause.until
    assert until is not None
    assert (until.hour, until.tzinfo) == (15, BERLIN)


@pytest.mark.parametrize("until", [NOW - timedelta(seconds=1), NOW])
def test_a_pause_that_has_ended_loads_as_no_pause(state_path: Path, until: datetime) -> None:
    save_state(state_path, State(pause=Pause(until=until), first_run_done=True))
    load = load_state(state_path, NOW)
    assert load.state.pause == NO_PAUSE
    assert load.problems == []
    assert load.state.first_run_done is True


def test_a_pause_end_without_offset_is_ignored_with_a_message(state_path: Path) -> None:
    write(state_path, "first_run_done = true\n[pause]\nuntil = 2024-05-01T18:00:00\n")
    load = load_state(state_path, NOW)
    assert load.state == State(pause=NO_PAUSE, first_run_done=True)
    assert load.problems == [
        f"{state_path}: "
        "pause.until = 2024-05-01T18:00:00: expected a date and time with a UTC offset; not paused"
    ]


def test_wrong_types_are_reported_and_replaced(state_path: Path) -> None:
    write(state_path, 'first_run_done = "yes"\n[pause]\nindefinite = 1\n')
    load = load_state(state_path, NOW)
    assert load.state == State()
    assert load.problems == [
        f'{state_path}: first_run_done = "yes": expected true or false',
        f"{state_path}: pause.indefinite = 1: expected true or false",
    ]


def test_a_broken_state_file_is_kept_aside(state_path: Path) -> None:
    write(state_path, "[pause\n")
    load = load_state(state_path, NOW)
    copy = state_path.with_name("state.toml.broken-20240501-123456")
    assert load.broken_copy == copy
    assert copy.read_text() == "[pause\n"
    assert load.state == State()
    (problem,) = load.problems
    assert str(state_path) in problem
    assert copy.name in problem

    save_state(state_path, State(first_run_done=True))
    assert copy.read_text() == "[pause\n"
    assert load_state(state_path, NOW).state.first_run_done is True


def test_the_state_file_is_private(state_path: Path) -> None:
    save_state(state_path, State(pause=Pause(until=NOW + timedelta(minutes=30))))
    assert stat.S_IMODE(state_path.stat().st_mode) == 0o600


def test_a_pause_saved_in_another_offset_compares_by_instant(state_path: Path) -> None:
    until = datetime(2024, 5, 1, 11, 0, tzinfo=UTC)  # 13:00 in Berlin
    save_state(state_path, State(pause=Pause(until=until)))
    pause = load_state(state_path, NOW).state.pause
    assert pause.active(NOW)
    assert not pause.active(NOW + timedelta(minutes=26))
