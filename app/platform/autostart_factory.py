"""The command that starts this install of Sitbreak, and the autostart backend for this system."""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from app.platform.autostart_base import Autostart
from app.platform.autostart_null import NullAutostart
from app.platform.base import Environment


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

    ``environ`` supplies ``HOME``, ``XDG_CONFIG_HOME`` and ``XDG_CONFIG_DIRS``.
    """
    if not env.platform.startswith("linux"):
        return NullAutostart("Start at login is not available on this system yet")
    from app.platform.autostart_xdg import XdgAutostart

    return XdgAutostart.from_environ(environ, command)
