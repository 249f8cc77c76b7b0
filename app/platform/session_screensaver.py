"""Screen lock from the desktop's screensaver service on the session bus.

KDE, Xfce and others emit ``org.freedesktop.ScreenSaver.ActiveChanged(b)``; GNOME Shell
emits ``org.gnome.ScreenSaver.ActiveChanged(b)``. An active screensaver counts as locked:
either way the user is not at the desk. The service may start after us, so we subscribe
to the signals whether or not anyone provides them yet.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject

from app.platform.base import BackendUnavailable, SessionWatcher
from app.platform.dbus_connection import DBusCallFailed, EventLoopDBusConnection

log = logging.getLogger(__name__)

SCREENSAVER_SERVICES = (
    ("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver"),
    ("org.gnome.ScreenSaver", "/org/gnome/ScreenSaver"),
)
"""(bus name = interface, object path) of each screensaver API we listen to."""


class ScreenSaverWatcher(SessionWatcher):
    """Locked while any screensaver service says it is active."""

    def __init__(self, bus_address: str, *, parent: QObject | None = None) -> None:
        """Raise BackendUnavailable when the session bus cannot be reached."""
        super().__init__("screensaver", parent)
        self._bus = EventLoopDBusConnection(bus_address, parent=self)
        self._active = dict.fromkeys((service for service, _path in SCREENSAVER_SERVICES), False)
        try:
            for service, path in SCREENSAVER_SERVICES:
                self._watch(service, path)
        except DBusCallFailed as exc:
            self._bus.close()
            raise BackendUnavailable(f"the session bus refused to pass signals: {exc}") from exc
        self._set_locked(any(self._active.values()))

    @property
    def tracks_lock(self) -> bool:
        return True

    def close(self) -> None:
        self._bus.close()

    def _watch(self, service: str, path: str) -> None:
        def on_active_changed(args: tuple[object, ...]) -> None:
            match args:
                case (bool(active),):
                    self._active[service] = active
                    self._set_locked(any(self._active.values()))
                case _:
                    log.warning("Ignored %s.ActiveChanged with arguments %r", service, args)

        self._bus.subscribe(on_active_changed, interface=service, member="ActiveChanged")
        if not self._bus.has_owner(service):
            return
        try:
            match self._bus.call(service, path, service, "GetActive"):
                case (bool(active),):
                    self._active[service] = active
                case reply:
                    log.warning("Ignored %s.GetActive reply %r", service, reply)
        except DBusCallFailed as exc:
            log.warning("Cannot read whether %s is active: %s", service, exc)
