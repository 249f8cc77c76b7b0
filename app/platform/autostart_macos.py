"""Start at login on macOS: a LaunchAgent property list in ``~/Library/LaunchAgents``.

launchd reads the folder at login and starts every agent whose ``RunAtLoad`` is true. The
file is the switch: present and launching means on, absent means off. Writing it does not
start a second Sitbreak now; it takes effect at the next login. ``ProcessType Interactive``
keeps launchd from throttling a program the user works with.

A file at our name that is not a property list is never replaced or removed: the user
gets an error naming it, and whatever it holds stays.
"""

from __future__ import annotations

import contextlib
import logging
import plistlib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from app.platform.autostart_base import AutostartError
from app.settings.atomic import atomic_write_text

log = logging.getLogger(__name__)

LAUNCH_AGENT_LABEL = "io.github.sitbreak.Sitbreak"
"""launchd's name for the job; the file is named after it, as launchd expects."""
_AGENT_MODE = 0o644
"""launchd refuses an agent that others can write; nothing in it is private."""


def launch_agent_plist(label: str, command: Sequence[str]) -> bytes:
    """The XML property list of a LaunchAgent that runs ``command`` at login."""
    if not label:
        raise AutostartError("The LaunchAgent label is empty")
    if not command:
        raise AutostartError("The command that starts Sitbreak is empty")
    agent = {
        "Label": label,
        "ProgramArguments": list(command),
        "RunAtLoad": True,
        "ProcessType": "Interactive",
    }
    try:
        return plistlib.dumps(agent, fmt=plistlib.FMT_XML, sort_keys=False)
    except ValueError as exc:  # control characters cannot be written in a plist string
        raise AutostartError(
            f"The command that starts Sitbreak cannot be written in a LaunchAgent: {exc}"
        ) from exc


class LaunchAgentAutostart:
    """Sitbreak's LaunchAgent file in one user's LaunchAgents folder."""

    name = "launch-agent"

    def __init__(self, command: Sequence[str], agents_dir: Path) -> None:
        """``agents_dir``: normally ``~/Library/LaunchAgents``."""
        self._path = agents_dir / f"{LAUNCH_AGENT_LABEL}.plist"
        self._content = launch_agent_plist(LAUNCH_AGENT_LABEL, command)

    @property
    def location(self) -> str:
        return str(self._path)

    def is_enabled(self) -> bool:
        try:
            agent = self._read()
        except AutostartError as exc:
            log.warning("%s", exc)
            return False
        return agent is not None and _launches_at_login(agent)

    def set_enabled(self, enabled: bool) -> None:
        current = self._read()  # raises for a file that is not ours to replace
        if enabled:
            if current is None or plistlib.loads(self._content) != current:
                self._write()
            return
        if current is not None:
            try:
                self._path.unlink(missing_ok=True)
            except OSError as exc:
                raise AutostartError(f"Could not remove {self._path}: {exc.strerror}") from exc

    def _read(self) -> dict[str, Any] | None:
        """The agent at our path; None if there is no file."""
        try:
            data = self._path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise AutostartError(f"Could not read {self._path}: {exc.strerror}") from exc
        agent: object = None
        # A damaged plist makes plistlib raise ValueError, ExpatError, AttributeError and more.
        with contextlib.suppress(Exception):
            agent = plistlib.loads(data)
        if not isinstance(agent, dict):
            raise AutostartError(
                f"{self._path} is not a LaunchAgent property list, and Sitbreak does not "
                "replace files it cannot read: move it away to let Sitbreak start at login"
            )
        return agent

    def _write(self) -> None:
        try:
            atomic_write_text(self._path, self._content.decode("utf-8"), _AGENT_MODE)
        except OSError as exc:
            raise AutostartError(f"Could not write {self._path}: {exc.strerror}") from exc


def _launches_at_login(agent: dict[str, Any]) -> bool:
    """launchd starts an agent at login when it is not disabled and runs at load."""
    return agent.get("Disabled") is not True and (
        agent.get("RunAtLoad") is True or bool(agent.get("KeepAlive"))
    )
