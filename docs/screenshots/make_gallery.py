"""Draw the whole bundled library, picture and name, at 160 px on light and dark themes.

Run from the repository root (offscreen, no display needed)::

    python -m docs.screenshots.make_gallery

It writes ``gallery.png`` next to this file: the light panel above the dark one, the
exercises in the order of the library (by id), each name under its picture (wrapped onto
two lines when long). Look at it after adding pictures: every figure must read as its
movement at this size, and look like the same person drawn by the same hand.
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

OUT_FILE = Path(__file__).resolve().parent / "gallery.png"
PICTURE = 160
COLUMNS = 6
GAP = 20
LABEL = 34
"""Room for two lines of the name under each picture."""
CELL_HEIGHT = PICTURE + LABEL + GAP
THEMES = (("#fbfbfb", "#202124"), ("#2b2d30", "#e8eaed"))
"""(background, text colour) of the light and the dark panel."""


def panel_height(count: int) -> int:
    rows = (count + COLUMNS - 1) // COLUMNS
    return GAP + rows * CELL_HEIGHT


def draw_panel(
    painter: QPainter, top: int, exercises: list[Exercise], background: str, text: str
) -> None:
    """One theme's panel, starting at ``top``."""
    width = GAP + COLUMNS * (PICTURE + GAP)
    painter.fillRect(0, top, width, panel_height(len(exercises)), QColor(background))
    painter.setPen(QColor(text))
    for index, exercise in enumerate(exercises):
        row, column = divmod(index, COLUMNS)
        x = GAP + column * (PICTURE + GAP)
        y = top + GAP + row * CELL_HEIGHT
        if exercise.illustration is not None:
            renderer = QSvgRenderer(str(exercise.illustration))
            renderer.render(painter, QRectF(x, y, PICTURE, PICTURE))
        label = QRect(x - GAP // 2, y + PICTURE + 2, PICTURE + GAP, LABEL)
        flags = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
        painter.drawText(label, int(flags) | int(Qt.TextFlag.TextWordWrap), exercise.name)


def main() -> int:
    app = QGuiApplication(sys.argv[:1])
    library = load_library([exercises_dir()], illustration_dirs=[illustrations_dir()])
    for problem in library.problems:
        print(problem.describe(full_path=True), file=sys.stderr)
    exercises = list(library.exercises)
    missing = [e.id for e in exercises if e.illustration is None]
    if missing:
        print(f"no picture: {', '.join(missing)}", file=sys.stderr)
    height = panel_height(len(exercises))
    image = QImage(
        GAP + COLUMNS * (PICTURE + GAP), len(THEMES) * height, QImage.Format.Format_RGB32
    )
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    font = QFont("DejaVu Sans")
    font.setPixelSize(12)
    painter.setFont(font)
    for index, (background, text) in enumerate(THEMES):
        draw_panel(painter, index * height, exercises, background, text)
    painter.end()
    if not image.save(str(OUT_FILE)):
        print(f"could not write {OUT_FILE}", file=sys.stderr)
        return 1
    print(f"{OUT_FILE}: {len(exercises)} exercises")
    del app
    return 1 if library.errors or missing else 0


if __name__ == "__main__":
    raise SystemExit(main())
