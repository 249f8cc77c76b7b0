"""The macOS session watcher's parts that run anywhere: what each notification means, and
which center each observer is registered with.

Cocoa's notification centers do not exist on Linux, so ``FakeCenter`` stands in for them:
it delivers only the names observed on it, like the real ones, so a lock observer put on
the wrong center (NSWorkspace's instead of the distributed one) goes unheard here too.
The pyobjc glue is checked the same way: stand-in ``AppKit``, ``Foundation`` and ``objc``
modules offer the selector API of Cocoa's centers, so the observer class, the selectors
and the suspension behaviour the real code asks for are exercised. The watcher and its Qt
signals are real; nothing here has run on a Mac.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from types import ModuleType, SimpleNamespace

import pytest
from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from app.platform.base import BackendUnavailable
from app.platform.session_macos import (
    DELIVER_IMMEDIATELY,
    DID_WAKE,
    DISTRIBUTED_NOTIFICATIONS,
    SCREEN_LOCKED,
    SCREEN_UNLOCKED,
    SESSION_ACTIVE,
    SESSION_RESIGNED,
    WILL_SLEEP,
    WORKSPACE_NOTIFICATIONS,
    MacSessionWatcher,
    SessionCenters,
    _observer_class,
    classify_notification,
    cocoa_centers,
)
from tests.unit.platform.support import SignalRecorder


class FakeCenter:
    """A notification center that delivers what is posted to the observers of that name."""

    def __init__(self) -> None:
        self.observers: dict[str, list[Callable[[str], None]]] = {}

    def add_observer(self, name: str, on_notification: Callable[[str], None]) -> None:
        self.observers.setdefault(name, []).append(on_notification)

    def remove_observers(self) -> None:
        self.observers.clear()

    def post(self, name: str) -> None:
        for observer in list(self.observers.get(name, [])):
            observer(name)


class Mac:
    """A watcher on two fake centers, with what its signals carried."""

    def __init__(self) -> None:
        self.workspace = FakeCenter()
        self.distributed = FakeCenter()
        self.watcher = MacSessionWatcher(
            centers=SessionCenters(workspace=self.workspace, distributed=self.distributed)
        )
        self.locks = SignalRecorder(self.watcher.lock_changed)
        self.sleeps = SignalRecorder(self.watcher.sleep_changed)


@pytest.fixture
def mac(qapp: QCoreApplication) -> Iterator[Mac]:
    made = Mac()
    yield made
    made.watcher.close()


# ---------------------------------------------------------------- what each name means


@pytest.mark.parametrize(
    ("name", "meaning"),
    [
        (WILL_SLEEP, ("sleep", True)),
        (DID_WAKE, ("sleep", False)),
        (SCREEN_LOCKED, ("lock", True)),
        (SCREEN_UNLOCKED, ("lock", False)),
        (SESSION_RESIGNED, ("lock", True)),
        (SESSION_ACTIVE, ("lock", False)),
    ],
)
def test_sleep_wake_and_lock_notifications_are_recognised(
    name: str, meaning: tuple[str, bool]
) -> None:
    assert classify_notification(name) == meaning


@pytest.mark.parametrize(
    "name",
    [
        "NSWorkspaceScreensDidSleepNotification",  # the display dims; the Mac is awake
        "NSWorkspaceDidActivateApplicationNotification",
        "com.apple.screensaver.didstart",  # a screensaver is not a lock
        "com.apple.screenislocked",  # names are case-sensitive
        "",
    ],
)
def test_other_notifications_mean_nothing(name: str) -> None:
    assert classify_notification(name) is None


def test_the_real_names_are_spelled_as_cocoa_posts_them() -> None:
    """A typo here would never fail on Linux, and never be heard on a Mac."""
    assert WORKSPACE_NOTIFICATIONS == (
        "NSWorkspaceWillSleepNotification",
        "NSWorkspaceDidWakeNotification",
        "NSWorkspaceSessionDidResignActiveNotification",
        "NSWorkspaceSessionDidBecomeActiveNotification",
    )
    assert DISTRIBUTED_NOTIFICATIONS == ("com.apple.screenIsLocked", "com.apple.screenIsUnlocked")


# ---------------------------------------------------------------- the watcher


def test_sleep_and_wake_come_from_the_workspace_center(mac: Mac) -> None:
    mac.workspace.post(WILL_SLEEP)
    mac.workspace.post(DID_WAKE)

    assert mac.sleeps.values == [True, False]
    assert mac.locks.values == []


def test_the_screen_lock_comes_from_the_distributed_center(mac: Mac) -> None:
    mac.distributed.post(SCREEN_LOCKED)
    locked_then = mac.watcher.locked
    mac.distributed.post(SCREEN_UNLOCKED)

    assert (locked_then, mac.watcher.locked) == (True, False)
    assert mac.locks.values == [True, False]
    assert mac.sleeps.values == []


def test_lock_names_posted_on_the_workspace_center_are_not_heard(mac: Mac) -> None:
    """loginwindow posts them only on the distributed center; observing elsewhere is a bug."""
    mac.workspace.post(SCREEN_LOCKED)
    mac.distributed.post(WILL_SLEEP)

    assert mac.locks.values == []
    assert mac.sleeps.values == []


def test_switching_to_another_user_counts_as_locked_until_the_user_is_back(mac: Mac) -> None:
    mac.workspace.post(SESSION_RESIGNED)
    locked_then = mac.watcher.locked
    mac.workspace.post(SESSION_ACTIVE)

    assert (locked_then, mac.watcher.locked) == (True, False)
    assert mac.locks.values == [True, False]


def test_a_lock_while_switched_away_is_reported_once(mac: Mac) -> None:
    mac.workspace.post(SESSION_RESIGNED)
    mac.distributed.post(SCREEN_LOCKED)
    mac.distributed.post(SCREEN_UNLOCKED)
    mac.workspace.post(SESSION_ACTIVE)

    assert mac.locks.values == [True, False]


def test_a_repeated_sleep_or_a_wake_without_sleep_changes_nothing(mac: Mac) -> None:
    mac.workspace.post(DID_WAKE)
    mac.workspace.post(WILL_SLEEP)
    mac.workspace.post(WILL_SLEEP)
    mac.workspace.post(DID_WAKE)

    assert mac.sleeps.values == [True, False]


def test_the_watcher_starts_unlocked_and_says_it_tracks_both(mac: Mac) -> None:
    assert mac.watcher.name == "macos-session"
    assert not mac.watcher.locked
    assert mac.watcher.tracks_lock
    assert mac.watcher.tracks_sleep


def test_after_close_nothing_is_observed_nor_signalled(mac: Mac) -> None:
    mac.watcher.close()
    mac.watcher.close()  # twice is harmless

    mac.workspace.post(WILL_SLEEP)
    mac.distributed.post(SCREEN_LOCKED)

    assert mac.workspace.observers == {}
    assert mac.distributed.observers == {}
    assert mac.sleeps.values == []
    assert mac.locks.values == []


def test_a_notification_from_another_thread_is_signalled_on_the_gui_thread(
    mac: Mac, qtbot: QtBot
) -> None:
    """Cocoa may call an observer on any thread; the signals must still reach the GUI one."""
    poster = threading.Thread(target=mac.distributed.post, args=(SCREEN_LOCKED,))
    poster.start()
    poster.join(timeout=10)

    qtbot.waitUntil(lambda: mac.locks.values == [True], timeout=5000)
    assert mac.locks.all_on_gui_thread


def test_a_notification_queued_before_close_is_dropped(mac: Mac, qtbot: QtBot) -> None:
    poster = threading.Thread(target=mac.workspace.post, args=(WILL_SLEEP,))
    poster.start()
    poster.join(timeout=10)
    mac.watcher.close()  # before the event loop delivered the queued notification

    QCoreApplication.processEvents()

    assert mac.sleeps.values == []


# ---------------------------------------------------------------- the pyobjc glue


class FakeNotification:
    def __init__(self, name: str) -> None:
        self._name = name

    def name(self) -> str:
        return self._name


class FakeNSNotificationCenter:
    """NSNotificationCenter's selector API: observers are called by their selector."""

    def __init__(self) -> None:
        self.registrations: list[tuple[object, str, str, str]] = []

    def addObserver_selector_name_object_(
        self, observer: object, selector: str, name: str, sender: object
    ) -> None:
        self.registrations.append((observer, selector, name, "coalesce"))

    def removeObserver_(self, observer: object) -> None:
        self.registrations = [entry for entry in self.registrations if entry[0] is not observer]

    def post(self, name: str) -> None:
        for observer, selector, observed, _behaviour in list(self.registrations):
            if observed == name:
                getattr(observer, selector.replace(":", "_"))(FakeNotification(name))


