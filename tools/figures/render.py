"""Render every SVG of a folder at 200 px on light and dark backgrounds into one sheet."""

import sys
from pathlib import Path

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

app = QGuiApplication(sys.argv[:1])
folder = Path(sys.argv[1])
out = Path(sys.argv[2])
size = int(sys.argv[3]) if len(sys.argv) > 3 else 200
files = sorted(folder.glob("*.svg"))
pad = 10
cols = len(files)
sheet = QImage(cols * (size + pad) + pad, 2 * (size + pad) + pad, QImage.Format.Format_ARGB32)
sheet.fill(QColor("#888888"))
painter = QPainter(sheet)
painter.setRenderHint(QPainter.RenderHint.Antialiasing)
for row, bg in enumerate(["#fbfbfb", "#2b2d30"]):
    for col, file in enumerate(files):
        x, y = pad + col * (size + pad), pad + row * (size + pad)
        painter.fillRect(x, y, size, size, QColor(bg))
        renderer = QSvgRenderer(str(file))
        assert renderer.isValid(), file
        renderer.render(painter, QRectF(x, y, size, size))
painter.end()
sheet.save(str(out))
print(out, [f.stem for f in files])
