"""Atomic, private file writes: the old file survives any failed write."""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from app.settings.atomic import atomic_write_text
from tests.helpers.faults import give_to_plain_user, plain_user_folder, run_as_plain_user

REPO = Path(__file__).resolve().parents[3]


def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_writes_the_text_with_owner_only_permissions(tmp_path: Path) -> None:
    target = tmp_path / "settings.toml"
    atomic_write_text(target, "schema = 1\nnäme = 'ü'\n")
    assert target.read_text(encoding="utf-8") == "schema = 1\nnäme = 'ü'\n"
    assert mode_of(target) == 0o600


def test_replacing_a_world_readable_file_makes_it_private(tmp_path: Path) -> None:
    target = tmp_path / "state.toml"
    target.write_text("old")
    target.chmod(0o644)
    atomic_write_text(target, "new")
    assert target.read_text() == "new"
    assert mode_of(target) == 0o600


def test_creates_missing_folders_private_and_leaves_existing_ones_alone(tmp_path: Path) -> None:
    tmp_path.chmod(0o755)
    target = tmp_path / "config" / "sitbreak" / "settings.toml"
    atomic_write_text(target, "x")
    assert mode_of(tmp_path / "config") == 0o700
    assert mode_of(tmp_path / "config" / "sitbreak") == 0o700
    assert mode_of(tmp_path) == 0o755


def test_leaves_no_temporary_file_behind(tmp_path: Path) -> None:
    target = tmp_path / "settings.toml"
    atomic_write_text(target, "one")
    atomic_write_text(target, "two")
    assert sorted(os.listdir(tmp_path)) == ["settings.toml"]


def test_text_that_cannot_be_encoded_leaves_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "settings.toml"
    target.write_text("old = 1\n")
    with pytest.raises(UnicodeEncodeError):
        atomic_write_text(target, "new = '\udc80'\n")  # a lone surrogate is not UTF-8
    assert target.read_text() == "old = 1\n"
    assert os.listdir(tmp_path) == ["settings.toml"]


def test_a_write_failing_midway_leaves_the_old_file(tmp_path: Path) -> None:
    """A real failure after part of the data is on disk: the file-size limit (EFBIG)."""
    target = tmp_path / "settings.toml"
    target.write_text("old = 1\n")
    script = textwrap.dedent(
        """
        import resource, signal, sys
        from pathlib import Path
        from app.settings.atomic import atomic_write_text

        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        hard = resource.getrlimit(resource.RLIMIT_FSIZE)[1]
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, hard))
        try:
            atomic_write_text(Path(sys.argv[1]), "x" * 100_000)
        except OSError as error:
            print(error.errno)
        """
    )
    env = {**os.environ, "PYTHONPATH": str(REPO), "PYTHONDONTWRITEBYTECODE": "1"}
    result = subprocess.run(
        [sys.executable, "-c", script, str(target)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=60,
    )
    assert result.stdout.strip() == str(errno.EFBIG), result.stderr
    assert target.read_text() == "old = 1\n"
    assert os.listdir(tmp_path) == ["settings.toml"]


_WRITE_AS_PLAIN_USER = """
import sys
from pathlib import Path
from app.settings.atomic import atomic_write_text
try:
    atomic_write_text(Path(sys.argv[1]), "new = 1\\n")
except PermissionError:
    print("refused")
"""


def test_a_read_only_folder_leaves_the_old_file(tmp_path: Path) -> None:
    if os.geteuid() != 0:
        target = tmp_path / "settings.toml"
        target.write_text("old = 1\n")
        tmp_path.chmod(0o500)
        try:
            with pytest.raises(PermissionError):
                atomic_write_text(target, "new = 1\n")
        finally:
            tmp_path.chmod(0o700)
        assert target.read_text() == "old = 1\n"
        return
    # Root writes anywhere: the same attempt runs as the plain user CI creates.
    with plain_user_folder() as folder:
        target = folder / "settings.toml"
        target.write_text("old = 1\n")
        give_to_plain_user(folder)
        folder.chmod(0o500)
        ran = run_as_plain_user(_WRITE_AS_PLAIN_USER, str(target))
        assert ran.stdout.strip() == "refused", ran.stderr
        assert target.read_text() == "old = 1\n"
        assert os.listdir(folder) == ["settings.toml"]
