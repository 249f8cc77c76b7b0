"""The tray icon's own message as a prompt: where its clicks arrive, and that they do."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QSystemTrayIcon

from app.platform.notify_base import DeliveryFailed, PromptNotice
from app.platform.notify_tray import (
    TrayMessageNotifier,
    TrayMessageSupport,
    tray_message_support,
)
from tests.helpers.desktop import (
    Desktop,
    DesktopOptions,
    ManagedProcess,
    TrayHost,
    desktop_session,
    wait_until,
)
from tests.helpers.require import require_binaries

REPO_ROOT = Path(__file__).resolve().parents[3]
NOTICE = PromptNotice("Time to stand up", "Glute bridge, 10 reps", snooze_minutes=10)


@pytest.mark.parametrize(
    ("tray_kind", "platform", "app_bundle", "support"),
    [
        ("xembed", "linux", False, TrayMessageSupport.QT_BALLOON),
        ("dbus", "linux", False, TrayMessageSupport.UNCLICKABLE),
        ("none", "linux", False, TrayMessageSupport.NONE),
        ("xembed", "win32", False, TrayMessageSupport.NATIVE),
        ("xembed", "darwin", True, TrayMessageSupport.NATIVE),
        ("xembed", "darwin", False, TrayMessageSupport.UNCLICKABLE),
        ("none", "win32", False, TrayMessageSupport.NONE),
    ],
)
def test_clicks_arrive_where_the_platform_reports_them(
    tray_kind: str, platform: str, app_bundle: bool, support: TrayMessageSupport
) -> None:
    assert tray_message_support(tray_kind, platform, app_bundle=app_bundle) is support
    assert support.clickable == (support in (TrayMessageSupport.QT_BALLOON, "native"))


def test_an_unknown_tray_kind_is_named_in_the_error() -> None:
    with pytest.raises(ValueError, match=r"'sni'.*xembed, dbus, none"):
        tray_message_support("sni", "linux")


def test_without_a_tray_there_is_no_message_to_show(qapp: object) -> None:
    notifier = TrayMessageNotifier(QSystemTrayIcon(), TrayMessageSupport.NONE)

    with pytest.raises(DeliveryFailed, match="no tray"):
        notifier.show(NOTICE)
    assert not notifier.clickable


def test_a_hidden_tray_icon_cannot_show_a_message(qapp: object) -> None:
    notifier = TrayMessageNotifier(QSystemTrayIcon(), TrayMessageSupport.QT_BALLOON)

    with pytest.raises(DeliveryFailed, match="not shown"):
        notifier.show(NOTICE)


# ------------------------------------------------------------------ a real XEmbed tray
PROBE = """
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QApplication, QSystemTrayIcon
from app.platform.notify_base import PromptNotice
from app.platform.notify_tray import TrayMessageNotifier, TrayMessageSupport

def say(**event):
    print(json.dumps(event), flush=True)

def balloon():
    return next((w for w in QApplication.topLevelWidgets()
                 if w.metaObject().className() == "QBalloonTip" and w.isVisible()), None)

app = QApplication(sys.argv[:1])
pixmap = QPixmap(22, 22)
pixmap.fill(QColor("#c0392b"))
icon = QSystemTrayIcon(QIcon(pixmap))
icon.show()
notifier = TrayMessageNotifier(icon, TrayMessageSupport.QT_BALLOON)
notice = PromptNotice("Time to stand up", "Glute bridge, 10 reps", 10)

def report_balloon(event):
    # Qt moves its balloon next to the icon once the tray has told where the icon is.
    tip = balloon()
    near_icon = tip is not None and tip.geometry().adjusted(-40, -40, 40, 40).intersects(
        icon.geometry()
    )
    if not near_icon:
        QTimer.singleShot(20, lambda: report_balloon(event))
        return
    centre = tip.mapToGlobal(tip.rect().center())
    say(event=event, at=[centre.x(), centre.y()])

def on_clicked():
    say(event="clicked", balloon_visible=balloon() is not None)
    notifier.show(notice)
    shown_again = balloon() is not None
    notifier.close()
    say(event="closed", shown_again=shown_again, balloon_visible=balloon() is not None)

def show_once_docked():
    # Until trayer has taken the icon in, Qt would place the balloon by its old spot.
    where = icon.geometry()
    if not where.isValid() or where.topLeft().isNull():
        QTimer.singleShot(20, show_once_docked)
        return
    notifier.show(notice)
    report_balloon("shown")

notifier.clicked.connect(on_clicked)
show_once_docked()
app.exec()
"""


@pytest.fixture
def desktop(tmp_path: Path) -> Iterator[Desktop]:
    require_binaries("Xvfb", "dbus-daemon", "openbox", "trayer", "xdotool")
    options = DesktopOptions(tray=TrayHost.XEMBED, notification_server=False)
    with desktop_session(tmp_path / "desktop", options) as session:
        yield session


def test_a_click_on_qts_balloon_beside_an_xembed_tray_icon_reaches_the_app(
    desktop: Desktop, tmp_path: Path
) -> None:
    script = tmp_path / "tray_probe.py"
    script.write_text(PROBE, encoding="utf-8")
    env = {**desktop.env, "PYTHONPATH": str(REPO_ROOT), "QT_QPA_PLATFORM": "xcb"}

    with ManagedProcess(
        "tray-probe", [sys.executable, str(script)], env=env, log_dir=desktop.log_dir
    ) as probe:

        def event(name: str) -> dict[str, object] | None:
            probe.ensure_running()
            lines = probe.stdout_text().splitlines()
            events = [json.loads(line) for line in lines if line.startswith("{")]
            return next((e for e in events if e["event"] == name), None)

        shown = wait_until(lambda: event("shown"), timeout=10, what="the balloon to show")
        at = shown["at"]
        assert isinstance(at, list)
        x, y = at
        desktop.display.xdotool("mousemove", str(x), str(y), "click", "1")

        clicked = wait_until(lambda: event("clicked"), timeout=10, what="messageClicked")
        closed = wait_until(lambda: event("closed"), timeout=10, what="the second prompt")

    assert clicked["balloon_visible"] is False  # Qt takes a clicked balloon away
    assert closed["shown_again"] is True
    assert closed["balloon_visible"] is False  # close() takes ours back
