"""The ``sitbreak`` command: run the app, or talk to the running one.

``status``, ``quit`` and the control commands (``break-now``, ``snooze``, ``pause``,
``resume``) talk to the running instance over its control socket and never import the GUI,
the scheduler or the app's wiring; only ``run`` does. ``library`` reads exercise files
itself and needs no running instance. Their arguments are checked here,
before anything is sent, and again by the app's handlers (``snooze_minutes_from`` and
``pause_choice_from`` below), so a script talking to the socket directly gets the same
answers.

Exit codes (documented in docs/cli.md): 0 success; 1 ``library --validate`` found an error;
2 usage error or a folder that cannot be used; 3 Sitbreak is not running; 4 the running
instance could not be reached properly.
``run`` returns the app's own exit code.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import time
from collections.abc import Callable, Mapping
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from app import __version__
from app.core.describe import format_duration, format_remaining
from app.core.schedule import PauseChoice
from app.instance_lock import acquire_instance_lock, lock_holder_pid
from app.logsetup import configure_logging
from app.paths import AppPaths, PathsError
from app.stats_command import add_stats_arguments

if TYPE_CHECKING:
    from app.library.loader import LibraryLoad
    from app.library.problems import LoadProblem

# Each command imports what only it uses inside its function: ``run`` shows the tray icon
# sooner without the control socket's QtNetwork (``app.ipc``) or the library checker, and
# the control commands skip the library and the statistics.

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2
EXIT_NOT_RUNNING = 3
EXIT_IPC_ERROR = 4

QUIT_DEADLINE_S = 5.0
_QUIT_POLL_S = 0.05

NOT_RUNNING_MESSAGE = "Sitbreak is not running."
_LABEL_WIDTH = 17

SNOOZE_MINUTES: Final = range(1, 241)
"""``sitbreak snooze MINUTES`` takes a whole number in this range (1 min to 4 h)."""
DEFAULT_PAUSE: Final = PauseChoice.HOUR_1
"""``sitbreak pause`` without a choice. A pause survives restarts, so a bare ``pause``
someone forgets must end by itself; ``pause indefinitely`` is one word more."""

Confirm = Callable[[Mapping[str, Any]], list[str]]
"""Turns the status a control command replies with into the lines that confirm it."""


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``sitbreak`` console script; returns the process exit code."""
    parser = build_parser()
    try:
        options = parser.parse_args(argv)
        if getattr(options, "validate", None) is not None and options.json:
            parser.error("library: --json goes with --list, not with --validate")
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
        if command == "break-now":
            return _control(paths, "break-now", {}, confirm_break_now)
        if command == "snooze":
            minutes: int | None = options.minutes
            args = {} if minutes is None else {"minutes": minutes}
            return _control(paths, "snooze", args, lambda r: confirm_snooze(r, minutes))
        if command == "pause":
            choice: PauseChoice = options.choice
            return _control(paths, "pause", {"choice": choice.value}, confirm_pause)
        if command == "resume":
            return _control(paths, "resume", {}, confirm_resume)
        if command == "settings":
            return _control(paths, "settings", {}, lambda _result: ["Opening the settings."])
        if command == "today":
            return _control(paths, "today", {}, lambda _result: ["Opening Today."])
        if command == "statistics":
            return _control(paths, "statistics", {}, lambda _result: ["Opening the statistics."])
        if command == "routine":
            routine_id: str = options.routine_id
            return _control(
                paths,
                "routine",
                {"id": routine_id},
                lambda result: [f"Starting {result.get('routine', routine_id)}."],
            )
        if command == "stats":
            return _stats(paths, options)
        if command == "library":
            validate: list[Path] | None = options.validate
            if validate is not None:
                return _library_validate(validate)
            return _library_list(paths, as_json=options.json)
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
    commands.add_parser(
        "break-now",
        parents=[common],
        help="open the stretch window now (as 'Stand up now' in the tray)",
        description="Open the stretch window now, as 'Stand up now' in the tray menu does.",
    )
    snooze = commands.add_parser(
        "snooze",
        parents=[common],
        help="put off the next stand-up prompt",
        description=(
            "Put off the waiting (or the next) stand-up prompt by MINUTES of desk time; "
            "a natural break cancels the snooze."
        ),
    )
    snooze.add_argument(
        "minutes",
        metavar="MINUTES",
        nargs="?",
        type=_snooze_minutes,
        help=(
            f"{SNOOZE_MINUTES.start} to {SNOOZE_MINUTES.stop - 1}; "
            "without it, the snooze length from the settings"
        ),
    )
    pause = commands.add_parser(
        "pause",
        parents=[common],
        help="stop prompts for a while (the log goes on)",
        description="Stop stand-up prompts for a while; desk time is still logged.",
    )
    pause.add_argument(
        "choice",
        metavar="HOW_LONG",
        nargs="?",
        type=_pause_choice,
        default=DEFAULT_PAUSE,
        help=(
            f"one of {_PAUSE_CHOICES_TEXT} (default {DEFAULT_PAUSE.value}); "
            "'tomorrow' ends at the next working-hours start, or 04:00"
        ),
    )
    commands.add_parser(
        "resume",
        parents=[common],
        help="end a pause now",
        description="End a pause now: prompts come back.",
    )
    commands.add_parser(
        "settings",
        parents=[common],
        help="open the settings dialog of the running Sitbreak",
        description="Open the settings dialog of the running Sitbreak.",
    )
    commands.add_parser(
        "today",
        parents=[common],
        help="open the Today view of the running Sitbreak",
        description="Open the Today view (the day's walking, stretching and glute work).",
    )
    commands.add_parser(
        "statistics",
        parents=[common],
        help="open the statistics window of the running Sitbreak",
        description="Open the statistics window of the running Sitbreak.",
    )
    routine = commands.add_parser(
        "routine",
        parents=[common],
        help="start a routine in the running Sitbreak's guided player",
        description=(
            "Start a routine (for example glute-wake-up, daily-posterior-chain-stretch, "
            "strength-day) in the guided player of the running Sitbreak."
        ),
    )
    routine.add_argument(
        "routine_id", metavar="ROUTINE", type=_routine_id, help="the id of the routine"
    )
    add_stats_arguments(
        commands.add_parser(
            "stats",
            parents=[common],
            help="summarise or export your sitting history (no running Sitbreak needed)",
            description=(
                "Summarise or export your sitting history (docs/statistics.md). Reads the "
                "log directly: Sitbreak need not be running."
            ),
        )
    )
    library = commands.add_parser(
        "library",
        parents=[common],
        help="check exercise files, or list the exercise library (no running Sitbreak needed)",
        description=(
            "Check exercise files before you add them, or list the library Sitbreak "
            "suggests from: the bundled exercises plus your own in the config folder's "
            "exercises/ (see docs/exercise-format.md)."
        ),
    )
    action = library.add_mutually_exclusive_group(required=True)
    action.add_argument(
        "--validate",
        metavar="PATH",
        nargs="+",
        type=Path,
        help=(
            "check exercise files or folders of them; one line per problem, "
            f"exit {EXIT_INVALID} when any has an error"
        ),
    )
    action.add_argument(
        "--list",
        action="store_true",
        help="list the exercises Sitbreak suggests from, as a table",
    )
    library.add_argument(
        "--json", action="store_true", help="with --list: print the library as JSON"
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


_PAUSE_VALUES: Final = frozenset(choice.value for choice in PauseChoice)
_PAUSE_CHOICES_TEXT: Final = ", ".join(choice.value for choice in PauseChoice)
_WHOLE_NUMBER: Final = re.compile(r"[0-9]+")
_ROUTINE_ID: Final = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def _snooze_minutes(value: str) -> int:
    """``MINUTES`` of ``snooze``: plain ASCII digits, within ``SNOOZE_MINUTES``."""
    allowed = f"allowed: {SNOOZE_MINUTES.start} to {SNOOZE_MINUTES.stop - 1}"
    if not _WHOLE_NUMBER.fullmatch(value):
        raise argparse.ArgumentTypeError(
            f"{value!r} is not a whole number of minutes ({allowed}; "
            "leave it out for the snooze length from the settings)"
        )
    minutes = int(value)
    if minutes not in SNOOZE_MINUTES:
        raise argparse.ArgumentTypeError(f"{minutes} minutes is out of range ({allowed})")
    return minutes


def _pause_choice(value: str) -> PauseChoice:
    try:
        return PauseChoice(value)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not a pause length (allowed: {_PAUSE_CHOICES_TEXT})"
        ) from None


