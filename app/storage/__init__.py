"""The sitting log: SQLite (stdlib ``sqlite3``) with numbered migrations. No Qt here."""

from app.storage.errors import (
    BoutAlreadyOpenError,
    CorruptDatabaseError,
    MigrationError,
    NewerDatabaseError,
    StorageError,
    UnknownRecordError,
)
from app.storage.files import move_aside
from app.storage.log import SittingLog
from app.storage.migrations import MIGRATIONS, SCHEMA_VERSION, migrate
from app.storage.records import DaySummary, ExerciseResponse, OpenBout, SessionEndReason

__all__ = [
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "BoutAlreadyOpenError",
    "CorruptDatabaseError",
    "DaySummary",
    "ExerciseResponse",
    "MigrationError",
    "NewerDatabaseError",
    "OpenBout",
    "SessionEndReason",
    "SittingLog",
    "StorageError",
    "UnknownRecordError",
    "migrate",
    "move_aside",
]
