"""The machine faults the fault tests need: a tiny disk, a read-only folder, a plain user.

``.ci/run`` (``prepare_fault_fixtures``) mounts and creates them and exports where they
are. Locally, as root, the same commands set them up (see docs/faults.md). Missing, they
skip the test, except in CI (``CI=true`` or ``SITBREAK_REQUIRE_E2E=1``), where a missing
fixture fails it: a broken machine must not pass by skipping what it was meant to check.
"""

from __future__ import annotations

import errno
import os
import pwd
import shutil
import subprocess
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

import app

PROJECT_ROOT = Path(app.__file__).resolve().parent.parent
TMPFS_ENV = "SITBREAK_FAULT_TMPFS"
READ_ONLY_ENV = "SITBREAK_FAULT_RO_DIR"
READ_ONLY_SOURCE_ENV = "SITBREAK_FAULT_RO_SOURCE"
USER_ENV = "SITBREAK_FAULT_USER"


def fixtures_required() -> bool:
    """CI must have every fault fixture; elsewhere a missing one skips the test."""
    return os.environ.get("CI") == "true" or bool(os.environ.get("SITBREAK_REQUIRE_E2E"))


def missing_fixture(message: str) -> None:
    """Skip, or fail where the fixtures are required."""
    if fixtures_required():
        pytest.fail(f"{message} (CI needs it: run .ci/run's prepare_fault_fixtures)")
    pytest.skip(message)


def _mount_of(path: Path) -> tuple[str, set[str]] | None:
    """The filesystem type and options of the mount point exactly at ``path``."""
    target = os.fspath(path.resolve())
    for line in Path("/proc/self/mounts").read_text(encoding="utf-8").splitlines():
        fields = line.split()
        if len(fields) >= 4 and fields[1] == target:
            return fields[2], set(fields[3].split(","))
    return None


def small_tmpfs() -> Path:
    """A fresh folder on the small tmpfs (``SITBREAK_FAULT_TMPFS``) the tests fill up."""
    where = os.environ.get(TMPFS_ENV)
    if not where:
        missing_fixture(f"{TMPFS_ENV} is not set: no small tmpfs to fill up")
    root = Path(str(where))
    mount = _mount_of(root)
    if mount is None or mount[0] != "tmpfs":
        missing_fixture(f"{root} is not a tmpfs mount point")
    folder = root / f"test-{uuid.uuid4().hex[:8]}"
    folder.mkdir(mode=0o700)
    return folder


@dataclass(frozen=True, slots=True)
class ReadOnlyView:
    """A folder (``writable``) and a read-only bind mount of it (``read_only``)."""

    writable: Path
    read_only: Path


def read_only_view() -> ReadOnlyView:
    """A fresh sub-folder, writable at its source and read-only through the bind mount."""
    view = os.environ.get(READ_ONLY_ENV)
    source = os.environ.get(READ_ONLY_SOURCE_ENV)
    if not view or not source:
        missing_fixture(f"{READ_ONLY_ENV} and {READ_ONLY_SOURCE_ENV} are not set")
    mount = _mount_of(Path(str(view)))
    if mount is None or "ro" not in mount[1]:
        missing_fixture(f"{view} is not a read-only mount point")
    name = f"test-{uuid.uuid4().hex[:8]}"
    writable = Path(str(source)) / name
    writable.mkdir(mode=0o700)
    return ReadOnlyView(writable=writable, read_only=Path(str(view)) / name)


def fill_up(folder: Path) -> Path:
    """Write a file until the filesystem says it is full; returns the file (delete to free)."""
    filler = folder / "filler"
    block = b"\0" * 65536
    with filler.open("wb", buffering=0) as out:
        while True:
            try:
                out.write(block)
            except OSError as error:
                if error.errno != errno.ENOSPC:
                    raise
                break
    for size in (4096, 512, 1):  # the last few blocks too
        with filler.open("ab", buffering=0) as out:
            try:
                while True:
                    out.write(b"\0" * size)
            except OSError as error:
                if error.errno != errno.ENOSPC:
                    raise
    return filler


