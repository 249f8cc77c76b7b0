"""Sounds on macOS: ``afplay``, which every macOS has."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

from app.platform.sound_process import CommandSoundPlayer

log = logging.getLogger(__name__)

AFPLAY = "/usr/bin/afplay"


class MacSoundPlayer:
    def __init__(self, search_path: str | None = None) -> None:
        found = shutil.which("afplay", path=search_path) or shutil.which(AFPLAY)
        self._player = CommandSoundPlayer([found]) if found is not None else None
        if self._player is None:
            log.info("afplay was not found: sounds are off")

    def play(self, path: Path) -> None:
        if self._player is not None:
            self._player.play(path)
