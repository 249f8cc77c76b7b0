"""The settings dialog: shows the settings, hands valid ones to ``apply``, refuses bad ones."""

from __future__ import annotations

from dataclasses import replace
from datetime import time
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt, QTimer, QUrl, Slot
from PySide6.QtGui import QColor, QDesktopServices, QPalette
from PySide6.QtWidgets import QApplication, QMessageBox

from app.core.schedule import TimeRange
from app.settings.model import (
    ExerciseSettings,
    GeneralSettings,
    GoalSettings,
    PromptSettings,
    QuietSettings,
    Settings,
    WorkingHoursSettings,
)
from app.ui.settings_controller import (
    RangeError,
    SettingsController,
    format_day_ranges,
    parse_day_ranges,
)
from app.ui.settings_dialog import SettingsDialog

MORNING = TimeRange(time(9), time(12, 30))
AFTERNOON = TimeRange(time(13, 30), time(17, 30))


class FileAutostart:
    """Start at login kept as a file, like the real XDG entry: the file is the truth."""

    def __init__(self, path: Path, *, enabled: bool = False) -> None:
        self.path = path
        self.changes: list[bool] = []
        if enabled:
            path.write_text("[Desktop Entry]\n")

    def is_enabled(self) -> bool:
        return self.path.exists()

    def set_enabled(self, enabled: bool) -> None:
        self.changes.append(enabled)
        if enabled:
            self.path.write_text("[Desktop Entry]\n")
        else:
            self.path.unlink(missing_ok=True)


class Harness:
    """A dialog with its controller, and what reached ``apply`` and ``delete_all_data``."""

    def __init__(self, tmp_path: Path, *, autostart_enabled: bool = False) -> None:
        self.applied: list[Settings] = []
        self.deleted = 0
        self.fail_with: Exception | None = None
        self.autostart = FileAutostart(tmp_path / "sitbreak.desktop", enabled=autostart_enabled)
        self.dialog = SettingsDialog()
        self.controller = SettingsController(
            self.dialog,
            apply=self._apply,
            autostart=self.autostart,
            data_folder=tmp_path / "data",
            delete_all_data=self._delete,
            exercise_names={"clamshell": "Clamshell", "wall-sit": "Wall sit"},
        )

    def _apply(self, settings: Settings) -> None:
        if self.fail_with is not None:
            raise self.fail_with
        self.applied.append(settings)

    def _delete(self) -> None:
        self.deleted += 1

    def message(self, key: str) -> str:
        """The message under a field, as shown once its page is open ("" when none)."""
        label = self.dialog.messages[key]
        return "" if label.isHidden() else label.text()


def sample() -> Settings:
    return Settings(
        prompts=PromptSettings(
            window_start_s=50 * 60,
            window_end_s=55 * 60,
            lull_s=20,
            snooze_s=7 * 60,
            remind_after_s=4 * 60,
            max_reminders=3,
            delivery="both",
            sound=True,
        ),
        working_hours=WorkingHoursSettings(
            enabled=True, ranges={0: (MORNING, AFTERNOON), 4: (MORNING,)}
        ),
        quiet=QuietSettings(when_fullscreen=False, when_do_not_disturb=True),
        exercises=ExerciseSettings(
            positions=frozenset({"standing"}),
            equipment=frozenset({"wall", "mat"}),
            favourites=frozenset({"clamshell"}),
            hidden=frozenset({"wall-sit", "gone-exercise"}),
        ),
        goals=GoalSettings(
            walk_minutes=40, stretch_minutes=15, strength_days=(1, 3), strength_time=time(7, 30)
        ),
        general=GeneralSettings(tray_icon_style="dark"),
        extra={"future": {"key": 1}},
    )


@pytest.fixture
def harness(qtbot, tmp_path):
    made = Harness(tmp_path)
    qtbot.addWidget(made.dialog)
    return made


@pytest.fixture
def opened(harness):
    harness.controller.open(sample())
    return harness


