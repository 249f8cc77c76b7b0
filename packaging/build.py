"""Build Sitbreak's one-folder app with PyInstaller, pack it, and say how big both are.

    python packaging/build.py [--dist DIR] [--work DIR] [--no-archive]

makes ``DIR/sitbreak/`` (run ``DIR/sitbreak/sitbreak``) from
``packaging/pyinstaller/sitbreak.spec`` and ``DIR/sitbreak-<version>-<os>-<arch>.tar.gz``
beside it, then prints the build time and both sizes in MB (10^6 bytes), with the targets
of docs/packaging.md. PyInstaller builds for the machine it runs on: run it on each OS.

Run it with the Python whose environment has Sitbreak's dependencies and PyInstaller
(``pip install -c constraints.txt -e '.[test]'``), as the app is built from that environment.
"""

from __future__ import annotations

import argparse
import platform
import re
import subprocess
import sys
import tarfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
SPEC = REPO_ROOT / "packaging" / "pyinstaller" / "sitbreak.spec"
APP_NAME = "sitbreak"

UNPACKED_TARGET_MB = 130.0
COMPRESSED_TARGET_MB = 55.0
MB = 1_000_000


@dataclass(frozen=True)
class BuildResult:
    bundle: Path
    """The one-folder app: ``bundle / "sitbreak"`` is the program."""
    archive: Path | None
    seconds: float
    """How long PyInstaller took (the archive not included)."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--dist", type=Path, default=REPO_ROOT / "dist", help="output folder")
    parser.add_argument(
        "--work", type=Path, default=REPO_ROOT / "build" / "pyinstaller", help="scratch folder"
    )
    parser.add_argument("--no-archive", action="store_true", help="skip the .tar.gz")
    options = parser.parse_args(argv)
    try:
        result = build(options.dist.resolve(), options.work.resolve(), not options.no_archive)
    except subprocess.CalledProcessError as error:
        print(
            f"PyInstaller failed (exit {error.returncode}); see its output above", file=sys.stderr
        )
        return 1
    print(report(result))
    return 0


def build(dist: Path, work: Path, archive: bool = True) -> BuildResult:
    """Run PyInstaller on the spec; raises ``CalledProcessError`` when it fails."""
    started = time.monotonic()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "WARN",
            "--distpath",
            str(dist),
            "--workpath",
            str(work),
            str(SPEC),
        ],
        cwd=REPO_ROOT,
        check=True,
    )
    seconds = time.monotonic() - started
    bundle = dist / APP_NAME
    packed = make_archive(bundle, dist / archive_name(app_version())) if archive else None
    return BuildResult(bundle, packed, seconds)


def app_version() -> str:
    """``app.__version__``, read from the file: importing the app is not needed to pack it."""
    text = (REPO_ROOT / "app" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__ = "([^"]+)"$', text, re.MULTILINE)
    if match is None:
        raise RuntimeError("app/__init__.py has no __version__ line")
    return match.group(1)


def archive_name(version: str) -> str:
    """``sitbreak-0.1.0-linux-x86_64.tar.gz``: what a user downloads says what it runs on."""
    system = platform.system().lower()
    machine = platform.machine().lower()
    return f"{APP_NAME}-{version}-{system}-{machine}.tar.gz"


def make_archive(bundle: Path, archive: Path) -> Path:
    """``bundle`` as ``<name>/...`` in a gzip tarball; symbolic links stay links.

    gzip's default level: level 9 takes three times as long for 0.5 % less.
    """
    with tarfile.open(archive, "w:gz", compresslevel=6) as tar:
        tar.add(bundle, arcname=bundle.name)
    return archive


def tree_bytes(folder: Path) -> int:
    """What the files in ``folder`` hold (links counted as links, not as their targets)."""
    return sum(path.lstat().st_size for path in folder.rglob("*") if not path.is_dir())


def report(result: BuildResult) -> str:
    unpacked = tree_bytes(result.bundle) / MB
    lines = [
        f"Built {result.bundle}/ in {result.seconds:.0f} s",
        _size_line("unpacked", unpacked, UNPACKED_TARGET_MB, result.bundle),
    ]
    if result.archive is not None:
        compressed = result.archive.stat().st_size / MB
        lines.append(_size_line("compressed", compressed, COMPRESSED_TARGET_MB, result.archive))
    return "\n".join(lines)


def _size_line(label: str, size_mb: float, target_mb: float, path: Path) -> str:
    verdict = "within" if size_mb < target_mb else f"{size_mb - target_mb:.1f} MB over"
    return f"{label:>10}: {size_mb:6.1f} MB ({verdict} the {target_mb:g} MB target)  {path}"


if __name__ == "__main__":
    sys.exit(main())
