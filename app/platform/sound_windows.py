"""Sounds on Windows: ``winsound`` (standard library), asynchronous, imported when used."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

log = logging.getLogger(__name__)


class WindowsSoundPlayer:
    def __init__(self) -> None:
        self._warned = False

    def play(self, path: Path) -> None:
        if sys.platform == "win32":
            import winsound

            flags = winsound.SND_FILENAME | winsound.SND_ASYNC | winsound.SND_NODEFAULT
            try:
                winsound.PlaySound(str(path), flags)
            except RuntimeError as error:
                if not self._warned:
                    self._warned = True
                    log.warning("could not play %s: %s (not logged again)", path, error)
