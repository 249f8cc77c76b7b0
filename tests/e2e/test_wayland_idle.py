"""Idle time from ext-idle-notify-v1, read from a real compositor (headless KWin).

The source asks for a 1 s idle notification, so the compositor's own timer decides when
the seat counts as idle; the test then moves KWin's virtual pointer, as a user would, and
expects the idle time to drop to 0. Skipped without ``kwin_wayland`` or pywayland, unless
``SITBREAK_REQUIRE_E2E`` is set (as in CI): then their absence fails.
"""

from __future__ import annotations

import importlib.util
import os
import time
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest
from pytestqt.qtbot import QtBot

from app.platform.base import Environment
from app.platform.factory import build_idle_source, choose_backends
from app.platform.idle_wayland import ExtIdleNotifySource
from tests.helpers.require import require_binaries

if TYPE_CHECKING:
    from tests.helpers.wayland import Compositor

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(60)]

TIMEOUT_MS = 1_000
TIMEOUT_S = TIMEOUT_MS / 1000
WAIT_MS = 5_000
"""How long the compositor may take past the timeout on a busy machine."""
EARLY_S = 0.1 * TIMEOUT_S
"""KWin's idle timer is a coarse QTimer, which may fire up to 5 % early."""


def _require_kwin_and_pywayland() -> None:
    require_binaries("kwin_wayland")
    if importlib.util.find_spec("pywayland") is None:
        message = "needs pywayland (pip install 'sitbreak[wayland]')"
        if os.environ.get("SITBREAK_REQUIRE_E2E"):
            pytest.fail(f"{message} (SITBREAK_REQUIRE_E2E is set, so this may not be skipped)")
        pytest.skip(message)


@pytest.fixture(scope="module")
def kwin() -> Iterator[Compositor]:
    _require_kwin_and_pywayland()
    from tests.helpers.wayland import running_kwin

    with running_kwin() as compositor:
        yield compositor


@pytest.fixture
def own_kwin() -> Iterator[Compositor]:
    """A compositor this test alone may stop."""
    _require_kwin_and_pywayland()
    from tests.helpers.wayland import running_kwin

    with running_kwin(socket_name="wayland-sitbreak-own") as compositor:
        yield compositor


@pytest.fixture
def source(kwin: Compositor, qapp: object) -> Iterator[ExtIdleNotifySource]:
    idle = ExtIdleNotifySource(kwin.display, timeout_ms=TIMEOUT_MS)
    yield idle
    idle.close()


def _reading(source: ExtIdleNotifySource) -> float:
    seconds = source.idle_seconds()
    assert seconds is not None, "the source lost the compositor"
    return seconds


def test_kwin_offers_the_idle_notifier_and_a_seat(kwin: Compositor) -> None:
    from tests.helpers.wayland import IDLE_NOTIFIER, advertised_globals

    offered = advertised_globals(kwin.display)
    assert IDLE_NOTIFIER in offered
    assert "wl_seat" in offered


def test_idle_time_grows_while_nobody_touches_anything(
    kwin: Compositor, qapp: object, qtbot: QtBot
) -> None:
    created = time.monotonic()
    source = ExtIdleNotifySource(kwin.display, timeout_ms=TIMEOUT_MS)
    try:
        assert _reading(source) == 0.0  # below the timeout, the reading is 0

        qtbot.waitUntil(lambda: _reading(source) >= TIMEOUT_S, timeout=WAIT_MS)
        first = _reading(source)
        qtbot.waitUntil(lambda: _reading(source) >= first + 0.5, timeout=WAIT_MS)
        # Never more idle time than has passed: the compositor counted from our request.
        assert _reading(source) <= time.monotonic() - created + EARLY_S
    finally:
        source.close()


def test_input_makes_the_user_present_and_idle_time_starts_over(
    kwin: Compositor, source: ExtIdleNotifySource, qtbot: QtBot
) -> None:
    from tests.helpers.wayland import FakeUser

    user = FakeUser(kwin.display)
    try:
        qtbot.waitUntil(lambda: _reading(source) >= TIMEOUT_S, timeout=WAIT_MS)

        user.move_pointer()
        qtbot.waitUntil(lambda: _reading(source) == 0.0, timeout=WAIT_MS)

        back_at = time.monotonic()
        qtbot.waitUntil(lambda: _reading(source) >= TIMEOUT_S, timeout=WAIT_MS)
        assert _reading(source) <= time.monotonic() - back_at + EARLY_S  # from the input
    finally:
        user.close()


def test_the_factory_builds_it_for_a_non_gnome_wayland_session(
    kwin: Compositor, qapp: object, qtbot: QtBot
) -> None:
    plasma = Environment(
        platform="linux",
        session_type="wayland",
        display=None,
        wayland_display=kwin.display,
        desktop="KDE",
        has_system_bus=False,
        has_session_bus=False,
    )
    idle, degraded = build_idle_source(choose_backends(plasma), plasma)
    try:
        assert idle.name == "ext-idle-notify"
        assert degraded == []
        assert idle.idle_seconds() == 0.0
    finally:
        idle.close()


def test_once_the_compositor_is_gone_idle_time_is_unknown(
    own_kwin: Compositor, qapp: object, qtbot: QtBot
) -> None:
    source = ExtIdleNotifySource(own_kwin.display, timeout_ms=60_000)
    try:
        assert source.idle_seconds() == 0.0

        own_kwin.stop()

        qtbot.waitUntil(lambda: source.idle_seconds() is None, timeout=WAIT_MS)
    finally:
        source.close()