def _routine_id(value: str) -> str:
    """Checked as the app's handler checks it, so a typo is a usage error, not a reply."""
    if not _ROUTINE_ID.fullmatch(value):
        raise argparse.ArgumentTypeError(
            f"{value!r} is not a routine id (lower-case letters, digits and hyphens, "
            "such as glute-wake-up)"
        )
    return value


def _basedir(value: str) -> Path:
    """Refuse what can never work before anything is created."""
    if not value.strip():
        raise argparse.ArgumentTypeError("needs a folder name")
    if "\0" in value:
        raise argparse.ArgumentTypeError(f"{value!r} holds a NUL character")
    try:
        path = Path(value).expanduser()
    except RuntimeError:  # "~nobody/x": no such user, or no home folder to put for "~"
        raise argparse.ArgumentTypeError(f"{value!r}: cannot tell whose home folder") from None
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

        return run_app(paths, basedir=basedir)


def _status(paths: AppPaths, *, as_json: bool) -> int:
    from app.ipc import IpcError, NoInstanceError, send_request

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
    from app.ipc import IpcError, NoInstanceError, instance_answers, send_request

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


def _control(paths: AppPaths, cmd: str, args: Mapping[str, Any], confirm: Confirm) -> int:
    """Send one control command; print what changed, read from the status it replies with."""
    from app.ipc import IpcError, NoInstanceError, send_request

    try:
        result = send_request(paths.socket_path, cmd, args)
        lines = confirm(result)
    except NoInstanceError:
        print(NOT_RUNNING_MESSAGE, file=sys.stderr)
        return EXIT_NOT_RUNNING
    except IpcError as exc:
        _error(str(exc))
        return EXIT_IPC_ERROR
    print("\n".join(lines))
    return EXIT_OK