@contextmanager
def exclusive_lock_held(db_path: Path) -> Iterator[None]:
    """Another process holds ``BEGIN EXCLUSIVE`` on the database until the block ends."""
    hold = (
        "import sqlite3, sys\n"
        "conn = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
        "conn.execute('BEGIN EXCLUSIVE')\n"
        "print('locked', flush=True)\n"
        "sys.stdin.read()\n"
        "conn.execute('ROLLBACK')\n"
    )
    holder = subprocess.Popen(
        [sys.executable, "-c", hold, os.fspath(db_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "locked"
        yield
    finally:
        holder.communicate("", timeout=10)


def plain_user() -> pwd.struct_passwd:
    """The unprivileged account (``SITBREAK_FAULT_USER``, default sitbreak-ci) for tests
    that root would pass by ignoring permissions."""
    name = os.environ.get(USER_ENV, "sitbreak-ci")
    if os.geteuid() != 0:
        missing_fixture("switching to the unprivileged user needs root")
    if _runuser() is None:
        missing_fixture("runuser is not on PATH")
    try:
        return pwd.getpwnam(name)
    except KeyError:
        missing_fixture(f"there is no user {name!r} (useradd --create-home {name})")
        raise  # not reached: missing_fixture raises


def _runuser() -> str | None:
    return shutil.which("runuser") or shutil.which("runuser", path="/usr/sbin:/sbin")


def _interpreter_for(user: pwd.struct_passwd) -> str:
    """This venv's Python when the user may run it, else the system's (stdlib only then)."""
    probe = subprocess.run(
        [str(_runuser()), "-u", user.pw_name, "--", sys.executable, "-c", "pass"],
        cwd="/",
        capture_output=True,
        check=False,
        timeout=30,
    )
    if probe.returncode == 0:
        return sys.executable
    fallback = shutil.which("python3", path="/usr/bin:/bin")
    if fallback is None:
        missing_fixture(f"{user.pw_name} can run neither {sys.executable} nor a system python3")
    return str(fallback)


def run_as_plain_user(
    code: str, *args: str, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    """Run a Python snippet as the unprivileged user, with this project importable.

    Keep snippets to the standard library, ``tomli_w`` and Qt-free parts of ``app``. The
    checkout and this venv may be private to root (a clone under /root), so the snippet
    runs against a world-readable copy of ``app`` and ``tomli_w``, with this venv's Python
    when the user may run it, else the system's python3.
    """
    user = plain_user()
    interpreter = _interpreter_for(user)
    with _readable_copy_of_the_project() as import_root:
        env = {
            "PATH": "/usr/bin:/bin",
            "HOME": user.pw_dir,
            "LANG": "C.UTF-8",
            "PYTHONPATH": os.fspath(import_root),
            "PYTHONDONTWRITEBYTECODE": "1",
        }
        return subprocess.run(
            [str(_runuser()), "-u", user.pw_name, "--", interpreter, "-c", code, *args],
            cwd="/",
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )


@contextmanager
def _readable_copy_of_the_project() -> Iterator[Path]:
    """``app`` (Python files only) and ``tomli_w`` in a temporary folder anyone may read."""
    import tempfile

    import tomli_w

    with tempfile.TemporaryDirectory(prefix="sitbreak-plain-user-") as folder:
        root = Path(folder)
        skip = shutil.ignore_patterns("__pycache__", "*.pyc", "resources_data")
        shutil.copytree(PROJECT_ROOT / "app", root / "app", ignore=skip)
        shutil.copytree(Path(tomli_w.__file__).parent, root / "tomli_w", ignore=skip)
        for item in [root, *root.rglob("*")]:
            item.chmod(0o755 if item.is_dir() else 0o644)
        yield root


@contextmanager
def plain_user_folder() -> Iterator[Path]:
    """A folder the plain user owns, where that user can reach it (pytest's temporary
    folders are private to root)."""
    import tempfile

    plain_user()
    outer = Path(tempfile.mkdtemp(prefix="sitbreak-user-"))
    try:
        outer.chmod(0o755)
        folder = outer / "data"
        folder.mkdir()
        give_to_plain_user(folder)
        yield folder
    finally:
        if folder.exists():
            folder.chmod(0o700)
        shutil.rmtree(outer)


def give_to_plain_user(path: Path) -> None:
    """Make ``path`` (and what is under it) the unprivileged user's own."""
    user = plain_user()
    for item in [path, *path.rglob("*")]:
        os.chown(item, user.pw_uid, user.pw_gid)
