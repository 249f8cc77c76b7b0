"""Presence and quiet: what the desktop says beyond keyboard and mouse, at each reading.

A fullscreen window or a held idle inhibitor means someone sits there (a film, a call)
even without input; a fullscreen window or do-not-disturb means prompts should wait.
Which of these hold the prompts back is the user's choice (``[quiet]`` in the settings):
``Presence.quiet_for`` applies it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Protocol

from app.platform.base import BackendUnavailable, Environment
from app.platform.dbus_connection import EventLoopDBusConnection
from app.platform.dnd import SessionBusQuiet
from app.platform.presence_x11 import X11FullscreenProbe

log = logging.getLogger(__name__)

DBUS_CALL_TIMEOUT_S = 0.5
"""Readings happen on the GUI thread: a hung service may not freeze it for long."""


@dataclass(frozen=True, slots=True)
class Presence:
    fullscreen: bool = False
    """The active window is fullscreen."""
    inhibited: bool = False
    """An application holds the idle inhibitor."""
    do_not_disturb: bool = False
    """The notification server or the desktop holds notifications back."""

    @property
    def present(self) -> bool:
        """Someone sits here even without input."""
        return self.fullscreen or self.inhibited

    def quiet_for(self, *, when_fullscreen: bool, when_do_not_disturb: bool) -> bool:
        """Whether prompts wait now, given the user's ``[quiet]`` settings."""
        return (when_fullscreen and self.fullscreen) or (
            when_do_not_disturb and self.do_not_disturb
        )


NO_PRESENCE = Presence()


class PresenceSource(Protocol):
    @property
    def name(self) -> str: ...

    def presence(self) -> Presence:
        """A fresh reading; what cannot be read counts as not holding."""
        ...

    def close(self) -> None: ...


class NullPresenceSource:
    name = "none"

    def presence(self) -> Presence:
        return NO_PRESENCE

    def close(self) -> None:
        pass


class DesktopPresenceSource:
    """The X11 fullscreen probe and the session bus, each optional."""

    def __init__(self, fullscreen: X11FullscreenProbe | None, bus: SessionBusQuiet | None) -> None:
        self._fullscreen = fullscreen
        self._bus = bus

    @property
    def name(self) -> str:
        parts = [part.name for part in (self._fullscreen, self._bus) if part is not None]
        return "+".join(parts) or "none"

    def presence(self) -> Presence:
        fullscreen = self._fullscreen is not None and bool(
            self._fullscreen.active_window_fullscreen()
        )
        bus = self._bus
        return Presence(
            fullscreen=fullscreen,
            inhibited=bus is not None and bus.idle_inhibited(),
            do_not_disturb=bus is not None and bus.do_not_disturb(),
        )

    def close(self) -> None:
        if self._fullscreen is not None:
            self._fullscreen.close()
        if self._bus is not None:
            self._bus.close()


def open_presence_source(env: Environment) -> PresenceSource:
    """What this desktop can tell; never raises. Build it after the QApplication."""
    fullscreen: X11FullscreenProbe | None = None
    bus: SessionBusQuiet | None = None
    if env.platform.startswith("linux") and not env.is_wayland and env.display is not None:
        try:
            fullscreen = X11FullscreenProbe(env.display)
        except BackendUnavailable as exc:
            log.warning("Fullscreen windows are not seen: %s", exc)
    if env.has_session_bus and env.session_bus_address is not None:
        try:
            bus = SessionBusQuiet(
                EventLoopDBusConnection(env.session_bus_address, call_timeout=DBUS_CALL_TIMEOUT_S)
            )
        except BackendUnavailable as exc:
            log.warning("Do-not-disturb is not seen: %s", exc)
    if fullscreen is None and bus is None:
        return NullPresenceSource()
    return DesktopPresenceSource(fullscreen, bus)
