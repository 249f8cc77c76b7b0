"""The real coordinator on a real log, driven by a fake clock and a scripted user."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from app.coordinator import Backends, DeskCoordinator
from app.core.engine import DeskEngine
from app.core.model import EngineConfig, PromptShown
from app.platform.presence import NullPresenceSource
from app.platform.session_null import NullSessionWatcher
from app.settings.model import QuietSettings
from app.settings.state import State
from app.storage import SittingLog
from tests.helpers.fake_clock import FakeClock


class ScriptedIdle:
    """XScreenSaver's idle time for a user the test moves: input when ``touch`` is called."""

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


@dataclass
class Desk:
    """A running coordinator and what the user saw of it."""

    clock: FakeClock
    idle: ScriptedIdle
    coordinator: DeskCoordinator
    prompts: list[PromptShown] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)

    def type_for(self, seconds: float, *, every_s: float = 60.0) -> None:
        """The user types steadily; the coordinator samples as its jobs would."""
        for _ in range(round(seconds / every_s)):
            self.clock.advance(every_s)
            self.idle.touch()
            self.coordinator.sample()

    def pause_then_type(self, pause_s: float = 20.0) -> None:
        """A lull (reading, thinking) that ends with input: where a due prompt appears."""
        self.clock.advance(pause_s)
        self.coordinator.sample()
        self.clock.advance(1)
        self.idle.touch()
        self.coordinator.sample()

    @property
    def desk_seconds(self) -> float:
        return float(self.coordinator.status()["desk_seconds"])


@contextmanager
def running_desk(
    sitting_log: SittingLog, start: datetime, state_dir: Path, clock: FakeClock | None = None
) -> Iterator[Desk]:
    """Start the coordinator on ``sitting_log`` (the test closes the log); stop it after."""
    clock = clock if clock is not None else FakeClock(start)
    idle = ScriptedIdle(clock)
    watcher = NullSessionWatcher()
    coordinator = DeskCoordinator(
        clock=clock,
        engine=DeskEngine(EngineConfig()),
        idle_source=idle,
        session_watcher=watcher,
        sitting_log=sitting_log,
        presence_source=NullPresenceSource(),
        quiet=QuietSettings(),
        state=State(),
        state_file=state_dir / "state.toml",
        backends=Backends(idle="scripted", session=("none",), tray="none", degraded=()),
    )
    desk = Desk(clock=clock, idle=idle, coordinator=coordinator)
    coordinator.prompt_shown.connect(desk.prompts.append)
    coordinator.storage_trouble.connect(desk.notices.append)
    coordinator.start()
    try:
        yield desk
    finally:
        coordinator.stop()
        watcher.close()
