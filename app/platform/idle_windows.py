"""Idle time on Windows from ``GetLastInputInfo``, through ctypes on user32 and kernel32.

``GetLastInputInfo`` gives the ``GetTickCount`` value of the session's last keyboard or
pointer input. Both are 32-bit millisecond counters that wrap to zero every 2**32 ms
(49.7 days of uptime), so the idle time is their difference modulo 2**32: right across a
wrap, wrong only for idle spells longer than 49.7 days.
"""

from __future__ import annotations

import ctypes
import logging
import sys
from collections.abc import Callable

from app.platform.base import BackendUnavailable

log = logging.getLogger(__name__)

TICK_MODULUS = 2**32
"""``GetTickCount`` and ``LASTINPUTINFO.dwTime`` are DWORDs: they count modulo this."""


class _LastInputInfo(ctypes.Structure):
    """``LASTINPUTINFO`` from <winuser.h>."""

    _fields_ = (("cbSize", ctypes.c_uint32), ("dwTime", ctypes.c_uint32))


def idle_ms_from_ticks(now: int, last_input: int) -> int:
    """Milliseconds from ``last_input`` to ``now``, two readings of the wrapping 32-bit tick.

    Read ``now`` after ``last_input``: the other way round, input in between would put
    ``last_input`` ahead and read as 49.7 days of idleness.
    """
    return (now - last_input) % TICK_MODULUS


class WindowsIdleSource:
    """Reads the time since the last input of this Windows session."""

    name = "windows-lastinput"

    def __init__(self) -> None:
        """Bind the two functions; raise BackendUnavailable when not on Windows."""
        self._last_input_tick: Callable[[], int | None] | None = _bind_last_input_tick()
        self._tick_count: Callable[[], int] | None = _bind_tick_count()

    def idle_seconds(self) -> float | None:
        if self._last_input_tick is None or self._tick_count is None:
            return None
        last_input = self._last_input_tick()
        if last_input is None:
            return None
        return idle_ms_from_ticks(self._tick_count(), last_input) / 1000.0

    def close(self) -> None:
        self._last_input_tick = None
        self._tick_count = None


def _bind_last_input_tick() -> Callable[[], int | None]:
    if sys.platform == "win32":
        # A private WinDLL, not ``ctypes.windll``: argtypes set on the shared loader's
        # functions would change them for every other user in the process.
        user32 = ctypes.WinDLL("user32", use_last_error=True)
        function = user32.GetLastInputInfo
        function.argtypes = (ctypes.POINTER(_LastInputInfo),)
        function.restype = ctypes.c_int  # BOOL

        def last_input_tick() -> int | None:
            info = _LastInputInfo(cbSize=ctypes.sizeof(_LastInputInfo))
            if not function(ctypes.byref(info)):
                log.warning("GetLastInputInfo failed (error %d)", ctypes.get_last_error())
                return None
            return int(info.dwTime)

        return last_input_tick
    raise BackendUnavailable(f"GetLastInputInfo exists only on Windows, not {sys.platform}")


def _bind_tick_count() -> Callable[[], int]:
    if sys.platform == "win32":
        kernel32 = ctypes.WinDLL("kernel32")
        function = kernel32.GetTickCount
        function.argtypes = ()
        # DWORD: without it ctypes reads a signed int, negative after 24.9 days of uptime.
        function.restype = ctypes.c_uint32

        def tick_count() -> int:
            return int(function())

        return tick_count
    raise BackendUnavailable(f"GetTickCount exists only on Windows, not {sys.platform}")
