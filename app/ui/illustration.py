"""Exercise pictures: loading an SVG safely, and the light card every picture sits on."""

from __future__ import annotations

import logging
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QByteArray, QObject, QRectF
from PySide6.QtGui import QColor, QPainter
from PySide6.QtSvg import QSvgRenderer, QtSvg

log = logging.getLogger(__name__)

ILLUSTRATION_PX = 200
"""The picture's side in device-independent pixels (it is drawn as vectors: crisp at any
scale)."""
CARD_PADDING_PX = 8
CARD_RADIUS_PX = 12
CARD_BACKGROUND = QColor("#f7f5f0")
"""The picture's card stays light in dark themes too: illustrations are drawn for paper."""
CARD_SIDE_PX = ILLUSTRATION_PX + 2 * CARD_PADDING_PX

SAFE_SVG_OPTIONS = QtSvg.Option.Tiny12FeaturesOnly | QtSvg.Option.DisableAnimations
"""Pictures may come from the user's folder: plain SVG Tiny shapes only, nothing that moves
by itself."""
LINKING_ELEMENTS = frozenset({"image", "script", "use", "foreignObject", "a", "iframe"})
"""Elements that pull in or run something beyond the picture's own shapes. Qt draws an
``<image>`` from any local file path even for untrusted sources, so they are refused here."""


def safe_svg_renderer(parent: QObject | None = None) -> QSvgRenderer:
    """A renderer that draws pictures from files nobody vetted, keeping their aspect ratio."""
    renderer = QSvgRenderer(parent)
    renderer.setOptions(SAFE_SVG_OPTIONS)
    return renderer


def linking_reason(data: bytes) -> str | None:
    """Why this SVG reaches beyond its own shapes (a link, a script, an entity); None if not.

    A document that is not XML at all is left for Qt to refuse with its own message.
    """
    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        return "it declares a DOCTYPE or entities"
    try:
        root = ET.fromstring(data)
    except ET.ParseError:
        return None
    for element in root.iter():
        name = element.tag.rpartition("}")[2]
        if name in LINKING_ELEMENTS:
            return f"it has a <{name}> element"
        for attribute, value in element.attrib.items():
            if attribute.rpartition("}")[2] == "href":
                return f"it links to {value!r}"
            if "url(" in value.replace(" ", "") and "url(#" not in value.replace(" ", ""):
                return f"it refers to {value!r}"
    return None


def load_illustration(renderer: QSvgRenderer, path: Path | None) -> bool:
    """Show the SVG at ``path``; on a missing, broken or linking file, log why, show nothing.

    Returns whether there is a picture to draw.
    """
    data = b""
    if path is not None:
        try:
            data = path.read_bytes()
        except OSError as error:
            log.warning("illustration %s could not be read: %s", path, error)
    if data and (reason := linking_reason(data)) is not None:
        log.warning("illustration %s is not drawn: %s (only plain shapes are)", path, reason)
        data = b""
    # An empty document resets the renderer to "no picture" without a Qt warning.
    if not renderer.load(QByteArray(data)) and data:
        log.warning("illustration %s is not an SVG image Qt can draw", path)
    return renderer.isValid()


def paint_card(painter: QPainter, rect: QRectF, border: QColor) -> QRectF:
    """Draw the light card behind a picture; returns where the picture goes on it."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(border)
    painter.setBrush(CARD_BACKGROUND)
    painter.drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), CARD_RADIUS_PX, CARD_RADIUS_PX)
    return rect.adjusted(CARD_PADDING_PX, CARD_PADDING_PX, -CARD_PADDING_PX, -CARD_PADDING_PX)
