"""Whether the active window is fullscreen on X11, from the window manager's EWMH hints.

The window manager names the focused window in ``_NET_ACTIVE_WINDOW`` on the root window
and lists each window's states in ``_NET_WM_STATE``; a film, a game or a presentation
shows ``_NET_WM_STATE_FULLSCREEN`` there. Read through ctypes on libX11, one display
connection opened once (use it from the thread that opened it).

Xlib errors: the active window can vanish between the two reads, and Xlib's default error
handler would end the process for the ``BadWindow`` that follows. Xlib's error handler is
process-wide; ours only logs at debug level and lets the call return its failure status,
which we read. Qt talks to X through xcb, not Xlib, so it is not affected. A lost X server
is survived as ``xlib.XDisplay`` describes.
"""

from __future__ import annotations

import ctypes
import logging

from app.platform.xlib import XDisplay, load_libx11

log = logging.getLogger(__name__)

_SUCCESS = 0
_XA_ATOM = 4
_XA_WINDOW = 33
_MAX_ITEMS = 1024
"""More window states than any window manager defines: the list is read whole."""


class _XErrorEvent(ctypes.Structure):
    _fields_ = (
        ("type", ctypes.c_int),
        ("display", ctypes.c_void_p),
        ("resourceid", ctypes.c_ulong),
        ("serial", ctypes.c_ulong),
        ("error_code", ctypes.c_ubyte),
        ("request_code", ctypes.c_ubyte),
        ("minor_code", ctypes.c_ubyte),
    )


_ErrorHandler = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.POINTER(_XErrorEvent))


def _log_x_error(_display: int | None, event: ctypes._Pointer[_XErrorEvent]) -> int:
    error = event.contents
    log.debug("X error %d on resource %#x (ignored)", error.error_code, error.resourceid)
    return 0


_RETURNING_ERROR_HANDLER = _ErrorHandler(_log_x_error)
"""Module constant: Xlib keeps a pointer to it for the rest of the process."""


class X11FullscreenProbe:
    """Answers "is the active window fullscreen?" on one X display."""

    name = "x11-ewmh"

    def __init__(self, display_name: str | None = None) -> None:
        """Open ``display_name`` (None: ``$DISPLAY``); raise BackendUnavailable saying why not."""
        self._x11 = _load_x11()
        self._x = XDisplay(
            self._x11,
            display_name,
            "Lost the X server; fullscreen windows are not seen from now on",
        )
        self._x11.XSetErrorHandler(_RETURNING_ERROR_HANDLER)
        self._active_atom = self._atom(b"_NET_ACTIVE_WINDOW")
        self._state_atom = self._atom(b"_NET_WM_STATE")
        self._fullscreen_atom = self._atom(b"_NET_WM_STATE_FULLSCREEN")

    def active_window_fullscreen(self) -> bool | None:
        """True or False; None when it cannot be known (no EWMH window manager, no X)."""
        if not self._usable():
            return None
        active = self._read_ids(self._x.root, self._active_atom, _XA_WINDOW)
        if not active:
            return None  # no window manager publishes the active window
        if active[0] == 0:
            return False  # nothing has the focus (the desktop)
        states = self._read_ids(active[0], self._state_atom, _XA_ATOM)
        if not self._usable():
            return None  # the X server went away during the read
        return states is not None and self._fullscreen_atom in states

    def close(self) -> None:
        self._x.close()

    def _usable(self) -> bool:
        return self._x.usable

    def _atom(self, name: bytes) -> int:
        atom: int = self._x11.XInternAtom(self._x.handle, name, False)
        return atom

    def _read_ids(self, window: int, prop: int, kind: int) -> list[int] | None:
        """A 32-bit list property (windows, atoms); None when absent or unreadable."""
        actual_type, actual_format = ctypes.c_ulong(), ctypes.c_int()
        count, remaining = ctypes.c_ulong(), ctypes.c_ulong()
        data = ctypes.POINTER(ctypes.c_ulong)()
        status = self._x11.XGetWindowProperty(
            self._x.handle,
            window,
            prop,
            0,
            _MAX_ITEMS,
            False,
            kind,
            ctypes.byref(actual_type),
            ctypes.byref(actual_format),
            ctypes.byref(count),
            ctypes.byref(remaining),
            ctypes.byref(data),
        )
        try:
            if status != _SUCCESS or actual_type.value != kind or actual_format.value != 32:
                return None
            # Format-32 data comes as C longs, whatever their size.
            return [data[index] for index in range(count.value)]
        finally:
            self._x11.XFree(data)  # XFree(NULL) is allowed


def _load_x11() -> ctypes.CDLL:
    x11 = load_libx11()
    x11.XInternAtom.argtypes = (ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int)
    x11.XInternAtom.restype = ctypes.c_ulong
    x11.XSetErrorHandler.argtypes = (_ErrorHandler,)
    x11.XSetErrorHandler.restype = ctypes.c_void_p
    x11.XGetWindowProperty.argtypes = (
        ctypes.c_void_p,
        ctypes.c_ulong,
        ctypes.c_ulong,
        ctypes.c_long,
        ctypes.c_long,
        ctypes.c_int,
        ctypes.c_ulong,
        ctypes.POINTER(ctypes.c_ulong),
        ctypes.POINTER(ctypes.c_int),
        ctypes.POINTER(ctypes.c_ulong),
        ctypes.POINTER(ctypes.c_ulong),
        ctypes.POINTER(ctypes.POINTER(ctypes.c_ulong)),
    )
    x11.XGetWindowProperty.restype = ctypes.c_int
    x11.XFree.argtypes = (ctypes.c_void_p,)
    x11.XFree.restype = ctypes.c_int
    return x11
