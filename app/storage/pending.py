"""Log writes that may have to wait: the disk is full, the folder read-only, the file locked.

The coordinator keeps such writes in order and retries them (``DeskCoordinator.write_later``);
parts that write what the user did take a :data:`WriteLater` so they never need to know.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

from app.storage.errors import StorageError

log = logging.getLogger(__name__)

WriteLater = Callable[[str, Callable[[], object]], None]
"""``write_later(what, write)``: run ``write`` now, or later if the log refuses it for now."""


@dataclass(slots=True)
class RowId:
    """The id of a row whose insert may still wait in the queue.

    Writes queued after the insert run after it, so they find the id filled in (or
    ``None`` when the insert failed for good, and then they have nothing to change).
    """

    value: int | None = None


def write_now(what: str, write: Callable[[], object]) -> None:
    """A :data:`WriteLater` without a queue: a refused write is reported and lost."""
    try:
        write()
    except (sqlite3.Error, OSError, StorageError) as error:
        log.warning("%s could not be logged: %s", what, error)
