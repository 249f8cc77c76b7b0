"""Where Sitbreak keeps its files, decided once and passed to everything that needs a path.

Two layouts: the per-user folders of the platform (platformdirs), or everything under one
``--basedir`` for tests and portable use. The control socket lives in the per-user runtime
folder instead, because a Unix socket path must be short (see ``MAX_SOCKET_PATH_BYTES``) and
pytest's temporary folders, or a deep basedir, would overflow it. On Windows the control
channel is a named pipe instead, which lives in no folder at all.
"""

from __future__ import annotations

import hashlib
import ntpath
import os
import shutil
import stat
import sys
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

APP_DIR_NAME = "sitbreak"

MAX_SOCKET_PATH_BYTES = 103
"""Longest socket path we create. ``sockaddr_un.sun_path`` holds 108 bytes on Linux and 104
on macOS and the BSDs, including the terminating NUL; 103 fits everywhere."""

_SOCKET_NAME_BYTES = len(f"{APP_DIR_NAME}-{'0' * 12}.sock")

PIPE_PREFIX = "\\\\.\\pipe\\"
"""``\\\\.\\pipe\\``: the folder of the local named pipes on Windows."""


class PathsError(Exception):
    """A folder Sitbreak needs cannot be used; the message names it and says why."""


@dataclass(frozen=True, slots=True)
class AppPaths:
    """The folders of one Sitbreak instance; the files inside are derived from them."""

    config_dir: Path
    data_dir: Path
    log_dir: Path
    runtime_dir: Path

    @classmethod
    def default(cls, environ: Mapping[str, str] | None = None) -> AppPaths:
        """The platform's per-user folders.

        platformdirs reads the process environment itself (``XDG_CONFIG_HOME`` and friends);
        ``environ`` decides only the runtime folder (``XDG_RUNTIME_DIR``).
        Imported here: with ``--basedir`` it is never needed.
        """
        import platformdirs

        dirs = platformdirs.PlatformDirs(APP_DIR_NAME, appauthor=False)
        return cls(
            config_dir=Path(dirs.user_config_dir),
            data_dir=Path(dirs.user_data_dir),
            log_dir=Path(dirs.user_log_dir),
            runtime_dir=runtime_dir_from(os.environ if environ is None else environ),
        )

    @classmethod
    def under(cls, basedir: Path, environ: Mapping[str, str] | None = None) -> AppPaths:
        """Everything under ``basedir`` (``config/``, ``data/``, ``log/``), socket excepted."""
        base = Path(os.path.abspath(basedir.expanduser()))
        return cls(
            config_dir=base / "config",
            data_dir=base / "data",
            log_dir=base / "log",
            runtime_dir=runtime_dir_from(os.environ if environ is None else environ),
        )

    @property
    def settings_file(self) -> Path:
        return self.config_dir / "settings.toml"

    @property
    def state_file(self) -> Path:
        return self.config_dir / "state.toml"

    @property
    def exercises_dir(self) -> Path:
        """The user's own exercises, in the same format as the bundled ones."""
        return self.config_dir / "exercises"

    @property
    def routines_dir(self) -> Path:
        """The user's own routines (``docs/routine-format.md``)."""
        return self.config_dir / "routines"

    @property
    def database(self) -> Path:
        return self.data_dir / "sitbreak.db"

    @property
    def lock_file(self) -> Path:
        """Held by the running instance: the lock, not the socket, decides who runs.

        It sits beside the socket in the runtime folder, named like it (one per config
        folder), so a data folder that is read-only does not stop Sitbreak from running.
        """
        return self.runtime_dir / f"{self.socket_name_for(sys.platform)}.lock"

    @property
    def log_file(self) -> Path:
        return self.log_dir / "sitbreak.log"

    @property
    def socket_path(self) -> Path:
        """The control socket of this system: ``socket_path_for(sys.platform)``."""
        return self.socket_path_for(sys.platform)

    def socket_name_for(self, platform: str) -> str:
        """``sitbreak-<12 hex>``: one name per config folder, so each basedir has its own instance.

        It hashes the resolved config folder, which keeps it short whatever the basedir.
        Windows paths ignore case, so there the folder is hashed case-folded: two spellings
        of one folder must meet at one pipe.
        """
        folder = str(self.config_dir.resolve())
        if platform == "win32":
            folder = ntpath.normcase(folder)
        digest = hashlib.sha256(os.fsencode(folder)).hexdigest()[:12]
        return f"{APP_DIR_NAME}-{digest}"

    def socket_path_for(self, platform: str) -> Path:
        """Where the control channel of ``platform`` lives.

        On Windows a named pipe, ``\\\\.\\pipe\\sitbreak-<hash>``: no file, gone with its
        process, and taken as is by ``QLocalServer``. Elsewhere a Unix socket in the runtime
        folder; raises ``PathsError`` if that folder is too long for one.
        """
        name = self.socket_name_for(platform)
        if platform == "win32":
            return Path(pipe_path(name))
        path = self.runtime_dir / f"{name}.sock"
        if len(os.fsencode(path)) > MAX_SOCKET_PATH_BYTES:
            raise PathsError(
                f"The control socket path {path} is longer than {MAX_SOCKET_PATH_BYTES} bytes; "
                "set XDG_RUNTIME_DIR (or TMPDIR) to a shorter folder."
            )
        return path

    def ensure(self) -> None:
        """Create every folder owner-only (0700); existing folders are left as they are."""
        for folder in (
            self.config_dir,
            self.data_dir,
            self.log_dir,
            self.exercises_dir,
            self.routines_dir,
        ):
            _make_dir(folder)
        _ensure_runtime_dir(self.runtime_dir)


