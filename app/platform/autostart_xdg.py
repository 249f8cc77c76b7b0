"""Start at login on Linux and BSD desktops: an XDG autostart desktop entry.

The switch is the file ``$XDG_CONFIG_HOME/autostart/io.github.sitbreak.Sitbreak.desktop``
(Desktop Application Autostart Specification). Its state is read from disk every time:

- The entry that counts is the user's file if there is one, else the first file of that
  name in ``$XDG_CONFIG_DIRS/autostart`` (a system-wide entry installed by a package).
  It starts Sitbreak unless it says ``Hidden=true`` or ``X-GNOME-Autostart-enabled=false``.
- Files Sitbreak writes carry ``X-Sitbreak-Managed=true``. Turning on writes ours with the
  command of this install; turning off deletes ours, or, when a system-wide entry would
  then start Sitbreak anyway, replaces it with one that says ``Hidden=true``.
- A user file without the mark (written by the user, a desktop's settings tool or a
  package) is never replaced or deleted: only its ``Hidden`` and
  ``X-GNOME-Autostart-enabled`` keys change, every other line (its ``Exec``) stays, and
  the log says so. A file that is no desktop entry at all is left alone and turning on
  fails with a message naming it.

Not handled: ``OnlyShowIn``/``NotShowIn`` and ``TryExec`` of a foreign entry (they may
keep a "enabled" entry from running on some desktops), and an entry of ours that starts
another install (turning on again rewrites it with this one).
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from app.platform.autostart_base import AutostartError
from app.settings.atomic import atomic_write_text

log = logging.getLogger(__name__)

DESKTOP_FILE_NAME = "io.github.sitbreak.Sitbreak.desktop"
MANAGED_KEY = "X-Sitbreak-Managed"
_GROUP = "[Desktop Entry]"
_SWITCH_KEYS = ("Hidden", "X-GNOME-Autostart-enabled")
_ENTRY_MODE = 0o644
"""Desktop entries are read by the session manager; nothing in ours is private."""
_EXEC_RESERVED = frozenset(" \t\n\"'\\><~|&;$*?#()`")
"""Characters that force quoting of an argument (Desktop Entry Specification, "Exec")."""


@dataclass(frozen=True, slots=True)
class _Entry:
    """A desktop entry file as lines, with the keys of its ``[Desktop Entry]`` group."""

    path: Path
    lines: tuple[str, ...]
    keys: Mapping[str, str]
    group: range | None
    """Line indices of the ``[Desktop Entry]`` group's keys; None when it has none."""

    @property
    def managed(self) -> bool:
        return self.keys.get(MANAGED_KEY) == "true"

    @property
    def launches(self) -> bool:
        return (
            self.group is not None
            and self.keys.get("Hidden") != "true"
            and self.keys.get("X-GNOME-Autostart-enabled") != "false"
        )

    def switched(self, enabled: bool) -> str:
        """The same file with only its on/off keys changed."""
        assert self.group is not None
        kept = [
            line
            for index, line in enumerate(self.lines)
            if index not in self.group or _key_of(line) not in _SWITCH_KEYS
        ]
        if not enabled:
            end = self.group.stop - (len(self.lines) - len(kept))
            kept.insert(end, "Hidden=true")
        return "\n".join(kept) + "\n"


