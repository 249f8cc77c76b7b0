"""Fixtures for the settings tests: real files in a temporary folder."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def settings_path(tmp_path: Path) -> Path:
    """Where settings.toml goes; its folder does not exist yet."""
    return tmp_path / "config" / "settings.toml"
