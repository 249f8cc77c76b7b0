"""The Today window: progress toward the day's essentials, the streak, and quick actions.

A view only: it shows the finished words and fractions of a :class:`TodayViewModel` and
reports what the user pressed. The :class:`~app.ui.today_controller.TodayController`
reads the log, judges the day and writes walks.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app import APP_NAME
from app.ui.stretch_window import blend, plain_label, scaled_font, set_text_colour

WINDOW_WIDTH = 480
BAR_STEPS = 1000
"""The progress bars' resolution: a fraction of the goal in thousandths."""
MET_GREEN = QColor("#2f9e44")
"""The colour of a goal met: the same calm green on light and dark windows."""
WALK_MINUTES_RANGE = (1, 240)
DEFAULT_WALK_MINUTES = 10


# --------------------------------------------------------------------------- what is shown
@dataclass(frozen=True, slots=True)
class GoalLine:
    """One measured goal: its words and how far along it is."""

    text: str
    """"18 of 30 min"."""
    fraction: float
    """0..1 of the goal (1 once met, or when there is no goal)."""
    met: bool


@dataclass(frozen=True, slots=True)
class TodayViewModel:
    """Everything the Today window shows, as finished text."""

    date_text: str
    """"Tuesday, 4 June"."""
    walk: GoalLine
    stretch: GoalLine
    glute_done: bool
    glute_text: str
    strength_done: bool
    strength_text: str
    streak_text: str
    empty_text: str = ""
    """Shown above the goals when nothing was done yet today; empty hides it."""


@dataclass(frozen=True, slots=True)
class RoutineButton:
    """A routine the window offers to start."""

    routine_id: str
    label: str
    tooltip: str


