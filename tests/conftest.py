"""Shared test setup: strict, offscreen Qt by default, hypothesis profiles."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# UI tests run offscreen; end-to-end tests start their own X server and pass DISPLAY to
# the sitbreak process they launch, never to this one.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

settings.register_profile(
    "ci",
    deadline=None,
    derandomize=True,
    max_examples=200,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", deadline=None, max_examples=100)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))


@pytest.fixture
def app_env() -> Iterator[dict[str, str]]:
    """For a real ``python -m app`` run from a test: offscreen Qt, a short private runtime
    folder for the socket, no desktop, no buses."""
    runtime = Path(tempfile.mkdtemp(prefix="sbf-"))
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DISPLAY", "WAYLAND_DISPLAY", "DBUS_SESSION_BUS_ADDRESS"}
    }
    env |= {"QT_QPA_PLATFORM": "offscreen", "XDG_RUNTIME_DIR": str(runtime)}
    yield env
    shutil.rmtree(runtime, ignore_errors=True)
