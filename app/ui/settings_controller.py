"""What the settings dialog means: fill it, read it back, validate, save.

The dialog (:class:`~app.ui.settings_dialog.SettingsDialog`) only lays out. This module
turns a :class:`~app.settings.model.Settings` into widget values and back into a candidate
``Settings``, checks it against the human ranges (:func:`app.settings.human.check_human`)
and hands a valid one to ``apply`` (the composition root saves ``settings.toml`` and
re-arms the engine and the scheduler). It never sees run-time state: a pause lives in
``state.toml``, so an open dialog cannot undo one.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import time
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QObject, QTime, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QComboBox, QSpinBox

from app.core.schedule import TimeRange
from app.settings.human import HUMAN_LIMITS, below_recommended, check_human
from app.settings.model import (
    KEEP_FOREVER,
    ExerciseSettings,
    GeneralSettings,
    GoalSettings,
    QuietSettings,
    Settings,
    SummarySettings,
    WorkingHoursSettings,
)
from app.ui.settings_dialog import DAY_KEYS, SettingsDialog

log = logging.getLogger(__name__)


DEFAULT_LIMITED_KEEP_DAYS = 365
"""What "Only the last" offers first when history was kept forever."""

ApplySettings = Callable[[Settings], None]
"""Saves settings for good and puts them into effect; raises (OSError, …) when it cannot."""
DeleteAllData = Callable[[], None]


class Autostart(Protocol):
    """Start at login; the file on disk is the truth, so the state is asked, never stored."""

    def is_enabled(self) -> bool: ...
    def set_enabled(self, enabled: bool) -> None: ...


# --------------------------------------------------------------------------- time ranges
_RANGE = re.compile(r"^(\d{1,2}):(\d{2})\s*[-–]\s*(\d{1,2}):(\d{2})$")


class RangeError(ValueError):
    """A day's ranges cannot be read; the message says what is wrong, for the user."""


def parse_day_ranges(text: str) -> tuple[TimeRange, ...]:
    """ "09:00-12:30, 13:30-17:30" → two ranges; "" → none (a day off)."""
    ranges = []
    for part in (piece.strip() for piece in text.split(",")):
        if not part:
            continue
        match = _RANGE.match(part)
        if match is None:
            raise RangeError(
                QCoreApplication.translate(
                    "SettingsController", '"%1" is not a range like 09:00-17:00'
                ).replace("%1", part)
            )
        hour_a, minute_a, hour_b, minute_b = (int(group) for group in match.groups())
        if hour_a > 23 or hour_b > 23 or minute_a > 59 or minute_b > 59:
            raise RangeError(
                QCoreApplication.translate(
                    "SettingsController", '"%1" is not a time of day'
                ).replace("%1", part)
            )
        start, end = time(hour_a, minute_a), time(hour_b, minute_b)
        if start == end:
            raise RangeError(
                QCoreApplication.translate(
                    "SettingsController", '"%1" starts and ends at the same time'
                ).replace("%1", part)
            )
        ranges.append(TimeRange(start, end))
    return tuple(sorted(ranges, key=lambda r: (r.start, r.end)))


def format_day_ranges(ranges: tuple[TimeRange, ...]) -> str:
    return ", ".join(f"{r.start:%H:%M}-{r.end:%H:%M}" for r in ranges)


# --------------------------------------------------------------------------- the controller
@dataclass(frozen=True, slots=True)
class Candidate:
    """What the widgets say: settings when they can be read, and what is wrong."""

    settings: Settings | None
    problems: Mapping[str, str]


