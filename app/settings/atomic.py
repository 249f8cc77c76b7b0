"""Crash-safe file writes: a reader sees the old file or the new one, never half of either.

Every file Sitbreak writes (settings, state) goes through here, so a crash, a full disk or a
power cut in the middle of a save cannot cost the user what they had.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700


def atomic_write_text(path: Path, text: str, mode: int = PRIVATE_FILE) -> None:
    """Replace ``path`` with ``text`` (UTF-8) atomically, with owner-only permissions.

    Writes a temporary file in the same folder, flushes and fsyncs it, renames it over
    ``path`` and fsyncs the folder so the rename itself survives a power cut. Missing parent
    folders are created with mode 0700. On any error the old file is left as it was.
    """
    data = text.encode("utf-8")
    make_private_dirs(path.parent)
    fd, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as temp:
            os.chmod(temp_name, mode)
            temp.write(data)
            temp.flush()
            os.fsync(temp.fileno())
        os.replace(temp_name, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp_name)
        raise
    _fsync_dir(path.parent)


def make_private_dirs(folder: Path) -> None:
    """Create ``folder`` and any missing parents with mode 0700; existing ones are left alone."""
    missing: list[Path] = []
    while not folder.exists():
        missing.append(folder)
        folder = folder.parent
    for new in reversed(missing):
        with contextlib.suppress(FileExistsError):  # made meanwhile by another writer
            new.mkdir(mode=PRIVATE_DIR)


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":  # Windows cannot open a folder; NTFS journals the rename itself
        return
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
