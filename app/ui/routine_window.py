"""The routine player's window: the exercise, a big countdown, the routine's time left, controls.

A view only: it lays out the finished text it is given and emits what the user pressed. The
:class:`~app.ui.routine_controller.RoutineController` decides what is shown when. Keys: Space
pauses and resumes, Left and Right go to the previous and next exercise, Esc stops. The
buttons take no keyboard focus, so Space never "clicks" whichever button was last used.
Colours come from the palette, so the window follows light and dark themes; text from
routine and exercise files is shown as plain text, never as markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, QRectF, Qt, Signal
from PySide6.QtGui import QCloseEvent, QFont, QKeyEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import APP_NAME
from app.ui.stretch_window import (
    IllustrationView,
    blend,
    plain_label,
    scaled_font,
    set_text_colour,
)

PROGRESS_STEPS = 1000
WINDOW_WIDTH_PX = 600


@dataclass(frozen=True, slots=True)
class ExerciseView:
    """The exercise on screen, as finished text."""

    routine_name: str
    name: str
    place: str
    """ "Exercise 3 of 7"."""
    dose: str
    """ "2 × 30 s each side"."""
    summary: str
    illustration: Path | None
    """An SVG file; None (or a file that cannot be drawn) hides the picture."""


@dataclass(frozen=True, slots=True)
class TimerView:
    """One moment of the player, as finished text."""

    caption: str
    """What to do now: "Hold", "Switch sides", "Rest"."""
    detail: str
    """ "Set 1 of 2 · Left side", "Next up: Clamshell"; may be empty."""
    clock: str
    """The big figure: the step's time left."""
    routine_left: str
    """ "12:40 left in the routine"."""
    progress: float
    """0–1 through the whole routine."""
    highlight: bool
    """A switch, a rest or the end: tinted so it is not missed."""


