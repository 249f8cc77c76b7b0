"""Render the tray UI to PNGs for the docs, and for a person to look at after any change.

Run from the repository root (offscreen, no display needed)::

    python -m docs.screenshots.make_screenshots

It writes, next to this file:

- ``tray-icons.png``: every icon state at 16, 22, 32 and 64 px on a light and a dark panel,
  plus the 22 px icon enlarged four times (nearest neighbour) to judge the pixels;
- ``status-window.png``: the window that stands in when there is no tray, while sitting;
- ``status-window-prompt.png``: the same window while a prompt waits;
- ``tray-menu.png``: the tray's context menu (paused, so Resume is enabled) beside its
  Pause submenu.
"""

from __future__ import annotations

import os
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter
from PySide6.QtWidgets import QApplication

from app.core.model import Phase, Snapshot
from app.ui.status_window import StatusWindow
from app.ui.tray import TrayView
from app.ui.tray_icon import paint_tray_icon

OUT_DIR = Path(__file__).resolve().parent
NOW = datetime(2025, 3, 12, 13, 5, tzinfo=UTC)
WINDOW_START_S = 45 * 60
SIZES = (16, 22, 32, 64)
ZOOM_SIZE, ZOOM = 22, 4
PANELS = (("light panel", "#eeeeee", "#202020"), ("dark panel", "#2b2b2b", "#f0f0f0"))


def snapshot(phase: Phase, desk_min: float = 0.0, **changes: object) -> Snapshot:
    fields: dict[str, object] = {
        "phase": phase,
        "desk_s": desk_min * 60,
        "window_start_s": WINDOW_START_S,
        "window_end_s": 60 * 60,
        "bout_start": NOW - timedelta(minutes=desk_min) if desk_min else None,
        "paused_until": None,
        "paused_indefinitely": False,
        "estimated": False,
    }
    fields.update(changes)
    return Snapshot(**fields)  # type: ignore[arg-type]


SAMPLES: tuple[tuple[str, Snapshot], ...] = (
    ("away", snapshot(Phase.AWAY)),
    ("sitting 0 min", snapshot(Phase.SITTING, 0)),
    ("sitting 11 min", snapshot(Phase.SITTING, 11.25)),
    ("sitting 22 min", snapshot(Phase.SITTING, 22.5)),
    ("sitting 34 min", snapshot(Phase.SITTING, 33.75)),
    ("window", snapshot(Phase.WINDOW, 47)),
    ("prompting", snapshot(Phase.PROMPTING, 48)),
    ("snoozed", snapshot(Phase.SNOOZED, 52)),
    ("paused", snapshot(Phase.PAUSED, 20, paused_until=NOW + timedelta(hours=1))),
    ("quiet", snapshot(Phase.QUIET, 20)),
)


def icon_sheet() -> QImage:
    """A grid: one row per state; per panel one column per size, then the zoomed icon."""
    label_w, cell, pad = 120, 72, 8
    zoom_w = ZOOM_SIZE * ZOOM + 2 * pad
    panel_w = len(SIZES) * cell + zoom_w
    row_h = max(cell, ZOOM_SIZE * ZOOM + 2 * pad)
    header_h = 40
    width = label_w + len(PANELS) * panel_w
    height = header_h + len(SAMPLES) * row_h
    sheet = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    sheet.fill(QColor("#ffffff"))
    painter = QPainter(sheet)
    painter.setFont(QFont("DejaVu Sans", 9))
    for p, (title, background, ink) in enumerate(PANELS):
        left = label_w + p * panel_w
        painter.fillRect(QRect(left, 0, panel_w, height), QColor(background))
        painter.setPen(QColor(ink))
        painter.drawText(
            QRect(left, 0, panel_w, header_h // 2), Qt.AlignmentFlag.AlignCenter, title
        )
        for i, size in enumerate(SIZES):
            painter.drawText(
                QRect(left + i * cell, header_h // 2, cell, header_h // 2),
                Qt.AlignmentFlag.AlignCenter,
                f"{size} px",
            )
        painter.drawText(
            QRect(left + len(SIZES) * cell, header_h // 2, zoom_w, header_h // 2),
            Qt.AlignmentFlag.AlignCenter,
            f"{ZOOM_SIZE} px ×{ZOOM}",
        )
    painter.setPen(QColor("#202020"))
    for r, (name, snap) in enumerate(SAMPLES):
        top = header_h + r * row_h
        painter.drawText(QRect(pad, top, label_w - pad, row_h), Qt.AlignmentFlag.AlignVCenter, name)
        for p in range(len(PANELS)):
            left = label_w + p * panel_w
            for i, size in enumerate(SIZES):
                icon = paint_tray_icon(snap, size)
                x = left + i * cell + (cell - size) // 2
                painter.drawImage(QPoint(x, top + (row_h - size) // 2), icon)
            zoomed = paint_tray_icon(snap, ZOOM_SIZE).scaled(
                ZOOM_SIZE * ZOOM, ZOOM_SIZE * ZOOM, mode=Qt.TransformationMode.FastTransformation
            )
            painter.drawImage(QPoint(left + len(SIZES) * cell + pad, top + pad), zoomed)
    painter.end()
    return sheet


def status_window_shot(snap: Snapshot, prompt: tuple[str, str] | None = None) -> QImage:
    window = StatusWindow()
    try:
        window.show_snapshot(snap, NOW)
        if prompt is not None:
            window.show_prompt_message(*prompt)
        window.adjustSize()
        return window.grab().toImage()
    finally:
        window.dispose()


def tray_menu_shot() -> QImage:
    """The menu and, to its right, the Pause submenu, on a neutral background."""
    view = TrayView()
    try:
        view.show_snapshot(snapshot(Phase.PAUSED, 20, paused_until=NOW + timedelta(hours=1)), NOW)
        menus = [view.menu, view.pause_menu]
        images = []
        for menu in menus:
            menu.adjustSize()
            images.append(menu.grab().toImage())
        pad = 12
        width = sum(i.width() for i in images) + pad * (len(images) + 1)
        height = max(i.height() for i in images) + 2 * pad
        sheet = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
        sheet.fill(QColor("#d0d0d0"))
        painter = QPainter(sheet)
        x = pad
        for image in images:
            painter.drawImage(QPoint(x, pad), image)
            x += image.width() + pad
        painter.end()
        return sheet
    finally:
        view.dispose()


def main() -> int:
    app = QApplication(sys.argv[:1])
    shots = {
        "tray-icons.png": icon_sheet(),
        "status-window.png": status_window_shot(snapshot(Phase.SITTING, 32)),
        "status-window-prompt.png": status_window_shot(
            snapshot(Phase.PROMPTING, 47),
            ("Time to stand up", "Try: Glute bridge, 10 reps"),
        ),
        "tray-menu.png": tray_menu_shot(),
    }
    written = []
    for name, image in shots.items():
        path = OUT_DIR / name
        if not image.save(str(path)):
            print(f"could not write {path}", file=sys.stderr)
            return 1
        written.append(path)
    del app
    for path in written:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
