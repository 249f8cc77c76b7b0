"""logind and the screensaver together, as the app sees them: one watcher."""

from __future__ import annotations

import os
from collections.abc import Callable

from pytestqt.qtbot import QtBot

from app.platform.session_composite import CompositeSessionWatcher
from app.platform.session_logind import LogindWatcher
from app.platform.session_screensaver import ScreenSaverWatcher
from tests.unit.platform.fake_services import FakeLogind, FakeScreenSaver
from tests.unit.platform.support import Closer, SignalRecorder


def test_locked_while_any_part_is_locked_and_sleep_passes_through(
    qtbot: QtBot,
    bus_address: str,
    fake_logind: Callable[..., FakeLogind],
    fake_screensaver: Callable[..., FakeScreenSaver],
    closing: Closer,
) -> None:
    logind = fake_logind()
    screensaver = fake_screensaver()
    logind_part = LogindWatcher(bus_address, pid=os.getpid())
    screensaver_part = ScreenSaverWatcher(bus_address)
    watcher = closing(CompositeSessionWatcher([logind_part, screensaver_part]))
    locks = SignalRecorder(watcher.lock_changed)
    assert watcher.name == "logind+screensaver"
    assert watcher.tracks_lock
    assert watcher.tracks_sleep

    with qtbot.waitSignal(watcher.lock_changed, timeout=5000):
        logind.set_locked(True)
    screensaver.set_active(True)
    qtbot.waitUntil(lambda: screensaver_part.locked, timeout=5000)  # two buses: keep the order
    logind.set_locked(False)  # the screensaver is still active: still locked
    with qtbot.waitSignal(watcher.lock_changed, timeout=5000):
        screensaver.set_active(False)
    assert locks.values == [True, False]

    with qtbot.waitSignal(watcher.sleep_changed, timeout=5000) as blocker:
        logind.prepare_for_sleep(True)
    assert blocker.args == [True]
