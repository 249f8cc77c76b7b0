"""The tray icon, painted at run time from a snapshot: a ring that fills towards the stand-up.

What each state looks like (the colours also carry meaning, but never alone):

- away: the empty grey track;
- sitting: a green arc from twelve o'clock, clockwise, filling towards the prompt window
  (at least one step, so a running clock never looks like an empty chair);
- window (time to stand up): the whole ring in amber;
- prompting (a prompt waits for an answer): the whole ring in red with a red dot inside;
- snoozed: the whole ring in amber with a small amber ring inside;
- paused: the sitting picture faded, two pause bars over it;
- quiet (outside working hours): the sitting picture faded, a crescent moon over it.

Every shape has a dark, half-transparent outline so it reads on light panels as well as
dark ones. The picture depends only on :func:`icon_signature`, which quantises the fill to
:data:`FILL_STEPS` steps: the tray repaints when the signature changes and never otherwise.
"""

from __future__ import annotations

import math
from typing import NamedTuple

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QIcon, QImage, QPainter, QPainterPath, QPen, QPixmap

from app.core.model import Phase, Snapshot

FILL_STEPS = 48
"""Steps of the sitting arc: under a pixel each at 16 px, about 4 px at 64 px."""

ICON_SIZES = (16, 22, 24, 32, 48, 64)
"""Sizes put into the tray's QIcon; tray hosts pick the nearest (StatusNotifierItem hosts
receive them all)."""

MIN_SIZE = 8

# Colours as hex strings (QColor is mutable, so none is shared between paints).
_SYMBOL_EDGE = "#99000000"
"""The dark edge around symbols drawn on the ring (pause bars, moon, dots)."""
_EDGES = {
    # style → (outline, track). "auto" reads on any panel: a dark edge at 60 % around a
    # mid-grey track. "light" and "dark" name the panel the user has, for more contrast.
    "auto": ("#99000000", "#a0a0a0"),
    "light": ("#dd1d232a", "#8c8c8c"),
    "dark": ("#ddf4f4f4", "#c4c4c4"),
}
_PROGRESS = "#3fb06a"
_WINDOW = "#f5a623"
_ATTENTION = "#e5484d"
_SYMBOL = "#f4f4f4"
_MOON = "#f3e3a1"
_FADED = 0.4
"""Opacity of the ring while prompts are suppressed (paused, quiet)."""

_SHOWS_FILL = frozenset({Phase.SITTING, Phase.PAUSED, Phase.QUIET})
"""Phases whose picture shows how far the sitting arc has come."""


class IconSignature(NamedTuple):
    """The visual state of the icon: equal signatures paint identical pictures."""

    phase: Phase
    fill_steps: int
    """0..FILL_STEPS for phases that show the arc, else 0."""
    style: str = "auto"
    """The panel the icon sits on: "auto", "light" or "dark" (the tray icon style setting)."""


def icon_signature(snapshot: Snapshot, style: str = "auto") -> IconSignature:
    """Quantise a snapshot to what the icon can show (see :data:`FILL_STEPS`)."""
    if style not in _EDGES:
        raise ValueError(f"unknown tray icon style {style!r}: expected one of {sorted(_EDGES)}")
    if snapshot.phase not in _SHOWS_FILL:
        return IconSignature(snapshot.phase, 0, style)
    steps = math.floor(_fill_fraction(snapshot) * FILL_STEPS)
    if snapshot.phase is Phase.SITTING:
        steps = max(1, steps)
    return IconSignature(snapshot.phase, steps, style)


def paint_tray_icon(snapshot: Snapshot, size: int, device_pixel_ratio: float = 1.0) -> QImage:
    """The icon for ``snapshot``: ``size`` logical pixels square, sharp at the given ratio."""
    return paint_signature(icon_signature(snapshot), size, device_pixel_ratio)


def tray_qicon(snapshot: Snapshot, style: str = "auto") -> QIcon:
    """A QIcon holding the picture at every size in :data:`ICON_SIZES`."""
    signature = icon_signature(snapshot, style)
    icon = QIcon()
    for size in ICON_SIZES:
        icon.addPixmap(QPixmap.fromImage(paint_signature(signature, size)))
    return icon


