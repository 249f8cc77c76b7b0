"""The control channel's name on Windows: a named pipe per config folder, built on Linux.

Only the naming runs here; the pipe client needs Windows' ``_winapi``.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path, PureWindowsPath

import pytest

from app.ipc import IpcError, send_request
from app.paths import AppPaths, pipe_path

PIPE = re.compile(r"\\\\\.\\pipe\\sitbreak-[0-9a-f]{12}")


def windows_pipe(paths: AppPaths) -> str:
    return os.fspath(paths.socket_path_for("win32"))


def test_pipe_path_puts_the_name_in_the_pipe_namespace():
    assert pipe_path("sitbreak-0123456789ab") == "\\\\.\\pipe\\sitbreak-0123456789ab"


@pytest.mark.parametrize("name", ["", "sitbreak\\evil", "\\"])
def test_pipe_path_refuses_what_is_no_pipe_name(name):
    with pytest.raises(ValueError, match="no pipe name"):
        pipe_path(name)


def test_the_windows_channel_is_a_named_pipe_with_a_short_name(tmp_path):
    paths = AppPaths.under(tmp_path / "portable", {})

    pipe = windows_pipe(paths)

    assert PIPE.fullmatch(pipe), pipe
    as_windows_path = PureWindowsPath(pipe)
    assert as_windows_path.is_absolute()
    assert as_windows_path.name == paths.socket_name_for("win32")


def test_each_config_folder_has_its_own_pipe(tmp_path):
    one = windows_pipe(AppPaths.under(tmp_path / "one", {}))
    two = windows_pipe(AppPaths.under(tmp_path / "two", {}))

    assert one != two
    assert one == windows_pipe(AppPaths.under(tmp_path / "one", {}))


def test_two_spellings_of_one_windows_folder_meet_at_one_pipe(tmp_path):
    lower = AppPaths.under(tmp_path / "sitbreak-data", {})
    upper = AppPaths.under(tmp_path / "SITBREAK-DATA", {})

    assert windows_pipe(lower) == windows_pipe(upper)
    assert lower.socket_path_for("linux") != upper.socket_path_for("linux")


def test_the_pipe_does_not_depend_on_the_runtime_folder(tmp_path):
    """A pipe lives in no folder: a runtime folder too long for a Unix socket is no error."""
    too_long = "/run/" + "x" * 200
    short = AppPaths.under(tmp_path / "b", {"XDG_RUNTIME_DIR": "/run/user/1000"})
    long_runtime = AppPaths.under(tmp_path / "b", {"XDG_RUNTIME_DIR": too_long})

    assert windows_pipe(short) == windows_pipe(long_runtime)


@pytest.mark.skipif(sys.platform == "win32", reason="the Unix socket layout")
def test_the_unix_socket_keeps_its_place_and_form(tmp_path):
    paths = AppPaths.under(tmp_path / "b", {"XDG_RUNTIME_DIR": "/run/user/1000"})

    socket = paths.socket_path_for("linux")

    assert socket == Path("/run/user/1000/sitbreak") / f"{paths.socket_name_for('linux')}.sock"
    assert paths.socket_path == socket


def test_the_client_takes_the_pipe_transport_when_told_windows(tmp_path):
    pipe = Path(windows_pipe(AppPaths.under(tmp_path, {})))

    with pytest.raises(IpcError, match="named pipes exist only on Windows"):
        send_request(pipe, "status", platform="win32")
