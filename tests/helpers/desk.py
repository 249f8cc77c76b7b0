"""The coordinator as in-process tests build it: real engine and SQLite log, the null
session and presence sources, and an idle source the test scripts."""

from __future__ import annotations

from pathlib import Path

from app.coordinator import Backends, DeskCoordinator
from app.core.engine import DeskEngine
from app.platform.presence import NullPresenceSource
from app.platform.session_null import NullSessionWatcher
from app.settings.model import QuietSettings
from app.settings.state import State
from app.storage import SittingLog
from tests.helpers.fake_clock import FakeClock


class AlwaysTyping:
    """Someone typing without pause: XScreenSaver always reads a fresh keystroke."""

    name = "scripted"

    def idle_seconds(self) -> float:
        return 0.0

    def close(self) -> None:
        pass


class IdleSinceLastInput:
    """XScreenSaver's idle time for a user the test moves: input when ``touch`` is called
    (driven by the fake clock; suspend not counted)."""

    name = "scripted"

    def __init__(self, clock: FakeClock) -> None:
        self._clock = clock
        self._last_input_mono = clock.now().mono

    def touch(self) -> None:
        self._last_input_mono = self._clock.now().mono

    def idle_seconds(self) -> float:
        return self._clock.now().mono - self._last_input_mono

    def close(self) -> None:
        pass


def scripted_coordinator(
    *,
    clock: FakeClock,
    engine: DeskEngine,
    idle: AlwaysTyping | IdleSinceLastInput,
    sitting_log: SittingLog,
    watcher: NullSessionWatcher,
    state_dir: Path,
    state: State | None = None,
    quiet: QuietSettings | None = None,
) -> DeskCoordinator:
    """A coordinator on the null session and presence sources (the caller closes ``watcher``)."""
    return DeskCoordinator(
        clock=clock,
        engine=engine,
        idle_source=idle,
        session_watcher=watcher,
        sitting_log=sitting_log,
        presence_source=NullPresenceSource(),
        quiet=quiet if quiet is not None else QuietSettings(),
        state=state if state is not None else State(),
        state_file=state_dir / "state.toml",
        backends=Backends(idle="scripted", session=("none",), tray="none", degraded=()),
    )
