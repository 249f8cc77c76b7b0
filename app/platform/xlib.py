"""One X display connection through ctypes on libX11 that survives losing the X server.

Classic Xlib calls ``exit()`` when a display connection breaks. Since libX11 1.7 a display
can have its own *exit handler*; ours marks the display lost, and its users read nothing
from then on. For that handler to be reached, Xlib's process-wide IO error handler must
return instead of exiting, so we install one that only logs. Other Xlib displays in the
process keep the default exit handler and still exit as before; only the message differs.
Open displays after the QApplication, so Qt's own IO error handler does not replace ours.
With an older libX11 there is no per-display handler and losing the X server ends the
process, like any X client.
"""

from __future__ import annotations

import ctypes
import logging
import weakref

from app.platform.base import BackendUnavailable

log = logging.getLogger(__name__)

_IOErrorHandler = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p)
_IOErrorExitHandler = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.c_void_p)


def _log_instead_of_exiting(_display: int | None) -> int:
    log.error("The connection to an X server broke")
    return 0


_RETURNING_IO_ERROR_HANDLER = _IOErrorHandler(_log_instead_of_exiting)
"""Module constant: Xlib keeps a pointer to it for the rest of the process."""


def load_libx11() -> ctypes.CDLL:
    """libX11 with the signatures every user here needs; BackendUnavailable if missing."""
    try:
        x11 = ctypes.CDLL("libX11.so.6")
    except OSError as exc:
        raise BackendUnavailable(f"the X11 library is missing ({exc})") from exc
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
    return x11


class XDisplay:
    """An open display, its root window, and whether the X server is gone."""

    def __init__(self, x11: ctypes.CDLL, display_name: str | None, lost_message: str) -> None:
        """Open ``display_name`` (None: ``$DISPLAY``); raise BackendUnavailable saying why not.

        ``lost_message`` is logged once if the X server goes away.
        """
        self.shown_name = display_name or "$DISPLAY"
        display = x11.XOpenDisplay(display_name.encode() if display_name else None)
        if not display:
            raise BackendUnavailable(f"cannot open the X display {self.shown_name}")
        self.handle: int = display
        self._closer = weakref.finalize(self, x11.XCloseDisplay, display)
        self._lost = False
        self._lost_message = lost_message
        self._exit_handler = _IOErrorExitHandler(self._on_connection_lost)
        if hasattr(x11, "XSetIOErrorExitHandler"):
            x11.XSetIOErrorHandler(_RETURNING_IO_ERROR_HANDLER)
            x11.XSetIOErrorExitHandler(display, self._exit_handler, None)
        self.root: int = x11.XDefaultRootWindow(display)

    @property
    def usable(self) -> bool:
        """Open and the X server still there."""
        return not self._lost and self._closer.alive

    def close(self) -> None:
        self._closer()

    def _on_connection_lost(self, _display: int | None, _user_data: int | None) -> None:
        if not self._lost:
            log.warning("%s", self._lost_message)
        self._lost = True
