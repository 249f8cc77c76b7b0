"""The player of last resort: plays nothing, so callers never need to ask whether sound works."""

from __future__ import annotations

from pathlib import Path


class NullSoundPlayer:
    def play(self, path: Path) -> None:
        del path
