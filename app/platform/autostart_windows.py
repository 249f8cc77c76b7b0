"""Start at login on Windows: the value "Sitbreak" of ``HKCU\\...\\CurrentVersion\\Run``.

Windows runs each value of that key at login as a command line. Its state is read from
the registry every time:

- On when the value is there, unless the user turned Sitbreak off in Task Manager's
  "Startup apps" (or Settings, Apps, Startup). Explorer records that in the same-named
  value of ``...\\Explorer\\StartupApproved\\Run``: binary data whose first byte is odd
  when the entry is disabled (``03 00 00 00`` and when), even when enabled (``02 ...``).
- That choice is the user's and lives in Explorer's own records, so Sitbreak never
  writes there. Turning on while it says "disabled" still writes our value (so Task
  Manager lists this install), then fails with a message saying where to turn it on.
  Turning off deletes our value; the approval record is Explorer's to keep.

Not handled: the machine-wide ``HKLM`` Run key (an installer's business, not the user's),
and group policies that block Run entries.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Sequence
from typing import Protocol

from app.platform.autostart_base import AutostartError
from app.platform.base import BackendUnavailable

VALUE_NAME = "Sitbreak"
RUN_KEY = r"Software\Microsoft\Windows\CurrentVersion\Run"
STARTUP_APPROVED_KEY = r"Software\Microsoft\Windows\CurrentVersion\Explorer\StartupApproved\Run"
LOCATION = rf"HKEY_CURRENT_USER\{RUN_KEY}\{VALUE_NAME}"


class RunKey(Protocol):
    """The string values of the user's Run key (the real one: ``winreg``)."""

    def get(self, name: str) -> str | None:
        """The command line stored under ``name``, None when there is none."""
        ...

    def set(self, name: str, value: str) -> None:
        """Store ``value`` under ``name``; raise OSError when the registry refuses."""
        ...

    def delete(self, name: str) -> None:
        """Remove ``name``; nothing happens when it is not there."""
        ...


class StartupApprovals(Protocol):
    """Explorer's record of the Run entries the user disabled, read only."""

    def get(self, name: str) -> bytes | None:
        """The binary record for ``name``, None when Explorer has none."""
        ...


def run_value(command: Sequence[str]) -> str:
    """The Run value that starts ``command``: one command line, quoted as Windows parses it.

    ``CreateProcess`` splits it back by the rules of the C runtime, which
    ``subprocess.list2cmdline`` writes: arguments with spaces in double quotes,
    backslashes before a quote doubled.
    """
    if not command or not command[0]:
        raise ValueError("The start command is empty.")
    return subprocess.list2cmdline(command)


def disabled_by_user(record: bytes | None) -> bool:
    """Whether Explorer's StartupApproved record says the user turned the entry off."""
    if not record:
        return False
    return record[0] & 1 == 1


class RegistryAutostart:
    """The Run value "Sitbreak" for this install's command."""

    name = "windows-run-key"
    location = LOCATION

    def __init__(
        self,
        command: Sequence[str],
        run_key: RunKey | None = None,
        approvals: StartupApprovals | None = None,
    ) -> None:
        """``run_key`` and ``approvals`` default to the registry; that needs Windows.

        Raises BackendUnavailable elsewhere, ValueError for an empty ``command``.
        """
        self._value = run_value(command)
        self._run_key = run_key if run_key is not None else _registry_run_key()
        self._approvals = approvals if approvals is not None else _registry_approvals()

    def is_enabled(self) -> bool:
        return bool(self._run_key.get(VALUE_NAME)) and not self._disabled_by_user()

    def set_enabled(self, enabled: bool) -> None:
        try:
            if enabled:
                self._run_key.set(VALUE_NAME, self._value)
            else:
                self._run_key.delete(VALUE_NAME)
        except OSError as exc:
            raise AutostartError(
                f"Cannot change {LOCATION} in the registry: {exc.strerror or exc}."
            ) from exc
        if enabled and self._disabled_by_user():
            raise AutostartError(
                "Start at login for Sitbreak was turned off in Task Manager; turn it on "
                'there, under "Startup apps".'
            )

    def _disabled_by_user(self) -> bool:
        try:
            return disabled_by_user(self._approvals.get(VALUE_NAME))
        except OSError:
            return False  # Explorer's record unreadable: the Run value alone decides


def _registry_run_key() -> RunKey:
    if sys.platform == "win32":
        return _WinregRunKey(RUN_KEY)
    raise BackendUnavailable(f"The Windows registry exists only on Windows, not {sys.platform}")


def _registry_approvals() -> StartupApprovals:
    if sys.platform == "win32":
        return _WinregApprovals(STARTUP_APPROVED_KEY)
    raise BackendUnavailable(f"The Windows registry exists only on Windows, not {sys.platform}")


if sys.platform == "win32":
    import winreg

    def _query(subkey: str, name: str) -> object:
        """The data of value ``name`` of ``HKEY_CURRENT_USER\\subkey``, None if missing."""
        try:
            with winreg.OpenKey(winreg.HKEY_CURRENT_USER, subkey) as key:
                data, _kind = winreg.QueryValueEx(key, name)
        except FileNotFoundError:
            return None
        return data

    class _WinregRunKey:
        """String values of one key under ``HKEY_CURRENT_USER``, opened for each call."""

        def __init__(self, subkey: str) -> None:
            self._subkey = subkey

        def get(self, name: str) -> str | None:
            data = _query(self._subkey, name)
            return data if isinstance(data, str) else None

        def set(self, name: str, value: str) -> None:
            with winreg.CreateKeyEx(
                winreg.HKEY_CURRENT_USER, self._subkey, 0, winreg.KEY_SET_VALUE
            ) as key:
                winreg.SetValueEx(key, name, 0, winreg.REG_SZ, value)

        def delete(self, name: str) -> None:
            try:
                with winreg.OpenKey(
                    winreg.HKEY_CURRENT_USER, self._subkey, 0, winreg.KEY_SET_VALUE
                ) as key:
                    winreg.DeleteValue(key, name)
            except FileNotFoundError:
                pass

    class _WinregApprovals:
        """Binary values of Explorer's StartupApproved key, read only."""

        def __init__(self, subkey: str) -> None:
            self._subkey = subkey

        def get(self, name: str) -> bytes | None:
            data = _query(self._subkey, name)
            return data if isinstance(data, bytes) else None
