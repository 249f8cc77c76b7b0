"""The PyInstaller one-folder build works as a user installs it: built by
``packaging/build.py``, started from ``dist/sitbreak/sitbreak`` in a test desktop, and
driven only through the frozen program itself.

It proves the trimming in ``packaging/pyinstaller/sitbreak.spec`` kept what Sitbreak needs:
the xcb platform and the tray (the icon docks), QtSvg (the stretch window's picture is
drawn), QtNetwork's local socket (``status``, ``break-now``, ``quit``), and the bundled
exercise library. The build is kept in ``build/frozen-smoke/`` and reused while nothing it
is made from has changed (the app, the resources, the packaging files, the installed
packages); a clean build takes about half a minute.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tarfile
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

import pytest

from tests.e2e.conftest import add_diagnostic
from tests.e2e.sitbreak_driver import REPO_ROOT, Sitbreak, SitbreakProcess, stretch_window
from tests.helpers.desktop import (
    Desktop,
    DesktopOptions,
    TrayHost,
    WindowGeometry,
    load_image,
    wait_until,
)
from tests.helpers.require import require_binaries

pytestmark = [pytest.mark.e2e, pytest.mark.slow, pytest.mark.timeout(600)]

BUILD_SCRIPT = REPO_ROOT / "packaging" / "build.py"
CACHE = REPO_ROOT / "build" / "frozen-smoke"
FINGERPRINT_FILE = CACHE / "fingerprint"
BUILT_FROM = (
    ("app", "**/*.py"),
    ("resources", "**/*"),
    ("packaging", "build.py"),
    ("packaging/pyinstaller", "*"),
)
"""Everything the bundle is made of besides the installed packages (folder, glob)."""

BUILD_TIMEOUT_S = 540.0
UNPACKED_TARGET_BYTES = 130_000_000
COMPRESSED_TARGET_BYTES = 55_000_000
DOCKED_WITHIN_S = 15.0
"""The frozen app unpacks nothing (one folder), but a cold disk cache slows its first start."""

CARD_RGB = 0xF7F5F0
"""The illustration card's colour (``app/ui/stretch_window.py``, ``CARD_BACKGROUND``)."""
CARD_SIDES_PX = range(150, 260)
"""The card is 216 px square; anything far from that is not the card."""
CARD_PADDING_PX = 8
MIN_DRAWN_SHARE = 0.03
"""Share of the card's inside the picture must cover. Every bundled picture covers at
least 10 %; an empty card covers nothing."""

LOADER_FAILURES = ("cannot open shared object file", "Cannot load library", "Could not load")
"""What Qt or the dynamic loader print when a plugin or a library the spec left out is
needed after all."""


# ------------------------------------------------------------------------------ the build
def _fingerprint() -> str:
    """A digest of the sources and of every installed package's name and version."""
    digest = hashlib.sha256(sys.version.encode())
    for folder, pattern in BUILT_FROM:
        for path in sorted((REPO_ROOT / folder).glob(pattern)):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(REPO_ROOT)).encode())
                digest.update(path.read_bytes())
    packages = sorted(
        f"{dist.metadata['Name']}=={dist.version}" for dist in importlib.metadata.distributions()
    )
    digest.update("\n".join(packages).encode())
    return digest.hexdigest()


def _require_build_tools() -> None:
    if importlib.util.find_spec("PyInstaller") is None:
        message = "needs PyInstaller (pip install -c constraints.txt -e '.[test]')"
        if os.environ.get("SITBREAK_REQUIRE_E2E"):
            pytest.fail(f"{message} (SITBREAK_REQUIRE_E2E is set, so this may not be skipped)")
        pytest.skip(message)
    require_binaries("ldd", "objcopy", "strip")


@pytest.fixture(scope="module")
def frozen_dist() -> Path:
    """The folder holding ``sitbreak/`` and its archive, built by the build script."""
    _require_build_tools()
    fingerprint = _fingerprint()
    dist = CACHE / "dist"
    if FINGERPRINT_FILE.exists() and FINGERPRINT_FILE.read_text() == fingerprint:
        return dist
    shutil.rmtree(CACHE, ignore_errors=True)
    CACHE.mkdir(parents=True)
    result = subprocess.run(
        [sys.executable, str(BUILD_SCRIPT), "--dist", str(dist), "--work", str(CACHE / "work")],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=BUILD_TIMEOUT_S,
        check=False,
    )
    (CACHE / "build.log").write_text(result.stdout + result.stderr)
    assert result.returncode == 0, f"the build failed:\n{result.stdout}\n{result.stderr[-6000:]}"
    assert re.search(r"unpacked: +[0-9.]+ MB", result.stdout), result.stdout
    assert re.search(r"compressed: +[0-9.]+ MB", result.stdout), result.stdout
    FINGERPRINT_FILE.write_text(fingerprint)
    return dist


class FrozenSitbreak(Sitbreak):
    """Sitbreak run as the frozen program: the app and every command are the one binary."""

    def __init__(
        self, executable: Path, basedir: Path, env: Mapping[str, str], log_dir: Path
    ) -> None:
        # PYTHONPATH could point the program at the checkout; a user's machine has none.
        super().__init__(basedir, {k: v for k, v in env.items() if k != "PYTHONPATH"}, log_dir)
        self.executable = executable

    def command(self, *args: str) -> list[str]:
        return [str(self.executable), "--basedir", str(self.basedir), *args]


