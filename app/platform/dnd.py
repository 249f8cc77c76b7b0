"""Do-not-disturb and idle inhibitors, asked of the session bus at each reading.

Verified here: dunst's ``org.dunstproject.cmd0`` property ``paused`` (dunst >= 1.5; what
``dunstctl set-paused`` sets). Read as well, not verifiable here: KDE Plasma's
``Inhibited`` property on ``org.freedesktop.Notifications`` (not in the notification
spec), and GNOME's ``org.gnome.SessionManager.IsInhibited(8)`` (8 = the idle flag: a film
or a call holds it). GNOME's "show-banners" is a GSettings key: D-Bus has no way to read
it (dconf serves writes only; reads come from its database file), so it is not seen.

Each name is asked only while it has an owner, so no call ever starts a service.
"""

from __future__ import annotations

import logging

from app.platform.dbus_connection import DBusCallFailed, EventLoopDBusConnection

log = logging.getLogger(__name__)

NOTIFICATIONS = "org.freedesktop.Notifications"
NOTIFICATIONS_PATH = "/org/freedesktop/Notifications"
DUNST_INTERFACE = "org.dunstproject.cmd0"
SESSION_MANAGER = "org.gnome.SessionManager"
SESSION_MANAGER_PATH = "/org/gnome/SessionManager"
INHIBIT_IDLE = 8
"""``GsmInhibitorFlag`` "idle": the session must not be marked idle."""


class SessionBusQuiet:
    """Reads do-not-disturb and the idle inhibitor over one session bus connection."""

    name = "dbus"

    def __init__(self, connection: EventLoopDBusConnection) -> None:
        self._bus = connection

    def do_not_disturb(self) -> bool:
        """Whether the notification server holds bubbles back now."""
        if not self._owned(NOTIFICATIONS):
            return False
        for interface, prop in ((NOTIFICATIONS, "Inhibited"), (DUNST_INTERFACE, "paused")):
            try:
                value = self._bus.get_property(NOTIFICATIONS, NOTIFICATIONS_PATH, interface, prop)
            except DBusCallFailed:
                continue  # this server has no such property
            if isinstance(value, bool):
                return value
        return False

    def idle_inhibited(self) -> bool:
        """Whether an application holds GNOME's idle inhibitor (a film, a call)."""
        if not self._owned(SESSION_MANAGER):
            return False
        try:
            reply = self._bus.call(
                SESSION_MANAGER,
                SESSION_MANAGER_PATH,
                SESSION_MANAGER,
                "IsInhibited",
                "u",
                (INHIBIT_IDLE,),
            )
        except DBusCallFailed as exc:
            log.debug("IsInhibited: %s", exc)
            return False
        return reply == (True,)

    def close(self) -> None:
        self._bus.close()

    def _owned(self, name: str) -> bool:
        try:
            return self._bus.has_owner(name)
        except DBusCallFailed:
            return False
