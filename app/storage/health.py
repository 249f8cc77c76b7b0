"""Which failed writes are the machine's trouble (retry later) and what to tell the user.

A full disk, a read-only folder or another program holding the database locked are
passing conditions: the reminders go on, the write is kept and tried again. Anything else
(a wrong id, a bad value) is a bug that retrying would only repeat.
"""

from __future__ import annotations

import errno
import sqlite3
from typing import Final

from app.core.i18n import QT_TRANSLATE_NOOP, Translate, untranslated
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


_CONTEXT: Final = "StorageTrouble"
_NOTICE: Final = QT_TRANSLATE_NOOP(
    "StorageTrouble",
    "Sitbreak cannot write its sitting log: {cause}. Reminders go on; what happens "
    "meanwhile is kept and written once the log can be written again.",
)
_DISK_FULL: Final = QT_TRANSLATE_NOOP("StorageTrouble", "the disk is full")
_READ_ONLY: Final = QT_TRANSLATE_NOOP("StorageTrouble", "its folder is read-only")
_LOCKED: Final = QT_TRANSLATE_NOOP("StorageTrouble", "another program holds the database locked")
_CANNOT_OPEN: Final = QT_TRANSLATE_NOOP("StorageTrouble", "its file cannot be opened for writing")
_REPORTED: Final = QT_TRANSLATE_NOOP("StorageTrouble", "the database reported “{problem}”")


def describe_storage_trouble(error: BaseException, translate: Translate = untranslated) -> str:
    """One sentence for the user: what is wrong with the sitting log and what happens now.

    ``translate`` is ``QCoreApplication.translate`` in the app (English without it).
    """
    return translate(_CONTEXT, _NOTICE).format(cause=_cause(error, translate))


def _cause(error: BaseException, translate: Translate) -> str:
    if type(error) is StorageError and error.__cause__ is not None:
        error = error.__cause__
    if isinstance(error, sqlite3.Error):
        name = error.sqlite_errorname or ""
        if name in _FULL:
            return translate(_CONTEXT, _DISK_FULL)
        if name.startswith("SQLITE_READONLY"):
            return translate(_CONTEXT, _READ_ONLY)
        if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
            return translate(_CONTEXT, _LOCKED)
        if name.startswith("SQLITE_CANTOPEN") or name == "SQLITE_PERM":
            return translate(_CONTEXT, _CANNOT_OPEN)
        return translate(_CONTEXT, _REPORTED).format(problem=error)
    if isinstance(error, OSError):
        if error.errno in _FULL_CODES:
            return translate(_CONTEXT, _DISK_FULL)
        if error.errno in _READ_ONLY_CODES:
            return translate(_CONTEXT, _READ_ONLY)
        return error.strerror or str(error)
    return str(error)