# --------------------------------------------------------------------------- showing
def test_the_widgets_show_the_settings(opened):
    d = opened.dialog
    assert (d.window_start_spin.value(), d.window_end_spin.value()) == (50, 55)
    assert not d.every_n_check.isChecked()
    assert (d.lull_spin.value(), d.snooze_spin.value(), d.remind_after_spin.value()) == (20, 7, 4)
    assert d.max_reminders_spin.value() == 3
    assert d.away_spin.value() == 3
    assert d.delivery_combo.currentData() == "both"
    assert d.sound_check.isChecked()
    assert d.working_hours_check.isChecked()
    assert [e.text() for e in d.day_edits] == [
        "09:00-12:30, 13:30-17:30",
        "",
        "",
        "",
        "09:00-12:30",
        "",
        "",
    ]
    assert not d.quiet_fullscreen_check.isChecked()
    assert d.quiet_dnd_check.isChecked()
    assert [p.value for p, c in d.position_checks.items() if c.isChecked()] == ["standing"]
    assert {e.value for e, c in d.equipment_checks.items() if c.isChecked()} == {"wall", "mat"}
    assert list(d.show_again_buttons) == ["gone-exercise", "wall-sit"]  # sorted by name
    assert (d.walk_spin.value(), d.stretch_spin.value()) == (40, 15)
    assert [c.isChecked() for c in d.strength_day_checks] == [False, True, False, True] + [
        False
    ] * 3
    assert d.strength_time_edit.time().toString("HH:mm") == "07:30"
    assert d.icon_style_combo.currentData() == "dark"
    assert d.data_path_label.text().endswith("data")
    assert d.isVisible()


def test_nothing_to_apply_until_something_changes(opened):
    assert opened.dialog.ok_button.isEnabled()
    assert not opened.dialog.apply_button.isEnabled()
    opened.dialog.snooze_spin.setValue(8)
    assert opened.dialog.apply_button.isEnabled()


# --------------------------------------------------------------------------- applying
def test_apply_hands_over_the_new_window_and_keeps_everything_else(qtbot, opened):
    opened.dialog.window_start_spin.setValue(40)
    opened.dialog.window_end_spin.setValue(50)
    qtbot.mouseClick(opened.dialog.apply_button, Qt.MouseButton.LeftButton)
    assert opened.applied == [
        replace(
            sample(),
            prompts=replace(sample().prompts, window_start_s=40 * 60, window_end_s=50 * 60),
        )
    ]
    assert opened.applied[0].extra == {"future": {"key": 1}}
    assert opened.dialog.isVisible()  # Apply keeps the dialog open
    assert not opened.dialog.apply_button.isEnabled()  # … with nothing left to apply


def test_ok_applies_and_closes(qtbot, opened):
    opened.dialog.sound_check.setChecked(False)
    opened.dialog.day_edits[2].setText("22:00-02:00")
    qtbot.mouseClick(opened.dialog.ok_button, Qt.MouseButton.LeftButton)
    (applied,) = opened.applied
    assert not applied.prompts.sound
    assert applied.working_hours.on(2) == (TimeRange(time(22), time(2)),)
    assert not opened.dialog.isVisible()


def test_every_page_is_read_back(qtbot, opened):
    d = opened.dialog
    d.lull_spin.setValue(30)
    d.delivery_combo.setCurrentIndex(d.delivery_combo.findData("toast"))
    d.quiet_fullscreen_check.setChecked(True)
    d.position_checks[next(iter(d.position_checks))].setChecked(True)
    d.walk_spin.setValue(60)
    d.strength_day_checks[6].setChecked(True)
    d.icon_style_combo.setCurrentIndex(d.icon_style_combo.findData("light"))
    qtbot.mouseClick(d.apply_button, Qt.MouseButton.LeftButton)
    (applied,) = opened.applied
    assert applied.prompts.lull_s == 30
    assert applied.prompts.delivery == "toast"
    assert applied.quiet.when_fullscreen
    assert applied.exercises.positions == {"standing"}
    assert applied.exercises.favourites == {"clamshell"}
    assert applied.goals.walk_minutes == 60
    assert applied.goals.strength_days == (1, 3, 6)
    assert applied.general.tray_icon_style == "light"


def test_an_untouched_field_keeps_the_exact_seconds_of_the_file(qtbot, harness):
    odd = replace(sample(), prompts=replace(sample().prompts, window_start_s=50 * 60 + 10))
    harness.controller.open(odd)
    harness.dialog.snooze_spin.setValue(9)
    qtbot.mouseClick(harness.dialog.apply_button, Qt.MouseButton.LeftButton)
    assert harness.applied[0].prompts.window_start_s == 50 * 60 + 10


def test_show_again_takes_an_exercise_off_the_hidden_list(qtbot, opened):
    qtbot.mouseClick(opened.dialog.show_again_buttons["wall-sit"], Qt.MouseButton.LeftButton)
    assert list(opened.dialog.show_again_buttons) == ["gone-exercise"]
    qtbot.mouseClick(opened.dialog.apply_button, Qt.MouseButton.LeftButton)
    assert opened.applied[0].exercises.hidden == {"gone-exercise"}


