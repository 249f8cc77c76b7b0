"""GNOME's idle time, read from a stand-in Mutter IdleMonitor on a private session bus."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from app.platform.base import BackendUnavailable
from app.platform.idle_mutter import IDLE_MONITOR, MutterIdleSource
from tests.unit.platform.fake_services import FakeService, Reply
from tests.unit.platform.support import Closer


class FakeMutterIdleMonitor:
    """Owns ``org.gnome.Mutter.IdleMonitor`` and answers ``GetIdletime`` with ``idle_ms``."""

    def __init__(self, address: str, *, idle_ms: int = 0, signature: str = "t") -> None:
        self.idle_ms: object = idle_ms
        self.signature = signature
        self._service = FakeService(address, [IDLE_MONITOR])
        self._service.serve({(IDLE_MONITOR, "GetIdletime"): self._get_idletime})

    def close(self) -> None:
        """Leave the bus, as when GNOME Shell quits or restarts."""
        self._service.close()

    def _get_idletime(self, _args: tuple[object, ...]) -> Reply:
        return self.signature, (self.idle_ms,)


@pytest.fixture
def fake_mutter(bus_address: str) -> Iterator[Callable[..., FakeMutterIdleMonitor]]:
    started: list[FakeMutterIdleMonitor] = []

    def start(**options: Any) -> FakeMutterIdleMonitor:
        service = FakeMutterIdleMonitor(bus_address, **options)
        started.append(service)
        return service

    yield start
    for service in started:
        service.close()


def test_reads_mutters_idle_time_in_seconds(
    bus_address: str,
    fake_mutter: Callable[..., FakeMutterIdleMonitor],
    closing: Closer,
    qapp: object,
) -> None:
    mutter = fake_mutter(idle_ms=4321)
    source = closing(MutterIdleSource(bus_address))

    assert source.name == "mutter"
    assert source.idle_seconds() == pytest.approx(4.321)
    mutter.idle_ms = 3 * 60 * 1000
    assert source.idle_seconds() == pytest.approx(180.0)
    mutter.idle_ms = 0
    assert source.idle_seconds() == 0.0


def test_a_vanished_shell_gives_unknown_readings(
    bus_address: str,
    fake_mutter: Callable[..., FakeMutterIdleMonitor],
    closing: Closer,
    qapp: object,
) -> None:
    mutter = fake_mutter(idle_ms=1500)
    source = closing(MutterIdleSource(bus_address))
    assert source.idle_seconds() == pytest.approx(1.5)

    mutter.close()

    assert source.idle_seconds() is None
    assert source.idle_seconds() is None


def test_a_restarted_shell_is_read_again(
    bus_address: str,
    fake_mutter: Callable[..., FakeMutterIdleMonitor],
    closing: Closer,
    qapp: object,
) -> None:
    first = fake_mutter(idle_ms=1000)
    source = closing(MutterIdleSource(bus_address))
    first.close()
    assert source.idle_seconds() is None

    fake_mutter(idle_ms=2000)

    assert source.idle_seconds() == pytest.approx(2.0)


def test_a_reply_that_is_not_milliseconds_is_unknown(
    bus_address: str,
    fake_mutter: Callable[..., FakeMutterIdleMonitor],
    closing: Closer,
    qapp: object,
) -> None:
    fake_mutter(idle_ms="soon", signature="s")
    source = closing(MutterIdleSource(bus_address))
    assert source.idle_seconds() is None


def test_no_idle_monitor_on_the_bus_is_unavailable(bus_address: str, qapp: object) -> None:
    with pytest.raises(BackendUnavailable, match=r"no org\.gnome\.Mutter\.IdleMonitor"):
        MutterIdleSource(bus_address)


def test_an_unreachable_bus_is_unavailable(qapp: object) -> None:
    with pytest.raises(BackendUnavailable, match="cannot connect to D-Bus"):
        MutterIdleSource("unix:path=/nonexistent/sitbreak-test-bus")


def test_closed_source_reads_nothing(
    bus_address: str,
    fake_mutter: Callable[..., FakeMutterIdleMonitor],
    qapp: object,
) -> None:
    fake_mutter(idle_ms=5000)
    source = MutterIdleSource(bus_address)
    source.close()
    source.close()
    assert source.idle_seconds() is None
