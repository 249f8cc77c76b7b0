"""The exercise library window: every exercise with its picture, filters, star, eye, start.

A view only: it lays out the cards it is given, reports what the filters say and what the
user pressed. The :class:`~app.ui.library_controller.LibraryController` decides which cards
match and what a star or an eye means. Colours come from the palette (light and dark themes);
text from exercise files is shown as plain text, never as markup.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from math import cos, radians, sin
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QColor,
    QIcon,
    QKeyEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QPixmap,
    QPolygonF,
)
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app import APP_NAME
from app.core.exercise import Equipment, MuscleGroup, Position
from app.ui.illustration import load_illustration
from app.ui.stretch_window import CARD_BACKGROUND, blend, plain_label, scaled_font, set_text_colour

log = logging.getLogger(__name__)

THUMBNAIL_PX = 96
"""The picture's side on a card: big enough to read the pose, small enough for a list."""
ACTION_ICON_PX = 20
FAVOURITE_GOLD = QColor("#e3a008")
"""The star of a favourite: the same warm gold on light and dark windows."""
DIMMED_OPACITY = 0.45
WINDOW_SIZE = QSize(860, 720)
CARD_RADIUS_PX = 10


# --------------------------------------------------------------------------- what is shown
@dataclass(frozen=True, slots=True)
class ExerciseCardModel:
    """One exercise as finished text."""

    exercise_id: str
    name: str
    facts: str
    """Dose, position and equipment on one line: "2 × 10 reps · Standing · Chair"."""
    muscles: str
    summary: str
    illustration: Path | None
    favourite: bool
    hidden: bool


@dataclass(frozen=True, slots=True)
class LibrarySection:
    """A heading (a muscle group) and its exercises, in the order they are shown."""

    title: str
    cards: tuple[ExerciseCardModel, ...]


@dataclass(frozen=True, slots=True)
class LibraryFilter:
    """What the filter bar says; None means "any"."""

    text: str = ""
    group: MuscleGroup | None = None
    position: Position | None = None
    equipment: Equipment | None = None
    favourites_only: bool = False


