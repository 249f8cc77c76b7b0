"""Small test aids: record what a Qt signal carried, close what a test opened."""

from __future__ import annotations

import threading
from typing import Protocol, TypeVar

from PySide6.QtCore import SignalInstance


class SignalRecorder:
    """Every value a signal carried, and the thread it arrived on."""

    def __init__(self, signal: SignalInstance) -> None:
        self.values: list[object] = []
        self.threads: list[threading.Thread] = []
        signal.connect(self._record)

    @property
    def all_on_gui_thread(self) -> bool:
        """The Qt GUI thread is the main thread; no reader thread may deliver anything."""
        return all(thread is threading.main_thread() for thread in self.threads)

    def _record(self, value: object) -> None:
        self.values.append(value)
        self.threads.append(threading.current_thread())


class Closable(Protocol):
    def close(self) -> None: ...


C = TypeVar("C", bound=Closable)


class Closer:
    """Remembers what a test opened, to close it even when the test fails."""

    def __init__(self) -> None:
        self._opened: list[Closable] = []

    def __call__(self, thing: C) -> C:
        self._opened.append(thing)
        return thing

    def close_all(self) -> None:
        for thing in reversed(self._opened):
            thing.close()
