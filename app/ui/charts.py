"""The statistics charts, drawn with QPainter: the day's ribbon, daily bars, bout trend,
goals row and muscle attention.

Everything is drawn in logical coordinates with antialiasing, never from a scaled pixmap,
so the charts stay sharp at any device pixel ratio. Text and axes take the palette's
colours; the series colours come in a light-theme and a dark-theme set
(:meth:`SeriesColours.for_palette`), each at least 3:1 against the window (WCAG's contrast
for graphics). Every drawn item has a hit area whose tooltip gives the exact values, on
hover and from the keyboard (Left/Right walk through the items).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Final

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QLocale, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFocusEvent,
    QFontMetricsF,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPalette,
    QPen,
    QPolygonF,
    QResizeEvent,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from app.core.exercise import MuscleGroup
from app.core.model import PromptResponse
from app.core.stats import (
    BoutLength,
    DayReport,
    DayTotals,
    PeriodReport,
    PromptMark,
    Span,
    SpanKind,
)

translate = QCoreApplication.translate

AXIS_WIDTH_PX: Final = 60.0
"""The left column of the week/month charts (hour and minute labels); shared so that the
bars, the trend and the goals row line up day by day."""
RIGHT_MARGIN_PX: Final = 10.0
MIN_HIT_WIDTH_PX: Final = 8.0
"""Short items (a one-minute walk) still get a hit area a pointer can find."""


# --------------------------------------------------------------------------- words
def describe_duration(seconds: float) -> str:
    """ "55 min", "2 h 10 min", "3 h"; "under 1 min" for a few seconds, "0 min" for none."""
    if seconds <= 0:
        return translate("Charts", "0 min")
    minutes = round(seconds / 60)
    if minutes == 0:
        return translate("Charts", "under 1 min")
    hours, rest = divmod(minutes, 60)
    if hours == 0:
        return translate("Charts", "%1 min").replace("%1", str(rest))
    if rest == 0:
        return translate("Charts", "%1 h").replace("%1", str(hours))
    return translate("Charts", "%1 h %2 min").replace("%1", str(hours)).replace("%2", str(rest))


def describe_clock(moment: datetime) -> str:
    """ "10:12": the same 24-hour spelling the settings use."""
    return f"{moment:%H:%M}"


def describe_span_of_time(start: datetime, end: datetime) -> str:
    return f"{describe_clock(start)}–{describe_clock(end)}"


def describe_day(day: date) -> str:
    """ "Tue 3 Mar" in the user's language."""
    return QLocale().toString(QDate(day.year, day.month, day.day), "ddd d MMM")


def describe_band(band: BoutLength) -> str:
    return {
        BoutLength.SHORT: translate("Charts", "under 30 min"),
        BoutLength.MEDIUM: translate("Charts", "30–60 min"),
        BoutLength.LONG: translate("Charts", "over 60 min"),
    }[band]


def describe_response(response: str | None) -> str:
    """What became of a prompt, in words."""
    words = {
        PromptResponse.DONE: translate("Charts", "done: you stood up"),
        PromptResponse.SNOOZE: translate("Charts", "snoozed"),
        PromptResponse.SKIP: translate("Charts", "skipped"),
        PromptResponse.DISMISSED: translate("Charts", "dismissed"),
        PromptResponse.NATURAL_BREAK: translate("Charts", "followed by a break"),
        PromptResponse.NO_ANSWER: translate("Charts", "not answered"),
        PromptResponse.PAUSED: translate("Charts", "reminders paused"),
        PromptResponse.QUIT: translate("Charts", "Sitbreak quit"),
    }
    if response is None:
        return translate("Charts", "waiting for an answer")
    try:
        return words[PromptResponse(response)]
    except ValueError:
        return response


# --------------------------------------------------------------------------- colours
def relative_luminance(colour: QColor) -> float:
    """WCAG 2 relative luminance of an opaque colour."""

    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * linear(colour.redF())
        + 0.7152 * linear(colour.greenF())
        + 0.0722 * linear(colour.blueF())
    )


