"""The stretch window: the movement to do, how to do it, a timer, and four answers.

A view only: it lays out what it is given and emits what the user pressed. The
:class:`~app.ui.stretch_controller.StretchController` decides what is shown when, and what an
answer means. Colours come from the palette, so the window follows light and dark themes;
text from exercise files is shown as plain text, never as markup.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QColor,
    QCursor,
    QFont,
    QFontMetrics,
    QGuiApplication,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPalette,
)
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app import APP_NAME
from app.core.exercise import Animation
from app.ui.animated_illustration import AnimatedIllustration
from app.ui.illustration import CARD_BACKGROUND as CARD_BACKGROUND
from app.ui.illustration import CARD_SIDE_PX, load_illustration, paint_card, safe_svg_renderer

log = logging.getLogger(__name__)

PROGRESS_STEPS = 1000
WINDOW_WIDTH_PX = 640


@dataclass(frozen=True, slots=True)
class StretchViewModel:
    """Everything about the exercise the window shows, as finished text."""

    name: str
    muscles: str
    """Already joined for reading, e.g. "Glutes, Hamstrings"; empty hides the line."""
    dose: str
    """e.g. "2 × 30 s hold, each side"."""
    steps: tuple[str, ...]
    cautions: tuple[str, ...]
    """Empty hides the "Take care" lines."""
    illustration: Path | None
    """An SVG file; None (or a file that cannot be drawn) hides the picture."""
    snooze_label: str
    """e.g. "Snooze 10 min"."""
    animation: Animation | None = None
    """The movement's frames, shown moving instead of ``illustration``; None for holds (and
    whenever a frame cannot be drawn, the still picture shows)."""


@dataclass(frozen=True, slots=True)
class TimerDisplay:
    """One moment of the timer, as finished text."""

    side: str
    """ "Left side", "Right side", or empty for two-sided exercises."""
    clock: str
    """The big figure: time left in a hold or pause, time taken for reps."""
    caption: str
    """What to do now: "Hold", "Switch sides", "10 reps · take your time …"."""
    detail: str
    """Where in the routine: "Set 1 of 2"; may be empty."""
    progress: float
    """0–1 through the current hold or set."""
    switching: bool
    """The moment between sides or sets: shown so it cannot be missed."""


def blend(a: QColor, b: QColor, amount_of_b: float) -> QColor:
    """A colour between ``a`` and ``b``; for quieter text and tints that follow the theme."""
    keep = 1.0 - amount_of_b
    return QColor.fromRgbF(
        a.redF() * keep + b.redF() * amount_of_b,
        a.greenF() * keep + b.greenF() * amount_of_b,
        a.blueF() * keep + b.blueF() * amount_of_b,
    )


def scaled_font(base: QFont, factor: float, *, bold: bool = False) -> QFont:
    font = QFont(base)
    font.setPointSizeF(base.pointSizeF() * factor)
    font.setBold(bold)
    return font


def plain_label(text: str = "", *, wrap: bool = True) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    return label


class IllustrationView(QWidget):
    """An SVG drawn on a light card, keeping its aspect ratio."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._renderer = safe_svg_renderer(self)
        self._renderer.setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
        self.setFixedSize(QSize(CARD_SIDE_PX, CARD_SIDE_PX))

    @property
    def has_picture(self) -> bool:
        return self._renderer.isValid()

    def load(self, path: Path | None) -> bool:
        """Show the SVG at ``path``; on a missing or broken file, log why and show nothing."""
        shown = load_illustration(self._renderer, path)
        self.update()
        return shown

    def paintEvent(self, event: QPaintEvent) -> None:
        del event
        painter = QPainter(self)
        inner = paint_card(
            painter, QRectF(self.rect()), self.palette().color(QPalette.ColorRole.Mid)
        )
        if self._renderer.isValid():
            self._renderer.render(painter, inner)
        painter.end()


