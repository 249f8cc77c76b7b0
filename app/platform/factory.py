"""Picks the idle source and session watchers for this environment, and builds them.

``choose_backends`` is a pure table from the environment to backend names. The ``build_*``
functions import a backend module only once it is chosen, and fall back to the null
backend when it cannot run, with a reason for the status output ("degraded").
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Mapping
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
SESSION_LOGIND = "logind"
SESSION_SCREENSAVER = "screensaver"


@dataclass(frozen=True, slots=True)
class BackendChoice:
    """Backend names, before anything is built: ``idle`` and the session watchers to combine."""

    idle: str
    session: tuple[str, ...]


def choose_backends(env: Environment) -> BackendChoice:
    return BackendChoice(idle=_choose_idle(env), session=_choose_session(env))


def _choose_idle(env: Environment) -> str:
    if not env.platform.startswith("linux"):
        return NONE  # Windows and macOS backends: a later issue.
    if env.is_wayland:
        # Never XScreenSaver here: XWayland sets DISPLAY too, but sees only X11 clients'
        # input. The Wayland backends (Mutter IdleMonitor, ext-idle-notify) go here.
        return NONE
    if env.display is not None:
        return IDLE_X11
    return NONE


def _choose_session(env: Environment) -> tuple[str, ...]:
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
        reason = _tr("Idle time unavailable ({reason}): desk time is estimated")
        return NullIdleSource(), [reason.format(reason=exc)]


def build_session_watcher(
    choice: BackendChoice,
    env: Environment,
    *,
    pid: int | None = None,
    parent: QObject | None = None,
) -> tuple[SessionWatcher, list[str]]:
    """The chosen watchers as one (``pid`` finds our logind session; default: this process)."""
    parts: list[SessionWatcher] = []
    for name in choice.session:
        opener = _SESSION_OPENERS.get(name)
        if opener is None:
            continue
        try:
            parts.append(opener(env, os.getpid() if pid is None else pid))
        except (BackendUnavailable, ImportError) as exc:
            log.warning("Session watcher %s unavailable: %s", name, exc)

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
    env: Environment, *, pid: int | None = None, parent: QObject | None = None
) -> PlatformBackends:
    """Choose and build both backends; never raises for a backend that cannot run."""
    choice = choose_backends(env)
    idle, idle_degraded = build_idle_source(choice, env)
    session, session_degraded = build_session_watcher(choice, env, pid=pid, parent=parent)
    log.info("Platform backends: idle %s, session %s", idle.name, session.name)
    return PlatformBackends(choice, idle, session, (*idle_degraded, *session_degraded))


def _why_no_idle_source(env: Environment) -> str:
    if not env.platform.startswith("linux"):
        return _tr("No idle source on this system yet: desk time is estimated")
    if env.is_wayland:
        return _tr("No idle source on Wayland yet: desk time is estimated")
    return _tr("No display found: desk time is estimated")


def _open_x11_idle(env: Environment) -> IdleSource:
    from app.platform.idle_x11 import XScreenSaverIdleSource

    return XScreenSaverIdleSource(env.display)


def _open_logind(env: Environment, pid: int) -> SessionWatcher:
    from app.platform.session_logind import LogindWatcher

    return LogindWatcher(env.system_bus_address, pid=pid, session_id=env.session_id)


def _open_screensaver(env: Environment, _pid: int) -> SessionWatcher:
    from app.platform.session_screensaver import ScreenSaverWatcher

    if env.session_bus_address is None:
        raise BackendUnavailable("no session bus")
    return ScreenSaverWatcher(env.session_bus_address)


_IDLE_OPENERS: Mapping[str, Callable[[Environment], IdleSource]] = MappingProxyType(
    {IDLE_X11: _open_x11_idle}
)
_SESSION_OPENERS: Mapping[str, Callable[[Environment, int], SessionWatcher]] = MappingProxyType(
    {SESSION_LOGIND: _open_logind, SESSION_SCREENSAVER: _open_screensaver}
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("platform", text)
