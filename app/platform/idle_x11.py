"""Idle time on X11 from the MIT-SCREEN-SAVER extension, through ctypes on libXss and libX11.

Never use it on Wayland: under XWayland it only sees input to X11 windows.

Losing the X server: classic Xlib calls ``exit()`` when a display connection breaks. Since
libX11 1.7 a display can have its own *exit handler*; ours marks the display lost, and
readings return None from then on. For the exit handler to be reached, Xlib's process-wide
IO error handler must return instead of exiting, so we install one that only logs. Other
Xlib displays in the process (Qt's, if it made one) keep the default exit handler and still
exit as before; only the message differs. Build this source after the QApplication so
Qt's own IO error handler does not replace ours. With an older libX11 there is no
per-display handler and losing the X server ends the process, like any X client.
"""

from __future__ import annotations

import ctypes
import logging
import weakref

from app.platform.base import BackendUnavailable

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


_IOErrorHandler = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p)
_IOErrorExitHandler = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.c_void_p)


def _log_instead_of_exiting(_display: int | None) -> int:
    log.error("The connection to an X server broke")
    return 0


_RETURNING_IO_ERROR_HANDLER = _IOErrorHandler(_log_instead_of_exiting)
"""Module constant: Xlib keeps a pointer to it for the rest of the process."""


class XScreenSaverIdleSource:
    """Reads ``XScreenSaverQueryInfo().idle`` from one display connection, opened once.

    Use from the thread that created it (Xlib displays are not shared between threads).
    """

    name = "x11-screensaver"

    def __init__(self, display_name: str | None = None) -> None:
        """Open ``display_name`` (None: ``$DISPLAY``); raise BackendUnavailable saying why not."""
        shown = display_name or "$DISPLAY"
        self._x11, self._xss = _load_libraries()
        display = self._x11.XOpenDisplay(display_name.encode() if display_name else None)
        if not display:
            raise BackendUnavailable(f"cannot open the X display {shown}")
        self._display: int = display
        self._closer = weakref.finalize(self, self._x11.XCloseDisplay, display)
        self._lost = False

        event_base, error_base = ctypes.c_int(), ctypes.c_int()
        if not self._xss.XScreenSaverQueryExtension(
            display, ctypes.byref(event_base), ctypes.byref(error_base)
        ):
            self.close()
            raise BackendUnavailable(f"the X server at {shown} has no MIT-SCREEN-SAVER extension")

        self._exit_handler = _IOErrorExitHandler(self._on_connection_lost)
        if hasattr(self._x11, "XSetIOErrorExitHandler"):
            self._x11.XSetIOErrorHandler(_RETURNING_IO_ERROR_HANDLER)
            self._x11.XSetIOErrorExitHandler(display, self._exit_handler, None)
        self._root: int = self._x11.XDefaultRootWindow(display)
        self._info = _XScreenSaverInfo()

    def idle_seconds(self) -> float | None:
        if self._lost or not self._closer.alive:
            return None
        status = self._xss.XScreenSaverQueryInfo(
            self._display, self._root, ctypes.byref(self._info)
        )
        if not status or self._lost:
            return None
        return float(self._info.idle) / 1000.0

    def close(self) -> None:
        self._closer()

    def _on_connection_lost(self, _display: int | None, _user_data: int | None) -> None:
        if not self._lost:
            log.warning("Lost the X server; idle time is unknown from now on")
        self._lost = True


def _load_libraries() -> tuple[ctypes.CDLL, ctypes.CDLL]:
    try:
        x11 = ctypes.CDLL("libX11.so.6")
        xss = ctypes.CDLL("libXss.so.1")
    except OSError as exc:
        raise BackendUnavailable(f"the X11 libraries are missing ({exc})") from exc

    x11.XOpenDisplay.argtypes = (ctypes.c_char_p,)
    x11.XOpenDisplay.restype = ctypes.c_void_p
    x11.XCloseDisplay.argtypes = (ctypes.c_void_p,)
    x11.XCloseDisplay.restype = ctypes.c_int
    x11.XDefaultRootWindow.argtypes = (ctypes.c_void_p,)
    x11.XDefaultRootWindow.restype = ctypes.c_ulong
    x11.XSetIOErrorHandler.argtypes = (_IOErrorHandler,)
    x11.XSetIOErrorHandler.restype = ctypes.c_void_p
    if hasattr(x11, "XSetIOErrorExitHandler"):  # libX11 >= 1.7
        x11.XSetIOErrorExitHandler.argtypes = (
            ctypes.c_void_p,
            _IOErrorExitHandler,
            ctypes.c_void_p,
        )
        x11.XSetIOErrorExitHandler.restype = None

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
    return x11, xss
