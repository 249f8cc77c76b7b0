"""Sitbreak's own prompt: a small window near the tray that never takes keyboard focus.

It is the fallback when no notification can be shown, and a delivery mode of its own. It
must never steal keystrokes from what the user is typing into, so it is a frameless tool
window that does not accept focus and is shown without being activated; its buttons
still take mouse clicks. Colours come from the palette, so dark themes stay readable.

Rounded corners need a compositor on X11; there the window is cut to its rounded shape
with a mask instead of being translucent, and goes without the soft shadow.

:class:`~app.ui.toast_notifier.ToastNotifier` puts it in the notifier chain and builds it
(loading this module) the first time a prompt is shown on it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QGuiApplication,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QRegion,
    QResizeEvent,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.platform.notify_base import PromptNotice

TOAST_WIDTH = 360
"""Outer width in pixels (shadow included); the height follows the text."""
SCREEN_GAP = 12
"""Distance from the screen edge, or from the tray icon."""
SHADOW = 10
"""Room around the card for its shadow (translucent windows only)."""
RADIUS = 10.0
PADDING = 14

FLAGS = (
    Qt.WindowType.Tool
    | Qt.WindowType.FramelessWindowHint
    | Qt.WindowType.WindowStaysOnTopHint
    | Qt.WindowType.WindowDoesNotAcceptFocus
)


def toast_position(
    size: QSize, available: QRect, anchor: QRect | None = None, gap: int = SCREEN_GAP
) -> QPoint:
    """Where a toast of ``size`` goes: beside ``anchor`` (the tray icon) when known, else in
    the bottom-right corner of ``available``; always inside ``available``, ``gap`` from
    its edges."""
    if anchor is None or not anchor.isValid():
        x = available.right() + 1 - gap - size.width()
        y = available.bottom() + 1 - gap - size.height()
    else:
        x = anchor.right() + 1 - size.width()  # right edges aligned, like a menu
        if anchor.center().y() >= available.center().y():
            y = anchor.top() - gap - size.height()  # a bottom panel: above the icon
        else:
            y = anchor.bottom() + 1 + gap  # a top panel: below the icon
    x = max(available.left() + gap, min(x, available.right() + 1 - gap - size.width()))
    y = max(available.top() + gap, min(y, available.bottom() + 1 - gap - size.height()))
    return QPoint(x, y)


class Toast(QWidget):
    """Title, body, "Show the stretch", "Snooze N min" and a close button.

    A click on a button or on the card answers the prompt: the toast hides itself and
    emits one signal. ``close_prompt()`` hides it without a signal.
    """

    clicked = Signal()
    """"Show the stretch", or a click anywhere on the card."""
    snooze_requested = Signal()
    dismissed = Signal()
    """The "×" button."""

    def __init__(self, *, translucent: bool | None = None, parent: QWidget | None = None) -> None:
        """``translucent``: rounded with a shadow (needs compositing); default: not on X11."""
        super().__init__(parent, FLAGS)
        if translucent is None:
            translucent = QGuiApplication.platformName() != "xcb"
        self._translucent = translucent
        self._shadow = SHADOW if translucent else 0
        self.setObjectName("sitbreakToast")
        self.setWindowTitle(self.tr("Sitbreak: time to stand up"))
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setAttribute(Qt.WidgetAttribute.WA_MacAlwaysShowToolWindow)
        self.setAttribute(Qt.WidgetAttribute.WA_TranslucentBackground, translucent)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

        self.title_label = QLabel()
        self.title_label.setObjectName("toastTitle")
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)
        self.title_label.setWordWrap(True)
        title_font = self.title_label.font()
        title_font.setBold(True)
        title_font.setPointSizeF(title_font.pointSizeF() * 1.1)
        self.title_label.setFont(title_font)

        self.body_label = QLabel()
        self.body_label.setObjectName("toastBody")
        self.body_label.setTextFormat(Qt.TextFormat.PlainText)
        self.body_label.setWordWrap(True)

        self.close_button = QToolButton()
        self.close_button.setText("×")
        self.close_button.setAutoRaise(True)
        self.close_button.setToolTip(self.tr("Dismiss"))
        self.close_button.setAccessibleName(self.tr("Dismiss"))

        self.snooze_button = QPushButton()
        self.show_button = QPushButton(self.tr("Show the stretch"))
        self._style_primary(self.show_button)
        for button in (self.close_button, self.snooze_button, self.show_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setCursor(Qt.CursorShape.ArrowCursor)

        header = QHBoxLayout()
        header.addWidget(self.title_label, 1)
        header.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.snooze_button)
        buttons.addWidget(self.show_button)
        layout = self._layout = QVBoxLayout(self)
        margin = self._shadow + PADDING
        layout.setContentsMargins(margin, margin - 4, margin, margin)
        layout.setSpacing(8)
        layout.addLayout(header)
        layout.addWidget(self.body_label)
        layout.addSpacing(4)
        layout.addLayout(buttons)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)

        self.show_button.clicked.connect(lambda: self._answer(self.clicked.emit))
        self.snooze_button.clicked.connect(lambda: self._answer(self.snooze_requested.emit))
        self.close_button.clicked.connect(lambda: self._answer(self.dismissed.emit))

    @property
    def translucent(self) -> bool:
        return self._translucent

    def show_prompt(self, notice: PromptNotice, anchor: QRect | None = None) -> None:
        """Show (or update) the prompt beside ``anchor``, the tray icon's screen rectangle
        when known; without taking focus from the window the user works in."""
        self.title_label.setText(notice.title)
        self.body_label.setText(notice.body)
        self.body_label.setVisible(bool(notice.body))
        if notice.snooze_minutes is not None:
            self.snooze_button.setText(
                self.tr("Snooze {minutes} min").format(minutes=notice.snooze_minutes)
            )
        self.snooze_button.setVisible(notice.snooze_minutes is not None)
        self.show_button.setText(notice.open_label or self.tr("Show the stretch"))
        self.setAccessibleName(notice.title)
        self.setAccessibleDescription(notice.body)
        height = self._layout.totalHeightForWidth(TOAST_WIDTH)
        if height < 0:
            height = self._layout.totalSizeHint().height()
        self.setFixedSize(TOAST_WIDTH, height)
        screen = QGuiApplication.screenAt(anchor.center()) if anchor is not None else None
        if screen is None:
            screen = QGuiApplication.primaryScreen()
        # The card, not its shadow, keeps the gap to the screen edge.
        corner = toast_position(
            self.size(), screen.availableGeometry(), anchor, gap=SCREEN_GAP - self._shadow
        )
        self.move(corner)
        self.show()
        self.raise_()

    def close_prompt(self) -> None:
        """Hide without answering (the prompt ended elsewhere)."""
        self.hide()

    # ------------------------------------------------------------------ Qt overrides
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        card = self._card_rect()
        if self._translucent:
            for step in range(self._shadow, 0, -2):
                spread = QRectF(card).adjusted(-step, -step + 2, step, step + 2)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor(0, 0, 0, 6))
                painter.drawRoundedRect(spread, RADIUS + step, RADIUS + step)
        palette = self.palette()
        painter.setBrush(palette.color(QPalette.ColorRole.Window))
        painter.setPen(_blend(palette.color(QPalette.ColorRole.Window), self._text_colour(), 0.25))
        painter.drawRoundedRect(QRectF(card).adjusted(0.5, 0.5, -0.5, -0.5), RADIUS, RADIUS)
        painter.end()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if not self._translucent:
            path = QPainterPath()
            path.addRoundedRect(QRectF(self._card_rect()), RADIUS, RADIUS)
            self.setMask(QRegion(path.toFillPolygon().toPolygon()))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        # Accepted, so the release comes here too (labels pass their clicks up to us).
        event.setAccepted(event.button() == Qt.MouseButton.LeftButton)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._card_rect().contains(
            event.position().toPoint()
        ):
            self._answer(self.clicked.emit)
            return
        super().mouseReleaseEvent(event)

    # ------------------------------------------------------------------ internals
    def _answer(self, emit: Callable[[], None]) -> None:
        if self.isVisible():
            self.hide()
            emit()

    def _card_rect(self) -> QRect:
        return self.rect().adjusted(self._shadow, self._shadow, -self._shadow, -self._shadow)

    def _text_colour(self) -> QColor:
        return self.palette().color(QPalette.ColorRole.WindowText)

    def _style_primary(self, button: QPushButton) -> None:
        """The main choice: the style's default-button look and a bold label (theme colours
        stay, so it reads well in light and dark themes alike)."""
        button.setDefault(True)
        font = button.font()
        font.setBold(True)
        button.setFont(font)


def _blend(base: QColor, other: QColor, share: float) -> QColor:
    """``base`` moved ``share`` of the way towards ``other`` (a border that suits the theme)."""
    return QColor.fromRgbF(
        base.redF() + (other.redF() - base.redF()) * share,
        base.greenF() + (other.greenF() - base.greenF()) * share,
        base.blueF() + (other.blueF() - base.blueF()) * share,
    )