def _library_validate(targets: list[Path]) -> int:
    """Check files as the app would load them after the bundled library; errors exit 1."""
    from app.library.loader import check_exercise_paths
    from app.resources import exercises_dir, illustrations_dir

    checked = check_exercise_paths(
        targets, library_dirs=[exercises_dir()], illustration_dirs=[illustrations_dir()]
    )
    for problem in checked.problems:
        print(problem_line(problem))
    errors = len(checked.errors)
    warnings = len(checked.problems) - errors
    print(
        f"{_count(errors, 'error')}, {_count(warnings, 'warning')}; "
        f"{_count(len(checked.exercises), 'exercise')} would load."
    )
    return EXIT_INVALID if errors else EXIT_OK


def _library_list(paths: AppPaths, *, as_json: bool) -> int:
    """The merged library; problems of its files go to stderr and do not fail the listing."""
    from app.library.listing import library_json, library_table

    library = merged_library(paths)
    for problem in library.problems:
        print(f"sitbreak: {problem_line(problem)}", file=sys.stderr)
    if as_json:
        print(json.dumps(library_json(library.exercises), indent=2, ensure_ascii=False))
    else:
        print(library_table(library.exercises))
    return EXIT_OK


def _stats(paths: AppPaths, options: argparse.Namespace) -> int:
    """``sitbreak stats``: days are cut at local midnight; working hours from the settings."""
    from app.core.clock import local_zone
    from app.settings.store import load_settings
    from app.stats_command import run_stats

    zone = local_zone()
    now = datetime.now(zone)
    settings = load_settings(paths.settings_file, now=now, move_broken=False)
    for problem in settings.problems:
        _error(problem)
    return run_stats(
        options,
        db_path=paths.database,
        out=sys.stdout,
        err=sys.stderr,
        now=now,
        tz=zone,
        working_hours=settings.settings.working_hours.working_hours(),
    )


