"""Where Sitbreak puts the user's files, and the control socket's short, private path."""

from __future__ import annotations

import os
import socket
import stat
import sys
import tempfile
from pathlib import Path

import pytest

from app.paths import MAX_SOCKET_PATH_BYTES, AppPaths, PathsError, runtime_dir_from


@pytest.fixture
def short_dir():
    """A folder with a short path: pytest's own tmp paths are too long for socket tests."""
    with tempfile.TemporaryDirectory(prefix="sb-") as name:
        yield Path(name)


def test_basedir_puts_every_file_under_it(tmp_path, short_dir):
    paths = AppPaths.under(tmp_path / "portable", {"XDG_RUNTIME_DIR": str(short_dir)})

    base = tmp_path / "portable"
    assert paths.settings_file == base / "config" / "settings.toml"
    assert paths.state_file == base / "config" / "state.toml"
    assert paths.exercises_dir == base / "config" / "exercises"
    assert paths.database == base / "data" / "sitbreak.db"
    # Beside the socket, so a read-only data folder does not stop the app.
    assert paths.lock_file == paths.socket_path.with_suffix(".lock")
    assert paths.log_file == base / "log" / "sitbreak.log"
    assert paths.socket_path.parent == short_dir / "sitbreak"


def test_relative_basedir_is_made_absolute(tmp_path, monkeypatch, short_dir):
    monkeypatch.chdir(tmp_path)
    paths = AppPaths.under(Path("rel"), {"XDG_RUNTIME_DIR": str(short_dir)})
    assert paths.config_dir == tmp_path / "rel" / "config"


@pytest.mark.skipif(sys.platform != "linux", reason="XDG folders are the Linux layout")
def test_default_uses_the_xdg_folders(tmp_path, monkeypatch, short_dir):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))

    paths = AppPaths.default({"XDG_RUNTIME_DIR": str(short_dir)})

    assert paths.settings_file == tmp_path / "cfg" / "sitbreak" / "settings.toml"
    assert paths.database == tmp_path / "share" / "sitbreak" / "sitbreak.db"
    assert paths.log_file == tmp_path / "state" / "sitbreak" / "log" / "sitbreak.log"
    assert paths.runtime_dir == short_dir / "sitbreak"


@pytest.mark.parametrize("runtime", ["", "relative/run"])
def test_runtime_dir_falls_back_to_a_per_user_temp_folder(runtime, monkeypatch, short_dir):
    monkeypatch.setattr(tempfile, "tempdir", str(short_dir))
    environ = {"XDG_RUNTIME_DIR": runtime} if runtime else {}

    assert runtime_dir_from(environ) == short_dir / f"sitbreak-{os.getuid()}"


def test_runtime_dir_too_long_for_a_socket_falls_back(monkeypatch, short_dir):
    monkeypatch.setattr(tempfile, "tempdir", str(short_dir))
    very_long = "/run/" + "x" * 120

    assert runtime_dir_from({"XDG_RUNTIME_DIR": very_long}) == short_dir / f"sitbreak-{os.getuid()}"


def test_socket_path_stays_short_for_a_very_long_basedir(tmp_path, short_dir):
    deep = tmp_path.joinpath(*(["a-rather-long-folder-name"] * 12))
    assert len(os.fsencode(deep)) > 300
    paths = AppPaths.under(deep, {"XDG_RUNTIME_DIR": str(short_dir)})

    path = paths.socket_path

    assert len(os.fsencode(path)) <= MAX_SOCKET_PATH_BYTES
    assert path.name.startswith("sitbreak-")
    assert path.suffix == ".sock"
    paths.ensure()
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(os.fspath(path))  # the kernel accepts it: the real limit, not ours


def test_each_basedir_has_its_own_socket_and_the_same_folder_the_same(tmp_path, short_dir):
    environ = {"XDG_RUNTIME_DIR": str(short_dir)}
    (tmp_path / "one").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "one")

    one = AppPaths.under(tmp_path / "one", environ).socket_path
    two = AppPaths.under(tmp_path / "two", environ).socket_path
    via_link = AppPaths.under(tmp_path / "link", environ).socket_path

    assert one != two
    assert one == via_link