class FakeNSDistributedNotificationCenter(FakeNSNotificationCenter):
    def addObserver_selector_name_object_suspensionBehavior_(
        self, observer: object, selector: str, name: str, sender: object, behaviour: int
    ) -> None:
        named = {DELIVER_IMMEDIATELY: "deliver immediately"}.get(behaviour, str(behaviour))
        self.registrations.append((observer, selector, name, named))


class FakeNSObject:
    @classmethod
    def alloc(cls) -> FakeNSObject:
        return cls.__new__(cls)

    def init(self) -> FakeNSObject:
        return self


@dataclass
class FakeCocoa:
    workspace: FakeNSNotificationCenter
    distributed: FakeNSDistributedNotificationCenter


@pytest.fixture
def fake_cocoa(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeCocoa]:
    """AppKit, Foundation and objc as pyobjc presents them, to the extent used."""
    cocoa = FakeCocoa(FakeNSNotificationCenter(), FakeNSDistributedNotificationCenter())
    workspace = SimpleNamespace(notificationCenter=lambda: cocoa.workspace)
    appkit = ModuleType("AppKit")
    appkit.NSWorkspace = SimpleNamespace(sharedWorkspace=lambda: workspace)  # type: ignore[attr-defined]
    foundation = ModuleType("Foundation")
    foundation.NSObject = FakeNSObject  # type: ignore[attr-defined]
    foundation.NSDistributedNotificationCenter = SimpleNamespace(  # type: ignore[attr-defined]
        defaultCenter=lambda: cocoa.distributed
    )
    objc = ModuleType("objc")
    objc.super = super  # type: ignore[attr-defined]
    for module in (appkit, foundation, objc):
        monkeypatch.setitem(sys.modules, module.__name__, module)
    _observer_class.cache_clear()
    yield cocoa
    _observer_class.cache_clear()  # the class was made from the fakes