def merged_library(paths: AppPaths) -> LibraryLoad:
    """The bundled exercises plus the user's ``exercises/`` (not made if it is missing)."""
    from app.library.loader import load_library
    from app.resources import exercises_dir, illustrations_dir

    user_dir = paths.exercises_dir
    dirs = [exercises_dir(), *([user_dir] if user_dir.is_dir() else [])]
    return load_library(dirs, illustration_dirs=[illustrations_dir()])


def problem_line(problem: LoadProblem) -> str:
    """``file:line: field: message``; a warning says so at the end (the exercise loads)."""
    from app.library.problems import Severity

    line = problem.describe(full_path=True)
    return line if problem.severity is Severity.ERROR else f"{line} (warning)"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


def _error(message: str) -> None:
    print(f"sitbreak: {message}", file=sys.stderr)


# ---------------------------------------------------------------- control confirmations
# Each takes the status the app replied with after the change. A reply that contradicts the
# request raises IpcError: the user must never read "Paused" when nothing paused.


def confirm_break_now(result: Mapping[str, Any]) -> list[str]:
    return ["Opening the stretch window.", *_summary(result)]


def confirm_snooze(result: Mapping[str, Any], requested_minutes: int | None) -> list[str]:
    """``snooze_seconds`` says how long the snooze lasts; null when nothing was snoozed."""
    if "snooze_seconds" in result and result["snooze_seconds"] is None:
        return ["Nothing to snooze: Sitbreak sees nobody at the desk.", *_summary(result)]
    seconds = _number(result, "snooze_seconds")
    if seconds is None and requested_minutes is not None:
        seconds = requested_minutes * 60.0
    done = f"Snoozed for {format_duration(seconds)}." if seconds is not None else "Snoozed."
    return [done, *_summary(result)]


def confirm_pause(result: Mapping[str, Any], now: datetime | None = None) -> list[str]:
    """One line: the summary would only say the same again."""
    from app.ipc import IpcError

    if result.get("paused_indefinitely") is True:
        return ["Paused until resumed."]
    until = _clock_time(_text(result, "paused_until"), now)
    if until is None:
        raise IpcError("Sitbreak replied, but its status shows no pause.")
    return [f"Paused until {until}."]


def confirm_resume(result: Mapping[str, Any]) -> list[str]:
    from app.ipc import IpcError

    if result.get("paused_indefinitely") is True or _text(result, "paused_until"):
        raise IpcError("Sitbreak replied, but its status still shows a pause.")
    return ["Resumed.", *_summary(result)]


def _summary(result: Mapping[str, Any]) -> list[str]:
    summary = _text(result, "summary")
    return [summary] if summary else []


# ---------------------------------------------------------------- the handlers' arguments
# The running app's handlers validate what arrives on the socket with these, so a client
# that bypasses this command line gets the same limits and the same words.


def snooze_minutes_from(args: Mapping[str, Any]) -> int | None:
    """The ``snooze`` request's minutes (None: the settings' snooze), or ``IpcError``."""
    from app.ipc import IpcError

    _refuse_unknown_keys("snooze", args, {"minutes"})
    if "minutes" not in args:
        return None
    minutes = args["minutes"]
    if type(minutes) is not int or minutes not in SNOOZE_MINUTES:
        raise IpcError(
            f'"minutes" must be a whole number from {SNOOZE_MINUTES.start} to '
            f"{SNOOZE_MINUTES.stop - 1}, not {json.dumps(minutes)}."
        )
    return minutes


