"""Prompts as desktop notifications: ``org.freedesktop.Notifications`` over jeepney.

PySide6's QtDBus cannot send the ``uint32`` arguments ``Notify`` needs, so we talk
jeepney through :class:`EventLoopDBusConnection`, which reads the socket on the GUI
thread. Only behaviour the notification specification defines is used, each piece
checked against ``GetCapabilities``, so any compliant server works:

- the ``default`` action (a click on the bubble) and a Snooze action, when the server
  lists "actions"; ``expire_timeout`` 0, so the bubble waits for the user;
- ``urgency`` (normal) and ``desktop-entry`` hints; the body escaped when the server
  reads markup, and folded into the summary when it shows no body;
- ``replaces_id`` for a re-reminder, ``CloseNotification`` to take a bubble back.

``ActionInvoked`` and ``NotificationClosed`` come on the connection that sent ``Notify``:
dunst sends them to that connection alone, GNOME Shell to everyone, so the answers are
pinned to the server's unique name and filtered by the id of the bubble on screen.
"""

from __future__ import annotations

import logging
from enum import IntEnum

from PySide6.QtCore import QCoreApplication, QObject

from app.platform.base import BackendUnavailable
from app.platform.dbus_connection import DBusCallFailed, EventLoopDBusConnection
from app.platform.notify_base import DeliveryFailed, Notifier, NotifierName, PromptNotice

log = logging.getLogger(__name__)

NOTIFICATIONS_NAME = "org.freedesktop.Notifications"
NOTIFICATIONS_PATH = "/org/freedesktop/Notifications"
NOTIFICATIONS_INTERFACE = "org.freedesktop.Notifications"
_BUS_DRIVER = ("org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus")

DEFAULT_ACTION = "default"
"""The spec's key for "the user clicked the notification itself"."""
SNOOZE_ACTION = "snooze"

NEVER_EXPIRE = 0
"""``expire_timeout`` 0: the bubble stays until the user (or we) close it."""
SERVER_DEFAULT_EXPIRY = -1
"""``expire_timeout`` -1: the server's own timeout (a summary needs no answer)."""
URGENCY_NORMAL = 1

_MARKUP_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})


def escape_markup(text: str) -> str:
    """``text`` shown as written by a server that reads body markup (a subset of HTML).

    ``html.escape`` would do the same but loads the ``html`` package's entity tables, half a
    megabyte kept for the whole run, for these three characters.
    """
    return text.translate(_MARKUP_ESCAPES)


class CloseReason(IntEnum):
    """``NotificationClosed`` reasons from the specification."""

    EXPIRED = 1
    DISMISSED = 2
    CLOSED_BY_CALL = 3
    UNDEFINED = 4


