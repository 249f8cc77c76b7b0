"""The settings dialog: five pages of widgets, inline messages, OK / Apply / Cancel / Defaults.

A view only: it lays out the widgets, shows the messages it is given and reports what the
user pressed. The :class:`~app.ui.settings_controller.SettingsController` fills the widgets,
reads them back into a :class:`~app.settings.model.Settings`, decides what is valid and
saves. Colours come from the palette (light and dark themes); every row sits in a
``QFormLayout`` so labels and fields line up.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QStackedWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from app import APP_NAME
from app.core.exercise import Equipment, Position
from app.core.i18n import QT_TRANSLATE_NOOP
from app.ui.stretch_window import plain_label, scaled_font, set_text_colour

CONTEXT = "SettingsDialog"
"""The translation context of this module's strings."""

PAGE_LIST_WIDTH_PX = 150
FIELD_WIDTH_PX = 110
"""Spin boxes and combo boxes share one width, so the column of fields lines up."""
HIDDEN_LIST_HEIGHT_PX = 150
ACTION_KEYS = ("general.data_folder", "general.delete")
"""Messages that report what a button did, not what is wrong with a value."""
KEEP_FOREVER_CHOICE = "forever"
KEEP_LIMITED_CHOICE = "limited"
"""The two entries of "Keep history:"; the number of days is a spin box beside it."""

DAY_KEYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
"""Weekday keys as the settings file spells them, 0 = Monday."""
PAGES = ("reminders", "schedule", "exercises", "goals", "general")
"""Page keys in the order they are listed (also the screenshots' file names)."""

WEEKDAY_NAMES = (
    QT_TRANSLATE_NOOP("SettingsDialog", "Monday"),
    QT_TRANSLATE_NOOP("SettingsDialog", "Tuesday"),
    QT_TRANSLATE_NOOP("SettingsDialog", "Wednesday"),
    QT_TRANSLATE_NOOP("SettingsDialog", "Thursday"),
    QT_TRANSLATE_NOOP("SettingsDialog", "Friday"),
    QT_TRANSLATE_NOOP("SettingsDialog", "Saturday"),
    QT_TRANSLATE_NOOP("SettingsDialog", "Sunday"),
)
WEEKDAY_SHORT_NAMES = (
    QT_TRANSLATE_NOOP("SettingsDialog", "Mon"),
    QT_TRANSLATE_NOOP("SettingsDialog", "Tue"),
    QT_TRANSLATE_NOOP("SettingsDialog", "Wed"),
    QT_TRANSLATE_NOOP("SettingsDialog", "Thu"),
    QT_TRANSLATE_NOOP("SettingsDialog", "Fri"),
    QT_TRANSLATE_NOOP("SettingsDialog", "Sat"),
    QT_TRANSLATE_NOOP("SettingsDialog", "Sun"),
)


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def error_colour(palette: QPalette) -> QColor:
    """A red that reads on the window: deep on light themes, soft on dark ones."""
    return QColor("#ff8a80") if is_dark(palette) else QColor("#b3261e")


def warning_colour(palette: QPalette) -> QColor:
    return QColor("#ffcc66") if is_dark(palette) else QColor("#8a5300")


