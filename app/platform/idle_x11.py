"""Idle time on X11 from the MIT-SCREEN-SAVER extension, through ctypes on libXss and libX11.

Never use it on Wayland: under XWayland it only sees input to X11 windows. The display
connection survives losing the X server (``xlib.XDisplay``): readings are None from then on.
"""

from __future__ import annotations

import ctypes
import logging

from app.platform.base import BackendUnavailable
from app.platform.xlib import XDisplay, load_libx11

log = logging.getLogger(__name__)


class _XScreenSaverInfo(ctypes.Structure):
    """``XScreenSaverInfo`` from <X11/extensions/scrnsaver.h>."""

    _fields_ = (
        ("window", ctypes.c_ulong),
        ("state", ctypes.c_int),
        ("kind", ctypes.c_int),
        ("til_or_since", ctypes.c_ulong),
        ("idle", ctypes.c_ulong),
        ("event_mask", ctypes.c_ulong),
    )


class XScreenSaverIdleSource:
    """Reads ``XScreenSaverQueryInfo().idle`` from one display connection, opened once.

    Use from the thread that created it (Xlib displays are not shared between threads).
    """

    name = "x11-screensaver"

    def __init__(self, display_name: str | None = None) -> None:
        """Open ``display_name`` (None: ``$DISPLAY``); raise BackendUnavailable saying why not."""
        x11 = load_libx11()
        self._xss = _load_libxss()
        self._x = XDisplay(x11, display_name, "Lost the X server; idle time is unknown from now on")
        event_base, error_base = ctypes.c_int(), ctypes.c_int()
        if not self._xss.XScreenSaverQueryExtension(
            self._x.handle, ctypes.byref(event_base), ctypes.byref(error_base)
        ):
            self.close()
            raise BackendUnavailable(
                f"the X server at {self._x.shown_name} has no MIT-SCREEN-SAVER extension"
            )
        self._info = _XScreenSaverInfo()

    def idle_seconds(self) -> float | None:
        if not self._x.usable:
            return None
        status = self._xss.XScreenSaverQueryInfo(
            self._x.handle, self._x.root, ctypes.byref(self._info)
        )
        if not status or not self._x.usable:
            return None
        return float(self._info.idle) / 1000.0

    def close(self) -> None:
        self._x.close()


def _load_libxss() -> ctypes.CDLL:
    try:
        xss = ctypes.CDLL("libXss.so.1")
    except OSError as exc:
        raise BackendUnavailable(f"the X11 libraries are missing ({exc})") from exc
    xss.XScreenSaverQueryExtension.argtypes = (
        ctypes.c_void_p,
        ctypes.POINTER(ctypes.c_int),
        ctypes.POINTER(ctypes.c_int),
    )
    xss.XScreenSaverQueryExtension.restype = ctypes.c_int
    xss.XScreenSaverQueryInfo.argtypes = (
        ctypes.c_void_p,
        ctypes.c_ulong,
        ctypes.POINTER(_XScreenSaverInfo),
    )
    xss.XScreenSaverQueryInfo.restype = ctypes.c_int
    return xss
