"""The ``sitbreak`` command: run the app, or ask the running one for its status or to quit.

``status`` and ``quit`` talk to the running instance over its control socket and never
import the GUI, the scheduler or the app's wiring; only ``run`` does.

Exit codes (documented in docs/cli.md): 0 success; 2 usage error or a folder that cannot be
used; 3 Sitbreak is not running; 4 the running instance could not be reached properly.
``run`` returns the app's own exit code.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import time
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from app import __version__
from app.core.describe import format_duration, format_remaining
from app.ipc import (
    IpcError,
    NoInstanceError,
    acquire_instance_lock,
    instance_answers,
    lock_holder_pid,
    send_request,
)
from app.logsetup import configure_logging
from app.paths import AppPaths, PathsError

EXIT_OK = 0
EXIT_USAGE = 2
EXIT_NOT_RUNNING = 3
EXIT_IPC_ERROR = 4

QUIT_DEADLINE_S = 5.0
_QUIT_POLL_S = 0.05

NOT_RUNNING_MESSAGE = "Sitbreak is not running."
_LABEL_WIDTH = 17


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``sitbreak`` console script; returns the process exit code."""
    parser = build_parser()
    try:
        options = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits after --help, --version and usage errors
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE

    basedir: Path | None = options.basedir
    command: str = options.command or "run"
    try:
        paths = AppPaths.under(basedir) if basedir is not None else AppPaths.default()
        if command == "status":
            return _status(paths, as_json=options.json)
        if command == "quit":
            return _quit(paths)
        return _run(paths, basedir=basedir, verbose=options.verbose)
    except PathsError as exc:
        _error(str(exc))
        return EXIT_USAGE


def build_parser() -> argparse.ArgumentParser:
    """``--basedir`` and ``--verbose`` work before or after the subcommand."""
    parser = argparse.ArgumentParser(
        prog="sitbreak",
        description="A desk-time coach in the tray: it asks you to stand up and stretch.",
        epilog="Without a command, 'run' starts Sitbreak. See docs/cli.md for details.",
    )
    parser.add_argument("--version", action="version", version=f"sitbreak {__version__}")
    _add_global_options(parser, keep_earlier=False)
    common = argparse.ArgumentParser(add_help=False)
    _add_global_options(common, keep_earlier=True)

    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.add_parser(
        "run", parents=[common], help="start Sitbreak (the default)", description="Start Sitbreak."
    )
    status = commands.add_parser(
        "status",
        parents=[common],
        help="show what the running Sitbreak sees",
        description="Show the state of the running Sitbreak.",
    )
    status.add_argument(
        "--json", action="store_true", help="print the raw status as JSON (stable keys)"
    )
    commands.add_parser(
        "quit",
        parents=[common],
        help="ask the running Sitbreak to quit and wait until it has",
        description=f"Ask the running Sitbreak to quit; waits up to {QUIT_DEADLINE_S:g} s.",
    )
    return parser


def _add_global_options(parser: argparse.ArgumentParser, *, keep_earlier: bool) -> None:
    """``keep_earlier`` is for the subcommands' copies: not given there, an option keeps the
    value given before the subcommand (argparse copies every default over it otherwise)."""
    parser.add_argument(
        "--basedir",
        metavar="DIR",
        type=_basedir,
        default=argparse.SUPPRESS if keep_earlier else None,
        help="keep settings, state, database and log under DIR (config/, data/, log/)",
    )
    parser.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        default=argparse.SUPPRESS if keep_earlier else False,
        help="log debug details (to stderr and the log file)",
    )


def _basedir(value: str) -> Path:
    """Refuse what can never work before anything is created."""
    if not value.strip():
        raise argparse.ArgumentTypeError("needs a folder name")
    path = Path(value).expanduser()
    if path.exists() and not path.is_dir():
        raise argparse.ArgumentTypeError(f"{path} is not a folder")
    return path


# ---------------------------------------------------------------- commands


def _run(paths: AppPaths, *, basedir: Path | None, verbose: bool) -> int:
    """Start the app unless an instance for these folders already runs.

    A second start is not an error (a double-click on the launcher, autostart plus a manual
    start): it says so and exits 0. The lock is held here, around the whole app.
    """
    paths.ensure()
    lock = acquire_instance_lock(paths)
    if lock is None:
        details = [f"basedir {basedir}"] if basedir is not None else []
        pid = lock_holder_pid(paths)
        if pid is not None:
            details.append(f"pid {pid}")
        suffix = f" ({', '.join(details)})" if details else ""
        print(f"Sitbreak is already running{suffix}.", file=sys.stderr)
        return EXIT_OK
    with lock:
        try:
            configure_logging(paths, verbose)
        except OSError as exc:
            reason = exc.strerror or exc
            raise PathsError(f"Cannot open the log file {paths.log_file}: {reason}.") from exc
        from app.bootstrap import run_app  # imported here: only `run` pays for Qt widgets

        return run_app(paths)


