"""Which failed writes are the machine's trouble (retry later) and what to tell the user.

A full disk, a read-only folder or another program holding the database locked are
passing conditions: the reminders go on, the write is kept and tried again. Anything else
(a wrong id, a bad value) is a bug that retrying would only repeat.
"""

from __future__ import annotations

import errno
import sqlite3
from typing import Final

from app.storage.errors import StorageError

_FULL: Final = frozenset({"SQLITE_FULL", "SQLITE_IOERR_WRITE", "SQLITE_IOERR_FSYNC"})
_READ_ONLY_CODES: Final = frozenset({errno.EROFS, errno.EACCES, errno.EPERM})
_FULL_CODES: Final = frozenset({errno.ENOSPC, errno.EDQUOT})


def is_storage_trouble(error: BaseException) -> bool:
    """True when the write may well work later: the disk, the folder or a lock, not a bug."""
    if type(error) is StorageError:  # the log could not be opened (yet): look at why
        return error.__cause__ is not None and is_storage_trouble(error.__cause__)
    if isinstance(error, sqlite3.OperationalError):
        return True
    return isinstance(error, OSError)


def describe_storage_trouble(error: BaseException) -> str:
    """One sentence for the user: what is wrong with the sitting log and what happens now."""
    return (
        f"Sitbreak cannot write its sitting log: {_cause(error)}. Reminders go on; "
        "what happens meanwhile is kept and written once the log can be written again."
    )


def _cause(error: BaseException) -> str:
    if type(error) is StorageError and error.__cause__ is not None:
        error = error.__cause__
    if isinstance(error, sqlite3.Error):
        name = error.sqlite_errorname or ""
        if name in _FULL:
            return "the disk is full"
        if name.startswith("SQLITE_READONLY"):
            return "its folder is read-only"
        if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
            return "another program holds the database locked"
        if name.startswith("SQLITE_CANTOPEN") or name == "SQLITE_PERM":
            return "its file cannot be opened for writing"
        return f"the database reported “{error}”"
    if isinstance(error, OSError):
        if error.errno in _FULL_CODES:
            return "the disk is full"
        if error.errno in _READ_ONLY_CODES:
            return "its folder is read-only"
        return error.strerror or str(error)
    return str(error)
