"""Where each key and list item of a TOML document is written, for messages with line numbers.

``tomllib`` gives values but no positions, so after it has accepted a document this small
scanner walks the same text once: it follows table headers (``[dose]``), dotted keys
(``dose.reps = 10``), inline tables (``dose = { reps = 10 }``), arrays over several lines and
every string form (so a ``#`` or ``=`` inside a string is never taken for syntax), and records
the line on which each key path, and each array item, first appears. It is only ever run on
text that ``tomllib`` parsed, so it does not validate; if it still meets something it does
not understand it stops and keeps what it found, and the message falls back to the line of
the nearest enclosing key, or to no line at all.
"""

from __future__ import annotations

import contextlib
import tomllib
from collections.abc import Mapping

KeyPath = tuple[str | int, ...]
"""A key path as the validator walks it: ``("dose", "reps")``, ``("steps", 0)``."""

_BARE_KEY_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")
_SCALAR_ENDS = frozenset(",]}#\n")


def key_lines(text: str) -> dict[KeyPath, int]:
    """The 1-based line of every key path and array item in ``text`` (first occurrence)."""
    scanner = _Scanner(text)
    with contextlib.suppress(_Stop):
        scanner.document()
    return scanner.lines


def line_of(lines: Mapping[KeyPath, int], path: KeyPath) -> int | None:
    """The line of ``path``, or of its nearest written ancestor; None if none is written."""
    for length in range(len(path), 0, -1):
        line = lines.get(path[:length])
        if line is not None:
            return line
    return None


class _Stop(Exception):
    """The scanner met text it does not follow: keep what was found so far."""


