"""Draw every bundled exercise picture at 160 px on a light and a dark theme, for the docs.

Run from the repository root (offscreen, no display needed)::

    python -m docs.screenshots.make_exercise_sheet

It writes ``exercise-sheet.png`` next to this file: the light panel above the dark one, each
picture with the exercise's name under it, in the order of the library (by id). Look at it
after changing or adding a picture: the figure must read as the movement at this size.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from app.core.exercise import Exercise
from app.library.loader import load_library
from app.resources import exercises_dir, illustrations_dir

OUT_FILE = Path(__file__).resolve().parent / "exercise-sheet.png"
PICTURE = 160
COLUMNS = 4
GAP = 16
LABEL = 22
THEMES = (("#fbfbfb", "#202124"), ("#2b2d30", "#e8eaed"))
"""(background, text colour) of the light and the dark panel."""


def draw_panel(
    painter: QPainter, top: int, exercises: list[Exercise], background: str, text: str
) -> int:
    """One theme's panel from ``top``; returns its height."""
    rows = (len(exercises) + COLUMNS - 1) // COLUMNS
    height = GAP + rows * (PICTURE + LABEL + GAP)
    width = GAP + COLUMNS * (PICTURE + GAP)
    painter.fillRect(0, top, width, height, QColor(background))
    painter.setPen(QColor(text))
    for index, exercise in enumerate(exercises):
        row, column = divmod(index, COLUMNS)
        x = GAP + column * (PICTURE + GAP)
        y = top + GAP + row * (PICTURE + LABEL + GAP)
        if exercise.illustration is not None:
            QSvgRenderer(str(exercise.illustration)).render(painter, QRectF(x, y, PICTURE, PICTURE))
        label = QRect(x - GAP // 2, y + PICTURE + 2, PICTURE + GAP, LABEL)
        painter.drawText(label, Qt.AlignmentFlag.AlignCenter, exercise.name)
    return height


def main() -> int:
    app = QGuiApplication(sys.argv[:1])
    library = load_library([exercises_dir()], illustration_dirs=[illustrations_dir()])
    for problem in library.problems:
        print(problem.describe(full_path=True), file=sys.stderr)
    exercises = list(library.exercises)
    rows = (len(exercises) + COLUMNS - 1) // COLUMNS
    panel_height = GAP + rows * (PICTURE + LABEL + GAP)
    image = QImage(
        GAP + COLUMNS * (PICTURE + GAP), len(THEMES) * panel_height, QImage.Format.Format_RGB32
    )
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = QFont("DejaVu Sans")
    font.setPixelSize(12)
    painter.setFont(font)
    top = 0
    for background, text in THEMES:
        top += draw_panel(painter, top, exercises, background, text)
    painter.end()
    if not image.save(str(OUT_FILE)):
        print(f"could not write {OUT_FILE}", file=sys.stderr)
        return 1
    print(OUT_FILE)
    del app
    return 1 if library.errors else 0


if __name__ == "__main__":
    raise SystemExit(main())
