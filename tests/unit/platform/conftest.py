"""Fixtures: a private D-Bus daemon with stand-in services, and a real X server."""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.unit.platform.fake_services import FakeLogind, FakeScreenSaver
from tests.unit.platform.processes import XServer, running_private_bus, running_xvfb
from tests.unit.platform.support import Closer


@pytest.fixture
def bus_address() -> Iterator[str]:
    # A short directory: pytest's tmp_path can overflow the 108-byte socket path limit.
    with (
        tempfile.TemporaryDirectory(prefix="sb-bus-") as config_dir,
        running_private_bus(Path(config_dir)) as (address, _process),
    ):
        yield address


@pytest.fixture
def x_server() -> Iterator[XServer]:
    with running_xvfb() as (server, _process):
        yield server


@pytest.fixture
def fake_logind(bus_address: str) -> Iterator[Callable[..., FakeLogind]]:
    """Start a stand-in logind on the private bus: ``fake_logind(locked=True, ...)``."""
    started: list[FakeLogind] = []

    def start(**options: Any) -> FakeLogind:
        service = FakeLogind(bus_address, **options)
        started.append(service)
        return service

    yield start
    for service in started:
        service.close()


@pytest.fixture
def fake_screensaver(bus_address: str) -> Iterator[Callable[..., FakeScreenSaver]]:
    """Start stand-in screensavers: ``fake_screensaver("org.gnome.ScreenSaver", active=True)``."""
    started: list[FakeScreenSaver] = []

    def start(*names: str, **options: Any) -> FakeScreenSaver:
        service = FakeScreenSaver(bus_address, names or ["org.freedesktop.ScreenSaver"], **options)
        started.append(service)
        return service

    yield start
    for service in started:
        service.close()


@pytest.fixture
def closing() -> Iterator[Closer]:
    closer = Closer()
    yield closer
    closer.close_all()
