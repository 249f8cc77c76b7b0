"""Screen lock and sleep on macOS, from Cocoa's notification centers via the optional pyobjc.

- Sleep: NSWorkspace's own center posts ``NSWorkspaceWillSleepNotification`` before the
  machine sleeps and ``NSWorkspaceDidWakeNotification`` after it woke.
- Lock: the login window broadcasts ``com.apple.screenIsLocked`` and
  ``com.apple.screenIsUnlocked`` on the distributed notification center. Switching to
  another user (fast user switching) counts as locked too: NSWorkspace posts
  ``NSWorkspaceSessionDidResignActiveNotification``, and ``...DidBecomeActive`` on return.

AppKit suspends distributed notifications while the app is not active, which a tray app
(no Dock icon) almost never is; the lock observers are therefore registered with
``NSNotificationSuspensionBehaviorDeliverImmediately``, or the lock would only be heard
the next time the user opened a Sitbreak window.

The pure part (which notification means what, and registering the observers against the
small ``NotificationCenter`` protocol) runs anywhere; only ``cocoa_centers`` needs macOS
and pyobjc (``pip install 'sitbreak[macos]'``), imported when it is called.
"""

from __future__ import annotations

import functools
import importlib
import logging
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from PySide6.QtCore import QObject, Signal

from app.platform.base import BackendUnavailable, SessionWatcher

log = logging.getLogger(__name__)

WILL_SLEEP = "NSWorkspaceWillSleepNotification"
DID_WAKE = "NSWorkspaceDidWakeNotification"
SESSION_RESIGNED = "NSWorkspaceSessionDidResignActiveNotification"
SESSION_ACTIVE = "NSWorkspaceSessionDidBecomeActiveNotification"
SCREEN_LOCKED = "com.apple.screenIsLocked"
SCREEN_UNLOCKED = "com.apple.screenIsUnlocked"

LOCK = "lock"
SLEEP = "sleep"

WORKSPACE_NOTIFICATIONS = (WILL_SLEEP, DID_WAKE, SESSION_RESIGNED, SESSION_ACTIVE)
"""Posted on ``NSWorkspace.sharedWorkspace().notificationCenter()``, not the default center."""
DISTRIBUTED_NOTIFICATIONS = (SCREEN_LOCKED, SCREEN_UNLOCKED)
"""Posted by another process (loginwindow) on ``NSDistributedNotificationCenter``."""

_MEANINGS: dict[str, tuple[str, bool]] = {
    WILL_SLEEP: (SLEEP, True),
    DID_WAKE: (SLEEP, False),
    SESSION_RESIGNED: (LOCK, True),
    SESSION_ACTIVE: (LOCK, False),
    SCREEN_LOCKED: (LOCK, True),
    SCREEN_UNLOCKED: (LOCK, False),
}

DELIVER_IMMEDIATELY = 4
"""``NSNotificationSuspensionBehaviorDeliverImmediately``."""


def classify_notification(name: str) -> tuple[str, bool] | None:
    """What a notification says: ``("lock", True)``, ``("sleep", False)``..., or None."""
    return _MEANINGS.get(name)


class NotificationCenter(Protocol):
    """The little of a Cocoa notification center the watcher needs."""

    def add_observer(self, name: str, on_notification: Callable[[str], None]) -> None:
        """Call ``on_notification(name)`` each time ``name`` is posted, on the main thread."""
        ...

    def remove_observers(self) -> None:
        """Forget every observer added here; nothing is called afterwards."""
        ...


@dataclass(frozen=True, slots=True)
class SessionCenters:
    """The two centers the notifications come from (see the module docstring)."""

    workspace: NotificationCenter
    distributed: NotificationCenter


