"""The ``sitbreak`` command line: usage errors, exit codes and the readable status.

Talking to a live instance is covered in tests/ui/test_ipc.py, next to the server.
"""

from __future__ import annotations

import os
import socket
import tempfile
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from pathlib import Path

import pytest

from app import __version__, cli
from app.ipc import acquire_instance_lock
from app.paths import AppPaths


@pytest.fixture
def runtime_dir(monkeypatch) -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="sb-") as name:
        monkeypatch.setenv("XDG_RUNTIME_DIR", name)
        yield Path(name)


@pytest.fixture
def basedir(tmp_path: Path, runtime_dir: Path) -> Path:
    return tmp_path / "base"


# ---------------------------------------------------------------- usage errors


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["frobnicate"], "invalid choice: 'frobnicate'"),
        (["status", "--colour"], "unrecognized arguments: --colour"),
        (["--basedir"], "expected one argument"),
        (["status", "--basedir"], "expected one argument"),
        (["--basedir", "", "status"], "--basedir: needs a folder name"),
        (["quit", "--json"], "unrecognized arguments: --json"),
    ],
)
def test_usage_errors_exit_2_with_a_message(argv, message, capsys, runtime_dir):
    assert cli.main(argv) == cli.EXIT_USAGE

    captured = capsys.readouterr()
    assert message in captured.err
    assert "usage: sitbreak" in captured.err
    assert "Traceback" not in captured.err
    assert captured.out == ""


@pytest.mark.parametrize("command", ["run", "status", "quit"])
def test_a_basedir_that_is_a_file_is_refused(command, tmp_path, capsys, runtime_dir):
    notes = tmp_path / "notes.txt"
    notes.write_text("mine")

    assert cli.main(["--basedir", str(notes), command]) == cli.EXIT_USAGE

    assert f"{notes} is not a folder" in capsys.readouterr().err
    assert notes.read_text() == "mine"


def test_run_refuses_a_basedir_below_a_file(tmp_path, capsys, runtime_dir):
    notes = tmp_path / "notes.txt"
    notes.write_text("mine")

    assert cli.main(["--basedir", str(notes / "sub"), "run"]) == cli.EXIT_USAGE

    err = capsys.readouterr().err
    assert err.startswith("sitbreak: Cannot create")
    assert "a part of that path is a file" in err
    assert notes.read_text() == "mine"


@pytest.mark.parametrize(
    "argv",
    [
        ["--basedir", "/srv/sb", "-v", "run"],
        ["run", "--basedir", "/srv/sb", "-v"],
        ["--basedir", "/srv/sb", "run", "-v"],
        ["-v", "run", "--basedir", "/srv/sb"],
    ],
)
def test_global_options_work_before_and_after_the_command(argv):
    options = cli.build_parser().parse_args(argv)

    assert options.basedir == Path("/srv/sb")
    assert options.verbose is True


def test_without_options_nothing_is_set():
    options = cli.build_parser().parse_args([])

    assert options.command is None  # main() runs the app
    assert options.basedir is None
    assert options.verbose is False


def test_version_and_help_exit_0(capsys):
    assert cli.main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"sitbreak {__version__}"

    assert cli.main(["--help"]) == 0
    out = capsys.readouterr().out
    for command in ("run", "status", "quit", "--basedir"):
        assert command in out


# ---------------------------------------------------------------- not running


@pytest.mark.parametrize("argv", [["status"], ["status", "--json"], ["quit"]])
def test_not_running_exits_3(argv, basedir, capsys):
    assert cli.main(["--basedir", str(basedir), *argv]) == cli.EXIT_NOT_RUNNING

    captured = capsys.readouterr()
    assert captured.err == "Sitbreak is not running.\n"
    assert captured.out == ""


def test_a_socket_left_by_a_crash_still_means_not_running(basedir, capsys):
    paths = AppPaths.under(basedir)
    paths.ensure()
    with socket.socket(socket.AF_UNIX) as abandoned:
        abandoned.bind(os.fspath(paths.socket_path))

    assert cli.main(["--basedir", str(basedir), "status"]) == cli.EXIT_NOT_RUNNING
    assert capsys.readouterr().err == "Sitbreak is not running.\n"