class XdgAutostart:
    """The autostart desktop entry in one user's config folder."""

    name = "xdg-autostart"

    def __init__(self, user_dir: Path, system_dirs: Sequence[Path], command: Sequence[str]) -> None:
        """``user_dir``: ``$XDG_CONFIG_HOME/autostart``; ``system_dirs``: the ones below it."""
        if not command:
            raise ValueError("the autostart command is empty")
        self._path = user_dir / DESKTOP_FILE_NAME
        self._system_paths = tuple(folder / DESKTOP_FILE_NAME for folder in system_dirs)
        self._exec = exec_value(command)

    @classmethod
    def from_environ(cls, environ: Mapping[str, str], command: Sequence[str]) -> XdgAutostart:
        """Folders as the XDG Base Directory Specification defines them."""
        home = Path(environ.get("HOME") or Path.home())
        config_home = _absolute(environ.get("XDG_CONFIG_HOME", "")) or home / ".config"
        dirs = [
            folder
            for value in (environ.get("XDG_CONFIG_DIRS") or "/etc/xdg").split(":")
            if (folder := _absolute(value)) is not None
        ]
        return cls(config_home / "autostart", [d / "autostart" for d in dirs], command)

    @property
    def location(self) -> str:
        return str(self._path)

    def is_enabled(self) -> bool:
        for path in (self._path, *self._system_paths):
            try:
                entry = _read_entry(path)
            except AutostartError as exc:
                log.warning("%s", exc)
                return False
            if entry is not None:
                return entry.launches
        return False

    def set_enabled(self, enabled: bool) -> None:
        current = _read_entry(self._path)
        if current is not None and not current.managed:
            self._switch_foreign(current, enabled)
        elif enabled:
            self._write(self._our_entry(hidden=False), _ENTRY_MODE)
        elif self._system_entry_launches():
            self._write(self._our_entry(hidden=True), _ENTRY_MODE)
        else:
            try:
                self._path.unlink(missing_ok=True)
            except OSError as exc:
                raise AutostartError(f"Could not remove {self._path}: {exc.strerror}") from exc

    def _switch_foreign(self, entry: _Entry, enabled: bool) -> None:
        if entry.group is None:
            raise AutostartError(
                f"{entry.path} is not a desktop entry, and Sitbreak does not replace files it "
                "did not write: move it away to let Sitbreak start at login"
            )
        if entry.launches == enabled:
            return
        log.info(
            "%s was not written by Sitbreak: only its Hidden key changes (start at login %s)",
            entry.path,
            "on" if enabled else "off",
        )
        mode = _ENTRY_MODE
        with contextlib.suppress(OSError):  # keep the file's mode; it was just read
            mode = entry.path.stat().st_mode & 0o777
        self._write(entry.switched(enabled), mode)

    def _system_entry_launches(self) -> bool:
        for path in self._system_paths:
            try:
                entry = _read_entry(path)
            except AutostartError:
                continue
            if entry is not None:
                return entry.launches
        return False

    def _our_entry(self, *, hidden: bool) -> str:
        lines = [
            "# Written by Sitbreak: Settings > General > Start at login turns it on and off.",
            _GROUP,
            "Type=Application",
            "Name=Sitbreak",
            "Comment=Count desk time and get reminded to stand up and stretch",
            f"Exec={self._exec}",
            "Icon=io.github.sitbreak.Sitbreak",
            "Terminal=false",
            "NoDisplay=true",
            "Hidden=true" if hidden else "X-GNOME-Autostart-enabled=true",
            "X-GNOME-Autostart-Delay=10",
            f"{MANAGED_KEY}=true",
        ]
        return "\n".join(lines) + "\n"

    def _write(self, text: str, mode: int) -> None:
        try:
            atomic_write_text(self._path, text, mode)
        except OSError as exc:
            raise AutostartError(f"Could not write {self._path}: {exc.strerror}") from exc


def exec_value(argv: Sequence[str]) -> str:
    """``argv`` as the value of an ``Exec`` key: quoted, then escaped as a string value."""
    if any(ch in arg for arg in argv for ch in "\n\r\0"):
        raise AutostartError("The command that starts Sitbreak has a line break in it")
    words = []
    for arg in argv:
        word = arg.replace("%", "%%")
        if not word or any(ch in _EXEC_RESERVED for ch in word):
            escaped = "".join("\\" + ch if ch in '"`$\\' else ch for ch in word)
            word = f'"{escaped}"'
        words.append(word)
    # The Exec value is a "string": its own backslash escapes apply on top of the quoting.
    return " ".join(words).replace("\\", "\\\\").replace("\t", "\\t")


def _read_entry(path: Path) -> _Entry | None:
    """The entry at ``path``; None if there is no file."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except UnicodeDecodeError:
        return _Entry(path, (), {}, None)
    except OSError as exc:
        raise AutostartError(f"Could not read {path}: {exc.strerror}") from exc
    lines = tuple(text.splitlines())
    keys: dict[str, str] = {}
    start: int | None = None
    stop = len(lines)
    for index, line in enumerate(lines):
        stripped = line.strip()
        if stripped.startswith("[") and stripped.endswith("]"):
            if start is not None:
                stop = index
                break
            if stripped == _GROUP:
                start = index + 1
        elif start is not None and (key := _key_of(line)) is not None:
            keys.setdefault(key, line.partition("=")[2].strip())
    if start is None:
        return _Entry(path, lines, {}, None)
    # Trailing blank lines belong to no key: a new key goes before them.
    while stop > start and not lines[stop - 1].strip():
        stop -= 1
    return _Entry(path, lines, keys, range(start, stop))


def _key_of(line: str) -> str | None:
    stripped = line.strip()
    if not stripped or stripped.startswith("#") or "=" not in stripped:
        return None
    return stripped.partition("=")[0].strip()


def _absolute(value: str) -> Path | None:
    """An XDG folder variable's value; relative ones are invalid and ignored (the spec)."""
    return Path(value) if value and os.path.isabs(value) else None
