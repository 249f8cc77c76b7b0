"""Which backends each environment gets, and what happens when one cannot run."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QObject

from app.platform.base import Environment
from app.platform.factory import (
    BackendChoice,
    build_idle_source,
    build_session_watcher,
    choose_backends,
    open_backends,
)
from app.platform.idle_null import NullIdleSource
from app.platform.session_null import NullSessionWatcher
from tests.unit.platform.fake_services import FakeLogind, FakeScreenSaver
from tests.unit.platform.processes import XServer
from tests.unit.platform.support import Closer

BARE = Environment(
    platform="linux",
    session_type=None,
    display=None,
    wayland_display=None,
    desktop=None,
    has_system_bus=False,
    has_session_bus=False,
)


def env(**changes: Any) -> Environment:
    return dataclasses.replace(BARE, **changes)


BOTH_BUSES = {"has_system_bus": True, "has_session_bus": True}


@pytest.mark.parametrize(
    ("environment", "idle", "session"),
    [
        pytest.param(
            env(session_type="x11", display=":0", **BOTH_BUSES),
            "x11-screensaver",
            ("logind", "screensaver"),
            id="x11 desktop",
        ),
        pytest.param(env(display=":0"), "x11-screensaver", ("none",), id="startx, no buses"),
        pytest.param(
            env(session_type="wayland", display=":0", wayland_display="wayland-0", **BOTH_BUSES),
            "none",
            ("logind", "screensaver"),
            id="never XScreenSaver on Wayland (XWayland sets DISPLAY)",
        ),
        pytest.param(
            env(display=":0", wayland_display="wayland-0"),
            "none",
            ("none",),
            id="WAYLAND_DISPLAY alone means Wayland",
        ),
        pytest.param(
            env(session_type="wayland", display=":0"),
            "none",
            ("none",),
            id="XDG_SESSION_TYPE=wayland alone means Wayland",
        ),
        pytest.param(
            env(session_type="tty", has_system_bus=True), "none", ("logind",), id="console"
        ),
        pytest.param(env(has_session_bus=True), "none", ("screensaver",), id="session bus only"),
        pytest.param(env(), "none", ("none",), id="nothing at all"),
        pytest.param(
            env(platform="win32", display=":0", **BOTH_BUSES), "none", ("none",), id="windows"
        ),
        pytest.param(env(platform="darwin", display=":0"), "none", ("none",), id="macos"),
        pytest.param(env(platform="freebsd14", display=":0"), "none", ("none",), id="bsd"),
    ],
)
def test_backend_table(environment: Environment, idle: str, session: tuple[str, ...]) -> None:
    assert choose_backends(environment) == BackendChoice(idle=idle, session=session)


def test_no_idle_source_says_desk_time_is_estimated_and_why() -> None:
    wayland = env(wayland_display="wayland-0", display=":0")
    source, degraded = build_idle_source(choose_backends(wayland), wayland)
    assert isinstance(source, NullIdleSource)
    assert source.idle_seconds() is None
    assert degraded == ["No idle source on Wayland yet: desk time is estimated"]


def test_an_x11_source_that_cannot_open_falls_back_with_the_reason() -> None:
    broken = env(display=":64999")
    source, degraded = build_idle_source(choose_backends(broken), broken)
    assert isinstance(source, NullIdleSource)
    assert degraded == [
        "Idle time unavailable (cannot open the X display :64999): desk time is estimated"
    ]


def test_x11_idle_source_on_a_real_display(x_server: XServer, closing: Closer) -> None:
    x11 = env(session_type="x11", display=x_server.display)
    source, degraded = build_idle_source(choose_backends(x11), x11)
    closing(source)
    assert source.name == "x11-screensaver"
    assert isinstance(source.idle_seconds(), float)
    assert degraded == []


def test_no_buses_means_a_null_watcher_and_both_limits_reported() -> None:
    watcher, degraded = build_session_watcher(choose_backends(BARE), BARE)
    assert isinstance(watcher, NullSessionWatcher)
    assert watcher.name == "none"
    assert not watcher.locked
    assert degraded == [
        "Sleep is not announced: it is noticed after resume, from the clock",
        "Screen lock is not detected: a locked screen counts as idle time",
    ]


def test_logind_and_screensaver_are_combined(
    bus_address: str,
    fake_logind: Callable[..., FakeLogind],
    fake_screensaver: Callable[..., FakeScreenSaver],
    closing: Closer,
    qapp: object,
) -> None:
    fake_logind(locked=True)
    fake_screensaver()
    buses = env(system_bus_address=bus_address, session_bus_address=bus_address, **BOTH_BUSES)
    owner = QObject()

    watcher, degraded = build_session_watcher(choose_backends(buses), buses, parent=owner)
    closing(watcher)

    assert watcher.name == "logind+screensaver"
    assert watcher.locked
    assert watcher.parent() is owner
    assert degraded == []


def test_a_bus_without_logind_leaves_the_screensaver(
    bus_address: str, closing: Closer, qapp: object
) -> None:
    buses = env(system_bus_address=bus_address, session_bus_address=bus_address, **BOTH_BUSES)
    watcher, degraded = build_session_watcher(choose_backends(buses), buses)
    closing(watcher)
    assert watcher.name == "screensaver"
    assert degraded == ["Sleep is not announced: it is noticed after resume, from the clock"]


def test_open_backends_builds_both_and_closes_them(
    x_server: XServer, bus_address: str, fake_logind: Callable[..., FakeLogind], qapp: object
) -> None:
    fake_logind()
    desktop = env(
        session_type="x11",
        display=x_server.display,
        system_bus_address=bus_address,
        session_bus_address=bus_address,
        **BOTH_BUSES,
    )
    backends = open_backends(desktop)
    try:
        assert backends.choice == BackendChoice("x11-screensaver", ("logind", "screensaver"))
        assert (backends.idle.name, backends.session.name) == (
            "x11-screensaver",
            "logind+screensaver",
        )
        assert backends.degraded == ()
    finally:
        backends.close()
    assert backends.idle.idle_seconds() is None


def test_backend_modules_load_only_when_chosen() -> None:
    """Startup cost: nothing of X11 or D-Bus is imported until a backend is built."""
    probe = (
        "import sys, app.platform.factory as f\n"
        "print(sorted(m for m in sys.modules if m.startswith(('jeepney', 'app.platform.'))))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    loaded = result.stdout.strip()
    assert "jeepney" not in loaded
    assert "idle_x11" not in loaded
    assert "session_logind" not in loaded
    assert "session_screensaver" not in loaded
