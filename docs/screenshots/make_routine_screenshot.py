"""Render the routine player to a PNG, for the docs and for a person to look at after a change.

Run from the repository root (offscreen, no display needed)::

    python -m docs.screenshots.make_routine_screenshot [--all DIR]

It writes ``routine-player.png`` next to this file: "Daily posterior-chain stretch" in
progress (the second exercise, mid-hold on the left side) in a light theme beside the switch
to the right side in a dark theme. With ``--all DIR`` it also writes the other states (get
ready, rest before the next exercise, paused, reps, finished) to ``DIR``, one file each.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QImage, QPalette
from PySide6.QtWidgets import QApplication

from app.core.clock import Instant
from app.core.routine import Routine, RoutinePlan
from app.library.loader import load_library
from app.library.routines import load_routines
from app.platform.sound_null import NullSoundPlayer
from app.resources import exercises_dir, illustrations_dir, resources_dir
from app.ui.routine_controller import RoutineController
from app.ui.routine_window import RoutineWindow
from docs.screenshots.make_stretch_screenshot import dark_palette, side_by_side

OUT_DIR = Path(__file__).resolve().parent


@dataclass
class StillClock:
    """A clock that shows whatever moment the script sets."""

    mono: float = 1000.0

    @property
    def boot_id(self) -> str | None:
        return None

    def now(self) -> Instant:
        return Instant(mono=self.mono, wall=datetime(2025, 6, 13, 11, 0, tzinfo=UTC))


def bundled_plan(routine_id: str) -> RoutinePlan:
    library = load_library([exercises_dir()], illustration_dirs=[illustrations_dir()])
    exercises = {exercise.id: exercise for exercise in library.exercises}
    routines = load_routines([resources_dir() / "routines"], exercises)
    routine: Routine | None = routines.get(routine_id)
    if routine is None:
        raise SystemExit(f"no bundled routine {routine_id!r}: {routines.problems}")
    return RoutinePlan(routine, exercises)


def shot(
    plan: RoutinePlan, at_s: float, palette: QPalette, *, skips: int = 0, pause: bool = False
) -> QImage:
    """The player ``at_s`` seconds after starting, after pressing Next ``skips`` times."""
    window = RoutineWindow()
    window.setPalette(palette)
    clock = StillClock()
    controller = RoutineController(window, clock, NullSoundPlayer(), None)
    try:
        controller.start(plan)
        for _ in range(skips):
            controller.next()
        clock.mono += at_s
        controller.tick()
        if pause:
            controller.toggle_pause()
        window.adjustSize()
        return window.grab().toImage()
    finally:
        controller.stop()
        window.deleteLater()


def main(argv: list[str]) -> int:
    app = QApplication(argv[:1])
    app.setStyle("Fusion")
    light, dark = QApplication.style().standardPalette(), dark_palette()
    stretch = bundled_plan("daily-posterior-chain-stretch")
    second = stretch.exercises[1]
    mid_hold = second.start_ms / 1000 + 10 + 12
    switch = second.start_ms / 1000 + 10 + 30 + 2
    outputs = {
        OUT_DIR / "routine-player.png": side_by_side(
            [shot(stretch, mid_hold, light), shot(stretch, switch, dark)]
        )
    }
    if len(argv) == 3 and argv[1] == "--all":
        strength = bundled_plan("strength-day")
        states = {
            "get-ready": (stretch, 3.0, 0, False),
            "rest": (stretch, second.start_ms / 1000 - 5, 0, False),
            "paused": (stretch, mid_hold, 0, True),
            "reps": (strength, 10 + 6, 1, False),
            "finished": (stretch, stretch.total_ms / 1000 + 1, 0, False),
        }
        extra = Path(argv[2])
        extra.mkdir(parents=True, exist_ok=True)
        for theme, palette in (("light", light), ("dark", dark)):
            for state, (plan, at_s, skips, pause) in states.items():
                outputs[extra / f"routine-{state}-{theme}.png"] = shot(
                    plan, at_s, palette, skips=skips, pause=pause
                )
    for path, image in outputs.items():
        if not image.save(str(path)):
            print(f"could not write {path}", file=sys.stderr)
            return 1
        print(path)
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
