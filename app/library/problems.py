"""What went wrong in a library file, said so that the user can find and mend it."""

from __future__ import annotations

from dataclasses import dataclass
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
