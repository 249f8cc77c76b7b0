"""Hand a call from any thread to the thread that owns the Qt event loop.

Qt objects may only be touched on their own thread, and a Python thread has no event loop
to deliver timers to. Emitting a signal across a queued connection is Qt's thread-safe
way to post work to another thread's loop.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal, Slot


class GuiThreadPoster(QObject):
    """Runs posted callables later, on the thread this object was created on.

    Create it on the GUI thread. A posted call always runs from the event loop, never
    inline, even when posted from the GUI thread itself: the poster's caller finishes first.
    """

    _posted = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._posted.connect(self._run, Qt.ConnectionType.QueuedConnection)

    def post(self, call: Callable[[], None]) -> None:
        """Queue ``call`` to run on this object's thread; safe from any thread."""
        self._posted.emit(call)

    @Slot(object)
    def _run(self, call: Callable[[], None]) -> None:
        call()
