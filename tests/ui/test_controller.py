"""The controller turns requests from either shell into app actions."""

from __future__ import annotations

import logging

import pytest
from PySide6.QtCore import Qt

from app.core.model import Phase
from app.core.schedule import PauseChoice
from app.ui.controller import TrayController
from app.ui.shell import TrayShell, make_shell
from app.ui.status_window import StatusWindow
from app.ui.tray import TrayView
from tests.ui.snapshots import NOW, paused, snapshot


class RecordingActions:
    """The app side, reduced to a list of what was asked."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, ...]] = []

    def stand_up_now(self) -> None:
        self.calls.append(("stand_up_now",))

    def pause(self, choice: PauseChoice) -> None:
        self.calls.append(("pause", choice))

    def resume(self) -> None:
        self.calls.append(("resume",))

    def quit(self) -> None:
        self.calls.append(("quit",))

    def refresh(self) -> None:
        self.calls.append(("refresh",))

    def open_library(self) -> None:
        self.calls.append(("open_library",))

    def open_settings(self) -> None:
        self.calls.append(("open_settings",))

    def open_today(self) -> None:
        self.calls.append(("open_today",))

    def open_statistics(self) -> None:
        self.calls.append(("open_statistics",))

    def start_routine(self, routine_id: str) -> None:
        self.calls.append(("start_routine", routine_id))

    def about(self) -> None:
        self.calls.append(("about",))


@pytest.fixture(params=[True, False], ids=["tray", "status window"])
def shell(request, qapp):
    made = make_shell(tray_available=request.param)
    yield made
    made.dispose()


@pytest.fixture
def actions():
    return RecordingActions()


@pytest.fixture
def controller(shell, actions):
    return TrayController(shell, actions)


def test_the_factory_picks_the_tray_only_when_one_exists(qapp):
    with_tray, without = make_shell(True), make_shell(False)
    try:
        assert isinstance(with_tray, TrayView)
        assert isinstance(without, StatusWindow)
    finally:
        with_tray.dispose()
        without.dispose()


def test_requests_become_actions(controller, shell: TrayShell, actions):
    shell.stand_up_requested.emit()
    shell.pause_requested.emit("2h")
    shell.resume_requested.emit()
    shell.library_requested.emit()
    shell.today_requested.emit()
    shell.statistics_requested.emit()
    shell.routine_requested.emit("glute-wake-up")
    shell.settings_requested.emit()
    shell.about_requested.emit()
    shell.quit_requested.emit()
    assert actions.calls == [
        ("stand_up_now",),
        ("pause", PauseChoice.HOUR_2),
        ("resume",),
        ("open_library",),
        ("open_today",),
        ("open_statistics",),
        ("start_routine", "glute-wake-up"),
        ("open_settings",),
        ("about",),
        ("quit",),
    ]


def test_an_unknown_pause_choice_is_logged_not_acted_on(controller, shell, actions, caplog):
    with caplog.at_level(logging.ERROR, logger="app.ui.controller"):
        shell.pause_requested.emit("forever")
    assert actions.calls == []
    assert "'forever'" in caplog.text
    assert "30m, 1h, 2h, tomorrow, indefinitely" in caplog.text


def test_show_hands_the_snapshot_to_the_shell(controller, shell):
    controller.show(paused(), NOW)
    if isinstance(shell, TrayView):
        assert shell.resume_action.isEnabled()
        assert shell.tray_icon.toolTip() == "Paused until 12:00 · sitting 20 min"
    else:
        assert isinstance(shell, StatusWindow)
        assert shell.resume_button.isEnabled()
        assert shell.status_label.text() == "Paused until 12:00 · sitting 20 min"


def test_a_click_in_the_tray_menu_reaches_the_app(qtbot, actions):
    view = TrayView()
    controller = TrayController(view, actions)
    try:
        controller.show(paused(), NOW)
        view.pause_menu.actions()[0].trigger()
        view.resume_action.trigger()
        assert actions.calls == [("pause", PauseChoice.MIN_30), ("resume",)]
    finally:
        view.dispose()


def test_a_click_in_the_status_window_reaches_the_app(qtbot, actions):
    window = StatusWindow()
    controller = TrayController(window, actions)
    try:
        controller.show(snapshot(Phase.SITTING, 60), NOW)
        qtbot.mouseClick(window.stand_up_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(window.quit_button, Qt.MouseButton.LeftButton)
        assert actions.calls == [("stand_up_now",), ("quit",)]
    finally:
        window.dispose()


def test_a_left_click_on_the_tray_icon_opens_the_menu_with_fresh_numbers(qtbot, actions):
    view = TrayView()
    controller = TrayController(view, actions)  # signals hold it weakly: keep a reference
    try:
        view.activated.emit()
        qtbot.waitUntil(view.menu.isVisible, timeout=1000)
        assert actions.calls == [("refresh",)]
        assert controller.shell is view
    finally:
        view.dispose()


def test_a_click_on_the_big_icon_brings_the_window_back(qtbot, actions):
    window = StatusWindow()
    controller = TrayController(window, actions)
    try:
        window.showMinimized()
        qtbot.waitUntil(window.isMinimized, timeout=1000)
        qtbot.mouseClick(window.icon_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not window.isMinimized(), timeout=1000)
        assert controller.shell is window
    finally:
        window.dispose()


def test_a_prompt_banner_is_cleared_through_the_controller(qtbot, actions):
    window = StatusWindow()
    controller = TrayController(window, actions)
    try:
        window.show()
        qtbot.waitExposed(window)
        window.show_prompt_message("Time to stand up", "Try: Calf raises, 15 reps")
        assert window.prompt_banner.isVisible()
        controller.clear_prompt()
        assert not window.prompt_banner.isVisible()
    finally:
        window.dispose()


def test_the_routines_menu_lists_the_routines_and_starts_the_one_picked(controller, shell, actions):
    assert isinstance(shell, TrayView | StatusWindow)
    routines = shell.coach.routines
    assert not routines.isEnabled(), "no routine is known before the library loads"
    shell.set_routines([("glute-wake-up", "Glute wake-up"), ("strength-day", "Strength & day")])
    assert routines.isEnabled()
    assert [a.text() for a in routines.actions()] == ["Glute wake-up", "Strength && day"]
    routines.actions()[1].trigger()
    shell.coach.today.trigger()
    shell.coach.statistics.trigger()
    assert actions.calls == [
        ("start_routine", "strength-day"),
        ("open_today",),
        ("open_statistics",),
    ]
