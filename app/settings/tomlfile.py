"""Reading a TOML file that may be missing or broken, without ever losing it.

A file that cannot be read is renamed ``<name>.broken-YYYYmmdd-HHMMSS`` and kept: the app
starts on defaults, the next save writes a fresh file beside the copy, and the user is told
once, with the copy's name, so they can mend it and move it back.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from app.settings.upgrades import Document


@dataclass(frozen=True, slots=True)
class TomlRead:
    document: Document | None
    """None when the file is missing or could not be read."""
    problem: str | None = None
    broken_copy: Path | None = None


def read_toml(path: Path, now: datetime, *, fallback: str, move_broken: bool = True) -> TomlRead:
    """Parse ``path``; a broken file is moved aside (named after ``now``, local wall time).

    ``fallback`` completes the message, saying what the app does instead
    ("Sitbreak uses the default settings"). ``move_broken=False`` leaves a broken file
    where it is: for readers that never write, such as ``sitbreak stats``.
    """
    try:
        document = tomllib.loads(path.read_bytes().decode("utf-8"))
    except FileNotFoundError:
        return TomlRead(None)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        reason = _reason(error)
    else:
        return TomlRead(document)
    if not move_broken:
        return TomlRead(None, f"{path} could not be read ({reason}); {fallback}.")
    try:
        copy = _free_name(path, now)
        path.rename(copy)
    except OSError as error:
        problem = f"{path} could not be read ({reason}) nor moved aside ({_reason(error)}); "
        return TomlRead(None, problem + f"{fallback}.")
    problem = f"{path} could not be read ({reason}); it was renamed {copy.name} and {fallback}."
    return TomlRead(None, problem, copy)


def _free_name(path: Path, now: datetime) -> Path:
    base = path.with_name(f"{path.name}.broken-{now:%Y%m%d-%H%M%S}")
    candidate, number = base, 1
    while os.path.lexists(candidate):
        candidate = base.with_name(f"{base.name}-{number}")
        number += 1
    return candidate


def _reason(error: Exception) -> str:
    if isinstance(error, tomllib.TOMLDecodeError):
        return f"not valid TOML: {error}"  # the message ends "(at line L, column C)"
    if isinstance(error, UnicodeDecodeError):
        return f"not UTF-8 text: bad byte at offset {error.start}"
    if isinstance(error, IsADirectoryError):
        return "it is a folder, not a file"
    if isinstance(error, OSError) and error.strerror:
        return error.strerror.lower()
    return str(error)