def test_a_failed_save_says_why_and_keeps_the_dialog_open(qtbot, opened):
    opened.fail_with = OSError("No space left on device")
    opened.dialog.snooze_spin.setValue(8)
    qtbot.mouseClick(opened.dialog.ok_button, Qt.MouseButton.LeftButton)
    assert opened.dialog.isVisible()
    assert "No space left on device" in opened.dialog.general_message.text()
    assert opened.dialog.snooze_spin.value() == 8


# --------------------------------------------------------------------------- validation
def test_a_malformed_range_shows_its_message_and_keeps_ok_disabled(qtbot, opened):
    opened.dialog.day_edits[1].setText("9-17")
    assert opened.message("working_hours.tue") == '"9-17" is not a range like 09:00-17:00'
    assert not opened.dialog.ok_button.isEnabled()
    assert not opened.dialog.apply_button.isEnabled()
    opened.dialog.day_edits[1].setText("09:00-17:00")
    assert opened.message("working_hours.tue") == ""
    assert opened.dialog.ok_button.isEnabled()


def test_an_end_before_the_start_is_refused(opened):
    opened.dialog.window_end_spin.setValue(40)
    assert opened.message("prompts.window_end") == "Not before the start of the prompt window"
    assert not opened.dialog.ok_button.isEnabled()


def test_a_value_from_the_file_outside_the_human_range_is_shown_not_changed(harness):
    harness.controller.open(
        replace(sample(), prompts=replace(sample().prompts, window_start_s=5 * 60))
    )
    assert harness.dialog.window_start_spin.value() == 5
    assert harness.message("prompts.window_start") == "Between 10 and 180 minutes"
    assert not harness.dialog.ok_button.isEnabled()


def test_no_position_at_all_is_refused(opened):
    for check in opened.dialog.position_checks.values():
        check.setChecked(False)
    assert "at least one position" in opened.message("exercises.positions")
    assert not opened.dialog.ok_button.isEnabled()


def test_a_window_below_the_recommended_band_warns_but_may_be_saved(opened):
    warning = opened.dialog.recommendation_warning
    assert not warning.isVisibleTo(opened.dialog)
    opened.dialog.window_start_spin.setValue(30)
    assert warning.isVisibleTo(opened.dialog)
    assert warning.text().startswith("45–60 min is recommended")
    assert opened.dialog.ok_button.isEnabled()


@pytest.mark.parametrize(
    ("text", "ranges"),
    [
        ("", ()),
        ("13:30-17:30, 09:00-12:30", (MORNING, AFTERNOON)),
        (" 9:00 - 12:30 ,", (MORNING,)),
        ("22:00-02:00", (TimeRange(time(22), time(2)),)),
    ],
)
def test_day_ranges_are_read_sorted(text, ranges):
    assert parse_day_ranges(text) == ranges


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("09:00", '"09:00" is not a range like 09:00-17:00'),
        ("24:00-25:00", '"24:00-25:00" is not a time of day'),
        ("09:60-10:00", '"09:60-10:00" is not a time of day'),
        ("09:00-09:00", '"09:00-09:00" starts and ends at the same time'),
    ],
)
def test_a_bad_range_is_named_in_its_message(text, message):
    with pytest.raises(RangeError) as caught:
        parse_day_ranges(text)
    assert str(caught.value) == message


def test_ranges_are_written_as_they_are_read():
    assert format_day_ranges((MORNING, AFTERNOON)) == "09:00-12:30, 13:30-17:30"


# --------------------------------------------------------------------------- every N minutes
def test_every_n_minutes_hides_the_upper_bound_and_applies_equal_bounds(qtbot, opened):
    d = opened.dialog
    d.every_n_check.setChecked(True)
    assert not d.window_end_spin.isVisibleTo(d)
    assert d.window_start_label.text() == "Remind me every:"
    d.window_start_spin.setValue(30)
    qtbot.mouseClick(d.apply_button, Qt.MouseButton.LeftButton)
    prompts = opened.applied[0].prompts
    assert prompts.window_start_s == prompts.window_end_s == 30 * 60


def test_equal_bounds_open_in_every_n_minutes_mode(harness):
    equal = replace(sample(), prompts=replace(sample().prompts, window_end_s=50 * 60))
    harness.controller.open(equal)
    assert harness.dialog.every_n_check.isChecked()
    assert not harness.dialog.window_end_spin.isVisibleTo(harness.dialog)
    harness.dialog.every_n_check.setChecked(False)
    assert harness.dialog.window_end_spin.isVisibleTo(harness.dialog)


