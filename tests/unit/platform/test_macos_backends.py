"""The macOS backends' parts that run anywhere: the LaunchAgent file and the ctypes binding.

The LaunchAgent is only a file, so the real class runs here against a temporary folder.
CoreGraphics is not on Linux; a stand-in library with the same C signature, compiled for
the test, checks what the binding passes and how it reads the result.
"""

from __future__ import annotations

import ctypes
import math
import plistlib
import re
import stat
import subprocess
from pathlib import Path

import pytest

from app.platform.autostart_base import Autostart, AutostartError
from app.platform.autostart_macos import (
    LAUNCH_AGENT_LABEL,
    LaunchAgentAutostart,
    launch_agent_plist,
)
from app.platform.base import BackendUnavailable, IdleSource
from app.platform.idle_macos import (
    ANY_INPUT_EVENT,
    HID_SYSTEM_STATE,
    MacIdleSource,
    idle_from_reading,
)
from tests.helpers.require import require_binaries

COMMAND = (
    "/Applications/My Apps/Sitbreak.app/Contents/MacOS/Sitbreak",
    "--basedir",
    "/Users/ana/Sitbreak data & <notes> \"100%\" $HOME 'x' ü",
)

# ---------------------------------------------------------------------- the LaunchAgent file


def test_the_plist_holds_exactly_the_label_the_command_and_how_launchd_runs_it() -> None:
    agent = plistlib.loads(launch_agent_plist("org.example.Label", COMMAND))

    assert agent == {
        "Label": "org.example.Label",
        "ProgramArguments": list(COMMAND),
        "RunAtLoad": True,
        "ProcessType": "Interactive",
    }


def test_the_plist_is_xml_with_the_apple_doctype() -> None:
    data = launch_agent_plist(LAUNCH_AGENT_LABEL, COMMAND)

    assert data.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE plist PUBLIC')
    assert b"<key>RunAtLoad</key>\n\t<true/>" in data


@pytest.mark.parametrize(
    ("label", "command", "problem"),
    [
        ("", COMMAND, "label is empty"),
        (LAUNCH_AGENT_LABEL, (), "command that starts Sitbreak is empty"),
        (LAUNCH_AGENT_LABEL, ("/bin/sitbreak", "bad\x01arg"), "cannot be written"),
    ],
)
def test_a_plist_that_launchd_could_not_run_is_refused_with_the_reason(
    label: str, command: tuple[str, ...], problem: str
) -> None:
    with pytest.raises(AutostartError, match=problem):
        launch_agent_plist(label, command)


@pytest.fixture
def agents_dir(tmp_path: Path) -> Path:
    return tmp_path / "home" / "Library" / "LaunchAgents"


@pytest.fixture
def agent_path(agents_dir: Path) -> Path:
    return agents_dir / "io.github.sitbreak.Sitbreak.plist"


def test_turning_on_writes_the_agent_launchd_reads_at_login(
    agents_dir: Path, agent_path: Path
) -> None:
    autostart: Autostart = LaunchAgentAutostart(COMMAND, agents_dir)
    assert autostart.name == "launch-agent"
    assert autostart.location == str(agent_path)
    assert not autostart.is_enabled()

    autostart.set_enabled(True)  # the LaunchAgents folder does not exist yet

    assert autostart.is_enabled()
    assert agent_path.read_bytes() == launch_agent_plist(LAUNCH_AGENT_LABEL, COMMAND)
    # launchd ignores an agent that group or others may write.
    assert stat.S_IMODE(agent_path.stat().st_mode) == 0o644
    assert [p.name for p in agents_dir.iterdir()] == [agent_path.name]  # no temp file left


def test_turning_off_removes_the_agent(agents_dir: Path, agent_path: Path) -> None:
    autostart = LaunchAgentAutostart(COMMAND, agents_dir)
    autostart.set_enabled(True)

    autostart.set_enabled(False)

    assert not agent_path.exists()
    assert not autostart.is_enabled()
    autostart.set_enabled(False)  # already off: nothing to do, no error


def test_the_state_is_read_from_disk_each_time(agents_dir: Path, agent_path: Path) -> None:
    autostart = LaunchAgentAutostart(COMMAND, agents_dir)
    LaunchAgentAutostart(COMMAND, agents_dir).set_enabled(True)  # another window did it
    assert autostart.is_enabled()

    agent_path.unlink()  # the user removed it in Finder
    assert not autostart.is_enabled()


def test_an_agent_launchd_would_skip_counts_as_off_and_turning_on_repairs_it(
    agents_dir: Path, agent_path: Path
) -> None:
    agents_dir.mkdir(parents=True)
    old = {"Label": LAUNCH_AGENT_LABEL, "ProgramArguments": ["/old/sitbreak"], "RunAtLoad": True}
    agent_path.write_bytes(plistlib.dumps({**old, "Disabled": True}))
    autostart = LaunchAgentAutostart(COMMAND, agents_dir)
    assert not autostart.is_enabled()

    autostart.set_enabled(True)

    assert autostart.is_enabled()
    assert plistlib.loads(agent_path.read_bytes())["ProgramArguments"] == list(COMMAND)
    assert "Disabled" not in plistlib.loads(agent_path.read_bytes())


