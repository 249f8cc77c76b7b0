"""What went wrong in a library file, said so that the user can find and mend it."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, time
from enum import StrEnum
from pathlib import Path

from app.library.positions import KeyPath


class Severity(StrEnum):
    ERROR = "error"
    """The exercise (or the whole file) was not loaded."""
    WARNING = "warning"
    """The exercise loaded, but this part of it was ignored."""


@dataclass(frozen=True, slots=True)
class LoadProblem:
    """One message about one place in one file: ``glute-bridge.toml:7: dose.reps: ...``."""

    file: Path
    line: int | None
    """1-based; None when the problem has no line (a missing key, an unreadable file)."""
    field: str | None
    """The key path as written in the file, ``dose.reps`` or ``steps[2]`` (items from 1);
    None when the problem is about the whole file."""
    message: str
    severity: Severity = Severity.ERROR

    def describe(self, *, full_path: bool = False) -> str:
        """``file:line: field: message``, leaving out the parts that are unknown."""
        where = str(self.file) if full_path else self.file.name
        if self.line is not None:
            where = f"{where}:{self.line}"
        field = f" {self.field}:" if self.field else ""
        return f"{where}:{field} {self.message}"

    def __str__(self) -> str:
        return self.describe()


def field_name(path: KeyPath) -> str | None:
    """How a key path is written in messages: ``dose.reps``, ``steps[1]`` for the first step."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part + 1}]"
        else:
            text += f".{part}" if text else part
    return text or None


def shown(value: object) -> str:
    """A short, TOML-like picture of a wrong value for a message."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        text = value if len(value) <= 40 else value[:39] + "…"
        return json.dumps(text, ensure_ascii=False)
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, datetime):
        return "a date and time"
    if isinstance(value, date):
        return "a date"
    if isinstance(value, time):
        return "a time of day"
    return type(value).__name__


class IllustrationUnavailable(Exception):
    """The named picture cannot be used; the message says why."""
