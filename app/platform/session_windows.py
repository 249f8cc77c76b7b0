"""Screen lock and sleep on Windows, from window messages to a hidden window of our own.

- Lock: ``WTSRegisterSessionNotification`` makes Windows send ``WM_WTSSESSION_CHANGE`` to
  the window, with ``WTS_SESSION_LOCK`` or ``WTS_SESSION_UNLOCK`` in ``wParam``.
- Sleep: ``WM_POWERBROADCAST`` reaches every top-level window, hidden ones too (not a
  message-only window, hence a real hidden ``QWidget``): ``PBT_APMSUSPEND`` before the
  machine sleeps; after it, ``PBT_APMRESUMEAUTOMATIC`` always and ``PBT_APMRESUMESUSPEND``
  too when a user woke it. Either ends the sleep; the second changes nothing.

Not seen: "modern standby" (S0 low-power idle) sends no ``PBT_APMSUSPEND`` to windows;
there the sleep shows only as a gap in the clock, like with no watcher at all.
"""

from __future__ import annotations

import ctypes
import logging
import sys
from collections.abc import Callable

from PySide6.QtCore import QByteArray, QObject
from PySide6.QtWidgets import QWidget

from app.platform.base import BackendUnavailable, SessionWatcher

log = logging.getLogger(__name__)

WM_WTSSESSION_CHANGE = 0x02B1
WTS_SESSION_LOCK = 0x7
WTS_SESSION_UNLOCK = 0x8
WM_POWERBROADCAST = 0x0218
PBT_APMSUSPEND = 0x4
PBT_APMRESUMESUSPEND = 0x7
PBT_APMRESUMEAUTOMATIC = 0x12
NOTIFY_FOR_THIS_SESSION = 0

LOCK = "lock"
SLEEP = "sleep"
_NATIVE_MESSAGE_TYPE = b"windows_generic_MSG"
"""Qt's ``eventType`` for a Windows ``MSG``; ``message`` is then the address of one."""

_MESSAGES: dict[tuple[int, int], tuple[str, bool]] = {
    (WM_WTSSESSION_CHANGE, WTS_SESSION_LOCK): (LOCK, True),
    (WM_WTSSESSION_CHANGE, WTS_SESSION_UNLOCK): (LOCK, False),
    (WM_POWERBROADCAST, PBT_APMSUSPEND): (SLEEP, True),
    (WM_POWERBROADCAST, PBT_APMRESUMEAUTOMATIC): (SLEEP, False),
    (WM_POWERBROADCAST, PBT_APMRESUMESUSPEND): (SLEEP, False),
}


def classify_message(msg: int, wparam: int) -> tuple[str, bool] | None:
    """What a window message says: ``("lock", True)``, ``("sleep", False)``..., or None."""
    return _MESSAGES.get((msg, wparam))


class WindowsSessionWatcher(SessionWatcher):
    """Turns the lock and power messages of a hidden window into ``SessionWatcher`` signals."""

    def __init__(self, parent: QObject | None = None) -> None:
        """Create the window and register it; raise BackendUnavailable when not on Windows.

        Needs the QApplication (the window is a widget). When the lock notification cannot
        be registered (Terminal Services not started yet), sleep is still watched.
        """
        super().__init__("windows-session", parent)
        self._session_api = _SessionNotifications()
        self._asleep = False
        self._window: _MessageWindow | None = _MessageWindow(self._on_message)
        self._hwnd = int(self._window.winId())
        self._tracks_lock = self._session_api.register(self._hwnd)

    @property
    def tracks_lock(self) -> bool:
        return self._tracks_lock

    @property
    def tracks_sleep(self) -> bool:
        return True

    def close(self) -> None:
        if self._window is None:
            return
        if self._tracks_lock:
            self._session_api.unregister(self._hwnd)
        self._window.close_quietly()
        self._window = None

    def _on_message(self, msg: int, wparam: int) -> None:
        meaning = classify_message(msg, wparam)
        if meaning is None or self._window is None:
            return
        kind, state = meaning
        if kind == LOCK:
            self._set_locked(state)
        elif state != self._asleep:
            self._asleep = state
            self.sleep_changed.emit(state)


class _MessageWindow(QWidget):
    """Never shown; its native window receives the messages and hands on their numbers."""

    def __init__(self, on_message: Callable[[int, int], None]) -> None:
        super().__init__()
        self._on_message: Callable[[int, int], None] | None = on_message

    def close_quietly(self) -> None:
        self._on_message = None
        self.deleteLater()

    def nativeEvent(
        self, eventType: QByteArray | bytes | bytearray | memoryview, message: int
    ) -> object:
        callback = self._on_message
        kind = eventType.data() if isinstance(eventType, QByteArray) else bytes(eventType)
        if callback is not None and kind == _NATIVE_MESSAGE_TYPE:
            try:
                from ctypes import wintypes  # here, not at the top: a Windows module

                native = wintypes.MSG.from_address(int(message))
                callback(int(native.message), int(native.wParam))
            except Exception:
                log.exception("Handling a session message failed")
        # Not consumed: Windows' default handling of these messages stays as it is.
        return False, 0


class _SessionNotifications:
    """``WTSRegisterSessionNotification`` and its undoing, from wtsapi32."""

    def __init__(self) -> None:
        if sys.platform == "win32":
            from ctypes import wintypes

            library = ctypes.WinDLL("wtsapi32", use_last_error=True)
            self._register_fn = library.WTSRegisterSessionNotification
            self._register_fn.argtypes = (wintypes.HWND, wintypes.DWORD)
            self._register_fn.restype = wintypes.BOOL
            self._unregister_fn = library.WTSUnRegisterSessionNotification
            self._unregister_fn.argtypes = (wintypes.HWND,)
            self._unregister_fn.restype = wintypes.BOOL
        else:
            raise BackendUnavailable(
                f"Windows session notifications exist only on Windows, not {sys.platform}"
            )

    def register(self, hwnd: int) -> bool:
        if sys.platform == "win32":
            if self._register_fn(hwnd, NOTIFY_FOR_THIS_SESSION):
                return True
            log.warning(
                "WTSRegisterSessionNotification failed (error %d): screen lock is not seen",
                ctypes.get_last_error(),
            )
        return False

    def unregister(self, hwnd: int) -> None:
        if sys.platform == "win32":
            self._unregister_fn(hwnd)
