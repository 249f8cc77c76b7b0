"""Sounds on Linux: the first of PipeWire's ``pw-play``, PulseAudio's ``paplay`` and ALSA's
``aplay`` found on the ``PATH``."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

from app.platform.sound_process import CommandSoundPlayer

log = logging.getLogger(__name__)

PLAYERS: tuple[tuple[str, ...], ...] = (("pw-play",), ("paplay",), ("aplay", "--quiet"))
"""In order of preference: the sound server's own client first, raw ALSA last."""


class LinuxSoundPlayer:
    def __init__(self, search_path: str | None = None) -> None:
        """``search_path`` is where to look for the players; None: ``$PATH``."""
        self._player = _find_player(search_path)
        if self._player is None:
            names = ", ".join(command[0] for command in PLAYERS)
            log.info("no sound player found (looked for %s): sounds are off", names)

    @property
    def command(self) -> tuple[str, ...] | None:
        """The command that plays a sound (the file's path is added); None: no player."""
        return self._player.command if self._player is not None else None

    def play(self, path: Path) -> None:
        if self._player is not None:
            self._player.play(path)


def _find_player(search_path: str | None) -> CommandSoundPlayer | None:
    for name, *options in PLAYERS:
        found = shutil.which(name, path=search_path)
        if found is not None:
            return CommandSoundPlayer([found, *options])
    return None
