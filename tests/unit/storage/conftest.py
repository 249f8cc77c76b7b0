"""Fixtures for the sitting-log tests: real SQLite files in a temporary folder."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from app.storage.log import SittingLog

BERLIN = ZoneInfo("Europe/Berlin")


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Where the log lives, one folder down so the test sees the folder being created."""
    return tmp_path / "data" / "sitbreak.db"


@pytest.fixture
def log(db_path: Path) -> Iterator[SittingLog]:
    sitting_log = SittingLog.open(db_path)
    yield sitting_log
    sitting_log.close()


@pytest.fixture
def raw(db_path: Path, log: SittingLog) -> Iterator[sqlite3.Connection]:
    """A second, independent connection to the log's file: the test's own SQL."""
    connection = sqlite3.connect(db_path)
    yield connection
    connection.close()
