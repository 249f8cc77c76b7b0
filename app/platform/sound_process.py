"""Playing a sound with a command-line player: detached, silent, bounded in time, reaped.

The player runs in its own session with no terminal input or output, so it can neither block
nor scribble on the app's streams. A small daemon thread waits for it and kills it when it
runs past the time limit (Safe Eyes once left a stuck player at 90 % CPU), so no player is
ever left running or left a zombie. Failures are logged once; a sound is not worth more.
"""

from __future__ import annotations

import logging
import subprocess
import threading
from collections.abc import Sequence
from pathlib import Path

log = logging.getLogger(__name__)

PLAY_TIMEOUT_S = 10.0
"""Far longer than any sound the app plays; a player still running then is stuck."""


class CommandSoundPlayer:
    """Runs ``command + [path]`` for each sound."""

    def __init__(self, command: Sequence[str], *, timeout_s: float = PLAY_TIMEOUT_S) -> None:
        self.command = tuple(command)
        self._timeout_s = timeout_s
        self._warned = threading.Event()

    def play(self, path: Path) -> None:
        try:
            process = subprocess.Popen(
                [*self.command, str(path)],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                start_new_session=True,
            )
        except OSError as error:
            self._warn_once("could not start %s: %s", self.command[0], error)
            return
        threading.Thread(
            target=self._reap, args=(process,), name="sound-reaper", daemon=True
        ).start()

    def _reap(self, process: subprocess.Popen[bytes]) -> None:
        try:
            status = process.wait(self._timeout_s)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
            self._warn_once(
                "%s ran longer than %.0f s and was stopped", self.command[0], self._timeout_s
            )
            return
        if status != 0:
            self._warn_once("%s could not play a sound (exit status %d)", self.command[0], status)

    def _warn_once(self, message: str, *args: object) -> None:
        if self._warned.is_set():
            log.debug(message, *args)
        else:
            self._warned.set()
            log.warning(
                message + " (sounds may stay silent; further problems are not logged)", *args
            )
