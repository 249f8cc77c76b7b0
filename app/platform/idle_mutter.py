"""Idle time on GNOME (Wayland or X11) from Mutter's ``IdleMonitor`` on the session bus.

On GNOME Wayland nothing else sees all input: XScreenSaver under XWayland sees only X11
clients, and GNOME offers no ext-idle-notify. Mutter answers ``GetIdletime`` with the
milliseconds since the last input of the whole session.

Each reading is one blocking D-Bus call on the thread that owns the source (the GUI
thread), bounded by a short timeout so a hung shell cannot freeze the tray for long.
"""

from __future__ import annotations

import logging

from app.platform.base import BackendUnavailable
from app.platform.dbus_connection import DBusCallFailed, EventLoopDBusConnection

log = logging.getLogger(__name__)

IDLE_MONITOR = "org.gnome.Mutter.IdleMonitor"
"""Bus name and interface of Mutter's idle monitor."""
IDLE_MONITOR_PATH = "/org/gnome/Mutter/IdleMonitor/Core"
"""The monitor of the core (all) input devices."""

CALL_TIMEOUT_S = 1.0


class MutterIdleSource:
    """Reads ``org.gnome.Mutter.IdleMonitor.GetIdletime`` over one session bus connection."""

    name = "mutter"

    def __init__(self, bus_address: str) -> None:
        """Connect to the session bus at ``bus_address``.

        Raise BackendUnavailable when the bus cannot be reached or nobody owns the idle
        monitor's name (not GNOME, or GNOME Shell not running yet).
        """
        self._bus = EventLoopDBusConnection(bus_address, call_timeout=CALL_TIMEOUT_S)
        try:
            owned = self._bus.has_owner(IDLE_MONITOR)
        except DBusCallFailed as exc:
            self._bus.close()
            raise BackendUnavailable(
                f"cannot ask the session bus for {IDLE_MONITOR}: {exc}"
            ) from exc
        if not owned:
            self._bus.close()
            raise BackendUnavailable(f"no {IDLE_MONITOR} on the session bus (is this GNOME?)")
        self._failing = False
        self._closed = False

    def idle_seconds(self) -> float | None:
        """Seconds since the last input, or None while Mutter does not answer (or after close)."""
        if self._closed:
            return None
        try:
            reply = self._bus.call(IDLE_MONITOR, IDLE_MONITOR_PATH, IDLE_MONITOR, "GetIdletime")
        except DBusCallFailed as exc:
            self._note_failure(str(exc))
            return None
        match reply:
            case (int(milliseconds),) if not isinstance(milliseconds, bool) and milliseconds >= 0:
                if self._failing:
                    log.info("Mutter answers again: idle time is known")
                    self._failing = False
                return milliseconds / 1000.0
            case _:
                self._note_failure(f"GetIdletime replied {reply!r}, not milliseconds")
                return None

    def close(self) -> None:
        self._closed = True
        self._bus.close()

    def _note_failure(self, reason: str) -> None:
        """Log once per outage: the scheduler reads idle time every few seconds."""
        if not self._failing:
            log.warning("Idle time from Mutter unavailable: %s", reason)
            self._failing = True
