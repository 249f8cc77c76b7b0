"""XScreenSaver idle time against a real Xvfb, with real input from xdotool."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from app.platform.base import BackendUnavailable
from app.platform.idle_x11 import XScreenSaverIdleSource
from tests.unit.platform.processes import XServer, running_xvfb
from tests.unit.platform.support import Closer


def wait_for_reading(
    source: XScreenSaverIdleSource, accept: Callable[[float], bool], timeout_s: float = 10.0
) -> float:
    """Poll until a reading passes ``accept``; fail with the last reading at the deadline."""
    deadline = time.monotonic() + timeout_s
    reading = source.idle_seconds()
    while reading is None or not accept(reading):
        if time.monotonic() > deadline:
            pytest.fail(f"no acceptable idle reading within {timeout_s} s; last: {reading}")
        time.sleep(0.05)
        reading = source.idle_seconds()
    return reading


def test_idle_rises_without_input_and_resets_on_input(x_server: XServer, closing: Closer) -> None:
    source = closing(XScreenSaverIdleSource(x_server.display))
    assert source.name == "x11-screensaver"

    wait_for_reading(source, lambda idle: idle >= 1.2)
    x_server.move_pointer(100, 80)
    wait_for_reading(source, lambda idle: idle < 1.0)

    wait_for_reading(source, lambda idle: idle >= 1.2)
    x_server.move_pointer(30, 40)
    wait_for_reading(source, lambda idle: idle < 1.0)


def test_a_vanished_x_server_gives_no_reading_and_the_process_lives_on(closing: Closer) -> None:
    with running_xvfb() as (server, process):
        source = closing(XScreenSaverIdleSource(server.display))
        assert source.idle_seconds() is not None
        process.kill()
        process.wait()

        assert source.idle_seconds() is None  # Xlib would have called exit() here
        assert source.idle_seconds() is None


def test_a_closed_source_gives_no_reading(x_server: XServer) -> None:
    source = XScreenSaverIdleSource(x_server.display)
    source.close()
    source.close()
    assert source.idle_seconds() is None


def test_a_server_without_the_extension_is_unavailable() -> None:
    with (
        running_xvfb("-extension", "MIT-SCREEN-SAVER") as (server, _process),
        pytest.raises(BackendUnavailable, match="no MIT-SCREEN-SAVER extension"),
    ):
        XScreenSaverIdleSource(server.display)


def test_a_missing_display_is_unavailable_and_named() -> None:
    with pytest.raises(BackendUnavailable, match=r"cannot open the X display :64999"):
        XScreenSaverIdleSource(":64999")
