"""A D-Bus connection (jeepney, pure Python) read on the Qt event loop, without a thread.

A QSocketNotifier says when the socket has data; we parse what arrived and hand each
subscribed signal to its handler on the thread that owns this object. Method calls block,
bounded by ``call_timeout``: they are for setting up, not for the steady state. Signals
that arrive during a call are delivered from the event loop afterwards, never from inside
the call, so a constructor that makes calls cannot emit before anyone is connected.

Broadcast signals reach handlers after the bus applied our match rule (including its
sender). A signal addressed to us directly bypasses match rules, so it reaches only a
subscription that names its sender's unique name (":1.42"): the bus writes the sender
field itself, so checking it here is as good as the bus's own check. Some services send
their signals only to the connection they concern (dunst's ``ActionInvoked``).
"""

# jeepney ships no type information; the pyproject override for "jeepney.*" makes this moot.

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable
from typing import Any

from jeepney import (
    DBusAddress,
    DBusErrorResponse,
    HeaderFields,
    MatchRule,
    Message,
    Properties,
    message_bus,
    new_method_call,
)
from jeepney.io.blocking import DBusConnection, open_dbus_connection
from jeepney.wrappers import unwrap_msg
from PySide6.QtCore import QObject, QSocketNotifier, QTimer

from app.platform.base import BackendUnavailable

log = logging.getLogger(__name__)

SignalHandler = Callable[[tuple[object, ...]], None]
"""Gets the signal's arguments; D-Bus data is untrusted, so handlers check the types."""


class DBusCallFailed(Exception):
    """A method call got an error reply, timed out, or the connection broke."""