def pipe_path(name: str) -> str:
    """The full path of the local named pipe ``name`` (``\\\\.\\pipe\\<name>``)."""
    if not name or "\\" in name:
        raise ValueError(f"{name!r} is no pipe name: it must be non-empty, without backslashes.")
    return PIPE_PREFIX + name


def runtime_dir_from(environ: Mapping[str, str]) -> Path:
    """Our own folder in ``XDG_RUNTIME_DIR`` (``$XDG_RUNTIME_DIR/sitbreak``).

    When that is unset, relative or too long for a socket path, a per-user folder in the
    system temp folder instead, e.g. ``/tmp/sitbreak-1000``. Either way ``ensure()`` creates
    it 0700 and refuses one that another user owns.
    """
    xdg = environ.get("XDG_RUNTIME_DIR", "")
    if xdg and os.path.isabs(xdg):
        candidate = Path(xdg) / APP_DIR_NAME
        if _fits_socket(candidate):
            return candidate
    return Path(tempfile.gettempdir()) / f"{APP_DIR_NAME}-{_user_tag(environ)}"


def _fits_socket(folder: Path) -> bool:
    return len(os.fsencode(folder)) + 1 + _SOCKET_NAME_BYTES <= MAX_SOCKET_PATH_BYTES


def _user_tag(environ: Mapping[str, str]) -> str:
    if hasattr(os, "getuid"):
        return str(os.getuid())
    # Windows has no uid, but its temp folder is already per user.
    return environ.get("USERNAME", "user")


def _make_dir(folder: Path) -> None:
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except FileExistsError as exc:
        raise PathsError(f"{folder} exists but is not a folder.") from exc
    except NotADirectoryError as exc:
        raise PathsError(f"Cannot create {folder}: a part of that path is a file.") from exc
    except OSError as exc:
        raise PathsError(f"Cannot create {folder}: {exc.strerror or exc}.") from exc


def _ensure_runtime_dir(folder: Path) -> None:
    """The runtime folder holds the control socket: it must be ours and closed to others.

    The temp-folder fallback sits in a folder every user can write to, so someone else
    could have created it first (or planted a symlink there).
    """
    _make_dir(folder)
    if sys.platform == "win32":
        return
    info = os.lstat(folder)
    if stat.S_ISLNK(info.st_mode) or not stat.S_ISDIR(info.st_mode):
        raise PathsError(f"The runtime folder {folder} is not a plain folder.")
    if info.st_uid != os.getuid():
        raise PathsError(f"The runtime folder {folder} belongs to another user.")
    if stat.S_IMODE(info.st_mode) & 0o077:
        try:
            folder.chmod(0o700)
        except OSError as exc:
            raise PathsError(f"Cannot make {folder} private: {exc.strerror or exc}.") from exc


def erase_user_data(paths: AppPaths) -> None:
    """ "Delete all data": settings, state, the sitting log, the log files, own exercises
    and routines.

    The caller has closed the database and asked the user first. Folders stay (empty),
    a symlinked exercises or routines folder is not followed, and nothing outside ``paths``
    is touched.
    """
    database = paths.database
    doomed = [paths.settings_file, paths.state_file]
    doomed += [database.with_name(database.name + end) for end in ("", "-wal", "-shm")]
    doomed += sorted(paths.log_file.parent.glob(paths.log_file.name + "*"))
    for path in doomed:
        path.unlink(missing_ok=True)
    for own_files in (paths.exercises_dir, paths.routines_dir):
        if own_files.is_dir() and not own_files.is_symlink():
            shutil.rmtree(own_files)
