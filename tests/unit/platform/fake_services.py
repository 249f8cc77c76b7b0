"""Stand-ins for logind and a screensaver, served with jeepney on a private bus.

Each owns its real bus names and answers method calls from its own thread, so the code
under test talks D-Bus to a real daemon exactly as it would to the real services.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence

from jeepney import (
    DBusAddress,
    HeaderFields,
    MessageType,
    message_bus,
    new_error,
    new_method_return,
    new_signal,
)
from jeepney.io.threading import DBusRouter, Proxy, ReceiveStopped, open_dbus_connection

from app.platform.session_logind import (
    LOGIND,
    MANAGER_INTERFACE,
    MANAGER_PATH,
    PROPERTIES_INTERFACE,
    SESSION_INTERFACE,
)

Reply = tuple[str, tuple[object, ...]]
"""(signature, body) of a method return."""
Method = Callable[[tuple[object, ...]], Reply]

PRIMARY_OWNER = 1


class FakeDBusError(Exception):
    def __init__(self, name: str, message: str) -> None:
        super().__init__(message)
        self.name = name


class FakeService:
    """Owns ``names`` on the bus at ``address`` and answers the methods given to ``serve``."""

    def __init__(self, address: str, names: Sequence[str]) -> None:
        self._connection = open_dbus_connection(bus=address)
        with DBusRouter(self._connection) as router:
            bus = Proxy(message_bus, router, timeout=5)
            for name in names:
                (result,) = bus.RequestName(name)
                assert result == PRIMARY_OWNER, f"could not own {name}"
        self._methods: dict[tuple[str, str], Method] = {}
        self._thread = threading.Thread(target=self._answer_calls, name="fake-dbus-service")

    def serve(self, methods: dict[tuple[str, str], Method]) -> None:
        self._methods = dict(methods)
        self._thread.start()

    def emit(
        self, path: str, interface: str, member: str, signature: str, body: tuple[object, ...]
    ) -> None:
        """Broadcast a signal from this service (thread-safe)."""
        self._connection.send(
            new_signal(DBusAddress(path, interface=interface), member, signature, body)
        )

    def close(self) -> None:
        self._connection.interrupt()
        if self._thread.is_alive():
            self._thread.join(timeout=10)
        self._connection.close()

    def _answer_calls(self) -> None:
        while True:
            try:
                message = self._connection.receive()
            except (ReceiveStopped, OSError):
                return
            if message.header.message_type is not MessageType.method_call:
                continue
            fields = message.header.fields
            method = self._methods.get(
                (fields.get(HeaderFields.interface), fields[HeaderFields.member])
            )
            if method is None:
                reply = new_error(
                    message, "org.freedesktop.DBus.Error.UnknownMethod", "s", ("no such method",)
                )
            else:
                try:
                    signature, body = method(tuple(message.body))
                    reply = new_method_return(message, signature, body)
                except FakeDBusError as exc:
                    reply = new_error(message, exc.name, "s", (str(exc),))
            self._connection.send(reply)


def session_path(session_id: str) -> str:
    """logind's object path for a session, escaped as sd-bus does ("7" -> "_37")."""
    escaped = "".join(
        char
        if char.isascii() and (char.isalpha() or (char.isdigit() and i > 0))
        else f"_{ord(char):02x}"
        for i, char in enumerate(session_id)
    )
    return f"/org/freedesktop/login1/session/{escaped}"


class FakeLogind:
    """logind with one session, ``session_id``; ``pid_in_session`` decides GetSessionByPID."""

    def __init__(
        self,
        address: str,
        *,
        session_id: str = "c2",
        pid_in_session: bool = True,
        locked: bool = False,
        sleep_while_asked_for_session: bool = False,
    ) -> None:
        """``sleep_while_asked_for_session``: PrepareForSleep(True) just before that reply."""
        self.session_id = session_id
        self._sleep_while_asked = sleep_while_asked_for_session
        self.locked = locked
        self._pid_in_session = pid_in_session
        self._service = FakeService(address, [LOGIND])
        self._service.serve(
            {
                (MANAGER_INTERFACE, "GetSessionByPID"): self._session_by_pid,
                (MANAGER_INTERFACE, "GetSession"): self._session,
                (PROPERTIES_INTERFACE, "Get"): self._get_property,
            }
        )

    def prepare_for_sleep(self, going_to_sleep: object, signature: str = "b") -> None:
        self._service.emit(
            MANAGER_PATH, MANAGER_INTERFACE, "PrepareForSleep", signature, (going_to_sleep,)
        )

    def set_locked(self, locked: bool, *, session_id: str | None = None) -> None:
        """Change LockedHint (of our session, or of another one when ``session_id`` says)."""
        if session_id is None:
            self.locked = locked
        self._service.emit(
            session_path(session_id or self.session_id),
            PROPERTIES_INTERFACE,
            "PropertiesChanged",
            "sa{sv}as",
            (SESSION_INTERFACE, {"LockedHint": ("b", locked)}, []),
        )

    def close(self) -> None:
        self._service.close()

    def _session_by_pid(self, args: tuple[object, ...]) -> Reply:
        if self._sleep_while_asked:
            self.prepare_for_sleep(True)
        if not self._pid_in_session:
            raise FakeDBusError(
                "org.freedesktop.login1.NoSessionForPID", f"PID {args[0]} has no session"
            )
        return "o", (session_path(self.session_id),)

    def _session(self, args: tuple[object, ...]) -> Reply:
        if args != (self.session_id,):
            raise FakeDBusError("org.freedesktop.login1.NoSuchSession", f"No session {args[0]!r}")
        return "o", (session_path(self.session_id),)

    def _get_property(self, args: tuple[object, ...]) -> Reply:
        if args != (SESSION_INTERFACE, "LockedHint"):
            raise FakeDBusError("org.freedesktop.DBus.Error.UnknownProperty", f"no {args!r}")
        return "v", (("b", self.locked),)


class FakeScreenSaver:
    """Screensaver services, one per name in ``names`` (org.freedesktop / org.gnome), on one
    connection: signals of one sender arrive in the order they were sent."""

    def __init__(self, address: str, names: Sequence[str], *, active: bool = False) -> None:
        self.active = dict.fromkeys(names, active)
        self._service = FakeService(address, names)
        self._service.serve({(name, "GetActive"): self._get_active(name) for name in names})

    def set_active(self, active: bool, name: str | None = None) -> None:
        """Change one service's state (the only one, when ``name`` is None)."""
        (name,) = [name] if name is not None else self.active
        self.active[name] = active
        self._service.emit("/" + name.replace(".", "/"), name, "ActiveChanged", "b", (active,))

    def close(self) -> None:
        self._service.close()

    def _get_active(self, name: str) -> Method:
        return lambda _args: ("b", (self.active[name],))