def test_status_does_not_create_the_basedir(basedir):
    cli.main(["--basedir", str(basedir), "status"])

    assert not basedir.exists()


def test_an_instance_that_hangs_up_without_a_reply_exits_4(basedir, capsys):
    paths = AppPaths.under(basedir)
    paths.ensure()
    with socket.socket(socket.AF_UNIX) as fake, ThreadPoolExecutor(max_workers=1) as pool:
        fake.bind(os.fspath(paths.socket_path))
        fake.listen()

        def read_and_hang_up() -> None:
            conn, _ = fake.accept()
            with conn:
                conn.recv(65536)

        hung_up = pool.submit(read_and_hang_up)
        code = cli.main(["--basedir", str(basedir), "status"])
        hung_up.result(timeout=5)

    assert code == cli.EXIT_IPC_ERROR
    assert capsys.readouterr().err == "sitbreak: Sitbreak closed the connection without a reply.\n"


# ---------------------------------------------------------------- run


@pytest.mark.parametrize("argv", [[], ["run"]], ids=["default-command", "run"])
def test_run_while_another_instance_runs_says_so_and_exits_0(argv, basedir, capsys):
    paths = AppPaths.under(basedir)
    paths.ensure()
    lock = acquire_instance_lock(paths)
    assert lock is not None
    with lock:
        code = cli.main(["--basedir", str(basedir), *argv])

    assert code == 0
    assert capsys.readouterr().err == (
        f"Sitbreak is already running (basedir {basedir}, pid {os.getpid()}).\n"
    )


# ---------------------------------------------------------------- the readable status

FULL_STATUS = {
    "state": "sitting",
    "summary": "Sitting 2 min · stand-up in ~43 min",
    "desk_seconds": 123.4,
    "seconds_to_window": 2576.6,
    "window_start_seconds": 2700,
    "window_end_seconds": 3600,
    "bout_start": datetime.now().astimezone().replace(hour=9, minute=12).isoformat(),
    "paused_until": None,
    "paused_indefinitely": False,
    "estimated": False,
    "today": {"desk_seconds": 5400.0, "bouts": 3, "longest_bout_seconds": 2400.0},
    "backends": {"idle": "x11-screensaver", "session": ["logind"], "tray": "xembed"},
    "degraded": [],
    "version": "0.1.0",
    "pid": 1234,
}


def test_status_text_says_what_the_instance_sees():
    text = cli.format_status(FULL_STATUS)

    assert text.splitlines() == [
        "Sitbreak 0.1.0 is running (pid 1234).",
        "Sitting 2 min · stand-up in ~43 min",
        "State:           sitting",
        "This bout:       2 min at the desk since 09:12",
        "Stand-up window: in 43 min (from 45 min to 1 h 00 min of desk time)",
        "Today:           1 h 30 min sitting, 3 bouts, longest 40 min",
        "Backends:        idle x11-screensaver, session logind, tray xembed",
    ]


def test_status_text_shows_pause_estimate_and_every_degraded_note():
    status = dict(
        FULL_STATUS,
        state="paused",
        seconds_to_window=0,
        paused_indefinitely=True,
        estimated=True,
        degraded=["No idle source: desk time is estimated.", "No session bus."],
    )

    lines = cli.format_status(status).splitlines()

    assert "Stand-up window: open now (from 45 min to 1 h 00 min of desk time)" in lines
    assert "Paused:          until resumed" in lines
    assert "Estimated:       yes: no idle source works, so desk time is a guess" in lines
    assert lines[-2:] == [
        "Degraded:        No idle source: desk time is estimated.",
        "                 No session bus.",
    ]


def test_status_text_survives_missing_and_odd_values():
    assert cli.format_status({}) == "Sitbreak is running."

    odd = {"desk_seconds": "soon", "today": [], "degraded": "oops", "pid": True, "state": 3}
    assert cli.format_status(odd) == "Sitbreak is running."