class SettingsController(QObject):
    """Connects a :class:`SettingsDialog` to the settings, the autostart entry and the data.

    The dialog's signals hold only weak references to these bound methods, so whoever
    builds the controller keeps it alive as long as the dialog.
    """

    library_requested = Signal()
    """"Open the exercise library" was pressed."""

    def __init__(
        self,
        dialog: SettingsDialog,
        *,
        apply: ApplySettings,
        autostart: Autostart,
        data_folder: Path,
        delete_all_data: DeleteAllData,
        exercise_names: Mapping[str, str],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._dialog = dialog
        self._apply = apply
        self._autostart = autostart
        self._data_folder = data_folder
        self._delete_all_data = delete_all_data
        self._exercise_names = exercise_names
        self._saved = Settings()
        """The settings as last applied (or as given to :meth:`open`)."""
        self._autostart_saved = False
        self._hidden: frozenset[str] = frozenset()
        self._loading = False

        dialog.data_path_label.setText(str(data_folder))
        dialog.edited.connect(self._on_edited)
        dialog.ok_clicked.connect(self._on_ok)
        dialog.apply_clicked.connect(self._on_apply)
        dialog.restore_defaults_clicked.connect(self._on_restore_defaults)
        dialog.every_n_toggled.connect(self._on_every_n_toggled)
        dialog.library_requested.connect(self.library_requested)
        dialog.open_folder_requested.connect(self._on_open_folder)
        dialog.delete_data_requested.connect(self._on_delete_data)
        dialog.show_again_requested.connect(self._on_show_again)

    @property
    def dialog(self) -> SettingsDialog:
        return self._dialog

    @property
    def saved(self) -> Settings:
        return self._saved

    def open(self, settings: Settings) -> None:
        """Show ``settings`` (the ones in force) and the autostart state on disk."""
        self._saved = settings
        self._autostart_saved = self._autostart.is_enabled()
        self._load(settings)
        self._dialog.autostart_check.setChecked(self._autostart_saved)
        for key in ("general.data_folder", "general.delete"):
            self._dialog.show_action_result(key, "")
        self._validate()
        self._dialog.present()

    def candidate(self) -> Candidate:
        """The settings the widgets describe, with every problem keyed as in the file."""
        d = self._dialog
        problems: dict[str, str] = {}
        ranges: dict[int, tuple[TimeRange, ...]] = {}
        for day, edit in enumerate(d.day_edits):
            try:
                ranges[day] = parse_day_ranges(edit.text())
            except RangeError as exc:
                problems[f"working_hours.{DAY_KEYS[day]}"] = str(exc)
        positions = frozenset(
            p.value for p, check in d.position_checks.items() if check.isChecked()
        )
        if not positions:
            problems["exercises.positions"] = QCoreApplication.translate(
                "SettingsController",
                "Choose at least one position, or no exercise can be suggested",
            )
        if any(key.startswith("working_hours.") for key in problems):
            return Candidate(None, problems)

        saved = self._saved
        window_start_s = self._seconds(d.window_start_spin, saved.prompts.window_start_s, 60)
        window_end_s = (
            window_start_s
            if d.every_n_check.isChecked()
            else self._seconds(d.window_end_spin, saved.prompts.window_end_s, 60)
        )
        start = d.strength_time_edit.time()
        settings = replace(
            saved,
            prompts=replace(
                saved.prompts,
                window_start_s=window_start_s,
                window_end_s=window_end_s,
                lull_s=d.lull_spin.value(),
                snooze_s=self._seconds(d.snooze_spin, saved.prompts.snooze_s, 60),
                remind_after_s=self._seconds(d.remind_after_spin, saved.prompts.remind_after_s, 60),
                max_reminders=d.max_reminders_spin.value(),
                delivery=str(d.delivery_combo.currentData()),
                sound=d.sound_check.isChecked(),
            ),
            presence=replace(
                saved.presence, away_s=self._seconds(d.away_spin, saved.presence.away_s, 60)
            ),
            working_hours=WorkingHoursSettings(
                enabled=d.working_hours_check.isChecked(), ranges=ranges
            ),
            quiet=QuietSettings(
                when_fullscreen=d.quiet_fullscreen_check.isChecked(),
                when_do_not_disturb=d.quiet_dnd_check.isChecked(),
            ),
            exercises=replace(
                saved.exercises,
                positions=positions,
                equipment=frozenset(
                    e.value for e, check in d.equipment_checks.items() if check.isChecked()
                ),
                hidden=self._hidden,
            ),
            goals=GoalSettings(
                walk_minutes=d.walk_spin.value(),
                stretch_minutes=d.stretch_spin.value(),
                strength_days=tuple(
                    day for day, check in enumerate(d.strength_day_checks) if check.isChecked()
                ),
                strength_time=time(start.hour(), start.minute()),
            ),
            summary=SummarySettings(
                daily=d.daily_summary_check.isChecked(),
                weekly=d.weekly_summary_check.isChecked(),
            ),
            general=GeneralSettings(
                tray_icon_style=str(d.icon_style_combo.currentData()),
                keep_days=KEEP_FOREVER if d.keeps_forever() else d.keep_days_spin.value(),
            ),
        )
        problems.update(check_human(settings, QCoreApplication.translate))
        return Candidate(settings, problems)

    # ------------------------------------------------------------------ widgets
    def _load(self, settings: Settings) -> None:
        """Fill every widget from ``settings`` (one validation at the end, not per widget)."""
        d = self._dialog
        self._loading = True
        try:
            prompts = settings.prompts
            self._set_spin(d.window_start_spin, "prompts.window_start", prompts.window_start_s / 60)
            self._set_spin(d.window_end_spin, "prompts.window_end", prompts.window_end_s / 60)
            d.show_every_n_mode(prompts.window_start_s == prompts.window_end_s)
            self._set_spin(d.lull_spin, "prompts.lull", prompts.lull_s)
            self._set_spin(d.snooze_spin, "prompts.snooze", prompts.snooze_s / 60)
            self._set_spin(d.remind_after_spin, "prompts.remind_after", prompts.remind_after_s / 60)
            self._set_spin(d.max_reminders_spin, "prompts.max_reminders", prompts.max_reminders)
            self._set_spin(d.away_spin, "presence.away_after", settings.presence.away_s / 60)
            _select_data(d.delivery_combo, prompts.delivery)
            d.sound_check.setChecked(prompts.sound)

            d.working_hours_check.setChecked(settings.working_hours.enabled)
            for day, edit in enumerate(d.day_edits):
                edit.setText(format_day_ranges(settings.working_hours.on(day)))
            d.quiet_fullscreen_check.setChecked(settings.quiet.when_fullscreen)
            d.quiet_dnd_check.setChecked(settings.quiet.when_do_not_disturb)

            exercises = settings.exercises
            for position, check in d.position_checks.items():
                check.setChecked(position.value in exercises.positions)
            for item, check in d.equipment_checks.items():
                check.setChecked(item.value in exercises.equipment)
            self._hidden = exercises.hidden
            self._show_hidden()

            goals = settings.goals
            self._set_spin(d.walk_spin, "goals.walk_minutes", goals.walk_minutes)
            self._set_spin(d.stretch_spin, "goals.stretch_minutes", goals.stretch_minutes)
            for day, check in enumerate(d.strength_day_checks):
                check.setChecked(day in goals.strength_days)
            d.strength_time_edit.setTime(
                QTime(goals.strength_time.hour, goals.strength_time.minute)
            )
            d.daily_summary_check.setChecked(settings.summary.daily)
            d.weekly_summary_check.setChecked(settings.summary.weekly)
            _select_data(d.icon_style_combo, settings.general.tray_icon_style)
            general = settings.general
            self._set_spin(
                d.keep_days_spin,
                "general.keep_days",
                DEFAULT_LIMITED_KEEP_DAYS if general.keeps_forever else general.keep_days,
            )
            d.show_keep(forever=general.keeps_forever, days=d.keep_days_spin.value())
        finally:
            self._loading = False

    @staticmethod
    def _set_spin(spin: QSpinBox, key: str, value: float) -> None:
        """The human range, widened to hold a value from the file (which then gets its
        message) rather than silently changing it."""
        limit = HUMAN_LIMITS[key]
        shown = round(value)
        spin.setRange(min(limit.low, shown), max(limit.high, shown))
        spin.setValue(shown)

    @staticmethod
    def _seconds(spin: QSpinBox, saved_s: int, unit_s: int) -> int:
        """The spin box in seconds; an untouched field keeps the file's exact seconds."""
        if spin.value() == round(saved_s / unit_s):
            return saved_s
        return spin.value() * unit_s

    def _show_hidden(self) -> None:
        rows = sorted(
            (
                (exercise_id, self._exercise_names.get(exercise_id, exercise_id))
                for exercise_id in self._hidden
            ),
            key=lambda row: row[1].casefold(),
        )
        self._dialog.show_hidden_exercises(rows)

    def _validate(self) -> Candidate:
        candidate = self.candidate()
        self._dialog.show_problems(candidate.problems)
        settings = candidate.settings
        self._dialog.show_recommendation(
            below_recommended(settings, QCoreApplication.translate)
            if settings is not None
            else None
        )
        valid = settings is not None and not candidate.problems
        changed = settings != self._saved or self._autostart_wanted() != self._autostart_saved
        self._dialog.set_can_save(ok=valid, apply=valid and changed)
        return candidate

    def _autostart_wanted(self) -> bool:
        return self._dialog.autostart_check.isChecked()

    # ------------------------------------------------------------------ slots
    def _on_edited(self) -> None:
        if not self._loading:
            self._validate()

    def _on_every_n_toggled(self, every_n: bool) -> None:
        if every_n and not self._loading:
            # One interval: the prompt comes at the start value, so the end follows it.
            self._dialog.window_end_spin.setValue(self._dialog.window_start_spin.value())

    def _on_show_again(self, exercise_id: str) -> None:
        self._hidden = self._hidden - {exercise_id}
        self._show_hidden()
        self._validate()

    def _on_restore_defaults(self) -> None:
        """Defaults everywhere, but the user's unknown keys and favourites stay."""
        defaults = Settings()
        self._load(
            replace(
                defaults,
                exercises=replace(ExerciseSettings(), favourites=self._saved.exercises.favourites),
                extra=self._saved.extra,
            )
        )
        self._validate()

    def _on_apply(self) -> None:
        self._save()

    def _on_ok(self) -> None:
        if self._save():
            self._dialog.accept()

    def _save(self) -> bool:
        """Apply what the widgets say; False (and a message) when that is not possible."""
        candidate = self._validate()
        settings = candidate.settings
        if settings is None or candidate.problems:
            return False
        try:
            if settings != self._saved:
                self._apply(settings)
                self._saved = settings
            wanted = self._autostart_wanted()
            if wanted != self._autostart_saved:
                self._autostart.set_enabled(wanted)
                self._autostart_saved = wanted
        except Exception as exc:  # the user must hear why, and keep what they typed
            log.exception("could not save the settings")
            self._dialog.show_problems(
                {
                    "": QCoreApplication.translate("SettingsController", "Not saved: %1").replace(
                        "%1", str(exc)
                    )
                }
            )
            return False
        self._validate()
        return True

    def _on_open_folder(self) -> None:
        opened = QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._data_folder)))
        self._dialog.show_action_result(
            "general.data_folder",
            ""
            if opened
            else QCoreApplication.translate(
                "SettingsController", "No file manager could open the folder"
            ),
        )

    def _on_delete_data(self) -> None:
        if not self._dialog.confirm_delete():
            return
        try:
            self._delete_all_data()
        except Exception as exc:
            log.exception("could not delete the data")
            self._dialog.show_action_result(
                "general.delete",
                QCoreApplication.translate(
                    "SettingsController", "Not everything was deleted: %1"
                ).replace("%1", str(exc)),
            )
            return
        self._dialog.reject()


def _select_data(combo: QComboBox, value: str) -> None:
    """Select the entry carrying ``value`` (the file was validated, so one does)."""
    combo.setCurrentIndex(max(combo.findData(value), 0))