class _Scanner:
    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self.line = 1
        self.lines: dict[KeyPath, int] = {}
        self._array_tables: dict[KeyPath, int] = {}

    # ------------------------------------------------------------------ characters
    def peek(self, offset: int = 0) -> str:
        index = self.pos + offset
        return self.text[index] if index < len(self.text) else ""

    def starts(self, token: str) -> bool:
        return self.text.startswith(token, self.pos)

    def advance(self, count: int = 1) -> None:
        end = min(self.pos + count, len(self.text))
        self.line += self.text.count("\n", self.pos, end)
        self.pos = end

    def at_end(self) -> bool:
        return self.pos >= len(self.text)

    def skip_blank(self, *, newlines: bool) -> None:
        """Skip spaces, tabs and comments, and line breaks when ``newlines``."""
        while not self.at_end():
            char = self.peek()
            if char in " \t\r" or (newlines and char == "\n"):
                self.advance()
            elif char == "#":
                end = self.text.find("\n", self.pos)
                self.advance((len(self.text) if end < 0 else end) - self.pos)
            else:
                return

    def record(self, path: KeyPath, line: int) -> None:
        self.lines.setdefault(path, line)

    # ------------------------------------------------------------------ structure
    def document(self) -> None:
        table: KeyPath = ()
        while True:
            self.skip_blank(newlines=True)
            if self.at_end():
                return
            if self.peek() == "[":
                table = self.header()
            else:
                self.key_value(table)

    def header(self) -> KeyPath:
        """``[a.b]`` or ``[[a.b]]``; the table path, with array-of-tables indices in it."""
        line = self.line
        array = self.starts("[[")
        self.advance(2 if array else 1)
        keys = self.keys()
        self.skip_blank(newlines=False)
        closing = "]]" if array else "]"
        if not self.starts(closing):
            raise _Stop
        self.advance(len(closing))
        if array:
            parent = (*self.resolve(keys[:-1]), keys[-1])
            index = self._array_tables.get(parent, 0)
            self._array_tables[parent] = index + 1
            path: KeyPath = (*parent, index)
        else:
            path = self.resolve(keys)
        for length in range(1, len(path) + 1):
            self.record(path[:length], line)
        return path

    def resolve(self, keys: KeyPath) -> KeyPath:
        """A header's keys as a path: a key naming an array of tables means its last entry."""
        path: KeyPath = ()
        for key in keys:
            path = (*path, key)
            count = self._array_tables.get(path)
            if count is not None:
                path = (*path, count - 1)
        return path

    def key_value(self, table: KeyPath) -> None:
        line = self.line
        keys = self.keys()
        for length in range(1, len(keys) + 1):
            self.record((*table, *keys[:length]), line)
        self.skip_blank(newlines=False)
        if self.peek() != "=":
            raise _Stop
        self.advance()
        self.skip_blank(newlines=False)
        self.value((*table, *keys))

    def keys(self) -> KeyPath:
        """A dotted key: ``a``, ``a.b``, ``"quoted key".c``."""
        parts: list[str | int] = []
        while True:
            self.skip_blank(newlines=False)
            parts.append(self.key())
            self.skip_blank(newlines=False)
            if self.peek() != ".":
                return tuple(parts)
            self.advance()

    def key(self) -> str:
        start = self.pos
        if self.peek() in ("'", '"'):
            self.single_line_string()
            return _unquote(self.text[start : self.pos])
        while self.peek() and self.peek() in _BARE_KEY_CHARS:
            self.advance()
        if self.pos == start:
            raise _Stop
        return self.text[start : self.pos]

    # ------------------------------------------------------------------ values
    def value(self, path: KeyPath) -> None:
        if self.starts('"""') or self.starts("'''"):
            self.multi_line_string()
        elif self.peek() in ("'", '"'):
            self.single_line_string()
        elif self.peek() == "[":
            self.array(path)
        elif self.peek() == "{":
            self.inline_table(path)
        else:
            self.scalar()

    def array(self, path: KeyPath) -> None:
        self.advance()  # [
        index = 0
        while True:
            self.skip_blank(newlines=True)
            if self.peek() == "]":
                self.advance()
                return
            if self.at_end():
                raise _Stop
            self.record((*path, index), self.line)
            self.value((*path, index))
            self.skip_blank(newlines=True)
            if self.peek() == ",":
                self.advance()
                index += 1
            elif self.peek() != "]":
                raise _Stop

    def inline_table(self, path: KeyPath) -> None:
        self.advance()  # {
        while True:
            self.skip_blank(newlines=True)
            if self.peek() == "}":
                self.advance()
                return
            if self.at_end():
                raise _Stop
            self.key_value(path)
            self.skip_blank(newlines=True)
            if self.peek() == ",":
                self.advance()
            elif self.peek() != "}":
                raise _Stop

    def single_line_string(self) -> None:
        quote = self.peek()
        self.advance()
        while not self.at_end():
            char = self.peek()
            if char == "\\" and quote == '"':
                self.advance(2)
            elif char == quote:
                self.advance()
                return
            elif char == "\n":
                raise _Stop
            else:
                self.advance()
        raise _Stop

    def multi_line_string(self) -> None:
        delimiter = self.text[self.pos : self.pos + 3]
        self.advance(3)
        while not self.at_end():
            if self.peek() == "\\" and delimiter == '"""':
                self.advance(2)
            elif self.starts(delimiter):
                self.advance(3)
                # Up to two quotes may end the content right before the delimiter.
                for _ in range(2):
                    if self.peek() == delimiter[0]:
                        self.advance()
                return
            else:
                self.advance()
        raise _Stop

    def scalar(self) -> None:
        """A number, boolean or date: everything up to the next separator."""
        start = self.pos
        while not self.at_end() and self.peek() not in _SCALAR_ENDS:
            self.advance()
        if self.pos == start:
            raise _Stop


def _unquote(quoted: str) -> str:
    """A quoted key's text, escapes and all, decoded by tomllib itself."""
    try:
        keys = list(tomllib.loads(f"{quoted} = 0"))
    except tomllib.TOMLDecodeError:
        return quoted
    return keys[0] if len(keys) == 1 else quoted
