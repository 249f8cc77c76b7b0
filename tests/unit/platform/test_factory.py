"""Which backends each environment gets, and what happens when one cannot run."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QObject

from app.platform.autostart_factory import launch_agents_dir, open_autostart
from app.platform.autostart_null import NullAutostart
from app.platform.base import Environment
from app.platform.factory import (
    MUTTER_IDLE_MONITOR,
    BackendChoice,
    build_idle_source,
    build_session_watcher,
    choose_backends,
    open_backends,
    probe_session_services,
)
from app.platform.idle_mutter import IDLE_MONITOR
from app.platform.idle_null import NullIdleSource
from app.platform.session_null import NullSessionWatcher
from tests.unit.platform.fake_services import FakeLogind, FakeScreenSaver
from tests.unit.platform.processes import XServer
from tests.unit.platform.support import Closer
from tests.unit.platform.test_idle_mutter import FakeMutterIdleMonitor

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
WAYLAND = {"session_type": "wayland", "display": ":0", "wayland_display": "wayland-0"}
"""A Wayland session with XWayland running: DISPLAY is set, yet X11 sees only X11 clients."""
MUTTER = frozenset({"org.gnome.Mutter.IdleMonitor"})
NOWHERE_BUS = "unix:path=/nonexistent/sitbreak-test-bus"


@pytest.mark.parametrize(
    ("environment", "services", "idle", "session"),
    [
        pytest.param(
            env(session_type="x11", display=":0", **BOTH_BUSES),
            frozenset(),
            "x11-screensaver",
            ("logind", "screensaver"),
            id="x11 desktop",
        ),
        pytest.param(
            env(session_type="x11", display=":0", desktop="GNOME", **BOTH_BUSES),
            MUTTER,
            "x11-screensaver",
            ("logind", "screensaver"),
            id="GNOME on X11 keeps XScreenSaver",
        ),
        pytest.param(
            env(display=":0"), frozenset(), "x11-screensaver", ("none",), id="startx, no buses"
        ),
        pytest.param(
            env(desktop="GNOME", **WAYLAND, **BOTH_BUSES),
            frozenset(),
            "mutter",
            ("logind", "screensaver"),
            id="GNOME Wayland: Mutter",
        ),
        pytest.param(
            env(desktop="ubuntu:GNOME", **WAYLAND, **BOTH_BUSES),
            MUTTER,
            "mutter",
            ("logind", "screensaver"),
            id="Ubuntu's GNOME Wayland: Mutter",
        ),
        pytest.param(
            env(desktop="Pantheon", **WAYLAND, **BOTH_BUSES),
            MUTTER,
            "mutter",
            ("logind", "screensaver"),
            id="Mutter on the bus under another desktop name",
        ),
        pytest.param(
            env(desktop="KDE", **WAYLAND, **BOTH_BUSES),
            frozenset(),
            "ext-idle-notify",
            ("logind", "screensaver"),
            id="KDE Wayland: ext-idle-notify, never XScreenSaver",
        ),
        pytest.param(
            env(desktop="sway:wlroots", **WAYLAND, has_system_bus=True),
            frozenset(),
            "ext-idle-notify",
            ("logind",),
            id="sway: ext-idle-notify, never XScreenSaver",
        ),
        pytest.param(
            env(desktop="GNOMEish", **WAYLAND),
            frozenset(),
            "ext-idle-notify",
            ("none",),
            id="a desktop name merely containing the letters GNOME is not GNOME",
        ),
        pytest.param(
            env(display=":0", wayland_display="wayland-0"),
            frozenset(),
            "ext-idle-notify",
            ("none",),
            id="WAYLAND_DISPLAY alone means Wayland",
        ),
        pytest.param(
            env(session_type="wayland", display=":0"),
            frozenset(),
            "ext-idle-notify",
            ("none",),
            id="XDG_SESSION_TYPE=wayland alone means Wayland",
        ),
        pytest.param(
            env(session_type="tty", has_system_bus=True),
            frozenset(),
            "none",
            ("logind",),
            id="console",
        ),
        pytest.param(
            env(has_session_bus=True),
            frozenset(),
            "none",
            ("screensaver",),
            id="session bus only",
        ),
        pytest.param(env(), frozenset(), "none", ("none",), id="nothing at all"),
        pytest.param(
            env(platform="win32", display=":0", **BOTH_BUSES),
            MUTTER,
            "windows",
            ("windows",),
            id="windows: never X11 nor D-Bus",
        ),
        pytest.param(
            env(platform="darwin", display=":0", **BOTH_BUSES),
            MUTTER,
            "macos",
            ("macos",),
            id="macos: Cocoa's sleep and lock notifications, never X11 nor D-Bus",
        ),
        pytest.param(
            env(platform="freebsd14", display=":0"), frozenset(), "none", ("none",), id="bsd"
        ),
    ],
)
def test_backend_table(
    environment: Environment,
    services: frozenset[str],
    idle: str,
    session: tuple[str, ...],
) -> None:
    assert choose_backends(environment, services) == BackendChoice(idle=idle, session=session)


@given(
    session_type=st.sampled_from([None, "x11", "wayland", "tty"]),
    display=st.sampled_from([None, ":0"]),
    wayland_display=st.sampled_from([None, "wayland-0"]),
    desktop=st.sampled_from([None, "GNOME", "KDE", "ubuntu:GNOME", "sway"]),
    services=st.sampled_from([frozenset(), MUTTER]),
)
def test_never_xscreensaver_on_wayland(
    session_type: str | None,
    display: str | None,
    wayland_display: str | None,
    desktop: str | None,
    services: frozenset[str],
) -> None:
    environment = env(
        session_type=session_type,
        display=display,
        wayland_display=wayland_display,
        desktop=desktop,
    )
    idle = choose_backends(environment, services).idle
    assert (idle == "x11-screensaver") == (not environment.is_wayland and display is not None)


def test_the_factory_names_the_service_the_mutter_backend_reads() -> None:
    """The factory repeats the name to stay free of D-Bus imports; both must agree."""
    assert MUTTER_IDLE_MONITOR == IDLE_MONITOR


def test_no_display_says_desk_time_is_estimated_and_why() -> None:
    source, degraded = build_idle_source(choose_backends(BARE), BARE)
    assert isinstance(source, NullIdleSource)
    assert source.idle_seconds() is None
    assert degraded == ["No display found: desk time is estimated"]


def test_wayland_without_pywayland_falls_back_to_lock_state_only(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "pywayland", None)
    monkeypatch.setitem(sys.modules, "pywayland.client", None)
    kde = env(desktop="KDE", **WAYLAND)
    choice = choose_backends(kde)
    source, degraded = build_idle_source(choice, kde)
    assert choice.idle == "ext-idle-notify"
    assert isinstance(source, NullIdleSource)
    assert len(degraded) == 1
    assert "pywayland is not installed" in degraded[0]
    assert degraded[0].endswith("lock state only, desk time is estimated")


def test_gnome_wayland_reads_idle_time_from_mutter(
    bus_address: str, closing: Closer, qapp: object
) -> None:
    mutter = closing(FakeMutterIdleMonitor(bus_address, idle_ms=90_000))
    gnome = env(desktop="GNOME", session_bus_address=bus_address, **WAYLAND, **BOTH_BUSES)
    source, degraded = build_idle_source(choose_backends(gnome), gnome)
    closing(source)
    assert source.name == "mutter"
    assert source.idle_seconds() == pytest.approx(90.0)
    assert degraded == []
    mutter.close()
    assert source.idle_seconds() is None


def test_gnome_without_mutter_on_the_bus_is_degraded_with_the_reason(
    bus_address: str, qapp: object
) -> None:
    gnome = env(desktop="GNOME", session_bus_address=bus_address, **WAYLAND, **BOTH_BUSES)
    source, degraded = build_idle_source(choose_backends(gnome), gnome)
    assert isinstance(source, NullIdleSource)
    assert degraded == [
        "Idle time unavailable (no org.gnome.Mutter.IdleMonitor on the session bus"
        " (is this GNOME?)): desk time is estimated"
    ]


def test_mutter_on_the_bus_is_found_under_any_desktop_name(
    bus_address: str, closing: Closer, qapp: object
) -> None:
    closing(FakeMutterIdleMonitor(bus_address, idle_ms=2_000))
    renamed = env(
        desktop="Pantheon",
        system_bus_address=bus_address,
        session_bus_address=bus_address,
        **WAYLAND,
        **BOTH_BUSES,
    )
    assert probe_session_services(renamed) == MUTTER
    backends = open_backends(renamed)
    try:
        assert backends.choice.idle == "mutter"
        assert backends.idle.idle_seconds() == pytest.approx(2.0)
    finally:
        backends.close()


def test_without_mutter_on_the_bus_the_probe_finds_nothing(bus_address: str, qapp: object) -> None:
    kde = env(desktop="KDE", session_bus_address=bus_address, **WAYLAND, **BOTH_BUSES)
    assert probe_session_services(kde) == frozenset()


@pytest.mark.parametrize(
    "environment",
    [
        pytest.param(env(session_type="x11", display=":0", **BOTH_BUSES), id="x11"),
        pytest.param(env(desktop="GNOME", **WAYLAND, **BOTH_BUSES), id="GNOME says so"),
        pytest.param(env(platform="win32", **WAYLAND, **BOTH_BUSES), id="windows"),
        pytest.param(env(platform="darwin", **WAYLAND, **BOTH_BUSES), id="macos"),
    ],
)
def test_the_bus_is_asked_only_where_the_answer_matters(
    environment: Environment, caplog: pytest.LogCaptureFixture
) -> None:
    """A bus nobody listens on: asking would log that it failed; not asking logs nothing."""
    unreachable = dataclasses.replace(environment, session_bus_address=NOWHERE_BUS)
    assert probe_session_services(unreachable) == frozenset()
    assert caplog.records == []


def test_an_unreachable_bus_makes_the_probe_find_nothing(qapp: object) -> None:
    kde = env(desktop="KDE", session_bus_address=NOWHERE_BUS, **WAYLAND, **BOTH_BUSES)
    assert probe_session_services(kde) == frozenset()


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
    assert degraded == [
        f"Session watcher logind unavailable (logind is not running on the bus at {bus_address})",
        "Sleep is not announced: it is noticed after resume, from the clock",
    ]


def test_macos_without_pyobjc_or_off_macos_says_why_lock_and_sleep_are_unseen(
    monkeypatch: pytest.MonkeyPatch, qapp: object
) -> None:
    monkeypatch.setitem(sys.modules, "AppKit", None)
    mac = env(platform="darwin")
    watcher, degraded = build_session_watcher(choose_backends(mac), mac)
    assert isinstance(watcher, NullSessionWatcher)
    expected_reason = (
        "pyobjc is not installed (pip install 'sitbreak[macos]')"
        if sys.platform == "darwin"
        else f"Cocoa session notifications exist only on macOS, not {sys.platform}"
    )
    assert degraded == [
        f"Session watcher macos unavailable ({expected_reason})",
        "Sleep is not announced: it is noticed after resume, from the clock",
        "Screen lock is not detected: a locked screen counts as idle time",
    ]


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


@pytest.mark.parametrize("platform", ["win32", "darwin"])
def test_other_systems_never_load_x11_or_dbus(platform: str) -> None:
    """Whatever the environment claims, Windows and macOS builds touch neither X11 nor jeepney."""
    probe = (
        "import sys, dataclasses\n"
        "from app.platform.base import Environment\n"
        "from app.platform.factory import open_backends\n"
        f"env = Environment({platform!r}, 'wayland', ':0', 'wayland-0', 'GNOME', True, True,\n"
        f"                  session_bus_address={NOWHERE_BUS!r})\n"
        "backends = open_backends(env)\n"
        "backends.close()\n"
        "print(sorted(m for m in sys.modules if m.startswith(('jeepney', 'app.platform.'))))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    loaded = result.stdout.strip()
    assert "jeepney" not in loaded
    assert "idle_x11" not in loaded
    assert "dbus_connection" not in loaded


def test_windows_autostart_is_the_run_key_or_a_switch_that_says_why_not() -> None:
    windows = env(platform="win32")
    autostart = open_autostart(windows, {}, ("sitbreak",))
    if sys.platform == "win32":
        assert autostart.name != "none"
    else:
        assert isinstance(autostart, NullAutostart)
        assert autostart.reason.startswith("Start at login is not available")


def test_macos_autostart_is_a_launch_agent_in_the_users_library(tmp_path: Path) -> None:
    assert launch_agents_dir({"HOME": str(tmp_path)}) == tmp_path / "Library" / "LaunchAgents"
    autostart = open_autostart(env(platform="darwin"), {"HOME": str(tmp_path)}, ("sitbreak",))
    assert autostart.name == "launch-agent"
    assert autostart.location is not None
    assert Path(autostart.location).parent == tmp_path / "Library" / "LaunchAgents"
    autostart.set_enabled(True)
    assert autostart.is_enabled()
    assert Path(autostart.location).is_file()


def test_other_systems_autostart_stays_off() -> None:
    autostart = open_autostart(env(platform="freebsd14"), {}, ("sitbreak",))
    assert isinstance(autostart, NullAutostart)
    assert "not available" in autostart.reason
