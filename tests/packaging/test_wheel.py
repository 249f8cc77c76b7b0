"""The wheel works on its own: built from the project, installed into a fresh venv, run
from a folder outside the checkout, it finds its exercises, pictures and icons.

Everything happens offline. The wheel is built with the build backend of the running venv
(``--no-build-isolation``: no download of setuptools), from a copy of the project so the
checkout's ``build/`` folder can neither leak stale files into the wheel nor be written to.
The fresh venv gets the wheel itself with ``--no-index --no-deps``; its dependencies
(PySide6, APScheduler, ...) are made available offline, from what is already installed, by
a ``.pth`` file naming the running venv's site-packages: that is not an install of
Sitbreak (the running venv's own ``.pth`` files, such as an editable install's, are not
read from a directory named in a ``.pth``), so ``app`` can only come from the wheel.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tomllib
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import pytest
from packaging.requirements import Requirement

from app import APP_ID, __version__

pytestmark = pytest.mark.slow

REPO_ROOT = Path(__file__).resolve().parents[2]
STEP_TIMEOUT_S = 240
MIN_EXERCISES = 40
ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)

NOT_PROJECT_FILES = shutil.ignore_patterns(
    ".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", "test-artifacts", "*.pyc"
)

PROBE = """
import json
import app
from app import resources
from app.library.loader import load_library

library = load_library(
    [resources.exercises_dir()], illustration_dirs=[resources.illustrations_dir()]
)
icons = resources.resources_dir() / "icons"
print(json.dumps({
    "app_file": app.__file__,
    "resources_dir": str(resources.resources_dir()),
    "exercises": len(library.exercises),
    "problems": [problem.describe(full_path=True) for problem in library.problems],
    "illustrations": [
        str(exercise.illustration) for exercise in library.exercises if exercise.illustration
    ],
    "missing_illustrations": [
        exercise.id for exercise in library.exercises
        if exercise.illustration is None or not exercise.illustration.is_file()
    ],
    "icons": sorted(path.name for path in icons.iterdir()) if icons.is_dir() else [],
}))
"""


def test_installed_wheel_finds_its_library_and_icons_outside_the_checkout(
    tmp_path: Path,
) -> None:
    require_build_backend()
    wheel = build_wheel(tmp_path / "source", tmp_path / "wheelhouse")
    venv = tmp_path / "venv"
    python = make_venv_with_wheel(venv, wheel)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()

    probe = run([str(python), "-c", PROBE], cwd=elsewhere)
    report = json.loads(probe.stdout)

    installed = venv_site_packages(python)
    assert Path(report["app_file"]).is_relative_to(installed), "app came from the checkout"
    resources_dir = Path(report["resources_dir"])
    assert resources_dir.is_relative_to(installed)
    assert report["problems"] == []
    assert report["exercises"] >= MIN_EXERCISES
    assert report["missing_illustrations"] == []
    assert all(Path(path).is_relative_to(resources_dir) for path in report["illustrations"])
    expected_icons = {f"{APP_ID}.svg"} | {f"{APP_ID}-{size}.png" for size in ICON_SIZES}
    assert expected_icons <= set(report["icons"])

    version_run = run([str(venv / "bin" / "sitbreak"), "--version"], cwd=elsewhere)
    assert version_run.stdout.strip() == f"sitbreak {__version__}"


# ----------------------------------------------------------------- steps
def require_build_backend() -> None:
    """Skip (fail in CI) unless the running venv has what ``[build-system]`` asks for.

    Building without isolation is what keeps this test offline; an old setuptools would
    fail the build with a confusing metadata error instead of this message.
    """
    with (REPO_ROOT / "pyproject.toml").open("rb") as file:
        requires: list[str] = tomllib.load(file)["build-system"]["requires"]
    unmet = [text for text in requires if not _installed(Requirement(text))]
    if not unmet:
        return
    message = f"building the wheel offline needs {', '.join(unmet)} in this venv"
    if os.environ.get("SITBREAK_REQUIRE_E2E"):
        pytest.fail(f"{message} (SITBREAK_REQUIRE_E2E is set, so this may not be skipped)")
    pytest.skip(message)


def _installed(requirement: Requirement) -> bool:
    try:
        found = version(requirement.name)
    except PackageNotFoundError:
        return False
    return requirement.specifier.contains(found, prereleases=True)


def build_wheel(source: Path, wheelhouse: Path) -> Path:
    shutil.copytree(REPO_ROOT, source, ignore=NOT_PROJECT_FILES)
    run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-index",
            "--no-build-isolation",
            "--wheel-dir",
            str(wheelhouse),
            str(source),
        ],
        cwd=source,
        inherit_pythonpath=True,
    )
    [wheel] = wheelhouse.glob("sitbreak-*.whl")
    return wheel


def make_venv_with_wheel(venv: Path, wheel: Path) -> Path:
    """A fresh venv holding the wheel; its dependencies come from the running venv."""
    run([sys.executable, "-m", "venv", "--without-pip", str(venv)], cwd=venv.parent)
    python = venv / "bin" / "python"
    running_site_packages = {sysconfig.get_path("purelib"), sysconfig.get_path("platlib")}
    (venv_site_packages(python) / "offline-dependencies.pth").write_text(
        "".join(f"{path}\n" for path in sorted(running_site_packages)), encoding="utf-8"
    )
    run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "--no-index",
            "--no-deps",
            str(wheel),
        ],
        cwd=venv.parent,
    )
    return python


def venv_site_packages(python: Path) -> Path:
    result = run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"])
    return Path(result.stdout.strip())


def run(
    command: list[str], cwd: Path | None = None, *, inherit_pythonpath: bool = False
) -> subprocess.CompletedProcess[str]:
    """Run a step offline, on failure showing what it printed.

    Only the build sees this process's ``PYTHONPATH`` (it uses this process's build
    backend); the new venv must find ``app`` in its own site-packages or not at all.
    """
    dropped = {"PYTHONHOME", "PIP_INDEX_URL", "PIP_EXTRA_INDEX_URL", "PIP_FIND_LINKS"}
    if not inherit_pythonpath:
        dropped.add("PYTHONPATH")
    environment = {name: value for name, value in os.environ.items() if name not in dropped}
    environment |= {
        "PYTHONNOUSERSITE": "1",
        "PIP_NO_INDEX": "1",
        "PIP_DISABLE_PIP_VERSION_CHECK": "1",
        "QT_QPA_PLATFORM": "offscreen",
    }
    result = subprocess.run(
        command,
        cwd=cwd,
        env=environment,
        capture_output=True,
        text=True,
        timeout=STEP_TIMEOUT_S,
        check=False,
    )
    assert result.returncode == 0, (
        f"{' '.join(command)} exited with {result.returncode}\n"
        f"stdout:\n{result.stdout}\nstderr:\n{result.stderr}"
    )
    return result