def paint_signature(signature: IconSignature, size: int, device_pixel_ratio: float = 1.0) -> QImage:
    """Paint a quantised state; :func:`paint_tray_icon` is the usual entry point."""
    if size < MIN_SIZE:
        raise ValueError(f"a tray icon needs at least {MIN_SIZE} px, got size={size}")
    if not (math.isfinite(device_pixel_ratio) and device_pixel_ratio > 0):
        raise ValueError(
            f"device_pixel_ratio must be a positive number, got {device_pixel_ratio!r}"
        )
    pixels = round(size * device_pixel_ratio)
    image = QImage(pixels, pixels, QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(device_pixel_ratio)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        _paint(painter, signature, _Geometry(size))
    finally:
        painter.end()
    return image


# --------------------------------------------------------------------------- internals
def _fill_fraction(snapshot: Snapshot) -> float:
    if snapshot.window_start_s <= 0:
        return 1.0
    return min(1.0, max(0.0, snapshot.desk_s / snapshot.window_start_s))


class _Geometry:
    """Sizes in logical pixels, proportional to the icon so 16 px and 64 px look alike."""

    def __init__(self, size: int) -> None:
        self.size = float(size)
        self.outline = max(1.0, size / 20)
        self.ring = size * 0.19
        # The outlined ring touches the edge: no padding is wasted at 16 px.
        self.radius = size / 2 - self.ring / 2 - self.outline
        self.center = QPointF(size / 2, size / 2)
        self.hole = self.radius - self.ring / 2 - self.outline
        """Radius of the free space inside the ring, outline included."""

    def ring_rect(self) -> QRectF:
        r = self.radius
        return QRectF(self.center.x() - r, self.center.y() - r, 2 * r, 2 * r)


def _paint(painter: QPainter, signature: IconSignature, g: _Geometry) -> None:
    phase = signature.phase
    fraction = signature.fill_steps / FILL_STEPS
    if phase in (Phase.PAUSED, Phase.QUIET):
        # Suppressed prompts: the ring fades like a disabled control, the symbol does not.
        painter.setOpacity(_FADED)
    outline, track = _EDGES[signature.style]
    _ring(painter, g, outline, g.ring + 2 * g.outline)
    match phase:
        case Phase.AWAY | Phase.STRETCHING:
            _ring(painter, g, track, g.ring)
        case Phase.SITTING | Phase.PAUSED | Phase.QUIET:
            _ring(painter, g, track, g.ring)
            _arc(painter, g, _PROGRESS, fraction)
        case Phase.WINDOW:
            _ring(painter, g, _WINDOW, g.ring)
        case Phase.PROMPTING:
            _ring(painter, g, _ATTENTION, g.ring)
            _dot(painter, g, _ATTENTION)
        case Phase.SNOOZED:
            _ring(painter, g, _WINDOW, g.ring)
            _hollow_dot(painter, g, _WINDOW)
    painter.setOpacity(1.0)
    if phase is Phase.PAUSED:
        _pause_bars(painter, g)
    elif phase is Phase.QUIET:
        _moon(painter, g)


def _ring(painter: QPainter, g: _Geometry, color: str, width: float) -> None:
    painter.setPen(QPen(QColor(color), width))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawEllipse(g.center, g.radius, g.radius)


def _arc(painter: QPainter, g: _Geometry, color: str, fraction: float) -> None:
    if fraction <= 0:
        return
    if fraction >= 1:
        _ring(painter, g, color, g.ring)
        return
    pen = QPen(QColor(color), g.ring)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    # Qt angles are in 1/16 degree, counter-clockwise from three o'clock.
    painter.drawArc(g.ring_rect(), 90 * 16, -round(fraction * 360 * 16))


def _outlined(painter: QPainter, path: QPainterPath, fill: str, g: _Geometry) -> None:
    """Fill ``path`` with a dark edge drawn outside it, so the shape keeps its size."""
    pen = QPen(QColor(_SYMBOL_EDGE), 2 * g.outline)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawPath(path)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(QColor(fill)))
    painter.drawPath(path)


def _dot(painter: QPainter, g: _Geometry, color: str) -> None:
    path = QPainterPath()
    r = g.hole * 0.75
    path.addEllipse(g.center, r, r)
    _outlined(painter, path, color, g)


def _hollow_dot(painter: QPainter, g: _Geometry, color: str) -> None:
    """A small ring inside the big one: "a reminder will come back"."""
    r = g.hole * 0.75
    width = max(g.outline, r * 0.55)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(QPen(QColor(_SYMBOL_EDGE), width + 2 * g.outline))
    painter.drawEllipse(g.center, r - width / 2, r - width / 2)
    painter.setPen(QPen(QColor(color), width))
    painter.drawEllipse(g.center, r - width / 2, r - width / 2)


def _pause_bars(painter: QPainter, g: _Geometry) -> None:
    """Two bars drawn over the faded ring, big enough to read at 16 px."""
    height = g.size * 0.62
    width = g.size * 0.17
    gap = g.size * 0.13
    top = g.center.y() - height / 2
    path = QPainterPath()
    path.addRect(QRectF(g.center.x() - gap / 2 - width, top, width, height))
    path.addRect(QRectF(g.center.x() + gap / 2, top, width, height))
    _outlined(painter, path, _SYMBOL, g)


def _moon(painter: QPainter, g: _Geometry) -> None:
    """A crescent over the faded ring: outside working hours."""
    r = g.size * 0.3
    disc = QPainterPath()
    disc.addEllipse(g.center, r, r)
    bite = QPainterPath()
    bite.addEllipse(QPointF(g.center.x() + r * 0.6, g.center.y() - r * 0.4), r * 0.82, r * 0.82)
    _outlined(painter, disc.subtracted(bite), _MOON, g)
