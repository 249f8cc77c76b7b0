"""Sleep and screen lock from systemd-logind on the system bus.

``Manager.PrepareForSleep(b)`` comes before a suspend (True) and after the resume (False).
The screen lock is the session's ``LockedHint`` property, which desktops set when they
lock; we follow it through ``PropertiesChanged`` on the real session path (signals are
never sent on ``/session/auto``).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject

from app.platform.base import BackendUnavailable, SessionWatcher
from app.platform.dbus_connection import DBusCallFailed, EventLoopDBusConnection

log = logging.getLogger(__name__)

LOGIND = "org.freedesktop.login1"
MANAGER_PATH = "/org/freedesktop/login1"
MANAGER_INTERFACE = "org.freedesktop.login1.Manager"
SESSION_INTERFACE = "org.freedesktop.login1.Session"
PROPERTIES_INTERFACE = "org.freedesktop.DBus.Properties"


class LogindWatcher(SessionWatcher):
    """Follows logind; raises BackendUnavailable when the bus or logind is not there."""

    def __init__(
        self,
        bus_address: str,
        *,
        pid: int,
        session_id: str | None = None,
        parent: QObject | None = None,
    ) -> None:
        """Watch the login session of process ``pid`` (or, failing that, ``session_id``)."""
        super().__init__("logind", parent)
        self._bus = EventLoopDBusConnection(bus_address, parent=self)
        self._session_path: str | None = None
        try:
            if not self._bus.has_owner(LOGIND):
                raise BackendUnavailable(f"logind is not running on the bus at {bus_address}")
            self._bus.subscribe(
                self._on_prepare_for_sleep,
                sender=LOGIND,
                interface=MANAGER_INTERFACE,
                member="PrepareForSleep",
                path=MANAGER_PATH,
            )
            self._session_path = self._watch_lock(self._find_session(pid, session_id))
        except DBusCallFailed as exc:
            self._bus.close()
            raise BackendUnavailable(f"logind did not answer: {exc}") from exc
        except BackendUnavailable:
            self._bus.close()
            raise

    @property
    def tracks_lock(self) -> bool:
        return self._session_path is not None

    @property
    def tracks_sleep(self) -> bool:
        return True

    def close(self) -> None:
        self._bus.close()

    def _find_session(self, pid: int, session_id: str | None) -> str | None:
        """The object path of our login session, or None when logind does not know it."""
        try:
            return _object_path(
                self._bus.call(
                    LOGIND, MANAGER_PATH, MANAGER_INTERFACE, "GetSessionByPID", "u", (pid,)
                )
            )
        except DBusCallFailed as exc:
            log.info("logind has no session for PID %d (%s)", pid, exc)
        if session_id is None:
            log.warning("No logind session (no XDG_SESSION_ID either): screen lock not seen")
            return None
        try:
            return _object_path(
                self._bus.call(
                    LOGIND, MANAGER_PATH, MANAGER_INTERFACE, "GetSession", "s", (session_id,)
                )
            )
        except DBusCallFailed as exc:
            log.warning("logind has no session %r (%s): screen lock not seen", session_id, exc)
            return None

    def _watch_lock(self, session_path: str | None) -> str | None:
        """Follow ``LockedHint`` of the session; subscribe first so no change slips between."""
        if session_path is None:
            return None
        self._bus.subscribe(
            self._on_properties_changed,
            sender=LOGIND,
            interface=PROPERTIES_INTERFACE,
            member="PropertiesChanged",
            path=session_path,
            arg0=SESSION_INTERFACE,
        )
        try:
            locked = self._bus.get_property(LOGIND, session_path, SESSION_INTERFACE, "LockedHint")
        except DBusCallFailed as exc:  # logind older than systemd 230 has no LockedHint
            log.warning("No LockedHint on %s (%s): screen lock not seen", session_path, exc)
            return None
        self._set_locked(locked is True)
        return session_path

    def _on_prepare_for_sleep(self, args: tuple[object, ...]) -> None:
        match args:
            case (bool(going_to_sleep),):
                self.sleep_changed.emit(going_to_sleep)
            case _:
                log.warning("Ignored a PrepareForSleep signal with arguments %r", args)

    def _on_properties_changed(self, args: tuple[object, ...]) -> None:
        match args:
            case (str(), dict(changed), list()):
                match changed.get("LockedHint"):
                    case ("b", bool(locked)):
                        self._set_locked(locked)
                    case None:
                        pass  # another property changed
                    case other:
                        log.warning("Ignored a LockedHint of %r", other)
            case _:
                log.warning("Ignored a PropertiesChanged signal with arguments %r", args)


def _object_path(reply: tuple[object, ...]) -> str:
    match reply:
        case (str(path),):
            return path
    raise DBusCallFailed(f"expected an object path, got {reply!r}")
