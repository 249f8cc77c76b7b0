"""Render the stretch window to PNGs, for the docs and for a person to look at after a change.

Run from the repository root (offscreen, no display needed)::

    python -m docs.screenshots.make_stretch_screenshot [--all DIR]

It writes ``stretch-window.png`` next to this file: a hold exercise (per side, mid-hold) in
a light theme beside a reps exercise (two sets) in a dark theme. With ``--all DIR`` it also
writes every state it can show (get ready, hold, switch, reps, finished; light and dark) to
``DIR`` one file each, to check alignment, clipping and contrast.

The exercises are the bundled ones; an exercise whose picture is not drawn yet gets a simple
placeholder drawn here.
"""

from __future__ import annotations

import os
import sys
import tempfile
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QImage, QPainter, QPalette
from PySide6.QtWidgets import QApplication

from app.core.clock import Instant
from app.core.exercise import Exercise
from app.library.loader import load_library
from app.resources import exercises_dir, illustrations_dir
from app.ui.stretch_controller import RoutineTiming, StretchController
from app.ui.stretch_window import StretchWindow

OUT_DIR = Path(__file__).resolve().parent
TIMING = RoutineTiming()
HOLD_EXERCISE = "seated-hamstring-stretch"
"""Two sets of a 30 s hold on each side."""
REPS_EXERCISE = "standing-glute-squeeze"
"""Two sets of 10 reps."""

PLACEHOLDER_SVG = """\
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 200">
  <rect x="10" y="176" width="180" height="4" rx="2" fill="#b8b2a7"/>
  <g fill="none" stroke="#37474f" stroke-width="7" stroke-linecap="round"
     stroke-linejoin="round">
    <path d="M96 70 L92 122"/>
    <path d="M92 122 L70 176"/>
    <path d="M92 122 L128 140 L150 176"/>
    <path d="M95 82 L122 104 L140 120"/>
  </g>
  <path d="M92 122 L128 140" fill="none" stroke="#d9825b" stroke-width="7"
        stroke-linecap="round" opacity="0.9"/>
  <circle cx="98" cy="52" r="14" fill="#37474f"/>
</svg>
"""


@dataclass
class StillClock:
    """A clock that shows whatever moment the script sets."""

    mono: float = 1000.0

    @property
    def boot_id(self) -> str | None:
        return None

    def now(self) -> Instant:
        return Instant(mono=self.mono, wall=datetime(2025, 6, 13, 11, 0, tzinfo=UTC))


def library_exercise(exercise_id: str, scratch: Path) -> Exercise:
    """A bundled exercise; with the placeholder picture while it has none of its own."""
    library = load_library([exercises_dir()], illustration_dirs=[illustrations_dir()])
    exercise = library.get(exercise_id)
    if exercise is None:
        raise SystemExit(f"the bundled library has no exercise {exercise_id!r}")
    if exercise.illustration is not None:
        return exercise
    placeholder = scratch / "placeholder.svg"
    placeholder.write_text(PLACEHOLDER_SVG, encoding="utf-8")
    return replace(exercise, illustration=placeholder)


def dark_palette() -> QPalette:
    palette = QPalette()
    colours = {
        QPalette.ColorRole.Window: "#2b2b2b",
        QPalette.ColorRole.WindowText: "#e8e8e8",
        QPalette.ColorRole.Base: "#1f1f1f",
        QPalette.ColorRole.AlternateBase: "#303030",
        QPalette.ColorRole.Text: "#e8e8e8",
        QPalette.ColorRole.Button: "#3a3a3a",
        QPalette.ColorRole.ButtonText: "#e8e8e8",
        QPalette.ColorRole.Highlight: "#3d8ee0",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Mid: "#4a4a4a",
        QPalette.ColorRole.Light: "#505050",
        QPalette.ColorRole.Midlight: "#444444",
        QPalette.ColorRole.Dark: "#1a1a1a",
        QPalette.ColorRole.Shadow: "#000000",
        QPalette.ColorRole.ToolTipBase: "#3a3a3a",
        QPalette.ColorRole.ToolTipText: "#e8e8e8",
        QPalette.ColorRole.PlaceholderText: "#9a9a9a",
    }
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    return palette


def shot(exercise: Exercise, at_s: float, palette: QPalette) -> QImage:
    """The window showing ``exercise`` ``at_s`` seconds after it opened."""
    window = StretchWindow()
    window.setPalette(palette)
    clock = StillClock()
    controller = StretchController(window, clock, timing=TIMING)
    try:
        controller.present(exercise, snooze_min=10)
        clock.mono += at_s
        controller.tick()
        return window.grab().toImage()
    finally:
        controller.withdraw()
        window.deleteLater()


def side_by_side(images: list[QImage]) -> QImage:
    pad = 16
    width = sum(i.width() for i in images) + pad * (len(images) + 1)
    height = max(i.height() for i in images) + 2 * pad
    sheet = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    sheet.fill(QColor("#9e9e9e"))
    painter = QPainter(sheet)
    x = pad
    for image in images:
        painter.drawImage(QPoint(x, pad), image)
        x += image.width() + pad
    painter.end()
    return sheet


def main(argv: list[str]) -> int:
    app = QApplication(argv[:1])
    app.setStyle("Fusion")
    light, dark = QApplication.style().standardPalette(), dark_palette()
    with tempfile.TemporaryDirectory() as scratch_dir:
        scratch = Path(scratch_dir)
        hold = library_exercise(HOLD_EXERCISE, scratch)
        reps = library_exercise(REPS_EXERCISE, scratch)
        mid_hold = TIMING.get_ready_s + 12
        mid_reps = TIMING.get_ready_s + 17
        outputs = {
            OUT_DIR / "stretch-window.png": side_by_side(
                [shot(hold, mid_hold, light), shot(reps, mid_reps, dark)]
            )
        }
        if len(argv) == 3 and argv[1] == "--all":
            switch = TIMING.get_ready_s + 30 + 2
            finished = (
                TIMING.get_ready_s + 4 * 30 + 2 * TIMING.side_switch_s + TIMING.set_rest_s + 1
            )
            states = {
                "get-ready": (hold, 3.0),
                "hold": (hold, mid_hold),
                "switch": (hold, switch),
                "reps": (reps, mid_reps),
                "rest": (reps, TIMING.get_ready_s + 40 + 3),
                "finished": (hold, finished),
            }
            extra = Path(argv[2])
            extra.mkdir(parents=True, exist_ok=True)
            for theme, palette in (("light", light), ("dark", dark)):
                for state, (exercise, at_s) in states.items():
                    outputs[extra / f"stretch-{state}-{theme}.png"] = shot(exercise, at_s, palette)
        for path, image in outputs.items():
            if not image.save(str(path)):
                print(f"could not write {path}", file=sys.stderr)
                return 1
            print(path)
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
