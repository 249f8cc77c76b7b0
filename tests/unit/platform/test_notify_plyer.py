"""plyer as the last system notifier: it shows, promises no click, and fails politely.

On Linux plyer hands the notification to ``notify-send``, so a real dunst on a private bus
receives it; ``notify-send`` finds that bus through this process's environment.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app import APP_NAME
from app.platform.base import BackendUnavailable
from app.platform.notify_base import DeliveryFailed, PromptNotice
from app.platform.notify_plyer import PlyerNotifier
from tests.helpers.desktop import Desktop
from tests.helpers.require import require_binaries
from tests.unit.platform.notify_servers import (
    Dunst,
    monitoring_notify,
    notification_desktop,
    running_dunst,
)

WAIT_MS = 10_000
NOTICE = PromptNotice("Time to stand up", "Glute bridge, 10 reps", snooze_minutes=10)


@pytest.fixture
def desktop(tmp_path: Path) -> Iterator[Desktop]:
    with notification_desktop(tmp_path / "desktop") as session:
        yield session


@pytest.fixture
def dunst(desktop: Desktop, monkeypatch: pytest.MonkeyPatch) -> Iterator[Dunst]:
    require_binaries("notify-send")
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", desktop.bus_address)
    with running_dunst(desktop) as server:
        yield server


def test_plyer_shows_the_prompt_but_promises_no_click(
    dunst: Dunst, qapp: object, qtbot: QtBot
) -> None:
    notifier = PlyerNotifier(app_name=APP_NAME)

    with monitoring_notify(dunst.desktop) as monitor:
        notifier.show(NOTICE)
        qtbot.waitUntil(lambda: dunst.displayed() == 1, timeout=WAIT_MS)
        qtbot.waitUntil(lambda: len(monitor.calls()) == 1, timeout=WAIT_MS)

    (call,) = monitor.calls()
    assert (call.summary, call.body) == (NOTICE.title, NOTICE.body)
    assert (notifier.name, notifier.clickable) == ("plyer", False)
    notifier.close()  # plyer cannot take it back; closing must still be harmless


def test_a_plyer_backend_that_breaks_reports_delivery_failed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: object
) -> None:
    broken = tmp_path / "bin"
    broken.mkdir()
    (broken / "notify-send").write_text("not a program\n", encoding="utf-8")  # not executable
    monkeypatch.setenv("PATH", str(broken))
    notifier = PlyerNotifier(app_name=APP_NAME)

    with pytest.raises(DeliveryFailed, match="plyer could not show the notification"):
        notifier.show(NOTICE)


def test_without_a_way_to_notify_plyer_is_unavailable_and_says_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: object
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # no notify-send anywhere

    with pytest.raises(BackendUnavailable, match="notify-send not found"):
        PlyerNotifier(app_name=APP_NAME)
