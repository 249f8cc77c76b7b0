"""Idle time on KDE, wlroots and other Wayland compositors via ``ext-idle-notify-v1``.

The protocol never reports idle time; it sends ``idled`` once the seat has had no input
for the timeout we asked for, and ``resumed`` at the next input. ``IdleNotifyState`` turns
those two events into "seconds since the last input": at ``idled`` the last input was one
timeout ago. Below the timeout the reading is 0, which is why the timeout is short
compared with the away threshold (minutes).

The Wayland side needs the optional pywayland (``pip install 'sitbreak[wayland]'``). Without
it, or on a compositor without the ``ext_idle_notifier_v1`` global, the constructor raises
BackendUnavailable and the app falls back to lock state only (logind and the screensaver
service), reported as degraded. We use ``get_idle_notification``, which honours idle
inhibitors: a playing video keeps the user present, as the presence rules want.
"""

from __future__ import annotations

import importlib
import logging
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QSocketNotifier

from app.platform.base import BackendUnavailable

log = logging.getLogger(__name__)

NOTIFIER_GLOBAL = "ext_idle_notifier_v1"
SEAT_GLOBAL = "wl_seat"
DEFAULT_TIMEOUT_MS = 10_000
"""Idle shorter than this reads as 0; far below the away threshold, and rare wake-ups."""


class IdleNotifyState:
    """The protocol's two events, with the monotonic time they arrived, as idle seconds.

    Pure: no Wayland, no clock of its own. A compositor that breaks the protocol (two
    ``idled`` in a row, ``resumed`` first) cannot make the reading jump.
    """

    def __init__(self, timeout_s: float) -> None:
        if timeout_s < 0:
            raise ValueError(f"the idle timeout must not be negative, got {timeout_s}")
        self._timeout_s = timeout_s
        self._idled_at: float | None = None

    @property
    def idle(self) -> bool:
        return self._idled_at is not None

    def idled(self, now: float) -> None:
        """The seat has been without input for the timeout, as of ``now``."""
        if self._idled_at is None:
            self._idled_at = now

    def resumed(self, now: float) -> None:
        """Input again at ``now``: the user is here."""
        del now  # taken for symmetry with idled(): the reading is 0 whenever it came
        self._idled_at = None

    def idle_seconds(self, now: float) -> float:
        """Seconds since the last input as of ``now``; 0 while not (yet) idle."""
        if self._idled_at is None:
            return 0.0
        return self._timeout_s + max(0.0, now - self._idled_at)


class ExtIdleNotifySource:
    """Idle time from one ``ext_idle_notification_v1``, read on the Qt event loop.

    A QSocketNotifier on the Wayland connection's fd dispatches the events on the thread
    that created the source; nothing blocks after the constructor's one roundtrip.
    """

    name = "ext-idle-notify"

    def __init__(
        self,
        display_name: str | None = None,
        *,
        timeout_ms: int = DEFAULT_TIMEOUT_MS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        """Connect to ``display_name`` (None: ``$WAYLAND_DISPLAY``) and ask for idle events.

        Raise BackendUnavailable when pywayland is missing, the display cannot be reached,
        or the compositor offers no ``ext_idle_notifier_v1`` or no seat.
        """
        self._clock = clock
        self._state = IdleNotifyState(timeout_ms / 1000.0)
        self._lost = False
        self._display: Any = _connect(display_name)
        try:
            self._notification: Any = _request_notification(
                self._display, timeout_ms, self._on_idled, self._on_resumed
            )
        except BackendUnavailable:
            self._display.disconnect()
            raise
        self._socket = QSocketNotifier(self._display.get_fd(), QSocketNotifier.Type.Read)
        self._socket.activated.connect(self._dispatch)

    def idle_seconds(self) -> float | None:
        if self._lost:
            return None
        return self._state.idle_seconds(self._clock())

    def close(self) -> None:
        if self._lost:
            return
        self._lost = True
        self._socket.setEnabled(False)
        self._display.disconnect()

    def _on_idled(self, _notification: object) -> None:
        self._state.idled(self._clock())

    def _on_resumed(self, _notification: object) -> None:
        self._state.resumed(self._clock())

    def _dispatch(self) -> None:
        if self._lost:
            return
        try:
            # Never dispatch(block=True) here: it polls until *new* data arrives, and the
            # notifier can fire with nothing left to read (the GUI thread then hangs until
            # the next event, up to a whole idle timeout). read() takes only what is there
            # (libwayland reads with MSG_DONTWAIT) and fails only on a lost connection.
            self._display.read()
            self._display.dispatch(block=False)
            self._display.flush()
        except RuntimeError as exc:
            log.warning("Lost the Wayland connection (%s); idle time is unknown from now on", exc)
            self.close()


def _connect(display_name: str | None) -> Any:
    """An open pywayland ``Display``; pywayland is imported by name, being optional."""
    try:
        client = importlib.import_module("pywayland.client")
    except ImportError as exc:
        raise BackendUnavailable(
            "pywayland is not installed (pip install 'sitbreak[wayland]')"
        ) from exc
    display = client.Display(display_name)
    try:
        display.connect()
    except ValueError as exc:
        shown = display_name or "$WAYLAND_DISPLAY"
        raise BackendUnavailable(f"cannot connect to the Wayland display {shown}") from exc
    return display


def _request_notification(
    display: Any,
    timeout_ms: int,
    on_idled: Callable[[object], None],
    on_resumed: Callable[[object], None],
) -> Any:
    """Bind the notifier and a seat from the registry, and ask for one idle notification."""
    try:
        idle_notify = importlib.import_module("pywayland.protocol.ext_idle_notify_v1")
        wayland = importlib.import_module("pywayland.protocol.wayland")
    except ImportError as exc:
        raise BackendUnavailable(f"this pywayland lacks ext-idle-notify-v1 ({exc})") from exc

    offered: dict[str, int] = {}

    def on_global(_registry: object, name: int, interface: str, _version: int) -> None:
        offered.setdefault(interface, name)

    registry = display.get_registry()
    registry.dispatcher["global"] = on_global
    if display.roundtrip() < 0:
        raise BackendUnavailable("the Wayland compositor closed the connection")
    for interface in (NOTIFIER_GLOBAL, SEAT_GLOBAL):
        if interface not in offered:
            raise BackendUnavailable(f"the compositor does not offer {interface}")

    notifier = registry.bind(offered[NOTIFIER_GLOBAL], idle_notify.ExtIdleNotifierV1, 1)
    seat = registry.bind(offered[SEAT_GLOBAL], wayland.WlSeat, 1)
    notification = notifier.get_idle_notification(timeout_ms, seat)
    notification.dispatcher["idled"] = on_idled
    notification.dispatcher["resumed"] = on_resumed
    display.flush()
    return notification