def _status(paths: AppPaths, *, as_json: bool) -> int:
    try:
        result = send_request(paths.socket_path, "status")
    except NoInstanceError:
        print(NOT_RUNNING_MESSAGE, file=sys.stderr)
        return EXIT_NOT_RUNNING
    except IpcError as exc:
        _error(str(exc))
        return EXIT_IPC_ERROR
    if as_json:
        print(json.dumps(result, indent=2, sort_keys=True, ensure_ascii=False))
    else:
        print(format_status(result))
    return EXIT_OK


def _quit(paths: AppPaths) -> int:
    """Ask the instance to quit, then wait until its socket stops answering.

    The app closes its socket last, after the log is written, so an exit code of 0 means
    the sitting log is complete.
    """
    socket_path = paths.socket_path
    try:
        send_request(socket_path, "quit")
        deadline = time.monotonic() + QUIT_DEADLINE_S
        while instance_answers(socket_path):
            if time.monotonic() >= deadline:
                _error(f"Sitbreak did not quit within {QUIT_DEADLINE_S:g} s.")
                return EXIT_IPC_ERROR
            time.sleep(_QUIT_POLL_S)
    except NoInstanceError:
        print(NOT_RUNNING_MESSAGE, file=sys.stderr)
        return EXIT_NOT_RUNNING
    except IpcError as exc:
        _error(str(exc))
        return EXIT_IPC_ERROR
    return EXIT_OK


def _error(message: str) -> None:
    print(f"sitbreak: {message}", file=sys.stderr)


# ---------------------------------------------------------------- status text


def format_status(result: Mapping[str, Any]) -> str:
    """The status reply as a few readable lines; keys missing or of the wrong type are skipped.

    Durations read like the tray's tooltip (whole minutes); ``--json`` has the seconds.
    """
    version = _text(result, "version")
    pid = _number(result, "pid")
    heading = f"Sitbreak {version}" if version else "Sitbreak"
    lines = [heading + (f" is running (pid {int(pid)})." if pid is not None else " is running.")]
    summary = _text(result, "summary")
    if summary:
        lines.append(summary)

    def row(label: str, value: str) -> None:
        lines.append(f"{label + ':':<{_LABEL_WIDTH}}{value}")

    state = _text(result, "state")
    if state:
        row("State", state.replace("_", " "))

    desk = _number(result, "desk_seconds")
    if desk is not None:
        since = _clock_time(_text(result, "bout_start"))
        row("This bout", format_duration(desk) + (f" at the desk since {since}" if since else ""))

    to_window = _number(result, "seconds_to_window")
    if to_window is not None:
        when = "open now" if to_window <= 0 else f"in {format_remaining(to_window)}"
        start = _number(result, "window_start_seconds")
        end = _number(result, "window_end_seconds")
        if start is not None and end is not None:
            bounds = f"{format_duration(start)} to {format_duration(end)} of desk time"
            when += f" (from {bounds})"
        row("Stand-up window", when)

    if result.get("paused_indefinitely") is True:
        row("Paused", "until resumed")
    else:
        until = _clock_time(_text(result, "paused_until"))
        if until:
            row("Paused", f"until {until}")

    today = result.get("today")
    if isinstance(today, Mapping):
        row("Today", _today_text(today))

    backends = result.get("backends")
    if isinstance(backends, Mapping):
        row("Backends", _backends_text(backends))

    if result.get("estimated") is True:
        row("Estimated", "yes: no idle source works, so desk time is a guess")

    notes = result.get("degraded")
    degraded = [str(note) for note in notes if note] if isinstance(notes, list) else []
    for index, note in enumerate(degraded):
        lines.append(f"{'Degraded:' if index == 0 else '':<{_LABEL_WIDTH}}{note}")
    return "\n".join(lines)


def _today_text(today: Mapping[str, Any]) -> str:
    parts: list[str] = []
    desk = _number(today, "desk_seconds")
    bouts = _number(today, "bouts")
    longest = _number(today, "longest_bout_seconds")
    if desk is not None:
        parts.append(f"{format_duration(desk)} sitting")
    if bouts is not None:
        count = int(bouts)
        parts.append(f"{count} bout" + ("" if count == 1 else "s"))
    if longest is not None and (bouts is None or bouts > 0):
        parts.append(f"longest {format_duration(longest)}")
    return ", ".join(parts) or "nothing logged yet"


def _backends_text(backends: Mapping[str, Any]) -> str:
    parts: list[str] = []
    for name, value in backends.items():
        if isinstance(value, list):
            shown = " + ".join(str(item) for item in value) or "none"
        else:
            shown = str(value)
        parts.append(f"{name} {shown}")
    return ", ".join(parts) or "none"


def _number(data: Mapping[str, Any], key: str) -> float | None:
    value = data.get(key)
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value) if math.isfinite(value) else None


def _text(data: Mapping[str, Any], key: str) -> str | None:
    value = data.get(key)
    return value if isinstance(value, str) and value else None


def _clock_time(iso: str | None) -> str | None:
    """Local ``HH:MM`` for today, with the date otherwise; the raw text if unparsable."""
    if iso is None:
        return None
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    local = moment.astimezone() if moment.tzinfo is not None else moment
    if local.date() == datetime.now(local.tzinfo).date():
        return local.strftime("%H:%M")
    return local.strftime("%Y-%m-%d %H:%M")