class TimerPanel(QFrame):
    """Side, big clock, progress and what to do now; tinted during a switch."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._switching = False
        self.side_label = plain_label(wrap=False)
        self.side_label.setFont(scaled_font(self.font(), 1.25, bold=True))
        self.clock_label = plain_label(wrap=False)
        self.clock_label.setFont(scaled_font(self.font(), 2.6, bold=True))
        self.progress_bar = QProgressBar()
        self.progress_bar.setRange(0, PROGRESS_STEPS)
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setFixedHeight(8)
        self.caption_label = plain_label()
        self.detail_label = plain_label(wrap=False)
        for label in (self.side_label, self.clock_label, self.caption_label, self.detail_label):
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.caption_label.setFont(scaled_font(self.font(), 1.1))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(6)
        layout.addStretch(1)
        layout.addWidget(self.side_label)
        layout.addWidget(self.clock_label)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.caption_label)
        layout.addWidget(self.detail_label)
        layout.addStretch(1)
        self._apply_colours()

    def show_display(self, display: TimerDisplay) -> None:
        self.side_label.setText(display.side)
        self.side_label.setVisible(bool(display.side))
        self.clock_label.setText(display.clock)
        self.progress_bar.setValue(round(max(0.0, min(1.0, display.progress)) * PROGRESS_STEPS))
        self.caption_label.setText(display.caption)
        self.detail_label.setText(display.detail)
        self.detail_label.setVisible(bool(display.detail))
        if display.switching != self._switching:
            self._switching = display.switching
            self.caption_label.setFont(scaled_font(self.font(), 1.1, bold=display.switching))
            self.update()

    @property
    def switching(self) -> bool:
        return self._switching

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() is QEvent.Type.PaletteChange:
            self._apply_colours()

    def paintEvent(self, event: QPaintEvent) -> None:
        del event
        palette = self.palette()
        window = palette.color(QPalette.ColorRole.Window)
        highlight = palette.color(QPalette.ColorRole.Highlight)
        fill = blend(window, highlight, 0.22 if self._switching else 0.07)
        border = blend(window, highlight, 0.6 if self._switching else 0.25)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(border)
        painter.setBrush(fill)
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 10, 10)
        painter.end()

    def _apply_colours(self) -> None:
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        window = palette.color(QPalette.ColorRole.Window)
        # The side in the accent colour, pulled towards the text colour so it stays readable
        # on both light and dark windows.
        accent = blend(palette.color(QPalette.ColorRole.Highlight), text, 0.4)
        set_text_colour(self.side_label, accent)
        set_text_colour(self.detail_label, blend(text, window, 0.3))


def set_text_colour(widget: QWidget, colour: QColor) -> None:
    palette = widget.palette()
    palette.setColor(QPalette.ColorRole.WindowText, colour)
    widget.setPalette(palette)


class MarkedList(QWidget):
    """Lines with a marker ("1.", "•") in its own column, so wrapped lines stay aligned."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(8)
        self._grid.setVerticalSpacing(6)
        self._grid.setColumnStretch(1, 1)
        self._marker_font = scaled_font(self.font(), 1.0, bold=True)
        # The same marker column in every list, so steps and cautions line up.
        marker_width = QFontMetrics(self._marker_font).horizontalAdvance("9.")
        self._grid.setColumnMinimumWidth(0, marker_width)
        self.marker_labels: list[QLabel] = []
        self.item_labels: list[QLabel] = []

    def set_items(self, items: tuple[str, ...], *, numbered: bool) -> None:
        while (item := self._grid.takeAt(0)) is not None:
            widget = item.widget()
            if widget is not None:
                widget.deleteLater()
        self.marker_labels = []
        self.item_labels = []
        for row, text in enumerate(items):
            marker = plain_label(f"{row + 1}." if numbered else "•", wrap=False)
            marker.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            marker.setFont(self._marker_font)
            label = plain_label(text)
            self._grid.addWidget(marker, row, 0, Qt.AlignmentFlag.AlignTop)
            self._grid.addWidget(label, row, 1)
            self.marker_labels.append(marker)
            self.item_labels.append(label)


