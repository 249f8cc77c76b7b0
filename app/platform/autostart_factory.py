"""The command that starts this install of Sitbreak, and the autostart backend for this system."""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from app.platform.autostart_base import Autostart
from app.platform.autostart_null import NullAutostart
from app.platform.base import BackendUnavailable, Environment


def launch_command(
    *, executable: str, frozen: bool, extra_args: Sequence[str] = ()
) -> tuple[str, ...]:
    """The argv that starts the Sitbreak this process belongs to.

    A frozen build is its own executable. Otherwise the ``sitbreak`` script installed next
    to the interpreter (a venv, pipx, a wheel) is what a user would type; without one,
    ``python -m app`` with this very interpreter still starts this install. ``extra_args``
    are the options this run was started with that the next one needs (``--basedir DIR``).
    """
    if frozen:
        base: tuple[str, ...] = (executable,)
    else:
        script = Path(executable).with_name("sitbreak")
        base = (str(script),) if script.is_file() else (executable, "-m", "app")
    return (*base, *extra_args)


def this_launch_command(extra_args: Sequence[str] = ()) -> tuple[str, ...]:
    """``launch_command`` for the running process."""
    return launch_command(
        executable=sys.executable,
        frozen=bool(getattr(sys, "frozen", False)),
        extra_args=extra_args,
    )


def open_autostart(
    env: Environment, environ: Mapping[str, str], command: Sequence[str]
) -> Autostart:
    """The start-at-login switch for this system, starting ``command`` at login.

    Windows: the ``HKCU\\...\\Run`` value; macOS: a LaunchAgent in ``~/Library/LaunchAgents``;
    Linux: the XDG autostart entry. ``environ`` supplies ``HOME``, ``XDG_CONFIG_HOME`` and
    ``XDG_CONFIG_DIRS``. A backend that cannot run here gives a switch that stays off and
    says why.
    """
    try:
        if env.platform == "win32":
            from app.platform.autostart_windows import RegistryAutostart

            return RegistryAutostart(command)
        if env.platform == "darwin":
            from app.platform.autostart_macos import LaunchAgentAutostart

            return LaunchAgentAutostart(command, launch_agents_dir(environ))
    except (BackendUnavailable, ImportError) as exc:
        return NullAutostart(f"Start at login is not available here: {exc}")
    if not env.platform.startswith("linux"):
        return NullAutostart("Start at login is not available on this system yet")
    from app.platform.autostart_xdg import XdgAutostart

    return XdgAutostart.from_environ(environ, command)


def launch_agents_dir(environ: Mapping[str, str]) -> Path:
    """``~/Library/LaunchAgents``, where launchd looks for a user's agents at login."""
    home = environ.get("HOME", "").strip()
    return (Path(home) if home else Path.home()) / "Library" / "LaunchAgents"
