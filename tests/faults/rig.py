"""The real coordinator on a real log, driven by a fake clock and a scripted user."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from app.coordinator import DeskCoordinator
from app.core.engine import DeskEngine
from app.core.model import EngineConfig, PromptShown
from app.platform.session_null import NullSessionWatcher
from app.storage import SittingLog
from tests.helpers.desk import IdleSinceLastInput, scripted_coordinator
from tests.helpers.fake_clock import FakeClock


@dataclass
class Desk:
    """A running coordinator and what the user saw of it."""

    clock: FakeClock
    idle: IdleSinceLastInput
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
    idle = IdleSinceLastInput(clock)
    watcher = NullSessionWatcher()
    coordinator = scripted_coordinator(
        clock=clock,
        engine=DeskEngine(EngineConfig()),
        idle=idle,
        sitting_log=sitting_log,
        watcher=watcher,
        state_dir=state_dir,
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