class FreedesktopNotifier(Notifier):
    """One prompt bubble at a time on the desktop's notification server."""

    def __init__(
        self,
        bus_address: str,
        *,
        app_name: str,
        desktop_entry: str,
        icon: str = "",
        call_timeout: float = 3.0,
        parent: QObject | None = None,
    ) -> None:
        """Connect and ask the server what it can do.

        ``desktop_entry`` is the desktop file's name without ``.desktop``; ``icon`` an icon
        name from the theme or a ``file://`` URI ("" shows none). Raise BackendUnavailable
        when the bus cannot be reached or no notification server runs or can be started.
        ``call_timeout`` bounds each blocking call, server activation included.
        """
        super().__init__(NotifierName.FREEDESKTOP, parent=parent)
        self._app_name = app_name
        self._desktop_entry = desktop_entry
        self._icon = icon
        self._capabilities: frozenset[str] = frozenset()
        self._watched_owners: set[str] = set()
        self._shown_id: int | None = None
        """The id of our bubble on screen; signals about any other id are not ours."""

        self._bus = EventLoopDBusConnection(bus_address, call_timeout=call_timeout, parent=self)
        try:
            self._require_server()
            self._bus.subscribe(
                self._on_owner_changed,
                interface="org.freedesktop.DBus",
                member="NameOwnerChanged",
                sender="org.freedesktop.DBus",
                arg0=NOTIFICATIONS_NAME,
            )
            self._learn_server()  # activates the server when it is not running yet
        except DBusCallFailed as exc:
            self._bus.close()
            raise BackendUnavailable(f"the notification server did not answer: {exc}") from exc
        except BackendUnavailable:
            self._bus.close()
            raise

    @property
    def clickable(self) -> bool:
        return "actions" in self._capabilities

    @property
    def shown_id(self) -> int | None:
        """The server's id for our bubble on screen, None when none is."""
        return self._shown_id

    @property
    def capabilities(self) -> frozenset[str]:
        """What the server said it can do (``GetCapabilities``)."""
        return self._capabilities

    def show(self, notice: PromptNotice) -> None:
        replaces_id = 0
        if self._shown_id is not None:
            if notice.replaces_previous:
                replaces_id = self._shown_id
            else:
                self.close()  # one prompt on screen at a time
        summary, body = self._texts(notice)
        actions: list[str] = []
        if self.clickable:
            open_label = notice.open_label or QCoreApplication.translate(
                "FreedesktopNotifier", "Show the stretch"
            )
            actions = [DEFAULT_ACTION, open_label]
            if notice.snooze_minutes is not None:
                actions += [
                    SNOOZE_ACTION,
                    QCoreApplication.translate(
                        "FreedesktopNotifier", "Snooze {minutes} min"
                    ).format(minutes=notice.snooze_minutes),
                ]
        hints = {
            "urgency": ("y", URGENCY_NORMAL),
            "desktop-entry": ("s", self._desktop_entry),
        }
        args = (self._app_name, replaces_id, self._icon, summary, body, actions, hints)
        try:
            reply = self._bus.call(
                NOTIFICATIONS_NAME,
                NOTIFICATIONS_PATH,
                NOTIFICATIONS_INTERFACE,
                "Notify",
                "susssasa{sv}i",
                (*args, NEVER_EXPIRE if notice.waits else SERVER_DEFAULT_EXPIRY),
            )
        except DBusCallFailed as exc:
            self._shown_id = None
            raise DeliveryFailed(f"the notification server refused the prompt: {exc}") from exc
        match reply:
            case (int(notification_id),) if notification_id > 0:
                self._shown_id = notification_id
            case _:
                self._shown_id = None
                raise DeliveryFailed(f"Notify returned {reply!r} instead of a notification id")

    def close(self) -> None:
        notification_id, self._shown_id = self._shown_id, None
        if notification_id is not None:
            self._close_on_server(notification_id)

    def shutdown(self) -> None:
        self.close()
        self._bus.close()

    # ------------------------------------------------------------------ internals
    def _require_server(self) -> None:
        """Fail early, with a reason, when nobody owns the name and the bus cannot start one."""
        if self._bus.has_owner(NOTIFICATIONS_NAME):
            return
        match self._bus.call(*_BUS_DRIVER, "ListActivatableNames"):
            case (list(names),) if NOTIFICATIONS_NAME in names:
                return
            case _:
                raise BackendUnavailable(
                    f"no notification server: {NOTIFICATIONS_NAME} is neither running "
                    "nor startable on the session bus"
                )

    def _learn_server(self) -> None:
        """Capabilities, the server's name for the log, and where its answers come from."""
        match self._bus.call(
            NOTIFICATIONS_NAME, NOTIFICATIONS_PATH, NOTIFICATIONS_INTERFACE, "GetCapabilities"
        ):
            case (list(capabilities),):
                self._capabilities = frozenset(str(item) for item in capabilities)
            case reply:
                raise DBusCallFailed(f"GetCapabilities returned {reply!r}")
        match self._bus.call(*_BUS_DRIVER, "GetNameOwner", "s", (NOTIFICATIONS_NAME,)):
            case (str(owner),):
                self._watch_owner(owner)
            case reply:
                raise DBusCallFailed(f"GetNameOwner returned {reply!r}")
        try:
            info = self._bus.call(
                NOTIFICATIONS_NAME,
                NOTIFICATIONS_PATH,
                NOTIFICATIONS_INTERFACE,
                "GetServerInformation",
            )
        except DBusCallFailed as exc:
            info = (f"unknown ({exc})",)
        log.info(
            "Notification server %s; capabilities: %s",
            " ".join(str(part) for part in info),
            ", ".join(sorted(self._capabilities)) or "none",
        )

    def _watch_owner(self, owner: str) -> None:
        """Listen to the answers of the connection that owns the name now.

        Subscriptions pin its unique name, which the bus never gives to anyone else, so
        the handlers of a server that quit simply never run again.
        """
        if owner in self._watched_owners:
            return
        self._watched_owners.add(owner)
        for member, handler in (
            ("ActionInvoked", self._on_action_invoked),
            ("NotificationClosed", self._on_notification_closed),
        ):
            self._bus.subscribe(
                handler,
                interface=NOTIFICATIONS_INTERFACE,
                member=member,
                sender=owner,
                path=NOTIFICATIONS_PATH,
            )

    def _texts(self, notice: PromptNotice) -> tuple[str, str]:
        if "body" not in self._capabilities:
            # The server shows only the summary: keep the movement's name in it.
            return f"{notice.title} — {notice.body}" if notice.body else notice.title, ""
        if "body-markup" in self._capabilities:
            return notice.title, escape_markup(notice.body)
        return notice.title, notice.body

    def _close_on_server(self, notification_id: int) -> None:
        try:
            self._bus.call(
                NOTIFICATIONS_NAME,
                NOTIFICATIONS_PATH,
                NOTIFICATIONS_INTERFACE,
                "CloseNotification",
                "u",
                (notification_id,),
            )
        except DBusCallFailed as exc:
            # The spec answers an error when the bubble is already gone: nothing to do.
            log.debug("CloseNotification(%d): %s", notification_id, exc)

    def _on_action_invoked(self, args: tuple[object, ...]) -> None:
        match args:
            case (int(notification_id), str(action)):
                if notification_id != self._shown_id:
                    return  # another application's bubble, or one of ours already answered
            case _:
                log.warning("Ignored ActionInvoked with arguments %r", args)
                return
        if action not in (DEFAULT_ACTION, SNOOZE_ACTION):
            log.warning("Ignored unknown action %r on notification %d", action, notification_id)
            return
        # Answered: take the bubble away (dunst leaves it up after `dunstctl action`).
        self.close()
        if action == DEFAULT_ACTION:
            self.clicked.emit()
        else:
            self.snooze_requested.emit()

    def _on_notification_closed(self, args: tuple[object, ...]) -> None:
        match args:
            case (int(notification_id), int(reason)):
                if notification_id != self._shown_id:
                    return
            case _:
                log.warning("Ignored NotificationClosed with arguments %r", args)
                return
        self._shown_id = None
        if reason == CloseReason.DISMISSED:
            self.dismissed.emit()
        elif reason == CloseReason.CLOSED_BY_CALL:
            log.info("Notification %d was closed by another program", notification_id)
        else:
            if reason != CloseReason.EXPIRED:
                log.info("Notification %d closed for reason %d: no answer", notification_id, reason)
            self.expired.emit()

    def _on_owner_changed(self, args: tuple[object, ...]) -> None:
        match args:
            case (str(), str(old_owner), str(new_owner)):
                pass
            case _:
                log.warning("Ignored NameOwnerChanged with arguments %r", args)
                return
        if old_owner and self._shown_id is not None:
            # The server quit (or crashed) and its bubbles went with it: nobody answered.
            log.warning("The notification server %s went away with our prompt on screen", old_owner)
            self._shown_id = None
            self.expired.emit()
        if new_owner:
            log.info("Notification server changed: now %s", new_owner)
            self._refresh_server()

    def _refresh_server(self) -> None:
        try:
            self._learn_server()
        except DBusCallFailed as exc:
            log.warning("The new notification server did not answer: %s", exc)
