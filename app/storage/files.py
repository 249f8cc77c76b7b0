"""The database file on disk: created owner-only, and moved aside (never deleted) when broken."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

_SIDECARS = ("-wal", "-shm", "-journal")
"""Files SQLite keeps next to a database; they belong to it and move with it."""


def prepare_database_file(path: Path) -> None:
    """Create the folder (0700) and an empty file (0600) before SQLite would, with the umask.

    SQLite creates its -wal and -shm files with the database file's permissions, so they
    are owner-only too. An existing folder or file is left exactly as it is.
    """
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    try:
        descriptor = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return
    os.close(descriptor)


def move_aside(path: Path, now: datetime) -> Path:
    """Rename a broken database and its -wal/-shm/-journal to ``<name>.corrupt-YYYYmmdd-HHMMSS``.

    Returns the new path of the database file. Nothing is deleted or overwritten: when the
    name is taken, a counter is appended. The side files move first, so a new database
    created at ``path`` can never pick up the old write-ahead log.
    """
    target = _free_name(path, now.strftime("%Y%m%d-%H%M%S"))
    for suffix in _SIDECARS:
        sidecar = Path(f"{path}{suffix}")
        if sidecar.exists():
            sidecar.rename(Path(f"{target}{suffix}"))
    path.rename(target)
    return target


def _free_name(path: Path, stamp: str) -> Path:
    base = path.with_name(f"{path.name}.corrupt-{stamp}")
    candidate = base
    counter = 1
    while any(Path(f"{candidate}{suffix}").exists() for suffix in ("", *_SIDECARS)):
        counter += 1
        candidate = base.with_name(f"{base.name}-{counter}")
    return candidate
