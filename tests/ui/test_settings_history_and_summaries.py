"""The settings dialog's retention ("Keep history") and summary switches."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt

from app.settings.model import GeneralSettings, Settings, SummarySettings
from tests.ui.test_settings_dialog import Harness, sample


@pytest.fixture
def harness(qtbot, tmp_path):
    made = Harness(tmp_path)
    qtbot.addWidget(made.dialog)
    return made


def test_history_kept_forever_shows_forever_with_the_days_greyed(harness):
    harness.controller.open(sample())
    d = harness.dialog
    assert d.keeps_forever()
    assert d.keep_combo.currentText() == "Forever"
    assert not d.keep_days_spin.isEnabled()
    assert not d.apply_button.isEnabled()


def test_choosing_only_the_last_n_days_applies_that_retention(qtbot, harness):
    harness.controller.open(sample())
    d = harness.dialog
    d.keep_combo.setCurrentIndex(d.keep_combo.findData("limited"))
    assert d.keep_days_spin.isEnabled()
    d.keep_days_spin.setValue(90)
    qtbot.mouseClick(d.apply_button, Qt.MouseButton.LeftButton)
    (applied,) = harness.applied
    assert applied.general == GeneralSettings(tray_icon_style="dark", keep_days=90)


def test_a_limited_retention_is_shown_and_can_go_back_to_forever(qtbot, harness):
    harness.controller.open(replace(sample(), general=GeneralSettings(keep_days=400)))
    d = harness.dialog
    assert (d.keeps_forever(), d.keep_days_spin.value()) == (False, 400)
    d.keep_combo.setCurrentIndex(d.keep_combo.findData("forever"))
    qtbot.mouseClick(d.apply_button, Qt.MouseButton.LeftButton)
    (applied,) = harness.applied
    assert applied.general.keeps_forever


def test_a_hand_written_retention_below_a_month_is_named_and_blocks_ok(harness):
    settings = replace(sample(), general=GeneralSettings(keep_days=7))  # file check bypassed
    harness.controller.open(settings)
    d = harness.dialog
    assert d.keep_days_spin.value() == 7  # shown as written, not silently changed
    assert d.messages["general.keep_days"].text() == "Between 30 and 3650 days"
    assert not d.messages["general.keep_days"].isHidden()
    assert not d.ok_button.isEnabled()
    d.keep_days_spin.setValue(30)
    assert d.messages["general.keep_days"].isHidden()
    assert d.ok_button.isEnabled()


def test_the_summary_switches_show_and_apply(qtbot, harness):
    harness.controller.open(replace(sample(), summary=SummarySettings(daily=True, weekly=False)))
    d = harness.dialog
    assert d.daily_summary_check.isChecked()
    assert not d.weekly_summary_check.isChecked()
    d.daily_summary_check.setChecked(False)
    d.weekly_summary_check.setChecked(True)
    qtbot.mouseClick(d.apply_button, Qt.MouseButton.LeftButton)
    (applied,) = harness.applied
    assert applied.summary == SummarySettings(daily=False, weekly=True)


def test_restore_defaults_sums_up_again_and_keeps_history_forever(qtbot, harness):
    harness.controller.open(
        replace(
            sample(),
            summary=SummarySettings(daily=False, weekly=False),
            general=GeneralSettings(keep_days=60),
        )
    )
    d = harness.dialog
    qtbot.mouseClick(d.defaults_button, Qt.MouseButton.LeftButton)
    assert d.daily_summary_check.isChecked()
    assert d.weekly_summary_check.isChecked()
    assert d.keeps_forever()
    qtbot.mouseClick(d.apply_button, Qt.MouseButton.LeftButton)
    (applied,) = harness.applied
    assert (applied.summary, applied.general.keep_days) == (Settings().summary, 0)


def test_delete_all_data_and_open_folder_stay_on_the_general_page(harness):
    harness.controller.open(sample())
    d = harness.dialog
    d.show_page("general")
    page = d.pages.currentWidget()
    for widget in (d.keep_combo, d.open_folder_button, d.delete_button):
        assert page.isAncestorOf(widget)
