"""The session watcher of last resort: never locked, never a signal.

Without it, lock shows up only as growing idle time and sleep only as a gap between two
clock readings (the engine detects both).
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from app.platform.base import SessionWatcher


class NullSessionWatcher(SessionWatcher):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__("none", parent)
