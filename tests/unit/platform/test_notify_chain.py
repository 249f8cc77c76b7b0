"""Choosing how prompts reach the user, and delivering one prompt through several ways."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QSystemTrayIcon
from pytestqt.qtbot import QtBot

from app import APP_ID, APP_NAME
from app.platform.base import Environment
from app.platform.notify_base import NotifierName, PromptNotice
from app.platform.notify_chain import DeliveryMode, NotifierChain, build_notifier, choose_route
from app.platform.notify_tray import TrayMessageSupport
from app.ui.toast import Toast
from app.ui.toast_notifier import ToastNotifier
from tests.helpers.desktop import Desktop
from tests.unit.platform.notify_servers import Answers, Dunst, notification_desktop, running_dunst

WAIT_MS = 10_000
NOTICE = PromptNotice("Time to stand up", "Glute bridge, 10 reps", snooze_minutes=10)

FD = NotifierName.FREEDESKTOP
TRAY = NotifierName.TRAY_MESSAGE
PLYER = NotifierName.PLYER
TOAST = NotifierName.TOAST
T = TrayMessageSupport
NOTIFICATION, BOTH = DeliveryMode.NOTIFICATION, DeliveryMode.BOTH


@pytest.mark.parametrize(
    ("mode", "freedesktop", "tray", "plyer", "route"),
    [
        pytest.param(NOTIFICATION, True, T.QT_BALLOON, False, (FD,), id="linux xembed + dunst"),
        pytest.param(NOTIFICATION, True, T.UNCLICKABLE, False, (FD,), id="linux sni + server"),
        pytest.param(NOTIFICATION, None, T.QT_BALLOON, False, (TOAST,), id="xembed, no server"),
        pytest.param(NOTIFICATION, None, T.UNCLICKABLE, False, (TOAST,), id="sni, no server"),
        pytest.param(NOTIFICATION, False, T.QT_BALLOON, False, (FD,), id="server w/o actions"),
        pytest.param(NOTIFICATION, None, T.NATIVE, True, (TRAY,), id="windows tray"),
        pytest.param(NOTIFICATION, None, T.NONE, True, (PLYER,), id="windows, no tray"),
        pytest.param(NOTIFICATION, None, T.UNCLICKABLE, True, (PLYER,), id="macos unbundled"),
        pytest.param(NOTIFICATION, None, T.NONE, False, (TOAST,), id="nothing at all"),
        pytest.param(BOTH, True, T.QT_BALLOON, False, (FD, TOAST), id="both, with a server"),
        pytest.param(BOTH, None, T.NATIVE, True, (TRAY, TOAST), id="both, windows"),
        pytest.param(BOTH, None, T.NONE, False, (TOAST,), id="both, nothing else"),
        pytest.param(DeliveryMode.TOAST, True, T.NATIVE, True, (TOAST,), id="toast chosen"),
    ],
)
def test_the_route_follows_what_the_desktop_offers(
    mode: DeliveryMode,
    freedesktop: bool | None,
    tray: TrayMessageSupport,
    plyer: bool,
    route: tuple[NotifierName, ...],
) -> None:
    assert choose_route(mode, freedesktop=freedesktop, tray_message=tray, plyer=plyer) == route


def test_an_unknown_delivery_mode_is_named_in_the_error() -> None:
    with pytest.raises(ValueError, match="'popup'"):
        DeliveryMode("popup")


# ------------------------------------------------------------------ built on a real desktop
@pytest.fixture
def desktop(tmp_path: Path) -> Iterator[Desktop]:
    with notification_desktop(tmp_path / "desktop") as session:
        yield session


@pytest.fixture
def dunst(desktop: Desktop) -> Iterator[Dunst]:
    with running_dunst(desktop) as server:
        yield server


@pytest.fixture
def toast(qtbot: QtBot) -> Toast:
    widget = Toast()
    qtbot.addWidget(widget)
    return widget


BuildChain = Callable[..., NotifierChain]


@pytest.fixture
def build(desktop: Desktop, toast: Toast) -> Iterator[BuildChain]:
    built: list[NotifierChain] = []

    def build_chain(mode: DeliveryMode, **options: object) -> NotifierChain:
        arguments: dict[str, object] = {
            "env": Environment.from_os(desktop.env, "linux"),
            "toast": ToastNotifier(lambda: toast),
            "tray_icon": None,
            "tray_kind": "none",
            "app_name": APP_NAME,
            "desktop_entry": APP_ID,
            **options,
        }
        chain = build_notifier(mode, **arguments)  # type: ignore[arg-type]
        built.append(chain)
        return chain

    yield build_chain
    for chain in built:
        chain.shutdown()


@pytest.mark.parametrize(
    ("mode", "name"),
    [(NOTIFICATION, "freedesktop"), (BOTH, "freedesktop+toast"), (DeliveryMode.TOAST, "toast")],
)
def test_with_a_notification_server_the_chain_is_named_for_status(
    dunst: Dunst, build: BuildChain, mode: DeliveryMode, name: str
) -> None:
    chain = build(mode)

    assert chain.name == name
    assert chain.clickable


def test_without_a_notification_server_the_prompt_shows_as_the_toast(
    desktop: Desktop, build: BuildChain, toast: Toast
) -> None:
    chain = build(NOTIFICATION, tray_icon=QSystemTrayIcon(), tray_kind="xembed")

    chain.show(NOTICE)

    assert chain.name == "toast"
    assert toast.isVisible()


def test_in_both_modes_a_click_on_the_bubble_also_takes_the_toast_away(
    dunst: Dunst, build: BuildChain, toast: Toast, qtbot: QtBot
) -> None:
    chain = build(BOTH)
    answers = Answers(chain)
    chain.show(NOTICE)
    qtbot.waitUntil(lambda: dunst.displayed() == 1, timeout=WAIT_MS)
    assert toast.isVisible()

    with qtbot.waitSignal(chain.clicked, timeout=WAIT_MS):
        dunst.ctl("action", "0")

    assert answers.names == ["clicked"]
    assert not toast.isVisible()
    assert chain.showing == ()


def test_in_both_modes_dismissing_the_toast_also_takes_the_bubble_away(
    dunst: Dunst, build: BuildChain, toast: Toast, qtbot: QtBot
) -> None:
    chain = build(BOTH)
    answers = Answers(chain)
    chain.show(NOTICE)
    qtbot.waitUntil(lambda: dunst.displayed() == 1, timeout=WAIT_MS)

    QTest.mouseClick(toast.close_button, Qt.MouseButton.LeftButton)

    assert answers.names == ["dismissed"]
    qtbot.waitUntil(lambda: dunst.displayed() == 0, timeout=WAIT_MS)


def test_a_bubble_that_expires_is_no_answer_while_the_toast_still_waits(
    dunst: Dunst, build: BuildChain, toast: Toast, qtbot: QtBot
) -> None:
    chain = build(BOTH)
    answers = Answers(chain)
    (bubble, _toast) = chain.members

    with qtbot.waitSignal(bubble.expired, timeout=WAIT_MS):
        chain.show(dataclasses.replace(NOTICE, title="Short-lived: time to stand up"))

    assert answers.names == []
    assert toast.isVisible()
    assert chain.showing == ("toast",)


def test_with_only_the_bubble_its_expiry_is_the_chains(
    dunst: Dunst, build: BuildChain, qtbot: QtBot
) -> None:
    chain = build(NOTIFICATION)

    with qtbot.waitSignal(chain.expired, timeout=WAIT_MS):
        chain.show(dataclasses.replace(NOTICE, title="Short-lived: time to stand up"))


def test_when_the_server_is_gone_the_prompt_falls_back_to_the_toast(
    dunst: Dunst, build: BuildChain, toast: Toast, qtbot: QtBot
) -> None:
    chain = build(NOTIFICATION)
    answers = Answers(chain)
    dunst.stop()

    chain.show(NOTICE)

    assert toast.isVisible()
    assert chain.showing == ("toast",)
    with qtbot.waitSignal(chain.snooze_requested, timeout=WAIT_MS):
        QTest.mouseClick(toast.snooze_button, Qt.MouseButton.LeftButton)
    assert answers.names == ["snooze_requested"]


def test_close_takes_the_prompt_off_every_notifier(
    dunst: Dunst, build: BuildChain, toast: Toast, qtbot: QtBot
) -> None:
    chain = build(BOTH)
    answers = Answers(chain)
    chain.show(NOTICE)
    qtbot.waitUntil(lambda: dunst.displayed() == 1, timeout=WAIT_MS)

    chain.close()

    assert not toast.isVisible()
    qtbot.waitUntil(lambda: dunst.displayed() == 0, timeout=WAIT_MS)
    assert answers.names == []
