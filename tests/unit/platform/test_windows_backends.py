"""The Windows backends' parts that run anywhere: tick arithmetic, messages, the Run value.

The Windows APIs themselves (user32, wtsapi32, the registry) are not on Linux. The
registry is reached through a small ``RunKey`` protocol, so the real start-at-login logic
runs here against dict-backed stand-ins; on Linux every constructor must refuse cleanly.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.platform.autostart_base import Autostart, AutostartError
from app.platform.autostart_windows import (
    LOCATION,
    VALUE_NAME,
    RegistryAutostart,
    run_value,
)
from app.platform.base import BackendUnavailable
from app.platform.idle_windows import TICK_MODULUS, WindowsIdleSource, idle_ms_from_ticks
from app.platform.session_windows import (
    PBT_APMRESUMEAUTOMATIC,
    PBT_APMRESUMESUSPEND,
    PBT_APMSUSPEND,
    WM_POWERBROADCAST,
    WM_WTSSESSION_CHANGE,
    WTS_SESSION_LOCK,
    WTS_SESSION_UNLOCK,
    WindowsSessionWatcher,
    classify_message,
)

INSTALLED = (r"C:\Program Files\Sitbreak\sitbreak.exe",)
INSTALLED_VALUE = r'"C:\Program Files\Sitbreak\sitbreak.exe"'
DISABLED_IN_TASK_MANAGER = bytes.fromhex("03000000 80a3c4e1d2b0da01")
"""Explorer's StartupApproved record: odd first byte "disabled", then when (a FILETIME)."""
ENABLED_IN_TASK_MANAGER = bytes.fromhex("02000000 0000000000000000")
DAY_MS = 24 * 60 * 60 * 1000


# ---------------------------------------------------------------- idle: the 32-bit tick


def test_idle_is_the_difference_of_the_ticks():
    assert idle_ms_from_ticks(now=90_000, last_input=30_000) == 60_000


def test_input_just_now_is_no_idle_time():
    assert idle_ms_from_ticks(now=123_456, last_input=123_456) == 0


def test_idle_across_the_wrap_after_49_7_days_stays_short():
    last_input = TICK_MODULUS - 2_000  # 2 s before the counter wraps to 0
    assert idle_ms_from_ticks(now=3_000, last_input=last_input) == 5_000


def test_a_long_idle_spanning_the_wrap_is_counted_whole():
    last_input = TICK_MODULUS - DAY_MS  # the evening before the wrap
    now = 2 * DAY_MS  # two days later
    assert idle_ms_from_ticks(now, last_input) == 3 * DAY_MS


@given(
    last_input=st.integers(min_value=0, max_value=TICK_MODULUS - 1),
    idle=st.integers(min_value=0, max_value=TICK_MODULUS - 1),
)
def test_any_idle_shorter_than_the_wrap_is_read_back_exactly(last_input, idle):
    now = (last_input + idle) % TICK_MODULUS

    assert idle_ms_from_ticks(now, last_input) == idle


def test_the_idle_source_refuses_to_start_off_windows():
    with pytest.raises(BackendUnavailable, match="only on Windows"):
        WindowsIdleSource()


# ---------------------------------------------------------------- lock and sleep messages


@pytest.mark.parametrize(
    ("msg", "wparam", "meaning"),
    [
        (WM_WTSSESSION_CHANGE, WTS_SESSION_LOCK, ("lock", True)),
        (WM_WTSSESSION_CHANGE, WTS_SESSION_UNLOCK, ("lock", False)),
        (WM_POWERBROADCAST, PBT_APMSUSPEND, ("sleep", True)),
        (WM_POWERBROADCAST, PBT_APMRESUMEAUTOMATIC, ("sleep", False)),
        (WM_POWERBROADCAST, PBT_APMRESUMESUSPEND, ("sleep", False)),
    ],
)
def test_lock_and_power_messages_are_recognised(msg, wparam, meaning):
    assert classify_message(msg, wparam) == meaning


@pytest.mark.parametrize(
    ("msg", "wparam"),
    [
        (WM_WTSSESSION_CHANGE, 0x5),  # WTS_SESSION_LOGON: another session, not a lock
        (WM_WTSSESSION_CHANGE, 0x1),  # WTS_CONSOLE_CONNECT
        (WM_POWERBROADCAST, 0xA),  # PBT_APMPOWERSTATUSCHANGE: on battery, no sleep
        (WM_POWERBROADCAST, 0x8013),  # PBT_POWERSETTINGCHANGE
        (0x0113, WTS_SESSION_LOCK),  # WM_TIMER whose wParam happens to be 7
        (0x0010, PBT_APMSUSPEND),  # WM_CLOSE
    ],
)
def test_other_messages_mean_nothing(msg, wparam):
    assert classify_message(msg, wparam) is None


def test_the_session_watcher_refuses_to_start_off_windows():
    with pytest.raises(BackendUnavailable, match="only on Windows"):
        WindowsSessionWatcher()


# ---------------------------------------------------------------- start at login: the value


def test_a_path_with_spaces_is_quoted():
    assert run_value(INSTALLED) == INSTALLED_VALUE


