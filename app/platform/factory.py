"""Picks the idle source and session watchers for this environment, and builds them.

``choose_backends`` is a pure table from the environment (and the few D-Bus services that
decide between backends) to backend names:

- Linux X11: XScreenSaver; logind and the screensaver service for lock and sleep.
- Linux Wayland: never XScreenSaver (under XWayland it sees only X11 clients). GNOME (by
  ``XDG_CURRENT_DESKTOP`` or Mutter's idle monitor on the bus): Mutter's ``GetIdletime``;
  any other compositor: ext-idle-notify-v1, which needs the optional pywayland. Without
  it, lock state only, reported as degraded.
- Windows: ``GetLastInputInfo`` and the session notifications of a hidden window.
- macOS: CoreGraphics idle time; sleep, wake and the screen lock from Cocoa's
  notifications, which need the optional pyobjc. Without it, sleep is noticed from the
  clock and the lock not at all, reported as degraded.

The ``build_*`` functions import a backend module only once it is chosen, and fall back
to the null backend when it cannot run, with a reason for the status output ("degraded").
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from PySide6.QtCore import QCoreApplication, QObject

from app.platform.base import BackendUnavailable, Environment, IdleSource, SessionWatcher
from app.platform.idle_null import NullIdleSource
from app.platform.session_composite import CompositeSessionWatcher
from app.platform.session_null import NullSessionWatcher

log = logging.getLogger(__name__)

NONE = "none"
IDLE_X11 = "x11-screensaver"
IDLE_MUTTER = "mutter"
IDLE_EXT_IDLE_NOTIFY = "ext-idle-notify"
IDLE_WINDOWS = "windows"
IDLE_MACOS = "macos"
SESSION_LOGIND = "logind"
SESSION_SCREENSAVER = "screensaver"
SESSION_WINDOWS = "windows"
SESSION_MACOS = "macos"

MUTTER_IDLE_MONITOR = "org.gnome.Mutter.IdleMonitor"
"""``idle_mutter.IDLE_MONITOR``, repeated so that choosing imports nothing of D-Bus."""
DECIDING_SERVICES = (MUTTER_IDLE_MONITOR,)
"""Session bus names whose presence changes the choice (``probe_session_services``)."""


@dataclass(frozen=True, slots=True)
class BackendChoice:
    """Backend names, before anything is built: ``idle`` and the session watchers to combine."""

    idle: str
    session: tuple[str, ...]


def choose_backends(
    env: Environment, session_services: Collection[str] = frozenset()
) -> BackendChoice:
    """The backends for ``env``; ``session_services``: the ``DECIDING_SERVICES`` on the bus."""
    return BackendChoice(idle=_choose_idle(env, session_services), session=_choose_session(env))


def _choose_idle(env: Environment, session_services: Collection[str]) -> str:
    if env.platform == "win32":
        return IDLE_WINDOWS
    if env.platform == "darwin":
        return IDLE_MACOS
    if not env.platform.startswith("linux"):
        return NONE
    if env.is_wayland:
        # Never XScreenSaver here: XWayland sets DISPLAY too, but sees only X11 clients' input.
        if is_gnome(env.desktop) or MUTTER_IDLE_MONITOR in session_services:
            return IDLE_MUTTER
        return IDLE_EXT_IDLE_NOTIFY
    if env.display is not None:
        return IDLE_X11
    return NONE


def is_gnome(desktop: str | None) -> bool:
    """Whether ``XDG_CURRENT_DESKTOP`` (a colon-separated list) names GNOME."""
    if desktop is None:
        return False
    return any(part.strip().upper() == "GNOME" for part in desktop.split(":"))


def _choose_session(env: Environment) -> tuple[str, ...]:
    if env.platform == "win32":
        return (SESSION_WINDOWS,)
    if env.platform == "darwin":
        return (SESSION_MACOS,)
    if not env.platform.startswith("linux"):
        return (NONE,)
    names = []
    if env.has_system_bus:
        names.append(SESSION_LOGIND)
    if env.has_session_bus:
        names.append(SESSION_SCREENSAVER)
    return tuple(names) or (NONE,)


def build_idle_source(choice: BackendChoice, env: Environment) -> tuple[IdleSource, list[str]]:
    """The chosen idle source, or the null one and why desk time is only estimated."""
    opener = _IDLE_OPENERS.get(choice.idle)
    if opener is None:
        return NullIdleSource(), [_why_no_idle_source(env)]
    try:
        return opener(env), []
    except (BackendUnavailable, ImportError) as exc:
        log.warning("Idle source %s unavailable: %s", choice.idle, exc)
        if choice.idle == IDLE_EXT_IDLE_NOTIFY:
            reason = _tr(
                "Idle time unavailable ({reason}): lock state only, desk time is estimated"
            )
        else:
            reason = _tr("Idle time unavailable ({reason}): desk time is estimated")
        return NullIdleSource(), [reason.format(reason=exc)]


def probe_session_services(env: Environment) -> frozenset[str]:
    """Which ``DECIDING_SERVICES`` are on the session bus, asked only where they matter.

    Only a Wayland session whose ``XDG_CURRENT_DESKTOP`` does not already say GNOME needs
    to ask (GNOME under another desktop name); elsewhere no D-Bus connection is made.
    """
    if not (
        env.platform.startswith("linux")
        and env.is_wayland
        and not is_gnome(env.desktop)
        and env.has_session_bus
        and env.session_bus_address is not None
    ):
        return frozenset()
    from app.platform.dbus_connection import DBusCallFailed, EventLoopDBusConnection

    try:
        bus = EventLoopDBusConnection(env.session_bus_address)
    except BackendUnavailable as exc:
        log.warning("Cannot look for desktop services on the session bus: %s", exc)
        return frozenset()
    try:
        return frozenset(name for name in DECIDING_SERVICES if bus.has_owner(name))
    except DBusCallFailed as exc:
        log.warning("Cannot look for desktop services on the session bus: %s", exc)
        return frozenset()
    finally:
        bus.close()
        bus.deleteLater()


def build_session_watcher(
    choice: BackendChoice,
    env: Environment,
    *,
    pid: int | None = None,
    parent: QObject | None = None,
) -> tuple[SessionWatcher, list[str]]:
    """The chosen watchers as one (``pid`` finds our logind session; default: this process)."""
    parts: list[SessionWatcher] = []
    failures: list[str] = []
    for name in choice.session:
        opener = _SESSION_OPENERS.get(name)
        if opener is None:
            continue
        try:
            parts.append(opener(env, os.getpid() if pid is None else pid))
        except (BackendUnavailable, ImportError) as exc:
            log.warning("Session watcher %s unavailable: %s", name, exc)
            failures.append(
                _tr("Session watcher {name} unavailable ({reason})").format(name=name, reason=exc)
            )

    watcher: SessionWatcher
    if not parts:
        watcher = NullSessionWatcher()
    elif len(parts) == 1:
        watcher = parts[0]
    else:
        watcher = CompositeSessionWatcher(parts)
    watcher.setParent(parent)

    degraded = []
    if not watcher.tracks_sleep:
        degraded.append(_tr("Sleep is not announced: it is noticed after resume, from the clock"))
    if not watcher.tracks_lock:
        degraded.append(_tr("Screen lock is not detected: a locked screen counts as idle time"))
    if degraded:
        # Why it is so, and so how to mend it (a missing optional package, say).
        degraded[:0] = failures
    return watcher, degraded


@dataclass(frozen=True, slots=True)
class PlatformBackends:
    """Everything the platform layer gives the app; ``close()`` once, at quit."""

    choice: BackendChoice
    idle: IdleSource
    session: SessionWatcher
    degraded: tuple[str, ...]
    """Human-readable limits of what was built, for the tooltip and ``status``."""

    def close(self) -> None:
        self.session.close()
        self.idle.close()


def open_backends(
    env: Environment,
    *,
    pid: int | None = None,
    parent: QObject | None = None,
    session_services: Collection[str] | None = None,
) -> PlatformBackends:
    """Choose and build both backends; never raises for a backend that cannot run.

    ``session_services``: the deciding services on the bus; None asks the bus.
    """
    if session_services is None:
        session_services = probe_session_services(env)
    choice = choose_backends(env, session_services)
    idle, idle_degraded = build_idle_source(choice, env)
    session, session_degraded = build_session_watcher(choice, env, pid=pid, parent=parent)
    log.info("Platform backends: idle %s, session %s", idle.name, session.name)
    return PlatformBackends(choice, idle, session, (*idle_degraded, *session_degraded))


def _why_no_idle_source(env: Environment) -> str:
    if not env.platform.startswith("linux"):
        return _tr("No idle source on this system yet: desk time is estimated")
    return _tr("No display found: desk time is estimated")


def _open_x11_idle(env: Environment) -> IdleSource:
    from app.platform.idle_x11 import XScreenSaverIdleSource

    return XScreenSaverIdleSource(env.display)


def _open_mutter_idle(env: Environment) -> IdleSource:
    from app.platform.idle_mutter import MutterIdleSource

    if env.session_bus_address is None:
        raise BackendUnavailable("no session bus")
    return MutterIdleSource(env.session_bus_address)


def _open_ext_idle_notify(env: Environment) -> IdleSource:
    from app.platform.idle_wayland import ExtIdleNotifySource

    return ExtIdleNotifySource(env.wayland_display)


def _open_windows_idle(_env: Environment) -> IdleSource:
    from app.platform.idle_windows import WindowsIdleSource

    return WindowsIdleSource()


def _open_macos_idle(_env: Environment) -> IdleSource:
    from app.platform.idle_macos import MacIdleSource

    return MacIdleSource()


def _open_logind(env: Environment, pid: int) -> SessionWatcher:
    from app.platform.session_logind import LogindWatcher

    return LogindWatcher(env.system_bus_address, pid=pid, session_id=env.session_id)


def _open_screensaver(env: Environment, _pid: int) -> SessionWatcher:
    from app.platform.session_screensaver import ScreenSaverWatcher

    if env.session_bus_address is None:
        raise BackendUnavailable("no session bus")
    return ScreenSaverWatcher(env.session_bus_address)


def _open_windows_session(_env: Environment, _pid: int) -> SessionWatcher:
    from app.platform.session_windows import WindowsSessionWatcher

    return WindowsSessionWatcher()


def _open_macos_session(_env: Environment, _pid: int) -> SessionWatcher:
    from app.platform.session_macos import MacSessionWatcher

    return MacSessionWatcher()


_IDLE_OPENERS: Mapping[str, Callable[[Environment], IdleSource]] = MappingProxyType(
    {
        IDLE_X11: _open_x11_idle,
        IDLE_MUTTER: _open_mutter_idle,
        IDLE_EXT_IDLE_NOTIFY: _open_ext_idle_notify,
        IDLE_WINDOWS: _open_windows_idle,
        IDLE_MACOS: _open_macos_idle,
    }
)
_SESSION_OPENERS: Mapping[str, Callable[[Environment, int], SessionWatcher]] = MappingProxyType(
    {
        SESSION_LOGIND: _open_logind,
        SESSION_SCREENSAVER: _open_screensaver,
        SESSION_WINDOWS: _open_windows_session,
        SESSION_MACOS: _open_macos_session,
    }
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("platform", text)
