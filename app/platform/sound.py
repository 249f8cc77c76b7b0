"""Short sounds (the routine player's chime) through whatever this desktop can play them with.

PySide6-Essentials has no QtMultimedia, so each platform's own player does it: PipeWire,
PulseAudio or ALSA's command-line player on Linux (``sound_linux``), ``afplay`` on macOS
(``sound_macos``), ``winsound`` on Windows (``sound_windows``). A sound is a nicety: nothing
here ever raises to the caller or blocks the GUI thread, and without a player the app is
simply quiet (``sound_null``).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Protocol


class SoundPlayer(Protocol):
    def play(self, path: Path) -> None:
        """Start playing the WAV file at ``path`` and return at once; never raises."""
        ...


def open_sound_player(platform: str = sys.platform, search_path: str | None = None) -> SoundPlayer:
    """The player for ``platform``; the silent one where there is none. Never fails.

    ``search_path`` replaces ``$PATH`` where a command-line player is looked up (tests).
    """
    if platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        from app.platform.sound_linux import LinuxSoundPlayer

        return LinuxSoundPlayer(search_path)
    if platform == "darwin":
        from app.platform.sound_macos import MacSoundPlayer

        return MacSoundPlayer(search_path)
    if platform == "win32":
        from app.platform.sound_windows import WindowsSoundPlayer

        return WindowsSoundPlayer()
    from app.platform.sound_null import NullSoundPlayer

    return NullSoundPlayer()