def contrast_ratio(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio, 1 to 21; graphics need 3 against what they are drawn on."""
    high, low = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


@dataclass(frozen=True, slots=True)
class SeriesColours:
    """The series colours of one theme: green-amber-red for bout length (in luminance
    order too, so they stay apart without colour vision), blue for time away."""

    short: QColor
    medium: QColor
    long: QColor
    away: QColor
    walk: QColor
    exercise: QColor
    average: QColor
    longest: QColor
    goal_met: QColor

    def bout(self, band: BoutLength) -> QColor:
        return {BoutLength.SHORT: self.short, BoutLength.MEDIUM: self.medium}.get(band, self.long)

    def series(self) -> tuple[QColor, ...]:
        """Every colour drawn as data (what must read against the window)."""
        return (
            self.short,
            self.medium,
            self.long,
            self.away,
            self.walk,
            self.exercise,
            self.average,
            self.longest,
            self.goal_met,
        )

    @classmethod
    def for_palette(cls, palette: QPalette) -> SeriesColours:
        if is_dark(palette):
            return cls(
                short=QColor("#5cc48a"),
                medium=QColor("#e8b04a"),
                long=QColor("#f27a66"),
                away=QColor("#7fb2ea"),
                walk=QColor("#7fb2ea"),
                exercise=QColor("#c59cf0"),
                average=QColor("#7fb2ea"),
                longest=QColor("#f27a66"),
                goal_met=QColor("#5cc48a"),
            )
        return cls(
            short=QColor("#2e8b57"),
            medium=QColor("#b87800"),
            long=QColor("#c0392b"),
            away=QColor("#3d7cc0"),
            walk=QColor("#3d7cc0"),
            exercise=QColor("#8050c0"),
            average=QColor("#3d7cc0"),
            longest=QColor("#c0392b"),
            goal_met=QColor("#2e8b57"),
        )


def _quiet_text(palette: QPalette) -> QColor:
    """Axis labels: the text colour halfway to the window, still readable."""
    text = palette.color(QPalette.ColorRole.WindowText)
    window = palette.color(QPalette.ColorRole.Window)
    return QColor.fromRgbF(
        text.redF() * 0.7 + window.redF() * 0.3,
        text.greenF() * 0.7 + window.greenF() * 0.3,
        text.blueF() * 0.7 + window.blueF() * 0.3,
    )


def _grid(palette: QPalette) -> QColor:
    colour = QColor(palette.color(QPalette.ColorRole.WindowText))
    colour.setAlphaF(0.14)
    return colour


def _not_tracked_brushes(palette: QPalette) -> tuple[QBrush, QBrush]:
    """Grey under grey hatching: clearly "nothing known", never a colour of the data."""
    base = QColor(palette.color(QPalette.ColorRole.WindowText))
    base.setAlphaF(0.08)
    hatch = QColor(palette.color(QPalette.ColorRole.WindowText))
    hatch.setAlphaF(0.28)
    return QBrush(base), QBrush(hatch, Qt.BrushStyle.BDiagPattern)


# --------------------------------------------------------------------------- the base
@dataclass(frozen=True, slots=True)
class HitArea:
    """Where an item is drawn, and what its tooltip says."""

    rect: QRectF
    text: str


class Chart(QWidget):
    """A chart with hit areas: tooltips on hover, Left/Right to walk through items.

    Subclasses draw in :meth:`paint_chart` and list their items in :meth:`build_areas`,
    both from the same geometry; the areas are rebuilt when the data or the size change.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._areas: list[HitArea] | None = None
        self._current: int | None = None
        """The item under the pointer or chosen with the keyboard (outlined)."""

    # what subclasses provide
    def build_areas(self) -> list[HitArea]:
        return []

    def paint_chart(self, painter: QPainter) -> None:
        del painter

    # what the window and the tests use
    def areas(self) -> list[HitArea]:
        if self._areas is None:
            self._areas = self.build_areas()
        return self._areas

    def tooltip_at(self, pos: QPointF) -> str | None:
        index = self._index_at(pos)
        return None if index is None else self.areas()[index].text

    def data_changed(self) -> None:
        self._areas = None
        self._current = None
        self.updateGeometry()
        self.update()

    # Qt
    def resizeEvent(self, event: QResizeEvent) -> None:
        self._areas = None
        super().resizeEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() is QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            index = self._index_at(QPointF(event.pos()))
            if index is None:
                QToolTip.hideText()
                event.ignore()
            else:
                QToolTip.showText(event.globalPos(), self.areas()[index].text, self)
            return True
        return super().event(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        index = self._index_at(event.position())
        if index != self._current:
            self._current = index
            self.update()
            if index is not None and QToolTip.isVisible():
                QToolTip.showText(event.globalPosition().toPoint(), self.areas()[index].text, self)
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        if not self.hasFocus():
            self._current = None
            self.update()
        super().leaveEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self._current = None
        self.update()
        super().focusOutEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        areas = self.areas()
        steps = {
            Qt.Key.Key_Right: 1,
            Qt.Key.Key_Left: -1,
            Qt.Key.Key_Home: -len(areas),
            Qt.Key.Key_End: len(areas),
        }
        step = steps.get(Qt.Key(event.key()))
        if not areas or step is None or event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            super().keyPressEvent(event)  # Alt+Left/Right go on to the window's navigation
            return
        start = -1 if self._current is None and step > 0 else self._current or 0
        self._current = max(0, min(len(areas) - 1, start + step))
        area = areas[self._current]
        self.setAccessibleDescription(area.text)
        QToolTip.showText(self.mapToGlobal(area.rect.center().toPoint()), area.text, self)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        del event
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        self.paint_chart(painter)
        if self._current is not None and self._current < len(self.areas()):
            pen = QPen(self.palette().color(QPalette.ColorRole.Highlight), 2)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(self.areas()[self._current].rect.adjusted(-2, -2, 2, 2), 3, 3)
        painter.end()

    def _index_at(self, pos: QPointF) -> int | None:
        hits = [index for index, area in enumerate(self.areas()) if area.rect.contains(pos)]
        if not hits:
            return None
        # Small items drawn over larger ones win: the smallest area under the pointer.
        return min(hits, key=lambda index: self.areas()[index].rect.width())

    def colours(self) -> SeriesColours:
        return SeriesColours.for_palette(self.palette())


def _text_height(widget: QWidget) -> float:
    return QFontMetricsF(widget.font()).height()


# --------------------------------------------------------------------------- the day
class MarkerShape:
    """How a prompt's answer looks on the ribbon: shape carries the meaning, not colour."""

    FOLLOWED = "followed"
    """Done or a natural break: a filled circle."""
    SNOOZED = "snoozed"
    """A ring."""
    SKIPPED = "skipped"
    """Skipped, dismissed, not answered: a cross."""
    OTHER = "other"
    """Waiting, paused, quit: a small hollow square."""

    @staticmethod
    def of(response: str | None) -> str:
        if response in (PromptResponse.DONE, PromptResponse.NATURAL_BREAK):
            return MarkerShape.FOLLOWED
        if response == PromptResponse.SNOOZE:
            return MarkerShape.SNOOZED
        if response in (PromptResponse.SKIP, PromptResponse.DISMISSED, PromptResponse.NO_ANSWER):
            return MarkerShape.SKIPPED
        return MarkerShape.OTHER


def draw_marker(
    painter: QPainter, shape: str, centre: QPointF, radius: float, colour: QColor
) -> None:
    pen = QPen(colour, 1.6)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    if shape == MarkerShape.FOLLOWED:
        painter.setBrush(colour)
        painter.drawEllipse(centre, radius, radius)
    elif shape == MarkerShape.SNOOZED:
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(centre, radius - 0.5, radius - 0.5)
    elif shape == MarkerShape.SKIPPED:
        r = radius * 0.85
        painter.drawLine(centre + QPointF(-r, -r), centre + QPointF(r, r))
        painter.drawLine(centre + QPointF(-r, r), centre + QPointF(r, -r))
    else:
        painter.setBrush(Qt.BrushStyle.NoBrush)
        r = radius * 0.75
        painter.drawRect(QRectF(centre.x() - r, centre.y() - r, 2 * r, 2 * r))


class TimelineRibbon(Chart):
    """The day from its first to its last tracked hour: prompts above, a ribbon of bouts
    (coloured by length), time away and time not tracked (hatched), activities below and
    the hours under it."""

    PROMPT_ROW_PX: Final = 18.0
    RIBBON_PX: Final = 34.0
    ACTIVITY_ROW_PX: Final = 12.0
    GAP_PX: Final = 4.0
    SIDE_PX: Final = 12.0
    MIN_HOURS: Final = 6

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._report: DayReport | None = None
        self.setAccessibleName(translate("Charts", "Timeline of the day"))

    def set_report(self, report: DayReport | None) -> None:
        self._report = report
        self.data_changed()

    def sizeHint(self) -> QSize:
        return QSize(640, math.ceil(self._axis_top() + _text_height(self) + 6))

    def minimumSizeHint(self) -> QSize:
        return QSize(320, self.sizeHint().height())

    # geometry
    def _ribbon_top(self) -> float:
        return 4.0 + self.PROMPT_ROW_PX + self.GAP_PX

    def _activity_top(self) -> float:
        return self._ribbon_top() + self.RIBBON_PX + self.GAP_PX

    def _axis_top(self) -> float:
        return self._activity_top() + self.ACTIVITY_ROW_PX + self.GAP_PX

    def visible_range(self) -> tuple[datetime, datetime]:
        """Whole hours around what was tracked (at least MIN_HOURS), inside the day."""
        report = self._report
        assert report is not None
        moments = [
            moment
            for span in report.spans
            if span.kind is not SpanKind.NOT_TRACKED
            for moment in (span.start, span.end)
        ]
        moments += [prompt.at for prompt in report.prompts]
        moments += [moment for mark in report.activities for moment in (mark.start, mark.end)]
        if not moments:
            return report.start, report.end
        first = min(moments).replace(minute=0, second=0, microsecond=0)
        last = max(moments)
        if last.replace(minute=0, second=0, microsecond=0) != last:
            last = _later(last.replace(minute=0, second=0, microsecond=0), hours=1)
        if last.timestamp() - first.timestamp() < self.MIN_HOURS * 3600:
            last = _later(first, hours=self.MIN_HOURS)
        return max(first, report.start), min(last, report.end)

    def _x(self, moment: datetime) -> float:
        first, last = self.visible_range()
        width = self.width() - 2 * self.SIDE_PX
        total = last.timestamp() - first.timestamp()
        share = (moment.timestamp() - first.timestamp()) / total if total > 0 else 0.0
        return self.SIDE_PX + max(0.0, min(1.0, share)) * width

    def _span_rect(self, start: datetime, end: datetime, top: float, height: float) -> QRectF:
        left, right = self._x(start), self._x(end)
        return QRectF(left, top, max(right - left, 1.0), height)

    def _visible(self, start: datetime, end: datetime) -> bool:
        first, last = self.visible_range()
        return end > first and start < last

    # items
    def build_areas(self) -> list[HitArea]:
        report = self._report
        if report is None or report.is_empty:
            return []
        areas: list[tuple[float, HitArea]] = []
        for span in report.spans:
            if self._visible(span.start, span.end):
                rect = self._span_rect(span.start, span.end, self._ribbon_top(), self.RIBBON_PX)
                areas.append((rect.left(), HitArea(_widened(rect), describe_span(span))))
        for prompt in report.prompts:
            x, r = self._x(prompt.at), self.PROMPT_ROW_PX / 2
            rect = QRectF(x - r, 4.0, 2 * r, self.PROMPT_ROW_PX)
            areas.append((x, HitArea(rect, describe_prompt(prompt))))
        for mark in report.activities:
            rect = self._span_rect(mark.start, mark.end, self._activity_top(), self.ACTIVITY_ROW_PX)
            text = translate("Charts", "%1 · %2, %3").replace(
                "%1", describe_span_of_time(mark.start, mark.end)
            )
            text = text.replace("%2", mark.name).replace(
                "%3", describe_duration((mark.end - mark.start).total_seconds())
            )
            areas.append((rect.left(), HitArea(_widened(rect), text)))
        return [area for _, area in sorted(areas, key=lambda pair: pair[0])]

    def paint_chart(self, painter: QPainter) -> None:
        report = self._report
        if report is None or report.is_empty:
            return
        palette = self.palette()
        colours = self.colours()
        self._paint_hours(painter, palette)
        fill, hatch = _not_tracked_brushes(palette)
        window = palette.color(QPalette.ColorRole.Window)
        for span in report.spans:
            if not self._visible(span.start, span.end):
                continue
            rect = self._span_rect(span.start, span.end, self._ribbon_top(), self.RIBBON_PX)
            painter.setPen(Qt.PenStyle.NoPen)
            if span.kind is SpanKind.NOT_TRACKED:
                painter.fillRect(rect, fill)
                painter.fillRect(rect, hatch)
                continue
            if span.kind is SpanKind.SITTING:
                painter.setBrush(colours.bout(BoutLength.of(span.bout_desk_s)))
                inner = rect.adjusted(0, 0, -1, 0) if rect.width() > 2 else rect
                painter.drawRect(inner)  # the 1 px gap parts two bouts that touch
            else:
                away = QColor(colours.away)
                away.setAlphaF(0.35)
                painter.setBrush(away)
                painter.drawRect(rect.adjusted(0, 8, 0, -8))
        painter.setPen(QPen(_grid(palette), 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        first, last = self.visible_range()
        outline = self._span_rect(first, last, self._ribbon_top(), self.RIBBON_PX)
        painter.drawRect(outline)
        text = palette.color(QPalette.ColorRole.WindowText)
        for prompt in report.prompts:
            centre = QPointF(self._x(prompt.at), 4.0 + self.PROMPT_ROW_PX / 2)
            painter.setPen(QPen(_grid(palette), 1))
            painter.drawLine(
                QPointF(centre.x(), centre.y() + 5), QPointF(centre.x(), self._ribbon_top())
            )
            draw_marker(painter, MarkerShape.of(prompt.response), centre, 5.0, text)
        for mark in report.activities:
            rect = self._span_rect(mark.start, mark.end, self._activity_top(), self.ACTIVITY_ROW_PX)
            rect.setWidth(max(rect.width(), 3.0))
            painter.setPen(QPen(window, 1))
            painter.setBrush(colours.walk if mark.kind == "walk" else colours.exercise)
            painter.drawRoundedRect(rect, 2, 2)

    def _paint_hours(self, painter: QPainter, palette: QPalette) -> None:
        first, last = self.visible_range()
        metrics = QFontMetricsF(self.font())
        hours = max(1, round((last.timestamp() - first.timestamp()) / 3600))
        label_w = metrics.horizontalAdvance("00:00") + 10
        per_hour = (self.width() - 2 * self.SIDE_PX) / hours
        step = next(s for s in (1, 2, 3, 4, 6, 12, 24) if s * per_hour >= label_w)
        tz = first.tzinfo
        baseline = self._axis_top() + metrics.ascent()
        for index in range(hours + 1):
            moment = datetime.fromtimestamp(first.timestamp() + index * 3600, tz)
            x = self._x(moment)
            painter.setPen(QPen(_grid(palette), 1))
            painter.drawLine(
                QPointF(x, self._ribbon_top() - 2),
                QPointF(x, self._axis_top() - 1),
            )
            if moment.hour % step:
                continue
            label = describe_clock(moment)
            width = metrics.horizontalAdvance(label)
            left = min(max(x - width / 2, 0.0), self.width() - width)
            painter.setPen(_quiet_text(palette))
            painter.drawText(QPointF(left, baseline), label)


def _later(moment: datetime, *, hours: int) -> datetime:
    """``hours`` real hours later, in the same zone (aware ``+`` adds wall-clock time,
    which is an hour off across a DST change)."""
    shifted = moment.astimezone(UTC) + timedelta(hours=hours)
    return shifted.astimezone(moment.tzinfo)


def describe_span(span: Span) -> str:
    """ "10:12–11:07 · sat 55 min" (and the whole bout when it crosses midnight)."""
    when = describe_span_of_time(span.start, span.end)
    if span.kind is SpanKind.SITTING:
        text = translate("Charts", "%1 · sat %2").replace("%1", when)
        text = text.replace("%2", describe_duration(span.desk_s))
        if abs(span.bout_desk_s - span.desk_s) >= 60:
            text += translate("Charts", " (the whole bout: %1)").replace(
                "%1", describe_duration(span.bout_desk_s)
            )
        return text
    if span.kind is SpanKind.BREAK:
        return (
            translate("Charts", "%1 · away from the desk %2")
            .replace("%1", when)
            .replace("%2", describe_duration((span.end - span.start).total_seconds()))
        )
    return translate("Charts", "%1 · not tracked: Sitbreak was not running").replace("%1", when)


def describe_prompt(prompt: PromptMark) -> str:
    """ "10:57 · prompt after 45 min sitting · snoozed, reminded twice"."""
    text = (
        translate("Charts", "%1 · prompt after %2 sitting · %3")
        .replace("%1", describe_clock(prompt.at))
        .replace("%2", describe_duration(prompt.desk_s))
        .replace("%3", describe_response(prompt.response))
    )
    if prompt.reminders == 1:
        text += translate("Charts", ", reminded once")
    elif prompt.reminders > 1:
        text += translate("Charts", ", reminded %1 times").replace("%1", str(prompt.reminders))
    return text


def _widened(rect: QRectF) -> QRectF:
    if rect.width() >= MIN_HIT_WIDTH_PX:
        return rect
    grow = (MIN_HIT_WIDTH_PX - rect.width()) / 2
    return rect.adjusted(-grow, 0, grow, 0)


# --------------------------------------------------------------------------- the legend
@dataclass(frozen=True, slots=True)
class LegendEntry:
    label: str
    colour: QColor | None = None
    """A swatch in this colour; None with ``marker`` or ``hatched``."""
    marker: str | None = None
    """A ``MarkerShape`` drawn in the text colour instead of a swatch."""
    hatched: bool = False
    line: bool = False
    """A short line (trend series) instead of a box."""
    dashed: bool = False


class Legend(QWidget):
    """Swatches and words, wrapped over as many lines as the width needs."""

    SWATCH_PX: Final = 12.0
    SPACING_PX: Final = 16.0

    def __init__(self, entries: Sequence[LegendEntry] = (), parent: QWidget | None = None):
        super().__init__(parent)
        self._entries = tuple(entries)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

    def set_entries(self, entries: Sequence[LegendEntry]) -> None:
        self._entries = tuple(entries)
        self.updateGeometry()
        self.update()

    def entries(self) -> tuple[LegendEntry, ...]:
        return self._entries

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        rows = self._rows(float(width))
        return math.ceil(len(rows) * self._line_height())

    def sizeHint(self) -> QSize:
        return QSize(480, self.heightForWidth(480))

    def minimumSizeHint(self) -> QSize:
        return QSize(120, math.ceil(self._line_height()))

    def _line_height(self) -> float:
        return max(_text_height(self), self.SWATCH_PX) + 4

    def _entry_width(self, entry: LegendEntry) -> float:
        return self.SWATCH_PX + 5 + QFontMetricsF(self.font()).horizontalAdvance(entry.label)

    def _rows(self, width: float) -> list[list[tuple[float, LegendEntry]]]:
        rows: list[list[tuple[float, LegendEntry]]] = [[]]
        x = 0.0
        for entry in self._entries:
            needed = self._entry_width(entry)
            if rows[-1] and x + needed > width:
                rows.append([])
                x = 0.0
            rows[-1].append((x, entry))
            x += needed + self.SPACING_PX
        return rows

    def paintEvent(self, event: QPaintEvent) -> None:
        del event
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        metrics = QFontMetricsF(self.font())
        line = self._line_height()
        for row, entries in enumerate(self._rows(float(self.width()))):
            middle = row * line + line / 2
            for x, entry in entries:
                box = QRectF(x, middle - self.SWATCH_PX / 2, self.SWATCH_PX, self.SWATCH_PX)
                if entry.marker is not None:
                    draw_marker(painter, entry.marker, box.center(), 5.0, text)
                elif entry.hatched:
                    fill, hatch = _not_tracked_brushes(palette)
                    painter.fillRect(box, fill)
                    painter.fillRect(box, hatch)
                elif entry.line and entry.colour is not None:
                    pen = QPen(entry.colour, 2.2)
                    if entry.dashed:
                        pen.setStyle(Qt.PenStyle.DashLine)
                    painter.setPen(pen)
                    painter.drawLine(
                        QPointF(box.left(), box.center().y()),
                        QPointF(box.right(), box.center().y()),
                    )
                elif entry.colour is not None:
                    painter.setPen(Qt.PenStyle.NoPen)
                    painter.setBrush(entry.colour)
                    painter.drawRoundedRect(box, 2, 2)
                painter.setPen(text)
                baseline = middle + (metrics.ascent() - metrics.descent()) / 2
                painter.drawText(QPointF(box.right() + 5, baseline), entry.label)
        painter.end()


def day_legend(colours: SeriesColours) -> list[LegendEntry]:
    """What the Today ribbon's colours and shapes mean."""
    away = QColor(colours.away)
    away.setAlphaF(0.35)
    return [
        LegendEntry(translate("Charts", "Sitting under 30 min"), colours.short),
        LegendEntry(translate("Charts", "30–60 min"), colours.medium),
        LegendEntry(translate("Charts", "over 60 min"), colours.long),
        LegendEntry(translate("Charts", "Away"), away),
        LegendEntry(translate("Charts", "Not tracked"), hatched=True),
        LegendEntry(translate("Charts", "Walk"), colours.walk),
        LegendEntry(translate("Charts", "Exercise or routine"), colours.exercise),
        LegendEntry(translate("Charts", "Prompt followed"), marker=MarkerShape.FOLLOWED),
        LegendEntry(translate("Charts", "snoozed"), marker=MarkerShape.SNOOZED),
        LegendEntry(translate("Charts", "skipped"), marker=MarkerShape.SKIPPED),
        LegendEntry(translate("Charts", "other"), marker=MarkerShape.OTHER),
    ]


def period_legend(colours: SeriesColours) -> list[LegendEntry]:
    """What the week/month bars and trend mean."""
    return [
        LegendEntry(translate("Charts", "Bouts under 30 min"), colours.short),
        LegendEntry(translate("Charts", "30–60 min"), colours.medium),
        LegendEntry(translate("Charts", "over 60 min"), colours.long),
        LegendEntry(translate("Charts", "Average bout"), colours.average, line=True),
        LegendEntry(translate("Charts", "Longest bout"), colours.longest, line=True, dashed=True),
    ]


# --------------------------------------------------------------------------- week / month
class DayColumns:
    """Where each day of a period sits horizontally; shared by the bars, the trend and the
    goals row so that they line up."""

    def __init__(self, days: int, width: float) -> None:
        self.days = max(days, 1)
        self.left = AXIS_WIDTH_PX
        self.slot = max(width - AXIS_WIDTH_PX - RIGHT_MARGIN_PX, 1.0) / self.days

    def centre(self, index: int) -> float:
        return self.left + (index + 0.5) * self.slot

    def bar(self, index: int, top: float, height: float) -> QRectF:
        width = min(self.slot * 0.62, 44.0)
        return QRectF(self.centre(index) - width / 2, top, width, height)

    def column(self, index: int, top: float, height: float) -> QRectF:
        return QRectF(self.left + index * self.slot, top, self.slot, height)


def _nice_ceiling(value: float, steps: Sequence[float]) -> float:
    """The smallest value of ``steps`` (or a multiple of the last) at or above ``value``."""
    for step in steps:
        if value <= step:
            return step
    return math.ceil(value / steps[-1]) * steps[-1]


def describe_day_totals(day: date, totals: DayTotals) -> str:
    """ "Tue 3 Mar: desk 4 h 10 min" and one line per band."""
    if totals.tracked_s <= 0:
        return translate("Charts", "%1: not tracked").replace("%1", describe_day(day))
    lines = [
        translate("Charts", "%1: desk %2")
        .replace("%1", describe_day(day))
        .replace("%2", describe_duration(totals.desk_s))
    ]
    for band in BoutLength:
        lines.append(f"{describe_duration(totals.seconds_in(band))} {describe_band(band)}")
    lines.append(
        translate("Charts", "%1 bouts, longest %2")
        .replace("%1", str(totals.bouts))
        .replace("%2", describe_duration(totals.longest_bout_s))
    )
    return "\n".join(lines)


class DailyBars(Chart):
    """Desk hours per day, stacked by bout length, with the days' names and the goals row
    under them (a filled dot: goals met, a ring: not met, a dash: not recorded)."""

    PLOT_PX: Final = 190.0
    TOP_PX: Final = 8.0
    GOALS_PX: Final = 20.0

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._report: PeriodReport | None = None
        self.setAccessibleName(translate("Charts", "Desk time per day"))

    def set_report(self, report: PeriodReport | None) -> None:
        self._report = report
        self.data_changed()

    def sizeHint(self) -> QSize:
        return QSize(640, math.ceil(self._goals_top() + self.GOALS_PX + 4))

    def minimumSizeHint(self) -> QSize:
        return QSize(320, self.sizeHint().height())

    def _labels_top(self) -> float:
        return self.TOP_PX + self.PLOT_PX + 4

    def _goals_top(self) -> float:
        return self._labels_top() + _text_height(self) + 4

    def _columns(self) -> DayColumns:
        days = len(self._report.days) if self._report is not None else 7
        return DayColumns(days, float(self.width()))

    def _top_hours(self) -> float:
        report = self._report
        most = max((t.desk_s for _, t in report.days), default=0.0) if report else 0.0
        return _nice_ceiling(most / 3600, (2, 4, 6, 8, 10, 12))

    def _y(self, hours: float) -> float:
        return self.TOP_PX + self.PLOT_PX * (1 - hours / self._top_hours())

    def build_areas(self) -> list[HitArea]:
        report = self._report
        if report is None or report.is_empty:
            return []
        columns = self._columns()
        areas = []
        for index, (day, totals) in enumerate(report.days):
            rect = columns.column(index, self.TOP_PX, self._labels_top() - self.TOP_PX)
            areas.append(HitArea(rect, describe_day_totals(day, totals)))
        for index, (day, _) in enumerate(report.days):
            centre = columns.centre(index)
            rect = QRectF(centre - columns.slot / 2, self._goals_top(), columns.slot, self.GOALS_PX)
            areas.append(HitArea(rect, describe_goals(day, report.goals_met.get(day))))
        return areas

    def paint_chart(self, painter: QPainter) -> None:
        report = self._report
        if report is None or report.is_empty:
            return
        palette = self.palette()
        colours = self.colours()
        metrics = QFontMetricsF(self.font())
        columns = self._columns()
        quiet = _quiet_text(palette)
        top = self._top_hours()
        step = 1.0 if top <= 6 else 2.0
        hours = 0.0
        while hours <= top + 1e-9:
            y = self._y(hours)
            painter.setPen(QPen(_grid(palette), 1))
            painter.drawLine(QPointF(columns.left, y), QPointF(self.width() - RIGHT_MARGIN_PX, y))
            label = translate("Charts", "%1 h").replace("%1", f"{hours:g}")
            painter.setPen(quiet)
            painter.drawText(
                QPointF(
                    columns.left - 6 - metrics.horizontalAdvance(label),
                    y + metrics.ascent() / 2 - 1,
                ),
                label,
            )
            hours += step
        weekend = QColor(palette.color(QPalette.ColorRole.WindowText))
        weekend.setAlphaF(0.04)
        label_every = self._label_every(metrics, columns, report)
        for index, (day, totals) in enumerate(report.days):
            if day.weekday() >= 5:
                painter.fillRect(columns.column(index, self.TOP_PX, self.PLOT_PX), weekend)
            base = 0.0
            for band in BoutLength:
                seconds = totals.seconds_in(band)
                if seconds <= 0:
                    continue
                y_top, y_bottom = self._y((base + seconds) / 3600), self._y(base / 3600)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(colours.bout(band))
                painter.drawRect(columns.bar(index, y_top, y_bottom - y_top))
                base += seconds
            if index % label_every == 0:
                self._draw_day_label(painter, metrics, columns, index, day, quiet)
            self._draw_goal(painter, columns, index, report.goals_met.get(day), colours, palette)

    def _label_every(
        self, metrics: QFontMetricsF, columns: DayColumns, report: PeriodReport
    ) -> int:
        widest = max(
            (
                metrics.horizontalAdvance(self._day_label(day, len(report.days)))
                for day, _ in report.days
            ),
            default=0.0,
        )
        every = 1
        while every * columns.slot < widest + 6 and every < 7:
            every += 1
        return every

    @staticmethod
    def _day_label(day: date, days: int) -> str:
        qdate = QDate(day.year, day.month, day.day)
        return QLocale().toString(qdate, "ddd d" if days <= 7 else "d")

    def _draw_day_label(
        self,
        painter: QPainter,
        metrics: QFontMetricsF,
        columns: DayColumns,
        index: int,
        day: date,
        colour: QColor,
    ) -> None:
        assert self._report is not None
        label = self._day_label(day, len(self._report.days))
        painter.setPen(colour)
        painter.drawText(
            QPointF(
                columns.centre(index) - metrics.horizontalAdvance(label) / 2,
                self._labels_top() + metrics.ascent(),
            ),
            label,
        )

    def _draw_goal(
        self,
        painter: QPainter,
        columns: DayColumns,
        index: int,
        met: bool | None,
        colours: SeriesColours,
        palette: QPalette,
    ) -> None:
        centre = QPointF(columns.centre(index), self._goals_top() + self.GOALS_PX / 2)
        radius = min(5.5, columns.slot / 2 - 1)
        if met is None:
            painter.setPen(QPen(_quiet_text(palette), 1.4))
            painter.drawLine(centre - QPointF(radius * 0.6, 0), centre + QPointF(radius * 0.6, 0))
        elif met:
            painter.setPen(QPen(colours.goal_met, 1.4))
            painter.setBrush(colours.goal_met)
            painter.drawEllipse(centre, radius, radius)
        else:
            painter.setPen(QPen(_quiet_text(palette), 1.4))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(centre, radius - 0.7, radius - 0.7)


def describe_goals(day: date, met: bool | None) -> str:
    if met is None:
        return translate("Charts", "%1: daily goals not recorded").replace("%1", describe_day(day))
    if met:
        return translate("Charts", "%1: daily goals met").replace("%1", describe_day(day))
    return translate("Charts", "%1: daily goals not met").replace("%1", describe_day(day))


class BoutTrend(Chart):
    """Average and longest bout per day, in minutes, with the 30 and 60 minute lines that
    part the bands of the bars above."""

    PLOT_PX: Final = 110.0
    TOP_PX: Final = 8.0

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._report: PeriodReport | None = None
        self.setAccessibleName(translate("Charts", "Average and longest bout per day"))

    def set_report(self, report: PeriodReport | None) -> None:
        self._report = report
        self.data_changed()

    def sizeHint(self) -> QSize:
        return QSize(640, math.ceil(self.TOP_PX + self.PLOT_PX + 8))

    def minimumSizeHint(self) -> QSize:
        return QSize(320, self.sizeHint().height())

    def _top_minutes(self) -> float:
        report = self._report
        longest = report.longest_bout_s / 60 if report else 0.0
        return _nice_ceiling(max(longest, 60.0), (60, 90, 120, 180, 240))

    def _y(self, minutes: float) -> float:
        return self.TOP_PX + self.PLOT_PX * (1 - minutes / self._top_minutes())

    def build_areas(self) -> list[HitArea]:
        report = self._report
        if report is None or report.is_empty:
            return []
        columns = DayColumns(len(report.days), float(self.width()))
        areas = []
        for index, (day, totals) in enumerate(report.days):
            if totals.bouts == 0:
                continue
            text = (
                translate("Charts", "%1: average bout %2, longest %3 (%4 bouts)")
                .replace("%1", describe_day(day))
                .replace("%2", describe_duration(totals.average_bout_s))
                .replace("%3", describe_duration(totals.longest_bout_s))
                .replace("%4", str(totals.bouts))
            )
            areas.append(HitArea(columns.column(index, self.TOP_PX, self.PLOT_PX), text))
        return areas

    def paint_chart(self, painter: QPainter) -> None:
        report = self._report
        if report is None or report.is_empty:
            return
        palette = self.palette()
        colours = self.colours()
        metrics = QFontMetricsF(self.font())
        columns = DayColumns(len(report.days), float(self.width()))
        quiet = _quiet_text(palette)
        top = self._top_minutes()
        marks = [0.0, 30.0, 60.0] + [m for m in (120.0, 180.0, 240.0) if m <= top]
        for minutes in marks:
            y = self._y(minutes)
            pen = QPen(_grid(palette), 1)
            if minutes in (30.0, 60.0):
                pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawLine(QPointF(columns.left, y), QPointF(self.width() - RIGHT_MARGIN_PX, y))
            label = describe_duration(minutes * 60) if minutes else "0"
            painter.setPen(quiet)
            painter.drawText(
                QPointF(
                    columns.left - 6 - metrics.horizontalAdvance(label),
                    y + metrics.ascent() / 2 - 1,
                ),
                label,
            )
        for values, colour, dashed in (
            ([t.average_bout_s for _, t in report.days], colours.average, False),
            ([t.longest_bout_s for _, t in report.days], colours.longest, True),
        ):
            self._draw_series(painter, columns, values, report, colour, dashed=dashed)

    def _draw_series(
        self,
        painter: QPainter,
        columns: DayColumns,
        values: Sequence[float],
        report: PeriodReport,
        colour: QColor,
        *,
        dashed: bool,
    ) -> None:
        pen = QPen(colour, 2.2)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        if dashed:
            pen.setStyle(Qt.PenStyle.DashLine)
        path = QPainterPath()
        points: list[QPointF] = []
        drawing = False
        for index, ((_, totals), seconds) in enumerate(zip(report.days, values, strict=True)):
            if totals.bouts == 0:
                drawing = False  # a day without bouts breaks the line
                continue
            point = QPointF(columns.centre(index), self._y(seconds / 60))
            points.append(point)
            if drawing:
                path.lineTo(point)
            else:
                path.moveTo(point)
                drawing = True
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
        painter.setPen(QPen(colour, 1))
        painter.setBrush(colour)
        radius = 2.8 if columns.slot >= 14 else 2.0
        for point in points:
            if dashed:
                painter.drawPolygon(
                    QPolygonF(
                        [
                            point + QPointF(0, -radius - 0.8),
                            point + QPointF(radius + 0.8, 0),
                            point + QPointF(0, radius + 0.8),
                            point + QPointF(-radius - 0.8, 0),
                        ]
                    )
                )
            else:
                painter.drawEllipse(point, radius, radius)


# --------------------------------------------------------------------------- muscles
class MuscleAttention(Chart):
    """One bar per muscle group of the posterior chain: exercises that worked it. Groups
    with none are listed too, since those are the ones to look at."""

    ROW_PX: Final = 24.0

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._counts: dict[str, int] = {}
        self.setAccessibleName(translate("Charts", "Exercises per muscle group"))

    def set_counts(self, counts: dict[str, int]) -> None:
        self._counts = dict(counts)
        self.data_changed()

    def sizeHint(self) -> QSize:
        return QSize(420, math.ceil(len(MuscleGroup) * self.ROW_PX + 4))

    def minimumSizeHint(self) -> QSize:
        return QSize(260, self.sizeHint().height())

    def _label_width(self) -> float:
        metrics = QFontMetricsF(self.font())
        return max(metrics.horizontalAdvance(self._label(group)) for group in MuscleGroup) + 12

    @staticmethod
    def _label(group: MuscleGroup) -> str:
        return group.label(QCoreApplication.translate)

    def _rows(self) -> list[tuple[MuscleGroup, int, QRectF]]:
        most = max(self._counts.values(), default=0)
        left = self._label_width()
        count_width = QFontMetricsF(self.font()).horizontalAdvance("000") + 8
        room = max(self.width() - left - count_width, 10.0)
        rows = []
        for index, group in enumerate(MuscleGroup):
            count = self._counts.get(group.value, 0)
            width = room * count / most if most else 0.0
            top = 2 + index * self.ROW_PX
            rows.append((group, count, QRectF(left, top + 5, max(width, 2.0), self.ROW_PX - 10)))
        return rows

    def build_areas(self) -> list[HitArea]:
        areas = []
        for group, count, rect in self._rows():
            if count == 0:
                text = translate("Charts", "%1: no exercise").replace("%1", self._label(group))
            elif count == 1:
                text = translate("Charts", "%1: 1 exercise").replace("%1", self._label(group))
            else:
                text = (
                    translate("Charts", "%1: %2 exercises")
                    .replace("%1", self._label(group))
                    .replace("%2", str(count))
                )
            row = QRectF(0, rect.top() - 5, self.width(), self.ROW_PX)
            areas.append(HitArea(row, text))
        return areas

    def paint_chart(self, painter: QPainter) -> None:
        palette = self.palette()
        colours = self.colours()
        metrics = QFontMetricsF(self.font())
        text = palette.color(QPalette.ColorRole.WindowText)
        quiet = _quiet_text(palette)
        for group, count, rect in self._rows():
            baseline = rect.center().y() + (metrics.ascent() - metrics.descent()) / 2
            label = self._label(group)
            painter.setPen(text if count else quiet)
            painter.drawText(
                QPointF(rect.left() - 8 - metrics.horizontalAdvance(label), baseline), label
            )
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colours.exercise if count else _grid(palette))
            painter.drawRoundedRect(rect, 3, 3)
            painter.setPen(text if count else quiet)
            painter.drawText(QPointF(rect.right() + 6, baseline), str(count))