# --------------------------------------------------------------------------- cancel, defaults
def test_cancel_applies_nothing(qtbot, opened):
    opened.dialog.window_start_spin.setValue(20)
    opened.dialog.autostart_check.setChecked(True)
    qtbot.mouseClick(opened.dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert opened.applied == []
    assert opened.autostart.changes == []
    assert not opened.dialog.isVisible()


def test_restore_defaults_fills_in_the_defaults_and_keeps_unknown_keys(qtbot, opened):
    d = opened.dialog
    qtbot.mouseClick(d.defaults_button, Qt.MouseButton.LeftButton)
    assert (d.window_start_spin.value(), d.window_end_spin.value()) == (45, 60)
    assert d.delivery_combo.currentData() == "notification"
    assert not d.working_hours_check.isChecked()
    assert d.day_edits[0].text() == "09:00-17:00"
    assert d.day_edits[5].text() == ""
    assert d.show_again_buttons == {}
    assert opened.applied == []  # nothing is saved before OK or Apply
    qtbot.mouseClick(d.ok_button, Qt.MouseButton.LeftButton)
    (applied,) = opened.applied
    expected_exercises = replace(ExerciseSettings(), favourites=frozenset({"clamshell"}))
    assert applied == replace(
        Settings(), exercises=expected_exercises, extra={"future": {"key": 1}}
    )


# --------------------------------------------------------------------------- general page
@pytest.mark.parametrize("on_disk", [True, False])
def test_the_autostart_box_shows_the_state_on_disk(qtbot, tmp_path, on_disk):
    made = Harness(tmp_path, autostart_enabled=on_disk)
    qtbot.addWidget(made.dialog)
    made.controller.open(sample())
    assert made.dialog.autostart_check.isChecked() is on_disk
    assert not made.dialog.apply_button.isEnabled()


def test_toggling_autostart_takes_effect_on_apply(qtbot, opened):
    opened.dialog.autostart_check.setChecked(True)
    assert opened.autostart.changes == []
    assert opened.dialog.apply_button.isEnabled()
    qtbot.mouseClick(opened.dialog.apply_button, Qt.MouseButton.LeftButton)
    assert opened.autostart.changes == [True]
    assert opened.autostart.is_enabled()
    assert opened.applied == []  # the settings themselves did not change
    opened.dialog.autostart_check.setChecked(False)
    qtbot.mouseClick(opened.dialog.ok_button, Qt.MouseButton.LeftButton)
    assert opened.autostart.changes == [True, False]
    assert not opened.autostart.is_enabled()


class UrlRecorder(QObject):
    """Receives the URLs Qt would hand to the file manager."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


def test_open_folder_asks_the_desktop_to_open_the_data_folder(qtbot, opened, tmp_path):
    recorder = UrlRecorder()
    # PySide6's stub says bytes, but the binding takes the slot name as a str.
    QDesktopServices.setUrlHandler("file", recorder, "open")  # type: ignore[arg-type]
    try:
        qtbot.mouseClick(opened.dialog.open_folder_button, Qt.MouseButton.LeftButton)
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert recorder.urls == [QUrl.fromLocalFile(str(tmp_path / "data"))]


def answer_the_question_with(button: QMessageBox.StandardButton) -> None:
    """Press ``button`` in the confirmation box once it is open."""

    def press() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, press)
            return
        box.button(button).click()

    QTimer.singleShot(0, press)


def test_delete_all_data_asks_first_and_no_keeps_everything(qtbot, opened):
    answer_the_question_with(QMessageBox.StandardButton.No)
    qtbot.mouseClick(opened.dialog.delete_button, Qt.MouseButton.LeftButton)
    assert opened.deleted == 0
    assert opened.dialog.isVisible()


def test_delete_all_data_deletes_after_yes_and_closes(qtbot, opened):
    answer_the_question_with(QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(opened.dialog.delete_button, Qt.MouseButton.LeftButton)
    assert opened.deleted == 1
    assert not opened.dialog.isVisible()
    assert opened.applied == []


def test_the_library_button_asks_for_the_library(qtbot, opened):
    with qtbot.waitSignal(opened.controller.library_requested, timeout=1000):
        qtbot.mouseClick(opened.dialog.library_button, Qt.MouseButton.LeftButton)


# --------------------------------------------------------------------------- theme
def test_messages_stay_readable_when_the_theme_turns_dark(opened):
    opened.dialog.day_edits[0].setText("nonsense")
    label = opened.dialog.messages["working_hours.mon"]
    light_red = label.palette().color(QPalette.ColorRole.WindowText)
    dark = QPalette(opened.dialog.palette())
    dark.setColor(QPalette.ColorRole.Window, QColor("#202020"))
    dark.setColor(QPalette.ColorRole.WindowText, QColor("#f0f0f0"))
    opened.dialog.setPalette(dark)
    dark_red = label.palette().color(QPalette.ColorRole.WindowText)
    assert light_red.lightness() < 128 < dark_red.lightness()