def test_socket_path_refuses_a_runtime_folder_that_is_too_long(tmp_path):
    paths = AppPaths(tmp_path / "c", tmp_path / "d", tmp_path / "l", Path("/" + "r" * 90))

    with pytest.raises(PathsError, match=f"longer than {MAX_SOCKET_PATH_BYTES} bytes"):
        _ = paths.socket_path


def test_ensure_creates_owner_only_folders(tmp_path, short_dir):
    paths = AppPaths.under(tmp_path / "base", {"XDG_RUNTIME_DIR": str(short_dir)})

    paths.ensure()

    for folder in (
        paths.config_dir,
        paths.exercises_dir,
        paths.routines_dir,
        paths.data_dir,
        paths.log_dir,
    ):
        assert folder.is_dir()
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(paths.runtime_dir.stat().st_mode) == 0o700


def test_ensure_is_harmless_when_everything_exists(tmp_path, short_dir):
    paths = AppPaths.under(tmp_path, {"XDG_RUNTIME_DIR": str(short_dir)})
    paths.ensure()
    paths.settings_file.write_text("schema = 1\n")

    paths.ensure()

    assert paths.settings_file.read_text() == "schema = 1\n"


def test_ensure_names_a_basedir_that_is_a_file(tmp_path, short_dir):
    not_a_folder = tmp_path / "notes.txt"
    not_a_folder.write_text("mine")
    paths = AppPaths.under(not_a_folder, {"XDG_RUNTIME_DIR": str(short_dir)})

    with pytest.raises(PathsError, match=r"notes\.txt"):
        paths.ensure()
    assert not_a_folder.read_text() == "mine"


def test_ensure_makes_a_shared_runtime_folder_private(tmp_path, short_dir):
    runtime = short_dir / "sitbreak"
    runtime.mkdir(mode=0o777)
    runtime.chmod(0o777)
    paths = AppPaths.under(tmp_path, {"XDG_RUNTIME_DIR": str(short_dir)})

    paths.ensure()

    assert stat.S_IMODE(runtime.stat().st_mode) == 0o700


def test_ensure_refuses_a_runtime_folder_that_is_a_symlink(tmp_path, short_dir):
    (short_dir / "elsewhere").mkdir()
    (short_dir / "sitbreak").symlink_to(short_dir / "elsewhere")
    paths = AppPaths.under(tmp_path, {"XDG_RUNTIME_DIR": str(short_dir)})

    with pytest.raises(PathsError, match="not a plain folder"):
        paths.ensure()


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root to chown")
def test_ensure_refuses_a_runtime_folder_of_another_user(tmp_path, short_dir):
    runtime = short_dir / "sitbreak"
    runtime.mkdir(mode=0o700)
    os.chown(runtime, 65534, 65534)
    paths = AppPaths.under(tmp_path, {"XDG_RUNTIME_DIR": str(short_dir)})

    with pytest.raises(PathsError, match="belongs to another user"):
        paths.ensure()


def test_erasing_user_data_removes_every_file_the_user_has_and_nothing_else(tmp_path):
    from app.paths import erase_user_data

    paths = AppPaths.under(tmp_path / "base", {"XDG_RUNTIME_DIR": str(tmp_path / "run")})
    paths.ensure()
    mine = [
        paths.settings_file,
        paths.state_file,
        paths.database,
        paths.database.with_name("sitbreak.db-wal"),
        paths.log_file,
        paths.log_file.with_name("sitbreak.log.1"),
        paths.exercises_dir / "my-stretch.toml",
        paths.routines_dir / "my-routine.toml",
    ]
    for path in mine:
        path.write_text("x")
    neighbour = tmp_path / "base" / "notes.txt"
    neighbour.write_text("not Sitbreak's")

    erase_user_data(paths)

    assert [path for path in mine if path.exists()] == []
    assert neighbour.read_text() == "not Sitbreak's"
    assert paths.data_dir.is_dir()  # folders stay, empty
