"""Opening the log file: owner-only files, WAL, and broken files kept rather than lost."""

from __future__ import annotations

import sqlite3
import stat
from contextlib import closing
from datetime import datetime
from pathlib import Path

import pytest

from app.storage.errors import CorruptDatabaseError, StorageError
from app.storage.files import move_aside
from app.storage.log import SittingLog
from app.storage.records import SessionEndReason
from tests.unit.storage.conftest import BERLIN

NOON = datetime(2024, 6, 3, 12, 0, tzinfo=BERLIN)
PAGE_SIZE = 4096  # SQLite's default


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _files_of(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def test_a_new_log_is_private_to_its_owner(db_path):
    with SittingLog.open(db_path) as log:
        log.start_session(NOON, "x11-screensaver", "0.1.0")  # writes, so the -wal exists
        wal = Path(f"{db_path}-wal")

        assert _mode(db_path.parent) == 0o700
        assert _mode(db_path) == 0o600
        assert _mode(wal) == 0o600


def test_an_existing_folder_keeps_its_permissions(tmp_path):
    tmp_path.chmod(0o755)
    with SittingLog.open(tmp_path / "sitbreak.db"):
        pass

    assert _mode(tmp_path) == 0o755


def test_the_log_is_in_wal_mode_with_foreign_keys_on(db_path):
    with (
        SittingLog.open(db_path) as log,
        pytest.raises(StorageError, match="no app session with id 5"),
    ):
        log.open_bout(5, NOON, estimated=False, last_activity=NOON)

    with closing(sqlite3.connect(db_path)) as raw:
        assert raw.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_a_file_that_is_not_a_database_is_refused_by_name_and_left_as_it_was(db_path):
    db_path.parent.mkdir()
    db_path.write_bytes(b"my shopping list: oats, apples\n" * 200)
    before = _files_of(db_path.parent)

    with pytest.raises(CorruptDatabaseError, match=f"{db_path} is not a usable database") as info:
        SittingLog.open(db_path)

    assert info.value.path == db_path
    assert _files_of(db_path.parent) == before


def _overwrite_two_pages(content: bytearray) -> None:
    content[2 * PAGE_SIZE : 4 * PAGE_SIZE] = b"\xa5" * (2 * PAGE_SIZE)


def _misstate_the_free_page_count(content: bytearray) -> None:
    content[36:40] = (3).to_bytes(4, "big")  # the header claims 3 free pages; there are none


@pytest.mark.parametrize("damage", [_overwrite_two_pages, _misstate_the_free_page_count])
def test_a_damaged_database_is_refused_and_left_as_it_was(db_path, damage):
    with SittingLog.open(db_path) as log:
        session = log.start_session(NOON, "x11-screensaver", "0.1.0")
        for minute in range(300):
            log.add_prompt(None, NOON, float(minute))
        log.end_session(session, NOON, SessionEndReason.QUIT)
    content = bytearray(db_path.read_bytes())
    assert len(content) > 4 * PAGE_SIZE
    damage(content)
    db_path.write_bytes(bytes(content))

    with pytest.raises(CorruptDatabaseError, match="is not a usable database"):
        SittingLog.open(db_path)

    assert db_path.read_bytes() == bytes(content)


def test_move_aside_keeps_every_byte_and_makes_room_for_a_new_log(db_path):
    db_path.parent.mkdir()
    db_path.write_bytes(b"\x00not sqlite\xff" * 100)
    Path(f"{db_path}-wal").write_bytes(b"old write-ahead log")
    Path(f"{db_path}-shm").write_bytes(b"old shared memory")
    before = _files_of(db_path.parent)

    moved = move_aside(db_path, NOON)

    assert moved == db_path.with_name("sitbreak.db.corrupt-20240603-120000")
    after = _files_of(db_path.parent)
    assert after == {
        "sitbreak.db.corrupt-20240603-120000": before["sitbreak.db"],
        "sitbreak.db.corrupt-20240603-120000-wal": before["sitbreak.db-wal"],
        "sitbreak.db.corrupt-20240603-120000-shm": before["sitbreak.db-shm"],
    }
    with SittingLog.open(db_path) as log:
        assert log.find_open_bout() is None


def test_move_aside_never_overwrites_an_earlier_copy(db_path):
    db_path.parent.mkdir()
    db_path.write_bytes(b"first broken file")
    first = move_aside(db_path, NOON)
    db_path.write_bytes(b"second broken file, same second")

    second = move_aside(db_path, NOON)

    assert second != first
    assert first.read_bytes() == b"first broken file"
    assert second.read_bytes() == b"second broken file, same second"
    assert not db_path.exists()


def test_a_folder_where_the_file_should_be_gives_a_clear_error(db_path):
    db_path.mkdir(parents=True)

    with pytest.raises(StorageError, match=str(db_path)):
        SittingLog.open(db_path)
