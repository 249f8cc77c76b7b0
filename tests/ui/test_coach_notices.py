"""Coach notices (strength day, summaries) through the real toast: a click runs its action."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from app.coach_notices import CoachNotices
from app.ui.toast import Toast
from app.ui.toast_notifier import ToastNotifier


def _notices(qtbot: QtBot) -> tuple[CoachNotices, Toast]:
    toast = Toast()
    qtbot.addWidget(toast)
    return CoachNotices(ToastNotifier(lambda: toast, anchor=lambda: None)), toast


def test_clicking_a_notice_runs_what_it_offers_once(qtbot: QtBot) -> None:
    notices, toast = _notices(qtbot)
    opened: list[str] = []

    assert notices.show(
        "Strength day", "Squats", open_label="Start", on_open=lambda: opened.append("strength")
    )
    assert toast.show_button.text() == "Start"
    assert toast.snooze_button.isHidden()
    QTest.mouseClick(toast.show_button, Qt.MouseButton.LeftButton)

    assert opened == ["strength"]
    assert not toast.isVisible()


def test_a_dismissed_notice_runs_nothing_and_a_newer_one_runs_its_own_action(
    qtbot: QtBot,
) -> None:
    notices, toast = _notices(qtbot)
    opened: list[str] = []

    notices.show("Strength day", "", open_label="Start", on_open=lambda: opened.append("strength"))
    QTest.mouseClick(toast.close_button, Qt.MouseButton.LeftButton)
    notices.show(
        "Your day",
        "5 h at the desk",
        open_label="Open Today",
        on_open=lambda: opened.append("today"),
    )
    QTest.mouseClick(toast.show_button, Qt.MouseButton.LeftButton)

    assert opened == ["today"]