def test_another_install_s_agent_is_replaced_by_this_one(
    agents_dir: Path, agent_path: Path
) -> None:
    LaunchAgentAutostart(["/old/install/sitbreak"], agents_dir).set_enabled(True)
    autostart = LaunchAgentAutostart(COMMAND, agents_dir)
    assert autostart.is_enabled()  # the next login starts a Sitbreak, though another one

    autostart.set_enabled(True)

    assert plistlib.loads(agent_path.read_bytes())["ProgramArguments"] == list(COMMAND)


@pytest.mark.parametrize(
    "content",
    [b"", b"not a plist", b"<plist><dict><key>Label</key>", b"<plist><array/></plist>"],
    ids=["empty", "text", "broken-xml", "not-a-dict"],
)
def test_a_file_that_is_not_an_agent_is_never_replaced_or_removed(
    agents_dir: Path, agent_path: Path, content: bytes
) -> None:
    agents_dir.mkdir(parents=True)
    agent_path.write_bytes(content)
    autostart = LaunchAgentAutostart(COMMAND, agents_dir)

    assert not autostart.is_enabled()
    for enabled in (True, False):
        with pytest.raises(AutostartError, match="is not a LaunchAgent property list") as error:
            autostart.set_enabled(enabled)
        assert str(agent_path) in str(error.value)
    assert agent_path.read_bytes() == content


def test_a_folder_that_cannot_hold_the_agent_gives_an_error_naming_it(tmp_path: Path) -> None:
    blocker = tmp_path / "LaunchAgents"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    autostart = LaunchAgentAutostart(COMMAND, blocker)

    assert not autostart.is_enabled()
    with pytest.raises(AutostartError, match="LaunchAgents"):
        autostart.set_enabled(True)
    assert blocker.read_text(encoding="utf-8") == "a file where the folder should be"


# ---------------------------------------------------------------------- idle time

_STAND_IN_SOURCE = """
int last_state = -2;
unsigned int last_type = 0;
double next_reading = 0.0;

double CGEventSourceSecondsSinceLastEventType(int state, unsigned int type) {
    last_state = state;
    last_type = type;
    return next_reading;
}
"""


@pytest.fixture
def stand_in_library(tmp_path: Path) -> Path:
    """A shared library exporting CoreGraphics' function, recording its arguments."""
    require_binaries("cc")
    source = tmp_path / "coregraphics.c"
    source.write_text(_STAND_IN_SOURCE, encoding="utf-8")
    library = tmp_path / "libcoregraphics.so"
    subprocess.run(
        ["cc", "-shared", "-fPIC", "-nostdlib", "-o", str(library), str(source)],
        check=True,
        capture_output=True,
        timeout=60,
    )
    return library


def test_idle_time_is_not_offered_outside_macos() -> None:
    with pytest.raises(BackendUnavailable, match="only on macOS, not linux"):
        MacIdleSource()  # this test machine is Linux
    with pytest.raises(BackendUnavailable, match="only on macOS, not win32"):
        MacIdleSource(platform="win32")


def test_a_mac_without_the_framework_is_reported_with_its_path(tmp_path: Path) -> None:
    missing = tmp_path / "ApplicationServices"
    with pytest.raises(
        BackendUnavailable, match=re.escape(f"cannot load CoreGraphics from {missing}")
    ):
        MacIdleSource(platform="darwin", library_path=str(missing))


def test_the_reading_asks_the_hardware_for_any_input_and_returns_its_seconds(
    stand_in_library: Path,
) -> None:
    source: IdleSource = MacIdleSource(platform="darwin", library_path=str(stand_in_library))
    recorder = ctypes.CDLL(str(stand_in_library))
    next_reading = ctypes.c_double.in_dll(recorder, "next_reading")
    next_reading.value = 1234.5625
    assert source.name == "macos-cgeventsource"

    assert source.idle_seconds() == 1234.5625
    assert ctypes.c_int.in_dll(recorder, "last_state").value == HID_SYSTEM_STATE == 1
    assert ctypes.c_uint.in_dll(recorder, "last_type").value == ANY_INPUT_EVENT == 0xFFFFFFFF

    next_reading.value = -1.0  # an impossible answer is no reading, not a negative idle
    assert source.idle_seconds() is None

    next_reading.value = 3.0
    source.close()
    assert source.idle_seconds() is None


@pytest.mark.parametrize(
    ("reported", "idle"),
    [
        (0.0, 0.0),
        (0.25, 0.25),
        (86400.0, 86400.0),
        (-0.5, None),
        (math.nan, None),
        (math.inf, None),
    ],
)
def test_only_a_real_duration_counts_as_idle_time(reported: float, idle: float | None) -> None:
    assert idle_from_reading(reported) == idle
