"""Render every page of the settings dialog, light and dark, for the docs and for review.

Run from the repository root (offscreen, no display needed)::

    python -m docs.screenshots.make_settings_screenshots

It writes ``settings-<page>.png`` next to this file (reminders, schedule, exercises, goals,
general): the page in a light theme beside the same page in a dark theme. The Reminders
page shows a window below the recommended band (its warning) and the Schedule page a
malformed range (its message, OK disabled), so every kind of message is in a picture.
"""

from __future__ import annotations

import os
import sys
from dataclasses import replace
from datetime import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication

from app.core.schedule import TimeRange
from app.settings.model import ExerciseSettings, Settings, WorkingHoursSettings
from app.ui.settings_controller import SettingsController
from app.ui.settings_dialog import PAGES, SettingsDialog
from docs.screenshots.make_stretch_screenshot import dark_palette, side_by_side

OUT_DIR = Path(__file__).resolve().parent
DATA_FOLDER = Path("/home/alex/.local/share/sitbreak")


class ShownAutostart:
    """Start at login, as the General page shows it (no file is written here)."""

    def __init__(self) -> None:
        self.enabled = True

    def is_enabled(self) -> bool:
        return self.enabled

    def set_enabled(self, enabled: bool) -> None:
        self.enabled = enabled


def sample_settings() -> Settings:
    """Working hours with a lunch break, two hidden exercises: every widget has something."""
    morning, afternoon = TimeRange(time(9), time(12, 30)), TimeRange(time(13, 30), time(17, 30))
    return replace(
        Settings(),
        working_hours=WorkingHoursSettings(
            enabled=True,
            ranges=dict.fromkeys(range(4), (morning, afternoon))
            | {4: (TimeRange(time(9), time(13)),)},
        ),
        exercises=replace(
            ExerciseSettings(), hidden=frozenset({"foam-roll-hamstrings", "kettlebell-swing"})
        ),
    )


NAMES = {"foam-roll-hamstrings": "Foam roll: hamstrings", "kettlebell-swing": "Kettlebell swing"}


def shot(page: str, palette: QPalette) -> QImage:
    QApplication.setPalette(palette)
    dialog = SettingsDialog()
    controller = SettingsController(
        dialog,
        apply=lambda _settings: None,
        autostart=ShownAutostart(),
        data_folder=DATA_FOLDER,
        delete_all_data=lambda: None,
        exercise_names=NAMES,
    )
    try:
        controller.open(sample_settings())
        if page == "reminders":
            dialog.window_start_spin.setValue(30)
        if page == "schedule":
            dialog.day_edits[5].setText("10:00-25:00")
        dialog.show_page(page)
        dialog.adjustSize()
        QApplication.processEvents()
        return dialog.grab().toImage()
    finally:
        dialog.hide()
        dialog.deleteLater()
        QApplication.processEvents()


def dark_palette_with_disabled() -> QPalette:
    """The shared dark palette, with greyed text for disabled buttons (OK while invalid)."""
    palette = dark_palette()
    for role in (
        QPalette.ColorRole.ButtonText,
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7a7a7a"))
    return palette


def main(argv: list[str]) -> int:
    app = QApplication(argv[:1])
    app.setStyle("Fusion")
    light, dark = QApplication.style().standardPalette(), dark_palette_with_disabled()
    for page in PAGES:
        path = OUT_DIR / f"settings-{page}.png"
        side_by_side([shot(page, light), shot(page, dark)]).save(str(path))
        print(path)
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
