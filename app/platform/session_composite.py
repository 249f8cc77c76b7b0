"""Several session watchers seen as one (logind on the system bus + the screensaver)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject

from app.platform.base import SessionWatcher


class CompositeSessionWatcher(SessionWatcher):
    """Locked while any part says locked; every part's sleep signal passes through.

    Takes ownership of the parts: they become its Qt children and close with it.
    """

    def __init__(self, parts: Sequence[SessionWatcher], parent: QObject | None = None) -> None:
        super().__init__("+".join(part.name for part in parts), parent)
        self._parts = tuple(parts)
        for part in self._parts:
            part.setParent(self)
            part.lock_changed.connect(self._recompute_locked)
            part.sleep_changed.connect(self.sleep_changed)
        self._recompute_locked()

    @property
    def tracks_lock(self) -> bool:
        return any(part.tracks_lock for part in self._parts)

    @property
    def tracks_sleep(self) -> bool:
        return any(part.tracks_sleep for part in self._parts)

    def close(self) -> None:
        for part in self._parts:
            part.close()

    def _recompute_locked(self) -> None:
        self._set_locked(any(part.locked for part in self._parts))