def test_a_plain_path_stays_unquoted():
    assert run_value([r"C:\Sitbreak\sitbreak.exe"]) == r"C:\Sitbreak\sitbreak.exe"


def test_arguments_are_quoted_as_windows_splits_them():
    command = [
        r"C:\Python311\python.exe",
        "-m",
        "app",
        "--basedir",
        "C:\\Users\\Ann Lee\\Sitbreak data\\",  # trailing backslash before the closing quote
        'say "hi"',
        "",
    ]

    assert run_value(command) == (
        r"C:\Python311\python.exe -m app --basedir "
        r'"C:\Users\Ann Lee\Sitbreak data\\" "say \"hi\"" ""'
    )


def test_an_empty_command_is_refused():
    with pytest.raises(ValueError, match="empty"):
        run_value([])


# ---------------------------------------------------------------- start at login: the switch


class DictRunKey:
    """The Run key as a dict; ``refuse`` makes every write fail like a locked-down registry."""

    def __init__(self, values: dict[str, str] | None = None, refuse: bool = False) -> None:
        self.values = dict(values or {})
        self.refuse = refuse

    def get(self, name: str) -> str | None:
        return self.values.get(name)

    def set(self, name: str, value: str) -> None:
        self._check()
        self.values[name] = value

    def delete(self, name: str) -> None:
        self._check()
        self.values.pop(name, None)

    def _check(self) -> None:
        if self.refuse:
            raise PermissionError(13, "Access is denied")


class DictApprovals:
    def __init__(self, records: dict[str, bytes] | None = None) -> None:
        self.records = dict(records or {})

    def get(self, name: str) -> bytes | None:
        return self.records.get(name)


def registry_autostart(
    run_key: DictRunKey, approvals: DictApprovals | None = None
) -> RegistryAutostart:
    return RegistryAutostart(INSTALLED, run_key, approvals or DictApprovals())


def test_turning_on_writes_the_run_value_and_reads_back_on():
    run_key = DictRunKey({"OneDrive": r'"C:\OneDrive.exe" /background'})
    autostart: Autostart = registry_autostart(run_key)
    assert not autostart.is_enabled()

    autostart.set_enabled(True)

    assert run_key.values[VALUE_NAME] == INSTALLED_VALUE
    assert autostart.is_enabled()
    assert run_key.values["OneDrive"] == r'"C:\OneDrive.exe" /background'


def test_turning_off_removes_only_our_value():
    run_key = DictRunKey({VALUE_NAME: INSTALLED_VALUE, "OneDrive": r"C:\OneDrive.exe"})
    autostart = registry_autostart(run_key)

    autostart.set_enabled(False)
    autostart.set_enabled(False)  # already off: nothing to do, no error

    assert run_key.values == {"OneDrive": r"C:\OneDrive.exe"}
    assert not autostart.is_enabled()


def test_turning_on_points_an_older_install_value_at_this_install():
    run_key = DictRunKey({VALUE_NAME: r"D:\old\sitbreak.exe"})

    registry_autostart(run_key).set_enabled(True)

    assert run_key.values[VALUE_NAME] == INSTALLED_VALUE


def test_an_entry_enabled_in_task_manager_is_on():
    run_key = DictRunKey({VALUE_NAME: INSTALLED_VALUE})
    approvals = DictApprovals({VALUE_NAME: ENABLED_IN_TASK_MANAGER})

    assert registry_autostart(run_key, approvals).is_enabled()


def test_an_entry_disabled_in_task_manager_is_off():
    run_key = DictRunKey({VALUE_NAME: INSTALLED_VALUE})
    approvals = DictApprovals({VALUE_NAME: DISABLED_IN_TASK_MANAGER})

    assert not registry_autostart(run_key, approvals).is_enabled()


def test_turning_on_does_not_overrule_task_manager_but_says_where_to_do_it():
    run_key = DictRunKey()
    approvals = DictApprovals({VALUE_NAME: DISABLED_IN_TASK_MANAGER})
    autostart = registry_autostart(run_key, approvals)

    with pytest.raises(AutostartError, match="Task Manager"):
        autostart.set_enabled(True)

    assert run_key.values[VALUE_NAME] == INSTALLED_VALUE  # listed there, for the user
    assert approvals.records[VALUE_NAME] == DISABLED_IN_TASK_MANAGER
    assert not autostart.is_enabled()


def test_a_registry_that_refuses_the_change_is_reported_with_the_key():
    run_key = DictRunKey({VALUE_NAME: INSTALLED_VALUE}, refuse=True)
    autostart = registry_autostart(run_key)

    with pytest.raises(AutostartError, match="Access is denied") as raised:
        autostart.set_enabled(False)

    assert LOCATION in str(raised.value)
    assert autostart.is_enabled()


def test_the_switch_names_the_registry_value_it_lives_in():
    autostart = registry_autostart(DictRunKey())

    assert autostart.location == (
        r"HKEY_CURRENT_USER\Software\Microsoft\Windows\CurrentVersion\Run\Sitbreak"
    )


def test_the_real_registry_is_not_opened_off_windows():
    with pytest.raises(BackendUnavailable, match="only on Windows"):
        RegistryAutostart(INSTALLED)