class EventLoopDBusConnection(QObject):
    """One connection to one bus; create it on the thread whose event loop should read it."""

    def __init__(
        self, address: str, *, call_timeout: float = 2.0, parent: QObject | None = None
    ) -> None:
        """Connect to ``address`` (a D-Bus address such as ``unix:path=/run/dbus/...``)."""
        super().__init__(parent)
        self._address = address
        self._call_timeout = call_timeout
        try:
            connection = open_dbus_connection(bus=address, auth_timeout=call_timeout)
        except (OSError, RuntimeError, ValueError) as exc:
            raise BackendUnavailable(f"cannot connect to D-Bus at {address}: {exc}") from exc
        self._link = _Link(connection)
        # Deleted with a Qt parent (or collected) before close(): the socket closes anyway.
        self.destroyed.connect(self._link.close)
        self._handlers: list[tuple[MatchRule, SignalHandler, bool]] = []
        """(local rule, handler, whether signals addressed to us directly may reach it)"""
        self._notifier = QSocketNotifier(connection.sock.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._read_available)
        self._deliver_soon = QTimer(self)
        self._deliver_soon.setSingleShot(True)
        self._deliver_soon.setInterval(0)
        self._deliver_soon.timeout.connect(self._read_available)

    @property
    def address(self) -> str:
        return self._address

    def call(
        self,
        destination: str,
        path: str,
        interface: str,
        member: str,
        signature: str = "",
        args: tuple[object, ...] = (),
    ) -> tuple[object, ...]:
        """Call a method and wait for its reply; raise DBusCallFailed naming what went wrong."""
        target = DBusAddress(path, bus_name=destination, interface=interface)
        return self._send_and_unwrap(new_method_call(target, member, signature, args), member)

    def get_property(self, destination: str, path: str, interface: str, name: str) -> object:
        """One property's value (the variant unwrapped)."""
        target = DBusAddress(path, bus_name=destination, interface=interface)
        match self._send_and_unwrap(Properties(target).get(name), f"Get({name})"):
            case ((str(), value),):
                return value
            case reply:
                raise DBusCallFailed(f"Get({name}): expected one variant, got {reply!r}")

    def has_owner(self, name: str) -> bool:
        """Whether some connection owns the well-known ``name`` right now."""
        match self._send_and_unwrap(message_bus.NameHasOwner(name), "NameHasOwner"):
            case (bool(owned),):
                return owned
            case reply:
                raise DBusCallFailed(f"NameHasOwner: expected a boolean, got {reply!r}")

    def subscribe(
        self,
        handler: SignalHandler,
        *,
        interface: str,
        member: str,
        sender: str | None = None,
        path: str | None = None,
        arg0: str | None = None,
    ) -> None:
        """Ask the bus for a signal and pass each one to ``handler``.

        With ``sender`` a unique name (":1.42"), signals that connection addresses to us
        directly reach ``handler`` too; otherwise only broadcasts do.
        """
        bus_rule = MatchRule(
            type="signal", sender=sender, interface=interface, member=member, path=path
        )
        # Locally the sender field holds the unique name, never the well-known one; the bus
        # already checked the sender for every broadcast it gives us.
        unique_sender = sender if sender is not None and sender.startswith(":") else None
        local_rule = MatchRule(
            type="signal", sender=unique_sender, interface=interface, member=member, path=path
        )
        if arg0 is not None:
            bus_rule.add_arg_condition(0, arg0)
            local_rule.add_arg_condition(0, arg0)
        self._send_and_unwrap(message_bus.AddMatch(bus_rule), "AddMatch")
        self._handlers.append((local_rule, handler, unique_sender is not None))

    def close(self) -> None:
        """Disconnect; no handler runs afterwards. Safe to call twice."""
        if self._link.closed:
            return
        self._deliver_soon.stop()
        self._notifier.setEnabled(False)
        self._link.close()

    def _send_and_unwrap(self, message: Message, what: str) -> tuple[Any, ...]:
        if self._link.closed:
            raise DBusCallFailed(f"{what}: the connection to {self._address} is closed")
        try:
            reply = self._link.connection.send_and_get_reply(message, timeout=self._call_timeout)
            body: tuple[Any, ...] = unwrap_msg(reply)
        except DBusErrorResponse as exc:
            raise DBusCallFailed(f"{what} failed: {exc.name}: {_first(exc.data)}") from exc
        except TimeoutError as exc:
            raise DBusCallFailed(f"{what}: no reply within {self._call_timeout} s") from exc
        except OSError as exc:
            raise DBusCallFailed(f"{what}: the connection broke ({exc})") from exc
        finally:
            # Signals read while waiting for the reply wait in the queue (or unparsed in
            # jeepney's buffer, where the socket notifier cannot see them): deliver them
            # from the event loop.
            self._deliver_soon.start()
        return body

    def _read_available(self) -> None:
        if self._link.closed:
            return
        lost: Exception | None = None
        try:
            while True:
                self._link.connection.recv_messages(timeout=0)
        except TimeoutError:
            pass  # nothing more to read right now
        except (OSError, ValueError) as exc:  # the bus went away, or sent garbage
            lost = exc
        self._deliver_received()
        if lost is not None:
            log.warning(
                "Lost the D-Bus connection to %s (%s); no more signals", self._address, lost
            )
            self.close()

    def _deliver_received(self) -> None:
        while self._link.received and not self._link.closed:
            message = self._link.received.popleft()
            # Addressed to us: no match rule vetted it, only a pinned unique sender can.
            direct = HeaderFields.destination in message.header.fields
            for rule, handler, accepts_direct in list(self._handlers):
                if direct and not accepts_direct:
                    continue
                if rule.matches(message) and not self._link.closed:
                    handler(tuple(message.body))


class _Link:
    """The jeepney side alone: closable without Qt, even while the QObject is being deleted."""

    def __init__(self, connection: DBusConnection) -> None:
        self.connection = connection
        self.received: deque[Message] = deque()
        self._signal_filter = connection.filter(MatchRule(type="signal"), queue=self.received)
        self.closed = False

    def close(self) -> None:
        if not self.closed:
            self.closed = True
            self._signal_filter.close()
            self.connection.close()


def _first(data: object) -> object:
    """Error replies carry their message as the first argument."""
    if isinstance(data, tuple) and data:
        return data[0]
    return data