class StretchWindow(QWidget):
    """Name, picture, muscles, dose, timer, numbered steps, cautions; four answers.

    Enter answers Done; Esc (or the title bar's close button) closes without an answer.
    """

    done = Signal()
    another = Signal()
    snooze = Signal()
    skip = Signal()
    closed_without_answer = Signal()
    """Esc or the title bar's close button: the prompt stays unanswered."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(APP_NAME)

        self.name_label = plain_label()
        self.name_label.setFont(scaled_font(self.font(), 1.6, bold=True))
        self.muscles_label = plain_label()
        self.dose_label = plain_label()
        self.dose_label.setFont(scaled_font(self.font(), 1.1, bold=True))
        self.illustration = IllustrationView()
        self.movement = AnimatedIllustration()
        """Takes the still picture's place for exercises done in reps."""
        self.movement.hide()
        self.timer_panel = TimerPanel()
        self.steps_list = MarkedList()
        self.cautions_box = QWidget()
        self.cautions_title = plain_label(self.tr("Take care"), wrap=False)
        self.cautions_title.setFont(scaled_font(self.font(), 1.0, bold=True))
        self.cautions_list = MarkedList()
        cautions_layout = QVBoxLayout(self.cautions_box)
        cautions_layout.setContentsMargins(0, 0, 0, 0)
        cautions_layout.setSpacing(4)
        cautions_layout.addWidget(self.cautions_title)
        cautions_layout.addWidget(self.cautions_list)

        self.skip_button = QPushButton(self.tr("Skip"))
        self.skip_button.setToolTip(self.tr("Not this time"))
        self.snooze_button = QPushButton()
        self.snooze_button.setToolTip(self.tr("Ask me again a little later"))
        self.another_button = QPushButton(self.tr("Another one"))
        self.another_button.setToolTip(self.tr("Suggest a different movement"))
        self.done_button = QPushButton(self.tr("Done"))
        self.done_button.setToolTip(self.tr("I did it (Enter)"))
        self.done_button.setDefault(True)
        for button in (self.skip_button, self.snooze_button, self.another_button):
            button.setAutoDefault(False)

        header = QVBoxLayout()
        header.setSpacing(2)
        header.addWidget(self.name_label)
        header.addWidget(self.muscles_label)

        side_column = QVBoxLayout()
        side_column.setSpacing(10)
        side_column.addWidget(self.dose_label)
        side_column.addWidget(self.timer_panel, 1)
        body = QHBoxLayout()
        body.setSpacing(16)
        body.addWidget(self.illustration, 0, Qt.AlignmentFlag.AlignTop)
        body.addWidget(self.movement, 0, Qt.AlignmentFlag.AlignTop)
        body.addLayout(side_column, 1)

        buttons = QHBoxLayout()
        buttons.addWidget(self.skip_button)
        buttons.addWidget(self.snooze_button)
        buttons.addStretch(1)
        buttons.addWidget(self.another_button)
        buttons.addWidget(self.done_button)

        # Everything but the answers scrolls, so on a small screen the window still fits and
        # the buttons stay in reach.
        content = QWidget()
        self._content_layout = QVBoxLayout(content)
        self._content_layout.setContentsMargins(20, 18, 20, 4)
        self._content_layout.setSpacing(14)
        self._content_layout.addLayout(header)
        self._content_layout.addLayout(body)
        self._content_layout.addWidget(self.steps_list)
        self._content_layout.addWidget(self.cautions_box)
        self._content_layout.addStretch(1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidget(content)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._buttons_layout = buttons
        buttons.setContentsMargins(20, 10, 20, 16)
        buttons.setSpacing(10)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.scroll_area, 1)
        layout.addLayout(buttons)
        self.setFixedWidth(WINDOW_WIDTH_PX)
        self._apply_colours()

        self.done_button.clicked.connect(self.done)
        self.another_button.clicked.connect(self.another)
        self.snooze_button.clicked.connect(self.snooze)
        self.skip_button.clicked.connect(self.skip)

    # ------------------------------------------------------------------ showing
    def show_exercise(self, model: StretchViewModel) -> None:
        """Replace everything about the exercise (the timer comes from :meth:`show_timer`)."""
        self.setWindowTitle(
            self.tr("Stretch: {name} — {app}").format(name=model.name, app=APP_NAME)
        )
        self.name_label.setText(model.name)
        self.muscles_label.setText(
            self.tr("Works: {muscles}").format(muscles=model.muscles) if model.muscles else ""
        )
        self.muscles_label.setVisible(bool(model.muscles))
        self.dose_label.setText(model.dose)
        moving = self.movement.load(model.animation)
        self.movement.setVisible(moving)
        self.illustration.setVisible(not moving and self.illustration.load(model.illustration))
        if moving:
            self.movement.start()
        self.steps_list.set_items(model.steps, numbered=True)
        self.cautions_list.set_items(model.cautions, numbered=False)
        self.cautions_box.setVisible(bool(model.cautions))
        self.snooze_button.setText(model.snooze_label)
        self.done_button.setFocus()
        if self.isVisible():  # "Another one": grow or shrink around where the window is
            self._place(self.frameGeometry().center())

    def show_timer(self, display: TimerDisplay) -> None:
        self.timer_panel.show_display(display)

    def set_movement_playing(self, playing: bool) -> None:
        """Let the animated movement play (during reps) or hold still (rests, pauses).

        It plays from :meth:`show_exercise` on until told otherwise; a still picture ignores
        this.
        """
        self.movement.set_paused(not playing)

    def open_near_pointer(self) -> None:
        """Show the window centred on the screen the pointer is on, and give it the keys.

        The user just clicked a notification, the toast or the tray there, so that is where
        they are looking. (Wayland compositors place windows themselves; the centring is a
        wish there.)
        """
        screen = QGuiApplication.screenAt(QCursor.pos()) or QGuiApplication.primaryScreen()
        self.setScreen(screen)
        self._place(screen.availableGeometry().center())
        self.show()
        # Shown, every layout is active and every font resolved: measure again, so the
        # content needs no scrolling when the screen has the room.
        self._place(screen.availableGeometry().center())
        self.raise_()
        self.activateWindow()
        self.done_button.setFocus()

    def put_away(self) -> None:
        """Hide after an answer, without counting as "closed without answering"."""
        self.hide()

    # ------------------------------------------------------------------ internals
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.done.emit()
        elif key == Qt.Key.Key_Escape:
            self.close()
        else:
            super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        was_visible = self.isVisible()
        super().closeEvent(event)
        if was_visible and event.isAccepted():
            self.closed_without_answer.emit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() is QEvent.Type.PaletteChange:
            self._apply_colours()

    def _apply_colours(self) -> None:
        palette = self.palette()
        quiet = blend(
            palette.color(QPalette.ColorRole.WindowText),
            palette.color(QPalette.ColorRole.Window),
            0.3,
        )
        set_text_colour(self.muscles_label, quiet)
        set_text_colour(self.cautions_box, quiet)  # its labels inherit the colour

    def _place(self, centre: QPoint) -> None:
        """Take the height the content needs, at most the screen's, centred on ``centre``."""
        area = self.screen().availableGeometry()
        self.winId()  # once the native window exists it knows the frame the title bar adds
        frame_extra = self.frameGeometry().size() - self.geometry().size()
        content = self._content_layout.totalHeightForWidth(WINDOW_WIDTH_PX)
        buttons = self._buttons_layout.totalSizeHint().height()
        size = QSize(WINDOW_WIDTH_PX, content + buttons).boundedTo(area.size() - frame_extra)
        self.resize(size)
        frame = QRect(QPoint(0, 0), size + frame_extra)
        frame.moveCenter(centre)
        # Keep the whole frame on the screen (the top first: the title bar moves the window).
        frame.moveRight(min(frame.right(), area.right()))
        frame.moveBottom(min(frame.bottom(), area.bottom()))
        frame.moveLeft(max(frame.left(), area.left()))
        frame.moveTop(max(frame.top(), area.top()))
        self.move(frame.topLeft())