# --------------------------------------------------------------------------- the window
class TodayWindow(QWidget):
    """Today's walking, stretching, glute activation and strength, and the streak."""

    add_walk_requested = Signal(int)
    """Minutes of walking the user entered (the walk ended now)."""
    start_routine = Signal(str)
    """The id of a routine the user wants to play."""
    shown = Signal()
    """The window became visible: time to read the log again."""

    def __init__(self, routines: tuple[RoutineButton, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Today — {app}").format(app=APP_NAME))

        self.title_label = plain_label(self.tr("Today"), wrap=False)
        self.title_label.setFont(scaled_font(self.font(), 1.6, bold=True))
        self.date_label = plain_label(wrap=False)
        self.empty_label = plain_label()
        self.empty_label.setObjectName("todayEmptyNote")
        self.empty_label.setFrameShape(QFrame.Shape.StyledPanel)
        self.empty_label.setMargin(10)
        self.empty_label.hide()

        self.walk_text = plain_label(wrap=False)
        self.walk_bar = _progress_bar(self.tr("Walking today"))
        self.walk_minutes = QSpinBox()
        self.walk_minutes.setRange(*WALK_MINUTES_RANGE)
        self.walk_minutes.setValue(DEFAULT_WALK_MINUTES)
        self.walk_minutes.setSuffix(self.tr(" min"))
        self.walk_minutes.setAccessibleName(self.tr("Minutes walked"))
        self.add_walk_button = QPushButton(self.tr("Add walk"))
        self.add_walk_button.setToolTip(self.tr("Log a walk that just ended"))
        self.add_walk_button.clicked.connect(self._on_add_walk)

        self.stretch_text = plain_label(wrap=False)
        self.stretch_bar = _progress_bar(self.tr("Stretching today"))
        self.glute_mark = self._mark_label()
        self.glute_text = plain_label()
        self.strength_mark = self._mark_label()
        self.strength_text = plain_label()
        self.streak_label = plain_label(wrap=False)
        self.streak_label.setFont(scaled_font(self.font(), 1.25, bold=True))
        self.problem_label = plain_label()
        self.problem_label.hide()

        self.routine_buttons: dict[str, QPushButton] = {}
        for routine in routines:
            button = QPushButton(routine.label)
            button.setToolTip(routine.tooltip)
            button.clicked.connect(
                lambda _checked=False, rid=routine.routine_id: self.start_routine.emit(rid)
            )
            self.routine_buttons[routine.routine_id] = button

        self._headings: list[QLabel] = []
        self._build_layout()
        self._apply_colours()
        self.resize(WINDOW_WIDTH, self.sizeHint().height())

    # ------------------------------------------------------------------ what the controller calls
    def show_today(self, model: TodayViewModel) -> None:
        self.date_label.setText(model.date_text)
        self.empty_label.setText(model.empty_text)
        self.empty_label.setVisible(bool(model.empty_text))
        _show_goal(self.walk_text, self.walk_bar, model.walk)
        _show_goal(self.stretch_text, self.stretch_bar, model.stretch)
        self.glute_mark.setText(_mark(model.glute_done))
        self.glute_text.setText(model.glute_text)
        self.strength_mark.setText(_mark(model.strength_done))
        self.strength_text.setText(model.strength_text)
        self.streak_label.setText(model.streak_text)
        self._colour_marks(model)

    def show_problem(self, text: str) -> None:
        """A problem the user must know about (a walk that could not be saved); "" hides it."""
        self.problem_label.setText(text)
        self.problem_label.setVisible(bool(text))

    def present(self) -> None:
        """Show the window, or bring it to the front if it is open already."""
        self.showNormal()
        self.raise_()
        self.activateWindow()

    # ------------------------------------------------------------------ internals
    def _build_layout(self) -> None:
        header = QVBoxLayout()
        header.setSpacing(2)
        header.addWidget(self.title_label)
        header.addWidget(self.date_label)

        goals = QGridLayout()
        goals.setHorizontalSpacing(12)
        goals.setVerticalSpacing(6)
        goals.setColumnStretch(1, 1)
        walking = self._heading(self.tr("Walking"))
        goals.addWidget(walking, 0, 0, 1, 2)
        goals.addWidget(self.walk_text, 0, 2, Qt.AlignmentFlag.AlignRight)
        goals.addWidget(self.walk_bar, 1, 0, 1, 3)
        add_walk = QHBoxLayout()
        add_walk.setSpacing(8)
        add_walk.addStretch(1)
        add_walk.addWidget(plain_label(self.tr("Walked just now:"), wrap=False))
        add_walk.addWidget(self.walk_minutes)
        add_walk.addWidget(self.add_walk_button)
        goals.addLayout(add_walk, 2, 0, 1, 3)
        goals.setRowMinimumHeight(3, 8)
        goals.addWidget(self._heading(self.tr("Stretching")), 4, 0, 1, 2)
        goals.addWidget(self.stretch_text, 4, 2, Qt.AlignmentFlag.AlignRight)
        goals.addWidget(self.stretch_bar, 5, 0, 1, 3)
        goals.setRowMinimumHeight(6, 8)
        goals.addWidget(self.glute_mark, 7, 0, Qt.AlignmentFlag.AlignTop)
        goals.addWidget(self.glute_text, 7, 1, 1, 2)
        goals.addWidget(self.strength_mark, 8, 0, Qt.AlignmentFlag.AlignTop)
        goals.addWidget(self.strength_text, 8, 1, 1, 2)

        routines = QVBoxLayout()
        routines.setSpacing(6)
        routines.addWidget(self._heading(self.tr("Start a routine")))
        for button in self.routine_buttons.values():
            routines.addWidget(button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 18)
        layout.setSpacing(14)
        layout.addLayout(header)
        layout.addWidget(self.empty_label)
        layout.addLayout(goals)
        layout.addWidget(_rule())
        layout.addWidget(self.streak_label)
        layout.addWidget(_rule())
        layout.addLayout(routines)
        layout.addStretch(1)
        layout.addWidget(self.problem_label)

    def _mark_label(self) -> QLabel:
        label = plain_label(wrap=False)
        label.setFont(scaled_font(self.font(), 1.2, bold=True))
        return label

    def _heading(self, text: str) -> QLabel:
        label = plain_label(text, wrap=False)
        label.setFont(scaled_font(self.font(), 1.1, bold=True))
        self._headings.append(label)
        return label

    def _on_add_walk(self) -> None:
        self.add_walk_requested.emit(self.walk_minutes.value())

    def _apply_colours(self) -> None:
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        window = palette.color(QPalette.ColorRole.Window)
        set_text_colour(self.date_label, blend(text, window, 0.35))
        set_text_colour(self.problem_label, QColor("#c92a2a"))
        note = self.empty_label.palette()
        note.setColor(QPalette.ColorRole.Window, blend(window, MET_GREEN, 0.12))
        self.empty_label.setAutoFillBackground(True)
        self.empty_label.setPalette(note)

    def _colour_marks(self, model: TodayViewModel) -> None:
        palette = self.palette()
        muted = blend(
            palette.color(QPalette.ColorRole.WindowText),
            palette.color(QPalette.ColorRole.Window),
            0.45,
        )
        for label, done in (
            (self.glute_mark, model.glute_done),
            (self.strength_mark, model.strength_done),
        ):
            set_text_colour(label, MET_GREEN if done else muted)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close()
        else:
            super().keyPressEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not event.spontaneous():
            self.shown.emit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._apply_colours()


def _progress_bar(accessible_name: str) -> QProgressBar:
    bar = QProgressBar()
    bar.setRange(0, BAR_STEPS)
    bar.setTextVisible(False)
    bar.setFixedHeight(14)
    bar.setAccessibleName(accessible_name)
    return bar


def _show_goal(label: QLabel, bar: QProgressBar, goal: GoalLine) -> None:
    label.setText(goal.text)
    bar.setValue(round(min(max(goal.fraction, 0.0), 1.0) * BAR_STEPS))
    label.setFont(scaled_font(label.font(), 1.0, bold=goal.met))


def _mark(done: bool) -> str:
    return "✓" if done else "○"


def _rule() -> QFrame:
    rule = QFrame()
    rule.setFrameShape(QFrame.Shape.HLine)
    rule.setFrameShadow(QFrame.Shadow.Sunken)
    return rule