class CountdownPanel(QFrame):
    """What to do now, the step's countdown and where in the exercise; tinted at a change."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._highlight = False
        self.caption_label = plain_label()
        self.caption_label.setFont(scaled_font(self.font(), 1.3, bold=True))
        self.clock_label = plain_label(wrap=False)
        self.clock_label.setFont(_tabular(scaled_font(self.font(), 3.2, bold=True)))
        self.detail_label = plain_label()
        self.detail_label.setFont(scaled_font(self.font(), 1.1, bold=True))
        for label in (self.caption_label, self.clock_label, self.detail_label):
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(4)
        layout.addStretch(1)
        layout.addWidget(self.caption_label)
        layout.addWidget(self.clock_label)
        layout.addWidget(self.detail_label)
        layout.addStretch(1)
        self._apply_colours()

    @property
    def highlight(self) -> bool:
        return self._highlight

    def show_timer(self, view: TimerView) -> None:
        self.caption_label.setText(view.caption)
        self.clock_label.setText(view.clock)
        self.detail_label.setText(view.detail)
        self.detail_label.setVisible(bool(view.detail))
        if view.highlight != self._highlight:
            self._highlight = view.highlight
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        del event
        palette = self.palette()
        window = palette.color(QPalette.ColorRole.Window)
        accent = palette.color(QPalette.ColorRole.Highlight)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(blend(window, accent, 0.6 if self._highlight else 0.25))
        painter.setBrush(blend(window, accent, 0.22 if self._highlight else 0.07))
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 10, 10)
        painter.end()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() is QEvent.Type.PaletteChange:
            self._apply_colours()

    def _apply_colours(self) -> None:
        # Where in the exercise (set, side, what comes next) in the accent colour, pulled
        # towards the text colour so it stays readable on light and dark windows alike.
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        set_text_colour(
            self.detail_label, blend(palette.color(QPalette.ColorRole.Highlight), text, 0.4)
        )


class RoutineWindow(QWidget):
    """Routine and exercise names, picture, countdown, the routine's time left, four buttons."""

    previous_requested = Signal()
    pause_toggled = Signal()
    next_requested = Signal()
    stop_requested = Signal()
    """Stop (or Close at the end), Esc, or the title bar's close button."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(APP_NAME)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        self.routine_label = plain_label(wrap=False)
        self.name_label = plain_label()
        self.name_label.setFont(scaled_font(self.font(), 1.6, bold=True))
        self.place_label = plain_label(wrap=False)
        self.place_label.setFont(scaled_font(self.font(), 1.0, bold=True))
        self.summary_label = plain_label()
        self.picture = IllustrationView()
        self.countdown = CountdownPanel()
        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, PROGRESS_STEPS)
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setFixedHeight(10)
        self.routine_left_label = plain_label(wrap=False)
        self.routine_left_label.setFont(_tabular(scaled_font(self.font(), 1.1, bold=True)))

        self.previous_button = QPushButton(self.tr("Previous"))
        self.previous_button.setToolTip(self.tr("Back to the exercise before (Left arrow)"))
        self.pause_button = QPushButton()
        self.next_button = QPushButton(self.tr("Next"))
        self.next_button.setToolTip(self.tr("Skip ahead to the next exercise (Right arrow)"))
        self.stop_button = QPushButton()
        for button in self.buttons:
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setAutoDefault(False)
        self.set_paused(False)
        self.set_finished(False)

        header = QVBoxLayout()
        header.setSpacing(2)
        header.addWidget(self.routine_label)
        header.addWidget(self.name_label)
        header.addWidget(self.place_label)
        side_column = QVBoxLayout()
        side_column.setSpacing(10)
        side_column.addWidget(self.countdown, 1)
        side_column.addWidget(self.summary_label)
        body = QHBoxLayout()
        body.setSpacing(16)
        body.addWidget(self.picture, 0, Qt.AlignmentFlag.AlignTop)
        body.addLayout(side_column, 1)
        remaining = QHBoxLayout()
        remaining.setSpacing(12)
        remaining.addWidget(self.progress_bar, 1)
        remaining.addWidget(self.routine_left_label)
        buttons = QHBoxLayout()
        buttons.setSpacing(10)
        buttons.addWidget(self.previous_button)
        buttons.addWidget(self.pause_button)
        buttons.addWidget(self.next_button)
        buttons.addStretch(1)
        buttons.addWidget(self.stop_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.setSpacing(14)
        layout.addLayout(header)
        layout.addLayout(body)
        layout.addLayout(remaining)
        layout.addLayout(buttons)
        self.setFixedWidth(WINDOW_WIDTH_PX)
        self._apply_colours()

        self.previous_button.clicked.connect(self.previous_requested)
        self.pause_button.clicked.connect(self.pause_toggled)
        self.next_button.clicked.connect(self.next_requested)
        self.stop_button.clicked.connect(self.stop_requested)

    @property
    def buttons(self) -> tuple[QPushButton, ...]:
        return (self.previous_button, self.pause_button, self.next_button, self.stop_button)

    # ------------------------------------------------------------------ showing
    def show_exercise(self, view: ExerciseView) -> None:
        self.setWindowTitle(
            self.tr("{routine} — {app}").format(routine=view.routine_name, app=APP_NAME)
        )
        self.routine_label.setText(view.routine_name)
        self.name_label.setText(view.name)
        self.place_label.setText(
            self.tr("{place} · {dose}").format(place=view.place, dose=view.dose)
        )
        self.summary_label.setText(view.summary)
        self.picture.setVisible(self.picture.load(view.illustration))

    def show_timer(self, view: TimerView) -> None:
        self.countdown.show_timer(view)
        self.routine_left_label.setText(view.routine_left)
        fraction = max(0.0, min(1.0, view.progress))
        self.progress_bar.setValue(round(fraction * PROGRESS_STEPS))

    def set_paused(self, paused: bool) -> None:
        if paused:
            self.pause_button.setText(self.tr("Resume"))
            self.pause_button.setToolTip(self.tr("Go on (Space)"))
        else:
            self.pause_button.setText(self.tr("Pause"))
            self.pause_button.setToolTip(self.tr("Stop the clock for a moment (Space)"))

    def set_finished(self, finished: bool) -> None:
        """At the end only Close is left to press."""
        for button in (self.previous_button, self.pause_button, self.next_button):
            button.setVisible(not finished)
        if finished:
            self.stop_button.setText(self.tr("Close"))
            self.stop_button.setToolTip(self.tr("Close the window (Esc)"))
        else:
            self.stop_button.setText(self.tr("Stop"))
            self.stop_button.setToolTip(self.tr("End the routine here (Esc)"))

    def open(self) -> None:
        """Show the window and give it the keys."""
        self.show()
        self.raise_()
        self.activateWindow()
        self.setFocus()

    def put_away(self) -> None:
        """Hide without reporting a stop (the controller already knows)."""
        self.hide()

    # ------------------------------------------------------------------ events
    def keyPressEvent(self, event: QKeyEvent) -> None:
        actions = {
            Qt.Key.Key_Space: self.pause_toggled,
            Qt.Key.Key_Left: self.previous_requested,
            Qt.Key.Key_Right: self.next_requested,
            Qt.Key.Key_Escape: self.stop_requested,
        }
        signal = actions.get(Qt.Key(event.key()))
        if signal is None or event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            super().keyPressEvent(event)
            return
        if signal is not self.stop_requested and self.pause_button.isHidden():
            event.accept()  # finished: only Esc (Close) means anything
            return
        event.accept()
        signal.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        """The title bar's close button is Stop: the controller decides, the window hides."""
        event.ignore()
        self.stop_requested.emit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() is QEvent.Type.PaletteChange:
            self._apply_colours()

    def _apply_colours(self) -> None:
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        window = palette.color(QPalette.ColorRole.Window)
        accent = blend(palette.color(QPalette.ColorRole.Highlight), text, 0.4)
        set_text_colour(self.routine_label, blend(text, window, 0.3))
        set_text_colour(self.place_label, accent)
        set_text_colour(self.summary_label, blend(text, window, 0.2))


def _tabular(font: QFont) -> QFont:
    """Digits of one width, so a countdown does not jitter as it runs."""
    font.setFeature(QFont.Tag("tnum"), 1)
    return font