class MacSessionWatcher(SessionWatcher):
    """Turns the workspace and login-window notifications into ``SessionWatcher`` signals.

    The lock starts as "unlocked": no notification tells the state at start, and Sitbreak
    normally starts with the user at the keyboard (at login, or by hand).
    """

    _notified = Signal(str)
    """Carries a notification to the watcher's own thread, wherever Cocoa called us."""

    def __init__(
        self, parent: QObject | None = None, *, centers: SessionCenters | None = None
    ) -> None:
        """Observe ``centers`` (default: Cocoa's, which raise BackendUnavailable off macOS)."""
        super().__init__("macos-session", parent)
        self._centers: SessionCenters | None = cocoa_centers() if centers is None else centers
        self._asleep = False
        self._notified.connect(self._on_notification)
        for name in WORKSPACE_NOTIFICATIONS:
            self._centers.workspace.add_observer(name, self._notified.emit)
        for name in DISTRIBUTED_NOTIFICATIONS:
            self._centers.distributed.add_observer(name, self._notified.emit)

    @property
    def tracks_lock(self) -> bool:
        return True

    @property
    def tracks_sleep(self) -> bool:
        return True

    def close(self) -> None:
        if self._centers is None:
            return
        centers, self._centers = self._centers, None
        centers.workspace.remove_observers()
        centers.distributed.remove_observers()

    def _on_notification(self, name: str) -> None:
        meaning = classify_notification(name)
        if meaning is None or self._centers is None:
            return  # a name we did not ask for, or one queued before close()
        kind, state = meaning
        if kind == LOCK:
            self._set_locked(state)
        elif state != self._asleep:
            self._asleep = state
            self.sleep_changed.emit(state)


def cocoa_centers(platform: str = sys.platform) -> SessionCenters:
    """NSWorkspace's center and the distributed one; BackendUnavailable off macOS."""
    if platform != "darwin":
        raise BackendUnavailable(f"Cocoa session notifications exist only on macOS, not {platform}")
    try:
        appkit = importlib.import_module("AppKit")
        foundation = importlib.import_module("Foundation")
    except ImportError as exc:
        raise BackendUnavailable("pyobjc is not installed (pip install 'sitbreak[macos]')") from exc
    observer_class = _observer_class()
    return SessionCenters(
        workspace=_CocoaCenter(
            appkit.NSWorkspace.sharedWorkspace().notificationCenter(), observer_class
        ),
        distributed=_CocoaCenter(
            foundation.NSDistributedNotificationCenter.defaultCenter(),
            observer_class,
            suspension_behavior=DELIVER_IMMEDIATELY,
        ),
    )


class _CocoaCenter:
    """An NSNotificationCenter (or the distributed one) seen as a ``NotificationCenter``.

    Cocoa does not retain observers, so this keeps them until ``remove_observers``.
    """

    def __init__(
        self, center: Any, observer_class: Any, *, suspension_behavior: int | None = None
    ) -> None:
        self._center = center
        self._observer_class = observer_class
        self._suspension_behavior = suspension_behavior
        self._observers: list[Any] = []

    def add_observer(self, name: str, on_notification: Callable[[str], None]) -> None:
        observer = self._observer_class.alloc().initWithCallback_(on_notification)
        if self._suspension_behavior is None:
            self._center.addObserver_selector_name_object_(observer, "notified:", name, None)
        else:
            self._center.addObserver_selector_name_object_suspensionBehavior_(
                observer, "notified:", name, None, self._suspension_behavior
            )
        self._observers.append(observer)

    def remove_observers(self) -> None:
        for observer in self._observers:
            self._center.removeObserver_(observer)
        self._observers.clear()


@functools.cache
def _observer_class() -> Any:
    """The Objective-C observer class, defined once: the runtime refuses a second definition."""
    objc = importlib.import_module("objc")
    ns_object: Any = importlib.import_module("Foundation").NSObject

    class SitbreakNotificationObserver(ns_object):  # type: ignore[misc]
        def initWithCallback_(self, callback: Callable[[str], None]) -> Any:
            instance: Any = objc.super(SitbreakNotificationObserver, self).init()
            if instance is not None:
                instance._callback = callback
            return instance

        def notified_(self, notification: Any) -> None:
            # An exception must not cross into Objective-C, where it would end the app.
            try:
                self._callback(str(notification.name()))
            except Exception:
                log.exception("Handling a macOS session notification failed")

    return SitbreakNotificationObserver
