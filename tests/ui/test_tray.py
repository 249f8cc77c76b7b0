"""The tray view: what its menu says and does, and that it repaints only on visible change."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtWidgets import QSystemTrayIcon

from app.core.model import Phase
from app.core.schedule import PauseChoice
from app.ui.tray import TrayView
from tests.ui.snapshots import NOW, WINDOW_START_S, paused, snapshot


@pytest.fixture
def tray(qapp):
    view = TrayView()
    yield view
    view.dispose()
    view.deleteLater()


def menu_texts(view: TrayView) -> list[str]:
    return [a.text() for a in view.menu.actions() if not a.isSeparator()]


def test_the_menu_has_the_status_line_then_the_commands(tray):
    tray.show_snapshot(snapshot(Phase.SITTING, 32 * 60), NOW)
    assert menu_texts(tray) == [
        "Sitting 32 min · stand-up in ~13 min",
        "Stand up now",
        "Pause",
        "Resume",
        "Today…",
        "Routines",
        "Statistics…",
        "Exercise library…",
        "Settings…",
        "About Sitbreak…",
        "Quit",
    ]
    assert not tray.status_action.isEnabled()
    assert tray.tray_icon.contextMenu() is tray.menu


def test_the_pause_submenu_offers_every_choice_in_order(tray):
    labels = [a.text() for a in tray.pause_menu.actions()]
    assert labels == [choice.label for choice in PauseChoice]


def test_the_tooltip_follows_the_snapshot(tray):
    tray.show_snapshot(snapshot(Phase.SITTING, 32 * 60), NOW)
    assert tray.tray_icon.toolTip() == "Sitting 32 min · stand-up in ~13 min"
    tray.show_snapshot(snapshot(Phase.SITTING, 33 * 60, estimated=True), NOW)
    assert tray.tray_icon.toolTip() == (
        "Sitting 33 min · stand-up in ~12 min · estimated (no idle detection)"
    )
    tray.show_snapshot(snapshot(Phase.AWAY), NOW)
    assert tray.tray_icon.toolTip() == "Away — the sitting clock restarts when you're back"


def test_resume_is_offered_only_while_paused(tray):
    tray.show_snapshot(snapshot(Phase.SITTING, 60), NOW)
    assert not tray.resume_action.isEnabled()
    tray.show_snapshot(paused(), NOW)
    assert tray.resume_action.isEnabled()
    tray.show_snapshot(snapshot(Phase.PAUSED, paused_indefinitely=True), NOW)
    assert tray.resume_action.isEnabled()
    tray.show_snapshot(snapshot(Phase.SITTING, 60), NOW)
    assert not tray.resume_action.isEnabled()


@pytest.mark.parametrize(
    ("action_name", "signal_name"),
    [
        ("stand_up_action", "stand_up_requested"),
        ("resume_action", "resume_requested"),
        ("library_action", "library_requested"),
        ("settings_action", "settings_requested"),
        ("about_action", "about_requested"),
        ("quit_action", "quit_requested"),
    ],
)
def test_each_command_emits_its_request(qtbot, tray, action_name, signal_name):
    tray.show_snapshot(paused(), NOW)  # Resume is enabled only while paused
    with qtbot.waitSignal(getattr(tray, signal_name), timeout=1000):
        getattr(tray, action_name).trigger()


@pytest.mark.parametrize("choice", list(PauseChoice))
def test_each_pause_choice_emits_its_value(qtbot, tray, choice):
    action = tray.pause_menu.actions()[list(PauseChoice).index(choice)]
    with qtbot.waitSignal(tray.pause_requested, timeout=1000) as blocker:
        action.trigger()
    assert blocker.args == [choice.value]


def test_a_disabled_resume_does_nothing(qtbot, tray):
    tray.show_snapshot(snapshot(Phase.SITTING, 60), NOW)
    with qtbot.assertNotEmitted(tray.resume_requested):
        tray.resume_action.trigger()


def test_a_left_click_is_reported_other_clicks_are_not(qtbot, tray):
    with qtbot.waitSignal(tray.activated, timeout=1000):
        tray.tray_icon.activated.emit(QSystemTrayIcon.ActivationReason.Trigger)
    with qtbot.assertNotEmitted(tray.activated):
        tray.tray_icon.activated.emit(QSystemTrayIcon.ActivationReason.Context)
        tray.tray_icon.activated.emit(QSystemTrayIcon.ActivationReason.MiddleClick)


def test_opening_the_menu_asks_for_a_fresh_snapshot(qtbot, tray):
    with qtbot.waitSignal(tray.refresh_requested, timeout=1000):
        tray.present()
    qtbot.waitUntil(tray.menu.isVisible, timeout=1000)
    tray.menu.close()


# --------------------------------------------------------------------- repainting
def icon_key(view: TrayView) -> int:
    """Changes whenever a new icon is set, even one with the same pixels."""
    return view.tray_icon.icon().cacheKey()


def test_the_first_snapshot_sets_an_icon(tray):
    assert tray.tray_icon.icon().isNull()
    tray.show_snapshot(snapshot(Phase.SITTING, 60), NOW)
    assert not tray.tray_icon.icon().isNull()


def test_no_repaint_while_the_picture_stays_the_same(tray):
    tray.show_snapshot(snapshot(Phase.SITTING, 20 * 60), NOW)
    first = icon_key(tray)
    for second in range(1, 11):
        at = NOW + timedelta(seconds=second)
        tray.show_snapshot(snapshot(Phase.SITTING, 20 * 60 + second), at)
    assert icon_key(tray) == first


def test_a_visible_step_repaints(tray):
    tray.show_snapshot(snapshot(Phase.SITTING, 20 * 60), NOW)
    first = icon_key(tray)
    tray.show_snapshot(snapshot(Phase.SITTING, 20 * 60 + WINDOW_START_S / 48), NOW)
    assert icon_key(tray) != first


def test_a_change_of_state_repaints(tray):
    tray.show_snapshot(snapshot(Phase.WINDOW, 46 * 60), NOW)
    window = icon_key(tray)
    tray.show_snapshot(snapshot(Phase.PROMPTING, 46 * 60), NOW)
    assert icon_key(tray) != window


# Showing a tray icon on the offscreen platform makes Qt try an X11-only connection.
@pytest.mark.qt_log_ignore(r"No such signal QPlatformNativeInterface::systemTrayWindowChanged")
def test_dispose_takes_the_icon_out_of_the_tray(tray):
    tray.show_snapshot(snapshot(Phase.SITTING, 60), NOW)
    tray.show()
    assert tray.tray_icon.isVisible()
    tray.dispose()
    assert not tray.tray_icon.isVisible()
