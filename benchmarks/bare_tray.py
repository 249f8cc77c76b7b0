"""The smallest PySide6 tray app: an icon and a menu with Quit, nothing else.

``benchmarks/footprint.py`` measures Sitbreak against this program, started from the same
venv, so the figures show what Sitbreak costs beyond Qt and a tray icon themselves.
Run it by hand with ``python benchmarks/bare_tray.py``.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon

ICON_SIZE_PX = 64


def _icon() -> QIcon:
    """A filled circle drawn in code: no file to load, as small as an icon gets."""
    pixmap = QPixmap(ICON_SIZE_PX, ICON_SIZE_PX)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(QColor("#2e7d32"))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.drawEllipse(4, 4, ICON_SIZE_PX - 8, ICON_SIZE_PX - 8)
    painter.end()
    return QIcon(pixmap)


def main() -> int:
    app = QApplication(sys.argv[:1])
    app.setApplicationName("bare-tray")
    app.setQuitOnLastWindowClosed(False)
    menu = QMenu()
    menu.addAction("Quit", app.quit)
    tray = QSystemTrayIcon(_icon())
    tray.setToolTip("bare tray")
    tray.setContextMenu(menu)
    tray.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
