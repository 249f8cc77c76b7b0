"""Screensaver ActiveChanged as screen lock, through a real dbus-daemon."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from app.platform.base import BackendUnavailable
from app.platform.session_screensaver import ScreenSaverWatcher
from tests.unit.platform.fake_services import FakeScreenSaver
from tests.unit.platform.support import Closer, SignalRecorder

StartScreenSaver = Callable[..., FakeScreenSaver]


def test_an_active_screensaver_at_start_means_locked(
    bus_address: str, fake_screensaver: StartScreenSaver, closing: Closer
) -> None:
    fake_screensaver(active=True)
    watcher = closing(ScreenSaverWatcher(bus_address))
    assert watcher.locked
    assert watcher.tracks_lock
    assert not watcher.tracks_sleep


@pytest.mark.parametrize("service", ["org.freedesktop.ScreenSaver", "org.gnome.ScreenSaver"])
def test_active_changed_locks_and_unlocks(
    qtbot: QtBot,
    bus_address: str,
    fake_screensaver: StartScreenSaver,
    closing: Closer,
    service: str,
) -> None:
    screensaver = fake_screensaver(service)
    watcher = closing(ScreenSaverWatcher(bus_address))
    locks = SignalRecorder(watcher.lock_changed)

    with qtbot.waitSignal(watcher.lock_changed, timeout=5000):
        screensaver.set_active(True)
    assert watcher.locked
    with qtbot.waitSignal(watcher.lock_changed, timeout=5000):
        screensaver.set_active(False)

    assert locks.values == [True, False]
    assert locks.all_on_gui_thread


def test_locked_while_either_screensaver_is_active(
    qtbot: QtBot, bus_address: str, fake_screensaver: StartScreenSaver, closing: Closer
) -> None:
    freedesktop, gnome = "org.freedesktop.ScreenSaver", "org.gnome.ScreenSaver"
    screensavers = fake_screensaver(freedesktop, gnome)
    watcher = closing(ScreenSaverWatcher(bus_address))
    locks = SignalRecorder(watcher.lock_changed)

    with qtbot.waitSignal(watcher.lock_changed, timeout=5000):
        screensavers.set_active(True, freedesktop)
    screensavers.set_active(True, gnome)
    screensavers.set_active(False, freedesktop)  # gnome is still active: still locked
    with qtbot.waitSignal(watcher.lock_changed, timeout=5000):
        screensavers.set_active(False, gnome)

    assert locks.values == [True, False]


def test_a_screensaver_that_starts_later_is_heard(
    qtbot: QtBot, bus_address: str, fake_screensaver: StartScreenSaver, closing: Closer
) -> None:
    watcher = closing(ScreenSaverWatcher(bus_address))
    assert not watcher.locked

    screensaver = fake_screensaver()
    with qtbot.waitSignal(watcher.lock_changed, timeout=5000) as blocker:
        screensaver.set_active(True)
    assert blocker.args == [True]


def test_an_unreachable_session_bus_is_unavailable() -> None:
    with pytest.raises(BackendUnavailable, match="cannot connect to D-Bus"):
        ScreenSaverWatcher("unix:path=/nonexistent/sitbreak/bus")
