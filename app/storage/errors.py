"""What can go wrong with the sitting log, as exceptions that name the file and the problem."""

from __future__ import annotations

from pathlib import Path


class StorageError(Exception):
    """The sitting log cannot do what was asked; the message says why."""


class CorruptDatabaseError(StorageError):
    """The file is not an SQLite database, or SQLite found it damaged.

    Nothing was written to it. The caller moves it aside (``move_aside``) and starts a new
    log, so the user's old data is kept for recovery rather than overwritten.
    """

    def __init__(self, path: Path, detail: str) -> None:
        super().__init__(f"the sitting log {path} is not a usable database ({detail})")
        self.path = path
        self.detail = detail


class NewerDatabaseError(StorageError):
    """A newer Sitbreak wrote this database; this version must not touch it."""

    def __init__(self, path: Path | None, found: int, known: int) -> None:
        where = str(path) if path is not None else "the database"
        super().__init__(
            f"{where} has schema version {found}, but this Sitbreak knows only up to "
            f"version {known}; it was written by a newer Sitbreak and is left untouched"
        )
        self.path = path
        self.found = found
        self.known = known


class MigrationError(StorageError):
    """A migration failed; its transaction was rolled back, the database is unchanged."""

    def __init__(self, path: Path | None, version: int, detail: str) -> None:
        where = str(path) if path is not None else "the database"
        super().__init__(
            f"migration {version} of {where} failed ({detail}); "
            f"the database is unchanged at version {version - 1}"
        )
        self.path = path
        self.version = version


class UnknownRecordError(StorageError, LookupError):
    """A write named a row that does not exist or is already closed: a caller's bug."""


class BoutAlreadyOpenError(StorageError):
    """Only one bout can be open at a time; the caller must close the open one first."""