class FieldMessage(QLabel):
    """A line under a field: hidden while there is nothing to say.

    Its colour is picked from the window colour each time the palette changes, so a theme
    switch while the dialog is open keeps it readable.
    """

    def __init__(self, *, warning: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._warning = warning
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(True)
        self._recolour()
        self.hide()

    def say(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() is QEvent.Type.PaletteChange:
            self._recolour()

    def _recolour(self) -> None:
        palette = self.palette()
        colour = warning_colour(palette) if self._warning else error_colour(palette)
        if palette.color(QPalette.ColorRole.WindowText) != colour:  # setPalette re-enters
            set_text_colour(self, colour)


def _spin(low: int, high: int, suffix: str) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(low, high)
    spin.setSuffix(suffix)
    spin.setMinimumWidth(FIELD_WIDTH_PX)
    spin.setAlignment(Qt.AlignmentFlag.AlignRight)
    return spin


def _hint(text: str) -> QLabel:
    """A quieter explanation; the placeholder colour follows the theme by itself."""
    label = plain_label(text)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


def _form() -> QFormLayout:
    form = QFormLayout()
    form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
    return form


def _field(widget: QWidget, message: QLabel, *extra: QWidget) -> QWidget:
    """A field with its message (and anything else) under it, as one form cell."""
    cell = QWidget()
    column = QVBoxLayout(cell)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    row = QHBoxLayout()
    row.addWidget(widget)
    row.addStretch(1)
    column.addLayout(row)
    for item in (*extra, message):
        column.addWidget(item)
    return cell


class SettingsDialog(QDialog):
    """Reminders, Schedule, Exercises, Goals, General; a page list on the left.

    Messages are keyed like the settings file ("prompts.window_start", "working_hours.mon",
    …): :meth:`show_problems` puts each next to its field and anything without a field in
    the line above the buttons.
    """

    edited = Signal()
    """Any field changed (the controller validates again)."""
    ok_clicked = Signal()
    apply_clicked = Signal()
    restore_defaults_clicked = Signal()
    every_n_toggled = Signal(bool)
    library_requested = Signal()
    open_folder_requested = Signal()
    delete_data_requested = Signal()
    show_again_requested = Signal(str)
    """The id of a hidden exercise the user wants suggested again."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("%1 Settings").replace("%1", APP_NAME))
        self.messages: dict[str, FieldMessage] = {}

        self.page_list = QListWidget()
        self.page_list.setFixedWidth(PAGE_LIST_WIDTH_PX)
        self.page_list.setIconSize(QSize(0, 0))
        self.pages = QStackedWidget()
        titles = {
            "reminders": self.tr("Reminders"),
            "schedule": self.tr("Schedule"),
            "exercises": self.tr("Exercises"),
            "goals": self.tr("Goals"),
            "general": self.tr("General"),
        }
        builders: dict[str, Callable[[], QFormLayout | QVBoxLayout]] = {
            "reminders": self._reminders_page,
            "schedule": self._schedule_page,
            "exercises": self._exercises_page,
            "goals": self._goals_page,
            "general": self._general_page,
        }
        self.page_list.setSpacing(2)
        for key in PAGES:
            self.page_list.addItem(titles[key])
            self.pages.addWidget(self._page(titles[key], builders[key]()))
        self.page_list.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.page_list.setCurrentRow(0)

        self.general_message = FieldMessage()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Apply
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.apply_button = self.buttons.button(QDialogButtonBox.StandardButton.Apply)
        self.cancel_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        self.defaults_button = self.buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
        self.buttons.clicked.connect(self._on_button)

        body = QHBoxLayout()
        body.addWidget(self.page_list)
        body.addWidget(self.pages, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.general_message)
        layout.addWidget(self.buttons)
        self._watch_edits()

    # ------------------------------------------------------------------ pages
    def _reminders_page(self) -> QFormLayout:
        minutes = self.tr(" min")
        self.every_n_check = QCheckBox(self.tr("Remind me at a fixed interval"))
        self.window_start_label = QLabel()
        self.window_start_spin = _spin(10, 180, minutes)
        self.window_end_spin = _spin(10, 180, minutes)
        self.band_hint = _hint(
            self.tr(
                "Recommended: a prompt between 45 and 60 minutes of sitting. Sitbreak waits "
                "for a pause in your typing inside that window, and asks at its end at the "
                "latest."
            )
        )
        self.recommendation_warning = FieldMessage(warning=True)
        self.away_spin = _spin(1, 30, minutes)
        self.lull_spin = _spin(5, 60, self.tr(" s"))
        self.snooze_spin = _spin(1, 60, minutes)
        self.remind_after_spin = _spin(1, 30, minutes)
        self.max_reminders_spin = _spin(0, 5, "")
        self.delivery_combo = QComboBox()
        self.delivery_combo.setMinimumWidth(FIELD_WIDTH_PX)
        for value, text in (
            ("notification", self.tr("Desktop notification")),
            ("toast", self.tr("Sitbreak's own pop-up")),
            ("both", self.tr("Both")),
        ):
            self.delivery_combo.addItem(text, value)
        self.sound_check = QCheckBox(self.tr("Play a soft sound with each prompt"))

        form = _form()
        self.window_form = form
        form.addRow(self.every_n_check)
        form.addRow(
            self.window_start_label,
            self._with_message("prompts.window_start", self.window_start_spin),
        )
        self.window_end_label = QLabel(self.tr("Ask at the latest after:"))
        form.addRow(
            self.window_end_label,
            self._with_message("prompts.window_end", self.window_end_spin),
        )
        form.addRow(self.band_hint)
        form.addRow(self.recommendation_warning)
        form.addRow(
            self.tr("Count me as away after:"),
            self._with_message("presence.away_after", self.away_spin),
        )
        form.addRow(
            self.tr("Wait for a typing pause of:"),
            self._with_message("prompts.lull", self.lull_spin),
        )
        form.addRow(self.tr("Snooze for:"), self._with_message("prompts.snooze", self.snooze_spin))
        form.addRow(
            self.tr("Remind again after:"),
            self._with_message("prompts.remind_after", self.remind_after_spin),
        )
        form.addRow(
            self.tr("Reminders per prompt:"),
            self._with_message("prompts.max_reminders", self.max_reminders_spin),
        )
        form.addRow(
            self.tr("Show prompts as:"),
            self._with_message("prompts.delivery", self.delivery_combo),
        )
        form.addRow(self.sound_check)
        self.every_n_check.toggled.connect(self.every_n_toggled)
        self.every_n_check.toggled.connect(self.show_every_n_mode)
        self.show_every_n_mode(False)
        return form

    def _schedule_page(self) -> QFormLayout:
        self.working_hours_check = QCheckBox(self.tr("Prompt only during working hours"))
        self.working_hours_hint = _hint(
            self.tr(
                'Ranges such as "09:00-12:30, 13:30-17:30"; leave a day empty for a day off. '
                'A range may run past midnight ("22:00-02:00").'
            )
        )
        self.day_edits: list[QLineEdit] = []
        form = _form()
        form.addRow(self.working_hours_check)
        form.addRow(self.working_hours_hint)
        for day, name in enumerate(WEEKDAY_NAMES):
            edit = QLineEdit()
            edit.setPlaceholderText(self.tr("Day off"))
            edit.setMinimumWidth(260)
            self.day_edits.append(edit)
            key = f"working_hours.{DAY_KEYS[day]}"
            form.addRow(self.tr(name) + ":", self._with_message(key, edit, stretch=False))
        quiet = QGroupBox(self.tr("Hold prompts back"))
        self.quiet_fullscreen_check = QCheckBox(
            self.tr("While a window is fullscreen (a film, a call, a presentation)")
        )
        self.quiet_dnd_check = QCheckBox(self.tr("While the desktop is in do-not-disturb"))
        quiet_layout = QVBoxLayout(quiet)
        quiet_layout.addWidget(self.quiet_fullscreen_check)
        quiet_layout.addWidget(self.quiet_dnd_check)
        quiet_layout.addWidget(_hint(self.tr("A held prompt shows as soon as that ends.")))
        form.addRow(quiet)
        return form

    def _exercises_page(self) -> QVBoxLayout:
        positions = QGroupBox(self.tr("Positions I can take"))
        self.position_checks: dict[Position, QCheckBox] = {}
        row = QHBoxLayout(positions)
        for position in Position:
            check = QCheckBox(position.label(self._translate_exercise))
            self.position_checks[position] = check
            row.addWidget(check)
        row.addStretch(1)

        equipment = QGroupBox(self.tr("Equipment at hand"))
        self.equipment_checks: dict[Equipment, QCheckBox] = {}
        grid = QGridLayout(equipment)
        for index, item in enumerate(Equipment):
            check = QCheckBox(item.label(self._translate_exercise))
            self.equipment_checks[item] = check
            grid.addWidget(check, index // 2, index % 2)
        grid.setColumnStretch(2, 1)

        hidden = QGroupBox(self.tr("Hidden exercises"))
        self.hidden_rows = QWidget()
        self.hidden_layout = QVBoxLayout(self.hidden_rows)
        self.hidden_layout.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.hidden_rows)
        scroll.setMinimumHeight(HIDDEN_LIST_HEIGHT_PX)
        self.library_button = QPushButton(self.tr("Open the exercise library"))
        self.library_button.clicked.connect(self.library_requested)
        hidden_layout = QVBoxLayout(hidden)
        hidden_layout.addWidget(
            _hint(self.tr("Never suggested; still listed in the exercise library."))
        )
        hidden_layout.addWidget(scroll, 1)
        library_row = QHBoxLayout()
        library_row.addWidget(self.library_button)
        library_row.addStretch(1)
        hidden_layout.addLayout(library_row)
        self.show_again_buttons: dict[str, QPushButton] = {}

        layout = QVBoxLayout()
        layout.addWidget(positions)
        positions_message = FieldMessage()
        self.messages["exercises.positions"] = positions_message
        layout.addWidget(positions_message)
        layout.addWidget(equipment)
        layout.addWidget(hidden, 1)
        self.show_hidden_exercises(())
        return layout

    def _goals_page(self) -> QFormLayout:
        minutes = self.tr(" min")
        self.walk_spin = _spin(0, 180, minutes)
        self.stretch_spin = _spin(0, 60, minutes)
        self.strength_day_checks: list[QCheckBox] = []
        days = QWidget()
        days_row = QHBoxLayout(days)
        days_row.setContentsMargins(0, 0, 0, 0)
        for name in WEEKDAY_SHORT_NAMES:
            check = QCheckBox(self.tr(name))
            self.strength_day_checks.append(check)
            days_row.addWidget(check)
        days_row.addStretch(1)
        self.strength_time_edit = QTimeEdit()
        self.strength_time_edit.setDisplayFormat("HH:mm")
        self.strength_time_edit.setMinimumWidth(FIELD_WIDTH_PX)
        self.strength_time_edit.setAlignment(Qt.AlignmentFlag.AlignRight)

        form = _form()
        form.addRow(_hint(self.tr("What a good day looks like; 0 leaves a goal out.")))
        form.addRow(
            self.tr("Walk each day:"), self._with_message("goals.walk_minutes", self.walk_spin)
        )
        form.addRow(
            self.tr("Stretch each day:"),
            self._with_message("goals.stretch_minutes", self.stretch_spin),
        )
        form.addRow(self.tr("Strength days:"), days)
        form.addRow(
            self.tr("Strength at:"),
            self._with_message("goals.strength_time", self.strength_time_edit),
        )
        summaries = QGroupBox(self.tr("Summaries"))
        self.daily_summary_check = QCheckBox(self.tr("Sum up my day at the end of working hours"))
        self.weekly_summary_check = QCheckBox(self.tr("Sum up my week on the last working day"))
        summaries_layout = QVBoxLayout(summaries)
        summaries_layout.addWidget(self.daily_summary_check)
        summaries_layout.addWidget(self.weekly_summary_check)
        summaries_layout.addWidget(
            _hint(
                self.tr(
                    "A quiet notification with desk time, the longest sitting stretch, "
                    "stand-ups and minutes walked and stretched (at 18:00 when working "
                    "hours are off). Clicking it opens the statistics."
                )
            )
        )
        form.addRow(summaries)
        return form

    def _general_page(self) -> QFormLayout:
        self.autostart_check = QCheckBox(self.tr("Start Sitbreak when I log in"))
        self.icon_style_combo = QComboBox()
        self.icon_style_combo.setMinimumWidth(FIELD_WIDTH_PX)
        for value, text in (
            ("auto", self.tr("Automatic")),
            ("light", self.tr("Light")),
            ("dark", self.tr("Dark")),
        ):
            self.icon_style_combo.addItem(text, value)
        self.data_path_label = plain_label()
        self.data_path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_folder_button = QPushButton(self.tr("Open folder"))
        self.open_folder_button.clicked.connect(self.open_folder_requested)
        self.delete_button = QPushButton(self.tr("Delete all data…"))
        self.delete_button.clicked.connect(self.delete_data_requested)
        self.keep_combo = QComboBox()
        self.keep_combo.setMinimumWidth(FIELD_WIDTH_PX)
        self.keep_combo.addItem(self.tr("Forever"), KEEP_FOREVER_CHOICE)
        self.keep_combo.addItem(self.tr("Only the last"), KEEP_LIMITED_CHOICE)
        self.keep_days_spin = _spin(30, 3650, self.tr(" days"))
        self.keep_combo.currentIndexChanged.connect(self._show_keep_days)
        keep_row = QWidget()
        keep_line = QHBoxLayout(keep_row)
        keep_line.setContentsMargins(0, 0, 0, 0)
        keep_line.addWidget(self.keep_combo)
        keep_line.addWidget(self.keep_days_spin)
        self._show_keep_days()

        form = _form()
        form.addRow(self.autostart_check)
        form.addRow(
            self.tr("Tray icon:"),
            _field(
                self.icon_style_combo,
                FieldMessage(),
                _hint(self.tr("Automatic reads on light and dark panels alike.")),
            ),
        )
        form.addRow(
            self.tr("Keep history:"),
            _field(
                keep_row,
                self._message("general.keep_days"),
                _hint(
                    self.tr(
                        "Older days are deleted once a day. Statistics cannot show what "
                        "is no longer kept."
                    )
                ),
            ),
        )
        folder_message = FieldMessage()
        self.messages["general.data_folder"] = folder_message
        form.addRow(
            self.tr("Your data:"),
            _field(self.open_folder_button, folder_message, self.data_path_label),
        )
        delete_message = FieldMessage()
        self.messages["general.delete"] = delete_message
        form.addRow(
            self.tr("Start over:"),
            _field(
                self.delete_button,
                delete_message,
                _hint(
                    self.tr(
                        "Deletes your settings, sitting log and own exercises. "
                        "This cannot be undone."
                    )
                ),
            ),
        )
        return form

    # ------------------------------------------------------------------ what the controller calls
    def show_every_n_mode(self, every_n: bool) -> None:
        """One interval ("every N minutes"), or the window with its upper bound."""
        self.every_n_check.setChecked(every_n)
        self.window_start_label.setText(
            self.tr("Remind me every:") if every_n else self.tr("Prompt window opens after:")
        )
        self.window_form.setRowVisible(self.window_end_label, not every_n)

    def keeps_forever(self) -> bool:
        return bool(self.keep_combo.currentData() == KEEP_FOREVER_CHOICE)

    def show_keep(self, *, forever: bool, days: int) -> None:
        """ "Forever", or "Only the last N days" (``days`` is shown either way, greyed)."""
        choice = KEEP_FOREVER_CHOICE if forever else KEEP_LIMITED_CHOICE
        self.keep_combo.setCurrentIndex(self.keep_combo.findData(choice))
        self.keep_days_spin.setValue(days)
        self._show_keep_days()

    def show_hidden_exercises(self, rows: Sequence[tuple[str, str]]) -> None:
        """One row per hidden exercise: ``(exercise id, name)``, with "Show again"."""
        while (item := self.hidden_layout.takeAt(0)) is not None:
            widget = item.widget()
            if widget is not None:
                widget.deleteLater()
        self.show_again_buttons = {}
        for exercise_id, name in rows:
            row = QWidget()
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            line.addWidget(plain_label(name), 1)
            button = QPushButton(self.tr("Show again"))
            button.clicked.connect(
                lambda _checked=False, chosen=exercise_id: self.show_again_requested.emit(chosen)
            )
            self.show_again_buttons[exercise_id] = button
            line.addWidget(button)
            self.hidden_layout.addWidget(row)
        if not rows:
            self.hidden_layout.addWidget(_hint(self.tr("No exercise is hidden.")))
        self.hidden_layout.addStretch(1)

    def show_problems(self, problems: Mapping[str, str]) -> None:
        """Each message next to its field; those without a field above the buttons."""
        for key, label in self.messages.items():
            if key in ACTION_KEYS:
                continue  # results of actions, not of validation: set by show_action_result
            label.say(problems.get(key, ""))
        unplaced = [text for key, text in problems.items() if key not in self.messages]
        self.general_message.say("\n".join(unplaced))

    def show_action_result(self, key: str, text: str) -> None:
        """The outcome of Open folder / Delete all data ("" clears it)."""
        self.messages[key].say(text)

    def show_recommendation(self, text: str | None) -> None:
        """The warning under the window when it is below the recommended band."""
        self.recommendation_warning.say(text or "")

    def set_can_save(self, ok: bool, apply: bool) -> None:
        self.ok_button.setEnabled(ok)
        self.apply_button.setEnabled(apply)

    def show_page(self, key: str) -> None:
        self.page_list.setCurrentRow(PAGES.index(key))

    def confirm_delete(self) -> bool:
        """Ask before deleting everything; No is the default answer."""
        answer = QMessageBox.warning(
            self,
            self.tr("Delete all data?"),
            self.tr(
                "This deletes your settings, your sitting log and your own exercises for "
                "good. Sitbreak then starts again as on the first day."
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes  # PySide returns a plain int here

    def present(self) -> None:
        self.show()
        self.raise_()
        self.activateWindow()

    # ------------------------------------------------------------------ internals
    def _show_keep_days(self) -> None:
        self.keep_days_spin.setEnabled(not self.keeps_forever())

    def _message(self, key: str) -> FieldMessage:
        message = FieldMessage()
        self.messages[key] = message
        return message

    def _with_message(self, key: str, widget: QWidget, *, stretch: bool = True) -> QWidget:
        message = FieldMessage()
        self.messages[key] = message
        if stretch:
            return _field(widget, message)
        cell = QWidget()
        column = QVBoxLayout(cell)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        column.addWidget(message)
        return cell

    @staticmethod
    def _page(title: str, layout: QFormLayout | QVBoxLayout) -> QWidget:
        """A page: its title, then its rows at the top (a plain column may grow instead)."""
        page = QWidget()
        heading = plain_label(title, wrap=False)
        heading.setFont(scaled_font(heading.font(), 1.25, bold=True))
        outer = QVBoxLayout(page)
        outer.setContentsMargins(12, 0, 0, 0)
        outer.addWidget(heading)
        outer.addSpacing(4)
        grows = isinstance(layout, QVBoxLayout)
        outer.addLayout(layout, 1 if grows else 0)
        if not grows:
            outer.addStretch(1)
        return page

    def _watch_edits(self) -> None:
        for spin in self.findChildren(QSpinBox):
            spin.valueChanged.connect(self.edited)
        for check in self.findChildren(QCheckBox):
            check.toggled.connect(self.edited)
        for combo in self.findChildren(QComboBox):
            combo.currentIndexChanged.connect(self.edited)
        for edit in self.day_edits:
            edit.textChanged.connect(self.edited)
        self.strength_time_edit.timeChanged.connect(self.edited)

    def _on_button(self, button: QAbstractButton) -> None:
        if button is self.ok_button:
            self.ok_clicked.emit()
        elif button is self.apply_button:
            self.apply_clicked.emit()
        elif button is self.defaults_button:
            self.restore_defaults_clicked.emit()
        else:
            self.reject()

    @staticmethod
    def _translate_exercise(context: str, text: str) -> str:
        return QCoreApplication.translate(context, text)
