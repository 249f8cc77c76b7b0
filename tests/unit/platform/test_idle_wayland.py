"""ext-idle-notify-v1: the protocol's events as idle time, and the missing-pywayland path."""

from __future__ import annotations

import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.platform.base import BackendUnavailable
from app.platform.idle_wayland import IdleNotifyState

TIMEOUT_S = 10.0


def test_not_idle_until_the_compositor_says_so() -> None:
    state = IdleNotifyState(TIMEOUT_S)
    assert state.idle_seconds(now=100.0) == 0.0
    assert not state.idle


def test_idle_counts_from_the_last_input_one_timeout_before_idled() -> None:
    state = IdleNotifyState(TIMEOUT_S)
    state.idled(now=100.0)
    assert state.idle
    assert state.idle_seconds(now=100.0) == pytest.approx(10.0)
    assert state.idle_seconds(now=280.0) == pytest.approx(190.0)


def test_input_again_means_zero_idle() -> None:
    state = IdleNotifyState(TIMEOUT_S)
    state.idled(now=100.0)
    state.resumed(now=400.0)
    assert not state.idle
    assert state.idle_seconds(now=401.0) == 0.0


def test_the_next_idle_period_starts_afresh() -> None:
    state = IdleNotifyState(TIMEOUT_S)
    state.idled(now=100.0)
    state.resumed(now=400.0)
    state.idled(now=500.0)
    assert state.idle_seconds(now=530.0) == pytest.approx(40.0)


def test_a_repeated_idled_does_not_restart_the_idle_period() -> None:
    state = IdleNotifyState(TIMEOUT_S)
    state.idled(now=100.0)
    state.idled(now=200.0)
    assert state.idle_seconds(now=300.0) == pytest.approx(210.0)


def test_resumed_before_any_idled_is_harmless() -> None:
    state = IdleNotifyState(TIMEOUT_S)
    state.resumed(now=5.0)
    assert state.idle_seconds(now=6.0) == 0.0


def test_a_negative_timeout_is_refused() -> None:
    with pytest.raises(ValueError, match="must not be negative"):
        IdleNotifyState(-1.0)


events = st.lists(
    st.tuples(st.sampled_from(["idled", "resumed"]), st.floats(0, 1e6, allow_nan=False)),
    max_size=20,
)


@given(events=events, later=st.floats(0, 1e6, allow_nan=False))
def test_idle_time_never_goes_negative_nor_below_the_timeout_once_idle(
    events: list[tuple[str, float]], later: float
) -> None:
    state = IdleNotifyState(TIMEOUT_S)
    now = 0.0
    for event, step in events:
        now += step
        getattr(state, event)(now)
    reading = state.idle_seconds(now + later)
    if state.idle:
        assert reading >= TIMEOUT_S
    else:
        assert reading == 0.0


def test_without_pywayland_the_source_is_unavailable_and_says_how_to_get_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from app.platform.idle_wayland import ExtIdleNotifySource

    monkeypatch.setitem(sys.modules, "pywayland", None)
    monkeypatch.setitem(sys.modules, "pywayland.client", None)
    with pytest.raises(
        BackendUnavailable, match=r"pywayland is not installed.*sitbreak\[wayland\]"
    ):
        ExtIdleNotifySource("wayland-0")


def test_without_a_compositor_the_source_is_unavailable(qapp: object) -> None:
    pytest.importorskip("pywayland.client", reason="pywayland is optional")
    from app.platform.idle_wayland import ExtIdleNotifySource

    with pytest.raises(BackendUnavailable, match="cannot connect to the Wayland display"):
        ExtIdleNotifySource("sitbreak-test-no-such-wayland-display")
