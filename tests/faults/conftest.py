"""Fixtures of the fault tests that start the real app."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture
def app_env() -> Iterator[dict[str, str]]:
    """An environment of its own: offscreen Qt, a short private runtime folder, no buses."""
    runtime = Path(tempfile.mkdtemp(prefix="sbf-"))
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DISPLAY", "WAYLAND_DISPLAY", "DBUS_SESSION_BUS_ADDRESS"}
    }
    env |= {"QT_QPA_PLATFORM": "offscreen", "XDG_RUNTIME_DIR": str(runtime)}
    yield env
    shutil.rmtree(runtime, ignore_errors=True)