def test_through_cocoa_the_watcher_hears_sleep_wake_and_the_lock(
    fake_cocoa: FakeCocoa, qapp: QCoreApplication
) -> None:
    watcher = MacSessionWatcher(centers=cocoa_centers("darwin"))
    locks = SignalRecorder(watcher.lock_changed)
    sleeps = SignalRecorder(watcher.sleep_changed)
    try:
        fake_cocoa.workspace.post(WILL_SLEEP)
        fake_cocoa.workspace.post(DID_WAKE)
        fake_cocoa.distributed.post(SCREEN_LOCKED)
        fake_cocoa.distributed.post(SCREEN_UNLOCKED)
    finally:
        watcher.close()

    assert sleeps.values == [True, False]
    assert locks.values == [True, False]


def test_the_lock_is_delivered_even_while_the_tray_app_is_not_active(
    fake_cocoa: FakeCocoa, qapp: QCoreApplication
) -> None:
    """AppKit holds back distributed notifications from an inactive app unless told not to."""
    watcher = MacSessionWatcher(centers=cocoa_centers("darwin"))
    try:
        lock_registrations = {
            (name, behaviour)
            for _observer, _sel, name, behaviour in fake_cocoa.distributed.registrations
        }
    finally:
        watcher.close()

    assert lock_registrations == {
        (SCREEN_LOCKED, "deliver immediately"),
        (SCREEN_UNLOCKED, "deliver immediately"),
    }


def test_closing_removes_every_cocoa_observer(
    fake_cocoa: FakeCocoa, qapp: QCoreApplication
) -> None:
    watcher = MacSessionWatcher(centers=cocoa_centers("darwin"))
    registered = len(fake_cocoa.workspace.registrations), len(fake_cocoa.distributed.registrations)

    watcher.close()

    assert registered == (len(WORKSPACE_NOTIFICATIONS), len(DISTRIBUTED_NOTIFICATIONS))
    assert fake_cocoa.workspace.registrations == []
    assert fake_cocoa.distributed.registrations == []


def test_a_failing_handler_is_logged_and_never_reaches_objective_c(
    fake_cocoa: FakeCocoa, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(_name: str) -> None:
        raise RuntimeError("boom")

    centers = cocoa_centers("darwin")
    centers.distributed.add_observer(SCREEN_LOCKED, broken)
    try:
        fake_cocoa.distributed.post(SCREEN_LOCKED)  # raises here if the error escaped
    finally:
        centers.distributed.remove_observers()

    assert "Handling a macOS session notification failed" in caplog.text


# ---------------------------------------------------------------- off macOS


def test_the_cocoa_centers_refuse_to_open_off_macos() -> None:
    with pytest.raises(BackendUnavailable, match="only on macOS, not linux"):
        cocoa_centers("linux")


def test_the_watcher_refuses_to_start_off_macos(qapp: QCoreApplication) -> None:
    if sys.platform == "darwin":
        pytest.skip("this checks the refusal elsewhere")
    with pytest.raises(BackendUnavailable, match="only on macOS"):
        MacSessionWatcher()


def test_without_pyobjc_the_watcher_says_how_to_get_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "AppKit", None)
    monkeypatch.setitem(sys.modules, "Foundation", None)
    with pytest.raises(BackendUnavailable, match=r"pyobjc is not installed.*sitbreak\[macos\]"):
        cocoa_centers("darwin")
