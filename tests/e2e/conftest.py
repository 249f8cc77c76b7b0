"""Fixtures for the end-to-end tests: a private desktop, a Sitbreak basedir, and the
diagnostics (daemon and app logs, a screenshot) attached to the report of a failing test.

Everything a test leaves behind (logs, screenshots, the app's database) stays in
``test-artifacts/<test>/`` at the repository root for a person to look at.
"""

from __future__ import annotations

import contextlib
import re
import shutil
from collections.abc import Callable, Generator, Iterator
from pathlib import Path

import pytest

from tests.e2e.sitbreak_driver import REPO_ROOT, Sitbreak
from tests.helpers.desktop import (
    DESKTOP_BINARIES,
    Desktop,
    DesktopOptions,
    desktop_session,
)
from tests.helpers.require import require_binaries

ARTIFACTS_ROOT = REPO_ROOT / "test-artifacts"

Diagnostic = Callable[[], str]
_DIAGNOSTICS = pytest.StashKey[list[tuple[str, Diagnostic]]]()


def add_diagnostic(item: pytest.Item, title: str, collect: Diagnostic) -> None:
    """Something to attach to the report if the test fails (collected only then)."""
    item.stash.setdefault(_DIAGNOSTICS, []).append((title, collect))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    report = yield
    if report.failed and report.when in ("setup", "call"):
        for title, collect in item.stash.get(_DIAGNOSTICS, []):
            try:
                text = collect()
            except Exception as error:  # a diagnostic must never hide the real failure
                text = f"(could not collect: {error!r})"
            report.sections.append((title, text))
    return report


@pytest.fixture
def artifacts(request: pytest.FixtureRequest) -> Path:
    """A fresh ``test-artifacts/<test>/`` folder."""
    name = re.sub(r"[^A-Za-z0-9_.-]+", "-", request.node.nodeid.removeprefix("tests/e2e/"))
    folder = ARTIFACTS_ROOT / name
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return folder


@pytest.fixture
def make_desktop(
    request: pytest.FixtureRequest, artifacts: Path
) -> Iterator[Callable[[DesktopOptions], Desktop]]:
    """Start a test desktop; everything in it is stopped when the test ends."""
    require_binaries(*DESKTOP_BINARIES)
    with contextlib.ExitStack() as stack:
        made: list[Desktop] = []

        def make(options: DesktopOptions) -> Desktop:
            root = artifacts / f"desktop-{len(made) + 1}"
            desktop = stack.enter_context(desktop_session(root, options))
            made.append(desktop)
            add_diagnostic(request.node, "desktop daemons", desktop.logs)
            add_diagnostic(
                request.node,
                "screen at failure",
                lambda: str(desktop.display.screenshot(root / "screen-at-failure.png")),
            )
            return desktop

        yield make


@pytest.fixture
def make_sitbreak(
    request: pytest.FixtureRequest,
    artifacts: Path,
    make_desktop: Callable[[DesktopOptions], Desktop],
) -> Iterator[Callable[[Desktop], Sitbreak]]:
    """A Sitbreak basedir in a desktop.

    Depends on ``make_desktop`` so that its teardown (stopping every Sitbreak process) runs
    first, while the X server and the bus are still there.
    """
    made: list[Sitbreak] = []

    def make(desktop: Desktop) -> Sitbreak:
        folder = artifacts / f"sitbreak-{len(made) + 1}"
        sitbreak = Sitbreak(folder / "basedir", desktop.env, folder / "logs")
        made.append(sitbreak)
        add_diagnostic(request.node, "sitbreak output and log", sitbreak.logs)
        return sitbreak

    yield make
    for sitbreak in made:
        sitbreak.stop_all()
