"""Single instance: which process runs for a set of folders.

A ``QLockFile`` in the data folder decides it. It is atomic, and a lock left by a crashed
process is taken over (Qt checks whether the recorded PID still lives). The control socket
(``app.ipc``) is only how other processes talk to the one that runs; it never decides who
runs, since a socket file can outlive its process.

Kept apart from ``app.ipc`` so that ``sitbreak`` takes the lock with QtCore alone and loads
QtNetwork (for the control socket) only after the tray icon is shown.
"""

from __future__ import annotations

import os
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QLockFile

from app.paths import AppPaths, PathsError


class InstanceLock:
    """Held while this process is the running instance; ``release()`` or leave the ``with``."""

    def __init__(self, lock_file: QLockFile, path: Path) -> None:
        self._lock_file = lock_file
        self._path = path

    @property
    def path(self) -> Path:
        return self._path

    def release(self) -> None:
        if self._lock_file.isLocked():
            self._lock_file.unlock()

    def __enter__(self) -> InstanceLock:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()


def acquire_instance_lock(paths: AppPaths) -> InstanceLock | None:
    """Become the running instance for ``paths``, or None if another process already is.

    The data folder must exist (``paths.ensure()``). A lock never goes stale by age (an
    instance runs for weeks); one whose process has died is taken over. Raises
    ``PathsError`` if the lock file cannot be created at all.
    """
    lock_file = QLockFile(os.fspath(paths.lock_file))
    lock_file.setStaleLockTime(0)
    if lock_file.tryLock(0):
        return InstanceLock(lock_file, paths.lock_file)
    error = lock_file.error()
    if error == QLockFile.LockError.LockFailedError:
        return None
    reason = (
        "permission denied" if error == QLockFile.LockError.PermissionError else "unknown error"
    )
    raise PathsError(f"Cannot create the instance lock {paths.lock_file} ({reason}).")


def lock_holder_pid(paths: AppPaths) -> int | None:
    """The process id recorded in the instance lock, if there is one."""
    pid, _host, _app = QLockFile(os.fspath(paths.lock_file)).getLockInfo()
    return pid if pid > 0 else None
