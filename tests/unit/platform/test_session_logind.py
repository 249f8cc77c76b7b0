"""logind sleep and lock signals, through a real dbus-daemon and a stand-in logind."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from jeepney import DBusAddress, new_signal
from jeepney.io.blocking import open_dbus_connection
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.platform.base import BackendUnavailable
from app.platform.session_logind import MANAGER_INTERFACE, MANAGER_PATH, LogindWatcher
from tests.unit.platform.fake_services import FakeLogind
from tests.unit.platform.processes import running_private_bus
from tests.unit.platform.support import Closer, SignalRecorder

StartLogind = Callable[..., FakeLogind]


def open_watcher(bus_address: str, closing: Closer, session_id: str | None = None) -> LogindWatcher:
    return closing(LogindWatcher(bus_address, pid=os.getpid(), session_id=session_id))


def test_sleep_and_resume_arrive_on_the_gui_thread(
    qtbot: QtBot, bus_address: str, fake_logind: StartLogind, closing: Closer
) -> None:
    logind = fake_logind()
    watcher = open_watcher(bus_address, closing)
    sleeps = SignalRecorder(watcher.sleep_changed)

    with qtbot.waitSignal(watcher.sleep_changed, timeout=5000):
        logind.prepare_for_sleep(True)
    with qtbot.waitSignal(watcher.sleep_changed, timeout=5000):
        logind.prepare_for_sleep(False)

    assert sleeps.values == [True, False]
    assert sleeps.all_on_gui_thread
    assert watcher.tracks_sleep


def test_a_signal_during_setup_is_delivered_after_the_constructor(
    qtbot: QtBot, bus_address: str, fake_logind: StartLogind, closing: Closer
) -> None:
    fake_logind(sleep_while_asked_for_session=True)
    watcher = open_watcher(bus_address, closing)  # reads the signal while awaiting a reply

    with qtbot.waitSignal(watcher.sleep_changed, timeout=5000) as blocker:
        pass  # no more bus traffic: the watcher must deliver what it already read
    assert blocker.args == [True]


def test_lock_follows_the_sessions_locked_hint(
    qtbot: QtBot, bus_address: str, fake_logind: StartLogind, closing: Closer
) -> None:
    logind = fake_logind()
    watcher = open_watcher(bus_address, closing)
    locks = SignalRecorder(watcher.lock_changed)
    assert (watcher.tracks_lock, watcher.locked) == (True, False)

    with qtbot.waitSignal(watcher.lock_changed, timeout=5000):
        logind.set_locked(True)
    assert watcher.locked
    with qtbot.waitSignal(watcher.lock_changed, timeout=5000):
        logind.set_locked(False)

    assert locks.values == [True, False]
    assert locks.all_on_gui_thread
    assert not watcher.locked


def test_a_session_locked_before_start_is_locked(
    bus_address: str, fake_logind: StartLogind, closing: Closer
) -> None:
    fake_logind(locked=True)
    assert open_watcher(bus_address, closing).locked


def test_falls_back_to_xdg_session_id_when_the_pid_has_no_session(
    qtbot: QtBot, bus_address: str, fake_logind: StartLogind, closing: Closer
) -> None:
    logind = fake_logind(pid_in_session=False, session_id="7")
    watcher = open_watcher(bus_address, closing, session_id="7")
    assert watcher.tracks_lock

    with qtbot.waitSignal(watcher.lock_changed, timeout=5000) as blocker:
        logind.set_locked(True)
    assert blocker.args == [True]


def test_without_a_session_sleep_still_arrives_but_lock_is_not_tracked(
    qtbot: QtBot, bus_address: str, fake_logind: StartLogind, closing: Closer
) -> None:
    logind = fake_logind(pid_in_session=False)
    watcher = open_watcher(bus_address, closing, session_id="no-such-session")
    assert not watcher.tracks_lock

    with qtbot.waitSignal(watcher.sleep_changed, timeout=5000) as blocker:
        logind.prepare_for_sleep(True)
    assert blocker.args == [True]


def test_other_sessions_forgeries_and_garbage_are_ignored(
    qtbot: QtBot, bus_address: str, fake_logind: StartLogind, closing: Closer
) -> None:
    logind = fake_logind()
    watcher = open_watcher(bus_address, closing)
    locks = SignalRecorder(watcher.lock_changed)
    sleeps = SignalRecorder(watcher.sleep_changed)

    logind.set_locked(True, session_id="another-users-session")
    logind.prepare_for_sleep("yes", signature="s")
    with open_dbus_connection(bus=bus_address) as impostor:  # not the owner of login1
        impostor.send(
            new_signal(
                DBusAddress(MANAGER_PATH, interface=MANAGER_INTERFACE),
                "PrepareForSleep",
                "b",
                (True,),
            )
        )
    # Signals from one sender arrive in order: once this one is in, the others were seen.
    with qtbot.waitSignal(watcher.sleep_changed, timeout=5000):
        logind.prepare_for_sleep(False)

    assert sleeps.values == [False]
    assert locks.values == []
    assert not watcher.locked


def test_a_closed_watcher_stays_silent(
    qtbot: QtBot, bus_address: str, fake_logind: StartLogind, closing: Closer
) -> None:
    logind = fake_logind()
    closed = open_watcher(bus_address, closing)
    closed_sleeps = SignalRecorder(closed.sleep_changed)
    closed.close()
    still_open = open_watcher(bus_address, closing)

    with qtbot.waitSignal(still_open.sleep_changed, timeout=5000):
        logind.prepare_for_sleep(True)

    assert closed_sleeps.values == []


def test_a_bus_without_logind_is_unavailable(bus_address: str) -> None:
    with pytest.raises(BackendUnavailable, match="logind is not running"):
        LogindWatcher(bus_address, pid=os.getpid())


def test_an_unreachable_bus_is_unavailable(tmp_path: object) -> None:
    with pytest.raises(BackendUnavailable, match="cannot connect to D-Bus"):
        LogindWatcher("unix:path=/nonexistent/sitbreak/bus", pid=os.getpid())


def test_losing_the_bus_is_logged_once_not_raised(
    qtbot: QtBot, qapp: QApplication, caplog: pytest.LogCaptureFixture, closing: Closer
) -> None:
    with (
        tempfile.TemporaryDirectory(prefix="sb-bus-") as config_dir,
        running_private_bus(Path(config_dir)) as (address, daemon),
    ):
        logind = FakeLogind(address)
        watcher = open_watcher(address, closing)
        logind.close()
        daemon.kill()
        daemon.wait()

        def lost_messages() -> int:
            return caplog.text.count("Lost the D-Bus connection")

        qtbot.waitUntil(lambda: lost_messages() == 1, timeout=5000)
        for _ in range(3):  # a socket left watched at end-of-file would fire again and again
            qapp.processEvents()
        assert lost_messages() == 1
    assert not watcher.locked
