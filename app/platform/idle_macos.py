"""Idle time on macOS from CoreGraphics' ``CGEventSourceSecondsSinceLastEventType``, via ctypes.

It asks the HID system state (the hardware input itself, not one app's synthetic events)
for the time since any input event. No pyobjc: ctypes and the system framework suffice, so
nothing beyond the standard library is needed, and nothing is loaded on other systems.
"""

from __future__ import annotations

import ctypes
import logging
import math
import sys
from collections.abc import Callable

from app.platform.base import BackendUnavailable

log = logging.getLogger(__name__)

APPLICATION_SERVICES = (
    "/System/Library/Frameworks/ApplicationServices.framework/ApplicationServices"
)
"""The umbrella framework that carries CoreGraphics' event source functions."""

HID_SYSTEM_STATE = 1
"""``kCGEventSourceStateHIDSystemState``: input as the hardware delivered it."""
ANY_INPUT_EVENT = 0xFFFFFFFF
"""``kCGAnyInputEventType``: keyboard, pointer, scroll and tablet events alike."""


class MacIdleSource:
    """Reads the seconds since the last keyboard or pointer input from CoreGraphics."""

    name = "macos-cgeventsource"

    def __init__(
        self, *, platform: str = sys.platform, library_path: str = APPLICATION_SERVICES
    ) -> None:
        """Load the framework; raise BackendUnavailable saying why it cannot be read here.

        ``platform`` and ``library_path`` are for tests: a stand-in library on Linux checks
        the ctypes binding itself (argument and result types).
        """
        if platform != "darwin":
            raise BackendUnavailable(f"CoreGraphics idle time exists only on macOS, not {platform}")
        self._seconds_since: Callable[[], float] | None = _bind_seconds_since_input(library_path)

    def idle_seconds(self) -> float | None:
        if self._seconds_since is None:
            return None
        return idle_from_reading(self._seconds_since())

    def close(self) -> None:
        self._seconds_since = None


def idle_from_reading(seconds: float) -> float | None:
    """CoreGraphics' answer as an idle time; None when it is no time at all (NaN, negative)."""
    if not math.isfinite(seconds) or seconds < 0.0:
        log.warning("CoreGraphics reported an impossible idle time: %r", seconds)
        return None
    return seconds


def _bind_seconds_since_input(library_path: str) -> Callable[[], float]:
    try:
        library = ctypes.CDLL(library_path)
        function = library.CGEventSourceSecondsSinceLastEventType
    except (OSError, AttributeError) as exc:
        raise BackendUnavailable(f"cannot load CoreGraphics from {library_path}: {exc}") from exc
    # CFTimeInterval CGEventSourceSecondsSinceLastEventType(CGEventSourceStateID, CGEventType):
    # without restype ctypes would read the double as an int and return garbage.
    function.argtypes = (ctypes.c_int32, ctypes.c_uint32)
    function.restype = ctypes.c_double

    def seconds_since_input() -> float:
        return float(function(HID_SYSTEM_STATE, ANY_INPUT_EVENT))

    return seconds_since_input
