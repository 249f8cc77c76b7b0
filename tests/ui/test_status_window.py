"""The window that stands in when the desktop has no tray."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt

from app.core.model import Phase
from app.core.schedule import PauseChoice
from app.ui.status_window import StatusWindow
from tests.ui.snapshots import NOW, WINDOW_START_S, paused, snapshot


@pytest.fixture
def window(qtbot):
    widget = StatusWindow()
    yield widget
    widget.dispose()
    widget.deleteLater()


@pytest.mark.parametrize(
    ("button_name", "signal_name"),
    [
        ("stand_up_button", "stand_up_requested"),
        ("resume_button", "resume_requested"),
        ("quit_button", "quit_requested"),
        ("icon_button", "activated"),
    ],
)
def test_each_button_emits_its_request(qtbot, window, button_name, signal_name):
    window.show_snapshot(paused(), NOW)  # Resume is enabled only while paused
    with qtbot.waitSignal(getattr(window, signal_name), timeout=1000):
        qtbot.mouseClick(getattr(window, button_name), Qt.MouseButton.LeftButton)


@pytest.mark.parametrize(
    ("action_name", "signal_name"),
    [
        ("library_action", "library_requested"),
        ("settings_action", "settings_requested"),
        ("about_action", "about_requested"),
    ],
)
def test_more_offers_the_library_settings_and_about(qtbot, window, action_name, signal_name):
    assert window.more_button.menu() is window.more_menu
    assert [a.text() for a in window.more_menu.actions()] == [
        "Today…",
        "Routines",
        "Statistics…",
        "Exercise library…",
        "Settings…",
        "About Sitbreak…",
    ]
    with qtbot.waitSignal(getattr(window, signal_name), timeout=1000):
        getattr(window, action_name).trigger()


def test_pause_opens_the_same_choices_as_the_tray(qtbot, window):
    assert window.pause_button.menu() is window.pause_menu
    labels = [a.text() for a in window.pause_menu.actions()]
    assert labels == [choice.label for choice in PauseChoice]
    with qtbot.waitSignal(window.pause_requested, timeout=1000) as blocker:
        window.pause_menu.actions()[1].trigger()
    assert blocker.args == [PauseChoice.HOUR_1.value]


def test_resume_is_offered_only_while_paused(qtbot, window):
    window.show_snapshot(snapshot(Phase.SITTING, 60), NOW)
    assert not window.resume_button.isEnabled()
    with qtbot.assertNotEmitted(window.resume_requested):
        qtbot.mouseClick(window.resume_button, Qt.MouseButton.LeftButton)
    window.show_snapshot(paused(), NOW)
    assert window.resume_button.isEnabled()


def test_it_says_what_the_tooltip_would_say(window):
    window.show_snapshot(snapshot(Phase.SITTING, 32 * 60, estimated=True), NOW)
    assert window.status_label.text() == (
        "Sitting 32 min · stand-up in ~13 min · estimated (no idle detection)"
    )


def test_the_taskbar_title_carries_the_status(window):
    window.show_snapshot(snapshot(Phase.SITTING, 32 * 60), NOW)
    assert window.windowTitle() == "Sitting 32 min · stand-up in ~13 min — Sitbreak"


def test_the_big_icon_repaints_only_on_visible_change(window):
    window.show_snapshot(snapshot(Phase.SITTING, 20 * 60), NOW)
    first = window.icon_button.icon().cacheKey()
    window.show_snapshot(snapshot(Phase.SITTING, 20 * 60 + 5), NOW + timedelta(seconds=5))
    assert window.icon_button.icon().cacheKey() == first
    window.show_snapshot(snapshot(Phase.SITTING, 20 * 60 + WINDOW_START_S / 48), NOW)
    assert window.icon_button.icon().cacheKey() != first


def test_a_prompt_shows_inside_the_window_until_cleared(qtbot, window):
    window.show()
    qtbot.waitExposed(window)
    assert not window.prompt_banner.isVisible()
    window.show_prompt_message("Time to stand up", "Try: Glute bridge, 10 reps")
    assert window.prompt_banner.isVisible()
    assert window.prompt_banner.title_label.text() == "Time to stand up"
    assert window.prompt_banner.text_label.text() == "Try: Glute bridge, 10 reps"
    window.clear_attention()
    assert not window.prompt_banner.isVisible()


def test_a_notice_stays_until_the_user_dismisses_it(qtbot, window):
    window.show()
    qtbot.waitExposed(window)
    window.show_notice("Sitbreak", "interval = 0 is out of range; using 45 min")
    assert window.notice_banner.isVisible()
    window.clear_attention()  # a prompt being answered does not take the notice away
    assert window.notice_banner.isVisible()
    assert window.notice_banner.dismiss_button is not None
    qtbot.mouseClick(window.notice_banner.dismiss_button, Qt.MouseButton.LeftButton)
    assert not window.notice_banner.isVisible()


def test_text_from_outside_is_shown_as_text_not_markup(qtbot, window):
    window.show()
    qtbot.waitExposed(window)
    window.show_notice("Sitbreak", "<b>settings.toml</b> could not be read")
    label = window.notice_banner.text_label
    assert label.textFormat() == Qt.TextFormat.PlainText
    assert label.text() == "<b>settings.toml</b> could not be read"


def test_closing_the_window_minimizes_it_and_keeps_the_app_running(qtbot, window):
    window.show()
    qtbot.waitExposed(window)
    assert window.close() is False
    qtbot.waitUntil(window.isMinimized, timeout=1000)
    assert window.isVisible()


def test_present_brings_a_minimized_window_back(qtbot, window):
    window.show()
    qtbot.waitExposed(window)
    window.close()
    qtbot.waitUntil(window.isMinimized, timeout=1000)
    window.present()
    qtbot.waitUntil(lambda: not window.isMinimized(), timeout=1000)
    assert window.isVisible()


def test_coming_back_from_the_taskbar_asks_for_fresh_numbers(qtbot, window):
    window.showMinimized()
    qtbot.waitUntil(window.isMinimized, timeout=1000)
    with qtbot.waitSignal(window.refresh_requested, timeout=1000):
        window.present()


def test_dispose_really_closes_it(qtbot, window):
    window.show()
    qtbot.waitExposed(window)
    window.dispose()
    assert not window.isVisible()
