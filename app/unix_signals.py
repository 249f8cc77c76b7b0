"""SIGTERM and SIGINT delivered to the Qt event loop.

Python runs signal handlers only between bytecodes, and while Qt's loop sleeps in C no
bytecode runs: the handler would wait for the next timer. ``signal.set_wakeup_fd`` makes
the interpreter write the signal number to a socket, which a ``QSocketNotifier`` watches.
"""

from __future__ import annotations

import contextlib
import signal
import socket

from PySide6.QtCore import QObject, QSocketNotifier, Signal


class UnixSignalBridge(QObject):
    """Emits ``received(signum)`` on the GUI thread for each watched signal."""

    received = Signal(int)

    def __init__(self, signals: tuple[int, ...], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._reader, self._writer = socket.socketpair()
        self._reader.setblocking(False)
        self._writer.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno())
        self._signals = signals
        self._previous_handlers = {s: signal.signal(s, _ignore) for s in signals}
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._drain)

    def _drain(self) -> None:
        try:
            data = self._reader.recv(64)
        except BlockingIOError:
            return
        for signum in data:
            self.received.emit(signum)

    def close(self) -> None:
        """Give the process its old handlers back."""
        self._notifier.setEnabled(False)
        signal.set_wakeup_fd(self._previous_fd)
        for signum, handler in self._previous_handlers.items():
            with contextlib.suppress(TypeError, ValueError):
                signal.signal(signum, handler)
        self._reader.close()
        self._writer.close()


def _ignore(_signum: int, _frame: object) -> None:
    """The real work happens in the bridge; the Python-level handler only has to exist."""