@pytest.fixture
def make_frozen(
    request: pytest.FixtureRequest,
    artifacts: Path,
    make_desktop: Callable[[DesktopOptions], Desktop],
) -> Iterator[Callable[[Desktop, Path], FrozenSitbreak]]:
    """Like ``make_sitbreak``, for the frozen program (stopped before the desktop is)."""
    made: list[FrozenSitbreak] = []

    def make(desktop: Desktop, executable: Path) -> FrozenSitbreak:
        folder = artifacts / "frozen"
        sitbreak = FrozenSitbreak(executable, folder / "basedir", desktop.env, folder / "logs")
        made.append(sitbreak)
        add_diagnostic(request.node, "frozen sitbreak output and log", sitbreak.logs)
        return sitbreak

    yield make
    for sitbreak in made:
        sitbreak.stop_all()


def _unresolved_links(bundle: Path) -> list[str]:
    """Libraries that a library or plugin of the bundle links to and cannot find.

    The smoke run loads only some plugins (not IBus, not the portal theme, not offscreen),
    so this is what shows the trimming removed nothing a kept plugin links to. The
    bootloader puts ``_internal`` on the library path, as this does.
    """
    internal = bundle / "_internal"
    env = {**os.environ, "LD_LIBRARY_PATH": str(internal)}
    missing: list[str] = []
    for path in sorted(internal.rglob("*.so*")):
        if path.is_symlink() or not path.is_file():
            continue
        result = subprocess.run(
            ["ldd", str(path)], env=env, capture_output=True, text=True, timeout=30, check=False
        )
        missing += [
            f"{path.relative_to(internal)}: {line.strip()}"
            for line in result.stdout.splitlines()
            if "not found" in line
        ]
    return missing


# ------------------------------------------------------------------------------ the picture
def _card_area(picture: Path) -> WindowGeometry | None:
    """Where the illustration card is in a grab of the stretch window; None if absent."""
    image = load_image(picture)
    xs: list[int] = []
    ys: list[int] = []
    for y in range(image.height()):
        for x in range(image.width()):
            if image.pixel(x, y) & 0xFFFFFF == CARD_RGB:
                xs.append(x)
                ys.append(y)
    if not xs:
        return None
    return WindowGeometry(min(xs), min(ys), max(xs) - min(xs) + 1, max(ys) - min(ys) + 1)


def _drawn_share(picture: Path, card: WindowGeometry) -> float:
    """Share of the card's inside (less its padding) that is not card-coloured."""
    image = load_image(picture)
    inside = [
        image.pixel(x, y) & 0xFFFFFF
        for y in range(card.y + CARD_PADDING_PX, card.y + card.height - CARD_PADDING_PX)
        for x in range(card.x + CARD_PADDING_PX, card.x + card.width - CARD_PADDING_PX)
    ]
    return sum(1 for rgb in inside if rgb != CARD_RGB) / len(inside)


def _illustration_drawn(desktop: Desktop, window: int, picture: Path) -> float | None:
    """The drawn share once the window shows a card of the right size (None until then)."""
    desktop.display.grab_window_png(window, picture)
    card = _card_area(picture)
    if card is None or card.width not in CARD_SIDES_PX or card.height not in CARD_SIDES_PX:
        return None
    share = _drawn_share(picture, card)
    return share if share >= MIN_DRAWN_SHARE else None


# ------------------------------------------------------------------------------ the test
def test_frozen_build_docks_opens_an_illustrated_stretch_answers_and_quits(
    frozen_dist: Path,
    make_desktop: Callable[[DesktopOptions], Desktop],
    make_frozen: Callable[[Desktop, Path], FrozenSitbreak],
    artifacts: Path,
) -> None:
    bundle = frozen_dist / "sitbreak"
    executable = bundle / "sitbreak"
    (archive,) = frozen_dist.glob("sitbreak-*-linux-*.tar.gz")
    unpacked = sum(p.lstat().st_size for p in bundle.rglob("*") if not p.is_dir())
    assert unpacked < UNPACKED_TARGET_BYTES, f"the bundle is {unpacked / 1e6:.1f} MB"
    assert archive.stat().st_size < COMPRESSED_TARGET_BYTES, f"{archive.name} is too big"
    with tarfile.open(archive) as packed:
        program = packed.getmember("sitbreak/sitbreak")
    assert program.isfile()
    assert program.mode & 0o111, "the archive's program is not executable"
    assert _unresolved_links(bundle) == []

    desktop = make_desktop(DesktopOptions(tray=TrayHost.XEMBED))
    sitbreak = make_frozen(desktop, executable)
    app: SitbreakProcess = sitbreak.start()

    def docked() -> int | None:
        app.ensure_running()
        windows = desktop.display.tray_windows_of_pid(app.pid)
        return windows[0] if windows else None

    wait_until(docked, timeout=DOCKED_WITHIN_S, what="the frozen app's icon in trayer")
    status = sitbreak.wait_running(app)
    assert status["backends"]["tray"] == "xembed"

    opened = sitbreak.cli("break-now")
    assert opened.returncode == 0, opened.stderr
    window = stretch_window(desktop.display, timeout=10)
    wait_until(
        lambda: _illustration_drawn(desktop, window, artifacts / "stretch-window.png"),
        timeout=8,
        what="the stretch window's card with a picture drawn on it",
        interval=0.3,
    )
    assert sitbreak.running_status()["pid"] == app.pid

    quit_result = sitbreak.cli("quit")
    assert quit_result.returncode == 0, quit_result.stderr
    assert app.wait(timeout=10) == 0
    assert sitbreak.status() is None, "status still answers after quit"
    assert sitbreak.problems() == []
    loader_failures = [
        line
        for line in app.stderr_text().splitlines()
        if any(failure in line for failure in LOADER_FAILURES)
    ]
    assert loader_failures == []