def pause_choice_from(args: Mapping[str, Any]) -> PauseChoice:
    """The ``pause`` request's choice (required), or ``IpcError``."""
    from app.ipc import IpcError

    _refuse_unknown_keys("pause", args, {"choice"})
    choice = args.get("choice")
    if not isinstance(choice, str) or choice not in _PAUSE_VALUES:
        raise IpcError(f'"choice" must be one of {_PAUSE_CHOICES_TEXT}, not {json.dumps(choice)}.')
    return PauseChoice(choice)


def routine_id_from(args: Mapping[str, Any]) -> str:
    """The ``routine`` request's id (required, kebab-case like a file name), or ``IpcError``."""
    from app.ipc import IpcError

    _refuse_unknown_keys("routine", args, {"id"})
    routine_id = args.get("id")
    if not isinstance(routine_id, str) or not _ROUTINE_ID.fullmatch(routine_id):
        raise IpcError(
            '"id" must be a routine id such as "glute-wake-up" (lower-case letters, digits '
            f"and hyphens), not {json.dumps(routine_id)}."
        )
    return routine_id


def no_args_from(cmd: str, args: Mapping[str, Any]) -> None:
    """For ``break-now`` and ``resume``, which take no arguments."""
    _refuse_unknown_keys(cmd, args, set())


def _refuse_unknown_keys(cmd: str, args: Mapping[str, Any], known: set[str]) -> None:
    from app.ipc import IpcError

    unknown = sorted(set(args) - known)
    if unknown:
        takes = ", ".join(f'"{key}"' for key in sorted(known)) or "no arguments"
        names = ", ".join(f'"{key}"' for key in unknown)
        raise IpcError(f"{cmd!r} does not take {names} (it takes {takes}).")


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

    prompt = result.get("prompt")
    if isinstance(prompt, Mapping):
        row("Prompt", _prompt_text(prompt))

    suggestion = result.get("suggestion")
    if isinstance(suggestion, Mapping):
        suggested = _suggestion_text(suggestion)
        if suggested:
            row("Suggestion", suggested)

    today = result.get("today")
    if isinstance(today, Mapping):
        row("Today", _today_text(today))
    if result.get("log_in_sync") is False:
        row("Log", "cannot be written now; what happens is kept and written later")

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


def _prompt_text(prompt: Mapping[str, Any]) -> str:
    shown = _clock_time(_text(prompt, "shown_at"))
    text = f"waiting since {shown}" if shown else "waiting for an answer"
    details: list[str] = []
    desk = _number(prompt, "desk_seconds")
    if desk is not None:
        details.append(f"after {format_duration(desk)} at the desk")
    reminders = _number(prompt, "reminders")
    if reminders:
        count = int(reminders)
        details.append(f"{count} reminder" + ("" if count == 1 else "s"))
    return text + (f" ({', '.join(details)})" if details else "")


def _suggestion_text(suggestion: Mapping[str, Any]) -> str | None:
    """Name, dose and muscles: ``Glute bridge, 10 reps (glutes, hamstrings)``."""
    name = _text(suggestion, "name")
    if name is None:
        return None
    dose = _text(suggestion, "dose")
    text = f"{name}, {dose}" if dose else name
    muscles = suggestion.get("muscles")
    if isinstance(muscles, list) and muscles:
        text += f" ({', '.join(str(muscle).replace('-', ' ') for muscle in muscles)})"
    return text


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


def _clock_time(iso: str | None, now: datetime | None = None) -> str | None:
    """Local ``HH:MM`` today, ``tomorrow HH:MM``, else with the date; raw text if unparsable."""
    if iso is None:
        return None
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    local = moment.astimezone() if moment.tzinfo is not None else moment
    reference = now if now is not None else datetime.now(local.tzinfo)
    if reference.tzinfo is not None and local.tzinfo is not None:
        reference = reference.astimezone(local.tzinfo)
    if local.date() == reference.date():
        return local.strftime("%H:%M")
    if local.date() == reference.date() + timedelta(days=1):
        return local.strftime("tomorrow %H:%M")
    return local.strftime("%Y-%m-%d %H:%M")
