"""Draw every movement's frames side by side, one row per exercise, to look at the poses.

Run from the repository root (offscreen, no display needed)::

    python -m tools.figures.animation_sheet [FRAMES_DIR] [OUT_PNG]

Each row shows the exercise's still picture, then its frames (``<id>.move-<n>.svg``) in
order, on the light card the stretch window draws them on. Look for limbs that come apart,
a figure floating above the floor or a foot through it, and a frame that jumps.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from tools.figures.draw import ILLUSTRATIONS

OUT_FILE = Path(__file__).resolve().parents[2] / "docs" / "screenshots" / "animation-frames.png"
PICTURE = 150
GAP = 10
LABEL = 180
CARD = QColor("#f7f5f0")
BACKGROUND = QColor("#e4e1da")
FRAME = re.compile(r"(?P<id>[a-z0-9-]+)\.move-(?P<n>\d+)\.svg")


def movements(folder: Path) -> dict[str, list[Path]]:
    """Each exercise id with frames in ``folder``, its frame files in order."""
    found: dict[str, list[tuple[int, Path]]] = {}
    for path in folder.glob("*.move-*.svg"):
        if match := FRAME.fullmatch(path.name):
            found.setdefault(match["id"], []).append((int(match["n"]), path))
    return {key: [p for _, p in sorted(found[key])] for key in sorted(found)}


def draw_svg(painter: QPainter, path: Path, cell: QRect) -> None:
    painter.fillRect(cell, CARD)
    renderer = QSvgRenderer(str(path))
    if not renderer.isValid():
        raise SystemExit(f"{path} is not an SVG Qt can draw")
    renderer.render(painter, QRectF(cell))


def main(argv: Sequence[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else list(argv)
    folder = Path(args[0]) if args else ILLUSTRATIONS
    out = Path(args[1]) if len(args) > 1 else OUT_FILE
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    del app
    rows = movements(folder)
    if not rows:
        raise SystemExit(f"no movement frames (*.move-N.svg) in {folder}")
    columns = 1 + max(len(files) for files in rows.values())
    width = LABEL + columns * (PICTURE + GAP) + GAP
    height = GAP + len(rows) * (PICTURE + GAP)
    sheet = QImage(width, height, QImage.Format.Format_ARGB32)
    sheet.fill(BACKGROUND)
    painter = QPainter(sheet)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = QFont()
    font.setPixelSize(15)
    painter.setFont(font)
    for row, (exercise_id, files) in enumerate(rows.items()):
        top = GAP + row * (PICTURE + GAP)
        painter.setPen(QColor("#202124"))
        painter.drawText(
            QRect(GAP, top, LABEL - 2 * GAP, PICTURE),
            int(Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap),
            exercise_id,
        )
        still = folder / f"{exercise_id}.svg"
        cells = [still] if still.is_file() else [None]
        for column, path in enumerate([*cells, *files]):
            cell = QRect(LABEL + column * (PICTURE + GAP), top, PICTURE, PICTURE)
            if path is not None:
                draw_svg(painter, path, cell)
    painter.end()
    out.parent.mkdir(parents=True, exist_ok=True)
    if not sheet.save(str(out)):
        raise SystemExit(f"could not write {out}")
    print(out)


if __name__ == "__main__":
    main()
