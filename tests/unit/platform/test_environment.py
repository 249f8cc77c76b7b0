"""Reading the environment: displays, session type and which D-Bus buses are there."""

from __future__ import annotations

import pytest

from app.platform.base import DEFAULT_SYSTEM_BUS_ADDRESS, Environment

SYSTEM_SOCKET = "/run/dbus/system_bus_socket"


def read(environ: dict[str, str], *existing: str, platform: str = "linux") -> Environment:
    return Environment.from_os(environ, platform, exists=lambda path: path in existing)


def test_a_typical_x11_desktop() -> None:
    env = read(
        {
            "DISPLAY": ":0",
            "XDG_SESSION_TYPE": "X11",
            "XDG_CURRENT_DESKTOP": "XFCE",
            "XDG_SESSION_ID": "2",
            "DBUS_SESSION_BUS_ADDRESS": "unix:path=/run/user/1000/bus",
        },
        SYSTEM_SOCKET,
        "/run/user/1000/bus",
    )
    assert env == Environment(
        platform="linux",
        session_type="x11",
        display=":0",
        wayland_display=None,
        desktop="XFCE",
        has_system_bus=True,
        has_session_bus=True,
        system_bus_address=DEFAULT_SYSTEM_BUS_ADDRESS,
        session_bus_address="unix:path=/run/user/1000/bus",
        session_id="2",
    )
    assert not env.is_wayland


def test_empty_variables_count_as_unset() -> None:
    env = read({"DISPLAY": "", "WAYLAND_DISPLAY": " ", "XDG_SESSION_TYPE": ""})
    assert (env.display, env.wayland_display, env.session_type) == (None, None, None)
    assert not env.is_wayland


@pytest.mark.parametrize(
    ("environ", "is_wayland"),
    [
        ({"WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"}, True),
        ({"XDG_SESSION_TYPE": "wayland", "DISPLAY": ":0"}, True),
        ({"XDG_SESSION_TYPE": "x11", "DISPLAY": ":0"}, False),
    ],
)
def test_wayland_is_recognised_by_either_sign(environ: dict[str, str], is_wayland: bool) -> None:
    assert read(environ).is_wayland is is_wayland


@pytest.mark.parametrize(
    ("environ", "existing", "has_system_bus", "address"),
    [
        ({}, [SYSTEM_SOCKET], True, DEFAULT_SYSTEM_BUS_ADDRESS),
        ({}, [], False, DEFAULT_SYSTEM_BUS_ADDRESS),
        (
            {"DBUS_SYSTEM_BUS_ADDRESS": "unix:path=/tmp/my%20bus,guid=abc"},
            ["/tmp/my bus"],
            True,
            "unix:path=/tmp/my%20bus,guid=abc",
        ),
        ({"DBUS_SYSTEM_BUS_ADDRESS": "unix:path=/tmp/gone"}, [SYSTEM_SOCKET], False, None),
        ({"DBUS_SYSTEM_BUS_ADDRESS": "unix:abstract=/tmp/dbus-x"}, [], True, None),
        ({"DBUS_SYSTEM_BUS_ADDRESS": "tcp:host=localhost,port=1"}, [], False, None),
        (
            {"DBUS_SYSTEM_BUS_ADDRESS": "tcp:host=h,port=1;unix:path=/tmp/b"},
            ["/tmp/b"],
            True,
            None,
        ),
    ],
)
def test_the_system_bus_is_there_when_its_socket_is(
    environ: dict[str, str], existing: list[str], has_system_bus: bool, address: str | None
) -> None:
    env = read(environ, *existing)
    assert env.has_system_bus is has_system_bus
    assert env.system_bus_address == (address or environ["DBUS_SYSTEM_BUS_ADDRESS"])


@pytest.mark.parametrize(
    ("environ", "existing", "address"),
    [
        ({"DBUS_SESSION_BUS_ADDRESS": "unix:path=/s/bus"}, ["/s/bus"], "unix:path=/s/bus"),
        ({"XDG_RUNTIME_DIR": "/run/user/7"}, ["/run/user/7/bus"], "unix:path=/run/user/7/bus"),
        ({"XDG_RUNTIME_DIR": "/run/user/7"}, [], None),
        ({}, [], None),
    ],
)
def test_the_session_bus_comes_from_its_variable_or_the_runtime_dir(
    environ: dict[str, str], existing: list[str], address: str | None
) -> None:
    env = read(environ, *existing)
    assert env.session_bus_address == address
    assert env.has_session_bus is (address is not None)


def test_a_session_bus_address_whose_socket_is_gone_is_not_a_bus() -> None:
    env = read({"DBUS_SESSION_BUS_ADDRESS": "unix:path=/s/bus"})
    assert not env.has_session_bus