# --------------------------------------------------------------------------- small pictures
def star_icon(colour: QColor, *, filled: bool, device_pixel_ratio: float = 2.0) -> QIcon:
    """A five-pointed star, filled for a favourite, outlined otherwise."""
    pixmap = _blank_pixmap(device_pixel_ratio)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    centre, outer, inner = QPointF(10, 10.6), 8.6, 3.6
    points = [
        centre + QPointF(cos(radians(-90 + i * 36)), sin(radians(-90 + i * 36))) * radius
        for i, radius in enumerate([outer, inner] * 5)
    ]
    painter.setPen(
        QPen(colour, 1.6, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
    )
    painter.setBrush(colour if filled else Qt.BrushStyle.NoBrush)
    painter.drawPolygon(QPolygonF(points))
    painter.end()
    return QIcon(pixmap)


def eye_icon(colour: QColor, *, crossed: bool, device_pixel_ratio: float = 2.0) -> QIcon:
    """An open eye; crossed out when the exercise is hidden from suggestions."""
    pixmap = _blank_pixmap(device_pixel_ratio)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(
        colour, 1.6, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin
    )
    painter.setPen(pen)
    outline = QPainterPath(QPointF(1.5, 10))
    outline.quadTo(QPointF(10, 1.5), QPointF(18.5, 10))
    outline.quadTo(QPointF(10, 18.5), QPointF(1.5, 10))
    painter.drawPath(outline)
    painter.setBrush(colour)
    painter.drawEllipse(QPointF(10, 10), 2.8, 2.8)
    if crossed:
        painter.drawLine(QPointF(3, 17), QPointF(17, 3))
    painter.end()
    return QIcon(pixmap)


def _blank_pixmap(device_pixel_ratio: float) -> QPixmap:
    side = round(ACTION_ICON_PX * device_pixel_ratio)
    pixmap = QPixmap(side, side)
    pixmap.setDevicePixelRatio(device_pixel_ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    return pixmap


class Thumbnail(QWidget):
    """The exercise's SVG on a small light card (illustrations are drawn for paper)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._renderer = QSvgRenderer(self)
        self._renderer.setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
        self._opacity = 1.0
        self.setFixedSize(QSize(THUMBNAIL_PX, THUMBNAIL_PX))

    @property
    def has_picture(self) -> bool:
        return self._renderer.isValid()

    def load(self, path: Path | None) -> None:
        load_illustration(self._renderer, path)
        self.update()

    def set_opacity(self, opacity: float) -> None:
        self._opacity = opacity
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        del event
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setOpacity(self._opacity)
        painter.setPen(self.palette().color(QPalette.ColorRole.Mid))
        painter.setBrush(CARD_BACKGROUND)
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5), 8, 8)
        if self._renderer.isValid():
            self._renderer.render(painter, QRectF(self.rect()).adjusted(5, 5, -5, -5))
        painter.end()


# --------------------------------------------------------------------------- one exercise
class ExerciseCard(QFrame):
    """Picture, name, facts, muscles, summary; star, eye and "Start now" on the right.

    A hidden exercise stays in the list, dimmed, so that it can be shown again.
    """

    favourite_toggled = Signal(str, bool)
    hidden_toggled = Signal(str, bool)
    start_requested = Signal(str)

    def __init__(self, model: ExerciseCardModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.exercise_id = model.exercise_id
        self._favourite = model.favourite
        self._hidden = model.hidden

        self.thumbnail = Thumbnail()
        self.thumbnail.load(model.illustration)
        self.name_label = plain_label(model.name)
        self.name_label.setFont(scaled_font(self.font(), 1.15, bold=True))
        self.facts_label = plain_label(model.facts)
        self.muscles_label = plain_label(model.muscles)
        self.summary_label = plain_label(model.summary)
        self.summary_label.setVisible(bool(model.summary))
        self.hidden_tag = plain_label(self.tr("Hidden from suggestions"), wrap=False)
        self.hidden_tag.setFont(scaled_font(self.font(), 0.9, bold=True))

        self.favourite_button = self._icon_button()
        self.hide_button = self._icon_button()
        self.start_button = QPushButton(self.tr("Start now"))
        self.start_button.setToolTip(self.tr("Open this exercise in the stretch window"))
        self.start_button.setAutoDefault(False)

        text = QVBoxLayout()
        text.setSpacing(3)
        text.addWidget(self.name_label)
        text.addWidget(self.facts_label)
        text.addWidget(self.muscles_label)
        text.addSpacing(2)
        text.addWidget(self.summary_label)
        text.addWidget(self.hidden_tag)
        text.addStretch(1)
        actions = QHBoxLayout()
        actions.setSpacing(2)
        actions.addWidget(self.favourite_button)
        actions.addWidget(self.hide_button)
        actions.addSpacing(8)
        actions.addWidget(self.start_button)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 10, 12, 10)
        layout.setSpacing(14)
        layout.addWidget(self.thumbnail, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(text, 1)
        layout.addLayout(actions, 0)
        actions.setAlignment(Qt.AlignmentFlag.AlignVCenter)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

        self.favourite_button.clicked.connect(self._on_favourite_clicked)
        self.hide_button.clicked.connect(self._on_hide_clicked)
        self.start_button.clicked.connect(lambda: self.start_requested.emit(self.exercise_id))
        self._apply_state()

    @property
    def favourite(self) -> bool:
        return self._favourite

    @property
    def hidden(self) -> bool:
        return self._hidden

    @property
    def is_dimmed(self) -> bool:
        """Whether the card is drawn faded (a hidden exercise)."""
        return self._hidden

    def set_state(self, *, favourite: bool, hidden: bool) -> None:
        self._favourite, self._hidden = favourite, hidden
        self._apply_state()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() is QEvent.Type.PaletteChange:
            self._apply_state()

    def paintEvent(self, event: QPaintEvent) -> None:
        del event
        palette = self.palette()
        window = palette.color(QPalette.ColorRole.Window)
        base = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.WindowText)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(blend(window, text, 0.14))
        painter.setBrush(blend(window, base, 0.35 if self._hidden else 0.8))
        rect = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        painter.drawRoundedRect(rect, CARD_RADIUS_PX, CARD_RADIUS_PX)
        painter.end()

    # ------------------------------------------------------------------ internals
    def _icon_button(self) -> QToolButton:
        button = QToolButton()
        button.setAutoRaise(True)
        button.setIconSize(QSize(ACTION_ICON_PX, ACTION_ICON_PX))
        button.setFixedSize(QSize(ACTION_ICON_PX + 14, ACTION_ICON_PX + 14))
        return button

    def _on_favourite_clicked(self) -> None:
        self.favourite_toggled.emit(self.exercise_id, not self._favourite)

    def _on_hide_clicked(self) -> None:
        self.hidden_toggled.emit(self.exercise_id, not self._hidden)

    def _apply_state(self) -> None:
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        window = palette.color(QPalette.ColorRole.Window)
        quiet = blend(text, window, 0.35)
        ratio = self.devicePixelRatioF()
        star_colour = FAVOURITE_GOLD if self._favourite else quiet
        self.favourite_button.setIcon(
            star_icon(star_colour, filled=self._favourite, device_pixel_ratio=ratio)
        )
        self.hide_button.setIcon(eye_icon(quiet, crossed=self._hidden, device_pixel_ratio=ratio))
        favourite_tip = (
            self.tr("Remove from favourites")
            if self._favourite
            else self.tr("Mark as favourite: suggested more often")
        )
        hide_tip = (
            self.tr("Show in suggestions again")
            if self._hidden
            else self.tr("Hide from suggestions")
        )
        for button, tip in ((self.favourite_button, favourite_tip), (self.hide_button, hide_tip)):
            button.setToolTip(tip)
            button.setAccessibleName(tip)

        faded = blend(text, window, 0.45)
        main = faded if self._hidden else text
        set_text_colour(self.name_label, main)
        set_text_colour(self.summary_label, main)
        set_text_colour(self.facts_label, faded if self._hidden else blend(text, window, 0.12))
        set_text_colour(self.muscles_label, blend(text, window, 0.55 if self._hidden else 0.35))
        accent = blend(palette.color(QPalette.ColorRole.Highlight), text, 0.35)
        set_text_colour(self.hidden_tag, accent)
        self.hidden_tag.setVisible(self._hidden)
        self.thumbnail.set_opacity(DIMMED_OPACITY if self._hidden else 1.0)
        self.update()


# --------------------------------------------------------------------------- the window
class LibraryWindow(QWidget):
    """Filter bar, then the exercises by muscle group; a friendly line when nothing matches.

    Closing only hides the window; Esc closes it.
    """

    filter_changed = Signal(object)
    """Carries the new :class:`LibraryFilter`."""
    favourite_toggled = Signal(str, bool)
    """An exercise id and whether it should now be a favourite."""
    hidden_toggled = Signal(str, bool)
    """An exercise id and whether it should now be hidden from suggestions."""
    start_requested = Signal(str)
    """The id of the exercise to open in the stretch window now."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Exercise library — {app}").format(app=APP_NAME))
        self.resize(WINDOW_SIZE)
        self._cards: dict[str, ExerciseCard] = {}
        self._sections: list[tuple[QLabel, list[ExerciseCard]]] = []

        self.title_label = plain_label(self.tr("Exercise library"), wrap=False)
        self.title_label.setFont(scaled_font(self.font(), 1.6, bold=True))
        self.intro_label = plain_label(
            self.tr(
                "Movements for the back of the body. Star the ones you like to see them more "
                "often, hide the ones you don't want suggested, or start one right now."
            )
        )
        self.count_label = plain_label(wrap=False)
        self.problem_label = plain_label()
        self.problem_label.hide()

        self.search_edit = QLineEdit()
        self.search_edit.setPlaceholderText(self.tr("Search by name or muscle"))
        self.search_edit.setClearButtonEnabled(True)
        translate = QCoreApplication.translate
        self.group_combo = self._combo(
            self.tr("All muscle groups"), [(g, g.label(translate)) for g in MuscleGroup]
        )
        self.position_combo = self._combo(
            self.tr("Any position"), [(p, p.label(translate)) for p in Position]
        )
        self.equipment_combo = self._combo(
            self.tr("Any equipment"), [(e, e.label(translate)) for e in Equipment]
        )
        self.favourites_check = QCheckBox(self.tr("Favourites only"))

        self.empty_state = QWidget()
        self.empty_label = plain_label(self.tr("No exercise matches these filters."))
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.empty_label.setFont(scaled_font(self.font(), 1.15, bold=True))
        self.empty_hint = plain_label(
            self.tr("Try another muscle group or position, or a shorter search.")
        )
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.clear_button = QPushButton(self.tr("Show all exercises"))
        self.clear_button.setAutoDefault(False)
        empty_layout = QVBoxLayout(self.empty_state)
        empty_layout.setContentsMargins(0, 48, 0, 48)
        empty_layout.setSpacing(8)
        empty_layout.addWidget(self.empty_label)
        empty_layout.addWidget(self.empty_hint)
        empty_layout.addWidget(self.clear_button, 0, Qt.AlignmentFlag.AlignHCenter)
        self.empty_state.hide()

        heading = QHBoxLayout()
        heading.addWidget(self.title_label, 1, Qt.AlignmentFlag.AlignBottom)
        heading.addWidget(self.count_label, 0, Qt.AlignmentFlag.AlignBottom)
        filters = QHBoxLayout()
        filters.setSpacing(8)
        filters.addWidget(self.search_edit, 1)
        for combo in (self.group_combo, self.position_combo, self.equipment_combo):
            filters.addWidget(combo)
        filters.addWidget(self.favourites_check)
        top = QVBoxLayout()
        top.setContentsMargins(20, 18, 20, 12)
        top.setSpacing(8)
        top.addLayout(heading)
        top.addWidget(self.intro_label)
        top.addSpacing(4)
        top.addLayout(filters)
        top.addWidget(self.problem_label)

        self._list = QWidget()
        self._list_layout = QVBoxLayout(self._list)
        self._list_layout.setContentsMargins(20, 4, 20, 20)
        self._list_layout.setSpacing(8)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidget(self._list)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.separator = QFrame()
        self.separator.setFrameShape(QFrame.Shape.HLine)
        self.separator.setFrameShadow(QFrame.Shadow.Plain)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(top)
        layout.addWidget(self.separator)
        layout.addWidget(self.scroll_area, 1)
        self._apply_colours()

        self.search_edit.textChanged.connect(self._emit_filter)
        for combo in (self.group_combo, self.position_combo, self.equipment_combo):
            combo.currentIndexChanged.connect(self._emit_filter)
        self.favourites_check.toggled.connect(self._emit_filter)
        self.clear_button.clicked.connect(self.clear_filters)

    # ------------------------------------------------------------------ showing
    def show_sections(self, sections: tuple[LibrarySection, ...]) -> None:
        """Replace every card; all are shown until :meth:`show_matches` says otherwise."""
        while (item := self._list_layout.takeAt(0)) is not None:
            widget = item.widget()
            if widget is not None and widget is not self.empty_state:
                widget.deleteLater()
        self._cards, self._sections = {}, []
        for section in sections:
            header = plain_label(section.title, wrap=False)
            header.setFont(scaled_font(self.font(), 1.05, bold=True))
            header.setContentsMargins(2, 14, 0, 2)
            set_text_colour(header, self._accent())
            self._list_layout.addWidget(header)
            cards = []
            for model in section.cards:
                card = ExerciseCard(model)
                card.favourite_toggled.connect(self.favourite_toggled)
                card.hidden_toggled.connect(self.hidden_toggled)
                card.start_requested.connect(self.start_requested)
                self._list_layout.addWidget(card)
                self._cards[model.exercise_id] = card
                cards.append(card)
            self._sections.append((header, cards))
        self._list_layout.addWidget(self.empty_state)
        self._list_layout.addStretch(1)
        self.show_matches(frozenset(self._cards))

    def show_matches(self, exercise_ids: frozenset[str]) -> None:
        """Show only these exercises (and the headings that still have some)."""
        for header, cards in self._sections:
            for card in cards:
                card.setHidden(card.exercise_id not in exercise_ids)
            header.setHidden(all(card.isHidden() for card in cards))
        shown, total = len(exercise_ids & self._cards.keys()), len(self._cards)
        self.empty_state.setHidden(shown > 0)
        if shown == total:
            self.count_label.setText(self.tr("{total} exercises").format(total=total))
        else:
            self.count_label.setText(
                self.tr("Showing {shown} of {total}").format(shown=shown, total=total)
            )

    def set_card_state(self, exercise_id: str, *, favourite: bool, hidden: bool) -> None:
        card = self._cards.get(exercise_id)
        if card is not None:
            card.set_state(favourite=favourite, hidden=hidden)

    def show_problem(self, text: str) -> None:
        """A line under the filters (e.g. the preferences could not be saved); "" hides it."""
        self.problem_label.setText(text)
        self.problem_label.setVisible(bool(text))

    def card(self, exercise_id: str) -> ExerciseCard | None:
        return self._cards.get(exercise_id)

    def shown_ids(self) -> list[str]:
        """The exercises the filters let through, top to bottom."""
        return [
            card.exercise_id for _, cards in self._sections for card in cards if not card.isHidden()
        ]

    def current_filter(self) -> LibraryFilter:
        return LibraryFilter(
            text=self.search_edit.text().strip(),
            group=_chosen(self.group_combo, MuscleGroup),
            position=_chosen(self.position_combo, Position),
            equipment=_chosen(self.equipment_combo, Equipment),
            favourites_only=self.favourites_check.isChecked(),
        )

    def clear_filters(self) -> None:
        """Back to every exercise (one ``filter_changed``, not one per widget)."""
        widgets = (
            self.search_edit,
            self.group_combo,
            self.position_combo,
            self.equipment_combo,
            self.favourites_check,
        )
        for widget in widgets:
            widget.blockSignals(True)
        self.search_edit.clear()
        for combo in (self.group_combo, self.position_combo, self.equipment_combo):
            combo.setCurrentIndex(0)
        self.favourites_check.setChecked(False)
        for widget in widgets:
            widget.blockSignals(False)
        self._emit_filter()

    def present(self) -> None:
        """Show the window, or bring it to the front if it is open already."""
        self.showNormal()
        self.raise_()
        self.activateWindow()

    # ------------------------------------------------------------------ internals
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close()
        else:
            super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        # The app lives in the tray: closing a window never quits it.
        event.accept()
        self.hide()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() is QEvent.Type.PaletteChange:
            self._apply_colours()

    def _combo(self, any_label: str, items: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox()
        combo.addItem(any_label, "")
        for value, label in items:
            combo.addItem(label, value)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        return combo

    def _emit_filter(self) -> None:
        self.filter_changed.emit(self.current_filter())

    def _accent(self) -> QColor:
        palette = self.palette()
        return blend(
            palette.color(QPalette.ColorRole.Highlight),
            palette.color(QPalette.ColorRole.WindowText),
            0.35,
        )

    def _apply_colours(self) -> None:
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        window = palette.color(QPalette.ColorRole.Window)
        quiet = blend(text, window, 0.3)
        set_text_colour(self.intro_label, quiet)
        set_text_colour(self.count_label, quiet)
        set_text_colour(self.empty_hint, quiet)
        set_text_colour(
            self.problem_label, QColor("#d9534f") if window.lightness() < 128 else QColor("#b3261e")
        )
        set_text_colour(self.separator, blend(window, text, 0.15))
        for header, _ in self._sections:
            set_text_colour(header, self._accent())


E = TypeVar("E", MuscleGroup, Position, Equipment)


def _chosen(combo: QComboBox, kind: type[E]) -> E | None:
    """The combo's value as ``kind`` (Qt hands enum data back as plain strings)."""
    data = combo.currentData()
    return kind(data) if data else None
