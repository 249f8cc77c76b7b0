"""The contracts every platform backend fulfils, and the environment that picks them.

Backends are small: an idle source answers one question ("seconds since the last input?"),
a session watcher reports screen lock and sleep as Qt signals on the GUI thread.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Protocol
from urllib.parse import unquote

from PySide6.QtCore import QObject, Signal

DEFAULT_SYSTEM_BUS_ADDRESS = "unix:path=/run/dbus/system_bus_socket"
"""Where the D-Bus specification puts the system bus when ``DBUS_SYSTEM_BUS_ADDRESS`` is unset."""


class BackendUnavailable(Exception):
    """This backend cannot run here; the message says why, for the log and the status output."""


class IdleSource(Protocol):
    """Tells how long the user has not touched keyboard or pointer."""

    @property
    def name(self) -> str:
        """Short backend name for the status output, e.g. ``"x11-screensaver"``."""
        ...

    def idle_seconds(self) -> float | None:
        """Seconds since the last input, or None when this reading failed."""
        ...

    def close(self) -> None:
        """Release what the source holds (display connection); later readings return None."""
        ...


class SessionWatcher(QObject):
    """Screen lock and sleep of the user's session, as signals on the thread that owns it.

    ``sleep_changed(True)`` comes just before the machine sleeps, ``sleep_changed(False)``
    after it resumed. ``lock_changed`` fires only when ``locked`` really changes.
    """

    lock_changed = Signal(bool)
    sleep_changed = Signal(bool)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._name = name
        self._locked = False

    @property
    def name(self) -> str:
        return self._name

    @property
    def locked(self) -> bool:
        return self._locked

    @property
    def tracks_lock(self) -> bool:
        """Whether this watcher can see the screen lock at all (else ``locked`` stays False)."""
        return False

    @property
    def tracks_sleep(self) -> bool:
        """Whether ``sleep_changed`` can ever fire (else sleep shows only as a clock gap)."""
        return False

    def close(self) -> None:
        """Stop watching; no signal fires afterwards."""

    def _set_locked(self, locked: bool) -> None:
        if locked != self._locked:
            self._locked = locked
            self.lock_changed.emit(locked)


@dataclass(frozen=True, slots=True)
class Environment:
    """What the factory needs to know about where Sitbreak runs; built once at start."""

    platform: str
    """``sys.platform``: "linux", "win32", "darwin", ..."""
    session_type: str | None
    """``XDG_SESSION_TYPE`` in lower case: "x11", "wayland", "tty", ..."""
    display: str | None
    """``DISPLAY``: an X server (also set by XWayland, so it alone does not mean X11)."""
    wayland_display: str | None
    desktop: str | None
    """``XDG_CURRENT_DESKTOP``, e.g. "GNOME" or "KDE"."""
    has_system_bus: bool
    has_session_bus: bool
    system_bus_address: str = DEFAULT_SYSTEM_BUS_ADDRESS
    session_bus_address: str | None = None
    session_id: str | None = None
    """``XDG_SESSION_ID``: logind's name of this login session, when the PID is not in one."""

    @property
    def is_wayland(self) -> bool:
        return self.wayland_display is not None or self.session_type == "wayland"

    @classmethod
    def from_os(
        cls,
        environ: Mapping[str, str],
        platform: str,
        exists: Callable[[str], bool] = os.path.exists,
    ) -> Environment:
        """Read the environment; pure given ``environ``, ``platform`` and ``exists``."""
        session_type = _non_empty(environ, "XDG_SESSION_TYPE")
        system_bus = _non_empty(environ, "DBUS_SYSTEM_BUS_ADDRESS") or DEFAULT_SYSTEM_BUS_ADDRESS
        session_bus = _session_bus_address(environ, exists)
        return cls(
            platform=platform,
            session_type=session_type.lower() if session_type else None,
            display=_non_empty(environ, "DISPLAY"),
            wayland_display=_non_empty(environ, "WAYLAND_DISPLAY"),
            desktop=_non_empty(environ, "XDG_CURRENT_DESKTOP"),
            has_system_bus=bus_reachable(system_bus, exists),
            has_session_bus=session_bus is not None and bus_reachable(session_bus, exists),
            system_bus_address=system_bus,
            session_bus_address=session_bus,
            session_id=_non_empty(environ, "XDG_SESSION_ID"),
        )


def bus_reachable(address: str, exists: Callable[[str], bool]) -> bool:
    """Whether a D-Bus address names a unix socket that is there (abstract ones can't be seen).

    Only unix transports count: jeepney, our D-Bus client, speaks nothing else.
    """
    for entry in address.split(";"):
        transport, _, params = entry.partition(":")
        if transport != "unix":
            continue
        for pair in params.split(","):
            key, _, value = pair.partition("=")
            if key == "abstract" or (key == "path" and exists(unquote(value))):
                return True
    return False


def _session_bus_address(environ: Mapping[str, str], exists: Callable[[str], bool]) -> str | None:
    """``DBUS_SESSION_BUS_ADDRESS``, else the systemd user bus that libdbus would find too."""
    address = _non_empty(environ, "DBUS_SESSION_BUS_ADDRESS")
    if address is not None:
        return address
    runtime_dir = _non_empty(environ, "XDG_RUNTIME_DIR")
    if runtime_dir is not None and exists(f"{runtime_dir}/bus"):
        return f"unix:path={runtime_dir}/bus"
    return None


def _non_empty(environ: Mapping[str, str], key: str) -> str | None:
    value = environ.get(key, "").strip()
    return value or None
