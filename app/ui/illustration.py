"""Loading an exercise picture into a ``QSvgRenderer``: one place for the failure cases."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QByteArray
from PySide6.QtSvg import QSvgRenderer

log = logging.getLogger(__name__)


def load_illustration(renderer: QSvgRenderer, path: Path | None) -> bool:
    """Show the SVG at ``path``; on a missing or broken file, log why and show nothing.

    Returns whether there is a picture to draw.
    """
    data = b""
    if path is not None:
        try:
            data = path.read_bytes()
        except OSError as error:
            log.warning("illustration %s could not be read: %s", path, error)
    # An empty document resets the renderer to "no picture" without a Qt warning.
    if not renderer.load(QByteArray(data)) and data:
        log.warning("illustration %s is not an SVG image Qt can draw", path)
    return renderer.isValid()
