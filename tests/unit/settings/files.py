"""Shared test data for the settings tests: a fixed `now` and a way to write real files."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

NOW = datetime(2024, 5, 1, 12, 34, 56)
"""Local wall time of the loads that may move a broken file aside."""
STAMP = "20240501-123456"
"""How NOW appears in the name of a broken file's copy."""


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
